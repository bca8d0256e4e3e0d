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

  private static long sent(long bytes) {
    return Long.parseLong(LogFormats.apache("%O").format(HostileContentTest.BASE.withStatus(200,
        bytes)));
  }
}
