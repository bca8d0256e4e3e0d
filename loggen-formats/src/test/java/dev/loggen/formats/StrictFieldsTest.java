package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogFormat;
import dev.loggen.core.VisitorKind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fields the servers print at a fixed width are read only at that width, and a request line
 * is split where the shape the renderer prints fits: httpd prints {@code %{msec_frac}t} with
 * {@code %03} and {@code %{usec_frac}t} with {@code %06}, nginx {@code $msec} and
 * {@code $request_time} as {@code %T.%03M}; {@code %r} and {@code $request} are a method, a
 * space, the target, a space and the protocol.
 */
class StrictFieldsTest {

  private static LogParseException fails(LogParser p, String line) {
    return assertThrows(LogParseException.class, () -> p.parse(line), line);
  }

  @Test
  void secondsNextToTheirFractionSplitAtTheFractionsWidth() {
    OffsetDateTime t = OffsetDateTime.parse("2026-03-14T09:26:53.589Z");
    AccessEvent e = TimeFormatTest.at(t.toInstant().toEpochMilli(), ZoneOffset.UTC);
    String printed = LogFormats.apache("%{sec}t%{msec_frac}t").format(e);
    assertEquals("1773480413589", printed);
    assertEquals(t, LogParsers.apache("%{sec}t%{msec_frac}t").parse(printed).time());
    assertEquals("589", LogParsers.apache("%{sec}t%{msec_frac}t").parse(printed)
        .field("%{msec_frac}t"));
    assertEquals(t, LogParsers.apache("%{sec}t%{usec_frac}t").parse("1773480413589000").time());
    assertEquals(t, LogParsers.apache("%{sec}t%{msec_frac}t %h").parse("1773480413589 h").time());
    assertEquals(t, LogParsers.apache("[%{sec}t%{msec_frac}t]").parse("[1773480413589]").time());
  }

  static Stream<Arguments> adjacentFormats() {
    return Stream.of(
        Arguments.of("%{sec}t%{msec_frac}t %h", ChronoUnit.MILLIS),
        Arguments.of("%{sec}t%{usec_frac}t %>s", ChronoUnit.MICROS),
        Arguments.of("%{%s}t%{msec_frac}t%{msec_frac}t %h", ChronoUnit.MILLIS),
        Arguments.of("%{end:sec}t%{end:msec_frac}t", ChronoUnit.MILLIS));
  }

