package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.DataSize;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the sink forces data to the device. */
class FsyncTest {
  @TempDir Path dir;

  private final AtomicInteger forces = new AtomicInteger();
  private final AtomicBoolean forceFails = new AtomicBoolean();

  private RotatingFileSink.Builder counting() {
    AtomicInteger none = new AtomicInteger();
    return FileSinks.rotating(dir.resolve("access.log")).bufferSize(DataSize.ofKilobytes(4))
        .channelFactory((p, o) -> new FaultyChannel(FileChannel.open(p, o), none, none, forces,
            forceFails));
  }

  private static void write(RotatingFileSink sink, int lines) {
    for (int i = 0; i < lines; i++) {
      byte[] b = TestLines.bytes(i);
      sink.write(b, 0, b.length, 0L);
    }
  }

  @Test
  void noneNeverForces() {
    try (RotatingFileSink sink = counting().maxSize(DataSize.ofKilobytes(8)).build()) {
      write(sink, 1000);
    }
    assertEquals(0, forces.get());
  }

  @Test
  void onRotateForcesEachFinishedFileAndOnClose() {
    int archives;
    try (RotatingFileSink sink = counting().maxSize(DataSize.ofKilobytes(8))
        .fsync(FsyncPolicy.ON_ROTATE).build()) {
      write(sink, 1000);
      archives = sink.archives().size();
    }
    assertEquals(archives + 1, forces.get());
  }

  @Test
  void everyIntervalForcesWhenTheClockSaysSo() {
    TimeRotationTest.MutableClock clock = new TimeRotationTest.MutableClock(
        Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    try (RotatingFileSink sink = counting().clock(clock)
        .fsync(FsyncPolicy.every(Duration.ofSeconds(5))).build()) {
      write(sink, 1000); // many buffer writes, no time passes
      assertEquals(0, forces.get());
      clock.advance(Duration.ofSeconds(5));
      write(sink, 100);
      assertEquals(1, forces.get());
      write(sink, 100);
      assertEquals(1, forces.get());
    }
    assertEquals(2, forces.get(), "and on close");
  }

  @Test
  void aFailedPeriodicFsyncFailsTheSinkLikeAFailedWrite() {
    TimeRotationTest.MutableClock clock = new TimeRotationTest.MutableClock(
        Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    RotatingFileSink sink = counting().clock(clock).retry(2, Duration.ZERO)
        .fsync(FsyncPolicy.every(Duration.ofSeconds(5))).build();
    write(sink, 100);
    forceFails.set(true);
    clock.advance(Duration.ofSeconds(5));
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> write(sink, 1000));
    assertTrue(e.getMessage().startsWith("fsync failed for " + dir.resolve("access.log")),
        e.getMessage());
    // the written data may not have reached the device: no further line is taken silently
    IllegalStateException again = assertThrows(IllegalStateException.class, () -> write(sink, 1));
    assertTrue(again.getMessage().contains("failed earlier"), again.getMessage());
    forceFails.set(false);
    sink.close();
  }
}
