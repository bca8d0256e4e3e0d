package dev.loggen.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A growable byte buffer that formats render lines into: the caller owns it and reuses it for
 * every line, so rendering allocates nothing in the steady state.
 *
 * <p>Not thread-safe: one buffer per rendering thread. The bytes are exposed through
 * {@link #array()} and {@link #length()} so sinks can copy them without another copy.
 */
public final class LineBuffer {
  /** The largest array the JVM makes: a few bytes short of 2 GiB. */
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private static final byte[] DIGITS = "0123456789".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PAIRS = new byte[200];
  private static final long[] POWERS = new long[19];
  /** The most decimal digits a value of at least 0 has: those of {@link Long#MAX_VALUE}. */
  private static final int MAX_DIGITS = 19;

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
    long p = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = p;
      p *= 10;
    }
  }

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
    if (capacity < 16 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("capacity must be from 16 to " + MAX_CAPACITY
          + " (got " + capacity + ")");
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
    if (extra < 0 || need < 0 || need > MAX_CAPACITY) {
      throw new IllegalArgumentException(extra < 0
          ? "extra must not be negative (got " + extra + ")"
          : "a line cannot grow past 2 GiB (" + length + " + " + extra + " bytes)");
    }
    if (need > bytes.length) {
      // doubled, but never past the largest array the JVM makes (an OutOfMemoryError there)
      bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_CAPACITY,
          Math.max(need, 2L * bytes.length)));
    }
  }

  /**
   * Marks {@code n} more bytes as written, for a renderer that writes straight into
   * {@link #array()} from index {@link #length()} after {@link #ensureCapacity ensureCapacity(n)}
   * (tight escaping loops with a local index, no copy through a scratch buffer).
   *
   * @param n bytes written, at most the free room
   * @return this buffer
   */
  public LineBuffer advance(int n) {
    if (n < 0 || n > bytes.length - length) {
      throw new IllegalArgumentException(
          "n must be between 0 and " + (bytes.length - length) + " (got " + n + ")");
    }
    length += n;
    return this;
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
    Objects.checkFromIndexSize(off, len, Objects.requireNonNull(src, "src").length);
    ensureCapacity(len);
    System.arraycopy(src, off, bytes, length, len);
    length += len;
    return this;
  }

  /** Appends all bytes of {@code src}. */
  public LineBuffer append(byte[] src) {
    return append(src, 0, Objects.requireNonNull(src, "src").length);
  }

  /**
   * Appends a string that is known to be ASCII, one byte per char (chars above 0x7F are not
   * encoded: use {@link #appendUtf8} for text that may hold them).
   */
  @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) is exactly "low 8 bits"
  public LineBuffer appendAscii(String s) {
    int n = Objects.requireNonNull(s, "s").length();
    ensureCapacity(n);
    // For a compact (Latin-1) string this is one array copy, not a loop over chars.
    s.getBytes(0, n, bytes, length);
    length += n;
    return this;
  }

  /** Appends text encoded as UTF-8 (unpaired surrogates become {@code ?}). */
  public LineBuffer appendUtf8(CharSequence s) {
    int n = Objects.requireNonNull(s, "s").length();
    ensureCapacity(n);
    if (s instanceof String str && isAscii(str, n)) {
      return appendAscii(str);
    }
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

  /** A tight loop the compiler unrolls: cheaper than encoding char by char with checks. */
  private static boolean isAscii(String s, int n) {
    int or = 0;
    for (int i = 0; i < n; i++) {
      or |= s.charAt(i);
    }
    return or < 0x80;
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
    int digits = decimalDigits(v);
    ensureCapacity(digits);
    int p = length + digits;
    length = p;
    writeDigits(bytes, p, v);
    return this;
  }

  /** Appends {@code v} as exactly {@code width} decimal digits, zero-padded (v must fit). */
  public LineBuffer appendPadded(long v, int width) {
    if (width <= 0) {
      return this;
    }
    ensureCapacity(width);
    writePadded(bytes, length, v, width);
    length += width;
    return this;
  }

  /**
   * The number of decimal digits of {@code v}: the room {@link #writeDecimal} needs. For
   * renderers that write into {@link #array()} directly.
   *
   * @param v a value of at least 0
   * @return its digit count, 1 for 0
   * @throws IllegalArgumentException when {@code v} is negative
   */
  public static int decimalDigits(long v) {
    if (v < 10) {
      requireNonNegative(v);
      return 1;
    }
    // floor(log10(v)) + 1 from the bit length, corrected by one comparison.
    int d = ((64 - Long.numberOfLeadingZeros(v)) * 1233) >>> 12;
    return d + (v >= POWERS[d] ? 1 : 0);
  }

  /**
   * Writes the decimal digits of {@code v} into {@code dst} so that they end just before
   * {@code end}, two digits per step from a table, in int arithmetic once the value fits an int
   * (one long division per eight digits above that). For renderers that write into
   * {@link #array()} directly, after {@link #ensureCapacity}, then {@link #advance}.
   *
   * @param dst the array
   * @param end the index after the last digit
   * @param v a value of at least 0
   * @return the index of the first digit ({@code end - decimalDigits(v)})
   * @throws IllegalArgumentException when {@code v} is negative
   * @throws IndexOutOfBoundsException when the digits do not fit between index 0 and
   *     {@code end}, or {@code end} is past the array; nothing is written then
   */
  public static int writeDecimal(byte[] dst, int end, long v) {
    requireNonNegative(v);
    // One comparison on the hot path: room for the longest number before end, and end within
    // the array (in long arithmetic, where neither difference overflows). Only a call that
    // fails it, one near the start of the array, counts the digits.
    if ((end - (long) MAX_DIGITS | Objects.requireNonNull(dst, "dst").length - (long) end) < 0) {
      checkRange(dst, end - (long) decimalDigits(v), end, v);
    }
    return writeDigits(dst, end, v);
  }

  /** {@link #writeDecimal} where the digits are known to fit: {@code v >= 0}, in range. */
  private static int writeDigits(byte[] dst, int end, long v) {
    int p = end;
    while (v > Integer.MAX_VALUE) {
      long q = v / 100_000_000L;
      int low = (int) (v - q * 100_000_000L);
      v = q;
      for (int k = 0; k < 4; k++) {
        int q2 = low / 100;
        int r = (low - q2 * 100) << 1;
        low = q2;
        dst[--p] = PAIRS[r + 1];
        dst[--p] = PAIRS[r];
      }
    }
    int i = (int) v;
    while (i >= 100) {
      int q = i / 100;
      int r = (i - q * 100) << 1;
      i = q;
      dst[--p] = PAIRS[r + 1];
      dst[--p] = PAIRS[r];
    }
    if (i >= 10) {
      dst[--p] = PAIRS[(i << 1) + 1];
      dst[--p] = PAIRS[i << 1];
    } else if (i > 0 || p == end) {
      dst[--p] = DIGITS[i];
    }
    return p;
  }

  /**
   * Writes the last {@code width} decimal digits of {@code v} into {@code dst} from {@code at},
   * zero-padded (a wider value keeps its low digits). For renderers that write into
   * {@link #array()} directly.
   *
   * @param dst the array
   * @param at the index of the first digit
   * @param v a value of at least 0
   * @param width how many digits to write
   * @throws IllegalArgumentException when {@code v} is negative
   * @throws IndexOutOfBoundsException when the {@code width} digits from {@code at} are not all
   *     within the array; nothing is written then
   */
  public static void writePadded(byte[] dst, int at, long v, int width) {
    if (width <= 0) {
      return;
    }
    requireNonNegative(v);
    // one comparison: at is not negative and the digits end within the array
    if ((at | Objects.requireNonNull(dst, "dst").length - (long) at - width) < 0) {
      checkRange(dst, at, (long) at + width, v);
    }
    if (width < POWERS.length && v >= POWERS[width]) {
      v %= POWERS[width];
    }
    int p = writeDigits(dst, at + width, v);
    while (p > at) {
      dst[--p] = '0';
    }
  }

  /**
   * Throws unless {@code [from, to)}, where the digits of {@code v} go, is within {@code dst}.
   * Off the hot path: called when the one-comparison check fails.
   */
  private static void checkRange(byte[] dst, long from, long to, long v) {
    if (from < 0 || to > dst.length) {
      throw new IndexOutOfBoundsException("the digits of " + v + " (length " + (to - from)
          + ") need indexes [" + from + ", " + to + "), outside an array of length "
          + dst.length);
    }
  }

  private static void requireNonNegative(long v) {
    if (v < 0) {
      throw new IllegalArgumentException("v must not be negative (got " + v + ")");
    }
  }

  /** Appends the content of another buffer. */
  public LineBuffer append(LineBuffer other) {
    return append(Objects.requireNonNull(other, "other").bytes, 0, other.length);
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
