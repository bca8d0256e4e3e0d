package dev.loggen.core.realism;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Scenario;
import dev.loggen.core.Session;
import dev.loggen.core.Traffic;
import dev.loggen.core.VisitorKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each scenario appears exactly in its window and labels what it produces or changes: no
 * labelled event outside the window, labelled events inside it, and the effect it promises (5xx
 * share, failed logins from few addresses, sessions landing on one URL, slower responses).
 */
class ScenarioTest {
  private static final Instant FROM = Instant.parse("2026-03-03T11:30:00Z");
  private static final Duration LENGTH = Duration.ofMinutes(90);
  private static final Instant AT = Instant.parse("2026-03-03T12:10:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(20);

  static LongStream seeds() {
    return LongStream.of(1, 42, 20_260_303L, -7);
  }

  private static List<AccessEvent> run(long seed, Scenario scenario, List<Session> sessions) {
    LogGenerator g = LogGenerator.builder().seed(seed).traffic(Traffic.sessionsPerHour(900))
        .scenario(scenario).window(FROM, LENGTH).build();
    List<AccessEvent> out = new ArrayList<>();
    g.iterator(sessions::add).forEachRemaining(out::add);
    return out;
  }

  private static boolean inWindow(AccessEvent e) {
    long s = AT.toEpochMilli();
    return e.epochMillis() >= s && e.epochMillis() < s + WINDOW.toMillis();
  }

  /** The checks every scenario must pass: its label exactly in its window. */
  private static void labelledExactlyInTheWindow(long seed, String label,
      List<AccessEvent> events) {
    List<AccessEvent> labelled = events.stream().filter(e -> label.equals(e.scenario()))
        .toList();
    assertAll(
        () -> assertFalse(labelled.isEmpty(), "seed " + seed + ": no event labelled " + label),
        () -> assertTrue(labelled.stream().allMatch(ScenarioTest::inWindow), () -> "seed " + seed
            + ": " + label + " outside its window: " + labelled.stream()
            .filter(e -> !inWindow(e)).findFirst().orElseThrow()),
        () -> assertTrue(events.stream().allMatch(e -> e.scenario() == null
            || e.scenario().equals(label)), "seed " + seed + ": an unexpected label"));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anOutageFailsItsShareOfRequestsInItsWindowOnly(long seed) {
    double share = 0.4;
    List<AccessEvent> events = run(seed, Scenario.outage(AT, WINDOW, share), new ArrayList<>());
    labelledExactlyInTheWindow(seed, "outage", events);
    List<AccessEvent> inside = events.stream().filter(ScenarioTest::inWindow).toList();
    List<AccessEvent> outside = events.stream().filter(e -> !inWindow(e)).toList();
    double in5xx = share(inside, e -> e.status() >= 500);
    double out5xx = share(outside, e -> e.status() >= 500);
    assertAll(
        () -> assertTrue(inside.stream().allMatch(e -> "outage".equals(e.scenario())),
            "seed " + seed + ": every request in an outage's window is affected and labelled"),
        () -> assertTrue(Math.abs(in5xx - share) < 0.05, String.format(Locale.ROOT,
            "seed %d: 5xx share in the window %.3f, configured %.2f", seed, in5xx, share)),
        () -> assertTrue(out5xx < 0.01, String.format(Locale.ROOT,
            "seed %d: 5xx share outside the window %.4f", seed, out5xx)),
        () -> assertTrue(inside.stream().filter(e -> e.status() >= 502)
            .allMatch(e -> e.status() <= 504), "seed " + seed + ": outage codes are 502-504"));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void credentialStuffingIsManyFailedLoginsFromFewAddresses(long seed) {
    int perMinute = 200;
    int addresses = 5;
    List<AccessEvent> events = run(seed,
        Scenario.credentialStuffing(AT, WINDOW, perMinute, addresses), new ArrayList<>());
    labelledExactlyInTheWindow(seed, "credential-stuffing", events);
    List<AccessEvent> attack = events.stream()
        .filter(e -> "credential-stuffing".equals(e.scenario())).toList();
    Set<String> from = new HashSet<>();
    attack.forEach(e -> from.add(e.clientAddress()));
    double expected = perMinute * WINDOW.toMinutes();
    long ordinaryLogins = events.stream().filter(e -> e.scenario() == null
        && e.method().equals("POST") && e.path().equals("/login")).count();
    assertAll(
        () -> assertTrue(attack.stream().allMatch(e -> e.method().equals("POST")
            && e.path().equals("/login")), "seed " + seed + ": the attack is POST /login"),
        () -> assertTrue(share(attack, e -> e.status() == 401) > 0.95,
            "seed " + seed + ": almost all attempts fail with 401"),
        () -> assertTrue(from.size() <= addresses, "seed " + seed + ": " + from.size()
            + " attacking addresses, at most " + addresses),
        () -> assertTrue(attack.size() > 0.7 * expected && attack.size() < 1.3 * expected,
            "seed " + seed + ": " + attack.size() + " attempts, about " + expected
                + " configured"),
        () -> assertTrue(attack.size() > 10 * ordinaryLogins, "seed " + seed + ": "
            + attack.size() + " attack attempts stand out against " + ordinaryLogins
            + " ordinary logins over the whole run"));
  }

  /**
   * An attack runs at its rate from its first millisecond to its last, however short. Before,
   * its groups of attempts started with it, so it ramped up over their length (about 17 s): a
   * 10-second attack made 28 % of its attempts, a one-minute one 81 %.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aShortCredentialStuffingAttackMakesItsAttemptsPerMinute(long seed) {
    int perMinute = 35_000;
    for (Duration length : List.of(Duration.ofSeconds(10), Duration.ofMinutes(1))) {
      Scenario attack = Scenario.credentialStuffing(AT, length, perMinute, 20);
      LogGenerator g = LogGenerator.builder().seed(seed).traffic(Traffic.sessionsPerHour(100))
          .scenario(attack).window(AT.minus(Duration.ofMinutes(2)), Duration.ofMinutes(5))
          .build();
      long start = AT.toEpochMilli();
      long end = start + length.toMillis();
      long[] attempts = new long[2]; // in the attack's first and second half
      long[] outside = {0};
      g.events().filter(e -> "credential-stuffing".equals(e.scenario())).forEach(e -> {
        if (e.epochMillis() < start || e.epochMillis() >= end) {
          outside[0]++;
        } else {
          attempts[e.epochMillis() - start < length.toMillis() / 2 ? 0 : 1]++;
        }
      });
      double half = perMinute * length.toMillis() / 120_000.0;
      String got = "seed " + seed + ", " + length + ": attempts in each half "
          + Arrays.toString(attempts) + ", about " + half + " each";
      assertEquals(0, outside[0], got);
      for (long a : attempts) {
        assertTrue(a > 0.8 * half && a < 1.2 * half, got);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aFlashCrowdLandsManySessionsOnOneUrl(long seed) {
    List<Session> sessions = new ArrayList<>();
    List<AccessEvent> events = run(seed,
        Scenario.flashCrowd(AT, WINDOW, 6_000, "product"), sessions);
    labelledExactlyInTheWindow(seed, "flash-crowd", events);
    // The URL the crowd lands on: the first request of every labelled session.
    Map<Long, AccessEvent> firstOf = new HashMap<>();
    for (AccessEvent e : events) {
      firstOf.putIfAbsent(e.sessionId(), e);
    }
    Set<String> crowdUrls = new HashSet<>();
    sessions.stream().filter(s -> "flash-crowd".equals(s.scenario()))
        .forEach(s -> {
          AccessEvent first = firstOf.get(s.id());
          if (first != null && first.method().equals("GET") && first.status() != 301
              && first.status() != 302) {
            crowdUrls.add(first.pathWithoutQuery());
          }
        });
    assertEquals(1, crowdUrls.size(), "seed " + seed + ": the crowd lands on one URL: "
        + crowdUrls);
    String url = crowdUrls.iterator().next();
    long before = landingsOn(url, firstOf, AT.minus(WINDOW));
    long during = landingsOn(url, firstOf, AT);
    assertTrue(during >= 10 * Math.max(1, before), "seed " + seed + ": sessions landing on "
        + url + ": " + before + " before the crowd, " + during + " during it");
    assertTrue(sessions.stream().filter(s -> "flash-crowd".equals(s.scenario()))
        .allMatch(s -> !s.start().isBefore(AT) && s.start().isBefore(AT.plus(WINDOW))),
        "seed " + seed + ": the crowd's sessions start in the window");
  }

  /**
   * Overlapping scenarios: a request carries the label of the scenario that changes it, an
   * outage's before a slow backend's before its session's own (as {@link Scenario} says; this
   * pins the documented order, which the hunt found undocumented).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void whereScenariosOverlapTheOneChangingTheRequestLabelsIt(long seed) {
    Instant slowFrom = AT.plus(Duration.ofMinutes(5));
    Instant outageFrom = AT.plus(Duration.ofMinutes(8));
    LogGenerator g = LogGenerator.builder().seed(seed).traffic(Traffic.sessionsPerHour(900))
        .scenario(Scenario.flashCrowd(AT, WINDOW, 6_000, "product"))
        .scenario(Scenario.slowBackend(slowFrom, Duration.ofMinutes(10), 4))
        .scenario(Scenario.outage(outageFrom, Duration.ofMinutes(2), 0.3))
        .window(FROM, LENGTH).build();
    Set<Long> crowd = new HashSet<>();
    List<AccessEvent> events = new ArrayList<>();
    g.iterator(ss -> {
      if ("flash-crowd".equals(ss.scenario())) {
        crowd.add(ss.id());
      }
    }).forEachRemaining(events::add);
    Map<String, Long> crowdInSlow = new HashMap<>();
    for (AccessEvent e : events) {
      boolean outage = covers(outageFrom, Duration.ofMinutes(2), e);
      boolean slow = covers(slowFrom, Duration.ofMinutes(10), e);
      String got = "seed " + seed + ": " + e;
      if (outage) {
        assertEquals("outage", e.scenario(), got);
      } else if (slow && crowd.contains(e.sessionId())) {
        crowdInSlow.merge(String.valueOf(e.scenario()), 1L, Long::sum);
      } else if (!slow && crowd.contains(e.sessionId())) {
        assertEquals("flash-crowd", e.scenario(), got);
      }
    }
    // the crowd's pages are the slow backend's; their assets, served without it, keep the crowd's
    assertEquals(Set.of("slow-backend", "flash-crowd"), crowdInSlow.keySet(),
        "seed " + seed + ": " + crowdInSlow);
  }

  private static boolean covers(Instant from, Duration length, AccessEvent e) {
    return e.epochMillis() >= from.toEpochMilli()
        && e.epochMillis() < from.toEpochMilli() + length.toMillis();
  }

  private static long landingsOn(String url, Map<Long, AccessEvent> firstOf, Instant from) {
    long s = from.toEpochMilli();
    long e = s + WINDOW.toMillis();
    return firstOf.values().stream().filter(f -> f.epochMillis() >= s && f.epochMillis() < e
        && f.pathWithoutQuery().equals(url)).count();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aSlowBackendMultipliesResponseTimesInItsWindow(long seed) {
    double factor = 6;
    List<AccessEvent> events = run(seed, Scenario.slowBackend(AT, WINDOW, factor),
        new ArrayList<>());
    labelledExactlyInTheWindow(seed, "slow-backend", events);
    List<AccessEvent> pagesIn = events.stream().filter(e -> inWindow(e) && isPage(e)).toList();
    List<AccessEvent> pagesOut = events.stream().filter(e -> !inWindow(e) && isPage(e))
        .toList();
    double ratio = median(pagesIn) / median(pagesOut);
    assertAll(
        () -> assertTrue(pagesIn.stream().allMatch(e -> "slow-backend".equals(e.scenario())),
            "seed " + seed + ": every page in the window is slowed and labelled"),
        () -> assertTrue(events.stream().filter(e -> e.scenario() != null)
            .noneMatch(e -> LogStats.isAsset(e.pathWithoutQuery())),
            "seed " + seed + ": static files are not slowed"),
        () -> assertTrue(ratio > factor * 0.75 && ratio < factor * 1.33, String.format(
            Locale.ROOT, "seed %d: median page time in the window is %.2f times the usual,"
                + " factor %.1f", seed, ratio, factor)));
  }

  @Test
  void scenariosDoNotChangeSlicingOrDeterminism() {
    LogGenerator g = LogGenerator.builder().seed(5).traffic(Traffic.sessionsPerHour(900))
        .scenario(Scenario.outage(AT, Duration.ofMinutes(5), 0.3))
        .scenario(Scenario.credentialStuffing(AT.plus(Duration.ofMinutes(6)),
            Duration.ofMinutes(5), 100, 3))
        .scenario(Scenario.flashCrowd(AT.plus(Duration.ofMinutes(12)), Duration.ofMinutes(5),
            3_000, "product"))
        .scenario(Scenario.slowBackend(AT.plus(Duration.ofMinutes(18)), Duration.ofMinutes(5),
            4))
        .window(FROM, LENGTH).build();
    List<AccessEvent> whole = new ArrayList<>();
    g.iterator().forEachRemaining(whole::add);
    List<AccessEvent> joined = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      g.slice(k, 4).iterator().forEachRemaining(joined::add);
    }
    assertEquals(whole, joined, "slices of a run with scenarios");
    Set<String> labels = new HashSet<>();
    whole.forEach(e -> labels.add(String.valueOf(e.scenario())));
    assertEquals(Set.of("null", "outage", "credential-stuffing", "flash-crowd", "slow-backend"),
        labels);
  }

  private static boolean isPage(AccessEvent e) {
    return !LogStats.isAsset(e.pathWithoutQuery()) && e.status() < 500
        && e.visitorKind() == VisitorKind.HUMAN && !e.path().equals("/robots.txt");
  }

  private static double median(List<AccessEvent> events) {
    long[] t = events.stream().mapToLong(AccessEvent::responseTimeMicros).sorted().toArray();
    return t[t.length / 2];
  }

  private static double share(List<AccessEvent> events,
      java.util.function.Predicate<AccessEvent> p) {
    return events.isEmpty() ? 0 : (double) events.stream().filter(p).count() / events.size();
  }
}
