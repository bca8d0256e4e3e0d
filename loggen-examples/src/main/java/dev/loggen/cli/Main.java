package dev.loggen.cli;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.DataSize;
import dev.loggen.core.LineSink;
import dev.loggen.core.LogFormat;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.LogWriter;
import dev.loggen.core.Report;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import dev.loggen.core.config.ConfigError;
import dev.loggen.core.config.ConfigException;
import dev.loggen.core.config.ConfigNode;
import dev.loggen.core.config.ConfigSource;
import dev.loggen.core.config.CoreConfig;
import dev.loggen.core.config.CoreSettings;
import dev.loggen.core.config.LegacyConfig;
import dev.loggen.core.config.YamlConfig;
import dev.loggen.core.config.internal.Values;
import dev.loggen.core.internal.Notices;
import dev.loggen.core.internal.Printable;
import dev.loggen.formats.ErrorFormat;
import dev.loggen.formats.FormatConfig;
import dev.loggen.formats.FormatSettings;
import dev.loggen.sinks.FileSinks;
import dev.loggen.sinks.OnExisting;
import dev.loggen.sinks.OutputSettings;
import dev.loggen.sinks.RotatingFileSink;
import dev.loggen.sinks.RotationSettings;
import dev.loggen.sinks.Sinks;
import dev.loggen.sinks.StreamSink;
import dev.loggen.sinks.TimeSource;
import dev.loggen.sinks.internal.ActiveFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The command-line generator behind {@code loggen.jar}. With no options it writes one simulated
 * day (the previous full day in UTC) of the built-in {@code shop} site into {@code ./logs}
 * ({@code access.log} and {@code error.log}, rotated daily and at 100 MB, archives gzipped) and
 * prints the report; {@code --help} lists the options.
 *
 * <p>Exit codes: 0 success (also after SIGTERM, SIGINT or SIGHUP, which stop the run cleanly:
 * lines are flushed, compression finishes, files are closed, the report is printed; and when the
 * reader of {@code --output -} goes away; the report says when either cut the window short),
 * 1 an I/O failure (the message names the path), 2 a bad command line or configuration (a
 * one-line message, or every located error of the configuration). A run that fails on its
 * command line or configuration writes nothing.
 *
 * <p>Tests and programs run it in-process with {@link #run(String[], PrintStream, PrintStream,
 * Map, Path)}, which returns the exit code instead of exiting.
 */
public final class Main {
  /** Exit code of a successful run. */
  public static final int OK = 0;
  /** Exit code of an I/O failure. */
  public static final int IO_FAILURE = 1;
  /** Exit code of a bad command line or configuration. */
  public static final int USAGE = 2;

  static final RotationSettings DEFAULT_ROTATION = new RotationSettings(
      DataSize.ofMegabytes(100), Duration.ofDays(1), null, true, null, null, null, null, null);
  static final String DEFAULT_DIRECTORY = "logs";
  private static final Duration GRACE = Duration.ofMinutes(2);
  /** How far ahead a live run's --start may be: the run waits for it. */
  private static final Duration MAX_LIVE_WAIT = Duration.ofDays(366);
  /** How far behind its schedule a live run must end for a notice. */
  private static final Duration BEHIND_NOTICE = Duration.ofSeconds(1);
  /**
   * Sessions to simulate before the first line from which a run says why it is silent: about
   * 5 s of simulation on a 2-core machine.
   */
  private static final double LONG_WARM_UP_SESSIONS = 500_000;

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final Path workingDir;
  private final Clock clock;
  private final LongSupplier nanos;
  private final boolean terminal;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final CountDownLatch done = new CountDownLatch(1);
  /** Set when main itself exits: the shutdown hook then has nothing to wait for or decide. */
  private volatile boolean exiting;
  private volatile int exitCode = OK;
  /** The progress line while a run draws one: {@link #say} clears it before a message. */
  private volatile @Nullable ProgressLine activeProgress;

  // Test hooks: wrap the access sink (fault injection), the stall limit, the bound health port.
  UnaryOperator<LineSink> sinkDecorator = UnaryOperator.identity();
  UnaryOperator<LineSink> errorSinkDecorator = UnaryOperator.identity();
  Duration stallAfter = Duration.ofSeconds(30);
  @Nullable LongSupplier healthNanos;
  IntConsumer healthStarted = port -> { };
  volatile @Nullable HealthState healthState;

  Main(PrintStream out, PrintStream err, Map<String, String> env, Path workingDir, Clock clock,
      LongSupplier nanos, boolean terminal) {
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nanos = Objects.requireNonNull(nanos, "nanos");
    this.terminal = terminal;
  }

  /**
   * Runs the generator with the process's streams and environment and exits with its code. A
   * shutdown hook turns SIGTERM, SIGINT and SIGHUP into a clean stop: it waits (up to two
   * minutes) for the run to flush, compress, close its files and print the report, then exits
   * with the run's code, or with {@link #IO_FAILURE} when the two minutes pass first (a write
   * blocked on a stalled reader). Further signals meanwhile change nothing.
   *
   * @param args the options; {@code --help} lists them
   */
  public static void main(String[] args) {
    Main m = new Main(System.out, System.err, System.getenv(), Path.of(""), Clock.systemUTC(),
        System::nanoTime, terminal(stderrTarget(), System.console() != null));
    Runtime.getRuntime().addShutdownHook(new Thread(m::onShutdown, "loggen-shutdown"));
    int code = m.execute(args);
    System.out.flush();
    System.err.flush();
    m.exiting = true;
    System.exit(code);
  }

  /**
   * Whether standard error, where the progress line goes, is a terminal. Java 17 cannot ask
   * that of stderr ({@link System#console()} asks it of stdin and stdout); on Linux the link
   * {@code /proc/self/fd/2} names what stderr is: a terminal is {@code /dev/pts/N} or
   * {@code /dev/ttyX}, a file its path, a pipe {@code pipe:[N]}.
   *
   * @param stderrTarget what {@code /proc/self/fd/2} links to, or null where it cannot be read
   *     (no {@code /proc}, as on macOS)
   * @param console the answer then: whether stdin and stdout are a terminal
   */
  static boolean terminal(@Nullable String stderrTarget, boolean console) {
    if (stderrTarget == null) {
      return console;
    }
    return stderrTarget.startsWith("/dev/pts/") || stderrTarget.startsWith("/dev/tty");
  }

