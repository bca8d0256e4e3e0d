package dev.loggen.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that formats render lines into: the caller owns it and reuses it for
 * every line, so rendering allocates nothing in the steady state.
 *
 * <p>Not thread-safe: one buffer per rendering thread. The bytes are exposed through
 * {@link #array()} and {@link #length()} so sinks can copy them without another copy.
 */
public final class LineBuffer {
  private static final byte[] DIGITS = "0123456789".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MIN_LONG =
      Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

  private byte[] bytes;
  private int length;

  /** A buffer with room for 512 bytes; it grows as needed. */
  public LineBuffer() {
    this(512);
  }

  /**
   * A buffer with the given initial capacity.
   *
   * @param capacity initial capacity in bytes, at least 16
   */
  public LineBuffer(int capacity) {
    if (capacity < 16) {
      throw new IllegalArgumentException("capacity must be at least 16 (got " + capacity + ")");
    }
    this.bytes = new byte[capacity];
  }

  /** Empties the buffer, keeping its storage. */
  public LineBuffer reset() {
    length = 0;
    return this;
  }

  /** The number of bytes written so far. */
  public int length() {
    return length;
  }

  /** Cuts the buffer back to {@code newLength} bytes (at most its current length). */
  public void truncate(int newLength) {
    if (newLength < 0 || newLength > length) {
      throw new IllegalArgumentException(
          "newLength must be between 0 and " + length + " (got " + newLength + ")");
    }
    length = newLength;
  }

  /**
   * The backing array; bytes {@code [0, length())} are the content. Valid until the next append.
   */
  public byte[] array() {
    return bytes;
  }

  /** The byte at {@code index}, which must be below {@link #length()}. */
  public byte byteAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + " outside [0, " + length + ")");
    }
    return bytes[index];
  }

  /** Makes room for {@code extra} more bytes. */
  public void ensureCapacity(int extra) {
    int need = length + extra;
    if (need > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(need, bytes.length * 2));
    }
  }

  /** Appends one byte. */
  public LineBuffer append(byte b) {
    if (length == bytes.length) {
      ensureCapacity(1);
    }
    bytes[length++] = b;
    return this;
  }

  /** Appends one ASCII character (the low 8 bits of {@code c}). */
  public LineBuffer appendAscii(char c) {
    return append((byte) c);
  }

  /** Appends {@code len} bytes of {@code src} from {@code off}. */
  public LineBuffer append(byte[] src, int off, int len) {
    ensureCapacity(len);
    System.arraycopy(src, off, bytes, length, len);
    length += len;
    return this;
  }

  /** Appends all bytes of {@code src}. */
  public LineBuffer append(byte[] src) {
    return append(src, 0, src.length);
  }

  /**
   * Appends a string that is known to be ASCII, one byte per char (chars above 0x7F are not
   * encoded: use {@link #appendUtf8} for text that may hold them).
   */
  public LineBuffer appendAscii(String s) {
    int n = s.length();
    ensureCapacity(n);
    byte[] b = bytes;
    int p = length;
    for (int i = 0; i < n; i++) {
      b[p++] = (byte) s.charAt(i);
    }
    length = p;
    return this;
  }

  /** Appends text encoded as UTF-8 (unpaired surrogates become {@code ?}). */
  public LineBuffer appendUtf8(CharSequence s) {
    int n = s.length();
    ensureCapacity(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (length == bytes.length) {
          ensureCapacity(1);
        }
        bytes[length++] = (byte) c;
      } else {
        i = appendNonAscii(s, i, c);
      }
    }
    return this;
  }

  private int appendNonAscii(CharSequence s, int i, char c) {
    ensureCapacity(4);
    if (c < 0x800) {
      bytes[length++] = (byte) (0xC0 | (c >> 6));
      bytes[length++] = (byte) (0x80 | (c & 0x3F));
      return i;
    }
    if (Character.isHighSurrogate(c) && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, s.charAt(i + 1));
      bytes[length++] = (byte) (0xF0 | (cp >> 18));
      bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      bytes[length++] = (byte) (0x80 | (cp & 0x3F));
      return i + 1;
    }
    if (Character.isSurrogate(c)) {
      bytes[length++] = '?';
      return i;
    }
    bytes[length++] = (byte) (0xE0 | (c >> 12));
    bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
    bytes[length++] = (byte) (0x80 | (c & 0x3F));
    return i;
  }

  /** Appends a decimal number. */
  public LineBuffer append(long v) {
    if (v == Long.MIN_VALUE) {
      return append(MIN_LONG);
    }
    if (v < 0) {
      append((byte) '-');
      v = -v;
    }
    if (v < 10) {
      return append(DIGITS[(int) v]);
    }
    int digits = 0;
    for (long t = v; t > 0; t /= 10) {
      digits++;
    }
    ensureCapacity(digits);
    int p = length + digits;
    length = p;
    while (v > 0) {
      bytes[--p] = DIGITS[(int) (v % 10)];
      v /= 10;
    }
    return this;
  }

  /** Appends {@code v} as exactly {@code width} decimal digits, zero-padded (v must fit). */
  public LineBuffer appendPadded(long v, int width) {
    ensureCapacity(width);
    int p = length + width;
    length = p;
    for (int i = 0; i < width; i++) {
      bytes[--p] = DIGITS[(int) (v % 10)];
      v /= 10;
    }
    return this;
  }

  /** Appends the content of another buffer. */
  public LineBuffer append(LineBuffer other) {
    return append(other.bytes, 0, other.length);
  }

  /** A copy of the content. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  /** The content decoded as UTF-8. */
  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
