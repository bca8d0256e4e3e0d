package dev.loggen.formats.internal;

import dev.loggen.core.LineBuffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A renderer's line: a growable byte array written with local indices in tight loops. Either
 * standalone (a scratch area: a decoded path, a cached value, a time), or
 * {@linkplain #attach attached} to the caller's {@link LineBuffer}: it then writes straight into
 * that buffer's array from its current length, grows it through
 * {@link LineBuffer#ensureCapacity}, and {@link #detach} marks the bytes written with
 * {@link LineBuffer#advance}, so a rendered line is never copied. Not thread-safe.
 */
final class Bytes {
  /** Room made in an attached buffer up front: a typical line fits without a further grow. */
  private static final int ATTACH_ROOM = 512;
  /** The array of a detached line, so that it does not keep the caller's buffer alive. */
  private static final byte[] DETACHED = new byte[0];
  /** No bytes. */
  static final byte[] NONE = new byte[0];
  /** Eight bytes at any index of a byte array, in one store. */
  private static final VarHandle WORD =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  byte[] buf;
  int len;
  private char[] chars = new char[256];
  private @Nullable LineBuffer target;

  /**
   * An empty buffer.
   *
   * @param capacity initial capacity in bytes
   */
  public Bytes(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  /** Empties the buffer. */
  public void reset() {
    len = 0;
  }

  /**
   * The number of bytes written.
   *
   * @return the length
   */
  public int length() {
    return len;
  }

  /**
   * The content decoded as UTF-8 (for tests and messages).
   *
   * @return the content as text
   */
  @Override
  public String toString() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  /**
   * Writes from now on straight into {@code out}'s array, after its current content, until
   * {@link #detach}. {@link #reset} must not be called while attached.
   */
  void attach(LineBuffer out) {
    Objects.requireNonNull(out, "out").ensureCapacity(ATTACH_ROOM);
    target = out;
    buf = out.array();
    len = out.length();
  }

  /** Marks what was written since {@link #attach} as content of the buffer and lets it go. */
  void detach() {
    LineBuffer t = target;
    if (t != null) {
      t.advance(len - t.length());
      target = null;
      buf = DETACHED;
      len = 0;
    }
  }

  /** A scratch char array of at least {@code n} chars (its content is not kept). */
  char[] chars(int n) {
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    return chars;
  }

  void ensure(int extra) {
    if (len + extra > buf.length) {
      grow(extra);
    }
  }

  private void grow(int extra) {
    LineBuffer t = target;
    if (t == null) {
      buf = Arrays.copyOf(buf, Math.max(len + extra, buf.length * 2));
    } else {
      t.advance(len - t.length());
      t.ensureCapacity(extra);
      buf = t.array();
    }
  }

  /** Takes back the last {@code n} bytes written (at most {@link #length()}). */
  void drop(int n) {
    if (n < 0 || n > len) {
      throw new IllegalArgumentException("cannot drop " + n + " of " + len + " bytes");
    }
    len -= n;
  }

  void put(byte b) {
    if (len == buf.length) {
      ensure(1);
    }
    buf[len++] = b;
  }

  void put(char asciiChar) {
    put((byte) asciiChar);
  }

  void put(byte[] src) {
    put(src, 0, src.length);
  }

  void put(byte[] src, int off, int n) {
    if (n >= 8 && n <= 32) {
      putWords(src, off, n);
      return;
    }
    ensure(n);
    System.arraycopy(src, off, buf, len, n);
    len += n;
  }

  /**
   * Copies 8 to 32 bytes as two to four 8-byte loads and stores, the last one overlapping the
   * one before: cheaper than an array copy for the short values a line is made of (keys of
   * JSON fields, timestamps, cached short values).
   */
  private void putWords(byte[] src, int off, int n) {
    if (buf.length - len < 32) {
      ensure(32);
    }
    byte[] d = buf;
    int p = len;
    WORD.set(d, p, (long) WORD.get(src, off));
    if (n > 16) {
      WORD.set(d, p + 8, (long) WORD.get(src, off + 8));
      if (n > 24) {
        WORD.set(d, p + 16, (long) WORD.get(src, off + 16));
      }
    }
    WORD.set(d, p + n - 8, (long) WORD.get(src, off + n - 8));
    len = p + n;
  }

  /**
   * Up to eight bytes packed into a long for {@link #putWord}: byte {@code i} of
   * {@code src[off..off+n)} in bits {@code 8i..8i+7}.
   */
  static long word(byte[] src, int off, int n) {
    if (n > 8) {
      throw new IllegalArgumentException("at most 8 bytes fit a word (got " + n + ")");
    }
    long w = 0;
    for (int i = 0; i < n; i++) {
      w |= (src[off + i] & 0xFFL) << (8 * i);
    }
    return w;
  }

  /**
   * Appends the {@code n} (at most 8) bytes packed in {@code word} by {@link #word} with one
   * 8-byte store: a short literal costs a store instead of an array copy. The store may write
   * past the new length; those bytes are not content and are overwritten by what follows.
   */
  void putWord(long word, int n) {
    if (buf.length - len < 8) {
      ensure(8);
    }
    WORD.set(buf, len, word);
    len += n;
  }

  /**
   * Appends {@code src[0..n)}: when {@code n} is at most 8 as one store of {@code word}, which
   * must be {@code word(src, 0, n)}, else as a copy. For short values appended again and again
   * (literals between fields, a remembered method), packed once.
   */
  void putPacked(long word, byte[] src, int n) {
    if (n <= 8) {
      putWord(word, n);
    } else {
      put(src, 0, n);
    }
  }

  /** Appends a string known to be ASCII. */
  void putAscii(String s) {
    int n = s.length();
    ensure(n);
    byte[] b = buf;
    int p = len;
    for (int i = 0; i < n; i++) {
      b[p++] = (byte) s.charAt(i);
    }
    len = p;
  }

  /** Appends a non-negative or negative decimal number. */
  void putLong(long v) {
    if (v < 0) {
      if (v == Long.MIN_VALUE) {
        putAscii(Long.toString(v));
        return;
      }
      put('-');
      v = -v;
    }
    int digits = LineBuffer.decimalDigits(v);
    ensure(digits);
    int end = len + digits;
    len = end;
    LineBuffer.writeDecimal(buf, end, v);
  }

  /** Appends {@code v} (non-negative) as exactly {@code width} digits, zero-padded. */
  void putPadded(long v, int width) {
    ensure(width);
    LineBuffer.writePadded(buf, len, v, width);
    len += width;
  }

  /** Overwrites {@code width} digits at {@code at} with {@code v}, zero-padded (low digits). */
  void setPadded(int at, long v, int width) {
    LineBuffer.writePadded(buf, at, v, width);
  }
}
