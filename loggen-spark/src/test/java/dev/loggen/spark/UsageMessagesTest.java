package dev.loggen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Usage errors name the option as typed and quote the text given, in the command line's words,
 * rather than the spec's field names and reformatted values.
 */
class UsageMessagesTest {
  /** Runs {@code args} after {@code --output}, which must be refused; the message. */
  static String refused(String... args) {
    List<String> all = new ArrayList<>(List.of("--output", "never-written"));
    all.addAll(List.of(args));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SparkMain.run(all.toArray(String[]::new), new PrintStream(out),
        new PrintStream(err, true, StandardCharsets.UTF_8), () -> {
          throw new AssertionError("bad usage must not start Spark");
        });
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, code, message);
    return message;
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
}
