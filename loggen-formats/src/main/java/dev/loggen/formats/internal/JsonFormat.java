package dev.loggen.formats.internal;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import dev.loggen.core.VisitorKind;
import dev.loggen.formats.LogParser;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * JSON lines: one object per event, either flat with nginx-style names ({@link #flat()}) or in
 * Elastic Common Schema's nested form ({@link #ecs()}). Keys are always in the same order;
 * strings are escaped as {@link Escaper#JSON}. Immutable, thread-safe.
 */
final class JsonFormat implements LogFormat, HasParser {
  static final String TIME_PATTERN = "%Y-%m-%dT%H:%M:%S.%3N%:z";
  static final String ECS_VERSION = "8.11.0";

  private static final JsonFormat FLAT = new JsonFormat(false);
  private static final JsonFormat ECS = new JsonFormat(true);

  private final boolean ecs;

  private JsonFormat(boolean ecs) {
    this.ecs = ecs;
  }

  static JsonFormat flat() {
    return FLAT;
  }

  static JsonFormat ecs() {
    return ECS;
  }

  @Override
  public String name() {
    return ecs ? "ecs" : "json";
  }

  @Override
  public boolean accepts(AccessEvent event) {
    Objects.requireNonNull(event, "event");
    return true;
  }

  @Override
  public Renderer newRenderer() {
    return ecs ? new EcsRenderer() : new FlatRenderer();
  }

  @Override
  public LogParser parser() {
    return new JsonLineParser(name());
  }

  @Override
  public String toString() {
    return ecs ? "LogFormats.ecs()" : "LogFormats.json()";
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The statuses an {@link AccessEvent} holds: 100 to 599. */
  private static final int LOWEST_STATUS = 100;

  /**
   * Per status from 100 to 599: its three digits followed by {@code after}, so that the status
   * and the key after it cost one copy.
   */
  private static byte[][] perStatus(String after) {
    byte[][] r = new byte[600][];
    for (int status = LOWEST_STATUS; status < r.length; status++) {
      r[status] = b(status + after);
    }
    return r;
  }

  private static final byte[][] KIND_LABELS = kindLabels();

  private static byte[][] kindLabels() {
    VisitorKind[] kinds = VisitorKind.values();
    byte[][] r = new byte[kinds.length][];
    for (VisitorKind k : kinds) {
      r[k.ordinal()] = b(k.label());
    }
    return r;
  }

  /**
   * Whether {@code s} is an IP address as Elasticsearch's {@code ip} type reads one: four
   * dot-separated decimal numbers up to 255 without leading zeros, or an IPv6 address in a text
   * form of RFC 4291 (hex groups, one {@code ::} at most, an IPv4 address as the last two
   * groups). Anything else, a host name or text with a colon that is no IPv6 address
   * ({@code host:8080}, {@code [::1]}, a zone as in {@code fe80::1%eth0}), is not: as
   * {@code source.ip} it made Elasticsearch refuse the whole document.
   */
  static boolean isIpLiteral(String s) {
    return s.indexOf(':') >= 0 ? isIpv6(s) : isIpv4(s, 0, s.length());
  }

  /** Whether chars {@code [from, to)} of {@code s} are an IPv4 address, without leading zeros. */
  private static boolean isIpv4(String s, int from, int to) {
    int dots = 0;
    int value = -1;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (value == 0) {
          return false; // a leading zero: octal to some readers, refused by others
        }
        value = (value < 0 ? 0 : value) * 10 + (c - '0');
        if (value > 255) {
          return false;
        }
      } else if (c == '.' && value >= 0) {
        dots++;
        value = -1;
      } else {
        return false;
      }
    }
    return dots == 3 && value >= 0;
  }

  /** Whether {@code s} is an IPv6 address: eight groups, or fewer and one {@code ::}. */
  private static boolean isIpv6(String s) {
    int n = s.length();
    int groups = 0;
    boolean gap = s.startsWith("::");
    int i = gap ? 2 : 0;
    while (i < n) {
      int start = i;
      while (i < n && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 0x80) {
        i++;
      }
      if (i < n && s.charAt(i) == '.') {
        // the last 32 bits as an IPv4 address
        if (!isIpv4(s, start, n)) {
          return false;
        }
        groups += 2;
        break;
      }
      if (i == start || i - start > 4) {
        return false;
      }
      groups++;
      if (i == n) {
        break;
      }
      if (s.charAt(i) != ':' || ++i == n) {
        return false;
      }
      if (s.charAt(i) == ':') {
        if (gap) {
          return false;
        }
        gap = true;
        i++;
      }
    }
    return gap ? groups < 8 : groups == 8;
  }

  /**
   * An offset in whole minutes, cut toward zero: an ISO 8601 time (RFC 3339) has no seconds in
   * its offset, and a historic one with seconds ({@code -00:44:30}, Monrovia until 1972) applied
   * in full to the local time but printed cut to {@code -00:44} named another instant, 30 s off.
   * Local time and offset both in whole minutes name the event's instant exactly.
   */
  static int wholeMinutes(int offsetSeconds) {
    return offsetSeconds - offsetSeconds % 60;
  }

  /**
   * State shared by both renderers: the line (written straight into the caller's buffer), the
   * time cache, caches for the repeated strings (addresses, paths, user agents, referrers) and
   * the session ids.
   */
  private abstract static class Base implements Renderer {
    final Bytes o = new Bytes(16);
    final TimeRenderer time = new TimeRenderer(
        Strftime.internal(TIME_PATTERN));
    final EncodedCache referrers = new EncodedCache(Escaper.JSON, EncodedCache.FIELD_SLOTS);
    final EncodedCache agents = new EncodedCache(Escaper.JSON, EncodedCache.FIELD_SLOTS);
    final EncodedCache clients = new EncodedCache(Escaper.JSON, EncodedCache.FIELD_SLOTS);
    final EncodedCache paths = new EncodedCache(Escaper.JSON, EncodedCache.PATH_SLOTS);
    /** Logged-in users' names: a session's lines repeat its user's. */
    final EncodedCache users = new EncodedCache(Escaper.JSON, EncodedCache.USER_SLOTS);
    final RecentEncoded method = new RecentEncoded(Escaper.JSON);
    final RecentEncoded protocol = new RecentEncoded(Escaper.JSON);
    final RecentEncoded host = new RecentEncoded(Escaper.JSON);
    final RecentEncoded state = new RecentEncoded(Escaper.JSON);
    final DecimalCache sessions = new DecimalCache();

    void str(String s) {
      o.put('"');
      Escaper.JSON.append(o, s);
      o.put('"');
    }

    /** Seconds with three decimals, as nginx's $request_time. */
    void seconds(long micros) {
      long ms = micros / 1000;
      o.putLong(ms / 1000);
      o.put('.');
      o.putPadded(ms % 1000, 3);
    }
  }

  // The flat line's literals, each with the quotes around the values next to it, so that a
  // string value costs one copy before it and one byte after it.
  private static final byte[] F_TIME = b("{\"time\":\"");
  private static final byte[] F_ADDR = b("\",\"remote_addr\":\"");
  private static final byte[] F_USER = b("\",\"remote_user\":\"");
  private static final byte[] F_METHOD = b("\",\"request_method\":\"");
  private static final byte[] F_NO_USER_METHOD = b("\",\"remote_user\":null,\"request_method\":\"");
  private static final byte[] F_URI = b("\",\"request_uri\":\"");
  private static final byte[] F_PROTO = b("\",\"server_protocol\":\"");
  private static final byte[] F_STATUS = b("\",\"status\":");
  /** Per status: its digits and the key of the body's bytes. */
  private static final byte[][] F_STATUS_BYTES = perStatus(",\"body_bytes_sent\":");
  // Referrer and user agent are optional: each literal from the referrer's key to the request
  // time's comes in the variants that the two being there or null call for.
  private static final byte[] F_REF = b(",\"http_referer\":\"");
  private static final byte[] F_NO_REF_UA = b(",\"http_referer\":null,\"http_user_agent\":\"");
  private static final byte[] F_NO_REF_NO_UA_RT =
      b(",\"http_referer\":null,\"http_user_agent\":null,\"request_time\":");
  private static final byte[] F_UA = b("\",\"http_user_agent\":\"");
  private static final byte[] F_NO_UA_RT = b("\",\"http_user_agent\":null,\"request_time\":");
  private static final byte[] F_RT = b("\",\"request_time\":");
  private static final byte[] F_HOST = b(",\"host\":\"");
  private static final byte[] F_SID = b("\",\"loggen_session_id\":");
  private static final byte[] F_STATE = b(",\"loggen_state\":\"");
  /** Per visitor kind: the end of the state, the kind and the scenario's key. */
  private static final byte[][] F_KIND_SCEN =
      perKind("\",\"loggen_visitor_kind\":\"", "\",\"loggen_scenario\":");

  /** {@code null}} packed: the line's end when it has no scenario. */
  private static final long NULL_END = Bytes.word(b("null}"), 0, 5);

  /** Per visitor kind, {@code before}, the kind's label and {@code after}. */
  private static byte[][] perKind(String before, String after) {
    byte[][] r = new byte[KIND_LABELS.length][];
    for (int k = 0; k < r.length; k++) {
      r[k] = b(before + new String(KIND_LABELS[k], StandardCharsets.UTF_8) + after);
    }
    return r;
  }

  private static final class FlatRenderer extends Base {
    @Override
    public void render(AccessEvent e, LineBuffer out) {
      Objects.requireNonNull(e, "event");
      o.attach(out);
      o.put(F_TIME);
      time.append(o, e.epochMillis(), wholeMinutes(e.offset().getTotalSeconds()), 0);
      o.put(F_ADDR);
      clients.append(o, e.clientAddress());
      String user = e.user();
      if (user == null) {
        o.put(F_NO_USER_METHOD);
      } else {
        o.put(F_USER);
        users.append(o, user);
        o.put(F_METHOD);
      }
      method.append(o, e.method());
      o.put(F_URI);
      paths.append(o, e.path());
      o.put(F_PROTO);
      protocol.append(o, e.protocol());
      o.put(F_STATUS);
      o.put(F_STATUS_BYTES[e.status()]);
      o.putLong(e.bytes());
      String referrer = e.referrer();
      String agent = e.userAgent();
      if (referrer != null) {
        o.put(F_REF);
        referrers.append(o, referrer);
        o.put(agent != null ? F_UA : F_NO_UA_RT);
      } else {
        o.put(agent != null ? F_NO_REF_UA : F_NO_REF_NO_UA_RT);
      }
      if (agent != null) {
        agents.append(o, agent);
        o.put(F_RT);
      }
      seconds(e.responseTimeMicros());
      o.put(F_HOST);
      host.append(o, e.host());
      o.put(F_SID);
      sessions.append(o, e.sessionId());
      o.put(F_STATE);
      state.append(o, e.state());
      o.put(F_KIND_SCEN[e.visitorKind().ordinal()]);
      String scenario = e.scenario();
      if (scenario == null) {
        o.putWord(NULL_END, 5);
      } else {
        str(scenario);
        o.put('}');
      }
      o.detach();
    }
  }

  // The ECS line's literals, like the flat line's each with the quotes around the values next
  // to it. A literal after an optional field starts with the quote that closes whichever value
  // came before it.
  private static final byte[] E_TS = b("{\"@timestamp\":\"");
  private static final byte[] E_EVENT = b("\",\"ecs\":{\"version\":\"" + ECS_VERSION
      + "\"},\"event\":{\"kind\":\"event\",\"category\":[\"web\"],\"type\":[\"access\"],"
      + "\"outcome\":\"");
  private static final byte[] E_DURATION = b("\",\"duration\":");
  private static final byte[] E_SOURCE = b("},\"source\":{\"ip\":\"");
  /**
   * ECS types source.ip as an IP: what is none (a hand-built event's host name) goes to address.
   */
  private static final byte[] E_SOURCE_ADDRESS = b("},\"source\":{\"address\":\"");
  private static final byte[] E_USER = b("\"},\"user\":{\"name\":\"");
  private static final byte[] E_HTTP = b("\"},\"http\":{\"version\":\"");
  private static final byte[] E_METHOD = b("\",\"request\":{\"method\":\"");
  private static final byte[] E_REFERRER = b("\",\"referrer\":\"");
  private static final byte[] E_RESPONSE = b("\"},\"response\":{\"status_code\":");
  /** Per status: its digits and the key of the body's bytes. */
  private static final byte[][] E_STATUS_BODY = perStatus(",\"body\":{\"bytes\":");
  private static final byte[] E_URL = b("}}},\"url\":{\"original\":\"");
  private static final byte[] E_PATH = b("\",\"path\":\"");
  private static final byte[] E_QUERY = b("\",\"query\":\"");
  private static final byte[] E_DOMAIN = b("\",\"domain\":\"");
  private static final byte[] E_UA = b("\"},\"user_agent\":{\"original\":\"");
  private static final byte[] E_HOST = b("\"},\"host\":{\"name\":\"");
  private static final byte[] E_LABELS = b("\"},\"labels\":{\"loggen_session_id\":\"");
  private static final byte[] E_STATE = b("\",\"loggen_state\":\"");
  /** Per visitor kind: the end of the state, and the kind with its quotes. */
  private static final byte[][] E_KIND = perKind("\",\"loggen_visitor_kind\":\"", "\"");
  private static final byte[] E_SCEN = b(",\"loggen_scenario\":\"");
  private static final byte[] E_END_SCEN = b("\"}}");
  private static final byte[] E_END = b("}}");

  private static final byte[] SUCCESS = b("success");
  private static final byte[] FAILURE = b("failure");

  /** Microseconds as ECS's nanoseconds; past 292 years, the largest long. */
  private static long nanos(long micros) {
    return micros > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : micros * 1000;
  }

  private static final class EcsRenderer extends Base {
    @Override
    public void render(AccessEvent e, LineBuffer out) {
      Objects.requireNonNull(e, "event");
      o.attach(out);
      o.put(E_TS);
      time.append(o, e.epochMillis(), wholeMinutes(e.offset().getTotalSeconds()), 0);
      o.put(E_EVENT);
      o.put(e.status() >= 400 ? FAILURE : SUCCESS);
      o.put(E_DURATION);
      o.putLong(nanos(e.responseTimeMicros()));
      String client = e.clientAddress();
      o.put(isIpLiteral(client) ? E_SOURCE : E_SOURCE_ADDRESS);
      clients.append(o, client);
      String user = e.user();
      if (user != null) {
        o.put(E_USER);
        users.append(o, user);
      }
      o.put(E_HTTP);
      String proto = e.protocol();
      Escaper.JSON.append(o, proto, proto.startsWith("HTTP/") ? 5 : 0, proto.length());
      o.put(E_METHOD);
      method.append(o, e.method());
      String referrer = e.referrer();
      if (referrer != null) {
        o.put(E_REFERRER);
        referrers.append(o, referrer);
      }
      o.put(E_RESPONSE);
      o.put(E_STATUS_BODY[e.status()]);
      o.putLong(e.bytes());
      o.put(E_URL);
      String p = e.path();
      paths.append(o, p);
      int q = p.indexOf('?');
      o.put(E_PATH);
      Escaper.JSON.append(o, p, 0, q < 0 ? p.length() : q);
      if (q >= 0) {
        o.put(E_QUERY);
        Escaper.JSON.append(o, p, q + 1, p.length());
      }
      o.put(E_DOMAIN);
      host.append(o, e.host());
      String agent = e.userAgent();
      if (agent != null) {
        o.put(E_UA);
        agents.append(o, agent);
      }
      o.put(E_HOST);
      host.append(o, e.host());
      o.put(E_LABELS);
      sessions.append(o, e.sessionId());
      o.put(E_STATE);
      state.append(o, e.state());
      o.put(E_KIND[e.visitorKind().ordinal()]);
      String scenario = e.scenario();
      if (scenario != null) {
        o.put(E_SCEN);
        Escaper.JSON.append(o, scenario);
        o.put(E_END_SCEN);
      } else {
        o.put(E_END);
      }
      o.detach();
    }
  }
}
