package dev.loggen.formats.internal;

/**
 * A small direct-mapped cache from a string to its escaped UTF-8 bytes, one per renderer and
 * escaper. Generated traffic repeats user agents, referrers, hosts and addresses all the time;
 * a hit turns escaping a 120-character user agent into one array copy. Slots keep their byte
 * arrays and overwrite them, so the cache stops allocating once warm. Not thread-safe.
 */
final class EncodedCache {
  private static final int SLOTS = 512;
  private static final int MASK = SLOTS - 1;
  /** Longer values are escaped every time rather than cached. */
  private static final int MAX_CACHED_CHARS = 1024;
  /** Shorter values are escaped every time: a lookup would cost about as much. */
  private static final int MIN_CACHED_CHARS = 24;

  private final Escaper escaper;
  private final String[] keys = new String[SLOTS];
  private final byte[][] values = new byte[SLOTS][];
  private final int[] lengths = new int[SLOTS];

  EncodedCache(Escaper escaper) {
    this.escaper = escaper;
  }

  /** Appends {@code s} escaped, from the cache when it holds it. */
  void append(Bytes o, String s) {
    int n = s.length();
    if (n > MAX_CACHED_CHARS || n < MIN_CACHED_CHARS) {
      escaper.append(o, s, 0, n);
      return;
    }
    int h = s.hashCode();
    int slot = (h ^ (h >>> 16)) & MASK;
    String k = keys[slot];
    if (k == s || (k != null && k.equals(s))) {
      keys[slot] = s;
      o.put(values[slot], 0, lengths[slot]);
      return;
    }
    int start = o.len;
    escaper.append(o, s, 0, n);
    int written = o.len - start;
    byte[] v = values[slot];
    if (v == null || v.length < written) {
      v = new byte[Math.max(written, 64)];
      values[slot] = v;
    }
    System.arraycopy(o.buf, start, v, 0, written);
    lengths[slot] = written;
    keys[slot] = s;
  }
}
