package dev.loggen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fixture call that is refused leaves the directory's earlier fixture as it was. */
class FixtureDamageTest {
  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Makes error.log unusable: a directory where the file was. */
  private static void breakErrorLog(Path dir) throws IOException {
    Files.delete(dir.resolve("error.log"));
    Files.createDirectory(dir.resolve("error.log"));
  }

  /**
   * Before: the 46 hourly archives were deleted and access.log emptied, then error.log was
   * refused, leaving neither the old fixture nor a new one.
   */
  @Test
  void aRefusedRotatedDayKeepsTheEarlierRunsFiles(@TempDir Path dir) throws IOException {
    LogFixtures.rotatedDay(dir, 42);
    long accessBytes = Files.size(dir.resolve("access.log"));
    breakErrorLog(dir);
    List<String> before = names(dir);
    assertEquals(48, before.size(), before.toString());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LogFixtures.rotatedDay(dir, 42));

    assertTrue(e.getMessage().contains("error.log is a directory"), e.getMessage());
    assertEquals(before, names(dir));
    assertEquals(accessBytes, Files.size(dir.resolve("access.log")));
  }

  /** Before: the access sink emptied access.log, then the error sink was refused. */
  @Test
  void aRefusedDayKeepsTheEarlierAccessLog(@TempDir Path dir) throws IOException {
    LogFixtures.day(dir, 42);
    byte[] access = Files.readAllBytes(dir.resolve("access.log"));
    breakErrorLog(dir);

    assertThrows(IllegalArgumentException.class, () -> LogFixtures.day(dir, 42));

    assertEquals(access.length, Files.size(dir.resolve("access.log")));
    assertTrue(Arrays.equals(access, Files.readAllBytes(dir.resolve("access.log"))));
  }
}
