package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loggen.core.internal.Printable;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an event may hold as its client and method: only what stays one field of a Common line.
 * Before, an empty client or method, or one with a space or control character, was accepted and
 * rendered a line that our own parser refused or read with the fields shifted.
 */
class AccessEventTest {
  private static AccessEvent event(String client, String method) {
    return new AccessEvent(1_700_000_000_000L, ZoneOffset.UTC, client, null, null, method, "/",
        "HTTP/1.1", 200, 1, null, null, 1, "h", 1, "S", VisitorKind.HUMAN, null);
  }

  private static String iae(String client, String method) {
    return assertThrows(IllegalArgumentException.class, () -> event(client, method))
        .getMessage();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "G ET", "GET ", " GET", "\tGET", "GE\nT", "GE\rT",
      "GE\u0000T", "GE\u007fT", "G\u00c9T", "GE\u00a0T", "\u20ac"})
  void aMethodThatIsNotATokenOfVisibleAsciiIsRefused(String method) {
    String message = iae("192.0.2.1", method);
    assertEquals("method must be a non-empty token of visible ASCII without spaces, such as GET"
        + " (got '" + Printable.of(method) + "')", message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "192.0.2.1 ", " 192.0.2.1", "192.0.2.1 - x", "a\tb", "a\nb",
      "a\rb", "a\u000bb", "a\u001fb", "a\u00a0b", "a\u2003b", "a\u3000b"})
  void aClientAddressThatIsEmptyOrHoldsWhitespaceIsRefused(String client) {
    String message = iae(client, "GET");
    assertEquals("clientAddress must be a non-empty address without whitespace, such as"
        + " 192.0.2.1 (got '" + Printable.of(client) + "')", message);
  }

  @Test
  void theMessageShowsAControlCharacterAsAnEscape() {
    assertEquals("method must be a non-empty token of visible ASCII without spaces, such as GET"
        + " (got 'GE\\u000AT')", iae("192.0.2.1", "GE\nT"));
    assertEquals("clientAddress must be a non-empty address without whitespace, such as"
        + " 192.0.2.1 (got '')", iae("", "GET"));
  }

  /** Methods servers log besides the usual ones, and what a scanner sends, quotes included. */
  @ParameterizedTest
  @ValueSource(strings = {"GET", "M-SEARCH", "PROPFIND", "VERSION-CONTROL", "get", "X\"\\",
      "!#$%&'*+-.^_`|~", "%2F", "A"})
  void anyTokenOfVisibleAsciiIsAMethod(String method) {
    assertEquals(method, event("192.0.2.1", method).method());
  }

  /** Addresses, host names (Apache's HostnameLookups) and what a broken proxy might pass on. */
  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.1", "2001:db8::1", "::1", "fe80::1%eth0", "host.example.com",
      "caf\u00e9.example", "a\"b\\c", "nul\u0000", "x"})
  void anyTextWithoutWhitespaceIsAClientAddress(String client) {
    assertEquals(client, event(client, "GET").clientAddress());
  }

  @Test
  void copiesKeepTheCheckedFields() {
    AccessEvent e = event("192.0.2.1", "PUT").withStatus(404, 0).withPath("/x")
        .withUserAgent("ua").withScenario("s");
    assertEquals("192.0.2.1", e.clientAddress());
    assertEquals("PUT", e.method());
  }
}
