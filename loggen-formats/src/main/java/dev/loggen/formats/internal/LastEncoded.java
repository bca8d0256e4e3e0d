package dev.loggen.formats.internal;

/**
 * The last value of a field and its escaped bytes, compared by identity first: for fields that
 * nearly always hold the same few strings (method, protocol, host, session state), a line costs
 * one reference compare and one short copy instead of an escaping loop. Values longer than
 * {@value #MAX_CHARS} chars are escaped every time, so a hostile value is not kept. Not
 * thread-safe.
 */
final class LastEncoded {
  private static final int MAX_CHARS = 32;
  private final Escaper escaper;
  private String key = "";
  private final Bytes bytes = new Bytes(16);
  /** The bytes packed for {@link Bytes#putPacked}, when they are at most 8. */
  private long word;

  LastEncoded(Escaper escaper) {
    this.escaper = escaper;
  }

  /** Appends {@code s} escaped. */
  void append(Bytes o, String s) {
    if (s != key && !s.equals(key)) {
      if (s.length() > MAX_CHARS) {
        escaper.append(o, s);
        return;
      }
      bytes.reset();
      escaper.append(bytes, s);
      key = s;
      word = bytes.len <= 8 ? Bytes.word(bytes.buf, 0, bytes.len) : 0;
    }
    o.putPacked(word, bytes.buf, bytes.len);
  }
}
