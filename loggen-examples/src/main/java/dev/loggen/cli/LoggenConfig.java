package dev.loggen.cli;

import dev.loggen.core.LogGenerator;
import dev.loggen.core.config.ConfigError;
import dev.loggen.core.config.ConfigNode;
import dev.loggen.core.config.ConfigSource;
import dev.loggen.core.config.CoreConfig;
import dev.loggen.core.config.CoreSettings;
import dev.loggen.core.config.LegacyConfig;
import dev.loggen.core.config.YamlConfig;
import dev.loggen.formats.FormatConfig;
import dev.loggen.formats.FormatSettings;
import dev.loggen.sinks.OutputConfig;
import dev.loggen.sinks.OutputSettings;
import dev.loggen.sinks.RotationSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A whole configuration of the command-line generator: the core sections (loggen-core), the
 * {@code format} and {@code errorFormat} keys (loggen-formats), the {@code output} section
 * (loggen-sinks), and the generator's own {@code live} and {@code health} sections; or a file of
 * the old Python generator, mapped onto the same settings.
 *
 * <pre>{@code
 * LoggenConfig c = LoggenConfig.load(Path.of("shop.yaml"));
 * LogGenerator gen = c.toBuilder().build();
 * }</pre>
 *
 * <p>Every binder reads the same tree and records its errors in the same diagnostics; then
 * unknown keys are reported and every error of every section is thrown at once, as a
 * {@link dev.loggen.core.config.ConfigException}. Loading is pure: nothing is created or opened
 * for writing, so a run that fails on its configuration leaves no trace.
 *
 * <p>The keys of this module:
 * <pre>{@code
 * live:                  # go live (when the command line gives no window)
 *   rate: 500            # access-log lines per second; absent: the traffic's own pace
 *   backfill: 24h        # history generated first, as fast as possible (default 0)
 * health:
 *   port: 8080           # serve /health (0: any free port)
 *   bind: 127.0.0.1      # the default; 0.0.0.0 for every interface (containers)
 * }</pre>
 * {@code live: true} is short for {@code live: {}}. {@code live} and {@code window} exclude each
 * other: a live run starts now.
 *
 * @param source what messages call the configuration (the file as given, or a variable's name)
 * @param core the core settings
 * @param format the format settings
 * @param output the output settings
 * @param live the live settings, or null when the file does not ask for a live run
 * @param health the health endpoint, or null for none
 * @param legacy whether the file is the old Python generator's
 * @param warnings what the file asks for that loggen does not do exactly
 */
public record LoggenConfig(String source, CoreSettings core, FormatSettings format,
    OutputSettings output, @Nullable LiveSettings live, @Nullable HealthSettings health,
    boolean legacy, List<ConfigError> warnings) {

  /** The top-level keys this module binds. */
  public static final Set<String> KEYS =
      Collections.unmodifiableSet(new LinkedHashSet<>(List.of("live", "health")));

  /**
   * Copies the list.
   *
   * @param source the source name
   * @param core the core settings
   * @param format the format settings
   * @param output the output settings
   * @param live the live settings, or null
   * @param health the health endpoint, or null
   * @param legacy whether the file is the old tool's
   * @param warnings the warnings
   */
  public LoggenConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(core, "core");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(output, "output");
    warnings = List.copyOf(warnings);
  }

  /**
   * Reads a file, loggen's or the old tool's, ignoring the environment.
   *
   * @param file the YAML file
   * @return the configuration
   * @throws dev.loggen.core.config.ConfigException listing every error of the file
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static LoggenConfig load(Path file) {
    return read(YamlConfig.load(file), Map.of());
  }

  /**
   * Reads a source; {@code env} supplies {@link LegacyConfig#ENV_DIR_OVERRIDE}, which replaces
   * the output directory of loggen's files and the old tool's.
   *
   * @param source the source
   * @param env the environment
   * @return the configuration
   * @throws dev.loggen.core.config.ConfigException listing every error
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static LoggenConfig load(ConfigSource source, Map<String, String> env) {
    return read(source.load(), env);
  }

  /**
   * Binds a tree: the old tool's schema when {@link LegacyConfig#isLegacy} says so, else every
   * module's sections. A file with keys only loggen's schema has and keys only the old tool's
   * has is refused ({@link LegacyConfig#requireOneSchema}).
   *
   * @param root the root of the tree
   * @param env the environment, for {@code LOG_DIR_OVERRIDE}
   * @return the configuration
   * @throws dev.loggen.core.config.ConfigException listing every error
   */
  public static LoggenConfig read(ConfigNode root, Map<String, String> env) {
    return read(root, env, null);
  }

  /**
   * Like {@link #read(ConfigNode, Map)}, with the output directory a command line gives: it wins
   * over the file and {@code LOG_DIR_OVERRIDE}, so an old tool's file need not give {@code
   * output.directory} then (nor with {@code LOG_DIR_OVERRIDE}). A loggen file's {@code
   * output.directory} is read as usual, replaced by {@code LOG_DIR_OVERRIDE} when that is set and
   * no directory is given here; the command line applies its own on top.
   *
   * @param root the root of the tree
   * @param env the environment, for {@code LOG_DIR_OVERRIDE} (the old tool's variable; it
   *     replaces {@code output.directory} in loggen's files too)
   * @param outputDirectory the command line's output directory ({@code -} for stdout), or null
   * @return the configuration
   * @throws dev.loggen.core.config.ConfigException listing every error
   */
  public static LoggenConfig read(ConfigNode root, Map<String, String> env,
      @Nullable String outputDirectory) {
    return read(root, env, outputDirectory, CoreConfig.Instead.NOTHING);
  }

  /**
   * Like {@link #read(ConfigNode, Map, String)}, for a run that takes some settings from the
   * command line ({@code instead}): the file's are checked against them.
   */
  static LoggenConfig read(ConfigNode root, Map<String, String> env,
      @Nullable String outputDirectory, CoreConfig.Instead instead) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(env, "env");
    if (LegacyConfig.isLegacy(root)) {
      return legacy(root, env, outputDirectory);
    }
    CoreSettings core = CoreConfig.read(root, instead);
    FormatSettings format = FormatConfig.read(root);
    OutputSettings output = withDirOverride(OutputConfig.read(root), env, outputDirectory);
    root.claim(KEYS);
    LiveSettings live = live(root.get("live"));
    HealthSettings health = health(root.get("health"));
    if (root.has("window") && (live != null || root.get("live").isMapping())) {
      root.get("live").keyNode().error("'live' and 'window' exclude each other: a live run"
          + " starts now (use live.backfill for history before it)");
    }
    root.reportUnknownKeys();
    root.diagnostics().throwIfErrors();
    return new LoggenConfig(root.source(), core, format, output, live, health, false,
        root.diagnostics().warnings());
  }

  /**
   * The output settings with the directory {@link LegacyConfig#ENV_DIR_OVERRIDE} gives, when it
   * is set and not blank and the command line gives none: the same order for loggen's files and
   * the old tool's (the command line, then the variable, then the file).
   *
   * @param output the output settings of the file (or {@link OutputSettings#EMPTY})
   * @param env the environment
   * @param outputDirectory the command line's output directory, or null
   * @return the settings to use
   */
  static OutputSettings withDirOverride(OutputSettings output, Map<String, String> env,
      @Nullable String outputDirectory) {
    String override = env.get(LegacyConfig.ENV_DIR_OVERRIDE);
    return outputDirectory != null || override == null || override.isBlank() ? output
        : output.withDirectory(override.trim());
  }

  private static @Nullable LiveSettings live(ConfigNode n) {
    if (n.isMissing()) {
      return null;
    }
    if (n.isScalar()) {
      return n.bool().map(on -> on ? LiveSettings.NOW : null).orElse(null);
    }
    if (!n.isMapping()) {
      n.error("expected true, false, or a mapping with rate and backfill (got " + n.describe()
          + ")");
      return null;
    }
    int before = n.diagnostics().errorCount();
    ConfigNode r = n.get("rate");
    OptionalDouble rate = r.positiveNumber();
    if (rate.isPresent() && rate.getAsDouble() > LiveSettings.MAX_RATE) {
      r.error(String.format(Locale.ROOT, "expected at most %.0f lines per second"
          + " (got %s)", LiveSettings.MAX_RATE, r.describe()));
    }
    Duration backfill = n.get("backfill").duration(LogGenerator.MAX_DURATION)
        .orElse(Duration.ZERO);
    if (n.diagnostics().errorCount() != before) {
      return null;
    }
    return new LiveSettings(rate.isPresent() ? rate.getAsDouble() : null, backfill);
  }

  private static @Nullable HealthSettings health(ConfigNode n) {
    if (n.isMissing()) {
      return null;
    }
    int before = n.diagnostics().errorCount();
    OptionalLong port = n.require("port").integer(0, 65_535);
    ConfigNode bindNode = n.get("bind");
    String bind = bindNode.nonBlankString().map(String::trim).orElse(HealthSettings.LOOPBACK);
    String problem = bindNode.isMissing() ? null : HealthSettings.problem(bind);
    if (problem != null) {
      bindNode.error(problem);
    }
    if (n.diagnostics().errorCount() != before || port.isEmpty()) {
      return null;
    }
    return new HealthSettings((int) port.getAsLong(), bind);
  }

  private static LoggenConfig legacy(ConfigNode root, Map<String, String> env,
      @Nullable String outputDirectory) {
    LegacyConfig old = LegacyConfig.read(root, env,
        outputDirectory == null ? null : Path.of(outputDirectory));
    LegacyConfig.Output out = old.output();
    LegacyConfig.Rotation r = out.rotation();
    RotationSettings rotation = RotationSettings.NONE;
    ConfigNode rotationNode = root.get("output").get("log_rotation");
    ConfigNode at = rotationNode.isPresent() ? rotationNode : root.get("output");
    if (r.enabled()) {
      String when = r.when().name().toLowerCase(Locale.ROOT);
      if (r.when().ordinal() > LegacyConfig.Rotation.When.W0.ordinal()) {
        at.warning("when '" + when + "': loggen's weekly files start on Monday (as w0)");
      }
      if (r.backupCount() == 0) {
        at.warning("backup_count 0: every rotated file is kept");
      }
      Duration period = supportedPeriod(r, rotationNode.get("interval").isPresent()
          ? rotationNode.get("interval") : at);
      rotation = new RotationSettings(r.maxSize(), period, null, r.compress(),
          r.backupCount() > 0 ? r.backupCount() : null, null, null, null, null);
      try {
        rotation.check();
      } catch (IllegalArgumentException e) {
        at.error("when '" + when + "' with interval " + r.interval() + " cannot be honoured: "
            + String.valueOf(e.getMessage()).replace("(got " + r.period() + ")", "(got "
                + r.period().toString().substring(2).toLowerCase(Locale.ROOT) + ")"));
      }
    }
    if (out.debug()) {
      root.get("output").get("debug").warning("loggen has no debug logging: the notices on"
          + " stderr and the report say what a run does (ignored)");
    }
    root.diagnostics().throwIfErrors();
    OutputSettings output = new OutputSettings(out.directory().toString(), rotation, null);
    LiveSettings live = new LiveSettings(null, out.backfill());
    HealthSettings health = out.healthCheck().enabled()
        ? new HealthSettings(out.healthCheck().port(), HealthSettings.LOOPBACK) : null;
    Set<ConfigError> warnings = new LinkedHashSet<>(old.warnings());
    warnings.addAll(root.diagnostics().warnings());
    return new LoggenConfig(root.source(), old.core(), FormatSettings.EMPTY, output, live,
        health, true, new ArrayList<>(warnings));
  }

  /**
   * The rotation period loggen can honour for the old tool's {@code when} and {@code interval}:
   * Python's rotating handler takes any positive interval, loggen's periods divide a day evenly
   * or are whole days. Another period is replaced by the nearest one loggen has, in the same
   * unit (whole days past a day; of two as near, the shorter), with a warning at {@code at}; a
   * period of several days (but one week of {@code w0} to {@code w6}) gets a warning that it is
   * counted from 1970-01-01 (whole weeks: from Monday 1970-01-05), not from the start of the run
   * as the old tool counted it.
   */
  private static Duration supportedPeriod(LegacyConfig.Rotation r, ConfigNode at) {
    long day = Duration.ofDays(1).toMillis();
    long unit = r.when().unit().toMillis();
    long want = unit * r.interval();
    long got = want;
    String tie = "";
    if (want > day && want % day != 0) {
      long below = want / day * day;
      got = want - below <= below + day - want ? below : below + day;
      if (want - below == below + day - want) {
        tie = " (of " + period(below) + " and " + period(below + day) + ", the shorter)";
      }
    } else if (want < day && day % want != 0) {
      long perDay = day / unit;
      long best = 1;
      for (long k = 1; k <= perDay; k++) {
        if (perDay % k == 0 && Math.abs(k - r.interval()) < Math.abs(best - r.interval())) {
          best = k;
        }
      }
      got = best * unit;
      long other = 2 * r.interval() - best;
      if (other > best && other <= perDay && perDay % other == 0) {
        tie = " (of " + period(got) + " and " + period(other * unit) + ", the shorter)";
      }
    }
    String when = "when '" + r.when().name().toLowerCase(Locale.ROOT) + "' with interval "
        + r.interval();
    if (got != want) {
      at.warning(when + " (every " + period(want) + ") cannot be honoured: loggen's rotation"
          + " periods divide a day evenly or are whole days; it rotates every " + period(got)
          + " instead, the nearest such period" + tie);
    }
    boolean weekly = r.when().ordinal() >= LegacyConfig.Rotation.When.W0.ordinal();
    if (got > day && !(weekly && r.interval() == 1)) {
      at.warning(when + ": loggen's periods of " + period(got) + " start at midnight UTC and are"
          + " counted from " + (got % (7 * day) == 0 ? "Monday 1970-01-05" : "1970-01-01")
          + ", not from the start of the run as the old tool's were");
    }
    return Duration.ofMillis(got);
  }

  /** A period for messages: {@code 4h}, {@code 30m}, {@code 2d}, {@code 45s}. */
  private static String period(long millis) {
    long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (millis % units[i] == 0) {
        return millis / units[i] + names[i];
      }
    }
    return millis + "ms";
  }

  /**
   * A generator builder with the core settings.
   *
   * @return a new builder
   */
  public LogGenerator.Builder toBuilder() {
    return core.toBuilder();
  }

  /**
   * The seed the file gives, if any.
   *
   * @return the seed
   */
  public Optional<Long> seed() {
    return Optional.ofNullable(core.seed());
  }
}
