package dev.loggen.formats;

import java.util.Objects;

/**
 * What parsing one line of a file gave: a {@link Parsed} record or a {@link Malformed} line. A
 * stream of results goes on past malformed lines, so one bad line never loses a whole file.
 */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Malformed {

  /**
   * The 1-based number of the line in its file or stream.
   *
   * @return the line number
   */
  long lineNumber();

  /**
   * Whether the line parsed.
   *
   * @return true for {@link Parsed}
   */
  default boolean isParsed() {
    return this instanceof Parsed;
  }

  /**
   * A line that parsed.
   *
   * @param lineNumber the 1-based line number
   * @param record what the line holds
   */
  record Parsed(long lineNumber, LogRecord record) implements ParseResult {
    /**
     * A parsed line.
     *
     * @param lineNumber the 1-based line number
     * @param record what the line holds
     */
    public Parsed {
      Objects.requireNonNull(record, "record");
    }
  }

  /**
   * A line that did not match the format.
   *
   * @param lineNumber the 1-based line number
   * @param error where the line stopped matching and what was expected
   */
  record Malformed(long lineNumber, LogParseException error) implements ParseResult {
    /**
     * A malformed line.
     *
     * @param lineNumber the 1-based line number
     * @param error where the line stopped matching and what was expected
     */
    public Malformed {
      Objects.requireNonNull(error, "error");
    }
  }
}
