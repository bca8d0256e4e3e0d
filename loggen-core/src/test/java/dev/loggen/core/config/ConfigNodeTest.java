package dev.loggen.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.DataSize;
import dev.loggen.core.Site;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The located tree and its typed accessors. */
class ConfigNodeTest {

  private static ConfigNode value(String yamlValue) {
    return YamlConfig.parse("v: " + yamlValue + "\n", "t.yaml").get("v");
  }

  private static List<String> errors(ConfigNode n) {
    return n.diagnostics().errors().stream().map(ConfigError::toString).toList();
  }

  /** An error on a 3 MB value printed all of it; a value is now cut at 100 characters. */
  @Test
  void aLongValueIsCutInMessages() {
    String big = "x".repeat(3_000_000);
    ConfigNode n = value(big);
    n.integer();
    assertEquals(List.of("t.yaml:1:4: v: expected a whole number (got '" + "x".repeat(100)
        + "...' (3000000 characters))"), errors(n));
    assertEquals("'" + "x".repeat(100) + "'", value("x".repeat(100)).describe());
    assertEquals("1".repeat(100), value("1".repeat(100)).describe());
    // a cut never splits a character outside the BMP
    assertEquals("'" + "x".repeat(99) + "...' (201 characters)",
        value("x".repeat(99) + "\uD83D\uDE00" + "x".repeat(100)).describe());
  }

