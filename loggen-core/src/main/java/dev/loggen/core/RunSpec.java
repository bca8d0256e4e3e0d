package dev.loggen.core;

import dev.loggen.core.config.ConfigError;
import dev.loggen.core.config.ConfigNode;
import dev.loggen.core.config.CoreConfig;
import dev.loggen.core.config.CoreSettings;
import dev.loggen.core.config.LegacyConfig;
import dev.loggen.core.config.YamlConfig;
import dev.loggen.core.internal.Notices;
import dev.loggen.core.internal.Printable;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a run is, as a small serialisable value with a stable text form, so that a driver can
 * ship it to workers and each worker rebuilds exactly the same {@link LogGenerator}: the seed,
 * the site (a built-in profile, or a configuration given as YAML text), traffic overrides, the
 * window and the access-log format.
 *
 * <p>A field left {@code null} means "what the configuration says, else the builder's default",
 * the way a command-line option that is not given leaves the configuration file alone. Options
 * win over the configuration: {@link #seed}, {@link #profile}, {@link #sessionsPerHour},
 * {@link #zone}, {@link #start} and {@link #duration} replace what {@link #config} sets.
 *
 * <pre>{@code
 * RunSpec spec = RunSpec.defaults().withSeed(42).withProfile("shop")
 *     .withWindow(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(365));
 * String text = spec.toText();                 // ship it anywhere
 * LogGenerator gen = RunSpec.parse(text).toGenerator().slice(k, n);
 * }</pre>
 *
 * <h2>Text form</h2>
 *
 * {@link #toText()} writes one {@code key=value} line per field that is set, in this fixed
 * order, each line ended by {@code '\n'}:
 *
 * <pre>
 * loggen-run-spec=1
 * seed=42
 * profile=shop
 * sessions-per-hour=2000
 * zone=Europe/Berlin
 * start=2026-01-01T00:00:00Z
 * duration=PT8760H
 * format=combined
 * config-source=shop.yaml
 * config=traffic:\n  sessionsPerHour: 500\n
 * </pre>
 *
 * <p>The first line names the form and its version and is always there; {@code format} is always
 * there; the other keys appear only when set. The key ends at the first {@code =}; the value is
 * everything after it, not trimmed, with {@code \\}, {@code \n}, {@code \r}, {@code \t} and
 * {@code \}{@code uXXXX} (other control characters) as escapes, so every value stays on its line.
 * Numbers are decimal (a whole {@code sessions-per-hour} without {@code .0}), instants and
 * durations ISO-8601 ({@link Instant#toString()}, {@link Duration#toString()}). {@link #parse}
 * also accepts blank lines, {@code #} comments and {@code \r\n} line ends, and rejects unknown
 * or repeated keys, naming the line. The same value always gives the same text, and
 * {@code parse(spec.toText()).equals(spec)}.
 *
 * @param seed the seed, or {@code null} for the configuration's (else 0)
 * @param profile a built-in site ({@link Sites#names()}, in any case; kept in lower case), or
 *     {@code null} for the configuration's (else {@code shop})
 * @param config the text of a loggen YAML configuration (or of the old tool's
 *     {@code config.yaml}), or {@code null}; its {@code format} and {@code output} sections are
 *     left to other modules and ignored here; {@code errorFormat}, {@code live} and
 *     {@code health}, which only the command line has a use for (a second log, real time, a
 *     {@code /health} endpoint), are ignored with a warning ({@link #warnings()}); so are the old
 *     tool's {@code output.pre_warm}, {@code output.health_check} (enabled),
 *     {@code output.log_rotation} and {@code output.debug} (true), and its
 *     {@code output.directory} may be left out
 * @param sessionsPerHour the average number of new sessions per hour, or {@code null}
 * @param zone the site's time zone id, or {@code null}
 * @param start the start of the window, or {@code null}
 * @param duration the length of the window, or {@code null}; a run that is sliced needs a window
 *     with an end
 * @param format the access-log format as the command line's {@code --format} takes it: a name
 *     ({@code combined}), an Apache {@code LogFormat} or an nginx {@code log_format} string;
 *     resolved by the module that renders (loggen-formats is not visible from core)
 * @param configSource what messages about {@link #config} call it (the file it was read from,
 *     as given: {@code shop.yaml:2:17: traffic.zone: ...}), or {@code null} for {@code config};
 *     set only with a configuration
 * @serial exclude (serialisable so that Spark can ship it; {@link #toText()} is the stable form)
 */
public record RunSpec(@Nullable Long seed, @Nullable String profile, @Nullable String config,
    @Nullable Double sessionsPerHour, @Nullable String zone, @Nullable Instant start,
    @Nullable Duration duration, String format, @Nullable String configSource)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The version of the text form this class writes (the value of the first line). */
  public static final int TEXT_VERSION = 1;

  /** The format used when none is given: {@code combined}. */
  public static final String DEFAULT_FORMAT = "combined";

  /**
   * The top-level configuration keys that other modules bind and that a spec ignores, in the
   * order the command line claims them (a list: messages list the known keys in claim order).
   */
  private static final List<String> OTHER_MODULES_KEYS =
      List.of("format", "errorFormat", "output", "live", "health");

  /**
   * The keys of {@link #OTHER_MODULES_KEYS} that mean nothing for a run of a spec, with why:
   * each one a configuration has is a warning (in file order).
   */
  private static final Map<String, String> IGNORED_KEYS = Map.of(
      "errorFormat", "a run of a RunSpec writes one log, in the spec's format (on Spark, the"
          + " format apache-error or nginx-error writes the error log alone), so errorFormat is"
          + " ignored",
      "live", "a run of a RunSpec covers its window and ends, it does not go on in real time,"
          + " so live is ignored",
      "health", "a run of a RunSpec serves no /health endpoint, so health is ignored");

  /** What messages call a configuration given without a name. */
  private static final String UNNAMED_CONFIG = "config";
  private static final String HEADER = "loggen-run-spec";
  /** A number as {@link #toText()} writes one: decimal, with an optional exponent. */
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?");
  private static final List<String> KEYS = List.of("seed", "profile", "sessions-per-hour",
      "zone", "start", "duration", "format", "config-source", "config");

  /**
   * Checks the fields.
   *
   * @param seed the seed, or null
   * @param profile a built-in profile name, or null
   * @param config YAML text, or null
   * @param sessionsPerHour a positive rate, or null
   * @param zone a time zone id, or null
   * @param start the window start, or null
   * @param duration a positive window length, or null
   * @param format the format, not blank
   * @param configSource the configuration's name, not blank, or null; only with a config
   * @throws IllegalArgumentException naming the field and the value
   */
  public RunSpec {
    if (profile != null) {
      // Any case, as Sites.named takes it; kept in lower case so that equal specs are equal.
      profile = profile.toLowerCase(Locale.ROOT);
    }
    if (profile != null && !Sites.names().contains(profile)) {
      throw new IllegalArgumentException(
          "profile '" + profile + "' is unknown: expected one of " + Sites.names());
    }
    if (sessionsPerHour != null
        && (!(sessionsPerHour > 0) || Double.isInfinite(sessionsPerHour))) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "sessionsPerHour must be a positive finite number (got %s)", sessionsPerHour));
    }
    if (zone != null) {
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("zone '" + zone
            + "' is not a time zone: expected a region such as Europe/Berlin or an offset such"
            + " as +02:00", e);
      }
    }
    if (duration != null && (duration.isZero() || duration.isNegative())) {
      throw new IllegalArgumentException("duration must be positive (got " + duration + ")");
    }
    Objects.requireNonNull(format, "format");
    if (format.isBlank()) {
      throw new IllegalArgumentException("format must not be blank (got \"" + format + "\")");
    }
    if (configSource != null && configSource.isBlank()) {
      throw new IllegalArgumentException("configSource must not be blank (got \"" + configSource
          + "\")");
    }
    if (configSource != null && config == null) {
      throw new IllegalArgumentException("configSource \"" + configSource + "\" names no"
          + " configuration: config is null");
    }
  }

  /**
   * A spec whose configuration, if any, is called {@code config} in messages: the form of
   * versions without {@link #configSource}.
   *
   * @param seed the seed, or null
   * @param profile a built-in profile name, or null
   * @param config YAML text, or null
   * @param sessionsPerHour a positive rate, or null
   * @param zone a time zone id, or null
   * @param start the window start, or null
   * @param duration a positive window length, or null
   * @param format the format, not blank
   * @throws IllegalArgumentException naming the field and the value
   */
  public RunSpec(@Nullable Long seed, @Nullable String profile, @Nullable String config,
      @Nullable Double sessionsPerHour, @Nullable String zone, @Nullable Instant start,
      @Nullable Duration duration, String format) {
    this(seed, profile, config, sessionsPerHour, zone, start, duration, format, null);
  }

  /** {@return a spec that sets nothing: every default applies, format {@code combined}} */
  public static RunSpec defaults() {
    return new RunSpec(null, null, null, null, null, null, null, DEFAULT_FORMAT);
  }

  /**
   * {@return a copy with another seed}
   *
   * @param newSeed the seed
   */
  public RunSpec withSeed(long newSeed) {
    return new RunSpec(newSeed, profile, config, sessionsPerHour, zone, start, duration, format,
        configSource);
  }

  /**
   * {@return a copy with another built-in site}
   *
   * @param newProfile one of {@link Sites#names()}
   */
  public RunSpec withProfile(String newProfile) {
    return new RunSpec(seed, Objects.requireNonNull(newProfile, "profile"), config,
        sessionsPerHour, zone, start, duration, format, configSource);
  }

  /**
   * {@return a copy with a configuration, called {@code config} in messages}
   *
   * @param yamlText the text of a loggen YAML configuration or of the old tool's
   */
  public RunSpec withConfig(String yamlText) {
    return new RunSpec(seed, profile, Objects.requireNonNull(yamlText, "config"),
        sessionsPerHour, zone, start, duration, format, null);
  }

  /**
   * {@return a copy with a configuration read from {@code sourceName}} Its errors and warnings
   * name it, as the command line's do: {@code shop.yaml:2:17: traffic.zone: ...}.
   *
   * @param yamlText the text of a loggen YAML configuration or of the old tool's
   * @param sourceName what messages call it: the file as given, or another name
   */
  public RunSpec withConfig(String yamlText, String sourceName) {
    return new RunSpec(seed, profile, Objects.requireNonNull(yamlText, "config"),
        sessionsPerHour, zone, start, duration, format,
        Objects.requireNonNull(sourceName, "sourceName"));
  }

  /**
   * {@return a copy with another traffic level}
   *
   * @param newSessionsPerHour the average number of new sessions per hour
   */
  public RunSpec withSessionsPerHour(double newSessionsPerHour) {
    return new RunSpec(seed, profile, config, newSessionsPerHour, zone, start, duration,
        format, configSource);
  }

  /**
   * {@return a copy in another time zone}
   *
   * @param newZone a zone id such as {@code Europe/Berlin} or {@code +02:00}
   */
  public RunSpec withZone(String newZone) {
    return new RunSpec(seed, profile, config, sessionsPerHour,
        Objects.requireNonNull(newZone, "zone"), start, duration, format, configSource);
  }

  /**
   * {@return a copy with another window}
   *
   * @param newStart the start
   * @param newDuration the length, positive
   */
  public RunSpec withWindow(Instant newStart, Duration newDuration) {
    return new RunSpec(seed, profile, config, sessionsPerHour, zone,
        Objects.requireNonNull(newStart, "start"), Objects.requireNonNull(newDuration, "duration"),
        format, configSource);
  }

  /**
   * {@return a copy with another window start}
   *
   * @param newStart the start
   */
  public RunSpec withStart(Instant newStart) {
    return new RunSpec(seed, profile, config, sessionsPerHour, zone,
        Objects.requireNonNull(newStart, "start"), duration, format, configSource);
  }

  /**
   * {@return a copy with another window length}
   *
   * @param newDuration the length, positive
   */
  public RunSpec withDuration(Duration newDuration) {
    return new RunSpec(seed, profile, config, sessionsPerHour, zone, start,
        Objects.requireNonNull(newDuration, "duration"), format, configSource);
  }

  /**
   * {@return a copy with another access-log format}
   *
   * @param newFormat a format name or an Apache / nginx format string
   */
  public RunSpec withFormat(String newFormat) {
    return new RunSpec(seed, profile, config, sessionsPerHour, zone, start, duration,
        Objects.requireNonNull(newFormat, "format"), configSource);
  }

  /**
   * The core settings this spec gives: the configuration's, with the spec's options on top. A
   * start or duration moves the configuration's scenarios and bursts as the command line's
   * {@code --start} does ({@link CoreSettings#movedTo}), so that a spec writes what the command
   * line writes with the same options.
   *
   * @return the settings
   * @throws dev.loggen.core.config.ConfigException listing every error of the configuration
   * @throws IllegalArgumentException when a profile is given with an old tool's configuration
   *     (whose settings describe the shop)
   */
  public CoreSettings settings() {
    return bind().settings();
  }

  /**
   * What this spec's run does not do as asked, one message each, in the command line's words,
   * for the caller to show before it runs: first the configuration's warnings, located
   * ({@code shop.yaml:13:41: navigation.HOME["/blog"]: '/blog' is not a page of the shop site:
   * ...}), then every scenario and traffic burst that lies wholly outside the window
   * ({@code scenario db-outage (2026-01-01T10:00:00Z to 2026-01-01T10:15:00Z) lies wholly
   * outside the window 2026-03-01T00:00:00Z to 2026-03-01T01:00:00Z: no line shows it}).
   *
   * @return the warnings, each on one line with the characters a terminal would act on escaped;
   *     empty when the run does what it asks
   * @throws dev.loggen.core.config.ConfigException listing every error of the configuration
   * @throws IllegalArgumentException when the settings do not fit together
   */
  public List<String> warnings() {
    Bound b = bind();
    List<String> warnings = new ArrayList<>();
    b.warnings().forEach(w -> warnings.add(w.toString()));
    Notices.outsideTheWindow(b.settings().toBuilder().build())
        .forEach(w -> warnings.add(Printable.of(w)));
    return List.copyOf(warnings);
  }

  /** The settings and the configuration's warnings. */
  private record Bound(CoreSettings settings, List<ConfigError> warnings) {}

  private Bound bind() {
    CoreSettings s = CoreSettings.EMPTY;
    List<ConfigError> warnings = List.of();
    if (config != null) {
      ConfigNode root = YamlConfig.parse(config,
          configSource != null ? configSource : UNNAMED_CONFIG);
      if (LegacyConfig.isLegacy(root)) {
        if (profile != null) {
          throw new IllegalArgumentException("profile '" + profile + "' cannot replace the site"
              + " of an old tool's configuration: its error rates, pages and landing paths"
              + " describe the shop; leave the profile out, or give the settings in a loggen"
              + " configuration");
        }
        // The spec writes no files of its own: output.directory is not needed (a placeholder
        // stands for it), and the keys about running live and writing files are ignored.
        s = LegacyConfig.read(root, Map.of(), Path.of(".")).core();
        warnIgnoredLegacyKeys(root.get("output"));
      } else {
        s = CoreConfig.read(root, new CoreConfig.Instead(
            profile != null ? Sites.named(profile) : null, sessionsPerHour, start));
        root.claim(OTHER_MODULES_KEYS);
        for (String key : root.keys()) {
          String why = IGNORED_KEYS.get(key);
          if (why != null) {
            root.get(key).keyNode().warning(why);
          }
        }
        root.reportUnknownKeys();
        root.diagnostics().throwIfErrors();
      }
      warnings = root.diagnostics().warnings();
    }
    if (seed != null) {
      s = s.withSeed(seed);
    }
    if (profile != null) {
      s = s.withSite(Sites.named(profile));
    }
    if (sessionsPerHour != null || zone != null) {
      Traffic t = s.traffic() != null ? s.traffic() : LogGenerator.builder().build().traffic();
      if (sessionsPerHour != null) {
        t = t.withSessionsPerHour(sessionsPerHour);
      }
      if (zone != null) {
        t = t.withZone(zone);
      }
      s = s.withTraffic(t);
    }
    if (start != null || duration != null) {
      CoreSettings.Window w = s.window();
      Instant st = start != null ? start
          : w != null ? w.start() : LogGenerator.DEFAULT_START;
      Duration d = duration != null ? duration
          : w != null ? w.duration() : LogGenerator.DEFAULT_DURATION;
      // As the command line does: scenarios and bursts keep their place in the file's window,
      // or, without one, those given as a duration count from the start.
      s = s.movedTo(new CoreSettings.Window(st, d));
    }
    return new Bound(s, warnings);
  }

  /**
   * Warns at each key of the old tool's {@code output} section that means nothing for a run of a
   * spec, as {@link #IGNORED_KEYS} does for loggen's.
   */
  private static void warnIgnoredLegacyKeys(ConfigNode output) {
    ConfigNode preWarm = output.get("pre_warm");
    if (preWarm.isPresent()) {
      preWarm.keyNode().warning("a run of a RunSpec covers its window and ends, it neither"
          + " backfills 24 hours before now nor goes on in real time, so pre_warm is ignored");
    }
    ConfigNode health = output.get("health_check").get("enabled");
    if (health.isScalar() && health.bool().orElse(false)) {
      health.warning("a run of a RunSpec serves no health check, so health_check is ignored");
    }
    ConfigNode rotation = output.get("log_rotation");
    if (rotation.isPresent()) {
      rotation.keyNode().warning("a run of a RunSpec gives its lines to the caller and rotates"
          + " no files, so log_rotation is ignored");
    }
    ConfigNode debug = output.get("debug");
    if (debug.isScalar() && debug.bool().orElse(false)) {
      debug.warning("a run of a RunSpec has no debug logging, so debug is ignored");
    }
  }

  /**
   * Builds the generator this spec describes. Every call builds an equal generator: the same
   * spec gives the same output byte for byte on every machine.
   *
   * @return the generator of the whole run (slice it with {@link LogGenerator#slice})
   * @throws dev.loggen.core.config.ConfigException listing every error of the configuration
   * @throws IllegalArgumentException when the settings do not fit together
   */
  public LogGenerator toGenerator() {
    return settings().toBuilder().build();
  }

  /**
   * The stable text form described in the class comment.
   *
   * @return the text, one {@code key=value} line per field that is set
   */
  public String toText() {
    StringBuilder sb = new StringBuilder(128 + (config == null ? 0 : config.length()));
    sb.append(HEADER).append('=').append(TEXT_VERSION).append('\n');
    for (Map.Entry<String, String> e : values().entrySet()) {
      sb.append(e.getKey()).append('=');
      escape(e.getValue(), sb);
      sb.append('\n');
    }
    return sb.toString();
  }

  private Map<String, String> values() {
    Map<String, String> m = new LinkedHashMap<>();
    if (seed != null) {
      m.put("seed", Long.toString(seed));
    }
    if (profile != null) {
      m.put("profile", profile);
    }
    if (sessionsPerHour != null) {
      m.put("sessions-per-hour", number(sessionsPerHour));
    }
    if (zone != null) {
      m.put("zone", zone);
    }
    if (start != null) {
      m.put("start", start.toString());
    }
    if (duration != null) {
      m.put("duration", duration.toString());
    }
    m.put("format", format);
    if (configSource != null) {
      m.put("config-source", configSource);
    }
    if (config != null) {
      m.put("config", config);
    }
    return m;
  }

  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /**
   * Reads the text form that {@link #toText()} writes.
   *
   * @param text the text
   * @return the spec
   * @throws IllegalArgumentException naming the line and what was wrong with it
   */
  public static RunSpec parse(String text) {
    Objects.requireNonNull(text, "text");
    String[] lines = text.split("\n", -1);
    Map<String, String> values = new LinkedHashMap<>();
    boolean header = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      int no = i + 1;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw bad(no, "expected key=value (got \"" + abbreviate(line) + "\")");
      }
      String key = line.substring(0, eq);
      String value = unescape(line.substring(eq + 1), no);
      if (!header) {
        if (!key.equals(HEADER)) {
          throw bad(no, "expected the first line " + HEADER + "=" + TEXT_VERSION + " (got \""
              + abbreviate(line) + "\")");
        }
        if (!value.equals(Integer.toString(TEXT_VERSION))) {
          throw bad(no, "unsupported " + HEADER + " version " + value + " (this reader knows "
              + TEXT_VERSION + ")");
        }
        header = true;
        continue;
      }
      if (!KEYS.contains(key)) {
        throw bad(no, "unknown key '" + key + "': expected one of " + KEYS);
      }
      if (values.putIfAbsent(key, value) != null) {
        throw bad(no, "key '" + key + "' is given twice");
      }
    }
    if (!header) {
      throw new IllegalArgumentException("run spec: empty: expected the first line " + HEADER
          + "=" + TEXT_VERSION);
    }
    try {
      String s = values.get("seed");
      String sph = values.get("sessions-per-hour");
      String st = values.get("start");
      String d = values.get("duration");
      String f = values.get("format");
      return new RunSpec(
          s == null ? null : parseLong("seed", s),
          values.get("profile"),
          values.get("config"),
          sph == null ? null : parseDouble("sessions-per-hour", sph),
          values.get("zone"),
          st == null ? null : parseInstant(st),
          d == null ? null : parseDuration(d),
          f == null ? DEFAULT_FORMAT : f,
          values.get("config-source"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("run spec: " + e.getMessage(), e);
    }
  }

  private static long parseLong(String key, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer (got \"" + v + "\")", e);
    }
  }

  private static double parseDouble(String key, String v) {
    if (!DECIMAL.matcher(v).matches()) { // Double.parseDouble also takes 12f and 0x1p4
      throw new IllegalArgumentException(key + " must be a number (got \"" + v + "\")");
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number (got \"" + v + "\")", e);
    }
  }

  private static Instant parseInstant(String v) {
    try {
      return Instant.parse(v);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "start must be an ISO-8601 instant such as 2026-01-01T00:00:00Z (got \"" + v + "\")", e);
    }
  }

  private static Duration parseDuration(String v) {
    try {
      return Duration.parse(v);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "duration must be an ISO-8601 duration such as PT24H (got \"" + v + "\")", e);
    }
  }

  private static IllegalArgumentException bad(int line, String message) {
    return new IllegalArgumentException("run spec line " + line + ": " + message);
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  private static void escape(String s, StringBuilder out) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  private static String unescape(String s, int line) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 >= s.length()) {
        throw bad(line, "a lone \\ at the end of the value");
      }
      char e = s.charAt(++i);
      switch (e) {
        case '\\' -> out.append('\\');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (i + 4 >= s.length()) {
            throw bad(line, "\\u needs four hex digits");
          }
          int code = 0;
          for (int k = i + 1; k < i + 5; k++) {
            char h = s.charAt(k);
            // ASCII only: Character.digit also takes other scripts' digits
            int d = h < 128 ? Character.digit(h, 16) : -1;
            if (d < 0) {
              // Not Integer.parseInt: it takes a sign, so "\\u+041" was read as 'A'.
              throw bad(line, "\\u needs four hex digits (got \"" + s.substring(i + 1, i + 5)
                  + "\")");
            }
            code = code * 16 + d;
          }
          out.append((char) code);
          i += 4;
        }
        default -> throw bad(line, "unknown escape \\" + e
            + " (known: \\\\ \\n \\r \\t \\uXXXX)");
      }
    }
    return out.toString();
  }

  /** Shows what matters, the configuration as its length. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("RunSpec[");
    Map<String, String> v = values();
    v.remove("config");
    v.forEach((k, val) -> sb.append(k).append('=').append(val).append(", "));
    if (config != null) {
      sb.append("config=<").append(config.length()).append(" chars>, ");
    }
    sb.setLength(sb.length() - 2);
    return sb.append(']').toString();
  }
}
