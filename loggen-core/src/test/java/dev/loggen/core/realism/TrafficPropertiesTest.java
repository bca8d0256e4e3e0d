package dev.loggen.core.realism;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Param;
import dev.loggen.core.Session;
import dev.loggen.core.Site;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import dev.loggen.core.Visitor;
import dev.loggen.core.VisitorKind;
import dev.loggen.core.Visitors;
import dev.loggen.core.engine.States;
import dev.loggen.core.engine.TransitionMatrix;
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
 * Properties of generated traffic that must hold for every seed: assets and referrers, visitors
 * as a pure function of their id, addresses, agents, names, bots, the shop's states and the
 * knobs that shape them.
 */
class TrafficPropertiesTest {
  private static final Instant FROM = Instant.parse("2026-03-03T09:00:00Z");
  private static final String ORIGIN = "https://shop.example.com";

  static LongStream seeds() {
    return LongStream.of(3, 77, 1_000_003, -123_456_789);
  }

  /** Two hours of a site: its events and its sessions by id. */
  record Run(List<AccessEvent> events, Map<Long, Session> sessions) {
    Map<Long, List<AccessEvent>> bySession() {
      Map<Long, List<AccessEvent>> m = new HashMap<>();
      events.forEach(e -> m.computeIfAbsent(e.sessionId(), k -> new ArrayList<>()).add(e));
      return m;
    }

    Session session(AccessEvent e) {
      return sessions.get(e.sessionId());
    }
  }

  /** Two hours of {@code site}; only the sessions that start in them (none cut at the start). */
  static Run run(long seed, Site site, Visitors visitors) {
    LogGenerator g = LogGenerator.builder().seed(seed).site(site).visitors(visitors)
        .traffic(Traffic.sessionsPerHour(1_200)).window(FROM, Duration.ofHours(2)).build();
    List<AccessEvent> events = new ArrayList<>();
    Map<Long, Session> sessions = new HashMap<>();
    g.iterator(s -> sessions.put(s.id(), s)).forEachRemaining(events::add);
    return new Run(events.stream().filter(e -> sessions.containsKey(e.sessionId())).toList(),
        sessions);
  }

  static Run shop(long seed) {
    return run(seed, Sites.shop(), Visitors.DEFAULT);
  }