  /** What {@code /proc/self/fd/2} links to, or null where there is no such link. */
  private static @Nullable String stderrTarget() {
    try {
      return Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null; // not Linux, or no /proc: ask the console
    }
  }

  /**
   * Runs the generator in-process: the same as the command line, without exiting.
   *
   * @param args the options
   * @param out standard output (the report; the access log with {@code --output -})
   * @param err standard error (messages, progress)
   * @param env the environment (for the old tool's {@code LOG_GENERATOR_CONFIG_*} variables and
   *     {@code LOG_DIR_OVERRIDE})
   * @param workingDir what relative paths are relative to
   * @return the exit code: {@link #OK}, {@link #IO_FAILURE} or {@link #USAGE}
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
      Path workingDir) {
    return new Main(out, err, env, workingDir, Clock.systemUTC(), System::nanoTime, false)
        .execute(args);
  }

  /**
   * The shutdown hook: on a signal, stop the run, wait for it to finish cleanly, exit with its
   * code. On a normal exit it returns at once, so that other hooks (a flight recording, say) run.
   */
  private void onShutdown() {
    if (exiting) {
      return;
    }
    stop.set(true);
    boolean finished = false;
    try {
      finished = done.await(GRACE.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!finished) {
      // the user is told why the exit code is 1 and no report came
      say("the run did not stop within " + GRACE.toSeconds() + " s of the signal (a write"
          + " blocked on a stalled reader or a hung disk): exiting without the report");
      err.flush();
    }
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(finished ? exitCode : IO_FAILURE);
  }

  /** Asks a running {@link #execute} to stop cleanly, as SIGTERM does. */
  void requestStop() {
    stop.set(true);
  }

  /**
   * Waits for {@link #execute} to return.
   *
   * @return whether it returned in time
   */
  boolean awaitDone(Duration timeout) throws InterruptedException {
    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Prints a message on standard error, after "loggen: ", with the characters that would act on
   * a terminal escaped ({@link Printable}): messages quote option and configuration values. A
   * progress line on the terminal is cleared first (from any thread: a sink's warnings come
   * from its compressor too), so that the message starts on a line of its own.
   */
  private void say(String message) {
    String line = "loggen: " + Printable.of(message);
    ProgressLine progress = activeProgress;
    if (progress != null) {
      progress.println(line);
    } else {
      err.println(line);
    }
  }

  /** Runs and returns the exit code; never throws for bad input or I/O. */
  int execute(String[] args) {
    int code;
    try {
      code = executeOrThrow(args);
    } catch (UsageException e) {
      say(e.getMessage());
      code = USAGE;
    } catch (ConfigException e) {
      for (ConfigError w : e.warnings()) {
        err.println(w + " (warning)");
      }
      List<ConfigError> errors = e.errors();
      if (errors.isEmpty()) {
        say(e.getMessage());
      } else {
        errors.forEach(err::println);
      }
      code = USAGE;
    } catch (UncheckedIOException | IllegalArgumentException e) {
      say(IoMessages.message(e));
      for (Throwable other : e.getSuppressed()) {
        // another log's failure while closing (error.log on the same full disk): its path and
        // its lost lines are said too (before, only the first failure was, the rest unseen)
        if (other instanceof UncheckedIOException || other instanceof IOException) {
          say(IoMessages.message(other));
        }
      }
      code = IO_FAILURE;
    } catch (OutOfMemoryError e) {
      say(outOfMemory(Runtime.getRuntime().maxMemory()));
      code = IO_FAILURE;
    } catch (RuntimeException | Error e) {
      say("internal error (please report it): " + e);
      e.printStackTrace(err);
      code = IO_FAILURE;
    } finally {
      err.flush();
      out.flush();
    }
    exitCode = code;
    done.countDown();
    return code;
  }

  /**
   * A rate or a traffic level for a notice: grouped, with up to three decimals where the value
   * has them ({@code 2,000}, {@code 0.5}, {@code 12.25}), so that a rate is printed as given;
   * above 0 and below 0.001 to three significant digits ({@code 0.0001}, {@code 1e-10}).
   */
  static String number(double value) {
    return Notices.number(value);
  }

  /**
   * What to do when the heap runs out: not a bug to report but a run too large for the heap. A
   * simulated run holds the sessions under way, each simulated whole with its requests until
   * they are written, so its memory grows with the traffic level and the sessions' length, not
   * with the line count.
   */
  static String outOfMemory(long maxHeapBytes) {
    return "out of memory: the Java heap (at most " + (maxHeapBytes >> 20) + " MiB) cannot hold"
        + " the sessions under way at this traffic level (each session is simulated whole and"
        + " held with its requests until they are written, so memory grows with the sessions per"
        + " hour and their length, not with the number of lines); give Java a larger heap (java"
        + " -Xmx" + largerHeapGib(maxHeapBytes) + "g -jar loggen.jar ...), or lower the traffic"
        + " (--sessions-per-hour, or traffic.sessionsPerHour in the configuration) or the"
        + " sessions' length (session.maxDuration, session.maxRequests)";
  }

  /** A heap to suggest, in GiB: twice {@code maxHeapBytes}, rounded up, and at least 4. */
  static long largerHeapGib(long maxHeapBytes) {
    long gib = 1L << 30;
    long twice = maxHeapBytes > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : 2 * maxHeapBytes;
    return Math.max(4, twice / gib + (twice % gib == 0 ? 0 : 1));
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.toString() : m;
  }

  private int executeOrThrow(String[] args) throws UsageException {
    Options o = Options.parse(args);
    if (o.help) {
      out.print(Options.help());
      return OK;
    }
    if (o.version) {
      out.println("loggen " + version());
      return OK;
    }
    Plan plan;
    try {
      plan = plan(o);
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      // planning reads nothing but the configuration: whatever it rejects is a usage error
      throw new UsageException(message(e), e);
    }
    return runPlan(plan);
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.1.0-SNAPSHOT (classes)";
  }

  // ---- planning: everything is checked before anything is written ----------------------------

  /** What a run does, fully resolved and checked. */
  private record Plan(Instant now, boolean live, LogGenerator generator, boolean randomSeed,
      LogFormat format, @Nullable LogFormat errorFormat, @Nullable Path directory,
      RotationSettings rotation, OnExisting onExisting, long limit, @Nullable Double rate,
      @Nullable HealthSettings health, @Nullable Path report, boolean reportToStdout,
      boolean quiet, int threads, List<String> notices) {}

  private Plan plan(Options o) throws UsageException {
    List<String> notices = new ArrayList<>();
    LoggenConfig config = config(o);
    for (ConfigError w : config.warnings()) {
      err.println(w + " (warning)");
    }
    boolean cliWindow = o.start != null || o.duration != null || o.count != null;
    boolean live = o.live || (!cliWindow && config.live() != null);
    if (live && config.core().window() != null) {
      notices.add("a live run starts now: the configuration's window is not used (--start or"
          + " --duration give history)");
    }
    if (!o.live && cliWindow && config.live() != null) {
      notices.add("the configuration asks for a live run; the window on the command line makes"
          + " this a simulated run that ends by itself");
    }
    if (o.rate != null && !live) {
      throw new UsageException("--rate applies to live runs: add --live (a simulated run"
          + " writes as fast as it can)");
    }
    if (live && o.start != null && o.duration != null) {
      throw new UsageException("--live goes on from now: give --start (history from then) or"
          + " --duration (that much history), not both");
    }

    CoreSettings core = config.core();
    boolean randomSeed = o.seed == null && core.seed() == null;
    long seed = o.seed != null ? o.seed : core.seed() != null ? core.seed()
        : new SecureRandom().nextLong() >>> 1;
    core = core.withSeed(seed);
    if (o.profile != null) {
      core = core.withSite(Sites.named(o.profile));
    }
    Traffic traffic = core.traffic() != null ? core.traffic() : Traffic.sessionsPerHour(2_000);
    if (o.sessionsPerHour != null) {
      traffic = traffic.withSessionsPerHour(o.sessionsPerHour);
    }
    core = core.withTraffic(traffic);

    // the window
    Instant start;
    Duration duration;
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (live) {
      if (o.start != null) {
        start = o.start;
        if (start.isAfter(now.plus(MAX_LIVE_WAIT))) {
          // a live run waits for a start ahead of now: a start years ahead is a mistake
          throw new UsageException("--start " + start + " is more than "
              + MAX_LIVE_WAIT.toDays() + " days ahead: a live run waits for its start; give a"
              + " start within that, or drop --live to simulate that time at once");
        }
      } else if (o.duration != null) {
        start = now.minus(o.duration);
      } else if (config.live() != null) {
        start = now.minus(config.live().backfill());
      } else {
        start = now;
      }
      duration = null;
    } else {
      start = o.start != null ? o.start : core.window() != null ? core.window().start()
          : previousDay(now);
      if (o.duration != null) {
        duration = o.duration;
      } else if (o.count != null && core.window() == null) {
        duration = null; // a line limit alone: the window has no end
      } else {
        duration = core.window() != null ? core.window().duration()
            : LogGenerator.DEFAULT_DURATION;
      }
    }
    // scenarios and bursts keep their place in the file's window, or count from the start
    core = core.movedTo(new CoreSettings.Window(start, duration));

    // format
    FormatSettings fs = config.format();
    LogFormat format;
    if (o.format != null) {
      try {
        format = FormatConfig.parse(o.format);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--format: " + e.getMessage());
      }
    } else {
      format = fs.formatOrDefault();
    }
    ErrorFormat errorKind = fs.errorFormat() != null ? fs.errorFormat()
        : ErrorFormat.defaultFor(format);

    // output
    OutputSettings output = config.output();
    String dirText = o.output != null ? o.output
        : output.directory() != null ? output.directory() : DEFAULT_DIRECTORY;
    boolean stdout = OutputSettings.STDOUT.equals(dirText);
    String override = env.getOrDefault(LegacyConfig.ENV_DIR_OVERRIDE, "");
    String dirFrom = o.output != null ? "--output " + o.output
        : !override.isBlank() ? LegacyConfig.ENV_DIR_OVERRIDE + " " + dirText
        : output.directory() != null ? "output.directory " + dirText
        : "the default output directory " + dirText;
    RotationSettings rotation = rotation(o, output, stdout, dirFrom,
        config.legacy() ? "output.log_rotation" : "output.rotation");
    List<String> unused = new ArrayList<>(); // the file's settings that only files use
    if (output.rotation() != null && (!config.legacy() || output.rotation().rotates())) {
      unused.add(config.legacy() ? "output.log_rotation" : "output.rotation");
    }
    if (output.onExisting() != null) {
      unused.add("output.onExisting");
    }
    if (fs.errorFormat() != null && fs.errorFormat() != ErrorFormat.NONE) {
      unused.add("errorFormat"); // standard output takes the access log alone
    }
    if (stdout && !unused.isEmpty()) {
      boolean one = unused.size() == 1;
      String last = unused.remove(unused.size() - 1);
      notices.add("the configuration's " + (one ? "" : String.join(", ", unused) + " and ")
          + last + (one ? " applies" : " apply") + " to files; the access log goes to stdout, so "
          + (one ? "it is" : "they are") + " not used");
    }
    Path directory = stdout ? null : workingDir.resolve(dirText);
    if (directory != null && Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new UsageException("output directory " + dirText + " is a file, not a directory");
    }
    LogFormat errorFormat = stdout ? null : errorKind.format();
    List<String> logs = errorFormat == null ? List.of("access") : List.of("access", "error");
    OnExisting onExisting = output.onExisting() != null ? output.onExisting()
        : OnExisting.APPEND;
    for (String log : directory == null ? List.<String>of() : logs) {
      // found before either log is opened: a run refused for one log leaves no new other one
      Path file = directory.resolve(log + ".log");
      if (Files.isDirectory(file)) {
        throw new UsageException(dirFrom + ": " + file + " is a directory, where the " + log
            + " log is to be written: remove it, or choose another --output");
      }
      if (onExisting == OnExisting.FAIL && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new UsageException(dirFrom + ": " + file + " already exists and"
            + " output.onExisting is fail: remove it, set output.onExisting to append or"
            + " truncate, or choose another --output");
      }
      if (Files.exists(file) && !Files.isWritable(file)) {
        throw new UsageException(dirFrom + ": " + file + " is not writable, where the " + log
            + " log is to be written: give it write permission, remove it, or choose another"
            + " --output");
      }
      try { // whatever else opening the log would refuse (a device, a pipe, a dangling link)
        fileSinkBuilder(rotation, onExisting, file, log).checkFileSystem();
      } catch (IllegalArgumentException e) {
        throw new UsageException(dirFrom + ": the " + log + " log cannot be written: "
            + e.getMessage() + " (" + advice(String.valueOf(e.getMessage())) + ")", e);
      }
    }

    // live rate, health, report
    Double rate = live ? (o.rate != null ? o.rate
        : config.live() != null ? config.live().rate() : null) : null;
    HealthSettings health = health(o, config);
    boolean reportToStdout = OutputSettings.STDOUT.equals(o.report);
    if (reportToStdout && stdout) {
      throw new UsageException("--report - and " + dirFrom + " would both write to stdout:"
          + " give --report a file name");
    }
    Path report = reportToStdout ? null : report(o);
    if (report != null && directory != null) {
      for (String log : logs) {
        Path file = directory.resolve(log + ".log");
        if (sameFile(report, file)) {
          throw new UsageException("--report " + o.report + " and " + dirFrom + " name the same"
              + " file, " + realPath(file) + ": the report would replace the " + log + " log;"
              + " give --report another file name");
        }
        Path real = realPath(workingDir.resolve(report));
        if (real.getParent() != null && real.getParent().equals(realPath(directory))
            && real.getFileName().toString().startsWith(log + ".log.")) {
          throw new UsageException("--report " + o.report + " is named like an archive of the "
              + log + " log in " + dirFrom + " (" + log + ".log.*): rotation and --keep manage"
              + " those names; give --report another file name");
        }
      }
    }
    Path configFile = report == null ? null : ConfigSource.fromEnvironment(env,
        o.config == null ? null : Path.of(o.config)).map(ConfigSource::file).orElse(null);
    if (configFile != null && sameFile(report, configFile)) {
      throw new UsageException("--report " + o.report + " names the configuration file, "
          + realPath(workingDir.resolve(configFile)) + ": the report would replace it; give"
          + " --report another file name");
    }
    int threads = o.threads != null ? o.threads : live ? 1 : defaultThreads();
    if (live && threads > 1) {
      notices.add("--threads applies to simulated runs; a live run writes on one thread");
    }

    LogGenerator.Builder builder = core.toBuilder();
    if (rate != null && o.sessionsPerHour == null) {
      double perHour = calibrate(core, start, rate);
      LogGenerator.Builder b = core.withTraffic(core.traffic().withSessionsPerHour(perHour)
          .flat()).toBuilder();
      builder = b;
      notices.add(String.format(Locale.ROOT, "%s lines/s: traffic set to %s sessions per"
          + " hour, flat (--sessions-per-hour to choose)%s", number(rate),
          number(perHour >= 10 ? Math.rint(perHour) : perHour),
          perHour >= MAX_CALIBRATED_SESSIONS_PER_HOUR ? "; sessions are compressed in time to"
              + " reach the rate" : ""));
    }
    LogGenerator generator;
    try {
      generator = builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(Notices.windowByOptions(e.getMessage(), o.start != null,
          o.duration != null), e);
    }
    Notices.outsideTheWindow(generator).forEach(w -> say(w + " (warning)"));
    String warmUp = warmUpNotice(generator);
    if (warmUp != null) {
      notices.add(warmUp);
    }
    notices.add(0, describe(generator, now, live, rate, randomSeed, format, directory,
        dirText, threads, o));
    return new Plan(now, live, generator, randomSeed, format, errorFormat, directory, rotation,
        onExisting, o.count != null ? o.count : Long.MAX_VALUE, rate, health, report,
        reportToStdout, o.quiet, threads, notices);
  }

  /**
   * Why a run at a high traffic level is silent at first, or null when its first line comes
   * soon: it simulates the sessions arriving in the longest session length before its start
   * (their expected number: the traffic's rate averaged over that time) before that line.
   */
  static @Nullable String warmUpNotice(LogGenerator g) {
    long end = g.start().toEpochMilli();
    long span = g.sessions().maxDuration().toMillis();
    int steps = 12;
    double rate = 0;
    for (int i = 0; i < steps; i++) {
      rate += g.traffic().rateAt(end - span + (2 * i + 1) * span / (2L * steps)) / steps;
    }
    double sessions = rate * span / 3_600_000.0;
    if (sessions < LONG_WARM_UP_SESSIONS) {
      return null;
    }
    return String.format(Locale.ROOT, "the first line comes after the sessions of the %s before"
        + " the window are simulated (about %s sessions; those still under way at its start"
        + " belong in it): at this traffic level that takes a while",
        g.sessions().maxDuration().toString().substring(2).toLowerCase(Locale.ROOT),
        number(Math.rint(sessions)));
  }

  /**
   * The number of threads a simulated run uses when {@code --threads} is not given: one per core
   * the JVM may use, at most 256. The output does not depend on it.
   */
  static int defaultThreads() {
    return Math.max(1, Math.min(256, Runtime.getRuntime().availableProcessors()));
  }

  private static Instant previousDay(Instant now) {
    return now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1).atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  private static String describe(LogGenerator g, Instant now, boolean live,
      @Nullable Double rate,
      boolean randomSeed, LogFormat format, @Nullable Path directory, String dirText,
      int threads, Options o) {
    StringBuilder sb = new StringBuilder();
    sb.append("seed ").append(g.seed()).append(randomSeed ? " (random)" : "");
    if (live) {
      sb.append(", live from ").append(g.start().isBefore(now)
          ? g.start() + " (history first, then real time)" : g.start());
      sb.append(rate != null ? " at " + number(rate) + " lines/s"
          : " at the traffic's own pace");
    } else {
      sb.append(", window ").append(g.start()).append(" to ")
          .append(g.duration() == null ? "open end" : g.start().plus(g.duration()));
    }
    sb.append(", site ").append(g.site().name()).append(", format ").append(format.name());
    sb.append(directory == null ? ", access log to stdout" : ", into " + dirText
        + (dirText.endsWith("/") ? "" : "/"));
    if (!live) {
      sb.append(", on ").append(threads).append(threads == 1 ? " thread" : " threads");
    }
    if (randomSeed) {
      sb.append("; repeat with --seed ").append(g.seed());
      if (!live && o.start == null) {
        sb.append(" --start ").append(g.start());
      }
    }
    return sb.toString();
  }

  private LoggenConfig config(Options o) throws UsageException {
    Optional<ConfigSource> source = ConfigSource.fromEnvironment(env,
        o.config == null ? null : Path.of(o.config));
    if (source.isEmpty()) {
      return new LoggenConfig("none", CoreSettings.EMPTY, FormatSettings.EMPTY,
          LoggenConfig.withDirOverride(OutputSettings.EMPTY, env, o.output), null, null, false,
          List.of());
    }
    ConfigSource s = source.get();
    if (o.config != null && (s.file() == null || !sameFile(s.file(), Path.of(o.config)))) {
      // the old tool's order: its variables win over the file named on the command line
      say((s.file() != null ? LegacyConfig.ENV_PATH : s.name())
          + " is set and gives the configuration (the old tool's order): --config " + o.config
          + " is not read (warning)");
    }
    ConfigNode root;
    if (s.file() != null) {
      Path file = workingDir.resolve(s.file());
      String fromEnv = env.getOrDefault(LegacyConfig.ENV_PATH, "").isBlank() ? ""
          : " (from " + LegacyConfig.ENV_PATH + ")"; // it wins over --config
      try {
        // from the path, so that a file over the limit is refused from its size, unread
        root = YamlConfig.load(file, s.name());
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof NoSuchFileException) {
          throw new UsageException("configuration file " + s.name() + fromEnv
              + " does not exist");
        }
        throw new UsageException("cannot read configuration file " + s.name() + fromEnv + ": "
            + IoMessages.reason(e.getCause()), e);
      }
    } else {
      root = YamlConfig.parse(Objects.requireNonNull(s.text()), s.name());
    }
    if (o.profile != null && LegacyConfig.isLegacy(root)) {
      // the old tool's settings are the shop's (its error rates name shop pages): a profile
      // would drop them without a word
      throw new UsageException("--profile cannot replace the site of " + s.name()
          + ", a file of the old tool: its error rates, pages and landing paths describe the"
          + " shop; drop --profile, or give the settings in a loggen configuration");
    }
    return LoggenConfig.read(root, env, o.output, new CoreConfig.Instead(
        o.profile != null ? Sites.named(o.profile) : null, o.sessionsPerHour, o.start));
  }

  /**
   * What to do about a log the file system refuses, for {@code reason} from the sink's check:
   * a directory without write permission needs it (before, every reason was told to remove the
   * path, the directory too); the rest (a device, a pipe, a dangling link) is in the way.
   */
  static String advice(String reason) {
    return reason.startsWith("directory ") && reason.endsWith(" is not writable")
        ? "give it write permission, or choose another --output"
        : "remove it, or choose another --output";
  }

  /** Whether two paths (relative ones to the working directory) name one file, or would. */
  private boolean sameFile(Path a, Path b) {
    return realPath(workingDir.resolve(a)).equals(realPath(workingDir.resolve(b)));
  }

  /**
   * The path without symbolic links, {@code .} or {@code ..}: the file's real path when it
   * exists, else {@link ActiveFile#physical} (its directory resolved as the OS does, as the
   * sink writing it resolves it).
   */
  private static Path realPath(Path p) {
    Path abs = p.toAbsolutePath();
    try {
      // not normalized first: "link/.." is the link's parent's, as the OS and the sink see it
      return Files.exists(abs) ? abs.toRealPath() : ActiveFile.physical(abs);
    } catch (IOException e) {
      return abs.normalize(); // nothing to resolve then
    }
  }

  /**
   * The rotation: the file's, with the command line's options on top.
   *
   * @param stdoutFrom where the standard output as the log's place comes from (for messages)
   * @param key the file's rotation key (for messages)
   */
  private static RotationSettings rotation(Options o, OutputSettings output, boolean stdout,
      String stdoutFrom, String key) throws UsageException {
    boolean flags = o.rotateSize != null || o.rotateTime != null || o.gzip || o.noGzip
        || o.keep != null;
    if (stdout) {
      if (flags) {
        throw new UsageException("rotation options apply to files, and " + stdoutFrom
            + " writes the access log to stdout");
      }
      return RotationSettings.NONE;
    }
    RotationSettings r = output.rotation() != null ? output.rotation() : DEFAULT_ROTATION;
    if (o.rotateSize != null) {
      r = r.withSize(o.rotateSize.equalsIgnoreCase("none") ? null
          : DataSize.parse(o.rotateSize));
    }
    if (o.rotateTime != null) {
      Duration time = switch (o.rotateTime) {
        case "none" -> null;
        case "hourly" -> Duration.ofHours(1);
        case "daily" -> Duration.ofDays(1);
        case "weekly" -> Duration.ofDays(7);
        default -> Values.optionDuration(o.rotateTime);
      };
      if (time != null) {
        try {
          RotationSettings.NONE.withTime(time).check();
        } catch (IllegalArgumentException | IllegalStateException e) {
          throw new UsageException("--rotate-time: a period must divide a day evenly (such as"
              + " 15m or 6h) or be whole days (such as 2d) (got '" + o.rotateTime + "')", e);
        }
      }
      r = r.withTime(time);
    }
    if (o.gzip) {
      r = r.withGzip(true);
    } else if (o.noGzip) {
      r = r.withGzip(false);
    }
    if (o.keep != null) {
      r = r.withKeep(o.keep);
    }
    if (!r.rotates()) {
      if (o.gzip || o.keep != null) {
        String off = o.rotateSize != null && o.rotateTime != null
            ? "--rotate-size none with --rotate-time none turns it off"
            : o.rotateSize != null ? "--rotate-size none turns it off, and the configuration's "
                + key + " gives no time"
            : o.rotateTime != null ? "--rotate-time none turns it off, and the configuration's "
                + key + " gives no size"
            : "the configuration's " + key + " turns it off";
        throw new UsageException((o.gzip ? "--gzip" : "--keep") + " needs rotation, and " + off);
      }
      r = RotationSettings.NONE;
    }
    try {
      r.check();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // the file's rotation was checked when it was read: the options given made it wrong
      List<String> given = new ArrayList<>();
      if (o.rotateSize != null) {
        given.add("--rotate-size " + o.rotateSize);
      }
      if (o.rotateTime != null) {
        given.add("--rotate-time " + o.rotateTime);
      }
      if (o.gzip || o.noGzip) {
        given.add(o.gzip ? "--gzip" : "--no-gzip");
      }
      if (o.keep != null) {
        given.add("--keep " + o.keep);
      }
      String from = output.rotation() == null || given.isEmpty() ? "rotation"
          : "the configuration's " + key + " with " + String.join(", ", given);
      throw new UsageException(from + ": " + String.valueOf(e.getMessage())
          .replace("but gzip() was set", "but gzip is on"), e);
    }
    return r;
  }

  private static @Nullable HealthSettings health(Options o, LoggenConfig config)
      throws UsageException {
    if (o.healthBind != null) {
      String problem = HealthSettings.problem(o.healthBind);
      if (problem != null) {
        throw new UsageException("--health-bind: " + problem);
      }
    }
    HealthSettings fromFile = config.health();
    if (o.healthPort != null) {
      String bind = o.healthBind != null ? o.healthBind
          : fromFile != null ? fromFile.bind() : HealthSettings.LOOPBACK;
      return new HealthSettings(o.healthPort, bind);
    }
    if (o.healthBind != null) {
      if (fromFile == null) {
        throw new UsageException("--health-bind needs --health-port");
      }
      return new HealthSettings(fromFile.port(), o.healthBind);
    }
    return fromFile;
  }

  private @Nullable Path report(Options o) throws UsageException {
    if (o.report == null) {
      return null;
    }
    // its directory as the OS resolves it ("link/.." is the link's target's parent), as the
    // logs' is (before, "link/.." was dropped as text, and the report went elsewhere)
    Path p = reportTarget(ActiveFile.physical(workingDir.resolve(o.report)), o.report);
    Path parent = p.getParent();
    if (Files.isDirectory(p)) {
      throw new UsageException("--report: " + o.report + " is a directory; give a file name");
    }
    if (parent == null || !Files.isDirectory(parent)) {
      throw new UsageException("--report: directory " + (parent == null ? o.report : parent)
          + " does not exist");
    }
    try { // the report is written last: find out now that it can be
      Files.delete(Files.createTempFile(parent, ".loggen-", ".tmp"));
    } catch (IOException e) {
      throw new UsageException("--report: cannot create a file in directory " + parent + ": "
          + IoMessages.reason(e), e);
    }
    return p;
  }

  /**
   * Where the report given as {@code p} (absolute) goes: {@code p}, or when it is a symbolic
   * link, the file it points to (through every link, a dangling one's too), so that the link is
   * written through rather than replaced. The target of a dangling link is named with its
   * directory's real path when that directory exists.
   *
   * @param given the path as given, for messages
   */
  private static Path reportTarget(Path p, String given) throws UsageException {
    if (!Files.isSymbolicLink(p)) {
      return p;
    }
    try {
      if (Files.exists(p)) {
        return p.toRealPath();
      }
      Path q = p;
      for (int i = 0; i < 40 && Files.isSymbolicLink(q); i++) {
        // the link's own directory exists: its real path makes a target's ".." exact
        Path dir = Objects.requireNonNull(q.getParent(), "a link's directory");
        q = dir.toRealPath().resolve(Files.readSymbolicLink(q));
      }
      if (Files.isSymbolicLink(q)) {
        throw new UsageException("--report: " + given + ": too many levels of symbolic links"
            + " (a loop?)");
      }
      return ActiveFile.physical(q); // a dangling link's target: its directory resolved
    } catch (IOException e) {
      throw new UsageException("--report: cannot follow the symbolic link " + given + ": "
          + IoMessages.reason(e), e);
    }
  }

  /**
   * The most sessions per hour a live run's rate sets (about 165 lines per second of the shop):
   * the simulation keeps every running session's requests in memory and warms up on the hour
   * before its start, so more sessions cost memory and start-up time. Above it, a rate is met
   * by running the simulation faster than the wall clock (sessions are compressed in time).
   */
  static final double MAX_CALIBRATED_SESSIONS_PER_HOUR = 40_000;

  /**
   * The sessions per hour at which the simulation writes {@code rate} lines per second on
   * average with flat traffic (at most {@link #MAX_CALIBRATED_SESSIONS_PER_HOUR}): measured on
   * the second half of one simulated hour (the first half warms up), at most 400,000 lines.
   */
  static double calibrate(CoreSettings core, Instant start, double rate) {
    double base = core.traffic().sessionsPerHour();
    LogGenerator g = core.withTraffic(core.traffic().flat())
        .withWindow(new CoreSettings.Window(start, Duration.ofHours(1))).toBuilder().build();
    long half = start.toEpochMilli() + 30 * 60_000L;
    long inHalf = 0;
    long first = Long.MIN_VALUE;
    long last = 0;
    long total = 0;
    Iterator<AccessEvent> it = g.iterator();
    while (it.hasNext() && total < 400_000) {
      long t = it.next().epochMillis();
      total++;
      if (t >= half) {
        if (first == Long.MIN_VALUE) {
          first = t;
        }
        last = t;
        inHalf++;
      }
    }
    double natural;
    if (inHalf > 100 && last > first) {
      natural = inHalf * 1000.0 / Math.max(1, total < 400_000 ? 30 * 60_000L : last - first);
    } else if (total > 0 && last > 0) {
      natural = total * 1000.0 / Math.max(1, last - start.toEpochMilli());
    } else {
      natural = base / 3600 * 30; // about 30 requests per session
    }
    double perHour = base * rate / natural;
    return Math.max(0.01, Math.min(perHour, MAX_CALIBRATED_SESSIONS_PER_HOUR));
  }

  // ---- running ---------------------------------------------------------------------------------

  private int runPlan(Plan plan) {
    if (!plan.quiet()) {
      plan.notices().forEach(this::say);
    } else if (plan.randomSeed()) {
      say(plan.notices().get(0));
    }
    HealthState health = new HealthState(clock, healthNanos != null ? healthNanos : nanos,
        stallAfter);
    healthState = health;
    HealthServer server = null;
    if (plan.health() != null) {
      server = HealthServer.start(plan.health(), health);
      if (!plan.quiet() || plan.health().port() == 0) { // any free port: the only way to know
        err.println("loggen: health on http://" + hostForUrl(plan.health().bind()) + ":"
            + server.port() + "/health");
      }
      healthStarted.accept(server.port());
    }
    try {
      return runAndReport(plan, health);
    } finally {
      activeProgress = null;
      if (server != null) {
        server.close();
      }
    }
  }

  private static String hostForUrl(String bind) {
    return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
  }

  private int runAndReport(Plan plan, HealthState health) {
    boolean stdout = plan.directory() == null;
    LiveWriter liveWriter = plan.live() ? LiveWriter.of(plan.generator()) : null;
    LineSink access;
    LineSink errors = null;
    if (stdout) {
      access = out == System.out ? Sinks.stdout()
          : StreamSink.of(out, StreamSink.DEFAULT_BUFFER, false);
    } else {
      Path dir = Objects.requireNonNull(plan.directory());
      Path accessPath = dir.resolve("access.log");
      Path errorPath = dir.resolve("error.log");
      RotatingFileSink.Builder accessLog = fileSink(plan, accessPath, "access", liveWriter);
      if (plan.errorFormat() == null) {
        access = open(accessLog).get(0);
      } else {
        // both locks before either log is emptied: an error.log another loggen writes refuses
        // the run while access.log is still as it was
        List<RotatingFileSink> logs =
            open(accessLog, fileSink(plan, errorPath, "error", liveWriter));
        access = logs.get(0);
        errors = errorSinkDecorator.apply(logs.get(1));
      }
    }
    MonitoredSink monitored = new MonitoredSink(sinkDecorator.apply(access), health);
    long windowStart = plan.generator().start().toEpochMilli();
    long windowEnd = plan.generator().duration() == null ? Long.MAX_VALUE
        : windowStart + plan.generator().duration().toMillis();
    ProgressLine progress = terminal && !plan.quiet() && !stdout
        ? new ProgressLine(err, nanos, windowStart, windowEnd, plan.limit()) : null;
    activeProgress = progress;
    Report report;
    AtomicBoolean stopped = new AtomicBoolean(); // by a signal, while lines were still due
    BooleanSupplier stopping = () -> {
      // asked after each simulated minute of the warm-up too, which writes nothing for half a
      // minute and more at millions of sessions an hour: alive, not stalled (it was 503)
      health.heartbeat();
      boolean s = stop.get();
      if (s) {
        stopped.set(true);
      }
      return s;
    };
    try {
      if (liveWriter != null) {
        report = runLive(plan, liveWriter, monitored, errors, health, progress, stopping);
      } else {
        report = runSimulated(plan, monitored, errors, health, progress, stopping);
      }
    } catch (RuntimeException e) {
      health.failed(e);
      if (progress != null) {
        progress.clear();
      }
      throw e;
    } finally {
      health.phase(HealthState.Phase.STOPPED);
    }
    if (progress != null) {
      progress.clear();
    }
    // a run with an end (its window's, or a line count) that stopped before it: still exit 0
    // (SIGTERM is how a run is stopped; head closes the pipe when it has its lines)
    boolean bounded = plan.generator().duration() != null || plan.limit() != Long.MAX_VALUE;
    CutShort cut = !bounded ? null : monitored.readerGone() ? CutShort.READER_GONE
        : stopped.get() && report.lines() < plan.limit() ? CutShort.SIGNAL
        : plan.generator().duration() == null && report.lines() < plan.limit()
            ? CutShort.END_OF_TIME : null;
    // stdout carries the access log or the JSON report when given "-"; the table then goes to
    // stderr
    PrintStream table = stdout || plan.reportToStdout() ? err : out;
    if (!plan.quiet()) {
      table.print(header(plan, report, cut) + report);
      table.flush();
    }
    if (plan.reportToStdout()) {
      out.print(reportJson(plan, report, cut));
      out.flush();
    } else if (plan.report() != null) {
      writeReport(plan, report, cut);
    }
    return OK;
  }

  /** Why a run ended before its window's end or its line count. */
  private enum CutShort {
    SIGNAL("signal", "stopped by a signal: SIGTERM, SIGINT or SIGHUP"),
    READER_GONE("reader gone", "the reader of the access log went away"),
    /** A window without end runs out at the last time the formats print. */
    END_OF_TIME("end of time", "the last time the formats print, the end of the year 9999,"
        + " was reached");

    final String json;
    final String words;

    CutShort(String json, String words) {
      this.json = json;
      this.words = words;
    }
  }

  /** A log's sink as the settings make it; {@link #fileSink} adds what a run needs. */
  private static RotatingFileSink.Builder fileSinkBuilder(RotationSettings rotation,
      OnExisting onExisting, Path path, String name) {
    return onExisting.applyTo(rotation.applyTo(FileSinks.rotating(path), name));
  }

  private RotatingFileSink.Builder fileSink(Plan plan, Path path, String name,
      @Nullable LiveWriter live) {
    RotatingFileSink.Builder b = fileSinkBuilder(plan.rotation(), plan.onExisting(), path,
        name);
    b.warnings(this::say);
    if (live != null) {
      // wall-clock rotation once live; patient retries, so a full disk for a minute is ridden
      // out (the health endpoint says "stalled" meanwhile) rather than ending the run
      b.timeSource(TimeSource.WALL).clock(live.rotationClock()).retry(8, Duration.ofSeconds(1));
    }
    return b;
  }

  /** The advice of a sink refusing a file another sink holds, which is for code. */
  private static final String SINK_ADVICE = "; a RotatingFileSink owns its file";

  private static List<RotatingFileSink> open(RotatingFileSink.Builder... logs) {
    try {
      return RotatingFileSink.openAll(logs);
    } catch (IllegalStateException e) {
      // another loggen holds a file's lock: the file cannot be written now, an I/O failure
      // (exit 1) in the sink's words, not an internal error; the sink's advice is for code
      // (one sink per file), so a run gets the command line's
      String m = String.valueOf(e.getMessage());
      int advice = m.indexOf(SINK_ADVICE);
      if (advice >= 0) {
        m = m.substring(0, advice) + "; stop that run, or give this one another --output";
      }
      throw new UncheckedIOException(m, new IOException(m, e));
    }
  }

  private Report runSimulated(Plan plan, LineSink access, @Nullable LineSink errors,
      HealthState health, @Nullable ProgressLine progress, BooleanSupplier stopping) {
    LogWriter w = plan.generator().writer().format(plan.format()).to(access);
    if (errors != null) {
      w.errors(Objects.requireNonNull(plan.errorFormat()), errors);
    }
    if (plan.limit() != Long.MAX_VALUE) {
      w.limit(plan.limit());
    }
    if (plan.threads() > 1) {
      w.threads(plan.threads()); // the same bytes, generated and rendered on more cores
    }
    w.stopWhen(stopping);
    w.progress((lines, t) -> {
      health.heartbeat();
      if (progress != null) {
        progress.update(lines, t);
      }
    });
    health.phase(HealthState.Phase.BACKFILL);
    Report r = w.run();
    health.phase(HealthState.Phase.STOPPING);
    return r;
  }

  private Report runLive(Plan plan, LiveWriter w, MonitoredSink access,
      @Nullable LineSink errors, HealthState health, @Nullable ProgressLine progress,
      BooleanSupplier stopping) {
    w.format(plan.format()).to(access).stopWhen(stopping).clock(clock).ticker(nanos)
        .historyUntil(plan.now());
    if (errors != null) {
      w.errors(Objects.requireNonNull(plan.errorFormat()), errors);
    }
    if (plan.limit() != Long.MAX_VALUE) {
      w.limit(plan.limit());
    }
    if (plan.rate() != null) {
      w.rate(plan.rate());
    }
    long[] behind = {0};
    w.listener(new LiveWriter.Listener() {
      @Override
      public void behind(long nanos) {
        behind[0] = nanos;
        health.behind(nanos);
      }

      @Override
      public void progress(long lines, long eventMillis) {
        health.heartbeat();
        if (progress != null) {
          progress.update(lines, eventMillis);
        }
      }

      @Override
      public void idle(long lines, long eventMillis) {
        progress(lines, eventMillis);
      }

      @Override
      public void waiting() {
        health.phase(HealthState.Phase.WAITING);
      }

      @Override
      public void live() {
        // the live rate starts from every line written by now: the count health held was the
        // last 1,024-line mark's, and up to 1,023 lines of history counted as live
        if (access.lines() > 0) {
          health.wrote(access.lines());
        }
        health.phase(HealthState.Phase.LIVE);
      }
    });
    // backfill when there is history to write; else still starting while the simulation warms
    // up, until the writer says it waits for the start or goes live
    health.phase(plan.generator().start().isBefore(plan.now()) ? HealthState.Phase.BACKFILL
        : HealthState.Phase.STARTING);
    Report r = w.run();
    health.phase(HealthState.Phase.STOPPING);
    if (behind[0] >= BEHIND_NOTICE.toNanos()) { // a warning: printed with --quiet too
      if (progress != null) {
        progress.clear();
      }
      err.println(String.format(Locale.ROOT, "loggen: the run ended %.1f s behind the"
          + " schedule of %s: this machine did not write that fast (no line was dropped: the"
          + " late ones were written as fast as it could)", behind[0] / 1e9,
          plan.rate() != null ? number(plan.rate()) + " lines/s"
              : "the traffic's own pace"));
    }
    return r;
  }

  private static String header(Plan plan, Report report, @Nullable CutShort cut) {
    LogGenerator g = plan.generator();
    String h = "\nloggen report: seed " + g.seed() + ", site " + g.site().name() + ", format "
        + plan.format().name() + "\n";
    if (cut != null) {
      h += "window cut short at " + (report.lines() == 0 ? g.start()
          : Instant.ofEpochMilli(report.lastMillis())) + " (" + cut.words + "): it was to "
          + (g.duration() != null ? "end at " + g.start().plus(g.duration())
              : "write " + number(plan.limit()) + " lines") + "\n";
    }
    return h;
  }

  private static String reportJson(Plan plan, Report report, @Nullable CutShort cut) {
    LogGenerator g = plan.generator();
    Map<String, @Nullable Object> header = new LinkedHashMap<>();
    header.put("seed", g.seed());
    header.put("mode", plan.live() ? "live" : "simulated");
    header.put("site", g.site().name());
    header.put("format", plan.format().name());
    header.put("windowStart", g.start());
    header.put("windowEnd", g.duration() == null ? null : g.start().plus(g.duration()));
    header.put("cutShort", cut == null ? null : cut.json);
    return report.toJson(header) + "\n";
  }

  private void writeReport(Plan plan, Report report, @Nullable CutShort cut) {
    Path p = Objects.requireNonNull(plan.report());
    String json = reportJson(plan, report, cut);
    Path tmp = p.resolveSibling("." + p.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the report's own failure is what matters
      }
      throw new UncheckedIOException("cannot write the report " + p + ": "
          + IoMessages.reason(e), e);
    }
  }
}
