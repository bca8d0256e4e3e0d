package dev.loggen.core.internal;

import dev.loggen.core.LogGenerator;
import dev.loggen.core.Scenario;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a run tells its user about a generator before it writes, in the same words wherever it
 * runs: the command-line generator and {@link dev.loggen.core.RunSpec#warnings()} (and so
 * loggen-spark) both use these.
 */
public final class Notices {
  private Notices() {}

  /**
   * The refusal of a {@code --profile} that names no built-in site, quoting it as typed.
   *
   * @param given the value as typed
   * @return the message
   */
  public static String notABuiltInSite(String given) {
    return "--profile: '" + given + "' is not a built-in site: expected one of "
        + String.join(", ", Sites.names());
  }

  /**
   * A generator's refusal of its window ({@code window ...}) named by the options that set it,
   * {@code --start}, {@code --duration} or both; other messages, or a window no option set, as
   * they are.
   *
   * @param message the generator's message
   * @param start whether {@code --start} was given
   * @param duration whether {@code --duration} was given
   * @return the message, named
   */
  public static @Nullable String windowByOptions(@Nullable String message, boolean start,
      boolean duration) {
    if (message == null || !message.startsWith("window") || !(start || duration)) {
      return message;
    }
    return (!start ? "--duration" : !duration ? "--start" : "--start, --duration") + ": "
        + message;
  }

  /**
   * A number for a message: grouped, with up to three decimals where the value has them
   * ({@code 2,000}, {@code 0.5}, {@code 12.25}), so that a rate is printed as given; a value
   * above 0 and below 0.001 to three significant digits ({@code 0.0001}, {@code 1.23e-10}),
   * which three decimals wrote as {@code 0}.
   *
   * @param value the number
   * @return its text
   */
  public static String number(double value) {
    if (value != 0 && Math.abs(value) < 0.001 && Double.isFinite(value)) {
      BigDecimal small = new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros();
      return small.scale() <= 9 ? small.toPlainString() : small.toString().replace('E', 'e');
    }
    return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(value);
  }

  /**
   * The scenarios and traffic bursts that lie wholly outside the run's window, described: a
   * file's instants stay where they are when it has no window of its own, so a scenario written
   * for another day does nothing.
   *
   * @param g the generator of the whole run
   * @return one message per scenario or burst that no line shows, in the generator's order
   */
  public static List<String> outsideTheWindow(LogGenerator g) {
    long from = g.start().toEpochMilli();
    long to = g.duration() == null ? Long.MAX_VALUE : from + g.duration().toMillis();
    String window = g.start() + " to " + (g.duration() == null ? "open end"
        : g.start().plus(g.duration()));
    List<String> outside = new ArrayList<>();
    for (Scenario s : g.scenarios()) {
      if (!overlaps(s.start(), s.duration(), from, to)) {
        outside.add("scenario " + s.label() + " (" + s.start() + " to "
            + s.start().plus(s.duration()) + ") lies wholly outside the window " + window
            + ": no line shows it");
      }
    }
    for (Traffic.Burst b : g.traffic().bursts()) {
      if (!overlaps(b.start(), b.duration(), from, to)) {
        outside.add("traffic burst x" + number(b.multiplier()) + " (" + b.start() + " to "
            + b.start().plus(b.duration()) + ") lies wholly outside the window " + window
            + ": no line shows it");
      }
    }
    return outside;
  }

  private static boolean overlaps(Instant start, Duration duration, long from, long to) {
    long s = start.toEpochMilli();
    return s < to && s + duration.toMillis() > from;
  }
}
