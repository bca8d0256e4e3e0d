package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report's top pages count every request of a path once, its query ignored, whether the
 * path arrives as a shared string instance, as an equal copy, or with different queries; and a
 * merge of two builders counts as one builder seeing all events would.
 */
class ReportTopPagesTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 25);
  }

  private static List<AccessEvent> events(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] pool = new String[3_000];
    for (int i = 0; i < pool.length; i++) {
      String base = "/p/" + i;
      pool[i] = switch (i % 3) {
        case 0 -> base;
        case 1 -> base + "?q=" + (i % 7);
        default -> base + "?q=" + (i % 5) + "&page=" + (i % 2);
      };
    }
    List<AccessEvent> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      // Skewed: a few paths carry most requests, so the top ten are well separated.
      int k = (int) Math.min(pool.length - 1, Math.floor(Math.pow(r.nextDouble(), 4) * 3_000));
      String path = r.nextInt(4) == 0 ? new String(pool[k]) : pool[k];
      if (r.nextInt(5) == 0) {
        path = path.substring(0, path.indexOf('?') < 0 ? path.length() : path.indexOf('?'))
            + "?other=" + r.nextInt(100);
      }
      out.add(event(i, path));
    }
    return out;
  }

  private static AccessEvent event(int i, String path) {
    return new AccessEvent(1_700_000_000_000L + i, ZoneOffset.UTC, "192.0.2.1", null, null,
        "GET", path, "HTTP/1.1", 200, 100, null, "agent", 1_000, "example.com", i % 50,
        "BROWSING", VisitorKind.HUMAN, null);
  }

  /**
   * {@code distinct} paths requested one to three times each, in a shuffled order: most counts
   * tie, so the top ten are decided by the paths' order.
   */
  private static List<AccessEvent> ties(long seed, int distinct) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < distinct; i++) {
      String p = "/t/" + Integer.toString(r.nextInt(1 << 20), 36) + "-" + i;
      int times = 1 + r.nextInt(3);
      for (int t = 0; t < times; t++) {
        paths.add(r.nextBoolean() ? p : p + "?n=" + t);
      }
    }
    Collections.shuffle(paths, new java.util.Random(seed));
    List<AccessEvent> out = new ArrayList<>(paths.size());
    for (int i = 0; i < paths.size(); i++) {
      out.add(event(i, paths.get(i)));
    }
    return out;
  }

  private static List<Map.Entry<String, Long>> expectedTop(List<AccessEvent> events) {
    Map<String, Long> counts = new HashMap<>();
    for (AccessEvent e : events) {
      String p = e.path();
      int q = p.indexOf('?');
      counts.merge(q < 0 ? p : p.substring(0, q), 1L, Long::sum);
    }
    List<Map.Entry<String, Long>> all = new ArrayList<>(counts.entrySet());
    all.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    List<Map.Entry<String, Long>> top = new ArrayList<>();
    for (Map.Entry<String, Long> e : all.subList(0, Math.min(10, all.size()))) {
      top.add(Map.entry(e.getKey(), e.getValue()));
    }
    return top;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void countsEveryRequestOfAPathOnce(long seed) {
    List<AccessEvent> events = events(seed, 30_000);
    Report.Builder b = Report.builder();
    events.forEach(b::event);
    assertEquals(expectedTop(events), b.build().topPages(), "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void equalCountsRankByPath(long seed) {
    for (int distinct : new int[] {0, 1, 9, 10, 11, 2_000}) {
      List<AccessEvent> events = ties(seed, distinct);
      Report.Builder b = Report.builder();
      events.forEach(b::event);
      assertEquals(expectedTop(events), b.build().topPages(),
          "seed " + seed + ", " + distinct + " paths");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mergedBuildersCountAsOne(long seed) {
    List<AccessEvent> events = events(seed, 30_000);
    Report.Builder first = Report.builder();
    Report.Builder second = Report.builder();
    for (int i = 0; i < events.size(); i++) {
      (i < events.size() / 3 ? first : second).event(events.get(i));
    }
    first.merge(second);
    assertEquals(expectedTop(events), first.build().topPages(), "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aResetBuilderCountsAfresh(long seed) {
    List<AccessEvent> earlier = events(seed + 1_000, 5_000);
    List<AccessEvent> events = events(seed, 30_000);
    Report.Builder b = Report.builder();
    earlier.forEach(b::event);
    b.reset();
    events.forEach(b::event);
    assertEquals(expectedTop(events), b.build().topPages(), "seed " + seed);
  }
}
