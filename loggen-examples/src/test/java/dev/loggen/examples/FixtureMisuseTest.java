package dev.loggen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.LogGenerator;
import dev.loggen.core.Report;
import dev.loggen.formats.LogFormats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a fixture does when the directory or the generator is not what it needs. */
class FixtureMisuseTest {
  @TempDir Path dir;

  /**
   * The access log's sink was built and never closed when the error log's failed, so the
   * directory's access.log stayed locked for the rest of the JVM: the next fixture there failed
   * with "is being written by another sink in this JVM".
   */
  @Test
  void aFailedFixtureLeavesNothingLockedForTheNext() throws Exception {
    Files.createDirectory(dir.resolve("error.log"));
    assertThrows(IllegalArgumentException.class, () -> LogFixtures.day(dir, 42));
    assertThrows(IllegalArgumentException.class, () -> LogFixtures.rotatedDay(dir, 42));
    Files.delete(dir.resolve("error.log"));
    Report r = LogFixtures.day(dir, 42);
    assertEquals(r.lines(), Files.lines(dir.resolve("access.log")).count());
    assertTrue(LogFixtures.rotatedDay(dir, 42).lines() > 0);
  }

  /** An open window made write() fill the disk until the year 9999. */
  @Test
  @Timeout(60)
  void aGeneratorWithoutEndIsRefused() {
    LogGenerator endless = LogGenerator.builder().seed(1)
        .window(Instant.parse("2026-01-01T00:00:00Z"), null).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LogFixtures.write(dir, endless, LogFormats.common()));
    assertTrue(e.getMessage().startsWith("generator's window has no end"), e.getMessage());
    assertEquals(0, dir.toFile().list().length, "nothing written");
  }
}