  /** Render then parse gives the time back at the precision printed, over varied events. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("adjacentFormats")
  void adjacentFractionsReadBack(String format, ChronoUnit unit) {
    LogFormat f = LogFormats.apache(format);
    LogParser p = LogParsers.forFormat(f);
    boolean end = format.contains("end:");
    for (long seed : TestEvents.seeds(5).toArray()) {
      for (AccessEvent e : TestEvents.events(seed, 30)) {
        String line = f.format(e);
        Instant parsed = p.parse(line).time().toInstant();
        assertEquals(parsed, parsed.truncatedTo(unit), line);
        if (!end) {
          assertEquals(e.epochMillis(), parsed.toEpochMilli(), "seed " + seed + ": " + line);
        } else {
          // the end: at least the start, and within the response time after it
          long diff = parsed.toEpochMilli() - e.epochMillis();
          assertEquals(true, diff >= 0 && diff <= e.responseTimeMicros() / 1000 + 1,
              "seed " + seed + ": " + line);
        }
      }
    }
  }

  @Test
  void fractionsOfTheWrongWidthAreRefused() {
    LogParser dotted = LogParsers.apache("%{sec}t.%{msec_frac}t");
    LogParseException e = fails(dotted, "1773938678.1234");
    assertEquals(15, e.column());
    assertEquals("3 digits for %{msec_frac}t", e.expected());
    e = fails(dotted, "1773938678.12");
    assertEquals(14, e.column());
    assertEquals("3 digits for %{msec_frac}t", e.expected());
    e = fails(LogParsers.apache("%{msec_frac}t"), "5");
    assertEquals(2, e.column());
    assertEquals("3 digits for %{msec_frac}t", e.expected());
    e = fails(LogParsers.apache("%{usec_frac}t %h"), "12345 h");
    assertEquals(6, e.column());
    assertEquals("6 digits for %{usec_frac}t", e.expected());
    e = fails(LogParsers.apache("%{end:usec_frac}t"), "1234567");
    assertEquals(7, e.column());
    assertEquals("6 digits for %{end:usec_frac}t", e.expected());
    assertEquals("005", LogParsers.apache("%{msec_frac}t").parse("005").field("%{msec_frac}t"));
    // a status condition's '-' is still the absent mark
    assertEquals("-", LogParsers.apache("%{sec}t.%404{msec_frac}t").parse("1773938678.-")
        .field("%404{msec_frac}t"));
  }

  @Test
  void nginxSecondsHaveExactlyThreeDecimals() {
    LogParser msec = LogParsers.nginx("$msec $status");
    assertEquals(OffsetDateTime.parse("2026-03-19T16:44:38.123Z"),
        msec.parse("1773938678.123 200").time());
    LogParseException e = fails(msec, "1773938678.1234 200");
    assertEquals(15, e.column());
    assertEquals("3 digits for $msec", e.expected());
    e = fails(msec, "1773938678.12 200");
    assertEquals(14, e.column());
    assertEquals("3 digits for $msec", e.expected());
    e = fails(msec, "1773938678 200");
    assertEquals(11, e.column());
    assertEquals("'.' and 3 digits for $msec", e.expected());
    LogParser rt = LogParsers.nginx("$request_time");
    assertEquals(500_000L, rt.parse("0.500").responseTimeMicros());
    e = fails(rt, "0.5");
    assertEquals(4, e.column());
    assertEquals("3 digits for $request_time", e.expected());
  }

  /**
   * A request line splits where a method, the target and the protocol fit, not at the first
   * space after it: the reviewer's lines.
   */
  @Test
  void aRequestLineSplitsWhereItsProtocolEnds() {
    LogRecord r = LogParsers.apache("%f %r %{Host}i %k")
        .parse("/var/www/html/a POST /a?b=1 HTTP/1.0 shop.example.com 12");
    assertEquals("POST", r.method());
    assertEquals("/a?b=1", r.path());
    assertEquals("HTTP/1.0", r.protocol());
    assertEquals("shop.example.com", r.host());
    assertEquals("12", r.field("%k"));
    r = LogParsers.nginx("$request $remote_user").parse("GET /x HTTP/1.1 alice");
    assertEquals("GET", r.method());
    assertEquals("/x", r.path());
    assertEquals("HTTP/1.1", r.protocol());
    assertEquals("alice", r.user());
    r = LogParsers.nginx("$request $remote_user").parse("GET /x HTTP/1.1 carol smith");
    assertEquals("/x", r.path());
    assertEquals("carol smith", r.user());
  }

