package dev.loggen.formats.internal;

import org.jspecify.annotations.Nullable;

/**
 * Numbers as the parsers read them: whole numbers up to the largest long, decimal seconds whose
 * whole part is such a number, epoch times that are such numbers with a {@code -} before 1970,
 * what a line that holds a larger one is told, and response times converted to microseconds
 * (null where they do not fit a long).
 */
final class Numbers {
  /** What a whole-number field holds. */
  static final String WHOLE = "a number from 0 to " + Long.MAX_VALUE;
  /** What a decimal-seconds field holds. */
  static final String SECONDS = "seconds from 0 to " + Long.MAX_VALUE + ".999";
  /** What a whole-number epoch time holds ({@code %{sec}t}: negative before 1970). */
  static final String SIGNED_WHOLE = "a number from -" + Long.MAX_VALUE + " to " + Long.MAX_VALUE;
  /** What a decimal-seconds epoch time holds ({@code $msec}: negative before 1970). */
  static final String SIGNED_SECONDS = "seconds from -" + Long.MAX_VALUE + ".999 to "
      + Long.MAX_VALUE + ".999";
  /** A number longer than this is quoted by its start and its length. */
  private static final int MAX_QUOTED = 40;

  private Numbers() {}

  /**
   * The value of the ASCII digits {@code text[from, to)}.
   *
   * @return the value, or -1 when it is larger than {@code max}
   */
  static long digits(CharSequence text, int from, int to, long max) {
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = text.charAt(i) - '0';
      if (v > (max - d) / 10) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * What a field expected, and that the number it got is too large: {@code a number from 0 to
   * 9223372036854775807 for %b ("99999999999999999999999" is too large)}.
   */
  static String tooLarge(String expected, CharSequence text, int from, int to) {
    return expected + " (" + quote(text, from, to) + " is too large)";
  }

  /** {@code "12345"}, or the start of a very long number and its length. */
  static String quote(CharSequence text, int from, int to) {
    if (to - from <= MAX_QUOTED) {
      return "\"" + text.subSequence(from, to) + "\"";
    }
    return "\"" + text.subSequence(from, from + MAX_QUOTED - 10) + "...\" (" + (to - from)
        + " chars)";
  }

  /**
   * A non-negative response time in microseconds, {@code value * factor}, or null when that
   * does not fit a long (the record leaves it out; the text stays in the fields map).
   */
  static @Nullable Long microsOrNull(long value, long factor) {
    return value <= Long.MAX_VALUE / factor ? value * factor : null;
  }

  /**
   * Decimal seconds ("12.345") in microseconds at millisecond precision (digits past the third
   * are dropped), or null when that does not fit a long.
   */
  static @Nullable Long decimalMicrosOrNull(String s) {
    try {
      return microsOrNull(decimalToMillis(s), 1000);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /**
   * Decimal seconds ("12.345") in milliseconds (12345); digits past the third are dropped. A
   * leading {@code -} negates the whole number, as nginx's {@code $msec} prints a time before
   * 1970: "-1.500" is -1500, "-0.001" is -1.
   *
   * @throws ArithmeticException when the milliseconds do not fit a long
   */
  static long decimalToMillis(String s) {
    boolean negative = s.startsWith("-");
    String magnitude = negative ? s.substring(1) : s;
    int dot = magnitude.indexOf('.');
    long whole = Long.parseLong(dot < 0 ? magnitude : magnitude.substring(0, dot));
    long frac = 0;
    if (dot >= 0) {
      String f = (magnitude.substring(dot + 1) + "000").substring(0, 3);
      frac = Long.parseLong(f);
    }
    long millis = Math.addExact(Math.multiplyExact(whole, 1000L), frac);
    return negative ? -millis : millis;
  }
}
