package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A long-lived renderer keeps caches and writes straight into the caller's buffer; neither may
 * show in its output. Each case renders many events with one renderer and compares every line
 * with a brand-new renderer's (no cache state), into a buffer that already holds bytes.
 */
class RendererStateTest {
  private static final byte[] PREFIX = "earlier line\n".getBytes(StandardCharsets.UTF_8);

  static Stream<FormatCases.Case> cases() {
    List<FormatCases.Case> all = new ArrayList<>(FormatCases.access());
    all.addAll(FormatCases.errors());
    return all.stream();
  }

  /**
   * 4,000 events whose user agents, paths and client addresses repeat by identity, repeat as
   * equal copies, and change under the same hash slot often enough to evict each other (more
   * distinct values than cache slots), with characters that need escaping among them; and
   * values that differ with the same hash code (so the same slot and the same stored hash).
   */
  private static List<AccessEvent> events(long seed) {
    List<AccessEvent> base = TestEvents.events(seed, 4_000);
    List<AccessEvent> out = new ArrayList<>(base.size());
    String[] agents = new String[1_500];
    for (int i = 0; i < agents.length; i++) {
      agents[i] = "Mozilla/5.0 (agent " + i + "; \"quoted\" \u00e9) Gecko/20100101";
    }
    String[] paths = new String[2_500];
    for (int i = 0; i < paths.length; i++) {
      paths[i] = i % 5 == 0 ? "/caf\u00e9/\"" + i + "\"\\x?q=a b" : "/products/" + i + "?page=2";
    }
    String[] clients = new String[700];
    for (int i = 0; i < clients.length; i++) {
      clients[i] = i % 4 == 0 ? "2001:db8::" + Integer.toHexString(i) : "198.51." + (i >> 8) + "."
          + (i & 255);
    }
    // "Aa" and "BB" have the same hash code, so these four do as well
    String[] sameHash = {"AaAa", "AaBB", "BBAa", "BBBB"};
    for (int i = 0; i < base.size(); i++) {
      String agent = agents[(i * 7919) % agents.length];
      String path = paths[(i * 104_729) % paths.length];
      String client = clients[(i * 31) % clients.length];
      if (i % 3 == 1) {
        String h = sameHash[(i / 3) % sameHash.length];
        agent = "Agent/" + h;
        path = "/search?q=" + h;
        client = "203.0.113." + h;
      }
      AccessEvent e = base.get(i).withUserAgent(i % 3 == 0 ? new String(agent) : agent)
          .withPath(i % 4 == 0 ? new String(path) : path);
      out.add(withClient(e, i % 5 == 0 ? new String(client) : client));
    }
    return out;
  }

  private static AccessEvent withClient(AccessEvent e, String client) {
    return new AccessEvent(e.epochMillis(), e.offset(), client, e.ident(), e.user(), e.method(),
        e.path(), e.protocol(), e.status(), e.bytes(), e.referrer(), e.userAgent(),
        e.responseTimeMicros(), e.host(), e.sessionId(), e.state(), e.visitorKind(),
        e.scenario());
  }

  /** The event, or for error-log formats the same request failed with a 503. */
  private static AccessEvent loggable(LogFormat format, AccessEvent e) {
    return format.accepts(e) ? e : e.withStatus(503, 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void cachedRenderingEqualsFreshRendering(FormatCases.Case c) {
    LogFormat format = c.format();
    LogFormat.Renderer longLived = format.newRenderer();
    LineBuffer buffer = new LineBuffer(16);
    int i = 0;
    for (AccessEvent any : events(31)) {
      AccessEvent e = loggable(format, any);
      buffer.reset();
      buffer.append(PREFIX);
      longLived.render(e, buffer);
      LineBuffer fresh = new LineBuffer();
      format.newRenderer().render(e, fresh);
      String expected = new String(PREFIX, StandardCharsets.UTF_8) + fresh;
      assertEquals(expected, buffer.toString(), c + ", event " + i);
      i++;
    }
  }

  /**
   * Times that walk back and forth by less and more than a second, across midnight and the
   * epoch, jump by years and change their offset: the cached second must never show where the
   * line's own second is another.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aCachedSecondNeverShowsForAnotherTime(FormatCases.Case c) {
    LogFormat format = c.format();
    LogFormat.Renderer longLived = format.newRenderer();
    SplittableRandom r = new SplittableRandom(7);
    ZoneOffset[] offsets = {ZoneOffset.UTC, ZoneOffset.ofHours(2), ZoneOffset.ofHoursMinutes(-9,
        -30), ZoneOffset.ofHoursMinutes(5, 45)};
    long t = -86_400_500L; // just before midnight of 1969-12-31
    ZoneOffset offset = ZoneOffset.UTC;
    List<AccessEvent> base = TestEvents.events(11, 3_000);
    for (int i = 0; i < base.size(); i++) {
      int kind = r.nextInt(20);
      t += kind < 12 ? r.nextLong(-1_500, 1_501) : kind < 18 ? r.nextLong(0, 3_000)
          : r.nextLong(-400L * 86_400_000, 400L * 86_400_000);
      if (r.nextInt(10) == 0) {
        offset = offsets[r.nextInt(offsets.length)];
      }
      AccessEvent b = base.get(i);
      AccessEvent e = loggable(format, new AccessEvent(t, offset, b.clientAddress(), b.ident(),
          b.user(), b.method(), b.path(), b.protocol(), b.status(), b.bytes(), b.referrer(),
          b.userAgent(), b.responseTimeMicros(), b.host(), b.sessionId(), b.state(),
          b.visitorKind(), b.scenario()));
      LineBuffer line = new LineBuffer();
      longLived.render(e, line);
      assertEquals(format.format(e), line.toString(), c + ", event " + i + " at " + t);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aHugeValueGrowsTheCallersBuffer(FormatCases.Case c) {
    String agent = "x\"y".repeat(40_000);
    AccessEvent e = loggable(c.format(), TestEvents.events(5, 1).get(0).withUserAgent(agent));
    LineBuffer small = new LineBuffer(16);
    small.append(PREFIX);
    c.format().newRenderer().render(e, small);
    assertEquals(new String(PREFIX, StandardCharsets.UTF_8) + c.format().format(e),
        small.toString(), c.toString());
  }
}
