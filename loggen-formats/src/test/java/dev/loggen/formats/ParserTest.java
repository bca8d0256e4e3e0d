package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogFormat;
import dev.loggen.core.VisitorKind;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parser behaviour on bad lines, streams, and JSON written by others. */
class ParserTest {
  static final String GOOD = "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700]"
      + " \"GET /a.gif HTTP/1.0\" 200 2326 \"-\" \"UA\"";

  static LogParseException fails(LogParser p, String line) {
    return assertThrows(LogParseException.class, () -> p.parseLine(line, 7));
  }

  @Test
  void aNullLineNamesTheParameter() {
    for (LogParser p : List.of(LogParsers.combined(), LogParsers.json(), LogParsers.ecs(),
        LogParsers.nginx("$remote_addr $status"))) {
      assertEquals("line", assertThrows(NullPointerException.class, () -> p.parse(null))
          .getMessage(), p.name());
    }
  }

  @Test
  void malformedLinesSayWhereAndWhat() {
    LogParser p = LogParsers.combined();
    LogParseException e = fails(p, GOOD.replace(" 200 ", " 2x0 "));
    assertEquals(7, e.lineNumber());
    assertEquals(GOOD.indexOf(" 200 ") + 2, e.column());
    assertEquals("a status code (3 digits) for %>s", e.expected());
    assertEquals("line 7, column " + e.column() + ": expected a status code (3 digits) for %>s,"
        + " found '2': " + GOOD.replace(" 200 ", " 2x0 "), e.getMessage());

    e = fails(p, GOOD.replace("Oct", "Okt"));
    assertEquals(GOOD.indexOf("Oct") + 1, e.column());
    assertEquals("an English month name in time [%d/%b/%Y:%H:%M:%S %z] for %t", e.expected());

    e = fails(p, GOOD.replace("-0700", "-07:00"));
    assertEquals(GOOD.indexOf("-0700") + 1, e.column());

    e = fails(p, GOOD.replace(" 2326 ", " 23k6 "));
    assertEquals(GOOD.indexOf(" 2326 ") + 4, e.column());
    assertEquals("a number or '-' for %b", e.expected());

    // an empty line lacks the client first (before: "expected ' ' after %h")
    e = fails(p, "");
    assertEquals(1, e.column());
    assertEquals("a value for %h", e.expected());
    assertTrue(e.getMessage().endsWith("found the end of the line: "), e.getMessage());
    e = fails(LogParsers.nginx("$remote_addr $status"), "");
    assertEquals("a value for $remote_addr", e.expected());

    e = fails(p, GOOD + " trailing");
    assertEquals(GOOD.length() + 1, e.column());
    assertEquals("the end of the line after '\"'", e.expected());

    e = fails(p, GOOD.substring(0, GOOD.length() - 1));
    assertEquals(GOOD.length(), e.column());
    assertEquals("'\"' after %{User-agent}i", e.expected());

    e = fails(LogParsers.common(),
        "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] GET / HTTP/1.0 200 1");
    assertEquals(44, e.column());
    assertEquals("'\"' after %t", e.expected());
  }

  /**
   * The message quotes the line on one line and inert on a terminal. Before, it quoted the line
   * raw: an escape sequence in it acted on the terminal showing the message, CR and LF broke the
   * message into lines, and a cut at 300 chars inside a surrogate pair ended it in half a
   * character.
   */
  @Test
  void malformedLinesAreQuotedPrintably() {
    LogParser p = LogParsers.combined();
    String line = GOOD.replace(" 200 ", " \u001B[31m ") + "\r\nline 8\u202E";
    LogParseException e = fails(p, line);
    assertEquals("line 7, column 70: expected a status code (3 digits) for %>s, found control"
        + " character U+001B: " + GOOD.replace(" 200 ", " \\u001B[31m ")
        + "\\u000D\\u000Aline 8\\u202E", e.getMessage());
    assertEquals(line, e.line());

    e = fails(p, "x".repeat(299) + "\uD83D\uDE00");
    assertEquals("line 7, column 302: expected ' ' after %h, found the end of the line: "
        + "x".repeat(299) + "... (301 chars)", e.getMessage());

    // the char found is the whole of a surrogate pair, not its first half
    e = fails(p, GOOD.replace(" 200 ", " \uD83D\uDE00 "));
    assertEquals("line 7, column 70: expected a status code (3 digits) for %>s, found"
        + " '\uD83D\uDE00': " + GOOD.replace(" 200 ", " \uD83D\uDE00 "), e.getMessage());
  }

  @Test
  void streamsReportMalformedLinesAndGoOn() {
    String text = GOOD + "\n" + "garbage\n" + GOOD.replace("frank", "anna") + "\r\n\n" + GOOD;
    List<ParseResult> results;
    try (Stream<ParseResult> s = LogParsers.combined().parseAll(new StringReader(text))) {
      results = s.collect(Collectors.toList());
    }
    assertEquals(5, results.size());
    assertTrue(results.get(0).isParsed());
    ParseResult.Malformed bad = (ParseResult.Malformed) results.get(1);
    assertEquals(2, bad.lineNumber());
    assertEquals(2, bad.error().lineNumber());
    assertEquals("anna", ((ParseResult.Parsed) results.get(2)).record().user());
    assertEquals(4, ((ParseResult.Malformed) results.get(3)).lineNumber());
    assertEquals(5, results.get(4).lineNumber());

    List<Long> errorLines = new ArrayList<>();
    List<String> users;
    try (Stream<LogRecord> s = LogParsers.combined()
        .records(new StringReader(text), err -> errorLines.add(err.lineNumber()))) {
      users = s.map(LogRecord::user).collect(Collectors.toList());
    }
    assertEquals(List.of("frank", "anna", "frank"), users);
    assertEquals(List.of(2L, 4L), errorLines);
  }

