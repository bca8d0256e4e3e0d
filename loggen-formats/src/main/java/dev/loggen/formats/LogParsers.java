package dev.loggen.formats;

import dev.loggen.core.LogFormat;
import dev.loggen.formats.internal.Formats;

/**
 * Parsers for the access-log formats of {@link LogFormats}: each reads what the matching
 * format writes, unescaping what it escaped, so rendering an event and parsing the line gives
 * the event's printed fields back. They read real server logs of the same format too.
 *
 * <pre>{@code
 * try (Stream<ParseResult> results = LogParsers.combined().parseAll(Path.of("access.log"))) {
 *   results.forEach(r -> ...);   // ParseResult.Parsed or ParseResult.Malformed, line by line
 * }
 * }</pre>
 */
public final class LogParsers {
  private LogParsers() {}

  /**
   * Parses NCSA Common lines.
   *
   * @return the parser
   */
  public static LogParser common() {
    return Formats.parserFor(Formats.common());
  }

  /**
   * Parses NCSA Combined lines.
   *
   * @return the parser
   */
  public static LogParser combined() {
    return Formats.parserFor(Formats.combined());
  }

  /**
   * Parses JSON lines with the names of {@link LogFormats#json()} (and the ECS names, so one
   * parser reads both). A user, referrer or user agent is null when its value is JSON
   * {@code null} or its key is missing, as the JSON formats write an absent one; a string reads
   * as itself, {@code ""} and {@code "-"} included.
   *
   * @return the parser
   */
  public static LogParser json() {
    return Formats.parserFor(Formats.json());
  }

  /**
   * Parses ECS JSON lines, nested or with dotted keys (and the flat names of
   * {@link LogFormats#json()}), reading absent values as {@link #json()} does.
   *
   * @return the parser
   */
  public static LogParser ecs() {
    return Formats.parserFor(Formats.ecs());
  }

  /**
   * Parses lines of an Apache {@code LogFormat} string.
   *
   * @param logFormat the format, as for {@link LogFormats#apache(String)}
   * @return the parser
   * @throws IllegalArgumentException for a bad format string, as {@link LogFormats#apache}
   */
  public static LogParser apache(String logFormat) {
    return Formats.parserFor(Formats.apache(logFormat));
  }

  /**
   * Parses lines of an nginx {@code log_format} string with default escaping.
   *
   * <p>{@code $time_local}, {@code $time_iso8601} and {@code $msec} are read as printed, as the
   * request's start, which is what {@link LogFormats#nginx(String)} prints there. nginx itself
   * prints them when it writes the line, as the request ends; loggen prints the start so that
   * its lines stay in time order and in the file of their period and agree with the error log
   * and the run's report, as a real nginx log's times do. A generated request ends
   * {@code $request_time} after the printed time.
   *
   * @param logFormat the format, as for {@link LogFormats#nginx(String)}
   * @return the parser
   * @throws IllegalArgumentException for a bad format string
   */
  public static LogParser nginx(String logFormat) {
    return Formats.parserFor(Formats.nginx(logFormat, NginxEscape.DEFAULT));
  }

  /**
   * Parses lines of an nginx {@code log_format} string with the given escaping.
   *
   * @param logFormat the format
   * @param escape the {@code escape=} parameter it was written with
   * @return the parser
   * @throws IllegalArgumentException for a bad format string
   */
  public static LogParser nginx(String logFormat, NginxEscape escape) {
    return Formats.parserFor(Formats.nginx(logFormat, escape));
  }

  /**
   * The parser for the lines of an access-log format made by {@link LogFormats}.
   *
   * @param format a format from {@link LogFormats}
   * @return its parser
   * @throws IllegalArgumentException for the error-log formats and formats made elsewhere
   */
  public static LogParser forFormat(LogFormat format) {
    return Formats.parserFor(format);
  }
}
