package dev.loggen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.RunSpec;
import dev.loggen.formats.LogFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SparkMainTest {
  /** Bad usage never gets as far as a SparkSession. */
  private static final Supplier<SparkSession> NO_SPARK = () -> {
    throw new AssertionError("bad usage must not start Spark");
  };

  private record Result(int code, String out, String err) {}

  private static Result run(Supplier<SparkSession> spark, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SparkMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), spark);
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> badUsage() {
    return Stream.of(
        Arguments.of(List.of(), "--output URI is required"),
        Arguments.of(List.of("--output"), "--output needs a value"),
        Arguments.of(List.of("--output", "--gzip"),
            "--output needs a value (got the option --gzip; write --output=VALUE for a value"
                + " that starts with --)"),
        Arguments.of(List.of("--output", "x", "--format", "--seed", "3"),
            "--format needs a value (got the option --seed; write --format=VALUE for a value"
                + " that starts with --)"),
        Arguments.of(List.of("--output", "a:b"), "output \"a:b\" is not a path or URI:"
            + " java.net.URISyntaxException: Relative path in absolute URI: a:b"),
        Arguments.of(List.of("--output", "x", "--slices", "0"), "--slices must be positive (got 0)"),
        Arguments.of(List.of("--output", "x", "--slices", "many"),
            "--slices: expected a number (got 'many')"),
        Arguments.of(List.of("--output", "x", "--slices", "3000000000"),
            "--slices must be between 1 and 2147483647 (got 3000000000)"),
        Arguments.of(List.of("--output", "x", "--slices", "-3000000000"),
            "--slices must be between 1 and 2147483647 (got -3000000000)"),
        Arguments.of(List.of("--output", "x", "--seed", "9223372036854775808"),
            "--seed must be between -9223372036854775808 and 9223372036854775807 (got"
                + " 9223372036854775808)"),
        Arguments.of(List.of("--output", "x", "--seed", "x"),
            "--seed: expected a number (got 'x')"),
        Arguments.of(List.of("--output", "x", "--seed", "1", "--seed", "2"),
            "--seed was given twice"),
        Arguments.of(List.of("--output", "x", "--live"),
            "--live is not supported on Spark (each slice is one file; a run covers a window)"),
        Arguments.of(List.of("--output", "x", "--bogus"), "unknown option --bogus"),
        Arguments.of(List.of("--output", "x", "extra"), "unexpected argument 'extra'"),
        Arguments.of(List.of("--output", "x", "--gzip=yes"), "--gzip takes no value (got 'yes')"),
        Arguments.of(List.of("--output", "x", "--gzip", "--no-gzip"),
            "--gzip and --no-gzip contradict each other"),
        Arguments.of(List.of("--output", "x", "--duration", "1y"),
            "--duration: expected a positive duration such as 90s, 15m, 6h, 1d, 365d or PT6H"
                + " (got '1y')"),
        // The command line's limit (before: "expected a duration such as ...").
        Arguments.of(List.of("--output", "x", "--duration", "9999999999999999d"),
            "--duration: expected a duration of at most 366000d (1000 years) (got"
                + " '9999999999999999d')"),
        Arguments.of(List.of("--output", "x", "--duration", "366001d"),
            "--duration: expected a duration of at most 366000d (1000 years) (got '366001d')"),
        Arguments.of(List.of("--output", "x", "--start", "yesterday"),
            "--start: expected an ISO-8601 instant such as 2026-01-01T00:00:00Z (got"
                + " 'yesterday')"),
        // The option as typed, in the command line's words (before: "profile 'bank' is
        // unknown: expected one of [api, blog, shop]").
        Arguments.of(List.of("--output", "x", "--profile", "Bank"),
            "--profile: 'Bank' is not a built-in site: expected one of api, blog, shop"),
        Arguments.of(List.of("--output", "x", "--sessions-per-hour", "-5"),
            "--sessions-per-hour: expected a positive number up to 240000000 (got '-5')"),
        // The options that set a window past the year 9999, as the command line names them
        // (before: the generator's message alone).
        Arguments.of(List.of("--output", "x", "--start", "9999-12-31T23:00:00Z", "--duration",
            "2h"), "--start, --duration: window must end by the end of the year 9999 (got"
                + " 9999-12-31T23:00:00Z + 2h, which ends at +10000-01-01T01:00:00Z)"),
        Arguments.of(List.of("--output", "x", "--start", "9999-12-31T23:00:00Z"),
            "--start: window must end by the end of the year 9999 (got 9999-12-31T23:00:00Z +"
                + " 1d, which ends at +10000-01-01T23:00:00Z)"),
        Arguments.of(List.of("--output", "x", "--duration", "1m", "--slices", "61"),
            "--slices: expected at most one slice per second of the window, so at most 60 for"
                + " 1m (got '61')"),
        // The option is named, as on the command line (before: the formats' message alone).
        Arguments.of(List.of("--output", "x", "--format", "%h %Z"),
            "--format: invalid Apache LogFormat \"%h %Z\": unknown directive '%Z' at position 4"),
        Arguments.of(List.of("--output", "x", "--format", "fancy"),
            "--format: unknown format 'fancy': expected common, combined, json, ecs, an Apache"
                + " LogFormat string (with % directives, e.g. '%h %l %u %t \"%r\" %>s %b') or an"
                + " nginx log_format string (with $variables, e.g. '$remote_addr [$time_local]"
                + " \"$request\" $status'); on Spark also apache-error, nginx-error, or apache:"
                + " or nginx: before a format string"));
  }

  @ParameterizedTest
  @MethodSource("badUsage")
  void badUsageIsExitCode2WithOneLine(List<String> args, String message) {
    Result r = run(NO_SPARK, args.toArray(String[]::new));
    assertEquals(2, r.code(), r.err());
    assertEquals("loggen-spark: " + message + " (see --help)\n", r.err());
    assertEquals("", r.out());
  }

  /** As the command line reads them. Before: 1D, 1h30m and 1.5h were refused. */
  @Test
  void durationsAreReadAsTheCommandLineReadsThem() {
    assertEquals(Duration.ofDays(1), SparkMain.duration("1D"));
    assertEquals(Duration.ofMinutes(90), SparkMain.duration("1h30m"));
    assertEquals(Duration.ofMinutes(90), SparkMain.duration("1.5h"));
    assertEquals(Duration.ofHours(6), SparkMain.duration("pt6h"));
    assertEquals(Duration.ofMillis(500), SparkMain.duration("500ms"));
    assertEquals(Duration.ofDays(14), SparkMain.duration("2W"));
  }

  /**
   * A value quoted in a message cannot act on the terminal: an escape sequence or a
   * right-to-left override is written as \\uXXXX, as the command line writes it (before, raw).
   */
  @Test
  void messagesQuoteValuesPrintably(@TempDir Path tmp) {
    Result r = run(NO_SPARK, "--output", tmp.toString(), "--format", "x\u001b[31my\u202e");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("loggen-spark: "), r.err());
    assertTrue(r.err().contains("x\\u001B[31my\\u202E"), r.err());
    assertTrue(r.err().chars().noneMatch(c -> c == 0x1b || c == 0x202e), r.err());
  }

  @Test
  void help() {
    Result r = run(NO_SPARK, "--help");
    assertEquals(0, r.code());
    assertEquals(SparkMain.USAGE, r.out());
  }

  @Test
  void badConfigurationIsExitCode2WithItsLocatedErrors(@TempDir Path tmp) throws IOException {
    Path config = tmp.resolve("bad.yaml");
    Files.writeString(config, "seed: 1\ntrafic: {sessionsPerHour: 5}\n");
    Result r = run(NO_SPARK, "--config", config.toString(), "--output", tmp.toString());
    assertEquals(2, r.code(), r.err());
    // The file is named, as the command line names it (before: "config:2:1: ...").
    assertTrue(r.err().startsWith("loggen-spark: " + config + ":2:1: trafic: "), r.err());
    assertTrue(r.err().contains("traffic"), "a suggestion: " + r.err());
  }

  @Test
  void anEndlessWindowIsBadUsageWithOrWithoutSlices(@TempDir Path tmp) throws IOException {
    Path config = tmp.resolve("endless.yaml");
    Files.writeString(config, "seed: 1\nwindow: {duration: endless}\n");
    for (List<String> slices : List.of(List.<String>of(), List.of("--slices", "4"))) {
      List<String> args = new java.util.ArrayList<>(List.of("--config", config.toString(),
          "--output", tmp.resolve("out").toString()));
      args.addAll(slices);
      Result r = run(NO_SPARK, args.toArray(String[]::new));
      assertEquals(2, r.code(), args + ": " + r.err());
      assertEquals("loggen-spark: the window has no end: a run on Spark needs a duration"
          + " (see --help)\n", r.err(), args.toString());
    }
  }

  @Test
  void aFormatMappingInTheConfigurationIsRefusedNotIgnored(@TempDir Path tmp)
      throws IOException {
    // Before: ignored; the run wrote Combined lines and exit 0.
    Path config = tmp.resolve("fmt.yaml");
    Files.writeString(config, "seed: 5\nwindow: {start: 2026-01-01T00:00:00Z, duration: 20m}\n"
        + "format: {nginx: '$remote_addr [$time_local] \"$request\" $status'}\n");
    Result r = run(NO_SPARK, "--config", config.toString(), "--output", tmp.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals("loggen-spark: " + config + ":3:9: format: a run on Spark carries its format"
        + " as one string, and this mapping form is not one: give the format with --format (a"
        + " name, an Apache LogFormat or an nginx log_format string) (see --help)\n", r.err());
    // With --format given, the file's format section is not used.
    Result withFormat = run(NO_SPARK, "--config", config.toString(), "--output",
        tmp.resolve("out").toString(), "--format", "json", "--slices", "0");
    assertEquals(2, withFormat.code(), withFormat.err());
    assertFalse(withFormat.err().contains("format:"), withFormat.err());
  }

  /**
   * A bad format in the configuration is named by its file, line, column and key, as the
   * command line names it. Before: the formats' message alone, naming neither the file nor
   * the key.
   */
  @Test
  void aBadFormatInTheConfigurationIsLocated(@TempDir Path tmp) throws IOException {
    Path config = tmp.resolve("fmt.yaml");
    Files.writeString(config, "seed: 5\nformat: '%h %Z'\n");
    Result r = run(NO_SPARK, "--config", config.toString(), "--output", tmp.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals("loggen-spark: " + config + ":2:9: format: invalid Apache LogFormat \"%h %Z\":"
        + " unknown directive '%Z' at position 4 (see --help)\n", r.err());
  }

  /**
   * A format in the configuration that is neither a string nor the mapping form is refused at
   * its key, as the command line refuses it. Before: ignored, and the run wrote Combined lines
   * with exit code 0.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "format:|2:8: format: expected a string (got an empty value)",
      "format: [json]|2:9: format: expected a string (got a list)"})
  void aFormatThatIsNoStringIsRefusedNotIgnored(String line, String message, @TempDir Path tmp)
      throws IOException {
    Path config = tmp.resolve("fmt.yaml");
    Files.writeString(config, "seed: 5\n" + line + "\n");
    Result r = run(NO_SPARK, "--config", config.toString(), "--duration", "10m", "--output",
        tmp.resolve("out").toString());
    assertEquals(2, r.code(), r.err());
    assertEquals("loggen-spark: " + config + ":" + message + "\n", r.err());
  }

  /** --format wins over the configuration's format, as on the command line. */
  @Test
  void formatWinsOverTheConfigurationsFormat(@TempDir Path tmp) throws IOException {
    runTenMinutes(tmp.resolve("json.yaml"), "seed: 1\ntraffic: {sessionsPerHour: 60}\n"
        + "format: json\n", "--format", "combined", "--no-gzip");
    String first = Files.readString(tmp.resolve("out/access-2026-01-01.log")).lines()
        .findFirst().orElse("");
    assertTrue(first.matches("\\S+ - - \\[01/Jan/2026:00:00:\\d\\d \\+0000\\] \".*"), first);
  }

  @Test
  void aWindowShorterThanASecondIsOneSlice() {
    // Before: "at most 0 for PT0.5S (got 1)": such a window could not run at all.
    RunSpec spec = RunSpec.defaults().withSeed(1)
        .withStart(Instant.parse("2026-01-01T00:00:00Z")).withDuration(Duration.ofMillis(500));
    LoggenSpark.check(spec, 1);
    assertEquals("slices must be at most one per second of the window: at most 1 for PT0.5S"
        + " (got 2)", assertThrows(IllegalArgumentException.class,
            () -> LoggenSpark.check(spec, 2)).getMessage());
  }

  @Test
  void missingConfigurationIsExitCode2(@TempDir Path tmp) {
    Result r = run(NO_SPARK, "--config", tmp.resolve("none.yaml").toString(), "--output", "x");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("loggen-spark: --config: cannot read "), r.err());
  }

  @Test
  void writesARunAndItsManifest(@TempDir Path tmp) throws IOException {
    Path config = tmp.resolve("run.yaml");
    Files.writeString(config, """
        seed: 11
        profile: blog
        format: json
        traffic: {sessionsPerHour: 400}
        """);
    Path out = tmp.resolve("out");
    String uri = out.toUri().toString();
    Result r = run(TestSpark::session, "--config", config.toString(), "--start",
        "2026-06-01T00:00:00Z", "--duration", "2h", "--slices", "2", "--gzip", "--output", uri);
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err(), "the seed comes from the configuration");
    assertTrue(r.out().startsWith("wrote "), r.out());
    assertTrue(r.out().contains(" in 2 files under " + uri + " in "), r.out());
    RunSpec spec = RunSpec.defaults().withConfig(Files.readString(config))
        .withStart(Instant.parse("2026-06-01T00:00:00Z")).withDuration(Duration.ofHours(2))
        .withFormat("json");
    String json = Files.readString(out.resolve(Manifest.FILE_NAME));
    assertTrue(json.contains("\"files\": [\"access-2026-06-01T00.log.gz\"]"), json);
    assertTrue(json.contains("\"files\": [\"access-2026-06-01T01.log.gz\"]"), json);
    assertEquals(List.of("_manifest.json", "access-2026-06-01T00.log.gz",
        "access-2026-06-01T01.log.gz"), Runs.listing(out));
    byte[] expected = Runs.render(spec.toGenerator(), LogFormats.json());
    byte[] got = concat(Runs.read(out.resolve("access-2026-06-01T00.log.gz"), true),
        Runs.read(out.resolve("access-2026-06-01T01.log.gz"), true));
    assertEquals(Runs.sha256(expected), Runs.sha256(got));
    assertTrue(new String(got, 0, 200, StandardCharsets.UTF_8).startsWith("{"), "JSON lines");

    Result again = run(TestSpark::session, "--config", config.toString(), "--output", uri,
        "--duration", "2h", "--slices", "2");
    assertEquals(2, again.code(), again.err());
    assertTrue(again.err().contains("already holds a complete run"), again.err());
  }

  @Test
  void aFailedJobIsExitCode1WithTheCauseNotAnException(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("access-2026-01-01T00-05.log"), "a line of another run\n");
    Result r = run(TestSpark::session, "--seed", "3", "--duration", "10m",
        "--sessions-per-hour", "60", "--slices", "2", "--no-gzip", "--output",
        out.toString());
    assertEquals(1, r.code(), r.err());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("loggen-spark: the run failed: "), r.err());
    assertTrue(first.contains("access-2026-01-01T00-05.log exists with other content"), first);
    // one line: before, Spark's stack trace (some 80 frames) followed it
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(Files.exists(out.resolve(Manifest.FILE_NAME)), "no manifest");
  }

  /** A failure loggen words needs no stack trace; one it did not word (a bug) keeps it. */
  @Test
  void onlyAnUnwordedFailureGetsAStackTrace() {
    RuntimeException spark = new RuntimeException("Job aborted due to stage failure",
        new IllegalStateException("file:/x/access.log exists with other content"));
    assertTrue(SparkMain.saysItAll(spark));
    assertTrue(SparkMain.saysItAll(new RuntimeException("aborted",
        new java.io.UncheckedIOException(new IOException("disk full")))));
    assertFalse(SparkMain.saysItAll(new RuntimeException("aborted",
        new NullPointerException())));
    assertFalse(SparkMain.saysItAll(new RuntimeException("aborted",
        new IllegalStateException())));
  }

  /**
   * An output whose file system cannot be reached: one line that names the output and the
   * cause. Before: "the run failed: Connection refused" (no task had run, and neither the output
   * nor the host was named), then a stack trace of 49 frames.
   */
  @Test
  void anUnreachableOutputIsOneLineNamingIt() {
    TestSpark.session().sparkContext().hadoopConfiguration().set("fs.unreachable.impl",
        UnreachableFileSystem.class.getName());
    Result r = run(TestSpark::session, "--seed", "1", "--duration", "10m", "--output",
        "unreachable://localhost:1/x");
    assertEquals(1, r.code(), r.err());
    assertEquals("loggen-spark: cannot write the run to unreachable://localhost:1/x:"
        + " java.net.ConnectException: Connection refused (test)\n", r.err());
  }

  /**
   * A job whose tasks failed on I/O: the task's message, which names the slice and the file,
   * and no stack trace. Before: the innermost cause alone, then Spark's stack trace.
   */
  @Test
  void aJobThatFailedOnIoIsOneLineNamingTheFile(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    // A directory where the slice's file goes: every attempt's rename fails, and reading the
    // "existing file" back fails too.
    Files.createDirectories(out.resolve("access-2026-01-01.log.gz"));
    Result r = run(TestSpark::session, "--seed", "3", "--duration", "10m",
        "--sessions-per-hour", "60", "--slices", "1", "--output", out.toString());
    assertEquals(1, r.code(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("loggen-spark: the run failed: slice 0: cannot write file:"
        + out + "/access-2026-01-01.log.gz: java.io.IOException: cannot rename "), r.err());
  }

  /**
   * An output that cannot be created or written into is an I/O failure: exit code 1, as the
   * README and the command line have it, one line naming the output. Before: exit code 2, as
   * for bad usage.
   */
  @Test
  void anOutputThatCannotBeCreatedOrWrittenIsExitCode1WithOneLine(@TempDir Path tmp)
      throws IOException {
    Result r = run(TestSpark::session, "--seed", "1", "--duration", "10m", "--output",
        "/proc/loggen-test/out");
    assertEquals(1, r.code(), r.err());
    assertEquals("loggen-spark: output file:/proc/loggen-test/out cannot be created (is its"
        + " parent directory writable?)\n", r.err());
    Path blocked = Files.createDirectories(tmp.resolve("blocked"));
    Files.writeString(blocked.resolve(LoggenSpark.TEMP_DIR), "a file where a directory goes");
    Result w = run(TestSpark::session, "--seed", "1", "--duration", "10m", "--output",
        blocked.toString());
    assertEquals(1, w.code(), w.err());
    assertEquals("loggen-spark: output file:" + blocked + " cannot be written: Parent path is"
        + " not a directory: file:" + blocked + "/_temporary\n", w.err());
  }

  @Test
  void anOutputThatIsAFileIsExitCode2WithOneLine(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");
    Result r = run(TestSpark::session, "--seed", "1", "--duration", "10m", "--output",
        file.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals("loggen-spark: output file:" + file + " is a file, not a directory\n", r.err());
  }

  /**
   * The command line's warnings, before the run. Before: none, and a run whose labelled
   * scenario lay outside its window wrote nothing of it without a word.
   */
  @Test
  void aScenarioOutsideTheWindowIsAWarning(@TempDir Path tmp) throws IOException {
    Result r = runTenMinutes(tmp.resolve("outside.yaml"), """
        seed: 5
        traffic: {sessionsPerHour: 60}
        scenarios:
          - {type: outage, label: db-outage, start: 2026-01-01T10:00:00Z, duration: 15m,
             failureShare: 0.6}
        """, "--start", "2026-03-01T00:00:00Z");
    assertEquals("loggen-spark: scenario db-outage (2026-01-01T10:00:00Z to"
        + " 2026-01-01T10:15:00Z) lies wholly outside the window 2026-03-01T00:00:00Z to"
        + " 2026-03-01T00:10:00Z: no line shows it (warning)\n", r.err());
  }

  /**
   * A file the command line takes runs here too: its keys for the command line alone are
   * ignored, each with a warning. Before: "unknown key 'errorFormat'", exit 2.
   */
  @Test
  void theCommandLinesOwnKeysAreIgnoredWithAWarning(@TempDir Path tmp) throws IOException {
    Path config = tmp.resolve("cli.yaml");
    Result r = runTenMinutes(config, """
        seed: 1
        traffic: {sessionsPerHour: 60}
        errorFormat: nginx
        live: {rate: 10}
        health: {port: 8080}
        """);
    assertEquals(List.of(
        "loggen-spark: " + config + ":3:1: errorFormat: a run of a RunSpec writes one log, in the"
            + " spec's format (on Spark, the format apache-error or nginx-error writes the error"
            + " log alone), so errorFormat is ignored (warning)",
        "loggen-spark: " + config + ":4:1: live: a run of a RunSpec covers its window and ends,"
            + " it does not go on in real time, so live is ignored (warning)",
        "loggen-spark: " + config + ":5:1: health: a run of a RunSpec serves no /health"
            + " endpoint, so health is ignored (warning)"), r.err().lines().toList());
  }

  /**
   * A loggen file's output section means nothing on Spark (--output and --gzip say where and
   * how): ignored with a warning at its key. Before: ignored without a word, so a file asking
   * for "rotation: {gzip: false}" got gzipped files and no hint why.
   */
  @Test
  void anOutputSectionIsIgnoredWithAWarning(@TempDir Path tmp) throws IOException {
    Path config = tmp.resolve("out.yaml");
    Result r = runTenMinutes(config, """
        seed: 1
        traffic: {sessionsPerHour: 60}
        output: {directory: /var/log/shop, rotation: {gzip: false}}
        """);
    assertEquals("loggen-spark: " + config + ":3:1: output: a run on Spark writes one file per"
        + " slice under --output, with --gzip or --no-gzip, so output is ignored (warning)\n",
        r.err());
    assertTrue(Files.exists(tmp.resolve("out/access-2026-01-01.log.gz")),
        Runs.listing(tmp).toString());
  }

  @Test
  void aRandomSeedIsPrinted(@TempDir Path tmp) {
    Result r = run(TestSpark::session, "--duration", "10m", "--sessions-per-hour", "60",
        "--slices", "1", "--output", tmp.resolve("out").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().matches("loggen-spark: seed -?\\d+ \\(give --seed -?\\d+ to repeat this"
        + " run\\)\n"), r.err());
    // gzip is the default, as on the command line (before: access-2026-01-01.log)
    assertTrue(Files.exists(tmp.resolve("out/access-2026-01-01.log.gz")),
        Runs.listing(tmp).toString());
    // one file is a file (before: "in 1 files")
    assertTrue(r.out().contains(" in 1 file under "), r.out());
  }

  /**
   * The files are gzipped unless --no-gzip is given, as the command line's rotated files are.
   * Before: plain unless --gzip was given, and --no-gzip was an unknown option.
   */
  @Test
  void gzipIsTheDefaultAndNoGzipTurnsItOff(@TempDir Path tmp) throws IOException {
    for (String gzip : List.of("", "--no-gzip")) {
      Path out = tmp.resolve(gzip.isEmpty() ? "default" : "plain");
      List<String> args = new ArrayList<>(List.of("--seed", "4", "--duration", "10m",
          "--sessions-per-hour", "60", "--slices", "1", "--output", out.toString()));
      if (!gzip.isEmpty()) {
        args.add(gzip);
      }
      Result r = run(TestSpark::session, args.toArray(String[]::new));
      assertEquals(0, r.code(), r.err());
      String file = gzip.isEmpty() ? "access-2026-01-01.log.gz" : "access-2026-01-01.log";
      assertEquals(List.of(Manifest.FILE_NAME, file), Runs.listing(out));
      assertTrue(Runs.read(out.resolve(file), gzip.isEmpty()).length > 0, file);
    }
  }

  /** --quiet: no summary line; the random seed is still printed. Before: unknown option. */
  @Test
  void quietPrintsNoSummary(@TempDir Path tmp) {
    Result r = run(TestSpark::session, "--quiet", "--duration", "10m", "--sessions-per-hour",
        "60", "--slices", "1", "--output", tmp.resolve("out").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("loggen-spark: seed "), r.err());
    assertTrue(Files.exists(tmp.resolve("out").resolve(Manifest.FILE_NAME)));
  }

  /**
   * Writes {@code yaml} to {@code config} and runs ten minutes of it, with {@code more} options,
   * in one slice into {@code out} beside it; the run must succeed.
   */
  private static Result runTenMinutes(Path config, String yaml, String... more)
      throws IOException {
    Files.writeString(config, yaml);
    List<String> args = new ArrayList<>(List.of("--config", config.toString(), "--duration",
        "10m", "--slices", "1", "--output", config.resolveSibling("out").toString()));
    args.addAll(List.of(more));
    Result r = run(TestSpark::session, args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    return r;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
