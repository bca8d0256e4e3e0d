package dev.loggen.formats.internal;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The renderer of the NCSA Common and Combined formats ({@code %h %l %u %t "%r" %>s %b}, plus
 * {@code "%{Referer}i" "%{User-agent}i"}): the same bytes as a {@link ProgramRenderer} running
 * their program, written as straight-line code. The two formats are most of what is rendered,
 * and a general program pays on every line for a dispatch per step, a check of each step's
 * status condition, and a large method that the JIT compiler spends seconds on. Literals come
 * from the program, so a format string that compiles to the same steps renders identically
 * whatever its spelling. Not thread-safe: one per thread.
 */
final class ClfRenderer implements LogFormat.Renderer {
  private static final int[] COMMON_OPS = {
      Item.CLIENT, Item.LITERAL, Item.IDENT, Item.LITERAL, Item.USER_APACHE, Item.LITERAL,
      Item.TIME, Item.LITERAL, Item.REQUEST_LINE, Item.LITERAL, Item.STATUS, Item.LITERAL,
      Item.BYTES_CLF};
  private static final byte[] DASH = {'-'};
  /** The statuses an {@link AccessEvent} holds: 100 to 599. */
  private static final int LOWEST_STATUS = 100;
  private static final int FIRST_STATUS_PAST = 600;
  private static final int[] COMBINED_TAIL = {
      Item.LITERAL, Item.REFERRER, Item.LITERAL, Item.USER_AGENT, Item.LITERAL};

  private final Bytes line = new Bytes(16);
  private final TimeRenderer time;
  /** The literals between the fields, in order: " ", " ", " ", " \"", "\" ", " " (+ 3). */
  private final Literal lit0;
  private final Literal lit1;
  private final Literal lit2;
  private final Literal lit4;
  private final Literal lit5;
  private final boolean combined;
  private final Literal lit6;
  private final Literal lit7;
  private final Literal lit8;
  /** Referrers followed by {@code lit7}, user agents by {@code lit8}. */
  private final EncodedCache referrers;
  private final EncodedCache agents;
  /**
   * Clients followed by {@code lit0 - lit1 - lit2} (" - - ["), the rest of a line without ident
   * and user (nearly all), taken back on the others.
   */
  private final EncodedCache clients;
  private final int afterClient;
  /**
   * Paths followed by the space before the protocol, dropped again for an HTTP/0.9 request
   * line, which has neither.
   */
  private final EncodedCache paths = new EncodedCache(Escaper.APACHE, EncodedCache.PATH_SLOTS,
      new byte[] {' '});
  /** Logged-in users' names: a session's lines repeat its user's. */
  private final EncodedCache users = new EncodedCache(Escaper.APACHE, EncodedCache.USER_SLOTS);
  /** {@code lit0 - lit1} (" - ") packed, for a line with a user but no ident, or null. */
  private final @Nullable Literal noIdent;
  /**
   * {@code lit4}, the status and {@code lit5} ("\" 200 ") packed, per status from 100 to 599,
   * or null when they are longer than 8 bytes.
   */
  private final long @Nullable [] statusWords;
  private final int statusLength;
  /** {@code lit6 - lit7} ("\" \"-\" \"") packed, for a line without referrer, or null. */
  private final @Nullable Literal noReferrer;
  /**
   * The last methods and protocols and their bytes: nearly every line has the same ones. A
   * method is kept with the literal before it (the fourth) and the space after it ("] \"GET ").
   */
  private final RecentEncoded method;
  private final RecentEncoded protocol = new RecentEncoded(Escaper.APACHE);

  private ClfRenderer(Item[] items) {
    Strftime t = items[6].time;
    if (t == null) {
      throw new IllegalArgumentException("no time pattern in " + items[6].name);
    }
    this.time = new TimeRenderer(t);
    this.lit0 = new Literal(items[1].literal);
    this.lit1 = new Literal(items[3].literal);
    this.lit2 = new Literal(items[5].literal);
    this.lit4 = new Literal(items[9].literal);
    this.lit5 = new Literal(items[11].literal);
    this.combined = items.length > COMMON_OPS.length;
    this.lit6 = new Literal(combined ? items[13].literal : new byte[0]);
    this.lit7 = new Literal(combined ? items[15].literal : new byte[0]);
    this.lit8 = new Literal(combined ? items[17].literal : new byte[0]);
    byte[] dashes = concat(lit0.bytes, DASH, lit1.bytes, DASH, lit2.bytes);
    this.clients = new EncodedCache(Escaper.APACHE, EncodedCache.FIELD_SLOTS, dashes);
    this.afterClient = dashes.length;
    this.method = new RecentEncoded(Escaper.APACHE, items[7].literal, new byte[] {' '});
    this.noIdent = Literal.packed(concat(lit0.bytes, DASH, lit1.bytes));
    this.referrers = new EncodedCache(Escaper.APACHE, EncodedCache.FIELD_SLOTS, lit7.bytes);
    this.agents = new EncodedCache(Escaper.APACHE, EncodedCache.FIELD_SLOTS, lit8.bytes);
    this.noReferrer = combined ? Literal.packed(concat(lit6.bytes, DASH, lit7.bytes)) : null;
    this.statusLength = lit4.bytes.length + 3 + lit5.bytes.length;
    if (statusLength <= 8) {
      statusWords = new long[FIRST_STATUS_PAST];
      for (int status = LOWEST_STATUS; status < FIRST_STATUS_PAST; status++) {
        byte[] digits = {(byte) ('0' + status / 100), (byte) ('0' + status / 10 % 10),
            (byte) ('0' + status % 10)};
        byte[] all = concat(lit4.bytes, digits, lit5.bytes);
        statusWords[status] = Bytes.word(all, 0, all.length);
      }
    } else {
      statusWords = null;
    }
  }

