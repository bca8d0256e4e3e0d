package dev.loggen.formats.internal;

/**
 * Percent-decoding of a request path, as Apache ({@code r->uri}, printed by {@code %U}) and
 * nginx ({@code $uri}) do before logging: each valid {@code %XX} becomes that byte; anything
 * else, an invalid escape included, is kept as UTF-8. Slashes are not merged and dot segments
 * are not resolved.
 */
final class Percent {
  private Percent() {}

  static void decode(String s, int from, int to, Bytes out) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < to) {
        int hi = hexValue(s.charAt(i + 1));
        int lo = hexValue(s.charAt(i + 2));
        if (hi >= 0 && lo >= 0) {
          out.put((byte) (hi * 16 + lo));
          i += 2;
          continue;
        }
      }
      if (c < 0x80) {
        out.put((byte) c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < to ? i + 2 : i + 1;
        Escaper.NONE_RAW.append(out, s, i, end);
        i = end - 1;
      }
    }
  }

  static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
