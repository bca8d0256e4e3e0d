package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.DataSize;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sink whose thread is interrupted (a live run stopped, a task cancelled) still writes every
 * line it accepted, and leaves the interrupt status set for the caller.
 */
class InterruptTest {
  @TempDir Path dir;

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted(); // a failed assertion must not leave it to the next test
  }

  @Test
  void closeOnAnInterruptedThreadWritesEveryBufferedLine() {
    Path active = dir.resolve("access.log");
    RotatingFileSink sink = FileSinks.rotating(active).build();
    write(sink, 0, 1000);
    Thread.currentThread().interrupt();
    sink.close();
    assertTrue(Thread.interrupted(), "the interrupt status is kept for the caller");
    assertEquals(TimeRotationTest.LongsRange.of(0, 1000),
        TestLines.seqs(TestLines.lines(active)));
  }

  @Test
  void anInterruptedThreadWritesAndRotatesWithoutLosingALine() {
    Path active = dir.resolve("access.log");
    List<Path> archives;
    Thread.currentThread().interrupt();
    try (RotatingFileSink sink = FileSinks.rotating(active).maxSize(DataSize.ofKilobytes(16))
        .bufferSize(DataSize.ofKilobytes(4)).fsync(FsyncPolicy.ON_ROTATE).build()) {
      write(sink, 0, 2000);
      assertTrue(Thread.currentThread().isInterrupted(), "still set after writes");
      archives = sink.archives();
    }
    assertTrue(Thread.interrupted(), "the interrupt status is kept for the caller");
    assertTrue(archives.size() > 5, archives::toString);
    assertEquals(TimeRotationTest.LongsRange.of(0, 2000),
        TestLines.seqs(TestLines.lines(all(archives, active))));
  }

  @Test
  void anInterruptDuringAWriteDoesNotFailItNorCountAsAnAttempt() {
    Path active = dir.resolve("access.log");
    AtomicInteger interrupts = new AtomicInteger();
    RotatingFileSink sink = FileSinks.rotating(active).bufferSize(DataSize.ofKilobytes(4))
        .retry(1, java.time.Duration.ZERO)
        .channelFactory((p, o) -> FaultyChannel.interrupting(FileChannel.open(p, o), interrupts))
        .build();
    for (int i = 0; i < 20; i++) {
      interrupts.set(2); // the channel closes by interrupt twice in this write
      write(sink, i * 100, 100);
      assertTrue(Thread.interrupted(), "write " + i + " keeps the interrupt status");
    }
    interrupts.set(1);
    sink.close();
    assertTrue(Thread.interrupted(), "close keeps the interrupt status");
    assertEquals(TimeRotationTest.LongsRange.of(0, 2000),
        TestLines.seqs(TestLines.lines(active)));
  }

  @Test
  void closeOnAnInterruptedThreadWaitsForCompression() {
    Path active = dir.resolve("access.log");
    List<Path> archives;
    RotatingFileSink sink = slowlyCompressing(active, 100);
    write(sink, 0, 1000); // one rollover: its compression takes 100 ms or more
    Thread.currentThread().interrupt();
    sink.close();
    assertTrue(Thread.interrupted(), "the interrupt status is kept for the caller");
    assertTrue(gzipThreads().isEmpty(), () -> "compression outlived close(): " + gzipThreads());
    List<String> names = TestLines.names(dir);
    assertEquals(List.of("access.log", "access.log.1.gz"), names);
    archives = List.of(dir.resolve("access.log.1.gz"));
    assertEquals(TimeRotationTest.LongsRange.of(0, 1000),
        TestLines.seqs(TestLines.lines(all(archives, active))));
  }

  /**
   * The executor counts as terminated as its thread leaves its loop, a moment before the thread
   * ends: close() joins the thread too. Repeated with a short compression, the old close()
   * (awaitTermination only) left a live gzip thread in about one run in twenty.
   */
  @RepeatedTest(60)
  void noCompressionThreadIsAliveAfterClose() {
    Path active = dir.resolve("access.log");
    RotatingFileSink sink = slowlyCompressing(active, 1);
    write(sink, 0, 1000);
    sink.close();
    assertTrue(gzipThreads().isEmpty(), () -> "compression outlived close(): " + gzipThreads());
  }

  /** A sink rolling over at 64 KiB whose compression writes take {@code millis} each. */
  private static RotatingFileSink slowlyCompressing(Path active, long millis) {
    return FileSinks.rotating(active).maxSize(DataSize.ofKilobytes(64)).gzip(1)
        .channelFactory((p, o) -> p.getFileName().toString().endsWith(".tmp")
            ? FaultyChannel.slow(FileChannel.open(p, o), millis) : FileChannel.open(p, o))
        .build();
  }

  private static List<String> gzipThreads() {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("loggen-gzip-") && t.isAlive()) {
        names.add(t.getName());
      }
    }
    return names;
  }

  private static List<Path> all(List<Path> archives, Path active) {
    List<Path> files = new ArrayList<>(archives);
    files.add(active);
    return files;
  }

  private static void write(RotatingFileSink sink, int from, int n) {
    for (int i = from; i < from + n; i++) {
      byte[] b = TestLines.bytes(i);
      sink.write(b, 0, b.length, 0L);
    }
  }
}
