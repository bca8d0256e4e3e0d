package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.DataSize;
import dev.loggen.core.config.ConfigError;
import dev.loggen.core.config.ConfigException;
import dev.loggen.core.config.ConfigNode;
import dev.loggen.core.config.YamlConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output binder: every key, located errors, and nothing created while binding. */
class OutputConfigTest {
  private static OutputSettings read(String yaml) {
    ConfigNode root = YamlConfig.parse(yaml, "o.yaml");
    OutputSettings s = OutputConfig.read(root);
    root.reportUnknownKeys();
    root.diagnostics().throwIfErrors();
    return s;
  }

  private static List<String> errors(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> read(yaml));
    return e.errors().stream().map(ConfigError::toString).toList();
  }

  @Test
  void everyKeyBinds() {
    OutputSettings s = read("""
        output:
          directory: ./var/log/shop
          onExisting: truncate
          rotation:
            size: 50MB
            time: hourly
            zone: Europe/Berlin
            pattern: "{log}-%d{yyyy-MM-dd-HH}.%i.log.gz"
            gzip: true
            keep: 48
            totalSizeCap: 2GB
            maxAge: 3d
            fsync: onRotate
        """);
    assertEquals("./var/log/shop", s.directory());
    assertEquals(OnExisting.TRUNCATE, s.onExisting());
    assertFalse(s.isStdout());
    assertEquals(new RotationSettings(DataSize.ofMegabytes(50), Duration.ofHours(1),
        "{log}-%d{yyyy-MM-dd-HH}.%i.log.gz", true, 48, DataSize.ofGigabytes(2),
        Duration.ofDays(3), FsyncPolicy.ON_ROTATE, ZoneId.of("Europe/Berlin")), s.rotation());
    assertEquals("error-%d{yyyy-MM-dd-HH}.%i.log.gz", s.rotation().patternFor("error"));
  }

  @Test
  void absentSectionAndKeysGiveNulls() {
    assertEquals(OutputSettings.EMPTY, read("{}"));
    OutputSettings s = read("output: {directory: '-'}");
    assertTrue(s.isStdout());
    assertNull(s.rotation());
    assertNull(s.onExisting());
    OutputSettings t = read("output: {rotation: {time: daily, fsync: 1s}}");
    assertEquals(Duration.ofDays(1), t.rotation().time());
    assertEquals(FsyncPolicy.every(Duration.ofSeconds(1)), t.rotation().fsync());
    assertNull(t.rotation().size());
    assertEquals(Duration.ofMinutes(15),
        read("output: {rotation: {time: 15m}}").rotation().time());
    assertEquals(Duration.ofHours(6), read("output: {rotation: {time: PT6H}}").rotation().time());
  }

  @Test
  void mistakesAreLocated() {
    assertEquals(List.of(
        "o.yaml:3:11: output.rotation.size: expected a size such as 100MB, 512KB or 1GB (got"
            + " 'big')",
        "o.yaml:4:11: output.rotation.time: period must divide a day evenly or be a whole number"
            + " of days (got 7h) (or hourly, daily, weekly)",
        "o.yaml:5:11: output.rotation.keep: expected a whole number between 1 and 2147483647"
            + " (got 0)",
        "o.yaml:6:12: output.rotation.fsync: expected none, onRotate, or a duration such as 1s"
            + " (got 'always')",
        "o.yaml:7:15: output.onExisting: expected one of append, truncate, fail (got"
            + " 'overwrite')",
        "o.yaml:8:3: output.dir: unknown key 'dir': expected one of directory, rotation, onExisting"), errors("""
        output:
          rotation:
            size: big
            time: 7h
            keep: 0
            fsync: always
          onExisting: overwrite
          dir: logs
        """));
  }

  @Test
  void combinationsAreCheckedAtTheRotationNode() {
    assertEquals(List.of("o.yaml:1:20: output.rotation: pattern '{log}-%d{yyyy-MM-dd}.log.gz'"
        + " has no %i, which size rotation needs to name several files in one period"),
        errors("output: {rotation: {size: 10MB, time: daily,"
            + " pattern: '{log}-%d{yyyy-MM-dd}.log.gz'}}"));
    assertEquals(List.of("o.yaml:1:20: output.rotation: rotation.gzip set without"
        + " rotation.size or rotation.time: without one of them no file is ever rotated"),
        errors("output: {rotation: {gzip: true}}"));
    assertEquals(List.of("o.yaml:1:20: output.rotation: rotation.pattern, rotation.keep,"
        + " rotation.totalSizeCap, rotation.maxAge set without rotation.size or rotation.time:"
        + " without one of them no file is ever rotated"), errors("output: {rotation: {keep: 3,"
        + " pattern: '{log}.%i.log', maxAge: 2d, totalSizeCap: 1GB, gzip: false}}"));
    assertEquals(List.of("o.yaml:1:20: output.rotation: pattern '{log}-%d{yyyy-MM-dd}.log'"
        + " does not end in .gz but rotation.gzip is true; end the pattern with .gz"),
        errors("output: {rotation: {time: daily, gzip: true,"
            + " pattern: '{log}-%d{yyyy-MM-dd}.log'}}"));
    assertEquals(List.of("o.yaml:1:27: output.rotation.time: period must divide a day evenly or"
        + " be a whole number of days (got 1.5d) (or hourly, daily, weekly)"),
        errors("output: {rotation: {time: 1.5d}}"));
    // a word that is not one of the periods' names: the names are said too
    assertEquals(List.of("o.yaml:1:27: output.rotation.time: expected hourly, daily, weekly or a"
        + " duration dividing a day (15m, 6h) or whole days (7d) (got 'sometimes')"),
        errors("output: {rotation: {time: sometimes}}"));
    assertEquals(List.of("o.yaml:1:20: output.rotation: pattern '{log}-%d{yyyy-MM-dd}.log.gz'"
        + " ends in .gz, which means compressed, but gzip is false"),
        errors("output: {rotation: {time: daily, gzip: false,"
            + " pattern: '{log}-%d{yyyy-MM-dd}.log.gz'}}"));
    // the pattern as written, {log} and all, and positions in it as written
    assertEquals(List.of("o.yaml:1:43: output.rotation.pattern: pattern '{log}/%d.log' must be a"
        + " file name without a directory: archives are written next to the active file"),
        errors("output: {rotation: {time: daily, pattern: '{log}/%d.log'}}"));
    assertEquals(List.of("o.yaml:1:43: output.rotation.pattern: pattern '{log}-%d\\u0009.log'"
        + " holds the control character U+0009 at position 9: file names cannot hold it"),
        errors("output: {rotation: {time: daily, pattern: \"{log}-%d\\t.log\"}}"));
    // the period in the file's words, not as Java prints it (PT1H)
    assertEquals(List.of("o.yaml:1:20: output.rotation: pattern '{log}-%d{yyyy-MM-dd}.log'"
        + " gives consecutive hourly periods the same name (2026-01-01); add finer date fields"
        + " to %d{...} or add %i"),
        errors("output: {rotation: {time: hourly, pattern: '{log}-%d{yyyy-MM-dd}.log'}}"));
    assertEquals(List.of("o.yaml:1:20: output.rotation: pattern '{log}-%d{yyyy-MM}.log'"
        + " gives consecutive 2d periods the same name (2026-01); add finer date fields"
        + " to %d{...} or add %i"),
        errors("output: {rotation: {time: 48h, pattern: '{log}-%d{yyyy-MM}.log'}}"));
    List<String> noLog = errors("output: {rotation: {time: daily, pattern: 'a-%d.log'}}");
    assertEquals(1, noLog.size());
    assertTrue(noLog.get(0).startsWith("o.yaml:1:43: output.rotation.pattern: pattern 'a-%d.log'"
        + " has no {log}"), noLog.get(0));
  }

  @Test
  void bindingCreatesNothing(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("not/yet");
    read("output: {directory: '" + dir + "', onExisting: fail,"
        + " rotation: {time: daily, gzip: true}}");
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void settingsApplyToARealSink(@TempDir Path tmp) throws Exception {
    RotationSettings r = read("output: {rotation: {time: daily, gzip: true, keep: 2,"
        + " pattern: '{log}-%d{yyyy-MM-dd}.log.gz'}}").rotation();
    long day = Duration.ofDays(1).toMillis();
    long t0 = Instant.parse("2026-01-01T12:00:00Z").toEpochMilli();
    byte[] line = "hello".getBytes(StandardCharsets.US_ASCII);
    try (RotatingFileSink sink = r.applyTo(FileSinks.rotating(tmp.resolve("error.log")), "error")
        .build()) {
      for (int d = 0; d < 4; d++) {
        sink.write(line, 0, line.length, t0 + d * day);
      }
    }
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of("error-2026-01-02.log.gz", "error-2026-01-03.log.gz", "error.log"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
