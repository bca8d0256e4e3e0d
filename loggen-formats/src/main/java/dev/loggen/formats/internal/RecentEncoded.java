package dev.loggen.formats.internal;

/**
 * The few most recent values of a field and their escaped bytes, compared by identity first:
 * for fields that hold a handful of shared strings (method, protocol, host, session state), a
 * line costs a few reference compares and one short copy instead of an escaping loop. It keeps
 * {@value #ENTRIES} values, not one, because consecutive lines come from different sessions: a
 * field holding the last value only missed on nearly half the lines where visitors' protocols
 * (HTTP/1.1, HTTP/2.0) or sessions' states alternate. Values longer than {@value #MAX_CHARS}
 * chars are escaped every time, so a hostile value is not kept. Not thread-safe.
 */
final class RecentEncoded {
  private static final int ENTRIES = 8;
  private static final int MAX_CHARS = 32;
  private final Escaper escaper;
  private final byte[] prefix;
  private final byte[] suffix;
  private final String[] keys = new String[ENTRIES];
  private final Bytes[] bytes = new Bytes[ENTRIES];
  /** The bytes of each entry packed for {@link Bytes#putPacked}, when they are at most 8. */
  private final long[] words = new long[ENTRIES];
  private int size;
  /** The entry a new value replaces once all are used (round robin). */
  private int next;

  RecentEncoded(Escaper escaper) {
    this(escaper, Bytes.NONE, Bytes.NONE);
  }

  /**
   * A cache whose values are written between two fixed byte strings (the literals around a
   * field), kept with them, so that a hit is one store for all three.
   */
  RecentEncoded(Escaper escaper, byte[] prefix, byte[] suffix) {
    this.escaper = escaper;
    this.prefix = prefix.clone();
    this.suffix = suffix.clone();
  }

  /** Appends the prefix, {@code s} escaped and the suffix. */
  void append(Bytes o, String s) {
    String[] k = keys;
    int n = size;
    for (int i = 0; i < n; i++) {
      if (k[i] == s) {
        put(o, i);
        return;
      }
    }
    miss(o, s);
  }

  private void miss(Bytes o, String s) {
    String[] k = keys;
    for (int i = 0; i < size; i++) {
      if (s.equals(k[i])) {
        k[i] = s; // its successors hit by identity
        put(o, i);
        return;
      }
    }
    if (s.length() > MAX_CHARS) {
      o.put(prefix);
      escaper.append(o, s);
      o.put(suffix);
      return;
    }
    int i;
    if (size < ENTRIES) {
      i = size++;
      bytes[i] = new Bytes(16);
    } else {
      i = next;
      next = (next + 1) % ENTRIES;
    }
    Bytes b = bytes[i];
    b.reset();
    b.put(prefix);
    escaper.append(b, s);
    b.put(suffix);
    k[i] = s;
    words[i] = b.len <= 8 ? Bytes.word(b.buf, 0, b.len) : 0;
    put(o, i);
  }

  private void put(Bytes o, int i) {
    Bytes b = bytes[i];
    o.putPacked(words[i], b.buf, b.len);
  }
}
