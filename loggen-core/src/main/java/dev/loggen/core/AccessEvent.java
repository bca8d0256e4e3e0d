package dev.loggen.core;

import dev.loggen.core.internal.Printable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request as a web server would log it, plus the ground truth behind it.
 *
 * <p>The printed fields are those of the Common, Combined and JSON formats. Formats decide
 * which of them they print; an absent value ({@code null} ident, user, referrer or user agent)
 * prints as {@code -} in the text formats, as JSON {@code null} in the flat JSON format, not at
 * all in the ECS format, and as nothing with nginx's {@code escape=json} or {@code none}. The
 * ground-truth fields ({@link #sessionId}, {@link #state}, {@link #visitorKind},
 * {@link #scenario}) are never part of a server's format (only loggen's own JSON and ECS
 * formats print them, as {@code loggen_} fields); they let tests and detection rules check what
 * really happened.
 *
 * @param epochMillis time the request was received, milliseconds since the epoch
 * @param offset the site's zone offset at that instant, used when the time is printed
 * @param clientAddress client IPv4 or IPv6 address in its usual text form (or a host name): not
 *     empty, without a space, as the first field of a Common line is
 * @param ident RFC 1413 identity ({@code %l}); almost always {@code null}
 * @param user authenticated user name ({@code %u}), or {@code null}
 * @param method request method, e.g. {@code GET}: not empty, without a space, as the first word
 *     of a request line is
 * @param path request target: path and query string as in the request line. Unlike the
 *     method and the protocol it is not checked for spaces, nor for being empty: readers of a
 *     request line take the target as everything between its first and its last space, so
 *     {@code "GET /a b HTTP/1.1"} and {@code "GET  HTTP/1.1"} read back as {@code /a b} and as
 *     an empty path (real servers log such lines for malformed requests). Only with an empty
 *     protocol (HTTP/0.9) does a space in the path read back as the one before a protocol.
 *     Generated paths never hold a space (a browser sends one as {@code %20}).
 * @param protocol request protocol, e.g. {@code HTTP/1.1}: without a space, as the last word of
 *     a request line is (other characters are escaped as servers do); empty for an HTTP/0.9
 *     request line, which has none
 * @param status final response status, 100 to 599
 * @param bytes response body size in bytes (0 prints as {@code -} in {@code %b})
 * @param referrer the {@code Referer} header, or {@code null}
 * @param userAgent the {@code User-Agent} header, or {@code null}
 * @param responseTimeMicros time taken to serve the request, in microseconds
 * @param host the virtual host that served the request
 * @param sessionId ground truth: the session that made the request, unique within a run
 * @param state ground truth: the session state that produced the request, e.g. {@code BROWSING}
 * @param visitorKind ground truth: what kind of client made the request
 * @param scenario ground truth: the label of the scenario that produced or changed this request
 *     ({@code outage}, {@code credential-stuffing}, ...), or {@code null} for ordinary traffic
 */
public record AccessEvent(
    long epochMillis,
    ZoneOffset offset,
    String clientAddress,
    @Nullable String ident,
    @Nullable String user,
    String method,
    String path,
    String protocol,
    int status,
    long bytes,
    @Nullable String referrer,
    @Nullable String userAgent,
    long responseTimeMicros,
    String host,
    long sessionId,
    String state,
    VisitorKind visitorKind,
    @Nullable String scenario) {

  /** Checks the fields; see the class description for what each holds. */
  public AccessEvent {
    Objects.requireNonNull(offset, "offset");
    Objects.requireNonNull(clientAddress, "clientAddress");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(visitorKind, "visitorKind");
    requireWord(clientAddress, false, "clientAddress", "192.0.2.1");
    requireWord(method, false, "method", "GET");
    requireWord(protocol, true, "protocol", "HTTP/1.1");
    if (status < 100 || status > 599 || bytes < 0 || responseTimeMicros < 0) {
      throw badNumber(status, bytes, responseTimeMicros);
    }
  }

  // The constructor runs for every generated request: the messages are built in methods of their
  // own, which keeps its bytecode small enough for the JIT compiler to inline it where events
  // are made (past 325 bytes it did not, and generation took 15 % longer).

  private static IllegalArgumentException badNumber(int status, long bytes,
      long responseTimeMicros) {
    if (status < 100 || status > 599) {
      return new IllegalArgumentException(
          "status must be between 100 and 599 (got " + status + ")");
    }
    if (bytes < 0) {
      return new IllegalArgumentException("bytes must not be negative (got " + bytes + ")");
    }
    return new IllegalArgumentException(
        "responseTimeMicros must not be negative (got " + responseTimeMicros + ")");
  }

  /**
   * Refuses a value that would not stay one word of a request line or one field of a Common
   * line: readers split them at spaces. It checks the client address, the method and the
   * protocol; the path is the request line's middle, which readers take whole (see
   * {@code path} in the class description). Every other character is escaped in every format (a tab
   * as {@code \t}, non-ASCII as {@code \xhh} in Apache's formats), so it reads back. Every event
   * is checked: {@code contains(" ")} is the JIT compiler's vectorised substring search, which
   * measured cheaper here than {@code indexOf(' ')} or a loop over the chars.
   */
  private static void requireWord(String value, boolean mayBeEmpty, String name,
      String example) {
    if (value.contains(" ") || !mayBeEmpty && value.isEmpty()) {
      throw notAWord(value, mayBeEmpty, name, example);
    }
  }

  private static IllegalArgumentException notAWord(String value, boolean mayBeEmpty,
      String name, String example) {
    return new IllegalArgumentException(name + " must be a " + (mayBeEmpty ? "" : "non-empty ")
        + "word without spaces, such as " + example + " (got '" + Printable.of(value) + "')");
  }

  /** The request time as an instant. */
  public Instant instant() {
    return Instant.ofEpochMilli(epochMillis);
  }

  /** The request time in the site's offset, as a server would print it. */
  public OffsetDateTime timestamp() {
    return OffsetDateTime.ofInstant(instant(), offset);
  }

  /** The path without its query string ({@code %U}, nginx {@code $uri}). */
  public String pathWithoutQuery() {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  /** The query string without the {@code ?}, or {@code null} when there is none. */
  public @Nullable String query() {
    int q = path.indexOf('?');
    return q < 0 ? null : path.substring(q + 1);
  }

  /** A copy with another status and response size; everything else stays as it is. */
  public AccessEvent withStatus(int newStatus, long newBytes) {
    return new AccessEvent(epochMillis, offset, clientAddress, ident, user, method, path, protocol,
        newStatus, newBytes, referrer, userAgent, responseTimeMicros, host, sessionId, state,
        visitorKind, scenario);
  }

  /** A copy with another user agent; everything else stays as it is. */
  public AccessEvent withUserAgent(@Nullable String newUserAgent) {
    return new AccessEvent(epochMillis, offset, clientAddress, ident, user, method, path, protocol,
        status, bytes, referrer, newUserAgent, responseTimeMicros, host, sessionId, state,
        visitorKind, scenario);
  }

  /** A copy with another path (and query); everything else stays as it is. */
  public AccessEvent withPath(String newPath) {
    return new AccessEvent(epochMillis, offset, clientAddress, ident, user, method, newPath,
        protocol, status, bytes, referrer, userAgent, responseTimeMicros, host, sessionId, state,
        visitorKind, scenario);
  }

  /** A copy with another scenario label; everything else stays as it is. */
  public AccessEvent withScenario(@Nullable String newScenario) {
    return new AccessEvent(epochMillis, offset, clientAddress, ident, user, method, path, protocol,
        status, bytes, referrer, userAgent, responseTimeMicros, host, sessionId, state,
        visitorKind, newScenario);
  }
}