  /** A file that cannot be read is named in the error, with the cause. */
  @Test
  void filesThatCannotBeReadAreNamedWithTheCause(@TempDir Path dir) {
    assertEquals("cannot read " + dir + ": it is a directory", readFails(dir).getMessage());
    Path missing = dir.resolve("missing.log");
    assertEquals("cannot read " + missing + ": no such file", readFails(missing).getMessage());
  }

  /** Linux's {@code /proc/self/mem} opens, but reading it at offset 0 fails (EIO). */
  @Test
  void aReadErrorNamesTheFileTheLineAndTheCause() {
    Path mem = Path.of("/proc/self/mem");
    Assumptions.assumeTrue(Files.isReadable(mem), "no " + mem + " here");
    String message = readFails(mem).getMessage();
    assertTrue(message.startsWith("cannot read line 1 of /proc/self/mem: java.io.IOException: "),
        message);
  }

  @Test
  void aReadErrorOfAReaderNamesTheLineAndTheCause() {
    Reader failing = new Reader() {
      private final Reader text = new StringReader(GOOD + "\n" + GOOD + "\n");

      @Override
      public int read(char[] buf, int off, int len) throws IOException {
        int n = text.read(buf, off, len);
        if (n < 0) {
          throw new IOException("disk on fire");
        }
        return n;
      }

      @Override
      public void close() {
        // nothing to release
      }
    };
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
      try (Stream<ParseResult> s = LogParsers.combined().parseAll(failing)) {
        s.count();
      }
    });
    assertEquals("cannot read line 3: java.io.IOException: disk on fire", e.getMessage());
  }

  private static UncheckedIOException readFails(Path file) {
    return assertThrows(UncheckedIOException.class, () -> {
      try (Stream<ParseResult> s = LogParsers.combined().parseAll(file)) {
        s.count();
      }
    });
  }

  /**
   * The flat format's server_protocol is the whole protocol, as nginx's $server_protocol: it
   * reads back as written. Before, a protocol starting with a digit got "HTTP/" put before it,
   * as ECS's http.version (the version alone) needs.
   */
  @Test
  void jsonServerProtocolReadsBackAsWritten() {
    for (String p : new String[] {"1.1", "2", "HTTP/1.1", "", "SPDY/3"}) {
      AccessEvent e = new AccessEvent(1_767_225_600_123L, ZoneOffset.UTC, "192.0.2.1",
          null, null, "GET", "/p", p, 200, 1, null, null, 1, "h", 1, "S", VisitorKind.HUMAN,
          null);
      String line = LogFormats.json().format(e);
      assertEquals(p, LogParsers.json().parse(line).protocol(), line);
    }
    assertEquals("HTTP/2", LogParsers.ecs().parse("{\"http\":{\"version\":\"2\"}}").protocol());
  }

  /**
   * The JSON formats write an absent user, referrer or user agent as JSON null, so a string,
   * {@code ""} and {@code "-"} included, is the value itself and reads back as it.
   */
  @Test
  void jsonEmptyAndDashStringsReadBackAsThemselves() {
    for (String v : new String[] {"", "-"}) {
      AccessEvent e = new AccessEvent(1_767_225_600_123L, ZoneOffset.UTC, "192.0.2.1",
          null, v, "GET", "/p", "HTTP/1.1", 200, 1, v, v, 1, "h", 1, "S", VisitorKind.HUMAN,
          null);
      for (LogFormat f : new LogFormat[] {LogFormats.json(), LogFormats.ecs()}) {
        String line = f.format(e);
        LogRecord r = LogParsers.forFormat(f).parse(line);
        assertEquals(v, r.user(), line);
        assertEquals(v, r.referrer(), line);
        assertEquals(v, r.userAgent(), line);
      }
      AccessEvent absent = new AccessEvent(1_767_225_600_123L, ZoneOffset.UTC,
          "192.0.2.1", null, null, "GET", "/p", "HTTP/1.1", 200, 1, null, null, 1, "h", 1, "S",
          VisitorKind.HUMAN, null);
      for (LogFormat f : new LogFormat[] {LogFormats.json(), LogFormats.ecs()}) {
        String line = f.format(absent);
        LogRecord r = LogParsers.forFormat(f).parse(line);
        assertNull(r.user(), line);
        assertNull(r.referrer(), line);
        assertNull(r.userAgent(), line);
      }
    }
  }

  @Test
  void jsonParserReadsOurOutputOthersAndReportsErrors() {
    LogParser json = LogParsers.json();
    LogRecord r = json.parse("{\"time\":\"2026-01-01T10:00:00.5Z\",\"remote_addr\":\"1.2.3.4\","
        + "\"request\":\"GET /x?y=1 HTTP/2.0\",\"status\":\"404\",\"body_bytes_sent\":\"-\","
        + "\"http_user_agent\":\"-\",\"http_referer\":\"\",\"request_time\":1.5,"
        + "\"extra\":[1,{\"a\":2}],"
        + "\"nested\":{\"deep\":{\"k\":true}}}");
    assertEquals(OffsetDateTime.parse("2026-01-01T10:00:00.5Z"), r.time());
    assertEquals("GET", r.method());
    assertEquals("/x?y=1", r.path());
    assertEquals("HTTP/2.0", r.protocol());
    assertEquals(404, r.status());
    assertNull(r.bytes());
    // strings read as themselves: only null or a missing key is absent in JSON
    assertEquals("-", r.userAgent());
    assertEquals("", r.referrer());
    assertEquals(1_500_000L, r.responseTimeMicros());
    assertEquals("true", r.field("nested.deep.k"));
    assertEquals("[1,{\"a\":2}]", r.field("extra"));

    LogRecord dotted = LogParsers.ecs().parse("{\"@timestamp\":\"2026-01-01T10:00:00+01:00\","
        + "\"source.ip\":\"::1\",\"http.request.method\":\"PUT\",\"url.path\":\"/a\","
        + "\"url.query\":\"b=1\",\"http.version\":\"1.1\",\"http.response.status_code\":201,"
        + "\"event.duration\":1500}");
    assertEquals("::1", dotted.clientAddress());
    assertEquals("/a?b=1", dotted.path());
    assertEquals("HTTP/1.1", dotted.protocol());
    assertEquals(201, dotted.status());
    assertEquals(1L, dotted.responseTimeMicros());

    LogParseException e = fails(json, "{\"status\":200,\"x\":}");
    assertEquals(19, e.column());
    assertEquals("a JSON value", e.expected());
    e = fails(json, "{\"status\":\"two hundred\"}");
    assertEquals(11, e.column());
    assertEquals("a whole number for \"status\"", e.expected());
    e = fails(json, "{\"time\":\"10/Oct/2000:13:55:36 -0700\"}");
    assertEquals(10, e.column());
    String iso = "an ISO-8601 time with offset such as 2026-01-01T10:00:00.000+01:00 for ";
    assertEquals(iso + "\"time\"", e.expected());
    // a time that is not a string fails where its value starts, and names its key (before: one
    // column past the start, found '2' for 123, and 'for the time' whichever key it was)
    jsonFails(json, "{\"remote_addr\":\"::1\",\"time\":123}", iso + "\"time\"");
    jsonFails(LogParsers.ecs(), "{\"@timestamp\":1767225600000}", iso + "\"@timestamp\"");
    jsonFails(LogParsers.ecs(), "{\"timestamp\":[1]}", iso + "\"timestamp\"");
    e = fails(LogParsers.ecs(), "{\"@timestamp\":\"2026-01-01 00:00:00Z\"}");
    assertEquals(iso + "\"@timestamp\"", e.expected());
    // a time of the form that names no time: where the field out of range starts (before: the
    // time's first digit, for each of them)
    for (String wrong : new String[] {"2026-[13]-01T00:00:00.000+00:00",
        "2026-02-[30]T00:00:00Z", "+12026-04-[31]T00:00:00Z", "2026-01-01T[24]:00:01+01:00",
        "2026-01-01T23:[60]:00Z", "2026-01-01T23:59:[60].5-03:00"}) {
      String line = "{\"time\":\"" + wrong.replace("[", "").replace("]", "") + "\"}";
      e = fails(json, line);
      assertEquals(9 + wrong.indexOf('[') + 1, e.column(), line);
    }
    e = fails(json, "{\"a\":\"unterminated}");
    assertEquals(20, e.column());
    e = fails(json, "{\"a\":1} x");
    assertEquals(9, e.column());
    assertEquals("the end of the line after the JSON object", e.expected());
    e = fails(json, "[1]");
    assertEquals(1, e.column());
    assertEquals("'{'", e.expected());
    e = fails(json, "{\"a\":" + "[".repeat(100_000));
    assertEquals(69, e.column());
    assertEquals("at most 64 levels of nested objects and arrays", e.expected());
  }

  /**
   * JSON numbers are read in the ranges the text parsers read: a status from 0 to 999 (three
   * digits there), other whole numbers up to the largest long, never below 0; a number outside
   * is a malformed line that names the key, quotes the number and gives the range, instead of
   * a status cut to an int (4294967496 read as 200) or a negative size.
   */
  @Test
  void jsonNumbersOutOfRangeSayWhereAndWhat() {
    LogParser json = LogParsers.json();
    String status = "a status code from 0 to 999 for ";
    jsonFails(json, "{\"status\":4294967496}",
        status + "\"status\" (\"4294967496\" is too large)");
    jsonFails(json, "{\"status\":\"4294967496\"}",
        status + "\"status\" (\"4294967496\" is too large)");
    jsonFails(json, "{\"status\":1000}", status + "\"status\" (\"1000\" is too large)");
    jsonFails(json, "{\"status\":-1}", status + "\"status\" (\"-1\" is negative)");
    jsonFails(LogParsers.ecs(), "{\"http\":{\"response\":{\"status_code\":4294967496}}}",
        status + "\"http.response.status_code\" (\"4294967496\" is too large)");
    jsonFails(LogParsers.ecs(), "{\"http.response.status_code\":\"-200\"}",
        status + "\"http.response.status_code\" (\"-200\" is negative)");
    assertEquals(0, json.parse("{\"status\":0}").status());
    assertEquals(999, json.parse("{\"status\":\"999\"}").status());

    String whole = "a number from 0 to 9223372036854775807 for ";
    String big = "99999999999999999999999";
    jsonFails(json, "{\"body_bytes_sent\":" + big + "}",
        whole + "\"body_bytes_sent\" (\"" + big + "\" is too large)");
    jsonFails(json, "{\"body_bytes_sent\":-5}",
        whole + "\"body_bytes_sent\" (\"-5\" is negative)");
    jsonFails(LogParsers.ecs(),
        "{\"http\":{\"response\":{\"body\":{\"bytes\":9223372036854775808}}}}",
        whole + "\"http.response.body.bytes\" (\"9223372036854775808\" is too large)");
    assertEquals(Long.MAX_VALUE,
        json.parse("{\"body_bytes_sent\":9223372036854775807}").bytes());
    jsonFails(LogParsers.ecs(), "{\"event.duration\":-1000}",
        whole + "\"event.duration\" (\"-1000\" is negative)");
    jsonFails(LogParsers.ecs(), "{\"event.duration\":" + big + "}",
        whole + "\"event.duration\" (\"" + big + "\" is too large)");
    assertEquals(9_223_372_036_854_775L, LogParsers.ecs()
        .parse("{\"event.duration\":9223372036854775807}").responseTimeMicros());
    jsonFails(json, "{\"request_time\":" + big + ".5}", "seconds from 0 to"
        + " 9223372036854775807.999 for \"request_time\" (\"" + big + ".5\" is too large)");
    // a number that fits but whose microseconds do not is left out, as in the text formats
    assertNull(json.parse("{\"request_time\":9223372036854775807.999}").responseTimeMicros());
  }

  /** The line fails at the value of its last key. */
  private static void jsonFails(LogParser p, String line, String expected) {
    LogParseException e = fails(p, line);
    assertEquals(expected, e.expected(), line);
    assertEquals(line.lastIndexOf(':') + 2, e.column(), line);
    assertEquals(7, e.lineNumber(), line);
  }

  @Test
  void valuesOutOfRangeNeverThrowFromInside() {
    LogRecord r = LogParsers.apache("%{sec}t %s %D")
        .parse("999999999999999999 200 999999999999999999");
    assertNull(r.time());
    assertEquals("999999999999999999", r.field("%{sec}t"));
    assertEquals(999_999_999_999_999_999L, r.responseTimeMicros());
    LogParseException e = fails(LogParsers.apache("%s %D"), "200 9999999999999999999");
    assertEquals(5, e.column());
    assertEquals("a number from 0 to 9223372036854775807 for %D (\"9999999999999999999\" is too"
        + " large)", e.expected());
    e = fails(LogParsers.apache("%{%Y-%m-%d}t %s"), "2026-02-30 200");
    assertEquals(1, e.column());
  }

  /**
   * A number larger than a long holds is a malformed line whose message says so: the field,
   * the number, the range. The largest long itself reads.
   */
  @Test
  void numbersTooLargeForALongSaySo() {
    String big = "99999999999999999999999";
    String line = GOOD.replace(" 2326 ", " " + big + " ");
    LogParseException e = fails(LogParsers.combined(), line);
    assertEquals(GOOD.indexOf(" 2326 ") + 2, e.column());
    assertEquals("a number from 0 to 9223372036854775807 for %b (\"" + big + "\" is too large)",
        e.expected());
    assertEquals("line 7, column " + e.column() + ": expected " + e.expected() + ", found '9': "
        + line, e.getMessage());
    e = fails(LogParsers.common(), "127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\""
        + " 200 9223372036854775808");
    assertEquals("a number from 0 to 9223372036854775807 for %b (\"9223372036854775808\" is too"
        + " large)", e.expected());
    assertEquals(Long.MAX_VALUE, LogParsers.combined()
        .parse(GOOD.replace(" 2326 ", " 9223372036854775807 ")).bytes());

    e = fails(LogParsers.apache("%h %D %s"), "1.2.3.4 " + big + " 200");
    assertEquals(9, e.column());
    assertEquals("a number from 0 to 9223372036854775807 for %D (\"" + big + "\" is too large)",
        e.expected());
    assertEquals(Long.MAX_VALUE,
        LogParsers.apache("%D").parse("9223372036854775807").responseTimeMicros());

    // nginx prints its numbers unescaped: the parser tries every later place the field could
    // end, and still reports the number
    LogParser nginx = LogParsers.nginx(FormatCases.NGINX_COMBINED);
    String nginxLine = "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 " + big
        + " \"-\" \"UA \\x22quoted\\x22\"";
    e = fails(nginx, nginxLine);
    assertEquals(nginxLine.indexOf(big) + 1, e.column());
    assertEquals("a number from 0 to 9223372036854775807 for $body_bytes_sent (\"" + big
        + "\" is too large)", e.expected());

    e = fails(LogParsers.nginx("$request_time $status"), big + ".5 200");
    assertEquals(1, e.column());
    assertEquals("seconds from 0 to 9223372036854775807.999 for $request_time (\"" + big
        + ".5\" is too large)", e.expected());

    // a very long number is quoted by its start and its length
    String huge = "1".repeat(5_000);
    e = fails(LogParsers.apache("%B"), huge);
    assertEquals("a number from 0 to 9223372036854775807 for %B (\"" + "1".repeat(30)
        + "...\" (5000 chars) is too large)", e.expected());
  }

  /**
   * A response time whose microseconds do not fit a long is left out of the record, as an
   * out-of-range epoch time is, instead of overflowing into a wrong (even negative) value.
   * Whatever the directive, the number itself must fit a long (else the line is malformed, see
   * {@link #numbersTooLargeForALongSaySo}); only then is it converted to microseconds.
   */
  @Test
  void responseTimesTooLargeForMicrosecondsAreLeftOut() {
    LogRecord r = LogParsers.apache("%T").parse("999999999999999999");
    assertNull(r.responseTimeMicros());
    assertEquals("999999999999999999", r.field("%T"));
    assertNull(LogParsers.apache("%{ms}T").parse("999999999999999999").responseTimeMicros());
    assertNull(LogParsers.nginx("$request_time").parse("999999999999999.123")
        .responseTimeMicros());
    assertNull(LogParsers.json().parse("{\"request_time\":999999999999999.123}")
        .responseTimeMicros());
    assertEquals(9_223_372_036_854_000_000L,
        LogParsers.apache("%T").parse("9223372036854").responseTimeMicros());
    assertEquals(9_223_372_036_854_775_000L,
        LogParsers.apache("%{ms}T").parse("9223372036854775").responseTimeMicros());
    // a finer field printed too still gives the time
    assertEquals(5L, LogParsers.apache("%T %D").parse("999999999999999999 5").responseTimeMicros());
    // up to the largest long, any number of whole seconds is a number
    assertNull(LogParsers.apache("%T").parse("9223372036854775807").responseTimeMicros());
    assertNull(LogParsers.nginx("$request_time").parse("9223372036854775807.999")
        .responseTimeMicros());
    assertNull(LogParsers.nginx("$request_time").parse("9223372036854776.000")
        .responseTimeMicros());
    assertEquals(9_223_372_036_854_775_000L, LogParsers.nginx("$request_time")
        .parse("9223372036854.775").responseTimeMicros());
    // an epoch time past what milliseconds in a long hold is left out as well
    LogRecord r2 = LogParsers.nginx("$msec $status").parse("9223372036854775807.500 200");
    assertNull(r2.time());
    assertEquals(200, r2.status());
  }

  /**
   * Apache prints an empty user as {@code ""} and a user named {@code ""} (two quote marks) as
   * {@code \"\"}: each reads back as what it was.
   */
  @Test
  void apacheEmptyUserAndUserOfQuotesStayApart() {
    for (String user : new String[] {"", "\"\"", "\"", "a\"\"b"}) {
      AccessEvent e = new AccessEvent(HostileContentTest.BASE.epochMillis(),
          HostileContentTest.BASE.offset(), "192.0.2.1", null, user, "GET", "/", "HTTP/1.1", 200,
          1, null, null, 1, "h", 1, "S", VisitorKind.HUMAN, null);
      String line = LogFormats.combined().format(e);
      assertEquals(user, LogParsers.combined().parse(line).user(), line);
    }
  }

  /**
   * Apache's {@code %u} never prints nothing (no user is {@code -}, an empty one {@code ""}),
   * nor {@code %f}: next to another field without a separator, each reads back with the value
   * it printed. Before, an empty {@code %u} was accepted, and the field before it took the
   * user's {@code -}: {@code 1.2.3.4-} for the client, {@code --} for the ident, the user empty.
   */
  @Test
  void apacheUserAndFileNameAreNeverEmpty() {
    AccessEvent e = new AccessEvent(OffsetDateTime.parse("2026-01-01T00:00:00Z").toInstant()
        .toEpochMilli(), ZoneOffset.UTC, "1.2.3.4", null, null, "HEAD", "/", "HTTP/1.1", 200, 0,
        null, null, 1, "h", 1, "S", VisitorKind.HUMAN, null);
    LogFormat clientUser = LogFormats.apache("%h%u%t%r");
    String line = clientUser.format(e);
    assertEquals("1.2.3.4-[01/Jan/2026:00:00:00 +0000]HEAD / HTTP/1.1", line);
    LogRecord r = LogParsers.forFormat(clientUser).parse(line);
    assertEquals("1.2.3.4", r.clientAddress(), line);
    assertNull(r.user(), line);
    assertEquals("/", r.path(), line);

    LogFormat identUser = LogFormats.apache("%l%u");
    line = identUser.format(e);
    assertEquals("--", line);
    r = LogParsers.forFormat(identUser).parse(line);
    assertNull(r.ident(), line);
    assertNull(r.user(), line);
    assertEquals("-", r.field("%l"), line);

    // an empty user prints "": before, -"" read as ident -" and user " (%l took a bare quote,
    // which Apache escapes in it)
    AccessEvent empty = new AccessEvent(e.epochMillis(), e.offset(), e.clientAddress(), null,
        "", e.method(), e.path(), e.protocol(), e.status(), e.bytes(), null, null, 1, "h", 1, "S",
        VisitorKind.HUMAN, null);
    line = identUser.format(empty);
    assertEquals("-\"\"", line);
    r = LogParsers.forFormat(identUser).parse(line);
    assertNull(r.ident(), line);
    assertEquals("", r.user(), line);

    LogFormat fileUser = LogFormats.apache("%f%u");
    line = fileUser.format(e);
    assertEquals("/var/www/html/-", line);
    r = LogParsers.forFormat(fileUser).parse(line);
    assertEquals("/var/www/html/", r.field("%f"), line);
    assertNull(r.user(), line);
  }

  /**
   * Apache writes an empty remote logname ({@code %l}) as nothing: the line has two spaces there
   * and reads back (before: refused, "expected a value for %l"; found by fuzzing).
   */
  @Test
  void anEmptyIdentReadsBack() {
    AccessEvent e = new AccessEvent(HostileContentTest.BASE.epochMillis(),
        HostileContentTest.BASE.offset(), "192.0.2.1", "", "bob", "GET", "/", "HTTP/1.1", 200,
        1, null, null, 1, "h", 1, "S", VisitorKind.HUMAN, null);
    String apache = "%h %l %u %t \"%r\" %>s %b";
    LogFormat[] formats = {LogFormats.common(), LogFormats.combined(), LogFormats.apache(apache)};
    LogParser[] parsers = {LogParsers.common(), LogParsers.combined(), LogParsers.apache(apache)};
    for (int i = 0; i < formats.length; i++) {
      String line = formats[i].format(e);
      assertTrue(line.startsWith("192.0.2.1  bob ["), line);
      LogRecord r = parsers[i].parse(line);
      assertEquals("", r.ident(), line);
      assertEquals("bob", r.user(), line);
    }
  }

  /**
   * A size directive that its status condition left out says nothing about the size (before:
   * {@code %404B} printing {@code -} for a 200 read back as 0 bytes; found by fuzzing).
   */
  @Test
  void aSizeLeftOutByItsConditionIsUnknownNotZero() {
    AccessEvent e = new AccessEvent(HostileContentTest.BASE.epochMillis(),
        HostileContentTest.BASE.offset(), "192.0.2.1", null, null, "GET", "/", "HTTP/1.1", 200,
        1234, null, null, 1, "h", 1, "S", VisitorKind.HUMAN, null);
    for (String f : new String[] {"%h %404B %>s", "%h %404b %>s"}) {
      String line = LogFormats.apache(f).format(e);
      assertEquals("192.0.2.1 - 200", line);
      assertNull(LogParsers.apache(f).parse(line).bytes(), f);
    }
    assertEquals(1234L, LogParsers.apache("%h %200B %>s").parse("192.0.2.1 1234 200").bytes());
    assertEquals(0L, LogParsers.apache("%h %b %>s").parse("192.0.2.1 - 200").bytes(),
        "a plain %b's '-' is zero");
  }

  /**
   * A literal that starts with a backslash right after an escaped field: the field's escape
   * pairs cannot hide it (before: "expected '\\' after %s"; found by fuzzing).
   */
  @Test
  void aLiteralStartingWithABackslashAfterAFieldReadsBack() {
    AccessEvent e = new AccessEvent(HostileContentTest.BASE.epochMillis(),
        HostileContentTest.BASE.offset(), "192.0.2.1", null, null, "GET", "/a\\b?q=\"x\"",
        "HTTP/1.1", 200, 1, null, "UA \\ \"q\"", 1, "h", 1, "S", VisitorKind.HUMAN, null);
    for (String f : new String[] {"%s\\z", "%h\\\\ %>s", "%r\\x %>s",
        "%{User-agent}i\\x %>s"}) {
      String line = LogFormats.apache(f).format(e);
      LogRecord r = LogParsers.apache(f).parse(line);
      assertEquals(200, r.status(), f + " -> " + line);
      if (f.startsWith("%r")) {
        assertEquals(e.path(), r.path(), line);
      }
      if (f.startsWith("%{User")) {
        assertEquals(e.userAgent(), r.userAgent(), line);
      }
    }
    for (NginxEscape esc : new NginxEscape[] {NginxEscape.DEFAULT, NginxEscape.JSON}) {
      String f = "$request_uri\\x $status";
      String line = LogFormats.nginx(f, esc).format(e);
      assertEquals(200, LogParsers.nginx(f, esc).parse(line).status(), esc + ": " + line);
    }
  }

  /** The record's time is when the request started, wherever the format prints its end. */
  @Test
  void requestTimeIsTheStartEvenWhenTheEndComesFirst() {
    LogRecord r = LogParsers.apache("%{end:%s}t %t %h")
        .parse("1767225723 [01/Jan/2026:00:01:03 +0000] 192.0.2.1");
    assertEquals(OffsetDateTime.parse("2026-01-01T00:01:03Z"), r.time());
    r = LogParsers.apache("%{end:msec}t %{msec}t").parse("1767225723500 1767225663201");
    assertEquals(OffsetDateTime.parse("2026-01-01T00:01:03.201Z"), r.time());
    r = LogParsers.apache("%{end}t %{sec}t").parse("[01/Jan/2026:00:02:03 +0000] 1767225663");
    assertEquals(OffsetDateTime.parse("2026-01-01T00:01:03Z"), r.time());
    // with only the end printed, the end is the best there is
    r = LogParsers.apache("%{end:sec}t %h").parse("1767225723 192.0.2.1");
    assertEquals(OffsetDateTime.parse("2026-01-01T00:02:03Z"), r.time());
  }

  @Test
  void nginxJsonLinesReadWithTheJsonParserToo() {
    for (AccessEvent e : TestEvents.events(5, 30)) {
      String line = LogFormats.nginx(FormatCases.NGINX_JSON, NginxEscape.JSON).format(e);
      LogRecord viaJson = LogParsers.json().parse(line);
      LogRecord viaFormat = LogParsers.nginx(FormatCases.NGINX_JSON, NginxEscape.JSON).parse(line);
      assertEquals(viaFormat.time(), viaJson.time(), line);
      assertEquals(viaFormat.path(), viaJson.path(), line);
      // nginx escape=json prints an absent value as "", which the nginx format's parser reads
      // as absent; the JSON parser reads a JSON string as itself (absent there is null)
      assertEquals(orEmpty(viaFormat.userAgent()), viaJson.userAgent(), line);
      assertEquals(orEmpty(viaFormat.user()), viaJson.user(), line);
      assertEquals(viaFormat.status(), viaJson.status(), line);
      assertEquals(viaFormat.responseTimeMicros(), viaJson.responseTimeMicros(), line);
    }
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  @Test
  void statusConditionsPrintDashAndParse() {
    AccessEvent ok = HostileContentTest.BASE;
    AccessEvent missing = ok.withStatus(404, 10);
    String fmt = "%s %404,410{Referer}i %!200,304{User-Agent}i";
    assertEquals("200 - -", LogFormats.apache(fmt).format(ok));
    assertEquals("404 http://www.example.com/start.html Mozilla/4.08 [en] (Win98; I ;Nav)",
        LogFormats.apache(fmt).format(missing));
    LogRecord r = LogParsers.apache(fmt).parse("200 - -");
    assertNull(r.referrer());
    assertEquals(200, r.status());
  }

  /**
   * httpd prints {@code -} for any directive whose status condition fails, {@code %q} too
   * (which prints nothing for a request without a query string).
   */
  @Test
  void failedStatusConditionOnTheQueryPrintsDash() {
    AccessEvent ok = HostileContentTest.BASE.withPath("/a?b=1");
    String fmt = "%U%404q %s";
    assertEquals("/a- 200", LogFormats.apache(fmt).format(ok));
    assertEquals("/a?b=1 404", LogFormats.apache(fmt).format(ok.withStatus(404, 10)));
    assertEquals("/a 404", LogFormats.apache(fmt).format(ok.withStatus(404, 10).withPath("/a")));
    LogRecord r = LogParsers.apache("%U %404q %s").parse("/a - 200");
    assertEquals("/a", r.path());
    assertEquals("-", r.field("%404q"));
    assertEquals("/a?b=1", LogParsers.apache("%U %404q %s").parse("/a ?b=1 404").path());
  }

  @Test
  void adjacentFieldsSplitWhereTheQueryStarts() {
    LogParser p = LogParsers.apache("%m %U%q %s");
    LogRecord r = p.parse("GET /a/b?c=d 200");
    assertEquals("/a/b?c=d", r.path());
    assertEquals("/a/b", r.field("%U"));
    assertEquals("?c=d", r.field("%q"));
    assertEquals("/a/b", p.parse("GET /a/b 200").path());
    assertEquals("/x?q=1", LogFormats.nginx("$uri$is_args$args").format(
        HostileContentTest.BASE.withPath("/x?q=1")));
    assertEquals("/x-", LogFormats.nginx("$uri$is_args$args").format(
        HostileContentTest.BASE.withPath("/x")), "nginx logs an unset $args as '-'");
    assertEquals("/x", LogFormats.nginx("$uri$is_args$args", NginxEscape.JSON).format(
        HostileContentTest.BASE.withPath("/x")), "and as nothing with escape=json");
  }

  /**
   * nginx's {@code $is_args} is {@code ?} only when the query string is not empty
   * ({@code ngx_http_variable_is_args} tests {@code r->args.len}); Apache's {@code %q} prints
   * the {@code ?} of a bare one. Both read back as the path printed.
   */
  @Test
  void isArgsIsEmptyForAnEmptyQueryString() {
    AccessEvent bare = HostileContentTest.BASE.withPath("/x?");
    assertEquals("", LogFormats.nginx("$is_args").format(bare));
    assertEquals("/x", LogFormats.nginx("$uri$is_args$args").format(bare));
    assertEquals("/x", LogFormats.nginx("$uri$is_args$args", NginxEscape.JSON).format(bare));
    assertEquals("?", LogFormats.nginx("$is_args").format(bare.withPath("/x?a")));
    assertEquals("", LogFormats.nginx("$is_args").format(bare.withPath("/x")));
    assertEquals("[] 200", LogFormats.nginx("[$is_args] $status").format(bare));
    assertEquals("?", LogFormats.apache("%q").format(bare));
    // nginx prints an empty $args as nothing, an unset one as '-': "/x" is "/x?" read back
    assertEquals("/x?", LogParsers.nginx("$uri$is_args$args").parse("/x").path());
    assertEquals("/x?", LogParsers.apache("%U%q").parse("/x?").path());
    LogParser p = LogParsers.nginx("[$is_args] $status");
    assertEquals("", p.parse("[] 200").field("$is_args"));
    assertEquals("?", p.parse("[?] 200").field("$is_args"));
  }

  /**
   * nginx prints an unset {@code $args} as {@code -} (an empty one as nothing):
   * {@code $uri$is_args$args} of a request without a query string ends in that {@code -}, which
   * is no part of the path. Before, the path took it ({@code /about-}) and the empty query
   * string after it ({@code /about-?}): 3,685 of these 4,000 events read back wrong.
   */
  @Test
  void uriIsArgsArgsReadsBackThePathWithOrWithoutAQuery() {
    String f = "$remote_addr [$time_local] \"$request_method $uri$is_args$args $server_protocol\""
        + " $status \"$http_referer\" \"$http_user_agent\"";
    for (NginxEscape esc : NginxEscape.values()) {
      LogFormat format = LogFormats.nginx(f, esc);
      LogParser parser = LogParsers.nginx(f, esc);
      for (long seed = 1; seed <= 100; seed++) {
        for (AccessEvent e : TestEvents.events(seed, 40)) {
          String line = format.format(e);
          LogRecord r = parser.parse(line);
          assertEquals(e.path(), r.path(), esc + ": " + line);
          assertEquals(e.protocol(), r.protocol(), esc + ": " + line);
          assertEquals(e.status(), r.status(), esc + ": " + line);
        }
      }
    }
    LogParser p = LogParsers.nginx("$uri$is_args$args $status");
    assertEquals("/about", p.parse("/about- 200").path());
    assertEquals("-", p.parse("/about- 200").field("$args"));
    assertEquals("/a-b", p.parse("/a-b- 200").path());
    assertEquals("/x?a=-", p.parse("/x?a=- 200").path());
    // after the '?' of $is_args a '-' is the query string
    AccessEvent dash = HostileContentTest.BASE.withPath("/x?-");
    assertEquals("/x?- 200", LogFormats.nginx("$uri$is_args$args $status").format(dash));
    assertEquals("/x?-", p.parse("/x?- 200").path());
  }

  /**
   * Escaped bytes are read as UTF-8 where they form it; bytes that do not (another charset, a
   * sequence cut short) keep the escape the server wrote, in its case.
   */
  @Test
  void escapedBytesThatAreNotUtf8KeepTheirEscapes() {
    LogParser apache = LogParsers.apache("\"%{User-agent}i\"");
    assertEquals("caf\u00e9 \\xe4\\xe5 \u20ac \\xc3", apache.parse(
        "\"caf\\xc3\\xa9 \\xe4\\xe5 \\xe2\\x82\\xac \\xc3\"").userAgent());
    assertEquals("\\xff\"\\", apache.parse("\"\\xff\\\"\\\\\"").userAgent());
    LogParser nginx = LogParsers.nginx("\"$http_user_agent\"");
    assertEquals("\u00e9\\xFF\\xC3 ok",
        nginx.parse("\"\\xC3\\xA9\\xFF\\xC3 ok\"").userAgent());
    // the same bytes unescaped by a JSON format are characters already
    assertEquals("\u00ff",
        LogParsers.json().parse("{\"http_user_agent\":\"\\u00ff\"}").userAgent());
  }

  @Test
  void aLongMalformedLineIsRefusedWithoutSearchingForEver() {
    // Before: candidate ends that did not fit a field were not counted against the search's
    // budget, so the time grew with the square of the line: 6 s at 16 kB, over a minute at 64 kB,
    // a 2 MB line did not finish (found by fuzzing). A guard against a hang, not a speed test.
    String head = "1.2.3.4 - - [01/Jan/2026:00:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"";
    for (int n : new int[] {8_000, 1_000_000}) {
      String line = head + "\" ".repeat(n) + "\"";
      LogParseException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> assertThrows(LogParseException.class, () -> LogParsers.combined().parse(line)));
      assertEquals(71, e.column(), "where the first reading went wrong, n=" + n);
    }
  }

  /**
   * Where the search gives up on a line of fields without a separator between them, the error
   * says so, for the line as a whole: some split not tried may fit, so where the first reading
   * went wrong says little. Before, it named the first reading's stop, e.g. "expected '[' in
   * time ... for %t" for a line whose {@code %t} was there.
   */
  @Test
  void fieldsThatSplitTooManyWaysToTrySaySo() {
    String line = "1".repeat(40) + "x";
    LogParseException e = assertThrows(LogParseException.class,
        () -> LogParsers.apache("%D%D%D%D%D%D").parseLine(line, 7));
    assertEquals(1, e.column());
    assertEquals("a split of %D%D%D%D%D%D that fits (gave up: fields without a separator between"
        + " them split too many ways to try)", e.expected());
  }

  /** A line that does not match, the parser, and where and what the error says. */
  private record Refused(String name, LogParser parser, String line, int column,
      String expected) {}

  @Test
  void aMegabyteLineThatDoesNotMatchIsRefusedInTimeProportionalToItsLength() {
    // Before: each candidate end of a field scanned the rest of the line, and only the ends
    // were counted: "a ".repeat(65536) took 8 s for Combined, a megabyte minutes. A guard
    // against a hang, not a speed test: each of these takes milliseconds.
    String spaced = "a ".repeat(1 << 19);
    String apart = "a".repeat(1 << 19) + " b" + ":".repeat(1 << 19);
    String clf = "%h %l %u %t \"%r\" %>s %b";
    for (Refused r : List.of(
        new Refused("combined", LogParsers.combined(), spaced, spaced.length() + 1,
            "' ' after %t"),
        new Refused("common", LogParsers.common(), spaced, spaced.length() + 1, "' ' after %t"),
        new Refused(clf, LogParsers.forFormat(LogFormats.apache(clf)), spaced,
            spaced.length() + 1, "' ' after %t"),
        // the ' "' after %t is there, at the very end, for every split of %h %l %u to find
        new Refused("combined, ' \"' at the end", LogParsers.combined(), spaced + "\" ", 7,
            "'[' in time [%d/%b/%Y:%H:%M:%S %z] for %t"),
        // each ':' is an end of %h, and each check read %h from its start to the space
        new Refused("%h:%>s", LogParsers.forFormat(LogFormats.apache("%h:%>s")), apart,
            (1 << 19) + 1, "a value without spaces for %h"),
        // each '1' is an end of %{X}i, and each reading of the year read all the digits after it
        new Refused("%{X}i1%{%Y}t", LogParsers.forFormat(LogFormats.apache("%{X}i1%{%Y}t")),
            "1".repeat(1 << 20), 2, "digits in time %Y for %{%Y}t"))) {
      LogParseException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
          () -> assertThrows(LogParseException.class, () -> r.parser().parseLine(r.line(), 7)),
          r.name());
      assertEquals(7, e.lineNumber(), r.name());
      assertEquals(r.column(), e.column(), r.name());
      assertEquals(r.expected(), e.expected(), r.name());
    }
  }
}
