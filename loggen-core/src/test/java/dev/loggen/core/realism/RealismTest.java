package dev.loggen.core.realism;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Session;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A simulated day of each built-in profile, measured the way REALISM.md measures real logs, must
 * fall in the bands real sites fall in. The bands are tolerant (real sites differ) but each one
 * would catch a real defect: the shop's old 51 requests per session, 3 % bots or 0 %
 * single-request sessions all fail here. {@link #theBandsHoldForTheRealLogToo()} checks the
 * same web bands against a real server's log, so they are not made up to fit the generator.
 */
class RealismTest {
  static final long SEED = 20_260_303L;
  /** A Tuesday. */
  static final Instant DAY = Instant.parse("2026-03-03T00:00:00Z");
  /** Low enough to keep the class fast, high enough for stable figures (60k to 100k lines). */
  private static final Map<String, Double> SESSIONS_PER_HOUR =
      Map.of("shop", 250.0, "blog", 300.0, "api", 150.0);

  private static final Map<String, List<AccessEvent>> EVENTS = new ConcurrentHashMap<>();
  private static final Map<String, List<Session>> SESSIONS = new ConcurrentHashMap<>();
  private static final Map<String, Map<String, Double>> FIGURES = new ConcurrentHashMap<>();

  /** A band {@code [lo, hi]} for the web profiles (shop, blog, and the real log) and the API. */
  record Band(String figure, double webLo, double webHi, double apiLo, double apiHi) {
    double lo(String profile) {
      return profile.equals("api") ? apiLo : webLo;
    }

    double hi(String profile) {
      return profile.equals("api") ? apiHi : webHi;
    }
  }

  /**
   * The bands. Web bands come from REALISM.md (the two real logs and the published invariants);
   * the API's differ where an API naturally does: no assets, no redirects, no 304s, 429s and
   * more writes, no referrers, smaller responses, longer bursts of calls.
   */
  static final List<Band> BANDS = List.of(
      new Band("2xx %", 80, 97, 80, 97),
      new Band("3xx %", 2, 15, 0, 1),
      new Band("4xx %", 0.3, 6, 1, 15),
      new Band("5xx %", 0, 1, 0, 1),
      new Band("304 %", 1, 12, 0, 0),
      new Band("429 %", 0, 0, 0.3, 6),
      new Band("GET %", 90, 100, 65, 95),
      new Band("POST %", 0, 5, 1, 20),
      new Band("HEAD %", 0, 3, 0, 3),
      new Band("asset %", 35, 80, 0, 0),
      new Band("top-10% paths %", 60, 95, 60, 95),
      new Band("zipf slope", 0.6, 1.5, 0.6, 1.5),
      new Band("size median kB", 1, 40, 0.3, 10),
      new Band("size p90 kB", 10, 300, 2, 60),
      new Band("size p99 kB", 100, 3_000, 10, 300),
      new Band("pareto index", 0.5, 2.0, 0.5, 2.5),
      new Band("'-' bytes %", 0, 12, 0, 6),
      new Band("req/session median (truth)", 2, 15, 2, 30),
      new Band("req/session p90 (truth)", 8, 60, 8, 100),
      new Band("single-req sessions % (truth)", 5, 40, 2, 40),
      new Band("req/session median (addr)", 2, 15, 2, 30),
      new Band("req/session p90 (addr)", 8, 60, 8, 100),
      new Band("sessions/client", 1.05, 5, 1.05, 10),
      new Band("gap median s", 0, 10, 0, 10),
      new Band("zero gaps %", 5, 65, 5, 65),
      new Band("busiest/quietest hour", 3, 7, 3, 7),
      new Band("bots %", 5, 35, 1, 15),
      new Band("referrer '-' %", 10, 60, 99, 100),
      new Band("top agent %", 3, 30, 10, 60),
      // a day showed about 110 before the in-app browsers' agents; the real log has 559
      new Band("distinct agents", 150, 5_000, 10, 500));

  /** Figures of the real log that its sampling (one minute per hour) does not distort. */
  private static final List<String> LOG_LEVEL = List.of("2xx %", "3xx %", "4xx %", "5xx %",
      "304 %", "429 %", "GET %", "POST %", "HEAD %", "asset %", "top-10% paths %", "zipf slope",
      "size median kB", "size p90 kB", "size p99 kB", "pareto index", "'-' bytes %",
      "gap median s", "zero gaps %", "bots %", "referrer '-' %", "top agent %",
      "distinct agents");

  /** Sessions seen in one-minute samples (the real log's sampling), by address. */
  private static final List<Band> SAMPLED = List.of(
      new Band("req/session median (addr)", 1, 6, 1, 6),
      new Band("req/session p90 (addr)", 3, 20, 3, 20),
      new Band("single-req sessions % (addr)", 15, 70, 15, 70));

  static List<AccessEvent> events(String profile) {
    generate(profile);
    return EVENTS.get(profile);
  }

  static List<Session> sessions(String profile) {
    generate(profile);
    return SESSIONS.get(profile);
  }

  static Map<String, Double> figures(String profile) {
    return FIGURES.computeIfAbsent(profile, p -> LogStats.ofEvents(events(p)).figures());
  }

  private static synchronized void generate(String profile) {
    if (EVENTS.containsKey(profile)) {
      return;
    }
    LogGenerator g = LogGenerator.builder().seed(SEED).site(Sites.named(profile))
        .traffic(Traffic.sessionsPerHour(SESSIONS_PER_HOUR.get(profile)))
        .window(DAY, Duration.ofDays(1)).build();
    List<AccessEvent> events = new ArrayList<>();
    List<Session> sessions = new ArrayList<>();
    g.iterator(sessions::add).forEachRemaining(events::add);
    SESSIONS.put(profile, sessions);
    EVENTS.put(profile, events);
  }

  static Stream<Arguments> profileBands() {
    return Stream.of("shop", "blog", "api").flatMap(p -> BANDS.stream()
        .map(b -> Arguments.of(p, b.figure(), b.lo(p), b.hi(p))));
  }

  @ParameterizedTest(name = "{0}: {1} in [{2}, {3}]")
  @MethodSource("profileBands")
  void aSimulatedDayIsInTheBand(String profile, String figure, double lo, double hi) {
    Double v = figures(profile).get(figure);
    assertTrue(v != null, profile + ": no figure " + figure);
    assertTrue(v >= lo && v <= hi, () -> String.format(Locale.ROOT,
        "%s (seed %d): %s = %.3f, expected between %s and %s", profile, SEED, figure, v, lo, hi));
  }

  @Test
  void theApiHasNoAssetsNoRedirectsAndSomeRateLimiting() {
    Map<String, Double> f = figures("api");
    assertAll(
        () -> assertEquals(0.0, f.get("asset %"), "api asset share"),
        () -> assertEquals(0.0, f.get("304 %"), "api 304 share"),
        () -> assertTrue(f.get("429 %") > 0, "api 429 share " + f.get("429 %")),
        () -> assertTrue(events("api").stream().allMatch(e -> e.referrer() == null),
            "api requests carry no referrer"),
        () -> assertTrue(events("api").stream().filter(e -> e.state().equals("BROWSING"))
            .allMatch(e -> e.user() != null), "api clients call with their token's user"));
  }

  // ------------------------------------------------------------------ against the real log

  /** The real log, found by walking up from the working directory to {@code shared/data}. */
  static @Nullable Path realLog() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path p = d.resolve("shared/data/apache_combined_2015.log");
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /** Our events in the minutes a real log sampled one minute per hour of (minute 5). */
  private static List<AccessEvent> sampledLikeTheRealLog(List<AccessEvent> events) {
    return events.stream().filter(e -> Math.floorMod(e.epochMillis() / 60_000, 60) == 5)
        .toList();
  }

  @Test
  void theBandsHoldForTheRealLogToo() {
    Path real = realLog();
    Assumptions.assumeTrue(real != null,
        "shared/data/apache_combined_2015.log not found above " + System.getProperty("user.dir")
            + ": skipping the comparison with a real log");
    Map<String, LogStats> logs = new LinkedHashMap<>();
    logs.put("shop", LogStats.ofEvents(events("shop")));
    logs.put("blog", LogStats.ofEvents(events("blog")));
    logs.put("api", LogStats.ofEvents(events("api")));
    logs.put("shop 1m/h", LogStats.ofEvents(sampledLikeTheRealLog(events("shop"))));
    logs.put("blog 1m/h", LogStats.ofEvents(sampledLikeTheRealLog(events("blog"))));
    LogStats realStats = LogStats.ofFile(real);
    logs.put("real 2015", realStats);
    System.out.println("Generated (seed " + SEED + ") next to " + real + " ("
        + realStats.unparsed + " unparsed line(s)); '1m/h' = sampled one minute per hour like"
        + " the real log:\n" + LogStats.table(logs));

    Map<String, Map<String, Double>> f = new LinkedHashMap<>();
    logs.forEach((k, v) -> f.put(k, v.figures()));
    List<Executable> checks = new ArrayList<>();
    for (Band b : BANDS) {
      if (LOG_LEVEL.contains(b.figure())) {
        for (String log : List.of("shop", "blog", "real 2015")) {
          checks.add(check(log, b.figure(), f.get(log).get(b.figure()), b.webLo(), b.webHi()));
        }
      }
    }
    for (Band b : SAMPLED) {
      for (String log : List.of("shop 1m/h", "blog 1m/h", "real 2015")) {
        checks.add(check(log, b.figure(), f.get(log).get(b.figure()), b.webLo(), b.webHi()));
      }
    }
    assertAll(checks);
    assertTrue(realStats.unparsed <= 1, "the real log has one truncated line (8899), not "
        + realStats.unparsed);
  }

  private static Executable check(String log, String figure, @Nullable Double v, double lo,
      double hi) {
    return () -> {
      assertTrue(v != null, log + ": no figure " + figure);
      assertTrue(v >= lo && v <= hi, () -> String.format(Locale.ROOT,
          "%s: %s = %.3f, expected between %s and %s", log, figure, v, lo, hi));
    };
  }
}
