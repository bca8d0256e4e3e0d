package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.DataSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Writes that fail: retried and cut back, or failing loudly, never tearing a line. */
class FaultInjectionTest {
  @TempDir Path dir;

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 8).boxed();
  }

  /**
   * Opens channels to the active file that fail their next {@code failures} writes (the
   * compression's files are tested separately, below).
   */
  private static RotatingFileSink.Builder faulty(Path active, AtomicInteger failures,
      AtomicInteger failed) {
    return FileSinks.rotating(active).channelFactory((p, o) -> p.equals(active)
        ? new FaultyChannel(FileChannel.open(p, o), failures, failed) : FileChannel.open(p, o));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void transientFailuresAreRetriedWithoutDuplicatesOrTornLines(long seed) {
    System.out.println("transientFailures seed=" + seed);
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Path active = dir.resolve("access.log");
    int n = 20_000;
    try (RotatingFileSink sink = faulty(active, failures, failed)
        .maxSize(DataSize.ofKilobytes(64)).bufferSize(DataSize.ofKilobytes(8))
        .retry(3, Duration.ZERO).gzip(1).build()) {
      for (int i = 0; i < n; i++) {
        if (rnd.nextInt(200) == 0) {
          failures.set(1 + rnd.nextInt(2)); // fewer than the 3 attempts: the write succeeds
        }
        byte[] b = TestLines.bytes(i);
        sink.write(b, 0, b.length, 0L);
      }
    }
    assertTrue(failed.get() > 10, "faults were injected: " + failed.get());
    List<Path> files = new ArrayList<>();
    List<String> names = TestLines.names(dir);
    for (int i = names.size() - 1; i >= 1; i--) {
      files.add(dir.resolve("access.log." + i + ".gz"));
    }
    files.add(active);
    assertEquals(names.size(), files.size(), names::toString);
    assertEquals(TimeRotationTest.LongsRange.of(0, n), TestLines.seqs(TestLines.lines(files)),
        "seed " + seed + ": every line once, in order, whole");
  }

  @Test
  void fullDiskRetriesThenFailsNamingOperationAndPath() throws IOException {
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Path active = dir.resolve("access.log");
    RotatingFileSink sink = faulty(active, failures, failed)
        .bufferSize(DataSize.ofKilobytes(4)).retry(3, Duration.ofMillis(1)).build();
    int i = 0;
    for (; i < 100; i++) {
      byte[] b = TestLines.bytes(i);
      sink.write(b, 0, b.length, 0L);
    }
    sink.flush();
    failures.set(-1); // the disk is full from now on
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
      for (int j = 100; j < 10_000; j++) {
        byte[] b = TestLines.bytes(j);
        sink.write(b, 0, b.length, 0L);
      }
    });
    assertEquals(3, failed.get(), "three attempts");
    String m = e.getMessage();
    assertTrue(m.startsWith("write failed for " + active + " after 3 attempts"), m);
    assertTrue(m.contains("No space left on device"), m);
    IllegalStateException again = assertThrows(IllegalStateException.class, () -> {
      byte[] b = TestLines.bytes(0);
      sink.write(b, 0, b.length, 0L);
    });
    assertTrue(again.getMessage().contains("failed earlier"), again.getMessage());
    sink.close();
    sink.close();
    // on disk: the 100 flushed lines, whole; the partial writes were cut back
    byte[] content = Files.readAllBytes(active);
    assertEquals('\n', content[content.length - 1]);
    assertEquals(TimeRotationTest.LongsRange.of(0, 100),
        TestLines.seqs(TestLines.lines(active)));
  }

  /**
   * A channel that takes no bytes (what a race between two writing threads can leave: nothing
   * to write where the sink expects bytes) fails through retry and failure like any error,
   * naming the path, instead of spinning for ever. Both ways of writing are covered: the buffer,
   * and a line longer than the buffer (a gathering write). The timeout runs the test on another
   * thread, so a spinning loop fails it rather than hanging the build.
   */
  @ParameterizedTest(name = "line of {0} bytes")
  @ValueSource(ints = {100, 10_000})
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aWriteThatMakesNoProgressFailsInsteadOfSpinning(int length) throws IOException {
    Path active = dir.resolve("access.log");
    Files.writeString(active, "old\n");
    RotatingFileSink sink = FileSinks.rotating(active).bufferSize(DataSize.ofKilobytes(4))
        .retry(2, Duration.ZERO).channelFactory((p, o) -> p.equals(active)
            ? FaultyChannel.stalling(FileChannel.open(p, o)) : FileChannel.open(p, o)).build();
    byte[] line = new byte[length];
    java.util.Arrays.fill(line, (byte) 'x');
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
      sink.write(line, 0, line.length, 0L);
      sink.flush();
    });
    String m = e.getMessage();
    assertTrue(m.startsWith("write failed for " + active + " after 2 attempts: "), m);
    assertTrue(m.contains("write to " + active + " made no progress: the channel took 0 of the "
        + (length + 1) + " bytes left"), m);
    assertThrows(IllegalStateException.class, sink::flush);
    sink.close();
    assertEquals("old\n", Files.readString(active), "nothing half written");
  }

  @Test
  void fullDiskDuringCompressionIsReportedAndTheArchiveKept() {
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Path active = dir.resolve("access.log");
    RotatingFileSink sink = FileSinks.rotating(active).maxSize(DataSize.ofKilobytes(8)).gzip(1)
        .retry(2, Duration.ZERO).channelFactory((p, o) -> {
          FileChannel ch = FileChannel.open(p, o);
          return p.getFileName().toString().endsWith(".tmp")
              ? new FaultyChannel(ch, failures, failed) : ch;
        }).build();
    failures.set(-1);
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
      for (int i = 0; i < 1000; i++) {
        byte[] b = TestLines.bytes(i);
        sink.write(b, 0, b.length, 0L);
      }
      sink.close();
    });
    assertTrue(e.getMessage().contains("compress failed for " + dir.resolve("access.log.1")),
        e.getMessage());
    sink.close();
    List<String> names = TestLines.names(dir);
    assertTrue(names.contains("access.log.1"), "the uncompressed archive stays: " + names);
    assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".gz")),
        "no partial .gz, no temporary file: " + names);
  }

  /**
   * A compression failure that {@link RotatingFileSink#archives()} reported makes the sink refuse
   * further lines, as a failure reported by a write does: the rollovers that would follow would
   * fail to compress too, unreported.
   */
  @Test
  void aFailureReportedByArchivesStopsTheSink() throws IOException {
    Path active = dir.resolve("access.log");
    Files.createDirectories(dir.resolve(".access.log.1.gz.tmp/blocker"));
    RotatingFileSink sink = FileSinks.rotating(active).maxSize(DataSize.ofBytes(300)).gzip(1)
        .retry(1, Duration.ZERO).build();
    int i = 0;
    for (; i < 5; i++) {
      byte[] b = TestLines.bytes(i);
      sink.write(b, 0, b.length, 0L);
    }
    UncheckedIOException e = assertThrows(UncheckedIOException.class, sink::archives);
    assertTrue(e.getMessage().startsWith("background compress failed for "
        + dir.resolve("access.log.1")), e.getMessage());
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> {
      for (int j = 5; j < 100; j++) {
        byte[] b = TestLines.bytes(j);
        sink.write(b, 0, b.length, 0L);
      }
    });
    assertTrue(refused.getMessage().contains("failed earlier"), refused.getMessage());
    assertEquals(e, refused.getCause());
    sink.close();
    assertEquals(List.of(".access.log.1.gz.tmp", "access.log", "access.log.1"),
        TestLines.names(dir));
    assertEquals(TimeRotationTest.LongsRange.of(0, 5), TestLines.seqs(TestLines.lines(
        List.of(dir.resolve("access.log.1"), active))), "the lines accepted are all written");
  }

  /** A full disk: the failure, and close() after it, say how many accepted lines are lost. */
  @Test
  void aFailedWriteSaysHowManyAcceptedLinesAreLost() {
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Path active = dir.resolve("access.log");
    List<String> warnings = new ArrayList<>();
    RotatingFileSink sink = faulty(active, failures, failed).retry(2, Duration.ZERO)
        .warnings(warnings::add).build();
    long bytes = 0;
    for (int i = 0; i < 50; i++) {
      byte[] b = TestLines.bytes(i);
      sink.write(b, 0, b.length, 0L);
      bytes += b.length + 1;
    }
    failures.set(-1);
    UncheckedIOException e = assertThrows(UncheckedIOException.class, sink::flush);
    String lost = "50 accepted lines (" + bytes + " bytes) not written to " + active;
    assertTrue(e.getMessage().startsWith("write failed for " + active + " after 2 attempts: "
        + "java.io.IOException: No space left on device; " + lost), e.getMessage());
    assertTrue(e.getCause().getMessage().contains("No space left on device"), "the cause kept");
    IllegalStateException again = assertThrows(IllegalStateException.class, sink::flush);
    assertTrue(again.getMessage().contains("(" + lost + "): " + e.getMessage()),
        again.getMessage());
    sink.close();
    assertEquals(1, warnings.size(), warnings::toString);
    // the failure's message, not its class name ("java.io.UncheckedIOException: write ...")
    assertEquals("closing " + active + " after a failure: " + lost + ", as reported by: "
        + e.getMessage(), warnings.get(0));
  }
}
