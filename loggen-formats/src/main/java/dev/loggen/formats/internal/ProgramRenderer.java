package dev.loggen.formats.internal;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link Program} for each event: one switch per step, user agents and referrers escaped
 * through a cache per field, times from per-second caches, the line written straight into the
 * caller's buffer. Allocates nothing per line once warm. Not thread-safe: one per thread.
 */
final class ProgramRenderer implements LogFormat.Renderer {
  private static final String DOCUMENT_ROOT = "/var/www/html";
  /** What httpd's {@code %H} prints for a request line without a protocol. */
  static final String HTTP_09 = "HTTP/0.9";

  private final Item[] items;
  private final Bytes line = new Bytes(16);
  private final Bytes scratch = new Bytes(128);
  private final TimeRenderer[] times;
  /** Per item: the cache of its string value, or null (escaped every time). */
  private final @Nullable EncodedCache[] caches;
  private String lastHost = "";
  private String lastHostAddress = "";

  ProgramRenderer(Program program) {
    this.items = program.items;
    this.times = new TimeRenderer[items.length];
    this.caches = new EncodedCache[items.length];
    for (int i = 0; i < items.length; i++) {
      Item it = items[i];
      Strftime t = it.time;
      if (t != null) {
        times[i] = new TimeRenderer(t, it.end);
      }
      int slots = cacheSlots(it.op);
      if (slots > 0) {
        caches[i] = new EncodedCache(it.escaper, slots);
      }
    }
  }

  /**
   * How many cache slots a field's values get: user agents and referrers are long and repeat
   * (a visitor keeps its agent, a page view's assets share its URL as referrer); other values are
   * short or rarely repeat soon, and escaping them costs less than a cache that grows out of the
   * CPU's caches (measured: larger and more caches made the generate-and-render loop slower).
   */
  private static int cacheSlots(int op) {
    return switch (op) {
      case Item.REFERRER, Item.USER_AGENT -> EncodedCache.FIELD_SLOTS;
      default -> 0;
    };
  }

  @Override
  public void render(AccessEvent e, LineBuffer out) {
    Objects.requireNonNull(e, "event");
    Bytes o = line;
    o.attach(out);
    Item[] its = items;
    for (int i = 0; i < its.length; i++) {
      Item it = its[i];
      if (it.op == Item.LITERAL) {
        o.put(it.literal);
      } else if (it.statuses != null && !it.logsStatus(e.status())) {
        o.put(it.missing);
      } else {
        field(it, i, e, o);
      }
    }
    o.detach();
  }

  /** Appends a string field, through its cache if it has one. */
  private void cached(int index, Bytes o, String s) {
    EncodedCache c = caches[index];
    if (c == null) {
      items[index].escaper.append(o, s);
    } else {
      c.append(o, s);
    }
  }

  private void orMissing(Item it, int index, Bytes o, @Nullable String s) {
    if (s == null) {
      o.put(it.missing);
    } else {
      cached(index, o, s);
    }
  }

