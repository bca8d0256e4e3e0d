package dev.loggen.cli;

import dev.loggen.core.DataSize;
import dev.loggen.core.Sites;
import dev.loggen.core.config.internal.Values;
import dev.loggen.core.internal.Notices;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The command line, parsed and checked value by value: {@code --name value} and
 * {@code --name=value}. Fields are null (or false) when an option is absent. Combinations that
 * need the configuration file are checked later, in {@link Main}.
 */
final class Options {
  /** Every option with its argument placeholder and help text, in the order of the help. */
  static final Map<String, String[]> OPTIONS = options();

  @Nullable String config;
  @Nullable String profile;
  @Nullable Long seed;
  @Nullable String format;
  @Nullable Instant start;
  @Nullable Duration duration;
  @Nullable Long count;
  @Nullable Double sessionsPerHour;
  @Nullable String output;
  @Nullable String rotateSize;
  @Nullable String rotateTime;
  boolean gzip;
  boolean noGzip;
  @Nullable Integer keep;
  boolean live;
  @Nullable Double rate;
  @Nullable String report;
  @Nullable Integer healthPort;
  @Nullable String healthBind;
  boolean quiet;
  @Nullable Integer threads;
  boolean help;
  boolean version;

  private static Map<String, String[]> options() {
    Map<String, String[]> m = new LinkedHashMap<>();
    m.put("config", new String[] {"FILE", "loggen YAML, or the old Python tool's config.yaml"});
    m.put("profile", new String[] {"NAME", "built-in site: shop (default), blog, api"});
    m.put("seed", new String[] {"N", "seed (default: a random one, printed so the run can be"
        + " repeated)"});
    m.put("format", new String[] {"F", "common | combined (default) | json | ecs | an Apache"
        + " LogFormat or nginx log_format string"});
    m.put("start", new String[] {"INSTANT", "start of the simulated window (ISO-8601; default:"
        + " the previous full day in UTC)"});
    m.put("duration", new String[] {"D", "length of the simulated window: 90s, 15m, 6h, 1d, 7d,"
        + " 1h30m (default 1d; at most 366000d, and the window ends by the end of the year"
        + " 9999)"});
    m.put("count", new String[] {"N", "stop after N access-log lines, or at the window's end if"
        + " that comes first (without --duration or a window in the configuration, the window"
        + " has no end)"});
    m.put("sessions-per-hour", new String[] {"N", "traffic level (default 2000)"});
    m.put("output", new String[] {"DIR|-", "directory for access.log and error.log (default"
        + " ./logs), or - for the access log on stdout"});
    m.put("rotate-size", new String[] {"SIZE", "rotate before a file passes SIZE, e.g. 100MB"
        + " (default), or none"});
    m.put("rotate-time", new String[] {"WHEN", "hourly | daily (default) | weekly (from Monday)"
        + " | none | a period dividing a day (15m, 6h) or of whole days (2d)"});
    m.put("gzip", new String[] {"", "compress rotated files (the default)"});
    m.put("no-gzip", new String[] {"", "keep rotated files uncompressed"});
    m.put("keep", new String[] {"N", "rotated files to keep per log (default: all)"});
    m.put("live", new String[] {"", "after the window, go on in real time (--start or"
        + " --duration: history first)"});
    m.put("rate", new String[] {"N", "live: target access-log lines per second"});
    m.put("report", new String[] {"FILE", "write the report as JSON (-: to stdout, and the"
        + " report table to stderr)"});
    m.put("health-port", new String[] {"N", "serve /health on 127.0.0.1:N (0: any free port)"});
    m.put("health-bind", new String[] {"ADDR", "address for /health (default 127.0.0.1;"
        + " 0.0.0.0 in containers)"});
    m.put("threads", new String[] {"N", "simulated runs: generate and render on N threads (1 to"
        + " 256, default: the number of cores; the output is the same)"});
    m.put("quiet", new String[] {"", "no progress, notices or report table (errors,"
        + " warnings, a random seed and the port --health-port 0 chose still)"});
    m.put("help", new String[] {"", "this help"});
    m.put("version", new String[] {"", "the version"});
    return m;
  }

  private Options() {}

