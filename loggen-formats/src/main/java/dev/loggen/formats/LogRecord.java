package dev.loggen.formats;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One parsed access-log line: the fields a format printed, unescaped.
 *
 * <p>Escapes are undone: {@code \"} and {@code \xhh} in Apache formats, {@code \xHH} in nginx
 * formats, JSON escapes in JSON. Escaped bytes that do not form UTF-8 (a header sent in another
 * charset) are kept as the escape the server wrote, so nothing is lost.
 *
 * <p>A field is {@code null} when the format does not print it, or prints the server's mark for
 * "absent": {@code -} for ident, user, referrer and user agent (and an empty value in nginx
 * {@code escape=json} or {@code escape=none} formats), JSON {@code null} or a missing key in
 * the JSON formats. Apache's {@code %b} prints {@code -} for an empty body; it reads as 0 bytes.
 * A directive left out by its status condition ({@code %404B} printing {@code -}) reads as
 * absent, whatever it is.
 * Where a format prints one thing twice (the request line and the method, say) the request
 * line wins. A request line ({@code %r}, {@code $request}) is read where a method, a space, the
 * target, a space and the protocol fit, so text after it on the line ({@code $request
 * $remote_user}) is not taken for part of it; a line that no such split fits is read with an
 * HTTP/0.9 request line, method and target ({@code GET /}), and only a line that this does not
 * fit either has its request line read as any text ({@code -}, the escaped bytes of a TLS handshake), with
 * method, path and protocol null where it has no spaces to split them.
 *
 * <p>Numbers: a status is three digits (in JSON, a number or string from 0 to 999); every
 * other whole number a line holds must be at least 0 and fit a long (at most
 * {@code 9223372036854775807}), and so must the whole part of decimal seconds
 * ({@code $request_time}, {@code $msec}); an epoch time ({@code %{sec}t}, {@code %{msec}t},
 * {@code %{usec}t}, {@code $msec}) may also have a {@code -} before its digits, as a time before
 * 1970 is printed ({@code $msec} as the sign and the magnitude: {@code -1.500} is 1.5 seconds
 * before 1970); a number outside that makes the line malformed, with a
 * {@link LogParseException} that names the field, quotes the number and gives the range. A
 * number that fits but gives a value the record cannot hold (a response time in microseconds,
 * an instant) leaves that record field null and its text in {@code fields}. Widths the servers
 * never vary are required: {@code %{msec_frac}t} is exactly three digits and
 * {@code %{usec_frac}t} six (httpd's {@code %03} and {@code %06}, so {@code %{sec}t%{msec_frac}t}
 * splits three digits before its end), and nginx's {@code $msec} and {@code $request_time} have
 * exactly three decimals ({@code %T.%03M}); another width makes the line malformed, e.g.
 * {@code expected 3 digits for %{msec_frac}t}.
 *
 * @param time the request time with the offset it was printed in; a time printed in several
 *     fields is put together from them, part by part (year, century, month, day, day of the
 *     year, hour, AM/PM, minute, second, fraction, offset), the first field that gives a part
 *     winning and a four-digit year over a century and two-digit one (Apache's
 *     {@code [%{%d/%b/%Y %T}t.%{msec_frac}t %{%z}t]}: the date and time of day, the
 *     milliseconds, the offset; {@code %{sec}t.%{usec_frac}t}); a strftime time in whole
 *     seconds takes the fraction of an epoch time on the same line in the same second
 *     ({@code [$time_local] $msec}, {@code %t %{usec}t}), keeping its offset; a time printed
 *     without an offset ({@code $msec}, a {@code strftime} pattern without {@code %z}) is taken
 *     as UTC; nginx's {@code $time_local}, {@code $time_iso8601} and {@code $msec} as the
 *     start (nginx prints them when it writes the line, as the request ends; loggen prints the
 *     start, so that lines stay in time order and in the file of their period and agree with
 *     the error log and the report, as a real nginx log's times do: a generated request ends
 *     {@code $request_time} after it); an Apache end time ({@code %{end:...}t}) only when the
 *     format prints no start time, less the response time the line prints ({@code %D},
 *     {@code %T}, ...), if any, to give the start; null when an epoch time ({@code $msec},
 *     {@code %{sec}t}, ...) is past what an {@link java.time.Instant} holds (a date that does
 *     not exist, in one field or split across several, makes the line malformed)
 * @param clientAddress the client address ({@code %h}, {@code %a}, {@code $remote_addr})
 * @param ident the RFC 1413 identity ({@code %l})
 * @param user the authenticated user ({@code %u}, {@code $remote_user}); Apache prints an empty
 *     user as {@code ""}, which reads back as the empty string
 * @param method the request method
 * @param path the request target with its query string, as sent; from {@code %U} or
 *     {@code $uri} alone it is the decoded path the server logged there
 * @param protocol the protocol, e.g. {@code HTTP/1.1}; empty for an HTTP/0.9 request (a request
 *     line of method and target only, Apache's {@code %H} of {@code HTTP/0.9}, nginx's unset
 *     {@code $server_protocol})
 * @param status the response status, 0 to 999
 * @param bytes the response body size in bytes, 0 to {@code 9223372036854775807}
 * @param referrer the Referer header
 * @param userAgent the User-Agent header
 * @param responseTimeMicros the time taken, in microseconds, at the precision the format printed
 *     ({@code %T} whole seconds, {@code $request_time} milliseconds, {@code %D} microseconds);
 *     null when the printed time, a number that fits a long, does not fit one in microseconds
 *     (a {@code %T} of more than 9223372036854 seconds, a {@code $request_time} of more than
 *     9223372036854.775; the text stays in {@code fields}). A printed number too large for a
 *     long itself makes the line malformed, as any number does, so a {@code %D} that parses
 *     always gives its value
 * @param host the virtual host or Host header
 * @param fields every printed field by the name the format gave it (an Apache directive such as
 *     {@code %>s} or {@code %{User-agent}i}, an nginx variable such as {@code $status}, a JSON
 *     key with nested keys joined by dots), its text unescaped, in line order; the JSON formats'
 *     ground-truth fields ({@code loggen_session_id}, ...) are here
 */
public record LogRecord(
    @Nullable OffsetDateTime time,
    @Nullable String clientAddress,
    @Nullable String ident,
    @Nullable String user,
    @Nullable String method,
    @Nullable String path,
    @Nullable String protocol,
    @Nullable Integer status,
    @Nullable Long bytes,
    @Nullable String referrer,
    @Nullable String userAgent,
    @Nullable Long responseTimeMicros,
    @Nullable String host,
    Map<String, String> fields) {

  /**
   * A record; {@code fields} is copied, keeping its order.
   *
   * @param time see the class description
   * @param clientAddress see the class description
   * @param ident see the class description
   * @param user see the class description
   * @param method see the class description
   * @param path see the class description
   * @param protocol see the class description
   * @param status see the class description
   * @param bytes see the class description
   * @param referrer see the class description
   * @param userAgent see the class description
   * @param responseTimeMicros see the class description
   * @param host see the class description
   * @param fields see the class description
   */
  public LogRecord {
    Objects.requireNonNull(fields, "fields");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * The path without its query string.
   *
   * @return the part of {@link #path()} before {@code ?}, or null when there is no path
   */
  public @Nullable String pathWithoutQuery() {
    if (path == null) {
      return null;
    }
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  /**
   * The query string without the {@code ?}.
   *
   * @return the part of {@link #path()} after {@code ?}, or null when there is none
   */
  public @Nullable String query() {
    if (path == null) {
      return null;
    }
    int q = path.indexOf('?');
    return q < 0 ? null : path.substring(q + 1);
  }

  /**
   * One printed field by its name in the format.
   *
   * @param name e.g. {@code %>s}, {@code $http_x_forwarded_for} or {@code http.request.method}
   * @return its unescaped text, or null when the format has no such field
   */
  public @Nullable String field(String name) {
    return fields.get(Objects.requireNonNull(name, "name"));
  }
}
