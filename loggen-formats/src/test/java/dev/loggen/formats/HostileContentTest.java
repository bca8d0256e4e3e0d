package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogFormat;
import dev.loggen.core.VisitorKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Quotes, backslashes, CR, LF, TAB, NUL, DEL, non-ASCII UTF-8, unpaired surrogates and 10 KB
 * values: every format keeps one event on one line and escapes exactly as its server does.
 */
class HostileContentTest {
  /** Apache's documentation example request. */
  static final AccessEvent BASE = new AccessEvent(
      Instant.parse("2000-10-10T20:55:36.123Z").toEpochMilli(), ZoneOffset.ofHours(-7),
      "127.0.0.1", null, "frank", "GET", "/apache_pb.gif", "HTTP/1.0", 200, 2326,
      "http://www.example.com/start.html", "Mozilla/4.08 [en] (Win98; I ;Nav)", 1_234_567,
      "www.example.com", 77, "BROWSING", VisitorKind.HUMAN, null);

  /** Every kind of trouble in one value. */
  static final String NASTY = "a\"b\\c\nd\re\tf\u0000g\u007fh\u00e9i\u20ac\ud83d\ude00j\u000bk\bl\fm";

  @Test
  void combinedMatchesApacheDocumentationExample() {
    assertEquals("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\""
        + " 200 2326 \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"",
        LogFormats.combined().format(BASE));
    assertEquals("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\""
        + " 200 2326", LogFormats.common().format(BASE));
  }

  @Test
  void apacheEscapesLikeApEscapeLogitem() {
    String ua = LogFormats.apache("%{User-Agent}i").format(BASE.withUserAgent(NASTY));
    assertEquals("a\\\"b\\\\c\\nd\\re\\tf\\x00g\\x7fh\\xc3\\xa9i\\xe2\\x82\\xac\\xf0\\x9f\\x98\\x80"
        + "j\\vk\\bl\\x0cm", ua);
  }

  @Test
  void nginxDefaultEscapesAsUpperCaseHex() {
    String ua = LogFormats.nginx("$http_user_agent").format(BASE.withUserAgent(NASTY));
    assertEquals("a\\x22b\\x5Cc\\x0Ad\\x0De\\x09f\\x00g\\x7Fh\\xC3\\xA9i\\xE2\\x82\\xAC"
        + "\\xF0\\x9F\\x98\\x80j\\x0Bk\\x08l\\x0Cm", ua);
  }

  @Test
  void nginxJsonAndOurJsonEscapeAsJsonStrings() {
    String expected = "a\\\"b\\\\c\\nd\\re\\tf\\u0000g\u007fh\u00e9i\u20ac\ud83d\ude00j\\u000Bk"
        + "\\bl\\fm";
    assertEquals(expected,
        LogFormats.nginx("$http_user_agent", NginxEscape.JSON).format(BASE.withUserAgent(NASTY)));
    String json = LogFormats.json().format(BASE.withUserAgent(NASTY));
    assertTrue(json.contains("\"http_user_agent\":\"" + expected + "\""), json);
    String ecs = LogFormats.ecs().format(BASE.withUserAgent(NASTY));
    assertTrue(ecs.contains("\"user_agent\":{\"original\":\"" + expected + "\"}"), ecs);
  }

  @Test
  void nginxNoneCopiesEverythingButLineBreaks() {
    byte[] line = LogFormats.nginx("[$http_user_agent]", NginxEscape.NONE)
        .format(BASE.withUserAgent(NASTY)).getBytes(StandardCharsets.UTF_8);
    String expected = "[a\"b\\c\\x0Ad\\x0De\tf\u0000g\u007fh\u00e9i\u20ac\ud83d\ude00j\u000bk\bl\fm]";
    assertEquals(expected, new String(line, StandardCharsets.UTF_8));
  }

  @Test
  void unpairedSurrogateIsWrittenAsQuestionMark() {
    AccessEvent e = BASE.withUserAgent("x\ud800y");
    assertEquals("x?y", LogFormats.apache("%{User-Agent}i").format(e));
    assertEquals("x?y", LogFormats.nginx("$http_user_agent").format(e));
  }

  @Test
  void requestLinePathAndQueryAreEscapedAsApacheDoes() {
    AccessEvent e = BASE.withPath("/a b\"c\\d\n?x=1\"2&y=%0A");
    assertEquals("GET /a b\\\"c\\\\d\\n?x=1\\\"2&y=%0A HTTP/1.0",
        LogFormats.apache("%r").format(e));
    assertEquals("/a b\\\"c\\\\d\\n|?x=1\\\"2&y=%0A", LogFormats.apache("%U|%q").format(e));
  }