  /**
   * Parses the arguments.
   *
   * @throws UsageException naming the option and what was wrong
   */
  static Options parse(String[] args) throws UsageException {
    Options o = new Options();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-h")) {
        arg = "--help";
      }
      if (!arg.startsWith("--") || arg.equals("--")) {
        throw new UsageException("unexpected argument '" + arg + "'"
            + (arg.endsWith(".yaml") || arg.endsWith(".yml")
                ? " (give a configuration file with --config " + arg + ")" : "")
            + " (see --help)");
      }
      String name = arg.substring(2);
      String inline = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        inline = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      String[] spec = OPTIONS.get(name);
      if (spec == null) {
        throw new UsageException("unknown option '--" + name + "'" + suggestion(name)
            + " (see --help)");
      }
      if (!seen.add(name)) {
        throw new UsageException("--" + name + " was given twice");
      }
      boolean flag = spec[0].isEmpty();
      String value = null;
      if (flag) {
        if (inline != null) {
          throw new UsageException("--" + name + " takes no value (got '" + inline + "')");
        }
      } else if (inline != null) {
        value = inline;
      } else if (i + 1 < args.length) {
        value = args[++i];
        if (value.startsWith("--") && value.length() > 2) {
          // "--output --quiet", "--output --quite": the value was forgotten (or the option
          // mistyped), not a directory named --quiet or --quite
          String other = optionName(value);
          String got = OPTIONS.containsKey(other) ? "the option " + value
              : value + suggestion(other);
          throw new UsageException("--" + name + " needs a value: --" + name + " " + spec[0]
              + " (got " + got + "; write --" + name + "=" + value
              + " for a value that starts with --)");
        }
      } else {
        throw new UsageException("--" + name + " needs a value: --" + name + " " + spec[0]);
      }
      o.set(name, value);
    }
    return o;
  }

  /** The name in {@code --name} or {@code --name=value}. */
  private static String optionName(String arg) {
    int eq = arg.indexOf('=');
    return eq < 0 ? arg.substring(2) : arg.substring(2, eq);
  }

  private void set(String name, @Nullable String v) throws UsageException {
    switch (name) {
      case "config" -> config = nonBlank(name, v);
      case "profile" -> {
        String p = nonBlank(name, v).toLowerCase(Locale.ROOT);
        if (!Sites.names().contains(p)) {
          throw new UsageException(Notices.notABuiltInSite(String.valueOf(v)));
        }
        profile = p;
      }
      case "seed" -> seed = longValue(name, v, Long.MIN_VALUE);
      case "format" -> format = nonBlank(name, v);
      case "start" -> start = instant(name, nonBlank(name, v));
      case "duration" -> {
        Duration d = Values.optionDuration(nonBlank(name, v));
        if (d == null || d.isZero()) {
          throw new UsageException("--duration: expected a positive duration such as 90s, 15m,"
              + " 6h, 1d or 7d (got '" + v + "')");
        }
        duration = notTooLong(name, "a duration", d, v);
      }
      case "count" -> count = longValue(name, v, 1);
      case "sessions-per-hour" -> sessionsPerHour = positive(name, v, 240_000_000);
      case "output" -> output = nonBlank(name, v);
      case "rotate-size" -> {
        String s = nonBlank(name, v);
        if (!s.equalsIgnoreCase("none")) {
          try {
            DataSize.parse(s);
          } catch (DataSize.ParseException e) {
            throw new UsageException("--rotate-size: expected " + e.expected() + ", or none (got '"
                + s + "')");
          }
        }
        rotateSize = s;
      }
      case "rotate-time" -> {
        String s = nonBlank(name, v).toLowerCase(Locale.ROOT);
        Duration period = Values.optionDuration(s);
        if (!List.of("hourly", "daily", "weekly", "none").contains(s)
            && (period == null || period.isZero())) {
          throw new UsageException("--rotate-time: expected hourly, daily, weekly, none or a"
              + " positive period such as 15m or 6h (got '" + v + "')");
        }
        if (period != null) {
          notTooLong(name, "a period", period, v);
        }
        rotateTime = s;
      }
      case "gzip" -> gzip = true;
      case "no-gzip" -> noGzip = true;
      case "keep" -> keep = (int) longValue(name, v, 1, Integer.MAX_VALUE);
      case "live" -> live = true;
      case "rate" -> rate = positive(name, v, LiveSettings.MAX_RATE);
      case "report" -> report = nonBlank(name, v);
      case "health-port" -> healthPort = (int) longValue(name, v, 0, 65_535);
      case "health-bind" -> healthBind = nonBlank(name, v).trim();
      case "threads" -> threads = (int) longValue(name, v, 1, 256);
      case "quiet" -> quiet = true;
      case "help" -> help = true;
      case "version" -> version = true;
      default -> throw new IllegalStateException("option without a setter: " + name);
    }
    if (gzip && noGzip) {
      throw new UsageException("--gzip and --no-gzip contradict each other");
    }
  }

  private static String nonBlank(String name, @Nullable String v) throws UsageException {
    if (v == null || v.isBlank()) {
      throw new UsageException("--" + name + " needs a value that is not empty");
    }
    return v;
  }

  private static long longValue(String name, @Nullable String v, long min) throws UsageException {
    return longValue(name, v, min, Long.MAX_VALUE);
  }

  private static long longValue(String name, @Nullable String v, long min, long max)
      throws UsageException {
    String s = nonBlank(name, v).trim().replace("_", "");
    if (!s.matches("[+-]?[0-9]+")) {
      // ASCII digits only, as in the configuration: Long.parseLong takes any script's digits
      throw new UsageException("--" + name + ": expected a whole number (got '" + v + "')");
    }
    long n;
    try {
      n = Long.parseLong(s);
    } catch (NumberFormatException e) {
      // digits, but more than a long holds
      throw outOfRange(name, s, min, max, s.startsWith("-"));
    }
    if (n < min || n > max) {
      throw outOfRange(name, s, min, max, n < min);
    }
    return n;
  }

  /** {@code d}, unless it is longer than the longest window (the longest duration we take). */
  private static Duration notTooLong(String name, String what, Duration d, @Nullable String v)
      throws UsageException {
    String tooLong = Values.pastTheLongestWindow(name, what, d, v);
    if (tooLong != null) {
      throw new UsageException(tooLong);
    }
    return d;
  }

  /**
   * The range a whole number must lie in: "of at least min" for one below the minimum when the
   * only maximum is a long's; else both ends, so that a number past the upper end is told it.
   */
  private static UsageException outOfRange(String name, String s, long min, long max,
      boolean below) {
    String range = below && max == Long.MAX_VALUE && min != Long.MIN_VALUE ? "of at least " + min
        : "from " + min + " to " + max;
    return new UsageException("--" + name + ": expected a whole number " + range + " (got " + s
        + ")");
  }

  private static double positive(String name, @Nullable String v, double max)
      throws UsageException {
    double d = Values.optionPositive(nonBlank(name, v), max);
    if (Double.isNaN(d)) {
      throw new UsageException(Values.expectedPositive(name, max, v));
    }
    return d;
  }

  private static Instant instant(String name, String v) throws UsageException {
    String s = v.trim();
    try {
      return Instant.parse(s);
    } catch (DateTimeException e) {
      // try the other forms
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeException e) {
      // try a date
    }
    try {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeException e) {
      throw new UsageException("--" + name + ": expected an ISO-8601 instant such as"
          + " 2026-01-01T00:00:00Z, with an offset (2026-01-01T01:00:00+01:00), or a date"
          + " (2026-01-01, midnight UTC) (got '" + v + "')");
    }
  }

  private static String suggestion(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String known : OPTIONS.keySet()) {
      int d = distance(name.toLowerCase(Locale.ROOT), known);
      if (d < bestDistance) {
        bestDistance = d;
        best = known;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 3)
        ? ": did you mean '--" + best + "'?" : "";
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** The help text. */
  static String help() {
    StringBuilder sb = new StringBuilder();
    sb.append("Usage: java -jar loggen.jar [options]\n\n");
    sb.append("Generates realistic, reproducible web-server access logs. With no options:"
        + " one\nsimulated day (the previous full day in UTC) of the built-in shop site into"
        + "\n./logs (access.log and error.log, rotated daily and at 100MB, archives\ngzipped),"
        + " then the report.\n\n");
    sb.append("Options (--name value or --name=value):\n");
    for (Map.Entry<String, String[]> e : OPTIONS.entrySet()) {
      String left = "  --" + e.getKey() + (e.getValue()[0].isEmpty() ? "" : " "
          + e.getValue()[0]);
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-25s", left));
      int col = row.length();
      for (String word : e.getValue()[1].split(" ")) {
        if (col + 1 + word.length() > 79) {
          row.append('\n').append(" ".repeat(25));
          col = 25;
        }
        row.append(' ').append(word);
        col += 1 + word.length();
      }
      sb.append(row).append('\n');
    }
    sb.append("\nExit codes: 0 success (also after SIGTERM, SIGINT (Ctrl-C) or SIGHUP, and when\n"
        + "the reader of --output - goes away: the report says whether the window was cut\n"
        + "short), 1 an I/O failure or a heap too small for the traffic level, 2 bad usage\n"
        + "or configuration.\n");
    sb.append("Configuration reference: docs/config-reference.md\n");
    return sb.toString();
  }
}
