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
}
