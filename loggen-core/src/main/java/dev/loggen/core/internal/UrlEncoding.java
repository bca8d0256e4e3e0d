package dev.loggen.core.internal;

import java.nio.charset.StandardCharsets;

/**
 * Request targets as a browser sends them: the text a site's configuration gives (paths and
 * parameter values written as a person reads them, such as {@code /café} or
 * {@code iced coffee}) percent-encoded the way the WHATWG URL standard encodes a link's path
 * and query. Non-ASCII characters become their UTF-8 bytes as {@code %XX}, and so do control
 * characters, space, {@code " < >} and, in a path, {@code ` { }}, in a query {@code '}.
 * {@code %} and {@code +} are left alone, so text that is already encoded stays as it is.
 * Without this, a space in a value would split the request line that log tools read field by
 * field.
 */
final class UrlEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlEncoding() {}

  /**
   * Whether a browser encodes {@code c} in a link's path ({@code query} false) or query.
   * {@code valuePart}: the character comes from a parameter value, where {@code #} (which would
   * start a fragment), in a path {@code ?} (which would start the query) and in a query
   * {@code &} (which would start another parameter: a form sends {@code salt & pepper} as
   * {@code salt+%26+pepper}) are data too.
   */
  static boolean encodes(char c, boolean query, boolean valuePart) {
    if (c <= ' ' || c >= 0x7F) {
      return true;
    }
    return switch (c) {
      case '"', '<', '>' -> true;
      case '`', '{', '}' -> !query;
      case '\'' -> query;
      case '#' -> valuePart;
      case '&' -> valuePart && query;
      case '?' -> valuePart && !query;
      default -> false;
    };
  }

  /** Whether {@link #encode} would change {@code s} in either part of a URL. */
  static boolean needsEncoding(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (encodes(c, false, true) || encodes(c, true, true)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code s} encoded for the path or the query of a request target; {@code s} itself when
   * nothing needs encoding. An unpaired surrogate is encoded as {@code ?} would be in UTF-8
   * ({@code %3F}).
   */
  static String encode(String s, boolean query, boolean valuePart) {
    int i = 0;
    while (i < s.length() && !encodes(s.charAt(i), query, valuePart)) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!encodes(c, query, valuePart)) {
        sb.append(c);
        i++;
        continue;
      }
      int end = i + (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1)) ? 2 : 1);
      for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
        sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
      i = end;
    }
    return sb.toString();
  }
}
