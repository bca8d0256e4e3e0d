package dev.loggen.core;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An amount of data in bytes, as used for rotation sizes: {@code DataSize.ofMegabytes(100)} or
 * {@code DataSize.parse("100MB")}. Units are binary multiples (1 KB = 1024 bytes), as logrotate
 * and logback read them.
 *
 * @param bytes the amount in bytes, positive
 */
public record DataSize(long bytes) implements Comparable<DataSize> {
  private static final Pattern TEXT =
      Pattern.compile("(\\d+)\\s*(B|K|KB|KIB|M|MB|MIB|G|GB|GIB|T|TB|TIB)?");

  /** Checks that the size is positive. */
  public DataSize {
    if (bytes <= 0) {
      throw new IllegalArgumentException("size must be positive (got " + bytes + " bytes)");
    }
  }

  /** {@code n} bytes. */
  public static DataSize ofBytes(long n) {
    return new DataSize(n);
  }

  /** {@code n} kilobytes of 1024 bytes. */
  public static DataSize ofKilobytes(long n) {
    return scaled(n, 1024L, "KB");
  }

  /** {@code n} megabytes of 1024 x 1024 bytes. */
  public static DataSize ofMegabytes(long n) {
    return scaled(n, 1024L * 1024, "MB");
  }

  /** {@code n} gigabytes of 1024^3 bytes. */
  public static DataSize ofGigabytes(long n) {
    return scaled(n, 1024L * 1024 * 1024, "GB");
  }

  private static DataSize scaled(long n, long unit, String unitName) {
    if (n <= 0 || n > Long.MAX_VALUE / unit) {
      throw new IllegalArgumentException("size must be positive and at most "
          + Long.MAX_VALUE / unit + unitName + " (got " + n + unitName + ")");
    }
    return new DataSize(n * unit);
  }

  /**
   * Parses {@code 100MB}, {@code 512k}, {@code 1GiB}, {@code 4096} (bytes); case does not matter.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static DataSize parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = TEXT.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new ParseException("size '" + text
          + "' is not a size: expected a positive whole number with an optional unit"
          + " B, KB, MB, GB or TB (e.g. 100MB)", "a size such as 100MB, 512KB or 1GB", null);
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw tooLarge(text, e);
    }
    String unit = m.group(2) == null ? "B" : m.group(2).substring(0, 1);
    long factor = switch (unit) {
      case "K" -> 1024L;
      case "M" -> 1024L * 1024;
      case "G" -> 1024L * 1024 * 1024;
      case "T" -> 1024L * 1024 * 1024 * 1024;
      default -> 1L;
    };
    if (n <= 0) {
      throw new ParseException("size '" + text + "' must be positive",
          "a positive size such as 100MB", null);
    }
    try {
      return new DataSize(Math.multiplyExact(n, factor));
    } catch (ArithmeticException e) {
      throw tooLarge(text, e);
    }
  }

  private static ParseException tooLarge(String text, Exception cause) {
    return new ParseException("size '" + text + "' is too large",
        "a size of at most " + (Long.MAX_VALUE >> 40) + "TB", cause);
  }

  /**
   * Thrown by {@link #parse} for a text that is not a size it reads. Besides the message,
   * {@link #expected()} says what was expected, so that a message naming its own field (an
   * option, a configuration key) can say why in its own words.
   */
  public static final class ParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String expected;

    ParseException(String message, String expected, @Nullable Throwable cause) {
      super(message, cause);
      this.expected = expected;
    }

    /**
     * {@return what was expected instead: "a size such as 100MB, 512KB or 1GB", "a positive size
     * such as 100MB" or "a size of at most 8388607TB"}
     */
    public String expected() {
      return expected;
    }
  }

  @Override
  public int compareTo(DataSize o) {
    return Long.compare(bytes, o.bytes);
  }

  /** The size in the largest unit that divides it, e.g. {@code 100MB}. */
  @Override
  public String toString() {
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    long v = bytes;
    int u = 0;
    while (u < units.length - 1 && v % 1024 == 0) {
      v /= 1024;
      u++;
    }
    return v + units[u];
  }
}
