package dev.loggen.core.realism;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.Site;
import dev.loggen.core.Sites;
import dev.loggen.core.VisitorKind;
import dev.loggen.core.Visitors;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A search-engine crawler's visit walks many distinct URLs, mostly the catalogue's long tail, and
 * keeps out of what robots.txt disallows (cart, checkout, account, login, admin).
 */
class CrawlerWalkTest {

  static LongStream seeds() {
    return LongStream.of(1, 7, 42, 1_000_003, -123_456_789);
  }

  private static boolean disallowed(String path) {
    return path.startsWith("/cart") || path.startsWith("/checkout") || path.startsWith("/account")
        || path.startsWith("/login") || path.startsWith("/logout") || path.startsWith("/admin")
        || path.startsWith("/wp-admin");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aCrawlerVisitWalksDistinctUrlsOutsideTheDisallowedAreas(long seed) {
    for (Site site : List.of(Sites.shop(), Sites.blog())) {
      Map<Long, Map<String, Integer>> visits = new HashMap<>();
      for (AccessEvent e : TrafficPropertiesTest.run(seed, site,
          Visitors.DEFAULT.withBots(0.3, 0.05)).events()) {
        if (e.visitorKind() == VisitorKind.CRAWLER) {
          visits.computeIfAbsent(e.sessionId(), k -> new HashMap<>())
              .merge(e.path(), 1, Integer::sum);
        }
      }
      int fetches = 0;
      int repeats = 0;
      int most = 0;
      String mostPath = "";
      int closed = 0;
      String closedPath = "";
      for (Map<String, Integer> v : visits.values()) {
        for (Map.Entry<String, Integer> x : v.entrySet()) {
          fetches += x.getValue();
          repeats += x.getValue() - 1;
          if (x.getValue() > most) {
            most = x.getValue();
            mostPath = x.getKey();
          }
          if (disallowed(x.getKey())) {
            closed += x.getValue();
            closedPath = x.getKey();
          }
        }
      }
      String what = "seed " + seed + ", " + site.name() + ": ";
      double repeatShare = (double) repeats / fetches;
      int m = most;
      String mp = mostPath;
      int c = closed;
      String cp = closedPath;
      int f = fetches;
      assertAll(
          () -> assertTrue(f > 1_000, what + f + " crawler requests"),
          () -> assertTrue(repeatShare < 0.01, String.format(Locale.ROOT,
              "%s%.1f %% of crawler requests fetch a URL again in the same visit", what,
              100 * repeatShare)),
          () -> assertTrue(m <= 2, what + "a visit fetched " + mp + " " + m + " times"),
          () -> assertEquals(0, c, what + c + " crawler requests to disallowed URLs, e.g. "
              + cp));
    }
  }
}
