package dev.loggen.core.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.Visitors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A user name identifies one user: no two visitors of a run share one (nor two API clients). */
class UserNamesTest {

  static Stream<Arguments> seedsAndPopulations() {
    return LongStream.of(1, 7, 42, -123_456_789).boxed()
        .flatMap(s -> Stream.of(200, 30_000, 120_000).map(p -> Arguments.of(s, p)));
  }

  /**
   * Names ids {@code [0, returning)} (returning visitors) and then {@code firstTime} ids from
   * 2^40 on (first-time visitors, 2^40 + a session id) into {@code seen}; gives the first clash,
   * or null.
   */
  private static String firstClash(LongFunction<String> name, long returning, int firstTime,
      Map<String, Long> seen) {
    for (long k = 0; k < returning + firstTime; k++) {
      long id = k < returning ? k : (1L << 40) + (k - returning) * 7_919;
      String n = name.apply(id);
      Long before = seen.put(n, id);
      if (before != null) {
        return n + " for ids " + before + " and " + id;
      }
    }
    return null;
  }

  @ParameterizedTest(name = "seed {0}, population {1}")
  @MethodSource("seedsAndPopulations")
  void everyVisitorHasItsOwnName(long seed, int population) {
    VisitorFactory f = new VisitorFactory(seed, Visitors.DEFAULT, population);
    Map<String, Long> pool = new HashMap<>();
    String poolClash = firstClash(f::userName, population, 0, pool);
    long shortNames = pool.keySet().stream().filter(n -> n.length() <= 12).count();
    Map<String, Long> seen = new HashMap<>();
    String clash = firstClash(f::userName, population, 20_000, seen);
    List<String> odd = seen.keySet().stream()
        .filter(n -> !n.matches("[a-z]+([._][a-z]+[0-9]*|_[0-9]+|[0-9]+)")).limit(5).toList();
    assertAll(
        () -> assertEquals(null, poolClash == null ? clash : poolClash, "seed " + seed
            + ", population " + population + ": two visitors share a name"),
        () -> assertEquals(List.of(), odd, "seed " + seed + ": names that do not look like"
            + " user names"),
        () -> assertTrue(shortNames > pool.size() / 2, "seed " + seed + ": most returning"
            + " visitors' names are short: " + pool.keySet().stream().limit(10).toList()));
  }

  @ParameterizedTest(name = "seed {0}, population {1}")
  @MethodSource("seedsAndPopulations")
  void everyApiClientHasItsOwnId(long seed, int population) {
    VisitorFactory f = new VisitorFactory(seed, Visitors.DEFAULT, population);
    String clash = firstClash(id -> f.apiClient(id, true).user(), 400, 50_000,
        new HashMap<>());
    assertEquals(null, clash, "seed " + seed + ": two API clients share a token name");
  }
}
