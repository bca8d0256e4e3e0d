package dev.loggen.formats;

import dev.loggen.formats.internal.LineResults;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads log lines of one format back into {@link LogRecord}s. Get one from {@link LogParsers}.
 * Implementations are immutable and thread-safe.
 *
 * <p>A single line that does not match throws {@link LogParseException} (with the line
 * number, the 1-based column and what was expected). The stream methods never throw for a bad
 * line: they report it and go on with the next one.
 */
public interface LogParser {

  /**
   * A short name for messages, e.g. {@code combined}.
   *
   * @return the name
   */
  String name();

  /**
   * Parses one line (without its terminator).
   *
   * @param line the line
   * @param lineNumber its 1-based number, for the exception message
   * @return the record
   * @throws LogParseException when the line does not match the format
   */
  LogRecord parseLine(String line, long lineNumber);

  /**
   * Parses one line, numbered 1 in messages.
   *
   * @param line the line, without its terminator
   * @return the record
   * @throws LogParseException when the line does not match the format
   */
  default LogRecord parse(String line) {
    return parseLine(line, 1);
  }

  /**
   * Parses every line of {@code reader}, lazily, one result per line (LF, CR or CRLF ends a
   * line), numbering lines from 1. Malformed lines become {@link ParseResult.Malformed} results
   * and parsing goes on. Closing the stream closes the reader; an I/O error is thrown as
   * {@link java.io.UncheckedIOException} naming the line and the cause.
   *
   * @param reader the text to parse
   * @return the results, in line order
   */
  default Stream<ParseResult> parseAll(Reader reader) {
    return LineResults.stream(this, Objects.requireNonNull(reader, "reader"), null);
  }

  /**
   * Parses every line of a UTF-8 file, lazily, as {@link #parseAll(Reader)} does; bytes that
   * are not UTF-8 read as U+FFFD. Close the stream (try-with-resources) to close the file. A
   * read error is thrown from the stream as {@link java.io.UncheckedIOException} naming the
   * file, the line and the cause.
   *
   * @param file the log file
   * @return the results, in line order
   * @throws java.io.UncheckedIOException when the file cannot be opened, naming it and the
   *     cause (no such file, a directory, permission denied, ...)
   */
  default Stream<ParseResult> parseAll(Path file) {
    Objects.requireNonNull(file, "file");
    return LineResults.stream(this, LineResults.open(file), file);
  }

  /**
   * The records of every line of {@code reader} that parses, lazily; each malformed line goes
   * to {@code onMalformed} and is skipped. It is told as the lines are read: in line order and
   * one call at a time, from the thread consuming the stream (made parallel, from whichever of
   * its threads reads on, still one call at a time), so a plain list can collect the errors.
   * Closing the stream closes the reader.
   *
   * @param reader the text to parse
   * @param onMalformed receives the error of each malformed line
   * @return the records of the good lines, in line order
   */
  default Stream<LogRecord> records(Reader reader,
      Consumer<? super LogParseException> onMalformed) {
    Objects.requireNonNull(onMalformed, "onMalformed");
    return LineResults.records(parseAll(reader), onMalformed);
  }
}
