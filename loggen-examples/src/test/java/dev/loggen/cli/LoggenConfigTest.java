package dev.loggen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.DataSize;
import dev.loggen.core.LogFormat;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Visitors;
import dev.loggen.core.config.ConfigError;
import dev.loggen.core.config.ConfigException;
import dev.loggen.core.config.ConfigSource;
import dev.loggen.core.config.YamlConfig;
import dev.loggen.formats.ErrorFormat;
import dev.loggen.sinks.OnExisting;
import dev.loggen.sinks.RotationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** LoggenConfig: the samples, every module's keys together, and the old tool's files. */
class LoggenConfigTest {
  static final Path SAMPLES = Path.of("src/main/resources/samples");
  static final Path LEGACY = Path.of("src/test/resources/legacy/legacy-config.yaml");

  static Stream<String> samples() throws Exception {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .sorted().toList().stream();
    }
  }

  @Test
  void thereAreSamples() throws Exception {
    assertEquals(Set.of("api.yaml", "blog.yaml", "custom-site.yaml", "incident.yaml",
        "shop.yaml"), samples().collect(Collectors.toSet()));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleLoadsAndRenders(String name) {
    LoggenConfig c = LoggenConfig.load(SAMPLES.resolve(name));
    assertFalse(c.legacy());
    assertTrue(c.warnings().isEmpty(), c.warnings().toString());
    assertNotNull(c.output().directory(), name + " names its directory");
    assertNotNull(c.output().rotation(), name + " rotates");
    c.output().rotation().check();
    LogGenerator gen = c.toBuilder().build();
    LogFormat format = c.format().formatOrDefault();
    List<AccessEvent> events = gen.events().limit(500).toList();
    assertEquals(500, events.size(), name);
    for (AccessEvent e : events) {
      String line = format.format(e);
      assertFalse(line.isEmpty() || line.contains("\n"), line);
    }
  }

  @Test
  void samplesUseTheRealKeys() {
    LoggenConfig shop = LoggenConfig.load(SAMPLES.resolve("shop.yaml"));
    RotationSettings r = shop.output().rotation();
    assertEquals(DataSize.ofMegabytes(100), r.size());
    assertEquals(Duration.ofDays(1), r.time());
    assertEquals(Boolean.TRUE, r.gzip());
    assertEquals(14, r.keep());
    LoggenConfig custom = LoggenConfig.load(SAMPLES.resolve("custom-site.yaml"));
    assertEquals("nginx", custom.format().formatOrDefault().name());
    assertEquals(ErrorFormat.NGINX, custom.format().errorFormatOrDefault());
    LoggenConfig incident = LoggenConfig.load(SAMPLES.resolve("incident.yaml"));
    assertEquals(OnExisting.TRUNCATE, incident.output().onExisting());
  }

  @Test
  void liveAndHealthKeys() {
    LoggenConfig c = LoggenConfig.read(YamlConfig.parse("""
        seed: 5
        live: {rate: 250, backfill: 2h}
        health: {port: 9090, bind: 0.0.0.0}
        """, "l.yaml"), Map.of());
    assertEquals(new LiveSettings(250.0, Duration.ofHours(2)), c.live());
    assertEquals(new HealthSettings(9090, "0.0.0.0"), c.health());
    assertEquals(5L, c.core().seed());
    LoggenConfig plain = LoggenConfig.read(YamlConfig.parse("live: true\n", "l.yaml"), Map.of());
    assertEquals(LiveSettings.NOW, plain.live());
    assertNull(plain.health());
  }

  @Test
  void aBackfillLongerThanTheLongestWindowStatesTheLimit() {
    for (String backfill : List.of("400000d", "99999999999999999999d")) {
      ConfigException e = assertThrows(ConfigException.class, () -> LoggenConfig.read(
          YamlConfig.parse("live: {backfill: " + backfill + "}\n", "l.yaml"), Map.of()));
      assertEquals(List.of("l.yaml:1:18: live.backfill: expected a duration of at most 366000d"
          + " (1000 years) (got '" + backfill + "')"),
          e.errors().stream().map(ConfigError::toString).toList());
    }
  }

  /** An address the server cannot listen on is a located error, before anything is written. */
  @Test
  void aHealthBindAddressNotOfThisMachineIsRefusedAtItsKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> LoggenConfig.read(
        YamlConfig.parse("health: {port: 9090, bind: 192.0.2.1}\n", "h.yaml"), Map.of()));
    assertEquals(List.of("h.yaml:1:28: health.bind: expected an IP address or host name of this"
        + " machine, such as 127.0.0.1 or 0.0.0.0 (got '192.0.2.1': 192.0.2.1 is not an address"
        + " of this machine)"), e.errors().stream().map(ConfigError::toString).toList());
  }

  @Test
  void everySectionsErrorsComeTogether() {
    ConfigException e = assertThrows(ConfigException.class, () -> LoggenConfig.read(
        YamlConfig.parse("""
            traffic: {sessionsPerHour: -1}
            format: '%h %Z'
            output: {rotation: {time: 7h}}
            live: {rate: fast}
            health: {bind: localhost}
            window: {duration: 1h}
            colour: blue
            """, "all.yaml"), Map.of()));
    List<String> errors = e.errors().stream().map(ConfigError::toString).toList();
    assertEquals(List.of(
        "all.yaml:1:28: traffic.sessionsPerHour: expected a positive finite number (got -1)",
        "all.yaml:2:9: format: invalid Apache LogFormat \"%h %Z\": unknown directive '%Z' at"
            + " position 4",
        "all.yaml:3:27: output.rotation.time: period must divide a day evenly or be a whole"
            + " number of days (got 7h) (or hourly, daily, weekly)",
        "all.yaml:4:1: live: 'live' and 'window' exclude each other: a live run starts now"
            + " (use live.backfill for history before it)",
        "all.yaml:4:14: live.rate: expected a positive finite number (got 'fast')",
        "all.yaml:5:9: health.port: required key 'port' is missing",
        "all.yaml:7:1: colour: unknown key 'colour': expected one of seed, window, profile,"
            + " site, states, normalize, traffic, session, visitors, scenarios, format,"
            + " errorFormat, output, live, health"), errors);
  }

  /**
   * One old-tool key (output.rate) switched the file to the old schema: seed, format, window and
   * traffic became "unknown key (ignored)" warnings and an endless live run started.
   */
  @Test
  void aFileMixingBothSchemasIsRefused() {
    ConfigException e = assertThrows(ConfigException.class, () -> LoggenConfig.read(
        YamlConfig.parse("""
            seed: 1
            format: combined
            window: {start: 2026-01-01T00:00:00Z, duration: 1h}
            traffic: {sessionsPerHour: 100}
            output: {directory: mixed, rate: 5}
            """, "mixed.yaml"), Map.of()));
    assertEquals(List.of("mixed.yaml:5:28: output.rate: this file mixes loggen keys (seed,"
        + " format, window, traffic) with the old tool's (output.rate at 5:28): write it in one"
        + " schema (docs/config-reference.md describes both)"),
        e.errors().stream().map(ConfigError::toString).toList());
  }

  @Test
  void theOldToolsFileMapsOntoSinksLiveAndHealth() {
    LoggenConfig c = LoggenConfig.load(LEGACY);
    assertTrue(c.legacy());
    assertEquals("./logs", c.output().directory());
    assertEquals(new RotationSettings(DataSize.ofMegabytes(100), Duration.ofHours(1), null,
        true, 5, null, null, null, null), c.output().rotation());
    assertEquals(new LiveSettings(null, Duration.ofHours(24)), c.live(), "pre_warm");
    assertEquals(new HealthSettings(8080, "127.0.0.1"), c.health());
    // rate 2 human sessions/s at multiplier 1; the file's multipliers average 11.3 / 24; the
    // crawlers and scanners of the default visitors (11.5 % of sessions) come on top
    assertEquals(2 * 3600 * 11.3 / 24 / (1 - Visitors.DEFAULT.crawlerShare()
        - Visitors.DEFAULT.scannerShare()), c.core().traffic().sessionsPerHour(), 1e-6);
  }

  /**
   * LOG_DIR_OVERRIDE replaces a loggen file's output.directory as it does the old tool's (the
   * command line's directory wins over both). Before, loggen's files ignored it silently, while
   * the LOG_GENERATOR_CONFIG_* variables worked for both.
   */
  @Test
  void logDirOverrideReplacesALoggenFilesDirectory() {
    String yaml = "output: {directory: /var/log/new, onExisting: truncate}\n";
    Map<String, String> env = Map.of("LOG_GENERATOR_CONFIG_YAML", yaml,
        "LOG_DIR_OVERRIDE", " /tmp/elsewhere ");
    ConfigSource source = ConfigSource.fromEnvironment(env, null).orElseThrow();
    LoggenConfig c = LoggenConfig.load(source, env);
    assertEquals("/tmp/elsewhere", c.output().directory());
    assertEquals(OnExisting.TRUNCATE, c.output().onExisting(), "the rest kept");
    assertEquals("/var/log/new", LoggenConfig.load(source, Map.of("LOG_DIR_OVERRIDE", " "))
        .output().directory(), "a blank variable counts as unset");
    assertEquals("/var/log/new", LoggenConfig.read(source.load(), env, "cli").output()
        .directory(), "the command line's directory is applied on top, by the caller");
  }

  @Test
  void theOldToolsEnvironmentOverridesWork() {
    String yaml = """
        output:
          directory: /var/log/old
          rate: 1
          pre_warm: false
          log_rotation: {when: "d", interval: 1, backup_count: 0, compress: false}
        """;
    Map<String, String> env = Map.of("LOG_GENERATOR_CONFIG_YAML", yaml,
        "LOG_DIR_OVERRIDE", "/tmp/elsewhere");
    LoggenConfig c = LoggenConfig.load(ConfigSource.fromEnvironment(env, null).orElseThrow(),
        env);
    assertEquals("LOG_GENERATOR_CONFIG_YAML", c.source());
    assertEquals("/tmp/elsewhere", c.output().directory());
    assertEquals(LiveSettings.NOW, c.live());
    assertEquals(new RotationSettings(DataSize.ofMegabytes(1000), Duration.ofDays(1), null,
        false, null, null, null, null, null), c.output().rotation());
    assertTrue(c.warnings().stream().anyMatch(w -> w.message().contains("backup_count 0")),
        c.warnings().toString());
  }

  /**
   * Python's rotating handler takes any positive interval: a period loggen cannot honour was a
   * refusal ("period must divide a day evenly"); it is now the nearest period loggen has, with a
   * located warning that says which.
   */
  @ParameterizedTest
  @MethodSource("oldRotations")
  void anOldRotationLoggenCannotDoExactlyIsTheNearestWithAWarning(String rotation,
      Duration period, List<String> warnings) {
    LoggenConfig c = LoggenConfig.read(YamlConfig.parse("output:\n  directory: logs\n  rate: 1\n"
        + "  log_rotation: " + rotation + "\n", "old.yaml"), Map.of());
    assertEquals(period, c.output().rotation().time());
    assertEquals(warnings, c.warnings().stream().map(ConfigError::toString).toList());
  }

  static Stream<Arguments> oldRotations() {
    String day = "loggen's rotation periods divide a day evenly or are whole days; it rotates"
        + " every ";
    return Stream.of(
        Arguments.of("{when: h, interval: 5}", Duration.ofHours(4), List.of(
            "old.yaml:4:37: output.log_rotation.interval: when 'h' with interval 5 (every 5h)"
                + " cannot be honoured: " + day + "4h instead, the nearest such period (of 4h"
                + " and 6h, the shorter)")),
        Arguments.of("{when: m, interval: 7}", Duration.ofMinutes(6), List.of(
            "old.yaml:4:37: output.log_rotation.interval: when 'm' with interval 7 (every 7m)"
                + " cannot be honoured: " + day + "6m instead, the nearest such period (of 6m"
                + " and 8m, the shorter)")),
        Arguments.of("{when: m, interval: 50}", Duration.ofMinutes(48), List.of(
            "old.yaml:4:37: output.log_rotation.interval: when 'm' with interval 50 (every 50m)"
                + " cannot be honoured: " + day + "48m instead, the nearest such period")),
        Arguments.of("{when: h, interval: 30}", Duration.ofDays(1), List.of(
            "old.yaml:4:37: output.log_rotation.interval: when 'h' with interval 30 (every 30h)"
                + " cannot be honoured: " + day + "1d instead, the nearest such period")),
        Arguments.of("{when: h, interval: 60}", Duration.ofDays(2), List.of(
            "old.yaml:4:37: output.log_rotation.interval: when 'h' with interval 60 (every 60h)"
                + " cannot be honoured: " + day + "2d instead, the nearest such period (of 2d"
                + " and 3d, the shorter)",
            "old.yaml:4:37: output.log_rotation.interval: when 'h' with interval 60: loggen's"
                + " periods of 2d start at midnight UTC and are counted from 1970-01-01, not"
                + " from the start of the run as the old tool's were")),
        Arguments.of("{when: d, interval: 2}", Duration.ofDays(2), List.of(
            "old.yaml:4:37: output.log_rotation.interval: when 'd' with interval 2: loggen's"
                + " periods of 2d start at midnight UTC and are counted from 1970-01-01, not"
                + " from the start of the run as the old tool's were")),
        Arguments.of("{when: w0, interval: 2}", Duration.ofDays(14), List.of(
            "old.yaml:4:38: output.log_rotation.interval: when 'w0' with interval 2: loggen's"
                + " periods of 14d start at midnight UTC and are counted from Monday 1970-01-05,"
                + " not from the start of the run as the old tool's were")),
        // what loggen does exactly: no warning
        Arguments.of("{when: h, interval: 6}", Duration.ofHours(6), List.of()),
        Arguments.of("{when: midnight}", Duration.ofDays(1), List.of()),
        Arguments.of("{when: w0}", Duration.ofDays(7), List.of()));
  }

  /** Python's maxBytes=0 is no rotation by size: the old tool's max_size_mb: 0 was refused. */
  @Test
  void theOldToolsMaxSizeZeroRotatesByTimeOnly() {
    LoggenConfig c = LoggenConfig.read(YamlConfig.parse(
        "output: {directory: logs, rate: 1, log_rotation: {max_size_mb: 0, when: d}}\n",
        "old.yaml"), Map.of());
    assertEquals(new RotationSettings(null, Duration.ofDays(1), null, true, 5, null, null, null,
        null), c.output().rotation());
  }

  @Test
  void theOldToolsDebugIsAWarningNotSilence() {
    LoggenConfig on = LoggenConfig.read(YamlConfig.parse(
        "output: {directory: logs, rate: 1, debug: true}\n", "old.yaml"), Map.of());
    assertEquals(List.of("old.yaml:1:43: output.debug: loggen has no debug logging: the"
        + " notices on stderr and the report say what a run does (ignored)"),
        on.warnings().stream().map(ConfigError::toString).toList());
    LoggenConfig off = LoggenConfig.read(YamlConfig.parse(
        "output: {directory: logs, rate: 1, debug: false}\n", "old.yaml"), Map.of());
    assertEquals(List.of(), off.warnings());
  }
}