  // ------------------------------------------------------------------ assets and referrers

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void assetsFollowTheirPageWithinSecondsWithThePageAsReferrer(long seed) {
    Run r = shop(seed);
    int checked = 0;
    for (List<AccessEvent> s : r.bySession().values()) {
      Map<String, Long> requested = new HashMap<>();
      for (AccessEvent e : s) {
        boolean asset = LogStats.isAsset(e.pathWithoutQuery());
        if (asset && e.referrer() != null && e.referrer().startsWith(ORIGIN)) {
          Long pageAt = requested.get(e.referrer().substring(ORIGIN.length()));
          assertTrue(pageAt != null, "seed " + seed + ": " + e.path() + " refers to "
              + e.referrer() + ", which the session did not request before");
          assertTrue(e.epochMillis() - pageAt < 60_000, "seed " + seed + ": " + e.path()
              + " came " + (e.epochMillis() - pageAt) + " ms after its page");
          checked++;
        }
        requested.put(e.path(), e.epochMillis());
      }
    }
    assertTrue(checked > 1000, "seed " + seed + ": only " + checked + " assets checked");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void notModifiedGoesToReturningVisitorsOnlyWithoutBody(long seed) {
    Run r = shop(seed);
    List<AccessEvent> notModified = r.events().stream().filter(e -> e.status() == 304).toList();
    long returning = r.sessions().values().stream()
        .filter(s -> s.visitor().kind() == VisitorKind.HUMAN && s.visitor().returning()).count();
    assertAll(
        () -> assertTrue(!notModified.isEmpty(), "seed " + seed + ": no 304 at all"),
        () -> assertTrue(notModified.stream().allMatch(e -> e.bytes() == 0),
            "seed " + seed + ": a 304 has no body"),
        () -> assertTrue(notModified.stream().allMatch(e -> r.session(e).visitor().returning()
            || e.visitorKind() != VisitorKind.HUMAN), "seed " + seed
            + ": only returning visitors have something cached"),
        () -> assertTrue(returning > 0, "seed " + seed));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void referrersAreAbsoluteLandingsExternalAndInsideASessionThePreviousPages(long seed) {
    Run r = shop(seed);
    long landings = 0;
    long external = 0;
    for (List<AccessEvent> s : r.bySession().values()) {
      if (s.get(0).visitorKind() != VisitorKind.HUMAN) {
        continue;
      }
      AccessEvent first = s.get(0);
      landings++;
      if (first.referrer() != null) {
        external++;
        assertTrue(!first.referrer().startsWith(ORIGIN), "seed " + seed
            + ": a landing's referrer is external or none: " + first);
      }
      Set<String> seen = new HashSet<>();
      for (AccessEvent e : s) {
        String ref = e.referrer();
        if (ref != null) {
          assertTrue(ref.matches("(https|android-app)://[^ \"]+"), "seed " + seed
              + ": not an absolute URL: " + ref);
          if (ref.startsWith(ORIGIN)) {
            assertTrue(seen.contains(ref.substring(ORIGIN.length())), "seed " + seed
                + ": referrer " + ref + " was not requested before in session "
                + e.sessionId());
          }
        }
        seen.add(e.path());
      }
    }
    double share = (double) external / landings;
    assertTrue(share > 0.4 && share < 0.8, String.format(Locale.ROOT,
        "seed %d: %.2f of landings have an external referrer (search, social, sites)", seed,
        share));
  }

  // ------------------------------------------------------------------ visitors

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aVisitorIsAPureFunctionOfItsIdAndComesBack(long seed) {
    Run r = shop(seed);
    Map<Long, Visitor> byId = new HashMap<>();
    Map<Long, Integer> sessionsOf = new HashMap<>();
    for (Session s : r.sessions().values()) {
      if (s.visitor().kind() != VisitorKind.HUMAN) {
        continue;
      }
      Visitor seen = byId.putIfAbsent(s.visitor().id(), s.visitor());
      if (seen != null) {
        assertEquals(seen, s.visitor(), "seed " + seed + ": visitor " + seen.id()
            + " looks different in two sessions");
      }
      sessionsOf.merge(s.visitor().id(), 1, Integer::sum);
    }
    for (AccessEvent e : r.events()) {
      Visitor v = r.session(e).visitor();
      assertEquals(v.address(), e.clientAddress(), "seed " + seed);
      assertEquals(v.userAgent(), e.userAgent(), "seed " + seed);
      if (e.user() != null && e.visitorKind() == VisitorKind.HUMAN && v.user() != null) {
        assertEquals(v.user(), e.user(), "seed " + seed + ": a registered visitor keeps a name");
      }
    }
    // Over a day, visitors average 1.5 sessions (RealismTest); in two hours some come back.
    long back = sessionsOf.values().stream().filter(c -> c > 1).count();
    assertTrue(back > 20, "seed " + seed + ": " + back + " visitors with two or more sessions");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void addressesArePublicClusteredAndPartlyIpv6(long seed) {
    Run r = run(seed, Sites.shop(), Visitors.DEFAULT.withIpv6Share(0.3));
    Set<String> addresses = new HashSet<>();
    r.events().forEach(e -> addresses.add(e.clientAddress()));
    Map<String, Set<String>> per24 = new HashMap<>();
    long v6 = 0;
    for (String a : addresses) {
      assertTrue(!Addresses.isReservedOrPrivate(a), "seed " + seed + ": " + a
          + " is reserved or private");
      if (a.indexOf(':') >= 0) {
        v6++;
      } else {
        per24.computeIfAbsent(a.substring(0, a.lastIndexOf('.')), k -> new HashSet<>()).add(a);
      }
    }
    double v6Share = (double) v6 / addresses.size();
    long crowded = per24.values().stream().filter(s -> s.size() >= 3).count();
    assertAll(
        () -> assertTrue(v6Share > 0.15 && v6Share < 0.45, "seed " + seed + ": IPv6 share "
            + v6Share + " of addresses, configured 0.3 of networks"),
        () -> assertTrue(crowded >= 10, "seed " + seed + ": only " + crowded
            + " /24 networks with 3 or more visitors"),
        () -> assertTrue(addresses.size() < r.sessions().size(), "seed " + seed
            + ": some visitors share an address"));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void privateAddressesOnlyWhenAsked(long seed) {
    Run r = run(seed, Sites.shop(), Visitors.DEFAULT.withPrivateShare(1).withBots(0, 0));
    assertTrue(r.events().stream().filter(e -> e.visitorKind() == VisitorKind.HUMAN)
        .allMatch(e -> Addresses.isPrivate(e.clientAddress())), "seed " + seed
        + ": an intranet's visitors have private addresses");
    // As Visitors documents: bots and the monitor keep public addresses, so an intranet log
    // has none of them.
    Run intranet = run(seed, Sites.shop(), Visitors.DEFAULT.withPrivateShare(1).withBots(0, 0)
        .withMonitorInterval(Duration.ZERO));
    assertTrue(intranet.events().stream().allMatch(e -> Addresses.isPrivate(e.clientAddress())),
        "seed " + seed + ": every line of an intranet log has a private address");
    Run half = run(seed, Sites.shop(), Visitors.DEFAULT.withPrivateShare(0.5));
    Set<String> all = new HashSet<>();
    half.events().stream().filter(e -> e.visitorKind() == VisitorKind.HUMAN)
        .forEach(e -> all.add(e.clientAddress()));
    double share = all.stream().filter(Addresses::isPrivate).count() / (double) all.size();
    assertTrue(share > 0.35 && share < 0.65, "seed " + seed + ": private share " + share);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void browsersAreCurrentVariedAndHalfMobile(long seed) {
    Run r = shop(seed);
    Map<String, Integer> agents = new HashMap<>();
    r.sessions().values().stream().filter(s -> s.visitor().kind() == VisitorKind.HUMAN)
        .forEach(s -> agents.merge(String.valueOf(s.visitor().userAgent()), 1, Integer::sum));
    int total = agents.values().stream().mapToInt(i -> i).sum();
    int mobile = agents.entrySet().stream().filter(e -> e.getKey().contains("Mobile")
        || e.getKey().contains("iPhone") || e.getKey().contains("Android"))
        .mapToInt(Map.Entry::getValue).sum();
    int top = agents.values().stream().mapToInt(i -> i).max().orElse(0);
    int old = agents.entrySet().stream().filter(e -> e.getKey().contains("Windows NT 6.1")
        || e.getKey().matches(".*iPhone OS 1[56]_.*")).mapToInt(Map.Entry::getValue).sum();
    assertAll(
        () -> assertTrue(agents.size() >= 40, "seed " + seed + ": " + agents.size()
            + " distinct browsers"),
        () -> assertTrue((double) top / total < 0.2, "seed " + seed + ": top browser "
            + top + " of " + total),
        () -> assertTrue(mobile > 0.4 * total && mobile < 0.7 * total, "seed " + seed
            + ": mobile " + mobile + " of " + total),
        // Chrome 109 is the last for Windows 7, which some still run: the one old Chrome
        () -> assertTrue(agents.keySet().stream().noneMatch(a -> a.contains("Chrome/1")
            && !a.matches(".*Chrome/1[3-4][0-9].*") && !a.matches(".*Windows NT 6\\.1.*"
                + "Chrome/109\\..*")), "seed " + seed + ": old Chrome"),
        () -> assertTrue(old < 0.03 * total, "seed " + seed + ": " + old + " of " + total
            + " browsers on Windows 7 or iOS 15 or 16"));
  }

  // ------------------------------------------------------------------ bursts

  /**
   * A burst holds to the millisecond. Before, a one-minute block took the rate at its start for
   * the whole minute: no visitor from 10:00:30 on began at 10:01, the traffic after a burst
   * ending at 10:30:30 came back at 10:31, and a 20-second burst within a minute did nothing.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void burstsStartAndEndWhereTheySayNotOnTheMinute(long seed) {
    Instant ten = Instant.parse("2026-03-03T10:00:00Z");
    Traffic t = Traffic.sessionsPerHour(60_000).flat()
        .withBurst(ten.plusSeconds(30), Duration.ofMinutes(30), 0)
        .withBurst(ten.plusSeconds(35 * 60 + 10), Duration.ofSeconds(20), 4);
    LogGenerator g = LogGenerator.builder().seed(seed).traffic(t)
        .window(ten, Duration.ofMinutes(40)).build();
    long[] perTen = new long[40 * 6]; // sessions starting in each ten seconds
    g.iterator(s -> {
      long at = s.start().toEpochMilli() - ten.toEpochMilli();
      // the uptime monitor checks on its clock whatever the traffic
      if (at >= 0 && at < 2_400_000 && s.visitor().kind() != VisitorKind.MONITOR) {
        perTen[(int) (at / 10_000)]++;
      }
    }).forEachRemaining(e -> { });
    String counts = "seed " + seed + ": sessions per 10 s from 10:00: " + Arrays.toString(perTen);
    // about 167 sessions in ten seconds at 60,000 an hour (a standard deviation of 13)
    for (int i : new int[] {0, 1, 2}) {
      assertTrue(perTen[i] > 110 && perTen[i] < 230, counts);
    }
    for (int i = 3; i < 183; i++) {
      assertEquals(0, perTen[i], counts); // 10:00:30 to 10:30:30: none
    }
    for (int i : new int[] {183, 184, 185, 200, 209, 214}) {
      assertTrue(perTen[i] > 110 && perTen[i] < 230, counts);
    }
    for (int i : new int[] {211, 212}) { // 10:35:10 to 10:35:30: four times as many
      assertTrue(perTen[i] > 520 && perTen[i] < 820, counts);
    }
  }

  // ------------------------------------------------------------------ bots

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void botsBehaveLikeBots(long seed) {
    Run r = shop(seed);
    Map<Long, List<AccessEvent>> by = r.bySession();
    int crawlers = 0;
    int scanners = 0;
    for (List<AccessEvent> s : by.values()) {
      VisitorKind k = s.get(0).visitorKind();
      if (k == VisitorKind.CRAWLER && s.size() > 1) {
        crawlers++;
        assertEquals("/robots.txt", s.get(0).path(), "seed " + seed
            + ": a crawler reads robots.txt first");
        assertTrue(s.stream().noneMatch(e -> LogStats.isAsset(e.pathWithoutQuery())),
            "seed " + seed + ": crawlers fetch no assets");
        long span = s.get(s.size() - 1).epochMillis() - s.get(0).epochMillis();
        assertTrue(span / (s.size() - 1) > 1_000, "seed " + seed + ": a crawler is slow");
      } else if (k == VisitorKind.SCANNER) {
        scanners++;
        long notFound = s.stream().filter(e -> e.status() >= 400 && e.status() < 500).count();
        assertTrue(notFound >= s.size() - 2, "seed " + seed + ": a scanner collects 4xx: "
            + s);
      }
    }
    int c = crawlers;
    int sc = scanners;
    assertAll(
        () -> assertTrue(c > 5, "seed " + seed + ": " + c + " crawler sessions"),
        () -> assertTrue(sc > 2, "seed " + seed + ": " + sc + " scanner sessions"),
        () -> assertTrue(r.events().stream().anyMatch(e -> e.path().equals("/wp-login.php")
            && e.status() == 404), "seed " + seed + ": scanners probe /wp-login.php"));
  }

  @Test
  void theUptimeMonitorChecksAtItsInterval() {
    Run r = run(9, Sites.shop(), Visitors.DEFAULT.withMonitorInterval(Duration.ofSeconds(30)));
    List<AccessEvent> checks = r.events().stream()
        .filter(e -> e.visitorKind() == VisitorKind.MONITOR).toList();
    assertEquals(2 * 60 * 2, checks.size(), "one check every 30 s for 2 hours");
    assertTrue(checks.stream().allMatch(e -> e.epochMillis() % 30_000 == 0
        && e.path().equals("/") && e.clientAddress().equals(checks.get(0).clientAddress())),
        "the same monitor, one URL, at fixed times");
    assertEquals(0, run(9, Sites.shop(), Visitors.DEFAULT.withMonitorInterval(Duration.ZERO))
        .events().stream().filter(e -> e.visitorKind() == VisitorKind.MONITOR).count());
  }

  @Test
  void botSharesAreConfigurable() {
    Run none = run(4, Sites.shop(), Visitors.DEFAULT.withBots(0, 0)
        .withMonitorInterval(Duration.ZERO));
    Run many = run(4, Sites.shop(), Visitors.DEFAULT.withBots(0.3, 0.1));
    double noneShare = LogStats.ofEvents(none.events()).botShare();
    double manyShare = LogStats.ofEvents(many.events()).botShare();
    assertEquals(0, noneShare, "no bots");
    assertTrue(manyShare > 0.3, "30 % crawler and 10 % scanner sessions: " + manyShare
        + " of requests");
  }

  // ------------------------------------------------------------------ the shop's states

  @Test
  void theShopWalksTheOldToolsStatesAndReachesEveryEnd() {
    assertEquals(TransitionMatrix.legacyDefault().asMap(),
        ((TransitionMatrix) Sites.shop().model()).asMap(), "the shop keeps the old matrix");
    Run r = shop(11);
    Map<String, Integer> ends = new HashMap<>();
    Set<String> visited = new HashSet<>();
    r.sessions().values().stream().filter(s -> s.visitor().kind() == VisitorKind.HUMAN)
        .forEach(s -> {
          ends.merge(s.endState(), 1, Integer::sum);
          visited.addAll(s.states());
        });
    Set<String> requests = new HashSet<>();
    r.events().forEach(e -> requests.add(e.method() + " " + e.pathWithoutQuery() + " "
        + e.status()));
    assertAll(
        () -> assertTrue(ends.keySet().containsAll(List.of(States.LOGOUT, States.ABANDON,
            States.LEAVE, States.ERROR)), "end states " + ends),
        () -> assertTrue(visited.containsAll(List.of(States.START, States.LOGIN,
            States.DIRECT_ACCESS, States.BROWSING, States.END)), "states " + visited),
        () -> assertTrue(requests.containsAll(List.of("POST /login 302", "POST /logout 302",
            "GET /cart 200", "POST /cart/add 302", "GET /checkout/thank-you 200")),
            "requests include logins, logouts, carts and orders"),
        () -> assertTrue(r.events().stream().anyMatch(e -> e.state().equals(States.ERROR)
            && e.status() == 500), "ERROR is a 500"));
  }

  // ------------------------------------------------------------------ knobs

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theEmptyResponseShareSetsTheDashSizes(long seed) {
    double none = LogStats.ofEvents(run(seed, Sites.shop().withEmptyResponseShare(0),
        Visitors.DEFAULT).events()).dashBytesShare();
    Run r = run(seed, Sites.shop().withEmptyResponseShare(0.2), Visitors.DEFAULT);
    double withShare = LogStats.ofEvents(r.events()).dashBytesShare();
    double eligible = r.events().stream().filter(e -> e.method().equals("GET")
        && e.status() == 200).count() / (double) r.events().size();
    // Of the successful GETs, a fifth are now '-'.
    double expected = none + 0.2 * eligible;
    assertTrue(Math.abs(withShare - expected) < 0.03, String.format(Locale.ROOT,
        "seed %d: '-' share %.3f with 0.2, %.3f without, expected about %.3f", seed,
        withShare, none, expected));
  }

  @Test
  void theCatalogueExponentSetsHowFewItemsDominate() {
    Site steep = Sites.shop().toBuilder().param("item", Param.catalogue(20_000, 1.3)).build();
    Site flat = Sites.shop().toBuilder().param("item", Param.catalogue(20_000, 0.5)).build();
    double steepTop = topProductShare(run(5, steep, Visitors.DEFAULT));
    double flatTop = topProductShare(run(5, flat, Visitors.DEFAULT));
    assertTrue(steepTop > flatTop + 0.2, "top-10 products' share of product views: "
        + steepTop + " at exponent 1.3, " + flatTop + " at 0.5");
  }

  private static double topProductShare(Run r) {
    Map<String, Integer> views = new HashMap<>();
    r.events().stream().filter(e -> e.path().matches("/products/[0-9]+")
        && e.visitorKind() == VisitorKind.HUMAN).forEach(e -> views.merge(e.path(), 1,
        Integer::sum));
    int total = views.values().stream().mapToInt(i -> i).sum();
    return views.values().stream().sorted((a, b) -> b - a).limit(10).mapToInt(i -> i).sum()
        / (double) total;
  }

  @Test
  void newSettingsAreValidatedWithTheirNames() {
    assertEquals("visitors.privateShare must be a share between 0 and 1 (got 1.5)",
        assertThrows(IllegalArgumentException.class,
            () -> Visitors.DEFAULT.withPrivateShare(1.5)).getMessage());
    assertEquals("site shop: emptyResponseShare must be a share between 0 and 1 (got -0.1)",
        assertThrows(IllegalArgumentException.class,
            () -> Sites.shop().withEmptyResponseShare(-0.1)).getMessage());
    assertEquals("visitors.crawlerShare + visitors.scannerShare must not exceed 1 (got 0.7 + 0.4)",
        assertThrows(IllegalArgumentException.class,
            () -> Visitors.DEFAULT.withBots(0.7, 0.4)).getMessage());
  }

  /** Classifies address text: private and reserved ranges. */
  static final class Addresses {
    private Addresses() {}

    static boolean isPrivate(String a) {
      if (a.indexOf(':') >= 0) {
        return a.startsWith("fd") || a.startsWith("fc");
      }
      int[] o = octets(a);
      return o[0] == 10 || o[0] == 172 && o[1] >= 16 && o[1] < 32 || o[0] == 192 && o[1] == 168;
    }

    static boolean isReservedOrPrivate(String a) {
      if (isPrivate(a)) {
        return true;
      }
      if (a.indexOf(':') >= 0) {
        String l = a.toLowerCase(Locale.ROOT);
        return !(l.startsWith("2") || l.startsWith("3")) || l.startsWith("2001:db8:")
            || l.startsWith("2001:0db8:");
      }
      int[] o = octets(a);
      return o[0] == 0 || o[0] == 127 || o[0] >= 224 || o[0] == 169 && o[1] == 254
          || o[0] == 100 && o[1] >= 64 && o[1] < 128 || o[0] == 192 && o[1] == 0 && o[2] == 2
          || o[0] == 198 && o[1] == 51 && o[2] == 100 || o[0] == 203 && o[1] == 0 && o[2] == 113
          || o[0] == 198 && (o[1] == 18 || o[1] == 19) || o[3] == 0 || o[3] == 255;
    }

    private static int[] octets(String a) {
      String[] p = a.split("\\.");
      assertEquals(4, p.length, "IPv4 address " + a);
      int[] o = new int[4];
      for (int i = 0; i < 4; i++) {
        o[i] = Integer.parseInt(p[i]);
        assertTrue(o[i] >= 0 && o[i] <= 255, "IPv4 address " + a);
      }
      return o;
    }
  }
}
