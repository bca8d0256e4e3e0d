package dev.loggen.core.config;

import dev.loggen.core.DataSize;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.config.internal.LegacyBinder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A configuration file of the Python access-log generator loggen replaces, mapped onto loggen's
 * model with the same meaning, so its users can bring their files along. The mapping of every
 * key is in {@code docs/config-reference.md}; in short:
 *
 * <ul>
 *   <li>{@code output.rate} is new sessions per second of people (the old tool had no bots):
 *       hour {@code h} gets {@code rate * 3600 * multiplier[h]} human sessions, as in the old
 *       tool, with the multipliers of {@code traffic_patterns}; the crawlers and scanners of
 *       {@link dev.loggen.core.Visitors#DEFAULT} come on top, so sessions per hour are
 *       {@code rate * 3600 * mean(hourly multipliers) / (1 - crawlerShare - scannerShare)};
 *   <li>{@code traffic_patterns} ranges {@code "S-E"} cover hours {@code S <= h < E}, wrapping
 *       past midnight when {@code S > E}; uncovered hours get 0.2; overlapping or malformed
 *       ranges are errors;
 *   <li>{@code state_transitions} rows replace the default rows of their states, must sum to 1
 *       (within 0.01) and name only the tool's states: a typo is an error with its position,
 *       not a hang;
 *   <li>{@code error_rates} (both spellings of each key), {@code navigation.home} and
 *       {@code session} change the built-in {@code shop} site and the session settings;
 *   <li>{@code output} (directory, rotation, pre-warm, health check, debug) is returned as a
 *       validated {@link Output} for the command-line generator to map onto sinks.
 * </ul>
 *
 * <p>Keys loggen cannot honour exactly (an unknown key, a status-code rename, an error-rate
 * path that matches a page only approximately) produce warnings with their position, never
 * silence; see {@link #warnings()}. Reading is pure: {@code output.directory} is not created
 * or checked.
 *
 * @param core the core settings: the shop site with the file's error rates and landing pages,
 *     the transition matrix, traffic and session settings (no seed and no window: the
 *     command-line generator sets them, from {@link Output#backfill()} when pre-warming)
 * @param output the output and runtime settings
 * @param warnings what the file asks for that loggen does not do exactly
 */
public record LegacyConfig(CoreSettings core, Output output, List<ConfigError> warnings) {

  /** Environment variable with the configuration as base64 YAML (highest precedence). */
  public static final String ENV_YAML_B64 = "LOG_GENERATOR_CONFIG_YAML_B64";
  /** Environment variable with the configuration as YAML text. */
  public static final String ENV_YAML = "LOG_GENERATOR_CONFIG_YAML";
  /** Environment variable with the path of the configuration file. */
  public static final String ENV_PATH = "LOG_GENERATOR_CONFIG_PATH";
  /** Environment variable that replaces {@code output.directory}. */
  public static final String ENV_DIR_OVERRIDE = "LOG_DIR_OVERRIDE";

  /** The top-level keys of the old tool's schema. */
  public static final Set<String> KEYS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
      "output", "state_transitions", "navigation", "error_rates", "session",
      "traffic_patterns", "status_codes")));

  /** Top-level keys only the old tool's schema has. */
  private static final List<String> OLD_TOP = List.of("state_transitions", "navigation",
      "error_rates", "traffic_patterns", "status_codes");
  /** {@code output} keys only the old tool's schema has ({@code directory} is both schemas'). */
  private static final List<String> OLD_OUTPUT = List.of("rate", "debug", "pre_warm",
      "health_check", "log_rotation");
  /** The old tool's {@code session} keys (loggen's are camelCase: {@code minBrowsing}). */
  private static final List<String> OLD_SESSION = List.of("min_browsing_duration",
      "max_browsing_duration", "page_view_interval", "min_page_view_interval",
      "max_page_view_interval");
  /**
   * Top-level keys only loggen's schema has: loggen-core's ({@link CoreConfig#KEYS} but those
   * both schemas have, {@code session}), loggen-formats' and the command line's (modules core
   * cannot see, so named here).
   */
  private static final List<String> LOGGEN_TOP = Stream.concat(
      CoreConfig.KEYS.stream().filter(k -> !KEYS.contains(k)),
      Stream.of("format", "errorFormat", "live", "health")).toList();
  /** {@code output} keys only loggen's schema has. */
  private static final List<String> LOGGEN_OUTPUT = List.of("rotation", "onExisting");
  /** {@code session} keys only loggen's schema has. */
  private static final List<String> LOGGEN_SESSION = List.of("minBrowsing", "maxBrowsing",
      "thinkTime", "maxDuration", "maxRequests");

  /**
   * Copies the list.
   *
   * @param core the core settings
   * @param output the output and runtime settings
   * @param warnings the warnings
   */
  public LegacyConfig {
    Objects.requireNonNull(core, "core");
    Objects.requireNonNull(output, "output");
    warnings = List.copyOf(warnings);
  }

  /**
   * Whether {@code root} is in the old tool's schema: it has a key only that schema has
   * ({@code state_transitions}, {@code error_rates}, {@code traffic_patterns},
   * {@code navigation}, {@code status_codes}; in {@code output}: {@code rate}, {@code debug},
   * {@code pre_warm}, {@code health_check}, {@code log_rotation}; in {@code session}:
   * {@code min_browsing_duration}, {@code max_browsing_duration}, {@code page_view_interval},
   * {@code min_page_view_interval}, {@code max_page_view_interval}). Other snake_case keys
   * ({@code min_browsing}) are loggen's keys misspelt, and reported so. A file that also has keys
   * only loggen's schema has is refused (see {@link #requireOneSchema}).
   *
   * @param root the root of a configuration tree
   * @return whether it is the old tool's
   * @throws ConfigException when the file mixes keys of both schemas
   */
  public static boolean isLegacy(ConfigNode root) {
    requireOneSchema(root);
    return !oldKeys(root).isEmpty();
  }

  /**
   * Refuses a file that has keys only loggen's schema has (say {@code seed}, {@code window},
   * {@code output.rotation}, {@code session.thinkTime}) and keys only the old tool's schema has
   * (say {@code output.rate}, {@code navigation}, {@code session.page_view_interval}): read
   * either way, half of it would be ignored. Keys both schemas have ({@code output.directory})
   * do not count. The error is at the old tool's first key and names both sets.
   *
   * @param root the root of a configuration tree
   * @throws ConfigException when the file mixes keys of both schemas
   */
  public static void requireOneSchema(ConfigNode root) {
    List<ConfigNode> old = oldKeys(root);
    List<ConfigNode> loggen = keys(root, LOGGEN_TOP, LOGGEN_OUTPUT, LOGGEN_SESSION);
    if (old.isEmpty() || loggen.isEmpty()) {
      return;
    }
    old.get(0).error("this file mixes loggen keys ("
        + loggen.stream().map(ConfigNode::path).collect(Collectors.joining(", "))
        + ") with the old tool's ("
        + old.stream().map(k -> k.path() + " at " + k.line() + ":" + k.column())
            .collect(Collectors.joining(", "))
        + "): write it in one schema (docs/config-reference.md describes both)");
    root.diagnostics().throwIfErrors();
  }

  /**
   * The keys that make {@code root} look like the old tool's, for messages.
   *
   * @param root the root of a configuration tree
   * @return the keys, quoted and separated by commas ({@code 'error_rates', 'output.rate'});
   *     empty when it is not the old tool's
   */
  public static String markers(ConfigNode root) {
    return oldKeys(root).stream().map(k -> "'" + k.path() + "'")
        .collect(Collectors.joining(", "));
  }

  /** The key nodes of the keys only the old tool's schema has: top level, output, session. */
  private static List<ConfigNode> oldKeys(ConfigNode root) {
    return keys(root, OLD_TOP, OLD_OUTPUT, OLD_SESSION);
  }

  /** The key nodes of {@code root}'s keys in {@code top}, then output's, then session's. */
  private static List<ConfigNode> keys(ConfigNode root, List<String> top, List<String> output,
      List<String> session) {
    List<ConfigNode> found = new ArrayList<>();
    for (String k : root.keys()) {
      if (top.contains(k)) {
        found.add(Objects.requireNonNull(root.peek(k)).keyNode());
      }
    }
    for (String section : List.of("output", "session")) {
      ConfigNode n = root.peek(section);
      if (n == null) {
        continue;
      }
      List<String> own = section.equals("output") ? output : session;
      for (String k : n.keys()) {
        if (own.contains(k)) {
          found.add(Objects.requireNonNull(n.peek(k)).keyNode());
        }
      }
    }
    return found;
  }

  /**
   * Binds a tree in the old tool's schema; {@code env} supplies {@link #ENV_DIR_OVERRIDE}.
   * Unknown keys are warnings (the old tool ignored them), everything else that is wrong is an
   * error.
   *
   * @param root the root of the tree
   * @param env the environment, for {@link #ENV_DIR_OVERRIDE}
   * @return the mapped configuration
   * @throws ConfigException listing every error
   */
  public static LegacyConfig read(ConfigNode root, Map<String, String> env) {
    return read(root, env, null);
  }

  /**
   * Like {@link #read(ConfigNode, Map)}, with the log directory given by the caller (a command
   * line's output option, which wins over the file): it replaces {@code output.directory} and
   * {@link #ENV_DIR_OVERRIDE}, and the file need not give {@code output.directory}.
   *
   * @param root the root of the tree
   * @param env the environment, for {@link #ENV_DIR_OVERRIDE}
   * @param directory the log directory, or null to take it from the file or the environment
   * @return the mapped configuration
   * @throws ConfigException listing every error
   */
  public static LegacyConfig read(ConfigNode root, Map<String, String> env,
      @Nullable Path directory) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(env, "env");
    return LegacyBinder.read(root, env, directory);
  }

  /**
   * Reads a file in the old tool's schema, ignoring the environment.
   *
   * @param file the file
   * @return the mapped configuration
   * @throws ConfigException listing every error
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static LegacyConfig load(Path file) {
    return read(tree(ConfigSource.file(file)), Map.of());
  }

  /** The old tool's key an empty file is told to give: loggen's example would mislead. */
  static final String EMPTY_FILE = "the file is empty: expected a mapping of the old tool's"
      + " settings such as 'output: {directory: ./logs, rate: 2}'";

  /** Reads {@code source}; an empty one is told of an old tool's key, not of loggen's. */
  private static ConfigNode tree(ConfigSource source) {
    try {
      return source.load();
    } catch (ConfigException e) {
      List<ConfigError> errors = e.errors();
      if (errors.size() == 1 && errors.get(0).message().equals(YamlConfig.EMPTY_FILE)) {
        ConfigError x = errors.get(0);
        throw new ConfigException(new ConfigError(x.source(), x.line(), x.column(), x.path(),
            EMPTY_FILE));
      }
      throw e;
    }
  }

  /**
   * Reads the configuration the old tool would: from the environment variables
   * {@link #ENV_YAML_B64}, {@link #ENV_YAML} or {@link #ENV_PATH}, else from {@code positional}
   * (see {@link ConfigSource#fromEnvironment}); {@link #ENV_DIR_OVERRIDE} replaces
   * {@code output.directory}. Pass {@code System.getenv()} in a program and a plain map in tests.
   *
   * @param env the environment
   * @param positional the file named on the command line, or null
   * @return the mapped configuration
   * @throws IllegalArgumentException when neither the environment nor {@code positional} gives
   *     a configuration
   * @throws ConfigException listing every error
   */
  public static LegacyConfig load(Map<String, String> env, @Nullable Path positional) {
    ConfigSource source = ConfigSource.fromEnvironment(env, positional).orElseThrow(() ->
        new IllegalArgumentException("no configuration: give a file, or set " + ENV_YAML_B64
            + ", " + ENV_YAML + " or " + ENV_PATH));
    return read(tree(source), env);
  }

  /** {@return a new {@link LogGenerator.Builder} with {@link #core()}} */
  public LogGenerator.Builder toBuilder() {
    return core.toBuilder();
  }

  /**
   * The old tool's {@code output} section: where and how it wrote, for the command-line
   * generator to map onto loggen's sinks and live mode.
   *
   * @param directory {@code output.directory} (or {@link #ENV_DIR_OVERRIDE}), as written:
   *     relative paths are relative to the working directory; not created or checked here
   * @param sessionsPerSecond {@code output.rate}: new sessions per second at multiplier 1
   * @param debug {@code output.debug}: the old tool's verbose logging
   * @param preWarm {@code output.pre_warm}: backfill {@link #BACKFILL} before going live
   * @param healthCheck {@code output.health_check}
   * @param rotation {@code output.log_rotation}
   */
  public record Output(Path directory, double sessionsPerSecond, boolean debug, boolean preWarm,
      HealthCheck healthCheck, Rotation rotation) {
    /** How far back pre-warming starts: 24 hours. */
    public static final Duration BACKFILL = Duration.ofHours(24);

    /**
     * Checks the fields.
     *
     * @param directory the log directory
     * @param sessionsPerSecond new sessions per second, positive
     * @param debug verbose logging
     * @param preWarm backfill before going live
     * @param healthCheck the health check
     * @param rotation the rotation
     */
    public Output {
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(healthCheck, "healthCheck");
      Objects.requireNonNull(rotation, "rotation");
      if (!(sessionsPerSecond > 0) || Double.isInfinite(sessionsPerSecond)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "output.rate must be a positive number (got %s)", sessionsPerSecond));
      }
    }

    /** {@return how much history to generate before going live: {@link #BACKFILL}, or zero} */
    public Duration backfill() {
      return preWarm ? BACKFILL : Duration.ZERO;
    }

    /**
     * Where a live run that starts at {@code now} begins generating.
     *
     * @param now the wall-clock start of the run
     * @return {@code now - backfill()}
     */
    public Instant liveStart(Instant now) {
      return now.minus(backfill());
    }
  }

  /**
   * The old tool's {@code output.health_check}.
   *
   * @param enabled whether to serve a health endpoint
   * @param port its port, 1 to 65535
   */
  public record HealthCheck(boolean enabled, int port) {
    /**
     * Checks the port.
     *
     * @param enabled whether to serve a health endpoint
     * @param port its port
     */
    public HealthCheck {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("health_check.port must be between 1 and 65535 (got "
            + port + ")");
      }
    }
  }

  /**
   * The old tool's {@code output.log_rotation} (Python's rotating file handlers).
   *
   * @param enabled whether to rotate
   * @param maxSize {@code max_size_mb}: rotate when a file reaches this size; null for
   *     {@code max_size_mb: 0}, which is no rotation by size (Python's {@code maxBytes=0})
   * @param when {@code when}: the unit of time-based rotation
   * @param interval {@code interval}: rotate every this many units
   * @param backupCount {@code backup_count}: rotated files to keep
   * @param compress {@code compress}: gzip rotated files
   */
  public record Rotation(boolean enabled, @Nullable DataSize maxSize, When when, int interval,
      int backupCount, boolean compress) {
    /** The old tool's defaults: 1000 MB, hourly, 5 backups, compressed. */
    public static final Rotation DEFAULT =
        new Rotation(true, DataSize.ofMegabytes(1000), When.H, 1, 5, true);

    /**
     * Checks the fields.
     *
     * @param enabled whether to rotate
     * @param maxSize the size that triggers a rotation, or null for none
     * @param when the unit of time-based rotation
     * @param interval rotate every this many units, positive
     * @param backupCount rotated files to keep, at least 0
     * @param compress whether to gzip rotated files
     */
    public Rotation {
      Objects.requireNonNull(when, "when");
      if (interval < 1) {
        throw new IllegalArgumentException("log_rotation.interval must be positive (got "
            + interval + ")");
      }
      if (backupCount < 0) {
        throw new IllegalArgumentException("log_rotation.backup_count must be >= 0 (got "
            + backupCount + ")");
      }
    }

    /**
     * {@return the time between two time-based rotations: {@code interval} units of
     * {@code when}}
     */
    public Duration period() {
      return when.unit().multipliedBy(interval);
    }

    /** Python's {@code TimedRotatingFileHandler} units, written as in the file. */
    public enum When {
      /** Seconds ({@code s}). */
      S(Duration.ofSeconds(1)),
      /** Minutes ({@code m}). */
      M(Duration.ofMinutes(1)),
      /** Hours ({@code h}). */
      H(Duration.ofHours(1)),
      /** Days ({@code d}). */
      D(Duration.ofDays(1)),
      /** Days, rolling at midnight ({@code midnight}). */
      MIDNIGHT(Duration.ofDays(1)),
      /** Weeks, rolling on Monday ({@code w0}). */
      W0(Duration.ofDays(7)),
      /** Weeks, rolling on Tuesday ({@code w1}). */
      W1(Duration.ofDays(7)),
      /** Weeks, rolling on Wednesday ({@code w2}). */
      W2(Duration.ofDays(7)),
      /** Weeks, rolling on Thursday ({@code w3}). */
      W3(Duration.ofDays(7)),
      /** Weeks, rolling on Friday ({@code w4}). */
      W4(Duration.ofDays(7)),
      /** Weeks, rolling on Saturday ({@code w5}). */
      W5(Duration.ofDays(7)),
      /** Weeks, rolling on Sunday ({@code w6}). */
      W6(Duration.ofDays(7));

      private final Duration unit;

      When(Duration unit) {
        this.unit = unit;
      }

      /** {@return the length of one unit} */
      public Duration unit() {
        return unit;
      }
    }
  }
}
