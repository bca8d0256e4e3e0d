package dev.loggen.formats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@link DecimalCache} writes what {@link Long#toString} writes, the first time and from the
 * cache, for numbers of every length and for numbers that share a slot.
 */
class DecimalCacheTest {

  static LongStream seeds() {
    return LongStream.range(0, 12);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void writesWhatLongToStringWrites(long seed) {
    DecimalCache cache = new DecimalCache();
    Bytes o = new Bytes(16);
    StringBuilder expected = new StringBuilder();
    SplittableRandom random = new SplittableRandom(seed);
    // A pool of numbers of 1 to 19 digits, negative ones among them, more than the cache has
    // slots, drawn again and again so that some hit, some miss and some evict one another.
    long[] pool = new long[3 * DecimalCache.SLOTS];
    for (int i = 0; i < pool.length; i++) {
      long bound = (long) Math.pow(10, 1 + random.nextInt(18));
      long v = random.nextLong(bound);
      pool[i] = i % 17 == 0 ? -v - 1 : i % 29 == 0 ? Long.MAX_VALUE - v : v;
    }
    for (int i = 0; i < 20_000; i++) {
      long v = pool[random.nextInt(i % 3 == 0 ? pool.length : 20)];
      o.put((byte) ',');
      cache.append(o, v);
      expected.append(',').append(v);
    }
    assertEquals(expected.toString(), o.toString(), "seed " + seed);
  }
}
