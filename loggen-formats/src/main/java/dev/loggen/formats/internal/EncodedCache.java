package dev.loggen.formats.internal;

/**
 * A direct-mapped cache from a string to its escaped UTF-8 bytes, one per rendered field.
 * Generated traffic repeats the same string instances all the time (a visitor's address and
 * user agent, the page URL a page view's assets name as referrer, a site's static files), so a
 * hit is one identity compare on the string's cached hash code and one array copy, without
 * reading the characters at all. An equal string that is not the same instance also hits, and
 * takes the slot over so that its successors hit by identity. A slot keeps its key's hash code,
 * so that a miss on a slot held by another string (the usual miss) never reads that string:
 * with more distinct values than slots, the other string is no longer in the CPU's caches.
 *
 * <p>Slots keep their byte arrays and overwrite them, so the cache stops allocating once warm.
 * One cache per field keeps one field's values from evicting another's. Not thread-safe.
 */
final class EncodedCache {
  /**
   * Slots of the cache of one user-agent or referrer field: enough for the agents and page URLs
   * of the visitors active at once, small enough to stay in the CPU caches next to the
   * simulator's data (larger caches made the generate-and-render loop slower).
   */
  static final int FIELD_SLOTS = 512;
  /**
   * Slots of the cache of a request-target field: a site's static files and its pages by id are
   * shared string instances, so about half the paths of generated traffic hit here; the rest
   * (searches, fresh query strings) are escaped and kept in the slot.
   */
  static final int PATH_SLOTS = 1024;
  /** Slots of the cache of a user-name field: the users of the sessions under way. */
  static final int USER_SLOTS = 256;
  /** Longer values are escaped every time rather than cached. */
  private static final int MAX_CACHED_CHARS = 1024;
  private static final int MIN_SLOT_BYTES = 32;

  private final Escaper escaper;
  private final byte[] suffix;
  private final long suffixWord;
  private final int mask;
  private final String[] keys;
  private final int[] hashes;
  private final byte[][] values;
  private final int[] lengths;

  /**
   * An empty cache.
   *
   * @param escaper how values are escaped
   * @param slots number of slots, a power of two
   */
  EncodedCache(Escaper escaper, int slots) {
    this(escaper, slots, Bytes.NONE);
  }

  /**
   * An empty cache whose values are each followed by {@code suffix} (the literal after a
   * field), kept with them, so that a hit writes both in one copy.
   *
   * @param escaper how values are escaped
   * @param slots number of slots, a power of two
   * @param suffix bytes written after each value
   */
  EncodedCache(Escaper escaper, int slots, byte[] suffix) {
    if (Integer.bitCount(slots) != 1) {
      throw new IllegalArgumentException("slots must be a power of two (got " + slots + ")");
    }
    this.escaper = escaper;
    this.suffix = suffix.clone();
    this.suffixWord = suffix.length <= 8 ? Bytes.word(suffix, 0, suffix.length) : 0;
    this.mask = slots - 1;
    this.keys = new String[slots];
    this.hashes = new int[slots];
    this.values = new byte[slots][];
    this.lengths = new int[slots];
  }

  /** Appends {@code s} escaped and the suffix, from the cache when it holds it. */
  void append(Bytes o, String s) {
    int h = s.hashCode();
    int slot = (h ^ (h >>> 16)) & mask;
    String k = keys[slot];
    if (k != s) {
      if (k == null || hashes[slot] != h || !k.equals(s)) {
        miss(o, s, slot, h);
        return;
      }
      keys[slot] = s;
    }
    o.put(values[slot], 0, lengths[slot]);
  }

  private void miss(Bytes o, String s, int slot, int h) {
    int n = s.length();
    int start = o.len;
    escaper.append(o, s, 0, n);
    if (suffix.length > 0) {
      o.putPacked(suffixWord, suffix, suffix.length);
    }
    if (n > MAX_CACHED_CHARS) {
      return;
    }
    int written = o.len - start;
    byte[] v = values[slot];
    if (v == null || v.length < written) {
      v = new byte[Math.max(written, MIN_SLOT_BYTES)];
      values[slot] = v;
    }
    System.arraycopy(o.buf, start, v, 0, written);
    lengths[slot] = written;
    keys[slot] = s;
    hashes[slot] = h;
  }
}