  /**
   * Request lines of every shape the renderer prints read back, HTTP/0.9 (no protocol) too. An
   * HTTP/0.9 request has no headers, so no user: its {@code GET /a?c=d} next to a user of two
   * words ({@code GET /a?c=d u v}) would be a request with protocol {@code u}, as a server reads
   * it; the user of two words is a later HTTP/1.1 request's.
   */
  @Test
  void requestLinesNextToTextReadBack() {
    List<String> formats = List.of("%f %r %{Host}i %k", "%r %u %>s", "%m %r %>s");
    for (String format : formats) {
      LogFormat f = LogFormats.apache(format);
      LogParser p = LogParsers.forFormat(f);
      for (AccessEvent e : TestEvents.events(11, 100)) {
        for (AccessEvent x : List.of(e, new AccessEvent(e.epochMillis(), e.offset(),
            e.clientAddress(), null, null, e.method(), "/a?c=d", "", 200, 1, null, null, 1,
            "h.example", 1, "S", VisitorKind.HUMAN, null), new AccessEvent(e.epochMillis(),
            e.offset(), e.clientAddress(), null, "u v", e.method(), "/a?c=d", "HTTP/1.1", 200, 1,
            null, null, 1, "h.example", 1, "S", VisitorKind.HUMAN, null))) {
          String line = f.format(x);
          LogRecord r = p.parse(line);
          assertEquals(x.method(), r.method(), line);
          assertEquals(x.path(), r.path(), line);
          assertEquals(x.protocol(), r.protocol(), line);
        }
      }
    }
    LogFormat nginx = LogFormats.nginx("$request $remote_user $status");
    for (AccessEvent e : TestEvents.events(12, 100)) {
      String line = nginx.format(e);
      LogRecord r = LogParsers.forFormat(nginx).parse(line);
      assertEquals(e.path(), r.path(), line);
      assertEquals(e.user(), r.user(), line);
      assertEquals(e.status(), r.status(), line);
    }
  }

  /**
   * An HTTP/0.9 request line has no protocol: httpd logs {@code %r} as {@code GET /a?b=1} (its
   * {@code log_request_line} writes the space before the protocol only for a request that has
   * one, and {@code r->the_request} has none) and {@code %H} as {@code HTTP/0.9}
   * ({@code r->protocol}); nginx logs {@code $request} as {@code GET /a?b=1}
   * ({@code r->request_line}) and leaves {@code $server_protocol} unset
   * ({@code r->http_protocol} is never set), so it prints {@code -}, nothing with
   * {@code escape=json}. Before, the request line ended in a space and {@code %H} and
   * {@code $server_protocol} printed nothing, which the parser refused. Every line reads back
   * with the empty protocol.
   */
  @Test
  void anHttp09RequestLineHasNoProtocolAndReadsBack() {
    AccessEvent e = new AccessEvent(HostileContentTest.BASE.epochMillis(),
        HostileContentTest.BASE.offset(), "192.0.2.1", null, null, "GET", "/a?b=1", "", 200, 5,
        null, null, 1_000, "h.example", 1, "S", VisitorKind.HUMAN, null);
    String clf = "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /a?b=1\" 200 5";
    assertEquals(clf, LogFormats.common().format(e));
    assertEquals(clf + " \"-\" \"-\"", LogFormats.combined().format(e));
    assertEquals(clf + " \"-\" \"-\"",
        LogFormats.apache(FormatCases.APACHE_COMBINED).format(e));
    assertEquals("\"GET /a?b=1\" HTTP/0.9 GET",
        LogFormats.apache("\\\"%r\\\" %H %m").format(e));
    assertEquals("\"GET /a?b=1\" - 200",
        LogFormats.nginx("\"$request\" $server_protocol $status").format(e));
    assertEquals("{\"r\":\"GET /a?b=1\",\"p\":\"\"}", LogFormats.nginx(
        "{\"r\":\"$request\",\"p\":\"$server_protocol\"}", NginxEscape.JSON).format(e));
    assertTrue(LogFormats.nginxError().format(e.withStatus(404, 5))
        .contains(", request: \"GET /a?b=1\", "));
    List<LogFormat> formats = List.of(LogFormats.common(), LogFormats.combined(),
        LogFormats.apache(FormatCases.APACHE_COMBINED), LogFormats.apache("%h %r %H %>s"),
        LogFormats.apache("%r %u %>s"), LogFormats.apache("%f %r %{Host}i %k"),
        LogFormats.apache("%m %U%q %H %>s"), LogFormats.apache("%m %U%q [%H] %>s"),
        LogFormats.nginx(FormatCases.NGINX_COMBINED), LogFormats.nginx(FormatCases.NGINX_TIMED),
        LogFormats.nginx(FormatCases.NGINX_MSEC), LogFormats.nginx("$request $status"),
        LogFormats.nginx(FormatCases.NGINX_JSON, NginxEscape.JSON),
        LogFormats.nginx("$request_method $request_uri $server_protocol $status",
            NginxEscape.NONE),
        LogFormats.nginx("{\"p\":\"$server_protocol\",\"s\":$status}", NginxEscape.JSON));
    for (LogFormat f : formats) {
      String line = f.format(e);
      LogRecord r = LogParsers.forFormat(f).parse(line);
      assertEquals("", r.protocol(), f + ": " + line);
      if (r.path() != null) {
        assertEquals("/a?b=1", r.path(), f + ": " + line);
        assertEquals("GET", r.method(), f + ": " + line);
      }
    }
  }

