package dev.loggen.sinks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive manager on its own: failures of background work, archives that vanish. */
class ArchiveManagerTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long T = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  @TempDir Path dir;

  private ArchiveManager manager(Path active, String dateFormat, int gzipLevel) {
    NameTemplate names = NameTemplate.logrotate(active.getFileName().toString(), dateFormat,
        gzipLevel > 0, ZoneOffset.UTC);
    return new ArchiveManager(active, names, dateFormat == null, 1, gzipLevel, Retention.ALL,
        new Retrier(1, Duration.ZERO), ChannelFactory.DEFAULT, false, w -> {
          throw new AssertionError(w);
        });
  }

  @Test
  void everyBackgroundFailureIsReportedOnceAndALaterOneByClose() throws IOException {
    Path active = dir.resolve("access.log");
    // a directory where compression writes its temporary file: both compressions fail
    Files.createDirectories(dir.resolve(".access.log.2026-01-01.1.gz.tmp/blocker"));
    Files.createDirectories(dir.resolve(".access.log.2026-01-02.1.gz.tmp/blocker"));
    ArchiveManager m = manager(active, "yyyy-MM-dd", 1);
    Files.writeString(active, "day 1\n");
    m.rollover(active, T, T, T);
    UncheckedIOException first = assertThrows(UncheckedIOException.class, m::archives);
    assertTrue(first.getMessage().startsWith("background compress failed for "
        + dir.resolve("access.log.2026-01-01.1")), first.getMessage());
    m.checkHealth(); // reported: not again
    Files.writeString(active, "day 2\n");
    m.rollover(active, T + DAY, T + DAY, T + DAY);
    UncheckedIOException second = assertThrows(UncheckedIOException.class, m::close);
    assertTrue(second.getMessage().startsWith("background compress failed for "
        + dir.resolve("access.log.2026-01-02.1")), second.getMessage());
    m.close(); // idempotent
    assertTrue(Files.exists(dir.resolve("access.log.2026-01-01.1")), "kept uncompressed");
    assertTrue(Files.exists(dir.resolve("access.log.2026-01-02.1")), "kept uncompressed");
  }

  @Test
  void anArchiveDeletedFromOutsideIsDroppedAndTheShiftGoesOn() throws IOException {
    Path active = dir.resolve("access.log");
    List<String> warnings = new ArrayList<>();
    ArchiveManager m = new ArchiveManager(active,
        NameTemplate.logrotate("access.log", null, false, ZoneOffset.UTC), true, 1, 0,
        Retention.ALL, new Retrier(1, Duration.ZERO), ChannelFactory.DEFAULT, false,
        warnings::add);
    for (int i = 1; i <= 3; i++) {
      Files.writeString(active, "file " + i + "\n");
      m.rollover(active, T, T, T);
    }
    // access.log.1 is file 3, .2 file 2, .3 file 1: a cron job deletes the middle one
    Files.delete(dir.resolve("access.log.2"));
    Files.writeString(active, "file 4\n");
    m.rollover(active, T, T, T);
    m.close();
    assertEquals(List.of(dir.resolve("access.log.4"), dir.resolve("access.log.2"),
        dir.resolve("access.log.1")), m.archives());
    assertEquals("file 1\n", Files.readString(dir.resolve("access.log.4")));
    assertEquals("file 3\n", Files.readString(dir.resolve("access.log.2")));
    assertEquals("file 4\n", Files.readString(dir.resolve("access.log.1")));
    assertEquals(List.of("archive " + dir.resolve("access.log.2") + " was deleted by another"
        + " program; it is no longer counted among this sink's archives"), warnings);
  }
}