  private void field(Item it, int index, AccessEvent e, Bytes o) {
    switch (it.op) {
      case Item.CLIENT -> cached(index, o, e.clientAddress());
      case Item.IDENT -> orMissing(it, index, o, e.ident());
      case Item.USER -> orMissing(it, index, o, e.user());
      case Item.USER_APACHE -> {
        String u = e.user();
        if (u != null && u.isEmpty()) {
          o.put('"');
          o.put('"');
        } else {
          orMissing(it, index, o, u);
        }
      }
      case Item.TIME -> {
        int offset = e.offset().getTotalSeconds();
        // the time renderer checks the range whenever it renders its cache anew
        if (it.end) {
          times[index].append(o, endMillis(e), offset, endSubMilliMicros(e));
        } else {
          times[index].append(o, e.epochMillis(), offset, Derived.subMilliMicros(e));
        }
      }
      case Item.TIME_SPECIAL -> timeSpecial(it, e, o);
      case Item.MSEC -> {
        // a decimal number of seconds: before 1970 the sign, then the magnitude's digits
        // (-0.001, not the floored -1 and the .999 above it)
        long ms = startMillis(e);
        if (ms < 0) {
          o.put('-');
          ms = -ms;
        }
        o.putLong(ms / 1000L);
        o.put('.');
        o.putPadded(ms % 1000L, 3);
      }
      case Item.REQUEST_LINE -> {
        it.escaper.append(o, e.method());
        o.put(' ');
        it.escaper.append(o, e.path());
        // an HTTP/0.9 request line is "GET /": no space and no protocol after the target
        String protocol = e.protocol();
        if (!protocol.isEmpty()) {
          o.put(' ');
          it.escaper.append(o, protocol);
        }
      }
      case Item.METHOD -> cached(index, o, e.method());
      case Item.PROTOCOL -> orMissing(it, index, o, e.protocol().isEmpty() ? null : e.protocol());
      case Item.PROTOCOL_APACHE -> cached(index, o,
          e.protocol().isEmpty() ? HTTP_09 : e.protocol());
      case Item.PATH_DECODED -> decodedPath(it, e, o, false);
      case Item.FILENAME -> decodedPath(it, e, o, true);
      case Item.QUERY_MARK -> {
        String p = e.path();
        int q = p.indexOf('?');
        if (q >= 0) {
          o.put('?');
          it.escaper.append(o, p, q + 1, p.length());
        }
      }
      case Item.ARGS -> {
        String p = e.path();
        int q = p.indexOf('?');
        if (q >= 0) {
          it.escaper.append(o, p, q + 1, p.length());
        } else {
          o.put(it.missing);
        }
      }
      case Item.IS_ARGS -> {
        // nginx's $is_args: '?' when the query string is not empty (ngx_http_variable_is_args
        // tests r->args.len), so nothing for "/x?"; Apache's %q prints the '?' there
        String p = e.path();
        int q = p.indexOf('?');
        if (q >= 0 && q + 1 < p.length()) {
          o.put('?');
        }
      }
      case Item.REQUEST_URI -> cached(index, o, e.path());
      case Item.STATUS -> o.putPadded(e.status(), 3);
      case Item.BYTES_CLF -> {
        if (e.bytes() == 0) {
          o.put('-');
        } else {
          o.putLong(e.bytes());
        }
      }
      case Item.BYTES -> o.putLong(e.bytes());
      case Item.BYTES_SENT -> o.putLong(Derived.bytesSent(e));
      case Item.BYTES_RECEIVED -> o.putLong(Derived.requestBytes(e));
      case Item.BYTES_BOTH -> o.putLong(Derived.bytesBoth(e));
      case Item.DURATION_US -> o.putLong(e.responseTimeMicros());
      case Item.DURATION_MS -> o.putLong(e.responseTimeMicros() / 1000);
      case Item.DURATION_S -> o.putLong(e.responseTimeMicros() / 1_000_000);
      case Item.DURATION_S_FRAC -> {
        // nginx's $request_time (ngx_http_log_request_time): the millisecond it writes the log
        // less the start's, so 1.234567 s from .589567 is 1.235, as %{end:msec}t - %{msec}t
        long ms = elapsedMillis(e);
        o.putLong(ms / 1000);
        o.put('.');
        o.putPadded(ms % 1000, 3);
      }
      case Item.REFERRER -> orMissing(it, index, o, e.referrer());
      case Item.USER_AGENT -> orMissing(it, index, o, e.userAgent());
      case Item.HOST -> cached(index, o, e.host());
      case Item.LOCAL_ADDR -> {
        String h = e.host();
        if (!h.equals(lastHost)) {
          lastHost = h;
          lastHostAddress = Derived.localAddress(h);
        }
        cached(index, o, lastHostAddress);
      }
      case Item.SERVER_PORT -> o.putLong(80);
      case Item.CLIENT_PORT -> o.putLong(Derived.clientPort(e));
      case Item.PID -> o.putLong(Derived.apachePid(e));
      case Item.PID_NGINX -> o.putLong(Derived.nginxPid(e));
      case Item.TID -> o.putLong(Derived.apacheTid(e));
      case Item.HEXTID -> hex(o, Derived.apacheTid(e));
      case Item.CONNECTION -> o.putLong(Derived.connection(e));
      case Item.CONNECTION_REQUESTS -> o.putLong(Derived.connectionRequests(e));
      case Item.KEEPALIVE -> o.putLong(Derived.connectionRequests(e) - 1);
      case Item.CONN_STATUS -> o.put(e.protocol().equals("HTTP/1.0") ? '-' : '+');
      case Item.CONTENT_TYPE -> orMissing(it, index, o, Derived.contentType(e));
      case Item.CONTENT_TYPE_APACHE -> orMissing(it, index, o, Derived.mediaType(e));
      case Item.CONTENT_LENGTH -> {
        if (e.bytes() > 0) {
          o.putLong(e.bytes());
        } else {
          o.put(it.missing);
        }
      }
      case Item.CONST -> it.escaper.append(o, it.arg == null ? "" : it.arg);
      case Item.MISSING -> o.put(it.missing);
      default -> throw new AssertionError("op " + it.op);
    }
  }

