package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.LogWriter;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Error-log lines: which events they log, their exact shape, and correlation with the access line. */
class ErrorLogTest {
  static final DateTimeFormatter APACHE_TIME =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss.SSS", Locale.ENGLISH);
  static final DateTimeFormatter NGINX_TIME =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ENGLISH);

  @Test
  void acceptsServerErrorsNotFoundForbiddenAndFailedLogins() {
    AccessEvent e = HostileContentTest.BASE;
    for (LogFormat f : new LogFormat[] {LogFormats.apacheError(), LogFormats.nginxError()}) {
      for (int status : new int[] {500, 501, 502, 503, 504, 599, 404, 403}) {
        assertTrue(f.accepts(e.withStatus(status, 10)), f + " " + status);
      }
      for (int status : new int[] {100, 200, 204, 301, 304, 400, 405, 410, 429}) {
        assertFalse(f.accepts(e.withStatus(status, 10)), f + " " + status);
      }
      assertTrue(f.accepts(e.withStatus(401, 10)), "401 with user frank");
      AccessEvent anonymous = new AccessEvent(e.epochMillis(), e.offset(), e.clientAddress(),
          null, null, "GET", "/admin", "HTTP/1.1", 401, 10, null, null, 5, "h", 1, "S",
          e.visitorKind(), null);
      assertFalse(f.accepts(anonymous), "a 401 without credentials is only a challenge");
      IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
          () -> f.format(e.withStatus(200, 1)));
      assertEquals(f.name() + " does not log a request with status 200; check accepts(event)"
          + " first", x.getMessage());
    }
  }

  @Test
  void anErrorFormatIsNotAnAccessFormatForTheWriter() {
    // Before: LogWriter.format took it, and the run failed at its first event
    // ("apache-error does not log a request with status 200; check accepts(event) first").
    LogWriter w = LogGenerator.builder().seed(1).build().writer();
    for (LogFormat f : new LogFormat[] {LogFormats.apacheError(), LogFormats.nginxError(),
        LogFormats.named("apache-error"), ErrorFormat.NGINX.format()}) {
      assertEquals("format " + f.name() + " is an error-log format (it writes no line for an"
          + " ordinary 200 response): give it to errors(format, sink) and an access-log format,"
          + " such as LogFormats.combined(), to format(...)",
          assertThrows(IllegalArgumentException.class, () -> w.format(f)).getMessage());
    }
    for (FormatCases.Case c : FormatCases.access()) {
      // a new writer each: a writer takes one format (a second, other one is refused)
      LogWriter fresh = LogGenerator.builder().seed(1).build().writer();
      assertSame(fresh, fresh.format(c.format()), c.name());
    }
  }

  @Test
  void exactLines() {
    AccessEvent e = HostileContentTest.BASE.withStatus(404, 0).withPath("/x?y=1");
    assertEquals("[Tue Oct 10 13:55:36.123567 2000] [core:info] [pid 2948:tid 139641740633856]"
        + " [client 127.0.0.1:37810] AH00128: File does not exist: /var/www/html/x,"
        + " referer: http://www.example.com/start.html", LogFormats.apacheError().format(e));
    assertEquals("2000/10/10 13:55:36 [error] 1205#0: *5474014 open()"
        + " \"/usr/share/nginx/html/x\" failed (2: No such file or directory), client: 127.0.0.1,"
        + " server: www.example.com, request: \"GET /x?y=1 HTTP/1.0\", host: \"www.example.com\","
        + " referrer: \"http://www.example.com/start.html\"", LogFormats.nginxError().format(e));
    AccessEvent gateway = e.withStatus(502, 150);
    assertEquals("[Tue Oct 10 13:55:36.123567 2000] [proxy:error] [pid 2948:tid 139641740633856]"
        + " [client 127.0.0.1:37810] AH00898: Error reading from remote server returned by /x,"
        + " referer: http://www.example.com/start.html", LogFormats.apacheError().format(gateway));
    assertEquals("2000/10/10 13:55:36 [error] 1205#0: *5474014 connect() failed (111: Connection"
        + " refused) while connecting to upstream, client: 127.0.0.1, server: www.example.com,"
        + " request: \"GET /x?y=1 HTTP/1.0\", upstream: \"http://127.0.0.1:8080/x?y=1\","
        + " host: \"www.example.com\", referrer: \"http://www.example.com/start.html\"",
        LogFormats.nginxError().format(gateway));
    assertTrue(LogFormats.apacheError().format(e.withStatus(503, 1)).endsWith(
        "[proxy_http:error] [pid 2948:tid 139641740633856] [client 127.0.0.1:37810] AH01114: HTTP:"
            + " failed to make connection to backend: 127.0.0.1, referer:"
            + " http://www.example.com/start.html"));
    assertTrue(LogFormats.apacheError().format(e.withStatus(504, 1)).contains(
        "[proxy_http:error] [pid 2948:tid 139641740633856] (70007)The timeout specified has"
            + " expired: [client 127.0.0.1:37810] AH01102: error reading status line from remote"
            + " server 127.0.0.1:8080"));
    assertTrue(LogFormats.apacheError().format(e.withStatus(401, 1)).contains(
        "[auth_basic:error] [pid 2948:tid 139641740633856] [client 127.0.0.1:37810] AH01617:"
            + " user frank: authentication failure for \"/x\": Password Mismatch"));
    assertTrue(LogFormats.nginxError().format(e.withStatus(401, 1)).contains(
        "*5474014 user \"frank\": password mismatch, client: 127.0.0.1, "));
    assertTrue(LogFormats.apacheError().format(e.withStatus(403, 1)).contains(
        "[authz_core:error] [pid 2948:tid 139641740633856] [client 127.0.0.1:37810] AH01630:"
            + " client denied by server configuration: /var/www/html/x"));
    assertTrue(LogFormats.nginxError().format(e.withStatus(403, 1)).contains(
        "*5474014 access forbidden by rule, client: 127.0.0.1, "));
    assertTrue(LogFormats.nginxError().format(e.withStatus(504, 1)).contains(
        "upstream timed out (110: Connection timed out) while reading response header from"
            + " upstream, client: 127.0.0.1, server: www.example.com, request: \"GET /x?y=1"
            + " HTTP/1.0\", upstream: \"http://127.0.0.1:8080/x?y=1\""));
  }

  static Stream<Long> seeds() {
    return TestEvents.seedStream(100);
  }

  static final Pattern APACHE = Pattern.compile("\\[(\\w{3} \\w{3} \\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3})"
      + "\\d{3} (\\d{4})\\] \\[(\\w+):(error|info)\\] \\[pid (\\d+):tid (\\d+)\\] (\\(\\d+\\)[^:]+: )?"
      + "\\[client (.+):(\\d+)\\] (AH\\d{5}): (.*)");
  static final Pattern NGINX = Pattern.compile("(\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d) \\[error\\]"
      + " (\\d+)#0: \\*(\\d+) (.*), client: ([^,]+), server: ([^,]+), request: \"([^\"]*)\""
      + "(, upstream: \"[^\"]*\")?, host: \"([^\"]*)\"(, referrer: \"[^\"]*\")?");

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void linesCorrelateWithTheAccessEvent(long seed) {
    int logged = 0;
    LogFormat.Renderer apacheRenderer = LogFormats.apacheError().newRenderer();
    LineBuffer buffer = new LineBuffer();
    for (AccessEvent e : TestEvents.events(seed, 80)) {
      if (!LogFormats.apacheError().accepts(e)) {
        continue;
      }
      logged++;
      String where = "seed " + seed + ": " + LogFormats.combined().format(e);
      ZonedDateTime t = Instant.ofEpochMilli(e.epochMillis()).atZone(e.offset());
      String a = LogFormats.apacheError().format(e);
      Matcher m = APACHE.matcher(a);
      assertTrue(m.matches(), a + " / " + where);
      assertEquals(APACHE_TIME.format(t), m.group(1), where);
      assertEquals(Integer.toString(t.getYear()), m.group(2), where);
      assertEquals(e.clientAddress(), m.group(8), where);
      assertEquals(LogFormats.apache("%{remote}p %P %{tid}P").format(e),
          m.group(9) + " " + m.group(5) + " " + m.group(6), "port, pid and tid agree; " + where);
      int s = e.status();
      if (s == 401 || s == 403 || s == 404 || s == 502) {
        assertTrue(m.group(11).contains(e.pathWithoutQuery()), "path; " + where);
      }
      String n = LogFormats.nginxError().format(e);
      Matcher k = NGINX.matcher(n);
      assertTrue(k.matches(), n + " / " + where);
      assertEquals(NGINX_TIME.format(t), k.group(1), where);
      assertEquals(e.clientAddress(), k.group(5), where);
      assertEquals(e.host(), k.group(6), where);
      assertEquals(e.method() + " " + e.path() + " " + e.protocol(), k.group(7), where);
      assertEquals(LogFormats.nginx("$pid $connection").format(e), k.group(2) + " " + k.group(3),
          "pid and connection agree with the access log; " + where);
      assertEquals(e.referrer() != null, k.group(10) != null, where);
      // a long-lived renderer (warm caches) gives the same line as a fresh one
      buffer.reset();
      apacheRenderer.render(e, buffer);
      assertEquals(a, buffer.toString(), where);
    }
    assertTrue(logged > 0, "seed " + seed + " logged no errors");
  }
}
