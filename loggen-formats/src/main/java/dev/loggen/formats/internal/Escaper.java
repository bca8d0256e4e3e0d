package dev.loggen.formats.internal;

/**
 * How a server escapes one logged value. Each works on the UTF-8 bytes of the value, as the
 * servers do, and never lets a CR or LF through, so one event stays one line.
 *
 * <ul>
 *   <li>{@link #APACHE}: Apache httpd's {@code ap_escape_logitem}: {@code "} and {@code \} get a
 *       backslash; backspace, LF, CR, TAB and VT become {@code \b \n \r \t \v}; every other byte
 *       that is not printable ASCII (below 0x20, 0x7F and above, so every byte of a non-ASCII
 *       character) becomes {@code \xhh} with lower-case hex.
 *   <li>{@link #APACHE_ERROR}: Apache httpd's {@code ap_escape_errorlog_item}, for the error
 *       log: as {@link #APACHE}, except that {@code "} is written raw (httpd: "no need for this
 *       in error log").
 *   <li>{@link #NGINX}: nginx's default log escaping: {@code "}, {@code \}, bytes below 0x20 and
 *       bytes 0x7F and above become {@code \xHH} with upper-case hex.
 *   <li>{@link #JSON}: nginx's {@code escape=json}, which is also how our JSON formats write
 *       strings: {@code "} and {@code \} get a backslash; LF, CR, TAB, BS and FF become
 *       {@code \n \r \t \b \f}; other bytes below 0x20 become <code>&#92;u00XX</code>; everything else,
 *       non-ASCII UTF-8 included, is copied.
 *   <li>{@link #NGINX_NONE}: nginx's {@code escape=none}, which escapes nothing; to keep one event
 *       on one line we still write LF as {@code \x0A} and CR as {@code \x0D} (nginx would write
 *       them raw and split the line).
 *   <li>{@link #NONE_RAW}: no escaping at all (plain UTF-8), for text the program itself wrote.
 * </ul>
 *
 * <p>A NUL character is escaped like any other control byte ({@code \x00}); the servers never
 * see one because C strings end there. An unpaired surrogate is written as {@code ?}.
 */
enum Escaper {
  /** Apache httpd {@code ap_escape_logitem}. */
  APACHE {
    @Override
    void escape(Bytes o, int b) {
      o.ensure(4);
      byte[] d = o.buf;
      int p = o.len;
      d[p++] = '\\';
      switch (b) {
        case '\b' -> d[p++] = 'b';
        case '\n' -> d[p++] = 'n';
        case '\r' -> d[p++] = 'r';
        case '\t' -> d[p++] = 't';
        case 0x0B -> d[p++] = 'v';
        case '\\', '"' -> d[p++] = (byte) b;
        default -> {
          d[p++] = 'x';
          d[p++] = HEX_LOWER[b >> 4];
          d[p++] = HEX_LOWER[b & 0xF];
        }
      }
      o.len = p;
    }
  },
  /** Apache httpd {@code ap_escape_errorlog_item}: {@link #APACHE} with {@code "} raw. */
  APACHE_ERROR {
    @Override
    void escape(Bytes o, int b) {
      APACHE.escape(o, b);
    }
  },
  /** nginx default escaping. */
  NGINX {
    @Override
    void escape(Bytes o, int b) {
      o.ensure(4);
      byte[] d = o.buf;
      int p = o.len;
      d[p++] = '\\';
      d[p++] = 'x';
      d[p++] = HEX_UPPER[b >> 4];
      d[p++] = HEX_UPPER[b & 0xF];
      o.len = p;
    }
  },
  /** JSON string escaping (nginx {@code escape=json}). */
  JSON {
    @Override
    void escape(Bytes o, int b) {
      o.ensure(6);
      byte[] d = o.buf;
      int p = o.len;
      d[p++] = '\\';
      switch (b) {
        case '\b' -> d[p++] = 'b';
        case '\n' -> d[p++] = 'n';
        case '\r' -> d[p++] = 'r';
        case '\t' -> d[p++] = 't';
        case '\f' -> d[p++] = 'f';
        case '\\', '"' -> d[p++] = (byte) b;
        default -> {
          d[p++] = 'u';
          d[p++] = '0';
          d[p++] = '0';
          d[p++] = HEX_UPPER[b >> 4];
          d[p++] = HEX_UPPER[b & 0xF];
        }
      }
      o.len = p;
    }
  },
  /** nginx {@code escape=none}, except that CR and LF are still escaped. */
  NGINX_NONE {
    @Override
    void escape(Bytes o, int b) {
      NGINX.escape(o, b);
    }
  },
  /** No escaping. */
  NONE_RAW {
    @Override
    void escape(Bytes o, int b) {
      o.put((byte) b);
    }
  };

