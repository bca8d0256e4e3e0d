package dev.loggen.formats.internal;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import org.jspecify.annotations.Nullable;

/**
 * Values a server logs that an {@link AccessEvent} does not carry (client port, worker pid and
 * thread, connection serial number, header sizes, content type), derived deterministically from
 * the event so that the same event always prints the same line. No global or random state.
 */
final class Derived {
  private Derived() {}

  /** The SplitMix64 finalizer: a good 64-bit mix of {@code z}. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static int pick(long sessionId, long salt, int bound) {
    return (int) Math.floorMod(mix(sessionId ^ salt), (long) bound);
  }

  /** The client's ephemeral port (Linux range 32768..60999), fixed for a session. */
  static int clientPort(AccessEvent e) {
    return 32_768 + pick(e.sessionId(), 0x5EED_0001L, 28_232);
  }

  /** An Apache (event MPM) child pid: one of four children. */
  static int apachePid(AccessEvent e) {
    return 2_817 + 131 * pick(e.sessionId(), 0x5EED_0002L, 4);
  }

  /** An Apache worker thread id as Linux prints a {@code pthread_t}. */
  static long apacheTid(AccessEvent e) {
    long slot = pick(e.sessionId(), 0x5EED_0003L, 1 << 20);
    return 0x7F00_0000_0000L | (slot << 12) | 0x700L;
  }

  /** An nginx worker pid: one of two workers. */
  static int nginxPid(AccessEvent e) {
    return 1_204 + pick(e.sessionId(), 0x5EED_0004L, 2);
  }

  /** The nginx connection serial number ({@code *N}, {@code $connection}). */
  static long connection(AccessEvent e) {
    return 1 + pick(e.sessionId(), 0x5EED_0005L, 9_000_000);
  }

  /** The number of requests so far on the connection ({@code $connection_requests}). */
  static int connectionRequests(AccessEvent e) {
    return 1 + (int) Math.floorMod(mix(e.sessionId() ^ e.epochMillis()), 20L);
  }

  /** The server's own address ({@code %A}, {@code $server_addr}), fixed per host name. */
  static String localAddress(String host) {
    return "10.0.0." + (1 + (int) Math.floorMod(mix(host.hashCode()), 254L));
  }

  /** Microseconds within the millisecond of the request, for microsecond timestamps. */
  static int subMilliMicros(AccessEvent e) {
    return (int) (e.responseTimeMicros() % 1000);
  }

  /**
   * The response Content-Type a server would send for {@code path} and {@code status}, or
   * null when the response has no body (1xx, 204, 304).
   */
  static @Nullable String contentType(AccessEvent e) {
    int s = e.status();
    if (s < 200 || s == 204 || s == 304) {
      return null;
    }
    if (s >= 400) {
      return HTML_LATIN1;
    }
    String p = e.path();
    int end = p.indexOf('?');
    if (end < 0) {
      end = p.length();
    }
    int dot = p.lastIndexOf('.', end);
    int slash = p.lastIndexOf('/', end);
    if (p.startsWith("/api/")) {
      return "application/json";
    }
    if (dot <= slash) {
      return HTML_UTF8;
    }
    for (int i = 0; i < TYPES.length; i += 2) {
      String ext = TYPES[i];
      if (end - dot - 1 == ext.length() && p.regionMatches(dot + 1, ext, 0, ext.length())) {
        return TYPES[i + 1];
      }
    }
    return HTML_UTF8;
  }

  /**
   * The media type of {@link #contentType} without its parameters, as httpd logs
   * {@code %{Content-Type}o} ({@code ap_field_noparam}): {@code text/html} for
   * {@code text/html; charset=UTF-8}. The HTML types are the only ones with parameters.
   */
  static @Nullable String mediaType(AccessEvent e) {
    String type = contentType(e);
    return type != null && type.startsWith(HTML_PARAMETERS) ? TEXT_HTML : type;
  }

  private static final String TEXT_HTML = "text/html";
  private static final String HTML_PARAMETERS = TEXT_HTML + ";";
  private static final String HTML_UTF8 = HTML_PARAMETERS + " charset=UTF-8";
  private static final String HTML_LATIN1 = HTML_PARAMETERS + " charset=iso-8859-1";

  /** File extension, content type, ... (no allocation when looking one up). */
  private static final String[] TYPES = {
      "css", "text/css",
      "js", "application/javascript",
      "mjs", "application/javascript",
      "png", "image/png",
      "jpg", "image/jpeg",
      "jpeg", "image/jpeg",
      "gif", "image/gif",
      "svg", "image/svg+xml",
      "webp", "image/webp",
      "ico", "image/x-icon",
      "json", "application/json",
      "xml", "application/xml",
      "txt", "text/plain",
      "woff2", "font/woff2",
      "woff", "font/woff",
      "pdf", "application/pdf"};

  /**
   * Bytes received for the request ({@code %I}, {@code $request_length}): the request line and
   * the headers a browser sends (Host, User-Agent, Referer and about 160 bytes of Accept*,
   * Connection), no body.
   */
  static long requestBytes(AccessEvent e) {
    long n = utf8Length(e.method()) + 1 + utf8Length(e.path()) + 1 + utf8Length(e.protocol()) + 2;
    n += 6 + utf8Length(e.host()) + 2;
    if (e.userAgent() != null) {
      n += 12 + utf8Length(e.userAgent()) + 2;
    }
    if (e.referrer() != null) {
      n += 9 + utf8Length(e.referrer()) + 2;
    }
    return n + 160 + 2;
  }

  /**
   * Bytes sent ({@code %O}, {@code $bytes_sent}): the response headers and the body, or
   * {@link Long#MAX_VALUE} when a body near that size would make the sum overflow.
   */
  static long bytesSent(AccessEvent e) {
    return saturatedSum(responseHeaderBytes(e), e.bytes());
  }

  /**
   * Bytes received and sent ({@code %S}): the request, the response headers and the body, or
   * {@link Long#MAX_VALUE} when a body near that size would make the sum overflow.
   */
  static long bytesBoth(AccessEvent e) {
    return saturatedSum(requestBytes(e) + responseHeaderBytes(e), e.bytes());
  }

  /** {@code a + b} for non-negative counts, {@link Long#MAX_VALUE} where that overflows. */
  static long saturatedSum(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** Bytes of the response status line and headers. */
  static long responseHeaderBytes(AccessEvent e) {
    long n = 9 + 4 + 2 + 2 + 37 + 22 + 2; // status line (reason ~2), Date, Server, final CRLF
    String type = contentType(e);
    if (type != null) {
      n += 14 + type.length() + 2;
    }
    if (e.bytes() > 0) {
      n += 16 + LineBuffer.decimalDigits(e.bytes()) + 2;
    }
    return n + 44; // Connection + Keep-Alive
  }

  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