  private void timeSpecial(Item it, AccessEvent e, Bytes o) {
    long us = micros(it, e);
    long ms = Math.floorDiv(us, 1000L);
    String what = it.arg == null ? "sec" : it.arg;
    switch (what) {
      case "sec" -> o.putLong(Math.floorDiv(ms, 1000L));
      case "msec" -> o.putLong(ms);
      case "usec" -> o.putLong(us);
      case "msec_frac" -> o.putPadded(Math.floorMod(ms, 1000L), 3);
      default -> o.putPadded(Math.floorMod(us, 1_000_000L), 6);
    }
  }

  /**
   * The request's start ({@code end} false) or end in epoch microseconds: the event's
   * millisecond plus the microseconds the error log prints too ({@link Derived#subMilliMicros}),
   * so that an access-log and an error-log line of one request show the same instant. Checked
   * to lie in the years 1 to 9999, as every printed time is, so it fits a long.
   */
  private static long micros(Item it, AccessEvent e) {
    if (!it.end) {
      return startMillis(e) * 1000 + Derived.subMilliMicros(e);
    }
    long ms = endMillis(e);
    TimeRenderer.checkRange(ms, e.offset().getTotalSeconds(), true);
    return ms * 1000 + endSubMilliMicros(e);
  }

  /** The request's start in epoch milliseconds, checked to lie in the years 1 to 9999. */
  private static long startMillis(AccessEvent e) {
    TimeRenderer.checkRange(e.epochMillis(), e.offset().getTotalSeconds(), false);
    return e.epochMillis();
  }

  /**
   * The millisecond of the request's end: the start's microseconds plus the response time.
   * The start is checked (so the sum fits a long); the end is not.
   */
  private static long endMillis(AccessEvent e) {
    return startMillis(e) + elapsedMillis(e);
  }

  /**
   * The millisecond of the request's end less that of its start: the response time in whole
   * milliseconds, or one more where the start's microseconds and the response time's carry
   * into the next millisecond.
   */
  private static long elapsedMillis(AccessEvent e) {
    long rt = e.responseTimeMicros();
    return rt / 1000 + (Derived.subMilliMicros(e) + rt % 1000) / 1000;
  }

  /** The microseconds within the millisecond of the request's end. */
  private static int endSubMilliMicros(AccessEvent e) {
    return (int) ((Derived.subMilliMicros(e) + e.responseTimeMicros() % 1000) % 1000);
  }

  /** Writes the path without query, percent-decoded as the server logs it, then escaped. */
  private void decodedPath(Item it, AccessEvent e, Bytes o, boolean filename) {
    String p = e.path();
    int end = p.indexOf('?');
    if (end < 0) {
      end = p.length();
    }
    if (filename) {
      o.putAscii(DOCUMENT_ROOT);
    }
    if (p.lastIndexOf('%', end - 1) < 0) {
      it.escaper.append(o, p, 0, end);
      return;
    }
    Bytes s = scratch;
    s.reset();
    Percent.decode(p, 0, end, s);
    it.escaper.appendBytes(o, s.buf, 0, s.len);
  }

  private static void hex(Bytes o, long v) {
    int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(v)) / 4);
    for (int d = digits - 1; d >= 0; d--) {
      o.put(Escaper.HEX_LOWER[(int) (v >>> (d * 4)) & 0xF]);
    }
  }
}