  @Test
  void decodedPathIsEscapedAfterDecoding() {
    AccessEvent e = BASE.withPath("/caf%C3%A9/%22q%22/%0A%zz?k=%22");
    assertEquals("/caf\\xc3\\xa9/\\\"q\\\"/\\n%zz", LogFormats.apache("%U").format(e));
    assertEquals("/var/www/html/caf\\xc3\\xa9/\\\"q\\\"/\\n%zz", LogFormats.apache("%f").format(e));
    assertEquals("/caf\\xC3\\xA9/\\x22q\\x22/\\x0A%zz k=%22",
        LogFormats.nginx("$uri $args").format(e));
    assertEquals("/caf\u00e9/\\\"q\\\"/\\n%zz", LogFormats.nginx("$uri", NginxEscape.JSON).format(e));
    assertEquals("/caf%C3%A9/%22q%22/%0A%zz?k=%22", LogFormats.nginx("$request_uri").format(e));
  }

  @Test
  void emptyUserIsTwoQuotesInApache() {
    AccessEvent e = new AccessEvent(BASE.epochMillis(), BASE.offset(), "127.0.0.1", null, "",
        "GET", "/", "HTTP/1.1", 200, 1, null, null, 1, "h", 1, "S", VisitorKind.HUMAN, null);
    String line = LogFormats.common().format(e);
    assertEquals("127.0.0.1 - \"\" [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 1", line);
    assertEquals("", LogParsers.common().parse(line).user());
  }

  @Test
  void userWithSpacesAndQuotesParsesBack() {
    AccessEvent e = new AccessEvent(BASE.epochMillis(), BASE.offset(), "127.0.0.1", null,
        "carol \"cc\" smith", "GET", "/", "HTTP/1.1", 200, 1, null, null, 1, "h", 1, "S",
        VisitorKind.HUMAN, null);
    String line = LogFormats.combined().format(e);
    assertTrue(line.contains(" carol \\\"cc\\\" smith ["), line);
    assertEquals("carol \"cc\" smith", LogParsers.combined().parse(line).user());
  }

  /**
   * Whatever an event accepts as its client (no whitespace) and method (visible ASCII) stays one
   * field of a Common or Combined line and reads back as it was, quotes, backslashes, controls
   * and non-ASCII characters included.
   */
  @Test
  void acceptedClientsAndMethodsReadBack() {
    for (String client : new String[] {"2001:db8::7", "caf\u00e9.example", "a\"b\\c",
        "nul\u0000", "del\u007f", "\ud83d\ude00", "a\tb", "a\nb", "a\u00a0b", "a\u3000b"}) {
      for (String method : new String[] {"GET", "M-SEARCH", "M\"", "\\", "a\"\\\"b", "-",
          "\tGET", "GE\nT", "GE\u0000T", "G\u00c9T", "GE\u00a0T", "\u20ac"}) {
        AccessEvent e = new AccessEvent(BASE.epochMillis(), BASE.offset(), client, null, null,
            method, "/p", "HTTP/1.1", 200, 1, null, null, 1, "h", 1, "S", VisitorKind.HUMAN,
            null);
        for (LogFormat f : new LogFormat[] {LogFormats.common(), LogFormats.combined()}) {
          String line = f.format(e);
          LogRecord r = LogParsers.forFormat(f).parse(line);
          assertEquals(client, r.clientAddress(), line);
          assertEquals(method, r.method(), line);
          assertEquals("/p", r.path(), line);
          assertEquals("HTTP/1.1", r.protocol(), line);
        }
      }
    }
  }

  /**
   * A protocol without a space, whatever else it holds, reads back as the last word of the
   * request line, with a path that has spaces in front of it (the parser splits at the last
   * space); an empty one (HTTP/0.9) too, with a path without spaces: an HTTP/0.9 request line
   * has no protocol and no space before it ({@code GET /a}), so {@code GET /a b} is a request
   * for {@code /a} with protocol {@code b}, as a server reads it.
   */
  @Test
  void acceptedProtocolsReadBack() {
    for (String protocol : new String[] {"HTTP/1.1", "", "HTTP/1.1\t", "H\nT", "\"\\",
        "HTTP/1.1\u00a0", "\u00e9\u0000"}) {
      String path = protocol.isEmpty() ? "/a\tb" : "/a b";
      AccessEvent e = new AccessEvent(BASE.epochMillis(), BASE.offset(), "192.0.2.1", null, null,
          "GET", path, protocol, 200, 1, null, null, 1, "h", 1, "S", VisitorKind.HUMAN, null);
      for (LogFormat f : new LogFormat[] {LogFormats.common(), LogFormats.combined()}) {
        String line = f.format(e);
        LogRecord r = LogParsers.forFormat(f).parse(line);
        assertEquals(path, r.path(), line);
        assertEquals(protocol, r.protocol(), line);
      }
    }
  }

