package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunSpecTest {
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  static Stream<RunSpec> specs() {
    RunSpec d = RunSpec.defaults();
    return Stream.of(
        d,
        d.withSeed(42),
        d.withSeed(Long.MIN_VALUE).withProfile("blog"),
        d.withSeed(-1).withProfile("api").withSessionsPerHour(123.456).withZone("Europe/Berlin"),
        d.withSessionsPerHour(2000).withWindow(START, Duration.ofDays(365)),
        d.withStart(Instant.parse("0001-01-01T00:00:00.001Z")),
        d.withDuration(Duration.ofMillis(1)).withSessionsPerHour(1e-7),
        d.withFormat("%h %l %u %t \"%r\" %>s %b a=b \\ \t end "),
        d.withFormat("$remote_addr - [$time_local] \"$request\" $status"),
        d.withConfig("seed: 7\ntraffic:\n\tsessionsPerHour: 5 # tab\r\nback\\slash \\n"
            + " \u0001\u007F é ü 日本 \uD83D\uDE00\n\n"),
        d.withConfig(""),
        d.withConfig("seed: 1\n", "/etc/loggen/shop.yaml").withSeed(2),
        d.withConfig("\\u0041 = \\"));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void textRoundTrips(RunSpec spec) {
    String text = spec.toText();
    assertEquals(spec, RunSpec.parse(text), text);
    assertEquals(text, RunSpec.parse(text).toText(), "the text is canonical");
    assertTrue(text.startsWith("loggen-run-spec=1\n"), text);
    assertTrue(text.endsWith("\n"), text);
    // Every value stays on its line: one line per key, and no control character but '\n'.
    long lines = text.chars().filter(c -> c == '\n').count();
    assertEquals(lines, text.lines().count(), text);
    assertTrue(text.chars().noneMatch(c -> (c < 0x20 && c != '\n') || c == 0x7F), text);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void javaSerialisationRoundTrips(RunSpec spec) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(spec);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(spec, in.readObject());
    }
  }

  @Test
  void textFormIsStableAndDocumented() {
    RunSpec spec = RunSpec.defaults().withSeed(42).withProfile("shop").withSessionsPerHour(2000)
        .withZone("Europe/Berlin").withWindow(Instant.parse("2026-01-01T00:00:00Z"),
            Duration.ofDays(365))
        .withConfig("traffic:\n  sessionsPerHour: 500\n");
    assertEquals("""
        loggen-run-spec=1
        seed=42
        profile=shop
        sessions-per-hour=2000
        zone=Europe/Berlin
        start=2026-01-01T00:00:00Z
        duration=PT8760H
        format=combined
        config=traffic:\\n  sessionsPerHour: 500\\n
        """, spec.toText());
  }

  /** The spec's profile wins over the file's site: scenario pages are the profile's. */
  @Test
  void scenarioPagesAreCheckedAgainstTheSpecsProfile() {
    String scenario = "scenarios: [{type: flash-crowd, start: 10m, duration: 5m,"
        + " sessionsPerHour: 3000, page: %s}]\n";
    RunSpec api = RunSpec.defaults().withProfile("api")
        .withWindow(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(20));
    Scenario flash = api.withConfig(String.format(scenario, "list")).toGenerator().scenarios()
        .get(0);
    assertEquals("list", ((Scenario.FlashCrowd) flash).pageName());
    ConfigException e = assertThrows(ConfigException.class,
        () -> api.withConfig(String.format(scenario, "home")).toGenerator());
    assertTrue(e.getMessage().contains("scenarios[0].page: 'home' is not a page of site api"),
        e.getMessage());
  }

  /** The spec's rate and start win over the file's: its bursts and window are checked so. */
  @Test
  void theConfigIsCheckedWithTheSpecsRateAndStart() {
    RunSpec peak = RunSpec.defaults().withConfig("traffic: {sessionsPerHour: 200000000,"
        + " bursts: [{start: 1h, duration: 10m, multiplier: 3}]}\n");
    assertThrows(ConfigException.class, peak::toGenerator);
    assertEquals(1000, peak.withSessionsPerHour(1000).toGenerator().traffic().sessionsPerHour());
    RunSpec late = RunSpec.defaults().withConfig("window: {start: 9999-12-31T12:00:00Z,"
        + " duration: 1h}\ntraffic: {zone: Pacific/Kiritimati}\n");
    assertThrows(ConfigException.class, late::toGenerator);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    assertEquals(start, late.withWindow(start, Duration.ofHours(1)).toGenerator().start());
  }

  /** An old tool's file describes the shop: a profile would drop its settings silently. */
  @Test
  void aProfileWithAnOldToolsFileIsRefused() {
    RunSpec spec = RunSpec.defaults().withProfile("blog").withConfig(
        "output: {directory: ./logs, rate: 0.5}\nerror_rates: {global_500: 0.2}\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        spec::toGenerator);
    assertTrue(e.getMessage().startsWith("profile 'blog' cannot replace the site of an old"
        + " tool's configuration"), e.getMessage());
  }

  @Test
  void parseAcceptsCommentsBlankLinesAndCrLf() {
    RunSpec spec = RunSpec.parse("# a run\r\n\r\nloggen-run-spec=1\r\nseed=3\r\n\r\n");
    assertEquals(RunSpec.defaults().withSeed(3), spec);
  }

  @Test
  void parseNamesTheLine() {
    assertEquals("run spec line 1: expected the first line loggen-run-spec=1 (got \"seed=1\")",
        iae(() -> RunSpec.parse("seed=1\n")));
    assertEquals("run spec line 1: unsupported loggen-run-spec version 2 (this reader knows 1)",
        iae(() -> RunSpec.parse("loggen-run-spec=2\n")));
    assertEquals("run spec line 3: key 'seed' is given twice",
        iae(() -> RunSpec.parse("loggen-run-spec=1\nseed=1\nseed=2\n")));
    assertEquals("run spec line 2: unknown key 'sede': expected one of [seed, profile,"
        + " sessions-per-hour, zone, start, duration, format, config-source, config]",
        iae(() -> RunSpec.parse("loggen-run-spec=1\nsede=1\n")));
    assertEquals("run spec line 2: expected key=value (got \"seed\")",
        iae(() -> RunSpec.parse("loggen-run-spec=1\nseed\n")));
    assertEquals("run spec line 2: unknown escape \\x (known: \\\\ \\n \\r \\t \\uXXXX)",
        iae(() -> RunSpec.parse("loggen-run-spec=1\nconfig=\\x\n")));
    assertEquals("run spec line 2: \\u needs four hex digits",
        iae(() -> RunSpec.parse("loggen-run-spec=1\nconfig=\\u12\n")));
    // Before: Integer.parseInt took a sign, so a backslash, u, +041 was read as an A.
    assertEquals("run spec line 2: \\u needs four hex digits (got \"+041\")",
        iae(() -> RunSpec.parse("loggen-run-spec=1\nconfig=\\u+041\n")));
    assertEquals("run spec line 2: \\u needs four hex digits (got \"-001\")",
        iae(() -> RunSpec.parse("loggen-run-spec=1\nconfig=\\u-001\n")));
    assertEquals("run spec line 2: \\u needs four hex digits (got \"\u0660\u0660\u0664\u0661\")",
        iae(() -> RunSpec.parse("loggen-run-spec=1\nconfig=\\u\u0660\u0660\u0664\u0661\n")));
    assertEquals("run spec: sessions-per-hour must be a number (got \"12f\")",
        iae(() -> RunSpec.parse("loggen-run-spec=1\nsessions-per-hour=12f\n")));
    assertEquals("run spec: sessions-per-hour must be a number (got \"0x1p4\")",
        iae(() -> RunSpec.parse("loggen-run-spec=1\nsessions-per-hour=0x1p4\n")));
    assertEquals("run spec line 2: a lone \\ at the end of the value",
        iae(() -> RunSpec.parse("loggen-run-spec=1\nconfig=a\\\n")));
    assertEquals("run spec: seed must be an integer (got \"x\")",
        iae(() -> RunSpec.parse("loggen-run-spec=1\nseed=x\n")));
    assertEquals("run spec: duration must be an ISO-8601 duration such as PT24H (got \"1d\")",
        iae(() -> RunSpec.parse("loggen-run-spec=1\nduration=1d\n")));
    assertEquals("run spec: profile 'shp' is unknown: expected one of [api, blog, shop]",
        iae(() -> RunSpec.parse("loggen-run-spec=1\nprofile=shp\n")));
    assertEquals("run spec: empty: expected the first line loggen-run-spec=1",
        iae(() -> RunSpec.parse("\n# nothing\n")));
  }

  /** Before: the %.0f of 1e300 printed all its 301 digits. */
  @Test
  void tooManySessionsPerHourIsPrintedCompactly() {
    assertEquals("sessionsPerHour must be at most 240000000 (got 1.000e+300)",
        iae(() -> RunSpec.defaults().withSessionsPerHour(1e300).toGenerator()));
    assertEquals("sessionsPerHour must be at most 240000000 (got 250000000)",
        iae(() -> RunSpec.defaults().withSessionsPerHour(2.5e8).toGenerator()));
  }

  @Test
  void fieldsAreChecked() {
    assertEquals("sessionsPerHour must be a positive finite number (got -3.0)",
        iae(() -> RunSpec.defaults().withSessionsPerHour(-3)));
    assertEquals("duration must be positive (got PT0S)",
        iae(() -> RunSpec.defaults().withDuration(Duration.ZERO)));
    assertEquals("format must not be blank (got \" \")",
        iae(() -> RunSpec.defaults().withFormat(" ")));
    assertTrue(iae(() -> RunSpec.defaults().withZone("Mars/Olympus")).startsWith(
        "zone 'Mars/Olympus' is not a time zone"));
  }

  @Test
  void generatorIsTheBuildersOne() {
    RunSpec spec = RunSpec.defaults().withSeed(9).withProfile("blog").withSessionsPerHour(300)
        .withWindow(START, Duration.ofHours(2));
    LogGenerator expected = LogGenerator.builder().seed(9).site(Sites.blog())
        .traffic(Traffic.sessionsPerHour(300)).window(START, Duration.ofHours(2)).build();
    assertEquals(events(expected), events(RunSpec.parse(spec.toText()).toGenerator()));
  }

  @Test
  void optionsWinOverTheConfiguration() {
    String yaml = """
        seed: 7
        profile: api
        window: {start: 2026-02-01T00:00:00Z, duration: 3h}
        traffic: {sessionsPerHour: 50}
        format: json
        """;
    LogGenerator fromConfig = RunSpec.defaults().withConfig(yaml).toGenerator();
    assertEquals(7, fromConfig.seed());
    assertEquals("api", fromConfig.site().name());
    assertEquals(Instant.parse("2026-02-01T00:00:00Z"), fromConfig.start());
    assertEquals(Duration.ofHours(3), fromConfig.duration());
    assertEquals(50, fromConfig.traffic().sessionsPerHour());

    LogGenerator overridden = RunSpec.defaults().withConfig(yaml).withSeed(8).withProfile("shop")
        .withSessionsPerHour(60).withDuration(Duration.ofHours(1)).toGenerator();
    assertEquals(8, overridden.seed());
    assertEquals("shop", overridden.site().name());
    assertEquals(Instant.parse("2026-02-01T00:00:00Z"), overridden.start());
    assertEquals(Duration.ofHours(1), overridden.duration());
    assertEquals(60, overridden.traffic().sessionsPerHour());
  }

  @Test
  void aStartMovesScenariosAndBurstsAsTheCommandLinesDoes() {
    // Before: the spec's start replaced the window only, so a scenario written "start: 10m"
    // stayed 10 minutes after 2026-01-01 and a run on Spark missed the outage the command line
    // wrote.
    String noWindow = """
        seed: 1
        scenarios:
          - {type: outage, label: relative, start: 10m, duration: 20m, failureShare: 0.9}
          - {type: outage, label: fixed, start: 2026-03-10T00:40:00Z, duration: 5m,
             failureShare: 0.5}
        traffic: {bursts: [{start: 30m, duration: 5m, multiplier: 2}]}
        """;
    Instant start = Instant.parse("2026-03-10T00:00:00Z");
    LogGenerator g = RunSpec.defaults().withConfig(noWindow).withStart(start)
        .withDuration(Duration.ofHours(1)).toGenerator();
    assertEquals(start.plusSeconds(600), g.scenarios().get(0).start(), "relative: from start");
    assertEquals(Instant.parse("2026-03-10T00:40:00Z"), g.scenarios().get(1).start(),
        "an instant stays");
    assertEquals(start.plusSeconds(1800), g.traffic().bursts().get(0).start());

    String withWindow = """
        seed: 1
        window: {start: 2026-02-01T00:00:00Z, duration: 2h}
        scenarios:
          - {type: outage, start: 2026-02-01T01:00:00Z, duration: 20m, failureShare: 0.9}
        """;
    LogGenerator moved = RunSpec.defaults().withConfig(withWindow).withStart(start)
        .toGenerator();
    assertEquals(start.plusSeconds(3600), moved.scenarios().get(0).start(),
        "the file's window moves as a whole");
    assertEquals(Duration.ofHours(2), moved.duration());
  }

  @Test
  void configurationErrorsAreLocated() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunSpec.defaults().withConfig("seed: 1\ntrafic: {}\n").toGenerator());
    assertTrue(e.getMessage().contains("config:2:1"), e.getMessage());
  }

  /** A configuration read from a file is named by it, as on the command line. */
  @Test
  void configurationErrorsNameTheFileTheConfigurationCameFrom() {
    RunSpec spec = RunSpec.defaults().withConfig("seed: 1\ntraffic: {zone: Europe/Berlinn}\n",
        "bad.yaml").withSeed(3);
    ConfigException e = assertThrows(ConfigException.class, spec::toGenerator);
    assertTrue(e.getMessage().startsWith("bad.yaml:2:17: traffic.zone: "), e.getMessage());
    assertEquals("bad.yaml", spec.configSource());
    assertTrue(spec.toText().contains("\nconfig-source=bad.yaml\nconfig=seed: 1\\n"),
        spec.toText());
    assertNull(spec.withConfig("seed: 2\n").configSource(), "a new text, a new name");
    assertEquals("configSource \"x.yaml\" names no configuration: config is null",
        iae(() -> new RunSpec(null, null, null, null, null, null, null, "combined", "x.yaml")));
  }

  /**
   * The known keys are listed as the command line lists them, in the same order on every run.
   * Before: "format, output" or "output, format" first, as {@code Set.of} iterated in that JVM.
   */
  @Test
  void unknownKeysListTheKnownOnesInAFixedOrder() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> RunSpec.defaults().withConfig("seed: 1\nfoo: 1\n").toGenerator());
    assertEquals("config:2:1: foo: unknown key 'foo': expected one of seed, window, profile,"
        + " site, states, normalize, traffic, session, visitors, scenarios, format, errorFormat,"
        + " output, live, health",
        e.getMessage());
  }

  /**
   * What the command line warns about before a run, in its words. Before: a spec dropped every
   * warning, so a run on Spark silently wrote nothing of a scenario outside its window.
   */
  @Test
  void warningsAreTheCommandLines() {
    RunSpec spec = RunSpec.defaults().withConfig("""
        seed: 5
        traffic: {bursts: [{start: 2026-01-01T12:00:00Z, duration: 1h, multiplier: 2.5}]}
        scenarios:
          - {type: outage, label: db-outage, start: 2026-01-01T10:00:00Z, duration: 15m,
             failureShare: 0.6}
        """, "outside.yaml").withWindow(START, Duration.ofHours(1));
    assertEquals(List.of("scenario db-outage (2026-01-01T10:00:00Z to 2026-01-01T10:15:00Z)"
        + " lies wholly outside the window 2026-03-01T00:00:00Z to 2026-03-01T01:00:00Z: no line"
        + " shows it", "traffic burst x2.5 (2026-01-01T12:00:00Z to 2026-01-01T13:00:00Z) lies"
        + " wholly outside the window 2026-03-01T00:00:00Z to 2026-03-01T01:00:00Z: no line shows"
        + " it"), spec.warnings());
    assertEquals(List.of(), spec.withWindow(Instant.parse("2026-01-01T09:00:00Z"),
        Duration.ofHours(4)).warnings(), "both in the window");
    assertEquals(List.of(), RunSpec.defaults().warnings());
    // a small multiplier is written as it is (it was "x0")
    assertEquals(List.of("traffic burst x0.0001 (2026-01-01T12:00:00Z to 2026-01-01T13:00:00Z)"
        + " lies wholly outside the window 2026-03-01T00:00:00Z to 2026-03-01T01:00:00Z: no line"
        + " shows it"), RunSpec.defaults().withConfig("traffic: {bursts: [{start:"
            + " 2026-01-01T12:00:00Z, duration: 1h, multiplier: 0.0001}]}\n", "small.yaml")
        .withWindow(START, Duration.ofHours(1)).warnings());
  }

  /**
   * The documented top-level keys only the command line uses are ignored, each with a warning
   * that says why. Before: "unknown key 'errorFormat'", so a file the command line takes could
   * not be run on Spark.
   */
  @Test
  void theCommandLinesOwnKeysAreIgnoredWithAWarning() {
    RunSpec spec = RunSpec.defaults().withConfig("""
        seed: 3
        health: {port: 8080}
        errorFormat: nginx
        live: {rate: 10}
        """, "cli.yaml");
    assertEquals(3, spec.toGenerator().seed());
    assertEquals(List.of("cli.yaml:2:1: health: a run of a RunSpec serves no /health endpoint,"
        + " so health is ignored", "cli.yaml:3:1: errorFormat: a run of a RunSpec writes one"
        + " log, in the spec's format (on Spark, the format apache-error or nginx-error writes"
        + " the error log alone), so errorFormat is ignored", "cli.yaml:4:1: live: a run of a"
        + " RunSpec covers its window and ends, it does not go on in real time, so live is"
        + " ignored"), spec.warnings());
  }

  /** One old-tool key made a loggen file the old tool's: its seed and window were ignored. */
  @Test
  void aConfigurationMixingBothSchemasIsRefused() {
    RunSpec spec = RunSpec.defaults().withConfig("seed: 7\nsession: {page_view_interval: 5}\n",
        "mixed.yaml");
    assertEquals("mixed.yaml:2:11: session.page_view_interval: this file mixes loggen keys"
        + " (seed) with the old tool's (session.page_view_interval at 2:11): write it in one"
        + " schema (docs/config-reference.md describes both)",
        assertThrows(dev.loggen.core.config.ConfigException.class, spec::settings).getMessage());
  }

  @Test
  void theOldToolsFileKeepsItsLocatedWarnings() throws Exception {
    String text = Files.readString(Path.of(Objects.requireNonNull(
        RunSpecTest.class.getResource("/config/legacy/legacy-extras.yaml")).toURI()));
    List<String> warnings = RunSpec.defaults().withConfig(text, "legacy-extras.yaml")
        .warnings();
    // the seven of LegacyConfig, and the three output keys a spec ignores (pre_warm,
    // log_rotation, debug: true), in file order
    assertEquals(10, warnings.size(), warnings.toString());
    assertEquals("legacy-extras.yaml:9:3: output.log_format: unknown key 'log_format': expected"
        + " one of directory, rate, debug, pre_warm, health_check, log_rotation (ignored)",
        warnings.get(3));
    assertEquals("legacy-extras.yaml:34:14: status_codes.not_found: loggen answers with the"
        + " standard 404 for not_found: the renaming to 410 is not applied", warnings.get(8));
  }

  /**
   * An old tool's file without output.directory was refused ("required key 'directory' is
   * missing") though a spec writes no directory; its keys about a live run and files were
   * ignored in silence.
   */
  @Test
  void theOldToolsOutputKeysASpecCannotUseAreWarningsAndTheDirectoryIsOptional() {
    RunSpec spec = RunSpec.defaults().withConfig("""
        output:
          rate: 0.05
          pre_warm: true
          health_check: {enabled: true}
          log_rotation: {when: h}
          debug: true
        error_rates: {global_500: 0.01}
        """, "old.yaml");
    // people's sessions: loggen's crawlers and scanners (11.5 % of its sessions) come on top
    assertEquals(0.05 * 3600 / (1 - Visitors.DEFAULT.crawlerShare()
        - Visitors.DEFAULT.scannerShare()), spec.settings().traffic().sessionsPerHour(), 1e-9);
    assertEquals(List.of(
        "old.yaml:3:3: output.pre_warm: a run of a RunSpec covers its window and ends, it"
            + " neither backfills 24 hours before now nor goes on in real time, so pre_warm is"
            + " ignored",
        "old.yaml:4:27: output.health_check.enabled: a run of a RunSpec serves no health check,"
            + " so health_check is ignored",
        "old.yaml:5:3: output.log_rotation: a run of a RunSpec gives its lines to the caller and"
            + " rotates no files, so log_rotation is ignored",
        "old.yaml:6:10: output.debug: a run of a RunSpec has no debug logging, so debug is"
            + " ignored"), spec.warnings());
    // what the old tool does by default, or switched off, is no warning
    assertEquals(List.of(), RunSpec.defaults().withConfig("output: {rate: 1, debug: false,"
        + " health_check: {enabled: false}}\n", "old.yaml").warnings());
  }

  @Test
  void toStringShowsWhatMatters() {
    assertEquals("RunSpec[seed=42, format=combined, config=<8 chars>]",
        RunSpec.defaults().withSeed(42).withConfig("seed: 1\n").toString());
  }

  private static List<AccessEvent> events(LogGenerator g) {
    return g.events().limit(2_000).toList();
  }

  private static String iae(org.junit.jupiter.api.function.Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }
}
