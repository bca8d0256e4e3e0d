package dev.loggen.formats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An {@link EncodedCache} writes what its escaper writes, followed by its suffix when it has
 * one, on a miss and on a hit: more distinct values than slots (collisions and evictions),
 * equal values that are other instances, values to escape, values too long to keep, and a
 * buffer that grows under it.
 */
class EncodedCacheTest {
  private static final String[] POOL = {"198.51.100.7", "/products/42", "GET", "", "x",
      "a \"quoted\" value", "tab\there", "line\nbreak", "\u00e9t\u00e9 \u2603", "back\\slash",
      "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "\u0001\u007f"};

  static LongStream seeds() {
    return LongStream.range(0, 12);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void writesWhatTheEscaperWritesAndTheSuffix(long seed) {
    for (String suffix : new String[] {"", " ", " - - [", "\" :: \"the rest of a line\" "}) {
      for (Escaper escaper : new Escaper[] {Escaper.APACHE, Escaper.JSON, Escaper.NGINX}) {
        byte[] after = suffix.getBytes(StandardCharsets.UTF_8);
        // 4 slots: values collide and evict each other
        EncodedCache cache = suffix.isEmpty() ? new EncodedCache(escaper, 4)
            : new EncodedCache(escaper, 4, after);
        SplittableRandom random = new SplittableRandom(seed);
        Bytes got = new Bytes(16);
        Bytes want = new Bytes(16);
        for (int i = 0; i < 3_000; i++) {
          String s = value(random);
          got.put((byte) '|');
          cache.append(got, s);
          want.put((byte) '|');
          escaper.append(want, s);
          want.put(after);
        }
        assertEquals(want.toString(), got.toString(),
            "seed " + seed + ", " + escaper + ", suffix '" + suffix + "'");
      }
    }
  }

  private static String value(SplittableRandom random) {
    int pick = random.nextInt(POOL.length + 2);
    if (pick == POOL.length) {
      return "/" + "long-".repeat(random.nextInt(200, 400)); // past the longest value kept
    }
    if (pick == POOL.length + 1) {
      return "/search?q=" + random.nextInt(50);
    }
    String s = POOL[pick];
    return random.nextInt(5) == 0 ? new String(s) : s; // equal, another instance
  }

  @Test
  void refusesASlotCountThatIsNotAPowerOfTwo() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new EncodedCache(Escaper.APACHE, 12, new byte[] {' '}));
    assertEquals("slots must be a power of two (got 12)", e.getMessage());
  }

  @Test
  void dropTakesBackTheLastBytesAndRefusesMoreThanWritten() {
    Bytes b = new Bytes(4);
    b.put("abc - - [".getBytes(StandardCharsets.UTF_8));
    b.drop(6);
    b.put((byte) '!');
    assertEquals("abc!", b.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.drop(5));
    assertEquals("cannot drop 5 of 4 bytes", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.drop(-1));
    assertEquals("abc!", b.toString());
  }
}
