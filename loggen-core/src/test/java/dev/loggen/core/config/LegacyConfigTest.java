package dev.loggen.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.DataSize;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Site;
import dev.loggen.core.Traffic;
import dev.loggen.core.VisitorKind;
import dev.loggen.core.Visitors;
import dev.loggen.core.engine.TransitionMatrix;
import dev.loggen.core.random.Distributions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The old Python tool's configuration files load with the same meaning. */
class LegacyConfigTest {
  private static final double[] COMPAT_HOURLY = {0.2, 0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.3, 0.3,
      0.7, 0.7, 0.7, 1.0, 1.0, 1.0, 0.8, 0.8, 0.8, 0.5, 0.5, 0.5, 0.2, 0.2, 0.2};

  static Path resource(String name) throws URISyntaxException {
    return Path.of(Objects.requireNonNull(
        LegacyConfigTest.class.getResource("/config/legacy/" + name)).toURI());
  }

  /** {@code shared/compat/legacy-config.yaml}, found by walking up from the working directory. */
  static Optional<Path> sharedCompatFile() {
    for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null;
        d = d.getParent()) {
      Path f = d.resolve("shared/compat/legacy-config.yaml");
      if (Files.isRegularFile(f)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  static Stream<Path> compatFiles() throws URISyntaxException {
    return Stream.concat(Stream.of(resource("legacy-config.yaml")), sharedCompatFile().stream());
  }

  @Test
  void theCopyInTestResourcesIsTheSharedFile() throws Exception {
    Optional<Path> shared = sharedCompatFile();
    Assumptions.assumeTrue(shared.isPresent(),
        "shared/compat/legacy-config.yaml not found above " + System.getProperty("user.dir"));
    assertEquals(Files.readString(shared.get()), Files.readString(resource("legacy-config.yaml")),
        "src/test/resources/config/legacy/legacy-config.yaml is out of date");
  }

  @ParameterizedTest
  @MethodSource("compatFiles")
  void compatFileIsDetectedAsLegacy(Path file) {
    assertTrue(LegacyConfig.isLegacy(YamlConfig.load(file)));
  }

  @Test
  void onlyTheOldToolsOwnSessionKeysMakeAFileTheOldTools() {
    for (String key : List.of("min_browsing_duration", "max_browsing_duration",
        "page_view_interval", "min_page_view_interval", "max_page_view_interval")) {
      assertTrue(LegacyConfig.isLegacy(YamlConfig.parse("session: {" + key + ": 10}\n",
          "s.yaml")), key);
    }
    // loggen's own keys misspelt in snake case: a loggen file, told its unknown keys
    assertFalse(LegacyConfig.isLegacy(YamlConfig.parse("session: {min_browsing: 10s}\n",
        "s.yaml")));
    assertFalse(LegacyConfig.isLegacy(YamlConfig.parse("session: {max_duration: 1h}\n",
        "s.yaml")));
  }

  /**
   * One old-tool key in a loggen file switched the whole file to the old schema: the loggen keys
   * became "unknown key (ignored)" warnings and an endless live run with a random seed started.
   */
  @Test
  void aFileMixingBothSchemasIsRefusedNamingBothSets() {
    String yaml = """
        seed: 1
        format: combined
        window: {start: 2026-01-01T00:00:00Z, duration: 1h}
        traffic: {sessionsPerHour: 100}
        output:
          rate: 5
          directory: mixed
        """;
    String expected = "mixed.yaml:6:3: output.rate: this file mixes loggen keys (seed, format,"
        + " window, traffic) with the old tool's (output.rate at 6:3): write it in one schema"
        + " (docs/config-reference.md describes both)";
    ConfigException e = assertThrows(ConfigException.class,
        () -> LegacyConfig.isLegacy(YamlConfig.parse(yaml, "mixed.yaml")));
    assertEquals(expected, e.getMessage());
    e = assertThrows(ConfigException.class,
        () -> LegacyConfig.read(YamlConfig.parse(yaml, "mixed.yaml"), Map.of()));
    assertEquals(expected, e.getMessage());
    e = assertThrows(ConfigException.class,
        () -> CoreConfig.parse(yaml, "mixed.yaml", Set.of("format", "output")));
    assertEquals(expected, e.getMessage());
  }

  @Test
  void oneOldSessionKeyOrNavigationBlockInALoggenFileIsRefused() {
    ConfigException e = assertThrows(ConfigException.class, () -> LegacyConfig.isLegacy(
        YamlConfig.parse("seed: 1\nsession: {thinkTime: 5, page_view_interval: 5}\n",
            "s.yaml")));
    assertEquals("s.yaml:2:25: session.page_view_interval: this file mixes loggen keys (seed,"
        + " session.thinkTime) with the old tool's (session.page_view_interval at 2:25): write it"
        + " in one schema (docs/config-reference.md describes both)", e.getMessage());
    e = assertThrows(ConfigException.class, () -> LegacyConfig.isLegacy(YamlConfig.parse(
        "traffic: {sessionsPerHour: 10}\nnavigation:\n  home: {/: 1}\noutput: {rotation:"
            + " {time: daily}, log_rotation: {when: h}}\n", "n.yaml")));
    assertEquals("n.yaml:2:1: navigation: this file mixes loggen keys (traffic, output.rotation)"
        + " with the old tool's (navigation at 2:1, output.log_rotation at 4:35): write it in"
        + " one schema (docs/config-reference.md describes both)", e.getMessage());
  }

  @Test
  void keysBothSchemasHaveDoNotCount() {
    // output.directory and the sections output and session are both schemas'
    assertFalse(LegacyConfig.isLegacy(YamlConfig.parse(
        "seed: 1\noutput: {directory: logs}\nsession: {}\n", "l.yaml")));
    assertTrue(LegacyConfig.isLegacy(YamlConfig.parse(
        "output: {directory: logs, rate: 1}\nsession: {}\n", "o.yaml")));
    // a key of neither schema (a typo) does not make a file mixed either
    assertTrue(LegacyConfig.isLegacy(YamlConfig.parse(
        "output: {directory: logs, rate: 1}\nsed: 1\n", "o.yaml")));
  }

  @Test
  void withoutAnOutputSectionOnlyTheRateIsMissingWhenTheDirectoryIsOverridden() {
    ConfigException e = assertThrows(ConfigException.class, () -> LegacyConfig.read(
        YamlConfig.parse("error_rates: {global_500: 0.01}\n", "m.yaml"),
        Map.of(LegacyConfig.ENV_DIR_OVERRIDE, "/data/logs")));
    assertEquals("m.yaml:1:1: output: required key 'output' is missing: a file of the old"
        + " Python generator (this one has 'error_rates') gives output.rate, the new sessions"
        + " per second", e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("compatFiles")
  void rateIsSessionsPerSecondShapedByTheHourlyCurve(Path file) {
    Traffic t = LegacyConfig.load(file).core().traffic();
    double mean = java.util.Arrays.stream(COMPAT_HOURLY).average().orElseThrow();
    assertEquals(2 * 3600 * mean / HUMAN_SHARE, t.sessionsPerHour(), 1e-9);
    assertEquals(ZoneOffset.UTC, t.zone());
    // Human sessions per hour in hour h are rate * 3600 * multiplier[h], on every weekday; the
    // bots of loggen's default visitors come on top.
    for (int day = 0; day < 7; day++) {
      for (int h = 0; h < 24; h++) {
        long at = ZonedDateTime.of(2026, 1, 5 + day, h, 30, 0, 0, ZoneOffset.UTC)
            .toInstant().toEpochMilli();
        assertEquals(7200 * COMPAT_HOURLY[h], t.rateAt(at) * HUMAN_SHARE, 1e-6,
            "day " + day + " hour " + h);
      }
    }
    long three = Instant.parse("2026-01-05T03:00:00Z").toEpochMilli();
    assertEquals(720, t.rateAt(three) * HUMAN_SHARE, 1e-6);
    long thirteen = Instant.parse("2026-01-05T13:00:00Z").toEpochMilli();
    assertEquals(7200, t.rateAt(thirteen) * HUMAN_SHARE, 1e-6);
    long late = Instant.parse("2026-01-05T23:59:59Z").toEpochMilli();
    assertEquals(1440, t.rateAt(late) * HUMAN_SHARE, 1e-6);
  }

  /** The share of sessions of loggen's default visitors that are people. */
  private static final double HUMAN_SHARE = 1 - Visitors.DEFAULT.crawlerShare()
      - Visitors.DEFAULT.scannerShare();

  /**
   * The old tool had no bots: its rate is people's sessions, and loggen's crawlers and scanners
   * come on top. Before, they were taken out of the rate: rate 2 gave about 6,370 human sessions
   * an hour instead of 7,200.
   */
  @Test
  void rateIsHumanSessionsPerSecondWithBotsOnTop() {
    LogGenerator gen = LegacyConfig.read(YamlConfig.parse("output: {directory: x, rate: 2}\n",
        "r.yaml"), Map.of()).toBuilder().seed(7)
        .window(Instant.parse("2026-01-05T12:00:00Z"), Duration.ofHours(1)).build();
    Map<VisitorKind, Long> kinds = new java.util.EnumMap<>(VisitorKind.class);
    Iterator<AccessEvent> it = gen.iterator(s -> kinds.merge(s.visitor().kind(), 1L, Long::sum));
    while (it.hasNext()) {
      it.next();
    }
    long human = kinds.getOrDefault(VisitorKind.HUMAN, 0L);
    // Poisson with mean 7,200: 3 % is about 2.5 standard deviations
    assertEquals(7200, human, 7200 * 0.03, kinds.toString());
    assertTrue(kinds.getOrDefault(VisitorKind.CRAWLER, 0L) > 500, kinds.toString());
  }

  @ParameterizedTest
  @MethodSource("compatFiles")
  void compatFileMapsEverySection(Path file) {
    LegacyConfig c = LegacyConfig.load(file);
    TransitionMatrix m = (TransitionMatrix) c.core().model();
    assertEquals(0.7, m.probability("START", "LOGIN"), 1e-12);
    assertEquals(0.3, m.probability("START", "DIRECT_ACCESS"), 1e-12);
    assertEquals(0.9, m.probability("LOGIN", "BROWSING"), 1e-12);
    assertEquals(0.2, m.probability("DIRECT_ACCESS", "LEAVE"), 1e-12);
    assertEquals(0.4, m.probability("BROWSING", "LOGOUT"), 1e-12);
    assertEquals(0.05, m.probability("BROWSING", "ERROR"), 1e-12);
    assertEquals(0.25, m.probability("BROWSING", "BROWSING"), 1e-12);

    Site site = c.core().site();
    assertEquals("shop", site.name());
    assertEquals(0.02, site.errorRates().serverError());
    assertEquals(0.5, site.errorRates().cartAbandon());
    assertEquals(0.02, site.errorRates().redirectTemporary(), "the old tool's default");
    assertEquals(0.1, site.page("product").notFoundRate());
    // high_error_pages: 0.3 in total on the category page, of which 0.02 is global.
    assertEquals(0.28, site.page("category").errorRate(), 1e-12);
    assertEquals(0.0, site.page("products").errorRate());
    assertEquals(Map.of("home", 0.2, "about", 0.3, "products", 0.4, "search", 0.1),
        site.landing());

    assertEquals(Duration.ofSeconds(10), c.core().sessions().minBrowsing());
    assertEquals(Duration.ofSeconds(300), c.core().sessions().maxBrowsing());
    assertEquals(Distributions.uniform(2, 10), c.core().sessions().thinkTimeSeconds());

    LegacyConfig.Output out = c.output();
    assertEquals(Path.of("./logs"), out.directory());
    assertEquals(2, out.sessionsPerSecond());
    assertFalse(out.debug());
    assertTrue(out.preWarm());
    assertEquals(Duration.ofHours(24), out.backfill());
    assertEquals(Instant.parse("2026-01-04T12:00:00Z"),
        out.liveStart(Instant.parse("2026-01-05T12:00:00Z")));
    assertEquals(new LegacyConfig.HealthCheck(true, 8080), out.healthCheck());
    assertEquals(new LegacyConfig.Rotation(true, DataSize.ofMegabytes(100),
        LegacyConfig.Rotation.When.H, 1, 5, true), out.rotation());
    assertEquals(Duration.ofHours(1), out.rotation().period());
  }

  @ParameterizedTest
  @MethodSource("compatFiles")
  void compatFileWarnsAboutTheApproximateErrorPageAndTheHoursZone(Path file) {
    List<ConfigError> w = LegacyConfig.load(file).warnings();
    assertEquals(2, w.size(), w.toString());
    assertEquals("error_rates.high_error_pages[0].path", w.get(0).path());
    assertEquals(29, w.get(0).line());
    assertEquals("'/products?categoryID=4' fixes categoryID=4 of page 'category'"
        + " (/products?categoryID={category}&sort={sort}): loggen applies error_rate 0.3 to"
        + " every request of that page", w.get(0).message());
    assertEquals("traffic_patterns", w.get(1).path());
    assertEquals(35, w.get(1).line());
    assertEquals(ZONE_WARNING, w.get(1).message());
  }

  static final String ZONE_WARNING = "the old tool took these hours in its machine's local time;"
      + " loggen takes them as UTC, the same on every machine (to use another zone, write the"
      + " hours as traffic.hourly with traffic.zone in a loggen file)";

  /** The compat README says the hours are local time; loggen took them as UTC in silence. */
  @Test
  void trafficPatternsHoursAreTakenAsUtcWithAWarning() {
    LegacyConfig c = LegacyConfig.read(YamlConfig.parse("output: {directory: x, rate: 1}\n"
        + "traffic_patterns:\n  - {time: \"9-17\", multiplier: 1.5}\n", "tp.yaml"), Map.of());
    assertEquals(ZoneOffset.UTC, c.core().traffic().zone());
    assertEquals(List.of("tp.yaml:2:1: traffic_patterns: " + ZONE_WARNING),
        c.warnings().stream().map(ConfigError::toString).toList());
    // without traffic_patterns every hour is the same: no zone to speak of
    assertEquals(List.of(), LegacyConfig.read(YamlConfig.parse(
        "output: {directory: x, rate: 1}\n", "flat.yaml"), Map.of()).warnings());
  }

  @ParameterizedTest
  @MethodSource("compatFiles")
  void compatFileGenerates(Path file) {
    LogGenerator gen = LegacyConfig.load(file).toBuilder().seed(5)
        .window(Instant.parse("2026-01-05T12:00:00Z"), Duration.ofMinutes(20)).build();
    List<AccessEvent> events = gen.events().toList();
    assertFalse(events.isEmpty());
    // 20 minutes at hour 12 with 7200 human sessions per hour: about 2,400 human sessions
    // (with those that started before the window and go on in it; bots come on top).
    long sessions = events.stream().filter(e -> e.visitorKind() == VisitorKind.HUMAN)
        .mapToLong(AccessEvent::sessionId).distinct().count();
    assertTrue(sessions > 2_000 && sessions < 2_800, "sessions: " + sessions);
    Set<String> states = events.stream().map(AccessEvent::state).collect(Collectors.toSet());
    assertTrue(states.containsAll(Set.of("LOGIN", "BROWSING", "LOGOUT")), states.toString());
  }

  @Test
  void otherSpellingsAndKeysLoggenCannotHonour() throws Exception {
    LegacyConfig c = LegacyConfig.load(resource("legacy-extras.yaml"));
    Site site = c.core().site();
    assertEquals(new Site.ErrorRates(0.01, 0.02, 0.03, 0.01, 0.05, 0.4), site.errorRates());
    assertEquals(0.05, site.page("product").notFoundRate());
    assertEquals(0.02, site.page("checkout_submit").errorRate(), 1e-12);
    assertEquals(0.19, site.page("search").errorRate(), 1e-12);
    assertEquals(Map.of("home", 0.5, "product", 0.2, "landing_blog", 0.3), site.landing());
    assertEquals("/blog", site.page("landing_blog").path());
    TransitionMatrix m = (TransitionMatrix) c.core().model();
    assertEquals(0.5, m.probability("BROWSING", "LOGOUT"), 1e-12);
    assertEquals(0.7, m.probability("START", "LOGIN"), 1e-12, "default row kept");
    assertEquals(Distributions.constant(3), c.core().sessions().thinkTimeSeconds());
    assertEquals(Duration.ofSeconds(30), c.core().sessions().minBrowsing());
    assertEquals(0.5 * 3600 * 14 / 24 / HUMAN_SHARE, c.core().traffic().sessionsPerHour(),
        1e-9);

    LegacyConfig.Output out = c.output();
    assertEquals(Path.of("/var/log/generator"), out.directory());
    assertFalse(out.preWarm());
    assertEquals(Duration.ZERO, out.backfill());
    assertTrue(out.debug());
    assertEquals(new LegacyConfig.HealthCheck(false, 8080), out.healthCheck());
    assertEquals(new LegacyConfig.Rotation(true, DataSize.ofMegabytes(50),
        LegacyConfig.Rotation.When.MIDNIGHT, 1, 10, false), out.rotation());

    List<String> warnings = c.warnings().stream()
        .map(w -> w.line() + ":" + w.column() + ": " + w.path() + ": " + w.message()).toList();
    assertEquals(List.of(
        "9:3: output.log_format: unknown key 'log_format': expected one of directory, rate,"
            + " debug, pre_warm, health_check, log_rotation (ignored)",
        "13:20: navigation.HOME[\"/products/42\"]: '/products/42' fixes item=42 of page"
            + " 'product' (/products/{item}): visitors land on that page with any value",
        "13:41: navigation.HOME[\"/blog\"]: '/blog' is not a page of the shop site: added as an"
            + " HTML page 'landing_blog' without links or assets",
        "25:14: error_rates.high_error_pages[1].path: no page of the shop site serves"
            + " '/nowhere': this error rate is not applied",
        "30:1: traffic_patterns: " + ZONE_WARNING,
        "34:14: status_codes.not_found: loggen answers with the standard 404 for not_found: the"
            + " renaming to 410 is not applied",
        "36:3: status_codes.teapot: unknown status code name 'teapot' (ignored): expected one"
            + " of success, not_found, server_error, forbidden, unauthorized,"
            + " redirect_permanent, redirect_temporary"), warnings);

    LogGenerator gen = c.toBuilder().window(Instant.parse("2026-01-05T10:00:00Z"),
        Duration.ofMinutes(30)).build();
    assertTrue(gen.events().anyMatch(e -> e.path().equals("/blog")));
  }

  /**
   * A row that no longer leads to a state whose row is a default was refused: "state
   * DIRECT_ACCESS is not reachable from START", about a row the file never wrote.
   */
  @Test
  void defaultRowsTheFilesRowsNoLongerReachAreDropped() {
    LegacyConfig c = LegacyConfig.read(YamlConfig.parse(
        "output: {directory: logs, rate: 1}\nstate_transitions: {START: {LOGIN: 1.0}}\n",
        "st.yaml"), Map.of());
    TransitionMatrix m = (TransitionMatrix) c.core().model();
    assertEquals(1.0, m.probability("START", "LOGIN"), 1e-12);
    assertEquals(0.9, m.probability("LOGIN", "BROWSING"), 1e-12, "default row kept");
    assertEquals(0.4, m.probability("BROWSING", "LOGOUT"), 1e-12, "default row kept");
    assertFalse(m.states().contains("DIRECT_ACCESS"), m.states().toString());
    assertEquals(List.of(), c.warnings());
  }

  /**
   * The old tool read its files with PyYAML, which expands merge keys; loggen refused them ("merge
   * keys are not supported", then "a row must sum to 1" about the row left short).
   */
  @Test
  void mergeKeysAreExpandedAsPyYamlDid() {
    LegacyConfig c = LegacyConfig.read(YamlConfig.parse("""
        output: {directory: logs, rate: 1}
        state_transitions:
          START: {LOGIN: 0.5, DIRECT_ACCESS: 0.5}
          LOGIN: &in {BROWSING: 0.8, ABANDON: 0.2}
          DIRECT_ACCESS:
            <<: *in
          BROWSING:
            <<: [{LOGOUT: 0.6, ERROR: 0.5}, {ABANDON: 0.3, LOGOUT: 0.1}]
            ERROR: 0.1
        """, "merge.yaml"), Map.of());
    TransitionMatrix m = (TransitionMatrix) c.core().model();
    Map.of("BROWSING", 0.8, "ABANDON", 0.2).forEach((to, p) ->
        assertEquals(p, m.probability("DIRECT_ACCESS", to), 1e-12, "DIRECT_ACCESS -> " + to));
    // the mapping's own key wins, then the first mapping that gives one
    Map.of("LOGOUT", 0.6, "ERROR", 0.1, "ABANDON", 0.3).forEach((to, p) ->
        assertEquals(p, m.probability("BROWSING", to), 1e-12, "BROWSING -> " + to));
    assertEquals(List.of(), c.warnings());
  }

  @Test
  void aRowTheFileWritesMustStillBeReachable() {
    ConfigException e = assertThrows(ConfigException.class, () -> LegacyConfig.read(
        YamlConfig.parse("""
            output: {directory: logs, rate: 1}
            state_transitions:
              START: {LOGIN: 1.0}
              DIRECT_ACCESS: {BROWSING: 1.0}
            """, "st.yaml"), Map.of()));
    assertEquals("st.yaml:4:3: state_transitions.DIRECT_ACCESS: state DIRECT_ACCESS is not"
        + " reachable from START: no path of non-zero probabilities leads to it",
        e.getMessage());
  }

  /** Python's RotatingFileHandler takes maxBytes=0 as no rotation by size; 0 was refused. */
  @Test
  void maxSizeZeroIsNoRotationBySize() {
    LegacyConfig c = LegacyConfig.read(YamlConfig.parse(
        "output: {directory: x, rate: 1, log_rotation: {max_size_mb: 0}}\n", "z.yaml"),
        Map.of());
    assertEquals(new LegacyConfig.Rotation(true, null, LegacyConfig.Rotation.When.H, 1, 5, true),
        c.output().rotation());
    assertEquals(List.of(), c.warnings());
    ConfigException e = assertThrows(ConfigException.class, () -> LegacyConfig.read(
        YamlConfig.parse("output: {directory: x, rate: 1, log_rotation: {max_size_mb: -1}}\n",
            "z.yaml"), Map.of()));
    assertEquals("z.yaml:1:61: output.log_rotation.max_size_mb: expected a finite number >= 0"
        + " (got -1)", e.getMessage());
    e = assertThrows(ConfigException.class, () -> LegacyConfig.read(YamlConfig.parse(
        "output: {directory: x, rate: 1, log_rotation: {max_size_mb: 1e-9}}\n", "z.yaml"),
        Map.of()));
    assertEquals("z.yaml:1:61: output.log_rotation.max_size_mb: expected 0 (no rotation by size)"
        + " or a size in megabytes between 0.000001 and 1000000000 (got 1e-9)", e.getMessage());
  }

  @Test
  void loadingIsPureAndCreatesNoDirectory(@TempDir Path dir) {
    Path logs = dir.resolve("not-yet/logs");
    String yaml = "output: {directory: " + logs + ", rate: 1}\n";
    LegacyConfig c = LegacyConfig.read(YamlConfig.parse(yaml, "pure.yaml"), Map.of());
    assertEquals(logs, c.output().directory());
    assertFalse(Files.exists(dir.resolve("not-yet")));
  }

  /**
   * checkout_500 and a high_error_pages entry for /checkout both set the checkout submit page's
   * error rate (as do two entries for one page): the later applies, with a warning naming both.
   * Before, the later replaced the earlier silently.
   */
  @Test
  void twoErrorRatesForOnePageWarnNamingBoth() {
    String yaml = "output: {directory: a, rate: 1}\n"
        + "error_rates:\n"
        + "  checkout_500: 0.3\n"
        + "  high_error_pages:\n"
        + "    - {path: \"/checkout\", error_rate: 0.1}\n"
        + "    - {path: \"/products?categoryID=4\", error_rate: 0.2}\n"
        + "    - {path: \"/products?categoryID=5\", error_rate: 0.4}\n";
    LegacyConfig c = LegacyConfig.read(YamlConfig.parse(yaml, "two.yaml"), Map.of());
    assertEquals(0.1 - 0.02, c.core().site().page("checkout_submit").errorRate(), 1e-12);
    assertEquals(0.4 - 0.02, c.core().site().page("category").errorRate(), 1e-12);
    List<String> warnings = c.warnings().stream()
        .filter(w -> w.path().endsWith("error_rate"))
        .map(w -> w.line() + ":" + w.column() + ": " + w.path() + ": " + w.message()).toList();
    assertEquals(List.of(
        "5:39: error_rates.high_error_pages[0].error_rate: '/checkout' is served by page"
            + " 'checkout_submit' (POST /checkout), whose error rate error_rates.checkout_500"
            + " already set to 0.3: loggen keeps one rate per page, and this later one, 0.1,"
            + " applies",
        "7:52: error_rates.high_error_pages[2].error_rate: '/products?categoryID=5' is served"
            + " by page 'category' (GET /products?categoryID={category}&sort={sort}), whose"
            + " error rate error_rates.high_error_pages[1].error_rate already set to 0.2:"
            + " loggen keeps one rate per page, and this later one, 0.4, applies"), warnings);
  }

  /**
   * An empty row in the old tool's file (which required every row to sum to 1) ends the session
   * in loggen: accepted, with a warning. Before, it was accepted silently.
   */
  @Test
  void anEmptyTransitionRowWarns() {
    LegacyConfig c = LegacyConfig.read(YamlConfig.parse("output: {directory: a, rate: 1}\n"
        + "state_transitions: {BROWSING: {}}\n", "e.yaml"), Map.of());
    assertEquals(List.of("2:31: state_transitions.BROWSING: an empty row: the old tool required"
        + " the probabilities of each state to sum to 1; loggen ends the session in state"
        + " BROWSING (give its next states, or leave the row out to keep the default row)"),
        c.warnings().stream().map(w -> w.line() + ":" + w.column() + ": " + w.path() + ": "
            + w.message()).toList());
    LegacyConfig start = LegacyConfig.read(YamlConfig.parse("output: {directory: a, rate: 1}\n"
        + "state_transitions:\n  START: ~\n", "s.yaml"), Map.of());
    assertEquals(List.of("state_transitions.START: an empty row: the old tool required the"
        + " probabilities of each state to sum to 1; loggen ends the session in state START,"
        + " so no session makes a request (give its next states, or leave the row out to keep"
        + " the default row)"), start.warnings().stream().map(w -> w.path() + ": "
            + w.message()).toList());
  }

  /**
   * LOGOUT, ABANDON, LEAVE and ERROR end a session in the old tool; a row for one of them made
   * it non-terminal in silence ({@code LOGOUT: {LOGIN: 1.0}}: no session ended by LOGOUT).
   */
  @Test
  void aRowOfAStateThatEndsSessionsInTheOldToolWarns() {
    LegacyConfig c = LegacyConfig.read(YamlConfig.parse("output: {directory: a, rate: 1}\n"
        + "state_transitions:\n  LOGOUT: {LOGIN: 1.0}\n", "l.yaml"), Map.of());
    assertEquals(1.0, ((TransitionMatrix) c.core().model()).probability("LOGOUT", "LOGIN"),
        "the row is followed");
    assertEquals(List.of("3:11: state_transitions.LOGOUT: LOGOUT ends a session in the old"
        + " tool, which follows rows only for START, LOGIN, DIRECT_ACCESS and BROWSING; loggen"
        + " follows this row, so sessions go on from LOGOUT (leave the row out to end sessions"
        + " in LOGOUT)"), c.warnings().stream().map(w -> w.line() + ":" + w.column() + ": "
            + w.path() + ": " + w.message()).toList());
    for (String state : List.of("ABANDON", "LEAVE", "ERROR")) {
      List<ConfigError> w = LegacyConfig.read(YamlConfig.parse("output: {directory: a, rate:"
          + " 1}\nstate_transitions:\n  " + state + ": {BROWSING: 1}\n", "t.yaml"), Map.of())
          .warnings();
      assertEquals(1, w.size(), w.toString());
      assertTrue(w.get(0).message().startsWith(state + " ends a session in the old tool"),
          w.toString());
    }
  }

  /** An empty file read as the old tool's was told of loggen's key 'seed: 42'. */
  @Test
  void anEmptyFileReadAsTheOldToolsNamesAnOldToolsKey(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "# nothing yet\n");
    ConfigException e = assertThrows(ConfigException.class, () -> LegacyConfig.load(empty));
    assertEquals(empty + ":1:1: the file is empty: expected a mapping of the old tool's settings"
        + " such as 'output: {directory: ./logs, rate: 2}'", e.getMessage());
    ConfigException env = assertThrows(ConfigException.class, () -> LegacyConfig.load(
        Map.of(LegacyConfig.ENV_YAML, "# empty\n"), null));
    assertEquals("LOG_GENERATOR_CONFIG_YAML:1:1: the file is empty: expected a mapping of the"
        + " old tool's settings such as 'output: {directory: ./logs, rate: 2}'", env.getMessage());
  }

  /**
   * min_page_view_interval without max_page_view_interval is an error ("give both"); the
   * warning that page_view_interval is not used when both are given contradicted it.
   */
  @Test
  void oneOfMinAndMaxPageViewIntervalIsAnErrorWithoutTheContradictoryWarning() {
    ConfigException e = assertThrows(ConfigException.class, () -> LegacyConfig.read(
        YamlConfig.parse("output: {directory: a, rate: 1}\nsession:\n  page_view_interval: 5\n"
            + "  min_page_view_interval: 2\n", "p.yaml"), Map.of()));
    assertEquals(List.of("p.yaml:4:27: session.min_page_view_interval: give both"
        + " min_page_view_interval and max_page_view_interval"),
        e.errors().stream().map(ConfigError::toString).toList());
    assertEquals(List.of(), e.warnings());
    // with both, page_view_interval is not used: a warning
    LegacyConfig both = LegacyConfig.read(YamlConfig.parse("output: {directory: a, rate: 1}\n"
        + "session: {page_view_interval: 5, min_page_view_interval: 2,"
        + " max_page_view_interval: 4}\n", "b.yaml"), Map.of());
    assertEquals(List.of("session.page_view_interval: page_view_interval is not used when"
        + " min_page_view_interval and max_page_view_interval are given"),
        both.warnings().stream().map(w -> w.path() + ": " + w.message()).toList());
  }

  /** A mapping where a value is expected is one error; its keys were also warned of. */
  @Test
  void mappingForAValueIsOneErrorWithoutWarningsOfItsKeys() {
    ConfigException e = assertThrows(ConfigException.class, () -> LegacyConfig.read(
        YamlConfig.parse("output: {directory: x, rate: 1, debug: {a: 1}}\n", "d.yaml"),
        Map.of()));
    assertEquals(List.of("d.yaml:1:40: output.debug: expected true or false (got a mapping)"),
        e.errors().stream().map(ConfigError::toString).toList());
    assertEquals(List.of(), e.warnings());
  }

  // ---- environment ----------------------------------------------------------------------------

  private static final String YAML_A = "output: {directory: a, rate: 1}\n";
  private static final String YAML_B = "output: {directory: b, rate: 1}\n";

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void environmentPrecedence(@TempDir Path dir) throws IOException {
    Path c = Files.writeString(dir.resolve("c.yaml"), "output: {directory: c, rate: 1}\n");
    Path d = Files.writeString(dir.resolve("d.yaml"), "output: {directory: d, rate: 1}\n");
    Map<String, String> all = Map.of(LegacyConfig.ENV_YAML_B64, b64(YAML_A),
        LegacyConfig.ENV_YAML, YAML_B, LegacyConfig.ENV_PATH, c.toString());
    assertEquals(Path.of("a"), LegacyConfig.load(all, d).output().directory());
    assertEquals(Path.of("b"), LegacyConfig.load(Map.of(LegacyConfig.ENV_YAML, YAML_B,
        LegacyConfig.ENV_PATH, c.toString()), d).output().directory());
    assertEquals(Path.of("c"), LegacyConfig.load(Map.of(LegacyConfig.ENV_PATH, c.toString()), d)
        .output().directory());
    assertEquals(Path.of("d"), LegacyConfig.load(Map.of(), d).output().directory());
    assertEquals(Path.of("d"), LegacyConfig.load(Map.of(LegacyConfig.ENV_YAML, "  "), d)
        .output().directory(), "a blank variable counts as unset");
    assertEquals(Optional.empty(), ConfigSource.fromEnvironment(Map.of(), null));
    assertThrows(IllegalArgumentException.class, () -> LegacyConfig.load(Map.of(), null));
  }

  @Test
  void logDirOverrideReplacesTheDirectory() {
    Map<String, String> env = Map.of(LegacyConfig.ENV_YAML, YAML_A,
        LegacyConfig.ENV_DIR_OVERRIDE, "/data/logs");
    assertEquals(Path.of("/data/logs"), LegacyConfig.load(env, null).output().directory());
    // With the override, output.directory may be left out.
    Map<String, String> noDir = Map.of(LegacyConfig.ENV_YAML, "output: {rate: 1}\n",
        LegacyConfig.ENV_DIR_OVERRIDE, "/data/logs");
    assertEquals(Path.of("/data/logs"), LegacyConfig.load(noDir, null).output().directory());
  }

  @Test
  void aDirectoryGivenByTheCallerReplacesTheFilesAndTheOverride() {
    Map<String, String> env = Map.of(LegacyConfig.ENV_DIR_OVERRIDE, "/data/logs");
    assertEquals(Path.of("cli"), LegacyConfig.read(YamlConfig.parse(YAML_A, "a.yaml"), env,
        Path.of("cli")).output().directory());
    // with the directory given, output.directory may be left out
    assertEquals(Path.of("cli"), LegacyConfig.read(YamlConfig.parse("output: {rate: 1}\n",
        "a.yaml"), Map.of(), Path.of("cli")).output().directory());
    ConfigException e = assertThrows(ConfigException.class, () -> LegacyConfig.read(
        YamlConfig.parse("error_rates: {}\n", "m.yaml"), Map.of(), Path.of("cli")));
    assertEquals("m.yaml:1:1: output: required key 'output' is missing: a file of the old"
        + " Python generator (this one has 'error_rates') gives output.rate, the new sessions"
        + " per second", e.getMessage());
  }

  @Test
  void errorsInEnvironmentTextNameTheVariable() {
    ConfigException e = assertThrows(ConfigException.class, () -> LegacyConfig.load(
        Map.of(LegacyConfig.ENV_YAML, "output:\n  directory: x\n  rate: fast\n"), null));
    assertEquals("LOG_GENERATOR_CONFIG_YAML:3:9: output.rate: expected a positive finite number"
        + " (got 'fast')", e.getMessage());
    ConfigException b = assertThrows(ConfigException.class, () -> LegacyConfig.load(
        Map.of(LegacyConfig.ENV_YAML_B64, "not base64!"), null));
    assertTrue(b.getMessage().startsWith("LOG_GENERATOR_CONFIG_YAML_B64:1:11: is not valid"
        + " base64"), b.getMessage());
  }

  /**
   * A character outside the alphabet is named where it is (the decoder's words were "Illegal
   * base64 character 21", its code in hex, at 1:1 whatever its place), a length that is not a
   * multiple of four is said as such.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'!!!notb64' | 1:1: is not valid base64: '!' is not a base64 character",
      "seed: 42 | 1:5: is not valid base64: ':' is not a base64 character",
      "'c2VlZDogNQ==@' | 1:13: is not valid base64: '@' is not a base64 character",
      "'c2VlZDog\nNQ=é' | 2:4: is not valid base64: 'é' is not a base64 character",
      "c2VlZDogN | 1:1: is not valid base64: its 9 characters (spaces and line breaks aside) are"
          + " not a multiple of 4: cut short, or its = padding left out?"})
  void aBadCharacterIsNamedWhereItIs(String value, String message) {
    String v = value.replace("\\n", "\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigSource.fromEnvironment(Map.of(LegacyConfig.ENV_YAML_B64, v), null));
    assertTrue(e.getMessage().startsWith("LOG_GENERATOR_CONFIG_YAML_B64:" + message),
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"!!!", "seed: 42", "output: {directory: x, rate: 1}\n", "c2VlZDogNQ==@"})
  void textThatIsNotBase64IsRejectedAsSuch(String value) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigSource.fromEnvironment(Map.of(LegacyConfig.ENV_YAML_B64, value), null));
    assertTrue(e.getMessage().matches("LOG_GENERATOR_CONFIG_YAML_B64:1:\\d+: is not valid"
        + " base64: .*"), e.getMessage());
  }

  /** Decoded leniently, a Latin-1 file was reported as "expected a mapping (got '\uFFFD')". */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"output: {directory: caf\u00e9, rate: 1}\\n|1:24|E9",
      "\u00ff\u00fe|1:1|FF", "seed: 1\\noutput: {directory: \u00e9}|2:21|E9"})
  void base64OfTextThatIsNotUtf8IsRejectedAsSuch(String latin1, String at, String hex) {
    String value = Base64.getEncoder().encodeToString(
        latin1.replace("\\n", "\n").getBytes(StandardCharsets.ISO_8859_1));
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigSource.fromEnvironment(Map.of(LegacyConfig.ENV_YAML_B64, value), null));
    assertEquals("LOG_GENERATOR_CONFIG_YAML_B64:" + at + ": decodes to bytes that are not UTF-8"
        + " text (byte 0x" + hex + "): encode the configuration saved as UTF-8", e.getMessage());
  }

  @Test
  void base64MayBeWrappedAcrossLines() {
    String wrapped = Base64.getMimeEncoder(8, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(YAML_A.getBytes(StandardCharsets.UTF_8));
    assertTrue(wrapped.contains("\n"));
    assertEquals(Path.of("a"), LegacyConfig.load(Map.of(LegacyConfig.ENV_YAML_B64,
        "  " + wrapped + "\r\n"), null).output().directory());
  }
}
