package dev.loggen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.RunSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Usage errors name the option as typed and quote the text given, in the command line's words,
 * rather than the spec's field names and reformatted values.
 */
class UsageMessagesTest {
  private record Result(int code, String out, String err) {}

  /** Runs {@code args}, which must not start Spark. */
  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SparkMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), () -> {
          throw new AssertionError("Spark must not start");
        });
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** Runs {@code args} after {@code --output}, which must be refused; the message. */
  static String refused(String... args) {
    List<String> all = new ArrayList<>(List.of("--output", "never-written"));
    all.addAll(List.of(args));
    Result r = run(all.toArray(String[]::new));
    assertEquals(2, r.code(), r.err());
    assertEquals("", r.out());
    return r.err();
  }

  /**
   * Before: "sessionsPerHour must be a positive finite number (got 0.0)", "duration must be
   * positive (got PT0S)", "slices must be at most one per second of the window: at most 86400
   * for PT24H (got 86401)".
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--sessions-per-hour|0|--sessions-per-hour: expected a positive number up to 240000000"
          + " (got '0')",
      "--sessions-per-hour|NaN|--sessions-per-hour: expected a positive number up to 240000000"
          + " (got 'NaN')",
      "--sessions-per-hour|Infinity|--sessions-per-hour: expected a positive number up to"
          + " 240000000 (got 'Infinity')",
      "--sessions-per-hour|240000001|--sessions-per-hour: expected a positive number up to"
          + " 240000000 (got '240000001')",
      "--duration|0s|--duration: expected a positive duration such as 90s, 15m, 6h, 1d, 365d or"
          + " PT6H (got '0s')",
      "--slices|86401|--slices: expected at most one slice per second of the window, so at most"
          + " 86400 for 1d (got '86401')"})
  void theMessageNamesTheOptionAndQuotesTheValue(String option, String value, String message) {
    assertEquals("loggen-spark: " + message + " (see --help)\n",
        option.equals("--duration") ? refused(option, value)
            : refused("--duration", "1d", option, value));
  }

  /** Before: "unknown option --threads", as if the command line had no such option. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--threads=2|--threads is not supported on Spark (Spark's executors run the slices in"
          + " parallel)",
      "--health-bind=0.0.0.0|--health-bind is not supported on Spark (there is no /health"
          + " endpoint; Spark's UI shows the job)",
      "--health-port=8080|--health-port is not supported on Spark (there is no /health"
          + " endpoint; Spark's UI shows the job)"})
  void theCommandLinesOptionsThatMeanNothingOnSparkAreNamedAsSuch(String option,
      String message) {
    assertEquals("loggen-spark: " + message + " (see --help)\n", refused(option));
  }

  /** Before: "unknown option --version". Like --help, it needs no --output. */
  @Test
  void versionPrintsTheVersion() {
    Result r = run("--version");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("loggen-spark ") && r.out().endsWith("\n"), r.out());
    assertEquals(1, r.out().lines().count(), r.out());
  }

  /** Before: "unknown option --quiet"; a flag takes no value. */
  @Test
  void quietIsAFlag() {
    assertEquals("loggen-spark: --quiet takes no value (got 'yes') (see --help)\n",
        refused("--quiet=yes"));
  }

  /**
   * Many slices over a long window are refused at once, or planned in seconds. Before: the
   * plan built a generator per slice, some 2 ms each, so 2,000,000 slices over ten years hung
   * the driver (or ran out of memory) before Spark started, without a message.
   */
  @Test
  void manySlicesAreRefusedOrPlannedQuickly() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      assertEquals("loggen-spark: --slices: expected at most 1000000 slices, one Spark task and"
          + " one file each (got '2000000') (see --help)\n",
          refused("--duration", "3650d", "--slices", "2000000"));
      RunSpec tenYears = RunSpec.defaults().withSeed(1).withDuration(Duration.ofDays(3650));
      LoggenSpark.check(tenYears, LoggenSpark.MAX_SLICES);
      assertEquals("slices must be at most 1000000, one Spark task and one file each (got"
          + " 1000001)", assertThrows(IllegalArgumentException.class,
              () -> LoggenSpark.check(tenYears, LoggenSpark.MAX_SLICES + 1)).getMessage());
    });
  }
}
