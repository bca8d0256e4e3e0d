package dev.loggen.formats.internal;

import java.util.Arrays;

/**
 * A direct-mapped cache from a whole number to its decimal digits, for a field whose values come
 * back again and again a few lines apart: a session id (15 or 16 digits) is on every line of its
 * session, and the sessions under way at once are few. A hit writes the digits as one or two
 * 8-byte stores instead of dividing the number down two digits at a time. Numbers below 0 or of
 * more than 16 digits are written every time. Not thread-safe.
 */
final class DecimalCache {
  private static final int SLOT_BITS = 8;
  /** Slots: many more than the sessions of a busy site that are under way at once. */
  static final int SLOTS = 1 << SLOT_BITS;
  private static final int MAX_DIGITS = 16;
  private static final long EMPTY = -1;

  private final long[] keys = new long[SLOTS];
  /** Per slot: the first eight digits and the rest, packed as {@link Bytes#word} packs them. */
  private final long[] low = new long[SLOTS];
  private final long[] high = new long[SLOTS];
  private final byte[] lengths = new byte[SLOTS];

  DecimalCache() {
    Arrays.fill(keys, EMPTY);
  }

  /** Appends {@code v} in decimal, from the cache when it holds it. */
  void append(Bytes o, long v) {
    if (v < 0) {
      o.putLong(v);
      return;
    }
    int slot = (int) ((v * 0x9E3779B97F4A7C15L) >>> (64 - SLOT_BITS));
    if (keys[slot] == v) {
      int n = lengths[slot];
      if (n <= 8) {
        o.putWord(low[slot], n);
      } else {
        o.putWord(low[slot], 8);
        o.putWord(high[slot], n - 8);
      }
      return;
    }
    int start = o.len;
    o.putLong(v);
    int n = o.len - start;
    if (n > MAX_DIGITS) {
      return;
    }
    low[slot] = Bytes.word(o.buf, start, Math.min(n, 8));
    high[slot] = n > 8 ? Bytes.word(o.buf, start + 8, n - 8) : 0;
    lengths[slot] = (byte) n;
    keys[slot] = v;
  }
}
