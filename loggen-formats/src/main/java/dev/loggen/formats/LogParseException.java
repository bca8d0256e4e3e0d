package dev.loggen.formats;

import dev.loggen.core.internal.Printable;
import java.util.Locale;
import java.util.Objects;

/**
 * A line that does not match its format. Says where (line number and 1-based column) and what
 * was expected there, then what was found and the line, e.g. {@code line 8899, column 183:
 * expected '"' after %{User-agent}i, found the end of the line} for a Combined line cut off
 * inside its user agent.
 *
 * <p>The message quotes the line (its first 300 chars, never half of a surrogate pair) with
 * control and format characters written as {@code \}{@code uXXXX}, so that it stays one line
 * and a line holding terminal escapes cannot act on the terminal that shows it; {@link #line()}
 * gives the line as it was.
 */
public final class LogParseException extends RuntimeException {
  /** Serial form version. */
  private static final long serialVersionUID = 1L;
  private static final int MAX_QUOTED_LINE = 300;

  /** The 1-based line number. */
  private final long lineNumber;
  /** The 1-based column. */
  private final int column;
  /** What was expected at the column. */
  private final String expected;
  /** The whole line. */
  private final String line;

  /**
   * A parse failure.
   *
   * @param lineNumber 1-based number of the line in its file or stream
   * @param column 1-based column (in chars) where the line stops matching; one past the last
   *     char when the line ended too early
   * @param expected what the format wanted there, e.g. {@code '"' after %{User-agent}i}
   * @param line the whole line
   */
  public LogParseException(long lineNumber, int column, String expected, String line) {
    super(message(lineNumber, Math.max(1, column), expected, line));
    this.lineNumber = lineNumber;
    this.column = Math.max(1, column);
    this.expected = expected;
    this.line = line;
  }

  private static String message(long lineNumber, int column, String expected, String line) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(line, "line");
    String found = column - 1 < line.length()
        ? "found " + describe(line, column - 1)
        : "found the end of the line";
    String quoted = line.length() <= MAX_QUOTED_LINE
        ? line
        : line.substring(0, cut(line)) + "... (" + line.length() + " chars)";
    return Printable.of("line " + lineNumber + ", column " + column + ": expected " + expected
        + ", " + found + ": " + quoted);
  }

  /** Where a long line's quote ends: before a surrogate pair that the limit would split. */
  private static int cut(String line) {
    return Character.isHighSurrogate(line.charAt(MAX_QUOTED_LINE - 1))
        && Character.isLowSurrogate(line.charAt(MAX_QUOTED_LINE))
        ? MAX_QUOTED_LINE - 1 : MAX_QUOTED_LINE;
  }

  /** The character at {@code index}, the whole of it when it is a surrogate pair. */
  private static String describe(String line, int index) {
    char c = line.charAt(index);
    if (c < 0x20 || c == 0x7F) {
      return "control character U+" + String.format(Locale.ROOT, "%04X", (int) c);
    }
    return "'" + line.substring(index, index + Character.charCount(line.codePointAt(index)))
        + "'";
  }

  /**
   * The 1-based line number.
   *
   * @return the line number given by the reader, or 1 for a single parsed line
   */
  public long lineNumber() {
    return lineNumber;
  }

  /**
   * The 1-based column where the line stops matching.
   *
   * @return the column, one past the end when the line is too short
   */
  public int column() {
    return column;
  }

  /**
   * What the format expected at {@link #column()}.
   *
   * @return a description such as {@code a status code (3 digits) for %>s}
   */
  public String expected() {
    return expected;
  }

  /**
   * The line that failed.
   *
   * @return the whole line
   */
  public String line() {
    return line;
  }
}