  /** AccessEvent's Javadoc: the path is the request line's middle, taken whole, even empty. */
  @Test
  void pathsWithSpacesOrEmptyReadBack() {
    for (String path : new String[] {"", "/a b", " ", "/x?q=a b c"}) {
      AccessEvent e = BASE.withPath(path);
      for (LogFormat f : new LogFormat[] {LogFormats.common(), LogFormats.combined()}) {
        String line = f.format(e);
        LogRecord r = LogParsers.forFormat(f).parse(line);
        assertEquals(path, r.path(), line);
        assertEquals(e.protocol(), r.protocol(), line);
      }
    }
  }

  static final List<String> HOSTILE_VALUES = List.of(NASTY, "\"", "\\", "\\\"", "\"\\",
      "\n", "\r\n", "tab\there", "nul\u0000", "\u00fcber \u65e5\u672c \ud83d\ude00",
      "quote \" inside \" twice", "ends with backslash \\", "x".repeat(10_000) + "\"\n\\");

  static Stream<Arguments> hostileCases() {
    return Stream.of("combined", "json", "ecs", "nginx-combined", "nginx-json").flatMap(name ->
        HOSTILE_VALUES.stream().map(v -> Arguments.of(name, v)));
  }

  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("hostileCases")
  void hostileValuesStayOnOneLineAndParseBack(String caseName, String value) {
    FormatCases.Case c = FormatCases.access().stream()
        .filter(x -> x.name().equals(caseName)).findFirst().orElseThrow();
    LogFormat f = c.format();
    AccessEvent e = new AccessEvent(BASE.epochMillis(), BASE.offset(), "2001:db8::7", null,
        "u" + value, "GET", "/p" + value.replace(' ', '+').replace("\n", "%0A") + "?q=" + value,
        "HTTP/1.1", 404, 0, "http://r/" + value, value, 10, "h.example", 9, "S",
        VisitorKind.SCANNER, "x" + value);
    String line = f.format(e);
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      assertFalse(b == '\n' || b == '\r', () -> caseName + ": raw line break in " + line);
    }
    LogRecord r = LogParsers.forFormat(f).parse(line);
    String where = caseName + ": " + (line.length() > 300 ? line.substring(0, 300) : line);
    assertEquals(e.userAgent(), r.userAgent(), where);
    assertEquals(e.referrer(), r.referrer(), where);
    assertEquals(e.path(), r.path(), where);
    assertEquals(e.user(), r.user(), where);
    assertEquals(404, r.status(), where);
    if (caseName.equals("json")) {
      assertEquals(e.scenario(), r.field("loggen_scenario"), where);
    }
  }

  /**
   * The Apache error log escapes as httpd's {@code ap_escape_errorlog_item}: a quote raw, a
   * backslash, controls and non-ASCII bytes as the access log escapes them; its access log
   * ({@code ap_escape_logitem}) still escapes the quote.
   */
  @Test
  void apacheErrorLogLeavesQuotesRaw() {
    AccessEvent e = new AccessEvent(BASE.epochMillis(), BASE.offset(), "192.0.2.1", null,
        NASTY, "GET", "/q\"u", "HTTP/1.1", 401, 0, "http://r/" + NASTY, NASTY, 1, "h", 1, "S",
        VisitorKind.HUMAN, null);
    String escaped = "a\"b\\\\c\\nd\\re\\tf\\x00g\\x7fh\\xc3\\xa9i\\xe2\\x82\\xac"
        + "\\xf0\\x9f\\x98\\x80j\\vk\\bl\\x0cm";
    String line = LogFormats.apacheError().format(e);
    assertTrue(line.endsWith("AH01617: user " + escaped + ": authentication failure for \"/q\"u\":"
        + " Password Mismatch, referer: http://r/" + escaped), line);
    assertEquals("a\\\"b\\\\c\\nd\\re\\tf\\x00g\\x7fh\\xc3\\xa9i\\xe2\\x82\\xac"
        + "\\xf0\\x9f\\x98\\x80j\\vk\\bl\\x0cm", LogFormats.apache("%{Referer}i").format(
        e.withUserAgent(null)).substring("http://r/".length()));
  }

  @Test
  void errorLogsEscapeHostileValuesToo() {
    AccessEvent e = BASE.withStatus(404, 0).withPath("/x\n\"y\"%0D").withUserAgent(NASTY);
    String apache = LogFormats.apacheError().format(e);
    // httpd's ap_escape_errorlog_item leaves a quote raw ("no need for this in error log")
    assertTrue(apache.endsWith("AH00128: File does not exist: /var/www/html/x\\n\"y\"\\r, "
        + "referer: http://www.example.com/start.html"), apache);
    String nginx = LogFormats.nginxError().format(e);
    assertTrue(nginx.contains("open() \"/usr/share/nginx/html/x\\x0A\\x22y\\x22\\x0D\" failed"),
        nginx);
    assertTrue(nginx.contains("request: \"GET /x\\x0A\\x22y\\x22%0D HTTP/1.0\""), nginx);
    assertFalse(apache.contains("\n") || nginx.contains("\n") || nginx.contains("\r"));
  }
}
