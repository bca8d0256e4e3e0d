package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.DataSize;
import dev.loggen.sinks.internal.ChannelFactory;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On a file system that cannot rename atomically, rotation falls back to copy, rename and
 * delete, and leaves exactly the files, names and bytes of a run where atomic renames work.
 */
class NoAtomicMoveTest {
  private static final long HOUR = 3_600_000L;
  private static final long START = 1_767_225_600_000L; // 2026-01-01T00:00Z

  @TempDir Path dir;

  /** Refuses every atomic rename, as a file system without them does, and counts them. */
  private static final class NoAtomicMoves extends NoAtomicMovesBase {}

  private static class NoAtomicMovesBase implements ChannelFactory {
    final AtomicInteger refused = new AtomicInteger();

    @Override
    public FileChannel open(Path path, OpenOption... options) throws IOException {
      return FileChannel.open(path, options);
    }

    @Override
    public void moveAtomically(Path from, Path to) throws IOException {
      refused.incrementAndGet();
      throw new AtomicMoveNotSupportedException(from.toString(), to.toString(), "test");
    }
  }

  static Stream<Arguments> setups() {
    UnaryOperator<RotatingFileSink.Builder> size = b -> b.maxSize(DataSize.ofKilobytes(16));
    UnaryOperator<RotatingFileSink.Builder> sizeGzip = b -> b.maxSize(DataSize.ofKilobytes(16))
        .gzip(1);
    UnaryOperator<RotatingFileSink.Builder> hourlyGzip = b -> b.hourly().gzip(1).keep(100);
    UnaryOperator<RotatingFileSink.Builder> hourlyAndSize = b -> b.hourly()
        .maxSize(DataSize.ofKilobytes(16)).keep(100);
    return Stream.of(Arguments.of("size", size), Arguments.of("size+gzip", sizeGzip),
        Arguments.of("hourly+gzip", hourlyGzip), Arguments.of("hourly+size", hourlyAndSize));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void fallbackLeavesWhatAtomicRenamesLeave(String name,
      UnaryOperator<RotatingFileSink.Builder> setup) throws IOException {
    NoAtomicMoves fs = new NoAtomicMoves();
    assertSameFilesAsAtomicRenames(name, setup, b -> b.channelFactory(fs));
    assertTrue(fs.refused.get() > 3, name + ": renames went through the fallback: "
        + fs.refused.get());
  }

  /** Refuses atomic renames and fails each delete of a copied source once. */
  private static final class FlakyDeletes extends NoAtomicMovesBase {
    final AtomicInteger failed = new AtomicInteger();
    private boolean failNext = true;

    @Override
    public synchronized void deleteCopied(Path path) throws IOException {
      boolean fail = failNext;
      failNext = !failNext;
      if (fail) {
        failed.incrementAndGet();
        throw new IOException("test: delete failed once");
      }
      super.deleteCopied(path);
    }
  }

  /**
   * A delete of the copied source that fails once is retried alone: the lines end up in the
   * archive only, not in the archive and again in the active file.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("setups")
  void aFailedDeleteOfTheCopiedSourceIsRetriedAlone(String name,
      UnaryOperator<RotatingFileSink.Builder> setup) throws IOException {
    FlakyDeletes fs = new FlakyDeletes();
    assertSameFilesAsAtomicRenames(name, setup,
        b -> b.channelFactory(fs).retry(3, Duration.ZERO));
    assertTrue(fs.failed.get() >= 3, name + ": deletes failed: " + fs.failed.get());
  }

  /** The run with {@code faults} leaves the files, names and bytes of a run without them. */
  private void assertSameFilesAsAtomicRenames(String name,
      UnaryOperator<RotatingFileSink.Builder> setup,
      UnaryOperator<RotatingFileSink.Builder> faults) throws IOException {
    Path atomic = Files.createDirectory(dir.resolve("atomic"));
    Path faulty = Files.createDirectory(dir.resolve("faulty"));
    write(setup.apply(FileSinks.rotating(atomic.resolve("access.log"))));
    write(faults.apply(setup.apply(FileSinks.rotating(faulty.resolve("access.log")))));
    List<String> names = TestLines.names(atomic);
    assertTrue(names.size() > 3, name + ": the run rotated: " + names);
    assertEquals(names, TestLines.names(faulty), name + ": the same files, no temporaries");
    for (String n : names) {
      assertArrayEquals(Files.readAllBytes(atomic.resolve(n)),
          Files.readAllBytes(faulty.resolve(n)), name + ": the same bytes in " + n);
    }
  }

  /** 6,000 lines over five hours of event time. */
  private static void write(RotatingFileSink.Builder builder) {
    try (RotatingFileSink sink = builder.build()) {
      for (int i = 0; i < 6_000; i++) {
        byte[] b = TestLines.bytes(i);
        sink.write(b, 0, b.length, START + i * (5 * HOUR / 6_000));
      }
    }
  }
}
