package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.random.Rng;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ParamTest {
  static LongStream seeds() {
    return LongStream.range(0, 50).map(i -> i * 0x9E3779B97F4A7C15L + 3);
  }

  /** Every whole number from 0 up: the widest range, 2^31 values. */
  @ParameterizedTest
  @MethodSource("seeds")
  void theWidestRangeDrawsAcrossAllOfIt(long seed) {
    // Before: hi - lo + 1 overflowed to a negative bound, and every draw failed.
    Param p = Param.range(0, Integer.MAX_VALUE);
    Rng rng = Rng.seeded(seed);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      int a = p.sampleIndex(rng);
      int b = p.sampleUniformIndex(rng);
      assertTrue(a >= 0 && b >= 0, "seed " + seed + ": " + a + ", " + b);
      assertEquals(Integer.toString(a), p.text(a));
      seen.add(Integer.parseInt(p.sample(rng)));
      seen.add(Integer.parseInt(p.sampleUniform(rng)));
    }
    assertTrue(seen.stream().anyMatch(v -> v > Integer.MAX_VALUE / 2), "seed " + seed
        + ": no value in the upper half of the range: " + seen);
  }

  @Test
  void aSiteWithTheWidestRangeGenerates() {
    Site s = Site.builder("ids").param("id", Param.range(0, Integer.MAX_VALUE))
        .page(Page.html("item", "/item/{id}")).landing("item", 1).build();
    long n = LogGenerator.builder().seed(1).site(s).traffic(Traffic.sessionsPerHour(600))
        .window(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(10)).build()
        .events().filter(e -> e.path().startsWith("/item/")).count();
    assertTrue(n > 0, "no item requests");
  }

  /** Bad sizes and exponents are refused with the parameter named, not a table's or Zipf's. */
  @Test
  void badCatalogueAndWordsSettingsNameTheParameter() {
    assertEquals("catalogue size must be between 1 and 10000000 (got 0)",
        assertThrows(IllegalArgumentException.class, () -> Param.catalogue(0, 1)).getMessage());
    assertEquals("catalogue exponent must be between 0 and 10 (got NaN)",
        assertThrows(IllegalArgumentException.class, () -> Param.catalogue(10, Double.NaN))
            .getMessage());
    assertEquals("words exponent must be a finite number, 0 or more (got NaN)",
        assertThrows(IllegalArgumentException.class,
            () -> Param.words(List.of("a", "b"), Double.NaN)).getMessage());
    assertEquals("words exponent must be a finite number, 0 or more (got -1.0)",
        assertThrows(IllegalArgumentException.class,
            () -> Param.words(List.of("a", "b"), -1)).getMessage());
  }

  /** A size in a unit is refused in that unit, and one too large for a long is named. */
  @Test
  void dataSizesInUnitsAreCheckedInTheirUnit() {
    assertEquals("size must be positive and at most 9007199254740991KB (got -1KB)",
        assertThrows(IllegalArgumentException.class, () -> DataSize.ofKilobytes(-1))
            .getMessage());
    assertEquals("size must be positive and at most 8589934591GB (got 8589934592GB)",
        assertThrows(IllegalArgumentException.class, () -> DataSize.ofGigabytes(1L << 33))
            .getMessage());
    assertEquals(3L << 20, DataSize.ofMegabytes(3).bytes());
  }

  /** probability(1) said 8.9e-16 while sampleIndex drew index 1 about 2.4e-7 of the time. */
  @Test
  void probabilityIsWhatSampleIndexDraws() {
    Param p = Param.words(List.of("a", "b"), 50);
    // two columns of 2^31 draws each; index 1's column keeps it for 1 of its 2^21 thresholds
    assertEquals(0x1.0p-22, p.probability(1));
    assertEquals(1 - 0x1.0p-22, p.probability(0));
    assertEquals(Math.pow(2, -50) / (1 + Math.pow(2, -50)), p.share(1), 1e-30);
    Rng rng = Rng.seeded(11);
    int ones = 0;
    for (int i = 0; i < 1 << 26; i++) {
      ones += p.sampleIndex(rng);
    }
    // expected 16 (2^26 * 2^-22); the share predicts 6e-8
    assertTrue(ones >= 4 && ones <= 40, ones + " draws of index 1 in 2^26");
    assertEquals(0, p.probability(2));
    assertEquals(0, p.share(-1));
  }

  @Test
  void drawProbabilitiesSumToOneAndStayNearTheShares() {
    for (Param p : List.of(Param.catalogue(1_000, 1.0), Param.catalogue(7, 3.5),
        Param.words(List.of("x", "y", "z"), 0.8),
        Param.oneOf(List.of("a", "b", "c", "d"), new double[] {1, 2, 3, 1e-300}))) {
      double sum = 0;
      for (int v = p.minIndex(); v <= p.maxIndex(); v++) {
        double drawn = p.probability(v);
        assertEquals(p.share(v), drawn, 0x1.0p-20, p + " value " + v);
        sum += drawn;
      }
      assertEquals(1.0, sum, 1e-12, p.toString());
    }
    // samplers without a table are exact
    assertEquals(1.0 / 3, Param.oneOf("a", "b", "c").probability(2));
    assertEquals(1.0 / 11, Param.range(10, 20).probability(15));
    assertEquals(1.0 / 11, Param.range(10, 20).share(15));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void drawsFollowTheDrawProbabilities(long seed) {
    // 1e-300 of the weight, yet drawn: about 2^-21 / 4 of the time
    Param p = Param.oneOf(List.of("a", "b", "c", "d"), new double[] {1, 2, 3, 1e-300});
    assertTrue(p.probability(3) > 1e-8 && p.share(3) < 1e-299);
    Rng rng = Rng.seeded(seed);
    int n = 400_000;
    int[] c = new int[4];
    for (int i = 0; i < n; i++) {
      c[p.sampleIndex(rng)]++;
    }
    for (int v = 0; v < 3; v++) {
      assertEquals(p.probability(v), (double) c[v] / n, 0.004, "value " + v + " seed " + seed);
    }
  }
}
