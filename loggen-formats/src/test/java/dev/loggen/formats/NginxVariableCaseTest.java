package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * nginx variable names are case-insensitive ({@code ngx_http_get_variable_index} lower-cases
 * them): an upper- or mixed-case name renders and parses as its lower-case form.
 */
class NginxVariableCaseTest {
  private static final String LOWER = "$remote_addr - $remote_user [$time_local] \"$request\""
      + " $status $body_bytes_sent \"$http_referer\" \"$http_user_agent\" $request_time $msec";
  private static final String MIXED = "$Remote_Addr - ${REMOTE_USER} [$Time_Local] \"$REQUEST\""
      + " $Status $BODY_bytes_SENT \"$HTTP_REFERER\" \"$HTTP_USER_AGENT\" $Request_Time $MSEC";

  @Test
  void mixedCaseNamesAreTheLowerCaseVariables() {
    List<AccessEvent> events = TestEvents.events(7, 200);
    for (NginxEscape escape : NginxEscape.values()) {
      LogFormat lower = LogFormats.nginx(LOWER, escape);
      LogFormat mixed = LogFormats.nginx(MIXED, escape);
      LogParser parser = LogParsers.nginx(MIXED, escape);
      LogParser lowerParser = LogParsers.nginx(LOWER, escape);
      for (AccessEvent e : events) {
        String line = lower.format(e);
        assertEquals(line, mixed.format(e), escape + " " + e);
        LogRecord r = parser.parse(line);
        LogRecord expected = lowerParser.parse(line);
        assertEquals(expected.time(), r.time(), line);
        assertEquals(expected.clientAddress(), r.clientAddress(), line);
        assertEquals(expected.user(), r.user(), line);
        assertEquals(expected.path(), r.path(), line);
        assertEquals(expected.status(), r.status(), line);
        assertEquals(expected.referrer(), r.referrer(), line);
        assertEquals(expected.userAgent(), r.userAgent(), line);
        assertEquals(expected.responseTimeMicros(), r.responseTimeMicros(), line);
      }
    }
  }

  @Test
  void theFieldKeepsTheNameAsWritten() {
    LogRecord r = LogParsers.nginx("$Remote_Addr \"$HTTP_USER_AGENT\"")
        .parse("192.0.2.1 \"curl/8.8.0\"");
    assertEquals("192.0.2.1", r.clientAddress());
    assertEquals("curl/8.8.0", r.userAgent());
    assertEquals("curl/8.8.0", r.fields().get("$HTTP_USER_AGENT"));
  }
}
