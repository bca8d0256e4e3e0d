package dev.loggen.core.config.internal;

import dev.loggen.core.LogGenerator;
import dev.loggen.core.internal.Printable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parsers for the scalar forms the configuration accepts. Each returns empty (or null) when the
 * text does not have the form.
 */
public final class Values {
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+(_[0-9]+)*");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?([0-9][0-9_]*)?(\\.[0-9_]*)?([eE][-+]?[0-9]+)?");
  private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");
  private static final Pattern DURATION_PART =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|h|d|w)");
  private static final Pattern DURATION =
      Pattern.compile("(?:[0-9]+(?:\\.[0-9]+)?\\s*(?:ms|s|m|h|d|w)\\s*)+");
  /** A part of an {@link #optionDuration}: a number and a unit, in any case, no space between. */
  private static final Pattern OPTION_DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w)", Pattern.CASE_INSENSITIVE);
  /** The longest duration {@link #duration} reads: {@code Long.MAX_VALUE} milliseconds. */
  public static final Duration MAX_DURATION = Duration.ofMillis(Long.MAX_VALUE);

  private Values() {}

  /** Whether {@code text} is written as a whole number, whether or not a long holds it. */
  public static boolean looksInteger(String text) {
    return INTEGER.matcher(text.trim()).matches();
  }

  /**
   * A whole number in YAML's decimal form (underscores between digits allowed).
   *
   * @param text the text
   * @return the number, or empty
   */
  public static OptionalLong integer(String text) {
    String t = text.trim();
    if (!INTEGER.matcher(t).matches()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(t.replace("_", "")));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * A number in YAML's forms: {@code 3}, {@code -0.5}, {@code 1e3}, {@code .5}, {@code .inf},
   * {@code -.inf}, {@code .nan}. Infinity and NaN are returned as such; callers reject them where
   * a finite number is expected. Java-only forms ({@code NaN}, {@code 1d}, hex) are not numbers.
   *
   * @param text the text
   * @return the number, or empty
   */
  public static OptionalDouble number(String text) {
    String t = text.trim();
    if (INF.matcher(t).matches()) {
      return OptionalDouble.of(t.startsWith("-") ? Double.NEGATIVE_INFINITY
          : Double.POSITIVE_INFINITY);
    }
    if (NAN.matcher(t).matches()) {
      return OptionalDouble.of(Double.NaN);
    }
    if (t.isEmpty() || !FLOAT.matcher(t).matches() || !t.matches(".*[0-9].*")
        || t.matches("[-+]?\\.?[eE].*")) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(Double.parseDouble(t.replace("_", "")));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /**
   * {@code true}/{@code false}, and YAML 1.1's {@code yes}/{@code no}/{@code on}/{@code off}.
   *
   * @param text the text
   * @return the value, or null
   */
  public static @Nullable Boolean bool(String text) {
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on":
        return Boolean.TRUE;
      case "false", "no", "off":
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /**
   * A duration: {@code 500ms}, {@code 90s}, {@code 15m}, {@code 6h}, {@code 1d}, {@code 2w},
   * sums such as {@code 1h30m}, decimals such as {@code 1.5h}, or ISO-8601 ({@code PT1H},
   * {@code P1D}). A day is 24 hours.
   *
   * @param text the text
   * @return the duration, or null when the text is none of these or negative
   */
  public static @Nullable Duration duration(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return null;
    }
    char c = Character.toUpperCase(t.charAt(0));
    if (isIso(t)) {
      try {
        Duration d = Duration.parse(t);
        return d.isNegative() ? null : d;
      } catch (DateTimeException e) {
        return null;
      }
    }
    if (!DURATION.matcher(t).matches()) {
      return null;
    }
    Matcher m = DURATION_PART.matcher(t);
    BigDecimal millis = BigDecimal.ZERO;
    while (m.find()) {
      millis = millis.add(new BigDecimal(m.group(1))
          .multiply(BigDecimal.valueOf(unitMillis(m.group(2)))));
    }
    try {
      return Duration.ofMillis(millis.setScale(0, RoundingMode.HALF_UP).longValueExact());
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /**
   * The message for a command-line option whose duration is longer than the longest window
   * ({@link LogGenerator#MAX_DURATION}), as the command line and loggen-spark give it, or null
   * when it is not.
   *
   * @param option the option's name, without {@code --}
   * @param what what the option takes ({@code a duration}, {@code a period})
   * @param d the duration read
   * @param given the text as given
   * @return the message, or null
   */
  public static @Nullable String pastTheLongestWindow(String option, String what, Duration d,
      @Nullable String given) {
    if (d.compareTo(LogGenerator.MAX_DURATION) <= 0) {
      return null;
    }
    return "--" + option + ": expected " + what + " of at most "
        + Printable.duration(LogGenerator.MAX_DURATION) + " (got '" + given + "')";
  }

  /**
   * A number for a command-line option that takes a positive one up to a limit (the command
   * line's {@code --sessions-per-hour} and {@code --rate}, loggen-spark's
   * {@code --sessions-per-hour}): digits may be grouped with {@code _}; NaN and infinities are
   * refused.
   *
   * @param text the text
   * @param max the largest number taken
   * @return the number, or NaN when the text is not a number greater than 0 and at most
   *     {@code max} (then {@link #expectedPositive} words the message)
   */
  public static double optionPositive(String text, double max) {
    double d;
    try {
      d = Double.parseDouble(text.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
    return d > 0 && d <= max ? d : Double.NaN;
  }

  /**
   * The message for a command-line option whose text {@link #optionPositive} refused, as the
   * command line and loggen-spark give it.
   *
   * @param option the option's name, without {@code --}
   * @param max the largest number taken
   * @param given the text as given
   * @return the message
   */
  public static String expectedPositive(String option, double max, @Nullable String given) {
    return String.format(Locale.ROOT, "--%s: expected a positive number up to %.0f (got '%s')",
        option, max, given);
  }

  /**
   * A duration as the command line's options take it ({@code --duration}, {@code --rotate-time};
   * loggen-spark's {@code --duration} too): {@code 90s}, {@code 1h30m}, {@code 1.5h},
   * {@code 7d}, {@code 2w}, units in any case and without spaces, or ISO-8601 ({@code PT1H}, in
   * any case). A duration too long to count comes back as {@link #MAX_DURATION}, for the caller
   * to reject with its own limit.
   *
   * @param text the text
   * @return the duration, or null when the text is none of these or negative
   */
  public static @Nullable Duration optionDuration(String text) {
    String s = text.trim();
    if (s.regionMatches(true, 0, "P", 0, 1)) {
      try {
        Duration d = Duration.parse(s.toUpperCase(Locale.ROOT));
        return d.isNegative() ? null : d;
      } catch (DateTimeParseException e) {
        return e.getCause() instanceof ArithmeticException
            || e.getCause() instanceof NumberFormatException ? MAX_DURATION : null; // overflow
      }
    }
    Matcher m = OPTION_DURATION_PART.matcher(s);
    int at = 0;
    double millis = 0;
    while (at < s.length()) {
      if (!m.find(at) || m.start() != at) {
        return null;
      }
      millis += Double.parseDouble(m.group(1)) * unitMillis(m.group(2).toLowerCase(Locale.ROOT));
      at = m.end();
    }
    if (at == 0) {
      return null;
    }
    return Duration.ofMillis(Math.round(millis)); // Math.round saturates at Long.MAX_VALUE
  }

  /** The milliseconds of a duration unit: ms, s, m, h, d or w (a day is 24 hours). */
  private static long unitMillis(String unit) {
    return switch (unit) {
      case "ms" -> 1L;
      case "s" -> 1_000L;
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      case "d" -> 86_400_000L;
      default -> 7 * 86_400_000L;
    };
  }

  /**
   * Whether {@code text} is written as a duration that is too long to count
   * ({@link #duration} returns null for it): more milliseconds than a {@code long} holds, about
   * 292 million years.
   *
   * @param text the text
   * @return whether it is a duration beyond {@link #MAX_DURATION}
   */
  public static boolean tooLongDuration(String text) {
    String t = text.trim();
    if (isIso(t)) {
      try {
        Duration.parse(t);
        return false;
      } catch (DateTimeParseException e) {
        return e.getCause() instanceof ArithmeticException
            || e.getCause() instanceof NumberFormatException; // digits overflow
      }
    }
    return DURATION.matcher(t).matches() && duration(t) == null;
  }

  private static boolean isIso(String t) {
    if (t.isEmpty()) {
      return false;
    }
    char c = Character.toUpperCase(t.charAt(0));
    return c == 'P' || ((c == '-' || c == '+') && t.length() > 1
        && Character.toUpperCase(t.charAt(1)) == 'P');
  }

  /**
   * An instant: ISO-8601 with {@code Z} or an offset ({@code 2026-01-01T00:00:00Z},
   * {@code 2026-01-01T01:00:00+01:00}), or a date ({@code 2026-01-01}, midnight UTC).
   *
   * @param text the text
   * @return the instant, or null
   */
  public static @Nullable Instant instant(String text) {
    String t = text.trim();
    try {
      return Instant.parse(t);
    } catch (DateTimeException e) {
      // try the other forms
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeException e) {
      // try a date
    }
    try {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * A compact text of a number for messages.
   *
   * @param v the number
   * @return e.g. {@code 0.5} or {@code 7200}
   */
  public static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
