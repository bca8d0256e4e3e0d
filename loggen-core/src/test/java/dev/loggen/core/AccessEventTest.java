package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loggen.core.internal.Printable;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an event may hold as its client, method and protocol: only what stays one field of a
 * Common line, that is anything without a space (client and method not empty either). Before,
 * an empty client or method, or one with a space, or a protocol with a space, was accepted and
 * rendered a line that our own parser refused or read with the fields shifted ("GET /a HTTP 1.1"
 * read back as path "/a HTTP", protocol "1.1").
 */
class AccessEventTest {
  private static AccessEvent event(String client, String method) {
    return new AccessEvent(1_700_000_000_000L, ZoneOffset.UTC, client, null, null, method, "/",
        "HTTP/1.1", 200, 1, null, null, 1, "h", 1, "S", VisitorKind.HUMAN, null);
  }

  private static AccessEvent event(String protocol) {
    return new AccessEvent(1_700_000_000_000L, ZoneOffset.UTC, "192.0.2.1", null, null, "GET",
        "/", protocol, 200, 1, null, null, 1, "h", 1, "S", VisitorKind.HUMAN, null);
  }

  private static String iae(String client, String method) {
    return assertThrows(IllegalArgumentException.class, () -> event(client, method))
        .getMessage();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "G ET", "GET ", " GET", "GET / HTTP/1.1"})
  void aMethodThatIsEmptyOrHoldsASpaceIsRefused(String method) {
    String message = iae("192.0.2.1", method);
    assertEquals("method must be a non-empty word without spaces, such as GET (got '"
        + Printable.of(method) + "')", message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "192.0.2.1 ", " 192.0.2.1", "192.0.2.1 - x"})
  void aClientAddressThatIsEmptyOrHoldsASpaceIsRefused(String client) {
    String message = iae(client, "GET");
    assertEquals("clientAddress must be a non-empty word without spaces, such as 192.0.2.1"
        + " (got '" + Printable.of(client) + "')", message);
  }

  @Test
  void theMessageShowsAControlCharacterAsAnEscape() {
    assertEquals("method must be a non-empty word without spaces, such as GET"
        + " (got 'G\\u000AE T')", iae("192.0.2.1", "G\nE T"));
    assertEquals("clientAddress must be a non-empty word without spaces, such as 192.0.2.1"
        + " (got '')", iae("", "GET"));
  }

  /**
   * Methods servers log besides the usual ones, and what a scanner sends: quotes, controls and
   * non-ASCII are escaped on the line and read back (HostileContentTest).
   */
  @ParameterizedTest
  @ValueSource(strings = {"GET", "M-SEARCH", "PROPFIND", "VERSION-CONTROL", "get", "X\"\\",
      "!#$%&'*+-.^_`|~", "%2F", "A", "\tGET", "GE\nT", "GE\u0000T", "G\u00c9T", "GE\u00a0T",
      "\u20ac"})
  void anyNonEmptyWordIsAMethod(String method) {
    assertEquals(method, event("192.0.2.1", method).method());
  }

  /** Addresses, host names (Apache's HostnameLookups) and what a broken proxy might pass on. */
  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.1", "2001:db8::1", "::1", "fe80::1%eth0", "host.example.com",
      "caf\u00e9.example", "a\"b\\c", "nul\u0000", "x", "a\tb", "a\nb", "a\u00a0b",
      "a\u3000b"})
  void anyNonEmptyWordIsAClientAddress(String client) {
    assertEquals(client, event(client, "GET").clientAddress());
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "HTTP 1.1", "HTTP/1.1 ", " HTTP/1.1", "a b\tc"})
  void aProtocolThatHoldsASpaceIsRefused(String protocol) {
    String message = assertThrows(IllegalArgumentException.class, () -> event(protocol))
        .getMessage();
    assertEquals("protocol must be a word without spaces, such as HTTP/1.1 (got '"
        + Printable.of(protocol) + "')", message);
  }

  /**
   * HTTP/0.9 has no protocol in its request line; anything else without a space stays (controls
   * and non-ASCII spaces are escaped on the line: a tab as \t, U+00A0 as \xc2\xa0).
   */
  @ParameterizedTest
  @ValueSource(strings = {"", "HTTP/1.0", "HTTP/2.0", "HTTP/3", "SPDY/3.1", "x\"\\", "\u00e9",
      "nul\u0000", "HTTP/1.1\t", "H\nT", "HTTP/1.1\u00a0", "HTTP/\u20031.1"})
  void anyWordWithoutWhitespaceIsAProtocol(String protocol) {
    assertEquals(protocol, event(protocol).protocol());
  }

  /**
   * A path is the middle of a request line, which readers take whole: a space in it or an empty
   * one is accepted, as the Javadoc says (loggen-formats' HostileContentTest reads them back).
   */
  @ParameterizedTest
  @ValueSource(strings = {"", " ", "/a b\"c", "/search?q=a b", "/", "*", "/a%20b"})
  void aPathIsNotCheckedForSpacesOrEmptiness(String path) {
    assertEquals(path, event("192.0.2.1", "GET").withPath(path).path());
  }

  @Test
  void copiesKeepTheCheckedFields() {
    AccessEvent e = event("192.0.2.1", "PUT").withStatus(404, 0).withPath("/x")
        .withUserAgent("ua").withScenario("s");
    assertEquals("192.0.2.1", e.clientAddress());
    assertEquals("PUT", e.method());
  }
}
