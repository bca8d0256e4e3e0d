package dev.loggen.core.realism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.Sites;
import dev.loggen.core.Visitors;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A feed changes when the site publishes, not per fetch: one size for its 200s in a day. */
class FeedSizeTest {

  static LongStream seeds() {
    return LongStream.of(1, 7, 42, 1_000_003, -123_456_789);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theFeedHasOneSizeInADay(long seed) {
    List<AccessEvent> feed = TrafficPropertiesTest.run(seed, Sites.blog(),
        Visitors.DEFAULT.withBots(0.3, 0.02)).events().stream()
        .filter(e -> e.path().equals("/feed.xml") && e.status() == 200).toList();
    // 0: the site's share of sizes logged as "-"
    Set<Long> sizes = feed.stream().map(AccessEvent::bytes).filter(b -> b > 0)
        .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(feed.size() > 20, "seed " + seed + ": " + feed.size() + " feed fetches");
    assertEquals(1, sizes.size(), "seed " + seed + ": " + feed.size()
        + " feed responses (2 hours of one day) with sizes " + sizes);
  }
}
