package dev.loggen.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed configurations, one per file in {@code src/test/resources/config/bad}: the first
 * lines of each file, {@code # expect: FILE:LINE:COLUMN: PATH: MESSAGE}, are the errors it must
 * be rejected with, all of them and nothing else, in order. Files named {@code legacy-*} are in
 * the old Python tool's schema.
 */
class BadConfigTest {
  private static final String EXPECT = "# expect: ";

  static Stream<Path> badFiles() throws IOException, URISyntaxException {
    Path dir = Path.of(Objects.requireNonNull(
        BadConfigTest.class.getResource("/config/bad")).toURI());
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= 30, "expected at least 30 malformed configurations");
    return files.stream();
  }

  static ConfigException reject(Path file) {
    return assertThrows(ConfigException.class, () -> {
      if (file.getFileName().toString().startsWith("legacy-")) {
        LegacyConfig.load(file);
      } else {
        CoreConfig.load(file, Set.of("format", "output")).build();
      }
    }, file + " was accepted");
  }

  /** The error with the file name instead of the path, as the expectations are written. */
  static String relative(ConfigError e) {
    return new ConfigError(Path.of(e.source()).getFileName().toString(), e.line(), e.column(),
        e.path(), e.message()).toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void rejectedWithLocatedMessages(Path file) throws IOException {
    List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .takeWhile(l -> l.startsWith(EXPECT)).map(l -> l.substring(EXPECT.length())).toList();
    assertFalse(expected.isEmpty(), file + " has no '# expect:' line");
    ConfigException e = reject(file);
    List<String> actual = e.errors().stream().map(BadConfigTest::relative).toList();
    assertEquals(String.join("\n", expected), String.join("\n", actual), file.toString());
    // The exception's message lists every error, one per line, with the source as given.
    assertEquals(e.errors().size(), e.getMessage().lines().count());
    for (ConfigError err : e.errors()) {
      assertTrue(e.getMessage().contains(err.toString()), e.getMessage());
      assertTrue(err.toString().startsWith(file.toString() + ":"), err.toString());
    }
  }

  @Test
  void hugeFileIsRejectedFromItsSizeWithoutBeingRead(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("huge.yaml");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.write("seed: 1\n".getBytes(StandardCharsets.US_ASCII));
      f.setLength(100L * 1024 * 1024); // sparse: 100 MB on paper, nothing written
    }
    ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> assertThrows(ConfigException.class, () -> CoreConfig.load(big)));
    assertEquals(List.of("huge.yaml:1:1: the file is 104857600 bytes: larger than the limit of"
        + " 10485760 bytes (10 MiB) for a configuration"),
        e.errors().stream().map(BadConfigTest::relative).toList());
  }

  /** The command line reads a file resolved against its directory under the name it was given. */
  @Test
  void hugeFileReadUnderAnotherNameIsRejectedFromItsSize(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("huge.yaml");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(100L * 1024 * 1024);
    }
    ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> assertThrows(ConfigException.class, () -> YamlConfig.load(big, "conf/huge.yaml")));
    assertEquals("conf/huge.yaml:1:1: the file is 104857600 bytes: larger than the limit of"
        + " 10485760 bytes (10 MiB) for a configuration", e.getMessage());
  }

  @Test
  void hugeStreamIsCutOffAtTheLimit() {
    java.io.InputStream endless = new java.io.InputStream() {
      @Override
      public int read() {
        return 'a';
      }
    };
    ConfigException e = assertThrows(ConfigException.class,
        () -> YamlConfig.read(endless, "stdin"));
    assertEquals("stdin:1:1: the file is too large: larger than the limit of 10485760 bytes"
        + " (10 MiB) for a configuration", e.getMessage());
  }

  /**
   * A list of 190,000 wrong items fails in seconds with the first errors and a count of the
   * rest (each error was compared with every earlier one: four minutes, and 190,000 lines).
   */
  @Test
  void manyErrorsFailFastAndAreCapped() {
    String yaml = "scenarios:\n" + "  - 1\n".repeat(190_000);
    ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(ConfigException.class,
            () -> CoreConfig.parse(yaml, "many.yaml", Set.of()).build()));
    List<String> errors = e.errors().stream().map(ConfigError::toString).toList();
    assertEquals(Diagnostics.MAX_ERRORS + 1, errors.size());
    assertEquals("many.yaml:2:5: scenarios[0]: expected a mapping (got 1)", errors.get(0));
    assertEquals("many.yaml:101:5: scenarios[99]: expected a mapping (got 1)", errors.get(99));
    assertEquals("many.yaml:102:5: 189,900 more errors from here on are not listed (only the"
        + " first 100 are)", errors.get(100));
  }

  /** A character YAML does not allow is named where it is (was 'special characters', at 1:1). */
  @ParameterizedTest
  @ValueSource(strings = {"\u0007", "\u0000", "\uFFFE"})
  void disallowedCharacterIsNamedWhereItIs(String c) {
    String yaml = "seed: 1\n# a comment\r\ntraffic: {zone: UTC}\r\rsession: {maxDuration: 1h}"
        + " # \uD83D\uDE00" + c + "\n";
    ConfigException e = assertThrows(ConfigException.class, () -> YamlConfig.parse(yaml, "c.yaml"));
    assertEquals(String.format("c.yaml:5:31: invalid YAML: character U+%04X is not allowed in YAML"
        + " text%s", (int) c.charAt(0), c.equals("\uFFFE") ? ""
        : " (of the control characters only tab and line breaks are)"), e.getMessage());
  }

  @Test
  void unsupportedYamlVersionIsNamedAtItsDirective() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> YamlConfig.parse("# old\n%YAML 2.0\n---\nseed: 1\n", "v.yaml"));
    assertEquals("v.yaml:2:1: unsupported YAML version 2.0 (expected 1.1 or 1.2)",
        e.getMessage());
  }

  @Test
  void notUtf8(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("latin1.yaml");
    Files.write(f, "site: {name: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1));
    ConfigException e = assertThrows(ConfigException.class, () -> CoreConfig.load(f));
    // at the byte that is not UTF-8, not at 1:1: a long file's one Latin-1 letter is found
    assertEquals(List.of("latin1.yaml:1:17: is not UTF-8 text (byte 0xE9): save the"
        + " configuration as UTF-8"), e.errors().stream().map(BadConfigTest::relative).toList());
    // after a byte order mark and a CRLF, a lead byte without the byte it needs
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.writeBytes("\uFEFFseed: 1\r\nsite: {name: 'caf".getBytes(StandardCharsets.UTF_8));
    b.write(0xC3);
    b.writeBytes("'}\n".getBytes(StandardCharsets.UTF_8));
    Files.write(f, b.toByteArray());
    e = assertThrows(ConfigException.class, () -> CoreConfig.load(f));
    assertEquals(List.of("latin1.yaml:2:18: is not UTF-8 text (byte 0xC3): save the"
        + " configuration as UTF-8"), e.errors().stream().map(BadConfigTest::relative).toList());
  }

  @Test
  void missingFileIsAnIoError(@TempDir Path dir) {
    Path f = dir.resolve("absent.yaml");
    java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
        () -> CoreConfig.load(f));
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
  }

  @Test
  void legacyFileGivenToCoreSaysSo() {
    ConfigException e = assertThrows(ConfigException.class, () -> CoreConfig.parse(
        "output: {directory: logs, rate: 2}\nstate_transitions: {}\n", "old.yaml", Set.of()));
    assertEquals("old.yaml:1:1: this is a configuration of the old Python generator (it has"
        + " 'state_transitions', 'output.rate'): read it with LegacyConfig.load or the"
        + " command-line generator's --config", e.getMessage());
  }
}