  @Test
  void positionsArePathsAndOneBased() {
    ConfigNode root = YamlConfig.parse("""
        traffic:
          hourly: [1, 2,
            3]
          "odd key": {x: 1}
        """, "pos.yaml");
    ConfigNode third = root.get("traffic").get("hourly").list().get(2);
    assertEquals("traffic.hourly[2]", third.path());
    assertEquals(3, third.line());
    assertEquals(5, third.column());
    ConfigNode odd = root.get("traffic").get("odd key");
    assertEquals("traffic[\"odd key\"]", odd.path());
    assertEquals(4, odd.keyNode().line());
    assertEquals(3, odd.keyNode().column());
    assertEquals(14, odd.column());
    ConfigNode missing = root.get("traffic").get("zone");
    assertTrue(missing.isMissing());
    assertEquals("traffic.zone", missing.path());
    assertEquals(2, missing.line(), "a missing key points at its mapping");
  }

  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of("90s", Duration.ofSeconds(90)),
        Arguments.of("15m", Duration.ofMinutes(15)),
        Arguments.of("6h", Duration.ofHours(6)),
        Arguments.of("1d", Duration.ofDays(1)),
        Arguments.of("7d", Duration.ofDays(7)),
        Arguments.of("2w", Duration.ofDays(14)),
        Arguments.of("500ms", Duration.ofMillis(500)),
        Arguments.of("1h30m", Duration.ofMinutes(90)),
        Arguments.of("1.5h", Duration.ofMinutes(90)),
        Arguments.of("0s", Duration.ZERO),
        Arguments.of("PT1H", Duration.ofHours(1)),
        Arguments.of("P1DT2H", Duration.ofHours(26)),
        Arguments.of("pt30s", Duration.ofSeconds(30)));
  }

  @ParameterizedTest
  @MethodSource("durations")
  void durationForms(String text, Duration expected) {
    ConfigNode n = value(text);
    assertEquals(Optional.of(expected), n.duration());
    assertEquals(List.of(), errors(n));
  }

  @ParameterizedTest
  @ValueSource(strings = {"90", "1 day", "-PT1H", "h", "'1x'", "[1s]", "10 s s"})
  void notDurations(String text) {
    ConfigNode n = value(text);
    assertEquals(Optional.empty(), n.duration());
    assertEquals(1, errors(n).size(), errors(n).toString());
  }

  @ParameterizedTest
  @CsvSource({"1e3, 1000", ".5, 0.5", "-0.25, -0.25", "1_000, 1000", "'\"42\"', 42",
      "+3., 3"})
  void numberForms(String text, double expected) {
    ConfigNode n = value(text);
    assertEquals(OptionalDouble.of(expected), n.number());
    assertEquals(List.of(), errors(n));
  }

  @ParameterizedTest
  @ValueSource(strings = {".nan", ".inf", "-.Inf", "NaN", "Infinity", "0x1F", "1d", "e5", "abc",
      "''", "~"})
  void notFiniteNumbers(String text) {
    ConfigNode n = value(text);
    assertEquals(OptionalDouble.empty(), n.number());
    assertEquals(1, errors(n).size());
  }

  @Test
  void probabilitiesRejectNaNAndOutOfRange() {
    assertEquals(List.of("t.yaml:1:4: v: expected a probability between 0 and 1 (got .nan)"),
        errors(withError(value(".nan"), ConfigNode::probability)));
    assertEquals(List.of("t.yaml:1:4: v: expected a probability between 0 and 1 (got -0.01)"),
        errors(withError(value("-0.01"), ConfigNode::probability)));
    assertEquals(OptionalDouble.of(1), value("1").probability());
  }

  private static ConfigNode withError(ConfigNode n, java.util.function.Consumer<ConfigNode> c) {
    c.accept(n);
    return n;
  }

  @ParameterizedTest
  @CsvSource({"true, true", "False, false", "yes, true", "no, false", "on, true", "OFF, false"})
  void booleans(String text, boolean expected) {
    assertEquals(Optional.of(expected), value(text).bool());
  }

  @Test
  void integersAndRanges() {
    assertEquals(42, value("42").integer().orElseThrow());
    ConfigNode n = value("1.0");
    assertTrue(n.integer().isEmpty());
    assertEquals(List.of("t.yaml:1:4: v: expected a whole number (got 1.0)"), errors(n));
    ConfigNode big = value("99999999999999999999");
    assertTrue(big.integer().isEmpty());
    assertEquals(List.of("t.yaml:1:4: v: expected a whole number between -9223372036854775808"
        + " and 9223372036854775807 (got 99999999999999999999)"), errors(big));
    ConfigNode bigPort = value("-99999999999999999999");
    assertTrue(bigPort.integer(1, 65535).isEmpty());
    assertEquals(List.of("t.yaml:1:4: v: expected a whole number between 1 and 65535"
        + " (got -99999999999999999999)"), errors(bigPort));
    ConfigNode r = value("70000");
    assertTrue(r.integer(1, 65535).isEmpty());
    assertEquals(List.of("t.yaml:1:4: v: expected a whole number between 1 and 65535"
        + " (got 70000)"), errors(r));
  }

  @Test
  void instantsZonesSizes() {
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), value("2026-01-01T00:00:00Z")
        .instant().orElseThrow());
    assertEquals(Instant.parse("2025-12-31T23:00:00Z"), value("2026-01-01T00:00:00+01:00")
        .instant().orElseThrow());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), value("2026-01-01").instant()
        .orElseThrow());
    assertTrue(value("2026-01-01T00:00:00").instant().isEmpty(), "no zone: ambiguous");
    assertEquals(ZoneId.of("Europe/Berlin"), value("Europe/Berlin").zone().orElseThrow());
    assertEquals(ZoneId.of("+02:00"), value("'+02:00'").zone().orElseThrow());
    assertEquals(DataSize.ofMegabytes(100), value("100MB").dataSize().orElseThrow());
    assertEquals(DataSize.ofBytes(4096), value("4096").dataSize().orElseThrow());
    ConfigNode bad = value("lots");
    assertTrue(bad.dataSize().isEmpty());
    assertEquals(List.of("t.yaml:1:4: v: expected a size such as 100MB, 512KB or 1GB"
        + " (got 'lots')"), errors(bad));
    // a size that is one, but zero or too large, is named as such (it was "a size such as")
    ConfigNode zero = value("0MB");
    assertTrue(zero.dataSize().isEmpty());
    assertEquals(List.of("t.yaml:1:4: v: expected a positive size such as 100MB (got '0MB')"),
        errors(zero));
    ConfigNode huge = value("9999999999GB");
    assertTrue(huge.dataSize().isEmpty());
    assertEquals(List.of("t.yaml:1:4: v: expected a size of at most 8388607TB"
        + " (got '9999999999GB')"), errors(huge));
  }

  @Test
  void enumsAndChoices() {
    assertEquals(Site.Role.LOGIN_FORM, value("loginForm").enumValue(Site.Role.class)
        .orElseThrow());
    assertEquals(Site.Role.LOGIN_FORM, value("LOGIN_FORM").enumValue(Site.Role.class)
        .orElseThrow());
    assertEquals(Site.Role.LOGIN_FORM, value("login-form").enumValue(Site.Role.class)
        .orElseThrow());
    ConfigNode bad = value("logut");
    assertTrue(bad.enumValue(Site.Role.class).isEmpty());
    assertEquals(List.of("t.yaml:1:4: v: expected one of home, loginForm, loginSubmit, logout,"
        + " cart, forbidden (got 'logut'): did you mean 'logout'?"), errors(bad));
    assertEquals("combined", value("COMBINED").choice("common", "combined").orElseThrow());
  }

  @Test
  void wrongShapesAreReportedOnce() {
    ConfigNode n = value("[1, 2]");
    n.get("a");
    n.get("b");
    n.map();
    assertEquals(List.of("t.yaml:1:4: v: expected a mapping (got a list)"), errors(n));
    ConfigNode s = value("{a: 1}");
    assertTrue(s.list().isEmpty());
    assertEquals(List.of("t.yaml:1:4: v: expected a list (got a mapping)"), errors(s));
  }

  @Test
  void missingKeysAreSilentUnlessRequired() {
    ConfigNode root = YamlConfig.parse("a: {b: 1}\n", "m.yaml");
    assertTrue(root.get("x").get("y").get("z").duration().isEmpty());
    assertFalse(root.diagnostics().hasErrors());
    root.get("a").require("c");
    assertEquals(List.of("m.yaml:1:4: a.c: required key 'c' is missing"),
        errors(root));
  }

  @Test
  void unknownKeysOnlyInMappingsThatWereRead() {
    ConfigNode root = YamlConfig.parse("""
        traffic: {sesionsPerHour: 1, zone: UTC}
        other: {anything: 1}
        """, "u.yaml");
    root.claim("other");
    root.get("traffic").get("zone").zone();
    root.get("traffic").get("sessionsPerHour");
    root.reportUnknownKeys();
    assertEquals(List.of("u.yaml:1:11: traffic.sesionsPerHour: unknown key 'sesionsPerHour':"
        + " did you mean 'sessionsPerHour'?"), errors(root));
  }

  /**
   * Keys claimed from a collection without an order of its own are listed alphabetically.
   * Before: in the collection's iteration order, which for {@code Set.of} changes from one JVM
   * to the next, so the same file gave two different messages.
   */
  @Test
  void keysClaimedFromAnUnorderedSetAreListedInAFixedOrder() {
    for (Set<String> keys : List.of(Set.of("window", "output", "format", "seed", "live"),
        new HashSet<>(List.of("window", "output", "format", "seed", "live")))) {
      ConfigNode root = YamlConfig.parse("fmt: 1\n", "k.yaml");
      root.claim(keys);
      root.reportUnknownKeys();
      assertEquals(List.of("k.yaml:1:1: fmt: unknown key 'fmt': expected one of format, live,"
          + " output, seed, window"), errors(root), keys.getClass().getName());
    }
    // An ordered collection keeps its order, after what was claimed before it.
    ConfigNode root = YamlConfig.parse("fmt: 1\n", "k.yaml");
    root.claim("seed", "window");
    root.claim(new LinkedHashSet<>(List.of("output", "format")));
    root.reportUnknownKeys();
    assertEquals(List.of("k.yaml:1:1: fmt: unknown key 'fmt': expected one of seed, window,"
        + " output, format"), errors(root));
  }

  @Test
  void legacyUnknownKeysAreWarnings() {
    ConfigNode root = YamlConfig.parse("sesion: {}\n", "w.yaml");
    root.claim("session");
    root.warnUnknownKeys();
    assertFalse(root.diagnostics().hasErrors());
    assertEquals("w.yaml:1:1: sesion: unknown key 'sesion': did you mean 'session'? (ignored)",
        root.diagnostics().warnings().get(0).toString());
  }

  @Test
  void aliasesAreExpandedWithTheirOwnPaths() {
    ConfigNode root = YamlConfig.parse("""
        a: &x {k: 1}
        b: *x
        """, "al.yaml");
    ConfigNode bk = root.get("b").get("k");
    assertEquals("b.k", bk.path());
    assertEquals(1, bk.line(), "the position is the anchored value's");
    assertEquals(1, bk.integer().orElseThrow());
  }

  @Test
  void byteOrderMarkIsIgnored() {
    assertEquals(5, YamlConfig.parse("\uFEFFseed: 5\n", "bom.yaml").get("seed").integer()
        .orElseThrow());
  }
}