  /**
   * A straight-line renderer for {@code program} if it is Common or Combined (in any spelling
   * that compiles to the same steps, with plain {@code %t} and no status conditions), else null.
   */
  static LogFormat.@Nullable Renderer forProgram(Program program) {
    return matches(program.items) ? new ClfRenderer(program.items) : null;
  }

  static boolean matches(Item[] items) {
    int n = items.length;
    if (n != COMMON_OPS.length && n != COMMON_OPS.length + COMBINED_TAIL.length) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      Item it = items[i];
      int want = i < COMMON_OPS.length ? COMMON_OPS[i] : COMBINED_TAIL[i - COMMON_OPS.length];
      boolean value = it.op != Item.LITERAL && it.op != Item.TIME;
      if (it.op != want || it.statuses != null
          || value && (it.escaper != Escaper.APACHE || !"-".equals(it.missingText))) {
        return false;
      }
    }
    Item t = items[6];
    return !t.end && t.time != null && ApacheCompiler.CLF_TIME.equals(t.time.source());
  }

  @Override
  public void render(AccessEvent e, LineBuffer out) {
    Objects.requireNonNull(e, "event");
    Bytes o = line;
    o.attach(out);
    clients.append(o, e.clientAddress());
    String ident = e.ident();
    String user = e.user();
    if (ident != null || user != null) {
      o.drop(afterClient);
      identAndUser(o, ident, user);
    }
    time.append(o, e.epochMillis(), e.offset().getTotalSeconds(), 0);
    method.append(o, e.method());
    paths.append(o, e.path());
    String proto = e.protocol();
    if (proto.isEmpty()) {
      o.drop(1); // "GET /": httpd's log_request_line puts no space before no protocol
    } else {
      protocol.append(o, proto);
    }
    long[] words = statusWords;
    if (words != null) {
      o.putWord(words[e.status()], statusLength);
    } else {
      lit4.append(o);
      o.putPadded(e.status(), 3);
      lit5.append(o);
    }
    long bytes = e.bytes();
    if (bytes == 0) {
      o.put((byte) '-');
    } else {
      o.putLong(bytes);
    }
    if (combined) {
      String referrer = e.referrer();
      Literal noRef = noReferrer;
      if (referrer == null && noRef != null) {
        noRef.append(o);
      } else {
        lit6.append(o);
        orDash(o, referrers, referrer, lit7);
      }
      orDash(o, agents, e.userAgent(), lit8);
    }
    o.detach();
  }

  private void identAndUser(Bytes o, @Nullable String ident, @Nullable String user) {
    Literal noIdent = this.noIdent;
    if (ident == null && noIdent != null) {
      noIdent.append(o);
    } else {
      lit0.append(o);
      orDash(o, ident);
      lit1.append(o);
    }
    if (user == null) {
      o.put((byte) '-');
    } else if (user.isEmpty()) {
      o.put((byte) '"');
      o.put((byte) '"');
    } else {
      users.append(o, user);
    }
    lit2.append(o);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  /** A literal between fields: one 8-byte store when it is that short, else a copy. */
  private static final class Literal {
    private final byte[] bytes;
    private final long word;

    Literal(byte[] bytes) {
      this.bytes = bytes;
      this.word = bytes.length <= 8 ? Bytes.word(bytes, 0, bytes.length) : 0;
    }

    /** The literal if it is one 8-byte store, else null. */
    static @Nullable Literal packed(byte[] bytes) {
      return bytes.length <= 8 ? new Literal(bytes) : null;
    }

    void append(Bytes o) {
      o.putPacked(word, bytes, bytes.length);
    }
  }

  private static void orDash(Bytes o, @Nullable String s) {
    if (s == null) {
      o.put((byte) '-');
    } else {
      Escaper.APACHE.append(o, s);
    }
  }

  /** {@code s} and the literal after it, which {@code cache} keeps with its values. */
  private static void orDash(Bytes o, EncodedCache cache, @Nullable String s, Literal after) {
    if (s == null) {
      o.put((byte) '-');
      after.append(o);
    } else {
      cache.append(o, s);
    }
  }
}
