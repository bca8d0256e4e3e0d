package dev.loggen.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.Report;
import dev.loggen.formats.LogParser;
import dev.loggen.formats.LogParsers;
import dev.loggen.formats.LogRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LogFixtures#rotatedDay}: a day of hourly, gzipped nginx logs in one call. */
class RotatedFixtureTest {
  private static final LogParser NGINX = LogParsers.nginx(LogFixtures.NGINX_COMBINED);

  @Test
  void aDayRotatedByTheHourWithEveryLineInItsHoursFile(@TempDir Path dir) throws IOException {
    Report truth = LogFixtures.rotatedDay(dir, 42);

    List<String> access = names(dir, "access.log");
    List<String> expected = new ArrayList<>();
    expected.add("access.log");
    for (int h = 0; h < 23; h++) {
      expected.add(String.format("access.log.2026-01-01-%02d.1.gz", h));
    }
    assertEquals(expected, access);

    long lines = 0;
    for (int h = 0; h < 24; h++) {
      Path file = dir.resolve(h == 23 ? "access.log" : access.get(h + 1));
      List<String> content = read(file);
      assertTrue(content.size() > 100, file + " holds " + content.size() + " lines");
      for (int i = 0; i < content.size(); i++) {
        LogRecord rec = NGINX.parse(content.get(i));
        OffsetDateTime t = Objects.requireNonNull(rec.time());
        assertEquals(h, t.getHour(), file + ":" + (i + 1) + " " + content.get(i));
        assertEquals(1, t.getDayOfMonth(), file + ":" + (i + 1));
      }
      lines += content.size();
    }
    assertEquals(truth.lines(), lines);

    long errors = 0;
    for (String name : names(dir, "error.log")) {
      List<String> content = read(dir.resolve(name));
      assertTrue(content.stream().allMatch(l -> l.startsWith("2026/01/01 ")), name);
      assertTrue(content.stream().allMatch(l -> l.contains(" [error] ")), name);
      errors += content.size();
    }
    assertTrue(errors > 0, "no error-log lines");
    assertEquals(truth.errorLines(), errors);
  }

  @Test
  void theSameSeedGivesTheSameBytesAndARunReplacesTheLastOne(@TempDir Path a, @TempDir Path b)
      throws IOException {
    LogFixtures.rotatedDay(a, 7);
    Files.writeString(b.resolve("notes.txt"), "not ours");
    Files.writeString(b.resolve("access.log.2026-01-01.1.gz"), "not an hourly archive");
    LogFixtures.rotatedDay(b, 8);
    Report again = LogFixtures.rotatedDay(b, 7);

    assertEquals("not ours", Files.readString(b.resolve("notes.txt")));
    assertEquals("not an hourly archive", Files.readString(b.resolve("access.log.2026-01-01.1.gz")));
    Files.delete(b.resolve("notes.txt"));
    Files.delete(b.resolve("access.log.2026-01-01.1.gz"));
    assertEquals(names(a, ""), names(b, ""));
    for (String name : names(a, "")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)),
          name);
    }
    assertEquals(again.lines(), names(b, "access.log").stream()
        .mapToLong(n -> read(b.resolve(n)).size()).sum());
  }

  private static List<String> names(Path dir, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix))
          .sorted().collect(Collectors.toList());
    }
  }

  private static List<String> read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().collect(Collectors.toList());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(file.toString(), e);
    }
  }
}
