package dev.loggen.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.Report;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackfillWeekTest {
  @TempDir Path dir;

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String text(Path p) throws IOException {
    try (InputStream in = p.toString().endsWith(".gz")
        ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aWeekOfDailyGzippedFilesNamedByDate() throws Exception {
    Report r = BackfillWeek.run(dir, 42, 40);
    List<String> days = List.of("05", "06", "07", "08", "09", "10");
    List<String> expected = new java.util.ArrayList<>();
    for (String d : days) {
      expected.add("access-2026-01-" + d + ".0.log.gz");
    }
    expected.add("access.log");
    for (String d : days) {
      expected.add("error-2026-01-" + d + ".0.log.gz");
    }
    expected.add("error.log");
    assertEquals(expected, files());
    long lines = 0;
    for (String d : days) {
      String t = text(dir.resolve("access-2026-01-" + d + ".0.log.gz"));
      assertTrue(t.endsWith("\n"));
      // Berlin days: 23:00 UTC the evening before up to 23:00 UTC
      for (String l : t.lines().toList()) {
        assertTrue(l.contains("/Jan/2026:"), l);
      }
      lines += t.lines().count();
    }
    String sunday = text(dir.resolve("access.log"));
    lines += sunday.lines().count();
    assertTrue(sunday.lines().allMatch(l -> l.contains("[11/Jan/2026:") || l.contains(
        "[10/Jan/2026:23:")), "the last day stays in access.log");
    assertEquals(r.lines(), lines);
  }

  @Test
  void sameSeedSameWeek(@TempDir Path other) throws Exception {
    BackfillWeek.run(dir, 7, 10);
    BackfillWeek.run(other, 7, 10);
    for (String f : files()) {
      assertArrayEquals(text(dir.resolve(f)).getBytes(StandardCharsets.UTF_8),
          text(other.resolve(f)).getBytes(StandardCharsets.UTF_8), f);
    }
  }

  /**
   * A second run into the same directory wrote each day again as .1 beside the first run's
   * .0 (truncate() empties the active file only): 26 files, twice the report's lines.
   */
  @Test
  void aSecondRunReplacesTheWeek(@TempDir Path other) throws Exception {
    BackfillWeek.run(dir, 8, 10);
    Files.writeString(dir.resolve("access-2026-01-06.0.log"), "left by a killed run\n");
    Files.writeString(dir.resolve("notes.txt"), "not ours\n");
    Report r = BackfillWeek.run(dir, 7, 10);
    BackfillWeek.run(other, 7, 10);
    List<String> names = new java.util.ArrayList<>(files());
    assertTrue(names.remove("notes.txt"), "other files are left alone");
    try (Stream<Path> fresh = Files.list(other)) {
      assertEquals(fresh.map(p -> p.getFileName().toString()).sorted().toList(), names);
    }
    long lines = 0;
    for (String f : names) {
      if (f.startsWith("access")) {
        assertArrayEquals(text(other.resolve(f)).getBytes(StandardCharsets.UTF_8),
            text(dir.resolve(f)).getBytes(StandardCharsets.UTF_8), f);
        lines += text(dir.resolve(f)).lines().count();
      }
    }
    assertEquals(r.lines(), lines);
  }
}