  /**
   * An HTTP/0.9 request line, and one of any text, reads back next to a value that holds its
   * delimiter, as a full request line does: every split is tried for them too. Before, those
   * shapes were read first-fit only: the user {@code john smith} ended at its space, and the
   * line was refused with "expected '[' in time ... for %t, found 's'".
   */
  @Test
  void looserRequestLinesReadBackNextToValuesHoldingTheirDelimiter() {
    AccessEvent e = new AccessEvent(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli(),
        ZoneOffset.UTC, "216.144.248.19", null, "john smith", "GET", "/", "", 200, 0, null, null,
        1, "h.example", 1, "S", VisitorKind.HUMAN, null);
    String line = LogFormats.combined().format(e);
    assertEquals("216.144.248.19 - john smith [01/Jan/2026:00:00:00 +0000] \"GET /\" 200 - \"-\""
        + " \"-\"", line);
    LogRecord r = LogParsers.combined().parse(line);
    assertEquals("john smith", r.user());
    assertEquals("GET", r.method());
    assertEquals("/", r.path());
    assertEquals("", r.protocol());
    assertEquals(200, r.status());

    LogFormat nginx = LogFormats.nginx("$remote_addr - $remote_user [$time_local] \"$request\""
        + " $status \"$http_user_agent\"", NginxEscape.NONE);
    AccessEvent quoted = new AccessEvent(e.epochMillis(), e.offset(), e.clientAddress(), null,
        null, "GET", "/", "", 200, 0, null, "a\"b", 1, "h.example", 1, "S", VisitorKind.HUMAN,
        null);
    line = nginx.format(quoted);
    assertEquals("216.144.248.19 -  [01/Jan/2026:00:00:00 +0000] \"GET /\" 200 \"a\"b\"", line);
    r = LogParsers.forFormat(nginx).parse(line);
    assertEquals("a\"b", r.userAgent());
    assertEquals("/", r.path());
    assertEquals("", r.protocol());

    // a request line of any text ("-" for a timed-out connection) next to such a user
    r = LogParsers.combined().parse("216.144.248.19 - john smith [01/Jan/2026:00:00:00 +0000]"
        + " \"-\" 408 - \"-\" \"-\"");
    assertEquals("john smith", r.user());
    assertEquals("-", r.field("%r"));
    assertEquals(408, r.status());
  }

  /**
   * What a server logs for a request line it could not read still parses where nothing else
   * fits: httpd's {@code "-"} for a timed-out connection, the escaped bytes of a TLS handshake.
   */
  @Test
  void unreadableRequestLinesStillParse() {
    LogParser combined = LogParsers.combined();
    LogRecord r = combined.parse("192.0.2.1 - - [14/Mar/2026:09:26:53 +0000] \"-\" 408 - \"-\""
        + " \"-\"");
    assertEquals(408, r.status());
    assertNull(r.method());
    assertEquals("-", r.field("%r"));
    r = combined.parse("192.0.2.1 - - [14/Mar/2026:09:26:53 +0000] \"\\x16\\x03\\x01\\x02\\x00\""
        + " 400 226 \"-\" \"-\"");
    assertEquals(400, r.status());
    assertEquals("GET", combined.parse("192.0.2.1 - - [14/Mar/2026:09:26:53 +0000] \"GET /\""
        + " 400 226 \"-\" \"-\"").method());
  }
}
