package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import org.junit.jupiter.api.Test;

/**
 * Events at the edges of what {@link AccessEvent} allows (a hand-built event, or a user's
 * heavy-tailed size distribution): byte counts near {@link Long#MAX_VALUE}. No format prints a
 * negative number for them.
 */
class ExtremeValuesTest {
  private static final String MAX = Long.toString(Long.MAX_VALUE);

  /**
   * {@code %O}, {@code $bytes_sent} and {@code %S} add header sizes to the body size: near the
   * largest long the sum stops there instead of wrapping round to a negative number.
   */
  @Test
  void byteSumsNearTheLargestLongStopThere() {
    for (long bytes : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 100}) {
      AccessEvent e = HostileContentTest.BASE.withStatus(200, bytes);
      assertEquals(MAX + " " + MAX + " " + bytes + " " + bytes,
          LogFormats.apache("%O %S %b %B").format(e));
      assertEquals(MAX + " " + bytes, LogFormats.nginx("$bytes_sent $body_bytes_sent").format(e));
    }
    // below the edge the sums are exact (the headers of a 19-digit body have one size) ...
    long small = 1_000_000_000_000_000_000L;
    long headers = sent(small) - small;
    long bytes = Long.MAX_VALUE - 2_000;
    assertEquals(bytes + headers, sent(bytes));
    // ... and up to it they never fall below the body or turn negative
    for (; bytes > 0; bytes += 37) {
      AccessEvent e = HostileContentTest.BASE.withStatus(200, bytes);
      String[] sums = LogFormats.apache("%O %S").format(e).split(" ");
      long sent = Long.parseLong(sums[0]);
      long both = Long.parseLong(sums[1]);
      assertTrue(sent >= bytes && both >= sent, bytes + ": " + sent + " " + both);
      assertEquals(sums[0], LogFormats.nginx("$bytes_sent").format(e));
    }
  }

  /**
   * ECS's {@code event.duration} is in nanoseconds: a response time of more than
   * {@code Long.MAX_VALUE / 1000} microseconds (292 years) prints the largest long instead of a
   * wrapped, negative duration.
   */
  @Test
  void ecsDurationsNearTheLargestLongStopThere() {
    assertEquals(MAX, ecsDuration(Long.MAX_VALUE));
    assertEquals(MAX, ecsDuration(Long.MAX_VALUE / 1000 + 1));
    assertEquals("9223372036854775000", ecsDuration(Long.MAX_VALUE / 1000));
    assertEquals("1234567000", ecsDuration(1_234_567));
  }

  private static String ecsDuration(long micros) {
    AccessEvent b = HostileContentTest.BASE;
    AccessEvent e = new AccessEvent(b.epochMillis(), b.offset(), b.clientAddress(), b.ident(),
        b.user(), b.method(), b.path(), b.protocol(), b.status(), b.bytes(), b.referrer(),
        b.userAgent(), micros, b.host(), b.sessionId(), b.state(), b.visitorKind(), b.scenario());
    String line = LogFormats.ecs().format(e);
    int at = line.indexOf("\"duration\":") + "\"duration\":".length();
    return line.substring(at, line.indexOf('}', at));
  }

  private static long sent(long bytes) {
    return Long.parseLong(LogFormats.apache("%O").format(HostileContentTest.BASE.withStatus(200,
        bytes)));
  }
}
