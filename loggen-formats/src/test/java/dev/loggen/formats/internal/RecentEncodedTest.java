package dev.loggen.formats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@link RecentEncoded} writes what its escaper writes, between its prefix and suffix when it
 * has them, the first time and from its entries, for values it keeps and values it does not
 * (more distinct values than entries, equal values that are other instances, values to escape,
 * values too long to keep).
 */
class RecentEncodedTest {

  static LongStream seeds() {
    return LongStream.range(0, 12);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void writesWhatTheEscaperWrites(long seed) {
    check(seed, new byte[0], new byte[0]);
  }

  /** Literals around the value: short ones (a hit is one store) and long ones (a copy). */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void writesThePrefixAndSuffixAroundIt(long seed) {
    check(seed, "] \"".getBytes(StandardCharsets.UTF_8), new byte[] {' '});
    check(seed, "] :: \"\u00e9".getBytes(StandardCharsets.UTF_8),
        " ::: ".getBytes(StandardCharsets.UTF_8));
  }

  private static void check(long seed, byte[] prefix, byte[] suffix) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] pool = {"GET", "POST", "HEAD", "HTTP/1.1", "HTTP/2.0", "HTTP/1.0", "BROWSING",
        "LOGIN", "G\"ET", "\u00e9t\u00e9", "a\\b", "line\nbreak", "PROPFIND", "", "x",
        "A_STATE_NAME_LONGER_THAN_THIRTY_TWO_CHARS", "DELETE", "PATCH", "OPTIONS", "CHECKOUT"};
    for (Escaper escaper : new Escaper[] {Escaper.APACHE, Escaper.JSON, Escaper.NGINX}) {
      RecentEncoded recent = prefix.length == 0 && suffix.length == 0
          ? new RecentEncoded(escaper) : new RecentEncoded(escaper, prefix, suffix);
      Bytes o = new Bytes(16);
      Bytes expected = new Bytes(16);
      // few distinct values at first (hits), then all of them (evictions)
      for (int i = 0; i < 5_000; i++) {
        String s = pool[random.nextInt(i < 1_000 ? 4 : pool.length)];
        if (random.nextInt(10) == 0) {
          s = new String(s); // equal, another instance
        }
        o.put((byte) ',');
        recent.append(o, s);
        expected.put((byte) ',');
        expected.put(prefix);
        escaper.append(expected, s);
        expected.put(suffix);
      }
      assertEquals(expected.toString(), o.toString(), "seed " + seed + ", " + escaper);
    }
  }
}