  static final byte[] HEX_LOWER = {
      '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  static final byte[] HEX_UPPER = {
      '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

  /** Per byte value 0..255: whether this escaper rewrites it. */
  private final boolean[] escapes = new boolean[256];
  /** Whether bytes of non-ASCII characters are escaped (else copied as UTF-8). */
  private final boolean escapesNonAscii;

  Escaper() {
    String name = name();
    for (int b = 0; b < 256; b++) {
      escapes[b] = switch (name) {
        case "APACHE", "NGINX" -> b < 0x20 || b >= 0x7F || b == '"' || b == '\\';
        case "APACHE_ERROR" -> b < 0x20 || b >= 0x7F || b == '\\';
        case "JSON" -> b < 0x20 || b == '"' || b == '\\';
        case "NGINX_NONE" -> b == '\n' || b == '\r';
        default -> false;
      };
    }
    escapesNonAscii = escapes[0x80];
  }

  /** Writes the escape sequence for one byte value (0..255) that {@link #escapes} flags. */
  abstract void escape(Bytes o, int b);

  /**
   * Appends {@code s} escaped.
   *
   * @param o the scratch line
   * @param s the value
   */
  public void append(Bytes o, String s) {
    append(o, s, 0, s.length());
  }

  /**
   * Appends chars {@code [from, to)} of {@code s}, escaped. The chars are first copied in bulk
   * into the buffer's char scratch, so the loop reads a plain array (no per-char coder and
   * bounds checks of {@code String.charAt}).
   */
  void append(Bytes o, String s, int from, int to) {
    int n = to - from;
    boolean[] esc = escapes;
    o.ensure(n);
    byte[] b = o.buf;
    int p = o.len;
    // Fast path: plain ASCII that needs no escape is copied straight from the string.
    int i = from;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || esc[c]) {
        break;
      }
      b[p++] = (byte) c;
    }
    o.len = p;
    if (i == to) {
      return;
    }
    char[] cs = o.chars(to - i);
    s.getChars(i, to, cs, 0);
    n = to - i;
    o.ensure(n);
    b = o.buf;
    p = o.len;
    for (int k = 0; k < n; k++) {
      char c = cs[k];
      if (c < 0x80 && !esc[c]) {
        b[p++] = (byte) c;
        continue;
      }
      o.len = p;
      if (c < 0x80) {
        escape(o, c);
      } else {
        k = appendNonAscii(o, cs, k, n, c);
      }
      o.ensure(n - k);
      b = o.buf;
      p = o.len;
    }
    o.len = p;
  }

  /** Appends bytes {@code [from, to)} of {@code src} (already UTF-8), escaped. */
  void appendBytes(Bytes o, byte[] src, int from, int to) {
    boolean[] esc = escapes;
    for (int i = from; i < to; i++) {
      int b = src[i] & 0xFF;
      if (esc[b]) {
        escape(o, b);
      } else {
        o.put((byte) b);
      }
    }
  }

  private int appendNonAscii(Bytes o, char[] cs, int i, int to, char c) {
    if (c < 0x800) {
      putByte(o, 0xC0 | (c >> 6));
      putByte(o, 0x80 | (c & 0x3F));
      return i;
    }
    if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(cs[i + 1])) {
      int cp = Character.toCodePoint(c, cs[i + 1]);
      putByte(o, 0xF0 | (cp >> 18));
      putByte(o, 0x80 | ((cp >> 12) & 0x3F));
      putByte(o, 0x80 | ((cp >> 6) & 0x3F));
      putByte(o, 0x80 | (cp & 0x3F));
      return i + 1;
    }
    if (Character.isSurrogate(c)) {
      o.put((byte) '?');
      return i;
    }
    putByte(o, 0xE0 | (c >> 12));
    putByte(o, 0x80 | ((c >> 6) & 0x3F));
    putByte(o, 0x80 | (c & 0x3F));
    return i;
  }

  private void putByte(Bytes o, int b) {
    if (escapesNonAscii) {
      escape(o, b);
    } else {
      o.put((byte) b);
    }
  }
}
