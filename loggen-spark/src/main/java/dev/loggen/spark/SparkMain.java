package dev.loggen.spark;

import dev.loggen.core.RunSpec;
import dev.loggen.core.Sites;
import dev.loggen.core.config.ConfigException;
import dev.loggen.core.config.ConfigNode;
import dev.loggen.core.config.LegacyConfig;
import dev.loggen.core.config.YamlConfig;
import dev.loggen.core.config.internal.Values;
import dev.loggen.core.internal.Notices;
import dev.loggen.core.internal.Printable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * The main class for {@code spark-submit}: writes a run into slice files under an output URI,
 * with the command-line generator's options where they make sense.
 *
 * <pre>
 * spark-submit --class dev.loggen.spark.SparkMain loggen-spark/target/loggen-spark.jar \
 *     --seed 42 --start 2026-01-01T00:00:00Z --duration 365d --slices 730 \
 *     --output s3a://bucket/logs/2026
 * </pre>
 *
 * The files are gzipped unless {@code --no-gzip} is given, as the command line's rotated files
 * are and as {@link LoggenSpark#write(SparkSession, RunSpec, int, String)} writes them.
 *
 * <p>What the run does not do as asked is a warning on standard error before it starts, as on the
 * command line ({@link RunSpec#warnings()}).
 *
 * <p>Exit codes: 0 when the run and its manifest were written; 2 for bad usage (a one-line
 * message), a bad configuration (its located errors) or an output that already holds a complete
 * run, all found before any task starts; 1 when the job failed, or the output could not be
 * reached or written (one line that names the output and the cause; a stack trace follows only
 * for a failure loggen did not word, which is a bug).
 */
public final class SparkMain {
  /** The usage text {@code --help} prints. */
  public static final String USAGE = """
      usage: spark-submit --class dev.loggen.spark.SparkMain loggen-spark.jar [options] \
      --output URI
        --output URI           output directory: hdfs://, s3a://, gs://, abfs://, file:// or a path
        --slices N             number of slices = tasks = files (default: one per day, at least 1;
                               at most one per second of the window and 1000000)
        --config FILE          loggen YAML, or the old tool's config.yaml (read on the driver)
        --profile NAME         built-in site: shop (default), blog, api
        --seed N               seed (when absent: the config's, else a random one, printed)
        --format F             common | combined (default) | json | ecs | an Apache LogFormat or
                               nginx log_format string
        --start INSTANT        start of the window (ISO-8601, default 2026-01-01T00:00:00Z)
        --duration D           length of the window: 90s, 15m, 6h, 1d, 365d, 1h30m or ISO-8601
                               (default 1d)
        --sessions-per-hour N  traffic level
        --gzip                 compress the files (the default): access-<start>.log.gz;
                               error-<start>.log.gz for the error-log formats apache-error and
                               nginx-error
        --no-gzip              write the files uncompressed (access-<start>.log)
        --quiet                no summary line (warnings, errors and a random seed still)
        --help                 this text
        --version              the version

      The command line's --count, --live, --rate, --rotate-size, --rotate-time, --keep,
      --report, --threads, --health-port and --health-bind are not supported on Spark.
      """;

  /** The command line's options that mean nothing on Spark, and why. */
  private static final Map<String, String> NOT_ON_SPARK = notOnSpark();
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
  /** The command line's and the configuration's limit on the traffic. */
  private static final double MAX_SESSIONS_PER_HOUR = 240_000_000;
  /** How long a signal's shutdown waits for the run to say it stopped. */
  private static final long STOP_MESSAGE_WAIT_SECONDS = 10;

  private SparkMain() {}

  private static Map<String, String> notOnSpark() {
    Map<String, String> m = new HashMap<>();
    for (String o : List.of("--count", "--live", "--rate", "--rotate-size", "--rotate-time",
        "--keep", "--report")) {
      m.put(o, "each slice is one file; a run covers a window");
    }
    m.put("--threads", "Spark's executors run the slices in parallel");
    m.put("--health-port", "there is no /health endpoint; Spark's UI shows the job");
    m.put("--health-bind", "there is no /health endpoint; Spark's UI shows the job");
    return Map.copyOf(m);
  }

  /**
   * Runs the generator on the session {@code spark-submit} configures, then stops it.
   *
   * @param args the options (see {@link #USAGE})
   */
  public static void main(String[] args) {
    SparkSession[] created = new SparkSession[1];
    int code;
    try {
      code = run(args, System.out, System.err, () -> {
        created[0] = SparkSession.builder().appName("loggen").getOrCreate();
        return created[0];
      });
    } finally {
      if (created[0] != null) {
        created[0].stop();
      }
    }
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the generator: checks the options and the configuration, then (only then) gets a
   * session and writes the run.
   *
   * @param args the options
   * @param out where the summary goes
   * @param err where messages go
   * @param spark gives the session; not called when the options are bad
   * @return the exit code: 0, 1 (the job failed) or 2 (bad usage)
   */
  public static int run(String[] args, PrintStream out, PrintStream err,
      Supplier<SparkSession> spark) {
    Options o;
    RunSpec spec;
    int slices;
    try {
      o = Options.parse(args);
      if (o.help) {
        out.print(USAGE);
        return 0;
      }
      if (o.version) {
        out.println("loggen-spark " + version());
        return 0;
      }
      spec = o.spec();
      // The window and the slice count are usage too: refused before Spark starts.
      slices = o.slices != null ? o.slices : defaultSlices(spec);
      if (o.slices != null) {
        o.checkSlicesFit(spec);
      }
      LoggenSpark.check(spec, slices);
      // What the command line warns about: the configuration's located warnings, scenarios and
      // bursts wholly outside the window.
      for (String w : o.warnings) {
        say(err, w + " (warning)");
      }
      for (String w : spec.warnings()) {
        say(err, w + " (warning)");
      }
      if (spec.seed() == null && spec.settings().seed() == null) {
        long seed = ThreadLocalRandom.current().nextLong();
        spec = spec.withSeed(seed);
        say(err, "seed " + seed + " (give --seed " + seed + " to repeat this run)");
      }
    } catch (ConfigException e) {
      // one located error per line, each already printable (ConfigError escapes what it quotes)
      err.println("loggen-spark: " + e.getMessage());
      return 2;
    } catch (UsageException | IllegalArgumentException e) {
      say(err, e.getMessage() + " (see --help)");
      return 2;
    } catch (UncheckedIOException e) {
      say(err, String.valueOf(e.getMessage()));
      return 2;
    }
    // A signal stops the JVM once the shutdown hooks are done, Spark's among them (it stops the
    // context under the job): this hook holds the JVM until the run has said so (bounded), or
    // the JVM halted before the line was printed
    CountDownLatch said = new CountDownLatch(1);
    Thread hold = new Thread(() -> {
      try {
        said.await(STOP_MESSAGE_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "loggen-spark-stop");
    boolean held;
    try {
      Runtime.getRuntime().addShutdownHook(hold);
      held = true;
    } catch (IllegalStateException shuttingDown) {
      held = false; // a signal came already: the run below says so
    }
    try {
      return write(o, spec, slices, out, err, spark);
    } finally {
      said.countDown();
      try {
        if (held) {
          Runtime.getRuntime().removeShutdownHook(hold);
        }
      } catch (IllegalStateException shuttingDown) {
        // the hook runs, and returns at once
      }
    }
  }

  /** Writes the run the options give, and says how it went: the exit code. */
  private static int write(Options o, RunSpec spec, int slices, PrintStream out,
      PrintStream err, Supplier<SparkSession> spark) {
    try {
      SparkSession session = spark.get();
      long t0 = System.nanoTime();
      // Not the public write: the configuration's format was resolved above (--format wins
      // over it, a plain one was taken into the spec, the mapping form was refused).
      Manifest m = LoggenSpark.write(session, spec, slices, o.output, !o.noGzip, null);
      double secs = (System.nanoTime() - t0) / 1e9;
      if (o.quiet) {
        return 0;
      }
      int files = m.files().size();
      out.printf(Locale.ROOT, "wrote %d lines (%d bytes, %d stored) in %d %s under %s in"
          + " %.1f s (%.0f lines/s); manifest %s%n", m.lines(), m.bytes(), m.storedBytes(),
          files, files == 1 ? "file" : "files", o.output, secs, m.lines() / secs,
          Manifest.FILE_NAME);
      return 0;
    } catch (Exception e) {
      if (shuttingDown()) {
        // A signal (Ctrl-C, SIGTERM) stops the JVM, and Spark's shutdown hook stops the
        // context under the job: no bug, so no stack trace (before: "the run failed: Job 0
        // cancelled because SparkContext was shut down" and Spark's stack trace). Between the
        // driver's steps it is Spark's IllegalStateException ("Cannot call methods on a
        // stopped SparkContext"), which is no bad usage either.
        say(err, "stopped: the JVM is shutting down (a signal?) and the run is incomplete, with"
            + " no manifest; run it again with the same --seed to complete it (files already"
            + " written are checked and kept)");
        return 1;
      }
      if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
        say(err, String.valueOf(e.getMessage()));
        return 2;
      }
      if (e instanceof UncheckedIOException) {
        // The driver could not reach or write the output (before the job, or after it for the
        // manifest): the message names the output and the cause. No task need have run, so
        // not "the run failed"; an I/O failure is no bug, so no stack trace.
        say(err, firstLine(e));
        return 1;
      }
      // Spark actions throw SparkException (a checked exception) undeclared: catch it too.
      say(err, "the run failed: " + cause(e));
      if (!saysItAll(e)) {
        // deliberately: a failure nobody worded (a NullPointerException, an Error) is a bug,
        // and its stack trace is what a report of it needs
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  /**
   * Whether the JVM has begun to shut down: a shutdown hook can no longer be added then
   * ({@link Runtime#addShutdownHook} says so by throwing).
   */
  private static boolean shuttingDown() {
    Thread probe = new Thread(() -> { });
    try {
      Runtime.getRuntime().addShutdownHook(probe);
    } catch (IllegalStateException e) {
      return true;
    }
    Runtime.getRuntime().removeShutdownHook(probe);
    return false;
  }

  /**
   * Prints a message on standard error after "loggen-spark: ", with the characters that would
   * act on a terminal escaped, as the command line does: messages quote option and
   * configuration values.
   */
  private static void say(PrintStream err, String message) {
    err.println("loggen-spark: " + Printable.of(message));
  }

  /**
   * What went wrong in a failed job, on one line: a task's failure to write (its message names
   * the slice and the file), else the first line of the innermost cause's message (a failed
   * task's exception, rather than Spark's "Job aborted due to stage failure" around it).
   */
  private static String cause(Throwable e) {
    Throwable shown = e;
    for (Throwable t : chain(e)) {
      shown = t;
      if (t instanceof UncheckedIOException) {
        break;
      }
    }
    return firstLine(shown);
  }

  /**
   * Whether the line {@link #cause} prints says all there is to say about a failed job, so that
   * no stack trace follows: the job failed on I/O (the message names the file and the cause),
   * or its innermost cause is an {@code IllegalStateException} or
   * {@code IllegalArgumentException}, which loggen throws with a message that names what was
   * wrong (a slice's file that exists with other content, say).
   *
   * @param e what the job threw
   * @return whether its one line is enough
   */
  static boolean saysItAll(Throwable e) {
    List<Throwable> chain = chain(e);
    Throwable innermost = chain.get(chain.size() - 1);
    return chain.stream()
        .anyMatch(t -> t instanceof IOException || t instanceof UncheckedIOException)
        || (innermost instanceof IllegalStateException
            || innermost instanceof IllegalArgumentException)
        && innermost.getMessage() != null;
  }

  /** {@code e} and its causes, outermost first. */
  private static List<Throwable> chain(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /** The first line of a message that is not blank, or what the exception is. */
  private static String firstLine(Throwable e) {
    String message = e.getMessage();
    if (message != null) {
      for (String line : message.split("\\R")) {
        if (!line.isBlank()) {
          return line.strip();
        }
      }
    }
    return e.toString();
  }

  /** The jar's version, as the command line gives its own. */
  static String version() {
    String v = SparkMain.class.getPackage().getImplementationVersion();
    return v != null ? v : "unknown (not run from loggen-spark.jar)";
  }

  private static int defaultSlices(RunSpec spec) {
    Duration d = LoggenSpark.duration(spec.toGenerator());
    long days = (d.toMillis() + 86_400_000L - 1) / 86_400_000L;
    return (int) Math.max(1, Math.min(days, Integer.MAX_VALUE));
  }

  /**
   * Reads a duration as the command line does, with its reader ({@link Values#optionDuration}):
   * {@code 90s}, {@code 15m}, {@code 6h}, {@code 1d}, {@code 2w}, {@code 500ms}, units in any
   * case, sums and decimals ({@code 1h30m}, {@code 1.5h}), or ISO-8601 ({@code PT6H}); and
   * refuses a zero one, or one longer than the longest window, with the command line's
   * message.
   *
   * @param text the text
   * @return the duration
   * @throws IllegalArgumentException quoting the text
   */
  static Duration duration(String text) {
    Duration d = Values.optionDuration(text);
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("--duration: expected a positive duration such as 90s,"
          + " 15m, 6h, 1d, 365d or PT6H (got '" + text + "')");
    }
    String tooLong = Values.pastTheLongestWindow("duration", "a duration", d, text);
    if (tooLong != null) {
      throw new IllegalArgumentException(tooLong);
    }
    return d;
  }

  private static String readConfig(String location) {
    Path p = new Path(location);
    try (FileSystem fs = FileSystem.newInstance(p.toUri(), new Configuration());
        InputStream in = fs.open(p)) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("--config: cannot read " + location + ": " + e, e);
    }
  }

  /** A usage error: one line, exit code 2. */
  private static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** The parsed options. */
  private static final class Options {
    boolean help;
    /** {@code --gzip}: the default, accepted as the command line accepts it. */
    boolean gzip;
    boolean noGzip;
    boolean quiet;
    boolean version;
    @Nullable String output;
    @Nullable Integer slices;
    /** {@code --slices} as given, for messages. */
    @Nullable String slicesText;
    @Nullable String config;
    @Nullable String profile;
    @Nullable Long seed;
    @Nullable String format;
    @Nullable Instant start;
    @Nullable Duration duration;
    @Nullable Double sessionsPerHour;
    /** What {@link #spec()} found in the configuration that the spec does not warn about. */
    final List<String> warnings = new ArrayList<>();

    static Options parse(String[] args) throws UsageException {
      Options o = new Options();
      Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String name = a;
        String value = null;
        int eq = a.indexOf('=');
        if (a.startsWith("--") && eq > 0) {
          name = a.substring(0, eq);
          value = a.substring(eq + 1);
        }
        String why = NOT_ON_SPARK.get(name);
        if (why != null) {
          throw new UsageException(name + " is not supported on Spark (" + why + ")");
        }
        if (!seen.add(name) && !name.equals("--help")) {
          throw new UsageException(name + " was given twice");
        }
        switch (name) {
          case "--help", "-h" -> o.help = true;
          case "--gzip", "--no-gzip", "--quiet", "--version" -> {
            if (value != null) {
              throw new UsageException(name + " takes no value (got '" + value + "')");
            }
            o.gzip |= name.equals("--gzip");
            o.noGzip |= name.equals("--no-gzip");
            o.quiet |= name.equals("--quiet");
            o.version |= name.equals("--version");
          }
          case "--output", "--config", "--profile", "--seed", "--format", "--start",
              "--duration", "--sessions-per-hour", "--slices" -> {
            if (value == null) {
              if (i + 1 >= args.length) {
                throw new UsageException(name + " needs a value");
              }
              if (args[i + 1].startsWith("--")) {
                // "--output --gzip": the value is missing, not "--gzip".
                throw new UsageException(name + " needs a value (got the option " + args[i + 1]
                    + "; write " + name + "=VALUE for a value that starts with --)");
              }
              value = args[++i];
            }
            o.set(name, value);
          }
          default -> throw new UsageException(a.startsWith("-") ? "unknown option " + name
              : "unexpected argument '" + a + "'");
        }
      }
      if (o.gzip && o.noGzip) {
        throw new UsageException("--gzip and --no-gzip contradict each other");
      }
      if (!o.help && !o.version && o.output == null) {
        throw new UsageException("--output URI is required");
      }
      return o;
    }

    private void set(String name, String value) throws UsageException {
      try {
        switch (name) {
          case "--output" -> {
            if (value.isBlank()) {
              throw new UsageException("--output must not be empty");
            }
            LoggenSpark.outputPath(value);
            output = value;
          }
          case "--config" -> config = value;
          case "--profile" -> {
            // Named as typed, in the command line's words (before: "profile 'bank' is
            // unknown", as the spec's field).
            if (!Sites.names().contains(value.toLowerCase(Locale.ROOT))) {
              throw new UsageException(Notices.notABuiltInSite(value));
            }
            profile = value;
          }
          case "--seed" -> seed = Long.parseLong(value);
          case "--format" -> format = value;
          case "--start" -> start = Instant.parse(value);
          case "--duration" -> duration = duration(value);
          case "--sessions-per-hour" -> {
            double d = Values.optionPositive(value, MAX_SESSIONS_PER_HOUR);
            if (Double.isNaN(d)) {
              throw new UsageException(Values.expectedPositive("sessions-per-hour",
                  MAX_SESSIONS_PER_HOUR, value));
            }
            sessionsPerHour = d;
          }
          case "--slices" -> {
            if (WHOLE_NUMBER.matcher(value).matches() && !fitsInt(value)) {
              throw new UsageException("--slices must be between 1 and " + Integer.MAX_VALUE
                  + " (got " + value + ")");
            }
            slices = Integer.parseInt(value);
            slicesText = value;
            if (slices < 1) {
              throw new UsageException("--slices must be positive (got " + value + ")");
            }
          }
          default -> throw new IllegalStateException(name);
        }
      } catch (NumberFormatException e) {
        if (name.equals("--seed") && WHOLE_NUMBER.matcher(value).matches()) {
          throw new UsageException("--seed must be between " + Long.MIN_VALUE + " and "
              + Long.MAX_VALUE + " (got " + value + ")");
        }
        throw new UsageException(name + ": expected a number (got '" + value + "')");
      } catch (DateTimeException e) {
        throw new UsageException(name + ": expected an ISO-8601 instant such as"
            + " 2026-01-01T00:00:00Z (got '" + value + "')");
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }

    /**
     * Refuses {@code --slices} above one slice per second of the window, naming the option and
     * quoting its value (the window may come from the configuration).
     */
    void checkSlicesFit(RunSpec spec) throws UsageException {
      if (slices != null && slices > LoggenSpark.MAX_SLICES) {
        throw new UsageException(String.format(Locale.ROOT, "--slices: expected at most %d"
            + " slices, one Spark task and one file each (got '%s')", LoggenSpark.MAX_SLICES,
            slicesText));
      }
      Duration d = LoggenSpark.duration(spec.toGenerator());
      long max = LoggenSpark.maxSlices(d);
      if (slices != null && slices > max) {
        throw new UsageException(String.format(Locale.ROOT, "--slices: expected at most one"
            + " slice per second of the window, so at most %d for %s (got '%s')", max,
            Printable.duration(d), slicesText));
      }
    }

    private static boolean fitsInt(String wholeNumber) {
      try {
        long v = Long.parseLong(wholeNumber);
        return v == (int) v;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    /** The spec these options give; reads and checks the configuration. */
    RunSpec spec() {
      RunSpec s = RunSpec.defaults();
      // Where the configuration's plain format is, for a message about it.
      String formatAt = null;
      if (config != null) {
        String text = readConfig(config);
        s = s.withConfig(text, config);
        ConfigNode root = YamlConfig.parse(text, config);
        ConfigNode out = root.isMapping() && !LegacyConfig.isLegacy(root) ? root.get("output")
            : null;
        if (out != null && out.isPresent()) {
          // Before: ignored without a word (the old tool's output keys have their warnings).
          ConfigNode key = out.keyNode();
          warnings.add(config + ":" + key.line() + ":" + key.column() + ": output: a run on"
              + " Spark writes one file per slice under --output, with --gzip or --no-gzip, so"
              + " output is ignored");
        }
        if (format == null) {
          // The format section belongs to loggen-formats; its plain form (format: json) is
          // what a spec can carry.
          ConfigNode f = root.isMapping() ? root.get("format") : null;
          if (f != null && f.isScalar() && f.text() != null) {
            s = s.withFormat(f.text());
            formatAt = config + ":" + f.line() + ":" + f.column() + ": format";
          } else if (f != null && f.isMapping()) {
            // Before: ignored, and the run wrote Combined without a word.
            throw new IllegalArgumentException(config + ":" + f.line() + ":" + f.column()
                + ": format: a run on Spark carries its format as one string, and this mapping"
                + " form is not one: give the format with --format (a name, an Apache LogFormat"
                + " or an nginx log_format string)");
          } else if (f != null && f.isPresent()) {
            // An empty value or a list, which the command line refuses at the key. Before:
            // ignored, and the run wrote Combined without a word.
            f.string();
            root.diagnostics().throwIfErrors();
          }
        }
      }
      if (seed != null) {
        s = s.withSeed(seed);
      }
      if (profile != null) {
        s = s.withProfile(profile.toLowerCase(Locale.ROOT));
      }
      if (sessionsPerHour != null) {
        s = s.withSessionsPerHour(sessionsPerHour);
      }
      if (start != null) {
        s = s.withStart(start);
      }
      if (duration != null) {
        s = s.withDuration(duration);
      }
      if (format != null) {
        s = s.withFormat(format);
        formatAt = "--format";
      }
      try {
        LoggenSpark.format(s.format());
      } catch (IllegalArgumentException e) {
        // Named as the command line names it: the option, or the file, line and key (before:
        // the formats' message alone, as if no option or file had given the format).
        throw formatAt == null ? e
            : new IllegalArgumentException(formatAt + ": " + e.getMessage(), e);
      }
      try {
        s.toGenerator();
      } catch (IllegalArgumentException e) {
        // The options that set the window, named as the command line names them (before: the
        // generator's message alone).
        String named = Notices.windowByOptions(e.getMessage(), start != null, duration != null);
        if (named != null && !named.equals(e.getMessage())) {
          throw new IllegalArgumentException(named, e);
        }
        throw e;
      }
      return s;
    }
  }
}
