package dev.loggen.formats.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Undoes what an {@link Escaper} did: byte escapes become bytes again and the bytes are read as
 * UTF-8. Bytes that are not UTF-8 (a header a client sent in another charset) stay as the escape
 * the server wrote, {@code \xhh} (Apache) or {@code \xHH} (nginx), so no information is lost
 * and the value reads as other log tools show it. A backslash that starts no known escape is
 * kept.
 */
final class Unescape {
  private Unescape() {}

  static String text(Escaper escaper, String s, int from, int to) {
    int slash = s.indexOf('\\', from);
    if (slash < 0 || slash >= to) {
      return s.substring(from, to);
    }
    return switch (escaper) {
      case APACHE, APACHE_ERROR -> bytes(s, from, to, true, false);
      case NGINX -> bytes(s, from, to, false, false);
      case NGINX_NONE -> bytes(s, from, to, false, true);
      case JSON -> json(s, from, to);
      case NONE_RAW -> s.substring(from, to);
    };
  }

  /**
   * Undoes {@code \xHH} (any case) and, for Apache, {@code \" \\ \b \n \r \t \v}; with
   * {@code lineBreaksOnly} (nginx escape=none) only {@code \x0A} and {@code \x0D}.
   */
  private static String bytes(String s, int from, int to, boolean apache,
      boolean lineBreaksOnly) {
    Sink out = new Sink(to - from, apache ? Escaper.HEX_LOWER : Escaper.HEX_UPPER);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < to) {
        char d = s.charAt(i + 1);
        if (d == 'x' && i + 3 < to) {
          int hi = Percent.hexValue(s.charAt(i + 2));
          int lo = Percent.hexValue(s.charAt(i + 3));
          int b = hi * 16 + lo;
          if (hi >= 0 && lo >= 0 && (!lineBreaksOnly || b == '\n' || b == '\r')) {
            out.add(b);
            i += 3;
            continue;
          }
        }
        if (apache) {
          int r = switch (d) {
            case '"', '\\' -> d;
            case 'b' -> '\b';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 0x0B;
            default -> -1;
          };
          if (r >= 0) {
            out.add(r);
            i++;
            continue;
          }
        }
      }
      if (c < 0x80) {
        out.add(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < to ? i + 2 : i + 1;
        byte[] u = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
        for (byte b : u) {
          out.add(b & 0xFF);
        }
        i = end - 1;
      }
    }
    return out.toString();
  }

  /** JSON string content (without the quotes); invalid escapes are kept as written. */
  static String json(String s, int from, int to) {
    StringBuilder b = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= to) {
        b.append(c);
        continue;
      }
      char d = s.charAt(i + 1);
      switch (d) {
        case '"', '\\', '/' -> b.append(d);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          int v = i + 5 < to ? hex4(s, i + 2) : -1;
          if (v < 0) {
            b.append(c);
            continue;
          }
          b.append((char) v);
          i += 4;
        }
        default -> {
          b.append(c);
          continue;
        }
      }
      i++;
    }
    return b.toString();
  }

  static int hex4(String s, int at) {
    if (at + 4 > s.length()) {
      return -1;
    }
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int h = Percent.hexValue(s.charAt(at + k));
      if (h < 0) {
        return -1;
      }
      v = v * 16 + h;
    }
    return v;
  }

  /**
   * A growable byte array read as UTF-8 at the end; bytes that do not form UTF-8 are written as
   * {@code \x} and two hex digits.
   */
  private static final class Sink {
    private byte[] b;
    private int n;
    private final byte[] hex;

    Sink(int capacity, byte[] hex) {
      b = new byte[Math.max(16, capacity)];
      this.hex = hex;
    }

    void add(int v) {
      if (n == b.length) {
        b = Arrays.copyOf(b, n * 2);
      }
      b[n++] = (byte) v;
    }

    @Override
    public String toString() {
      CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(b, 0, n);
      CharBuffer out = CharBuffer.allocate(n * 4 + 4);
      while (true) {
        CoderResult r = decoder.decode(in, out, true);
        if (r.isUnderflow()) {
          decoder.flush(out);
          return out.flip().toString();
        }
        if (r.isError()) {
          for (int k = 0; k < r.length(); k++) {
            int v = in.get() & 0xFF;
            out.put('\\').put('x').put((char) hex[v >> 4]).put((char) hex[v & 0xF]);
          }
        } else {
          throw new IllegalStateException("decoder overflow: " + r); // n * 4 + 4 always fits
        }
      }
    }
  }
}
