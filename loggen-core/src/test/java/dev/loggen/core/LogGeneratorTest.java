package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.engine.States;
import dev.loggen.core.engine.TransitionMatrix;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogGeneratorTest {
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  static LongStream seeds() {
    return LongStream.range(0, 100).map(i -> i * 0x9E3779B97F4A7C15L + 17);
  }

  private static LogGenerator small(long seed, Duration d) {
    return LogGenerator.builder().seed(seed).traffic(Traffic.sessionsPerHour(600))
        .window(START, d).build();
  }

  private static List<AccessEvent> all(LogGenerator g) {
    List<AccessEvent> out = new ArrayList<>();
    g.iterator().forEachRemaining(out::add);
    return out;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sameSeedGivesIdenticalEvents(long seed) {
    List<AccessEvent> a = all(small(seed, Duration.ofMinutes(10)));
    List<AccessEvent> b = all(small(seed, Duration.ofMinutes(10)));
    assertFalse(a.isEmpty(), "seed " + seed + " generated nothing");
    assertEquals(a, b, "seed " + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void timestampsAreOrderedAndInsideTheWindow(long seed) {
    LogGenerator g = small(seed, Duration.ofMinutes(10));
    long from = START.toEpochMilli();
    long to = from + Duration.ofMinutes(10).toMillis();
    long prev = Long.MIN_VALUE;
    for (AccessEvent e : all(g)) {
      assertTrue(e.epochMillis() >= prev, "seed " + seed + ": out of order at " + e);
      assertTrue(e.epochMillis() >= from && e.epochMillis() < to,
          "seed " + seed + ": outside the window: " + e);
      prev = e.epochMillis();
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everySessionEndsAndTakesOnlyNonZeroTransitions(long seed) {
    LogGenerator g = small(seed, Duration.ofMinutes(20));
    TransitionMatrix m = (TransitionMatrix) g.model();
    List<Session> sessions = new ArrayList<>();
    g.iterator(sessions::add).forEachRemaining(e -> { });
    assertFalse(sessions.isEmpty(), "seed " + seed);
    for (Session s : sessions) {
      if (s.visitor().kind() != VisitorKind.HUMAN) {
        continue;
      }
      List<String> st = s.states();
      assertEquals(States.START, st.get(0), "seed " + seed + " " + s);
      boolean cut = s.endState().startsWith("MAX_");
      if (!cut) {
        assertEquals(States.END, st.get(st.size() - 1), "seed " + seed + " " + s);
      }
      for (int i = 1; i < st.size(); i++) {
        assertTrue(m.probability(st.get(i - 1), st.get(i)) > 0,
            "seed " + seed + ": zero-probability edge " + st.get(i - 1) + " -> " + st.get(i));
      }
      assertTrue(s.duration().compareTo(g.sessions().maxDuration()) <= 0, "seed " + seed);
    }
  }

  @Test
  void differentSeedsGiveDifferentOutput() {
    assertNotEquals(all(small(1, Duration.ofMinutes(5))), all(small(2, Duration.ofMinutes(5))));
  }

  @Test
  void defaultsStreamOneDayOfTheShop() {
    LogGenerator g = LogGenerator.builder().seed(42).build();
    assertEquals("shop", g.site().name());
    assertEquals(Duration.ofDays(1), g.duration());
    AccessEvent first = g.events().findFirst().orElseThrow();
    assertEquals("shop.example.com", first.host());
    assertTrue(g.toString().contains("seed=42"), g.toString());
  }

  static Stream<Arguments> sliceCases() {
    return Stream.of(Arguments.of(11L, 1), Arguments.of(11L, 3), Arguments.of(11L, 7),
        Arguments.of(987654321L, 3), Arguments.of(-5L, 7), Arguments.of(2026L, 13));
  }

  @ParameterizedTest
  @MethodSource("sliceCases")
  void slicesConcatenateToTheWholeRun(long seed, int n) {
    LogGenerator g = LogGenerator.builder().seed(seed).traffic(Traffic.sessionsPerHour(1_500))
        .window(START, Duration.ofMinutes(95)).build();
    List<AccessEvent> whole = all(g);
    List<AccessEvent> joined = new ArrayList<>();
    List<Session> wholeSessions = new ArrayList<>();
    g.iterator(wholeSessions::add).forEachRemaining(e -> { });
    List<Session> sliceSessions = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      g.slice(k, n).iterator(sliceSessions::add).forEachRemaining(joined::add);
    }
    assertEquals(whole.size(), joined.size(), "seed " + seed + ", " + n + " slices");
    assertEquals(whole, joined, "seed " + seed + ", " + n + " slices");
    assertEquals(wholeSessions, sliceSessions, "seed " + seed + ", " + n + " slices");
  }

  /**
   * One-second slices tell the sessions of the whole run, each once: a scanner that arrives at
   * the end of one slice and probes first in the next (it may wait before its first request)
   * was told by no slice, since the slices picked sessions by arrival and their reports by the
   * first request; the reports' session counts fell short of the whole run's.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void oneSecondSlicesTellEverySessionOnce(long seed) {
    LogGenerator g = LogGenerator.builder().seed(seed).traffic(Traffic.sessionsPerHour(20_000))
        .sessions(SessionSettings.DEFAULT.withLimits(Duration.ofMinutes(2), 2_000))
        .window(START, Duration.ofMinutes(3)).build();
    List<Session> wholeSessions = new ArrayList<>();
    g.iterator(wholeSessions::add).forEachRemaining(e -> { });
    long wholeCount = sessionsCounted(g);
    int n = 180;
    List<Session> sliceSessions = new ArrayList<>();
    long sliceCount = 0;
    for (int k = 0; k < n; k++) {
      LogGenerator slice = g.slice(k, n);
      slice.iterator(sliceSessions::add).forEachRemaining(e -> { });
      sliceCount += sessionsCounted(slice);
    }
    // each slice tells its sessions in arrival order, so a session told late (it arrived in
    // the slice before) may come after one that arrived after it: the same sessions, by id
    Comparator<Session> byId = Comparator.comparingLong(Session::id);
    List<Session> whole = wholeSessions.stream().sorted(byId).toList();
    List<Session> sliced = sliceSessions.stream().sorted(byId).toList();
    List<Session> missing = whole.stream().filter(x -> !sliced.contains(x)).toList();
    List<Session> extra = sliced.stream().filter(x -> !whole.contains(x)).toList();
    assertEquals(List.of(), missing, "seed " + seed + ": told by no slice");
    assertEquals(List.of(), extra, "seed " + seed + ": told by slices only");
    assertEquals(whole, sliced, "seed " + seed + ": told twice");
    assertEquals(wholeCount, sliceCount, "seed " + seed + ": the reports' session counts");
  }

  /** The sessions the report of a whole run of {@code g} counts. */
  private static long sessionsCounted(LogGenerator g) {
    return g.writer().format(ParallelWriterTest.TINY)
        .to(new ParallelWriterTest.CollectingSink(-1, false)).run().sessions();
  }

  @Test
  void aLaterStartSeesTheSameEventsOverlappingWindows() {
    // Addressable randomness: the events of [t1, t2) do not depend on where the window starts.
    LogGenerator a = LogGenerator.builder().seed(3).window(START, Duration.ofHours(2)).build();
    LogGenerator b = LogGenerator.builder().seed(3)
        .window(START.plus(Duration.ofMinutes(70)), Duration.ofMinutes(20)).build();
    long from = START.plus(Duration.ofMinutes(70)).toEpochMilli();
    long to = from + Duration.ofMinutes(20).toMillis();
    List<AccessEvent> expected = all(a).stream()
        .filter(e -> e.epochMillis() >= from && e.epochMillis() < to).toList();
    assertEquals(expected, all(b));
  }

  /** sliceStart(k, n) is slice(k, n).emitFrom(), with slice's checks, without the slice. */
  @Test
  void sliceStartIsTheSlicesEmitFrom() {
    LogGenerator g = LogGenerator.builder().seed(1)
        .window(Instant.parse("2026-01-01T09:59:17.123Z"), Duration.ofMillis(3_604_321)).build();
    for (int n : new int[] {1, 2, 7, 61, 3601, 3_604_321, 3_604_322, Integer.MAX_VALUE}) {
      for (int k : new int[] {0, 1, n / 3, n / 2, n - 2, n - 1}) {
        if (k >= 0 && k < n) {
          assertEquals(g.slice(k, n).emitFrom(), g.sliceStart(k, n), k + " of " + n);
        }
      }
    }
    assertEquals("slice index must be between 0 and 2 (got 3)", iae(() -> g.sliceStart(3, 3)));
    assertEquals("slice count must be positive (got 0)", iae(() -> g.sliceStart(0, 0)));
    LogGenerator endless = LogGenerator.builder().seed(1).window(START, null).build();
    assertThrows(IllegalStateException.class, () -> endless.sliceStart(0, 2));
    assertThrows(IllegalStateException.class, () -> g.slice(0, 2).sliceStart(0, 2));
  }

  /** toBuilder's Javadoc read as if a slice survived it: its builder builds the whole run. */
  @Test
  void aSlicesBuilderBuildsTheWholeRun() {
    LogGenerator g = LogGenerator.builder().seed(1).window(START, Duration.ofHours(3)).build();
    LogGenerator slice = g.slice(1, 3);
    LogGenerator rebuilt = slice.toBuilder().build();
    assertEquals(START, rebuilt.emitFrom());
    assertEquals(START.plus(Duration.ofHours(3)), rebuilt.emitTo());
    assertEquals(g.toString(), rebuilt.toString());
    assertEquals(slice.emitFrom(), rebuilt.slice(1, 3).emitFrom());
    assertEquals(slice.emitTo(), rebuilt.slice(1, 3).emitTo());
  }

  @Test
  void endlessWindowStreamsWithLimit() {
    LogGenerator g = LogGenerator.builder().seed(1).window(START, null).build();
    assertEquals(50_000, g.events().limit(50_000).count());
    assertThrows(IllegalStateException.class, () -> g.slice(0, 2));
  }

  @Test
  void timestampsCarryTheZoneOffset() {
    LogGenerator g = LogGenerator.builder().seed(1)
        .traffic(Traffic.sessionsPerHour(2000).withZone("America/New_York"))
        .window(Instant.parse("2026-03-08T06:30:00Z"), Duration.ofHours(1)).build();
    Set<String> offsets = new HashSet<>();
    g.events().forEach(e -> offsets.add(e.offset().getId()));
    // DST starts 2026-03-08 at 07:00 UTC in New York: -05:00 before, -04:00 after.
    assertEquals(Set.of("-05:00", "-04:00"), offsets);
  }

  @Test
  void trafficFollowsTheHourlyShape() {
    LogGenerator g = LogGenerator.builder().seed(8).traffic(Traffic.sessionsPerHour(3_000))
        .window(Instant.parse("2026-03-03T00:00:00Z"), Duration.ofDays(1)).build();
    Map<Integer, Integer> perHour = new HashMap<>();
    g.iterator(s -> perHour.merge(s.start().atZone(java.time.ZoneOffset.UTC).getHour(), 1,
        Integer::sum)).forEachRemaining(e -> { });
    double peak = Math.max(perHour.get(20), perHour.get(19));
    double trough = Math.min(perHour.get(4), perHour.get(3));
    assertTrue(peak / trough > 3.0 && peak / trough < 6.5, "peak/trough " + peak / trough);
  }

  @Test
  void customModelWithNearAbsorbingLoopEndsAtTheBound() {
    TransitionMatrix loop = TransitionMatrix.builder()
        .from("START").to("BROWSING", 1.0)
        .from("BROWSING").to("BROWSING", 0.999999).to("END", 0.000001)
        .build();
    LogGenerator g = LogGenerator.builder().seed(4).model(loop)
        .sessions(SessionSettings.DEFAULT.withLimits(Duration.ofMinutes(10), 300))
        .window(START, Duration.ofMinutes(30)).build();
    List<Session> sessions = new ArrayList<>();
    g.iterator(sessions::add).forEachRemaining(e -> { });
    assertFalse(sessions.isEmpty());
    assertTrue(sessions.stream().filter(s -> s.visitor().kind() == VisitorKind.HUMAN)
        .allMatch(s -> s.endState().startsWith("MAX_")), "loop sessions are cut by the bounds");
    assertTrue(sessions.stream().allMatch(s -> s.requests() <= 300
        && s.duration().compareTo(Duration.ofMinutes(10)) <= 0));
  }

  // ------------------------------------------------------------ bad input

  private static String iae(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void invalidSettingsAreNamed() {
    assertEquals("sessionsPerHour must be a positive finite number (got -3.0)",
        iae(() -> Traffic.sessionsPerHour(-3)));
    assertEquals("sessionsPerHour must be a positive finite number (got NaN)",
        iae(() -> Traffic.sessionsPerHour(Double.NaN)));
    assertEquals("window duration must be positive (got PT0S)",
        iae(() -> LogGenerator.builder().window(START, Duration.ZERO)));
    assertTrue(iae(() -> Traffic.sessionsPerHour(1).withZone("Mars/Olympus"))
        .startsWith("zone 'Mars/Olympus' is not a time zone"));
    assertEquals("hourly must have 24 multipliers (got 3)",
        iae(() -> Traffic.sessionsPerHour(1).withHourly(List.of(1.0, 2.0, 3.0))));
    assertEquals("site shop has no pages: add at least one".replace("shop", "empty"),
        iae(() -> Site.builder("empty").build()));
    assertEquals("slice index must be between 0 and 2 (got 3)",
        iae(() -> LogGenerator.builder().build().slice(3, 3)));
    assertEquals("slice count must be positive (got 0)",
        iae(() -> LogGenerator.builder().build().slice(0, 0)));
    assertTrue(iae(() -> LogGenerator.builder()
        .scenario(Scenario.flashCrowd(START, Duration.ofMinutes(5), 100, "nope")).build())
        .contains("page 'nope' is not a page of site shop"));
    // the pages as other "expected one of" messages list them, not as a Java list
    assertEquals("scenario flash-crowd: page 'nope' is not a page of site shop: expected one of "
        + String.join(", ", Sites.shop().pages().stream().map(Page::name).toList()),
        iae(() -> LogGenerator.builder()
            .scenario(Scenario.flashCrowd(START, Duration.ofMinutes(5), 100, "nope")).build()));
    assertEquals("maxDuration must be between 1 second and 1 day (got PT0S)",
        iae(() -> SessionSettings.DEFAULT.withLimits(Duration.ZERO, 10)));
    assertEquals("visitors.ipv6Share must be a share between 0 and 1 (got 1.5)",
        iae(() -> Visitors.DEFAULT.withIpv6Share(1.5)));
    assertEquals("seed was already set to 1",
        assertThrows(IllegalStateException.class, () -> LogGenerator.builder().seed(1).seed(2))
            .getMessage());
  }

  /**
   * The formats print four-digit years, so a window must lie within the years 1 to 9999 in the
   * traffic's zone, and an open window stops at the end of the year 9999.
   */
  @Test
  void windowsStayWithinTheYearsTheFormatsPrint() {
    Instant lastMinute = Instant.parse("9999-12-31T23:59:00Z");
    assertEquals("window must end by the end of the year 9999 (got 9999-12-31T23:59:00Z + 5m,"
        + " which ends at +10000-01-01T00:04:00Z)",
        iae(() -> LogGenerator.builder().window(lastMinute, Duration.ofMinutes(5)).build()));
    // +14:00: 10:30Z on the last day is already past midnight of the year 10000 there; the
    // message gives the end as the zone's local time (it printed the UTC instant followed by
    // "in zone", which read as local time)
    Traffic kiritimati = Traffic.sessionsPerHour(100).withZone("Pacific/Kiritimati");
    assertEquals("window must end by the end of the year 9999 (got 9999-12-31T09:00:00Z + 2h,"
        + " which ends at +10000-01-01T01:00+14:00 (Pacific/Kiritimati))",
        iae(() -> LogGenerator.builder().traffic(kiritimati)
            .window(Instant.parse("9999-12-31T09:00:00Z"), Duration.ofHours(2)).build()));
    // -12:00: midnight UTC of the year 1 is still the year 0 there
    Traffic bakerIsland = Traffic.sessionsPerHour(100).withZone("Etc/GMT+12");
    assertEquals("window start must be between years 1 and 9999 (got 0001-01-01T00:00:00Z, which"
        + " is 0000-12-31T12:00-12:00 (Etc/GMT+12))",
        iae(() -> LogGenerator.builder().traffic(bakerIsland)
            .window(Instant.parse("0001-01-01T00:00:00Z"), Duration.ofHours(1)).build()));
    LogGenerator.builder().window(lastMinute, Duration.ofMinutes(1)).build(); // ends exactly

    // An open window from 23:50 ends with the year: every event is in the year 9999.
    Iterator<AccessEvent> open = LogGenerator.builder().seed(3).window(
        Instant.parse("9999-12-31T23:50:00Z"), null).build().iterator();
    long n = 0;
    long last = 0;
    while (open.hasNext()) {
      last = open.next().epochMillis();
      n++;
    }
    assertTrue(n > 100, "events in the last ten minutes: " + n);
    assertTrue(last >= Instant.parse("9999-12-31T23:59:00Z").toEpochMilli()
        && last < Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli(),
        "last event " + Instant.ofEpochMilli(last));
  }

  @Test
  void siteValidationNamesPagesAndPlaceholders() {
    assertTrue(iae(() -> Site.builder("s").page(Page.html("a", "/a/{id}")).landing("a", 1)
        .build()).contains("uses placeholder {id} in '/a/{id}' but no param 'id' is declared"));
    assertTrue(iae(() -> Site.builder("s").page(Page.html("a", "/a")).landing("b", 1).build())
        .contains("landing names unknown page 'b'"));
    // before: built, and anonymous visitors got the page (200), never the promised 302
    assertEquals("site s: page acct requires a login (loginRequired) but no page has the role"
        + " LOGIN_FORM, where a visitor not signed in is sent: give the login page that role,"
        + " or drop loginRequired", iae(() -> Site.builder("s").page(Page.html("a", "/a"))
            .page(Page.html("acct", "/acct").withLoginRequired(true)).landing("a", 1)
            .link("a", "acct", 1).build()));
    assertEquals("page x: path must start with '/' (got 'x')", iae(() -> Page.html("x", "x")));
    assertEquals("page p: errorRate must be a probability between 0 and 1 (got 2.0)",
        iae(() -> Page.html("p", "/p").withErrorRates(2, 0)));
  }

  /**
   * Events have millisecond times, and so has the window: before, a start of 00:00:00.0005 was
   * reported as given while the run began at 00:00:00.000, so its first lines (and the Spark
   * manifest's parts) came before the start it reported.
   */
  @Test
  void aStartOrDurationFinerThanAMillisecondIsCutToTheMillisecond() {
    Instant fine = Instant.parse("2026-01-01T00:00:00.000500Z");
    LogGenerator g = LogGenerator.builder().seed(3).traffic(Traffic.sessionsPerHour(20_000))
        .window(fine, Duration.ofMinutes(2).plusNanos(700_000)).build();
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), g.start());
    assertEquals(Duration.ofMinutes(2), g.duration());
    List<AccessEvent> events = all(g);
    assertFalse(events.isEmpty());
    Instant end = g.start().plus(g.duration());
    for (AccessEvent e : events) {
      assertTrue(!e.instant().isBefore(g.start()) && e.instant().isBefore(end), e.toString());
    }
    // before 1970 too: the millisecond is the one before in time, as the events' are
    LogGenerator old = LogGenerator.builder().seed(3)
        .window(Instant.parse("1969-12-31T23:59:59.999900Z"), Duration.ofHours(1)).build();
    assertEquals(Instant.parse("1969-12-31T23:59:59.999Z"), old.start());
  }

  /**
   * A one-minute block numbers its sessions within 2^24 ids: scenarios that each fit their own
   * cap but overlap (five flash crowds at the largest rate) would spill into the next block's
   * ids, so build() refuses them. One flash crowd at the largest rate on top of the largest
   * traffic, and as many crowds as fit side by side, stay allowed.
   */
  @Test
  void overlappingScenariosMustFitTheBlocksSessionIds() {
    Site one = Site.builder("one").page(Page.html("home", "/")).landing("home", 1).build();
    Visitors quiet = Visitors.DEFAULT.withBots(0, 0).withMonitorInterval(Duration.ZERO);
    LogGenerator.Builder five = LogGenerator.builder().seed(1).site(one)
        .traffic(Traffic.sessionsPerHour(1).flat()).visitors(quiet)
        .window(START, Duration.ofMinutes(2));
    for (int i = 0; i < 5; i++) {
      five.scenario(Scenario.flashCrowd(START, Duration.ofMinutes(2), 240_000_000, "home"));
    }
    String m = iae(five::build);
    assertEquals("scenarios overlapping at 2026-03-02T08:00:00Z start 1200000001 sessions per"
        + " hour: scenarios[0] flash-crowd (240000000 sessions per hour), scenarios[1]"
        + " flash-crowd (240000000 sessions per hour), scenarios[2] flash-crowd (240000000"
        + " sessions per hour), scenarios[3] flash-crowd (240000000 sessions per hour),"
        + " scenarios[4] flash-crowd (240000000 sessions per hour), with the traffic's peak of 1"
        + " and the monitor's 0; at most 960000000 sessions per hour can be generated at any"
        + " instant (a one-minute block has 2^24 session ids)", m);

    // The same five one after the other do not overlap: allowed.
    LogGenerator.Builder apart = LogGenerator.builder().seed(1).site(one)
        .traffic(Traffic.sessionsPerHour(1).flat()).visitors(quiet)
        .window(START, Duration.ofMinutes(10));
    for (int i = 0; i < 5; i++) {
      apart.scenario(Scenario.flashCrowd(START.plus(Duration.ofMinutes(2 * i)),
          Duration.ofMinutes(2), 240_000_000, "home"));
    }
    assertEquals(5, apart.build().scenarios().size());

    // The largest traffic, the monitor every second, one crowd at the largest rate and a
    // credential-stuffing attack at its largest: allowed, as before.
    Traffic max = Traffic.sessionsPerHour(240_000_000).flat()
        .withBurst(START, Duration.ofMinutes(10), 2);
    LogGenerator g = LogGenerator.builder().seed(1).site(Sites.shop()).traffic(max)
        .visitors(Visitors.DEFAULT.withMonitorInterval(Duration.ofSeconds(1)))
        .window(START, Duration.ofMinutes(2))
        .scenario(Scenario.flashCrowd(START, Duration.ofMinutes(2), 240_000_000, "home"))
        .scenario(Scenario.credentialStuffing(START, Duration.ofMinutes(2), 1_000_000, 10))
        .build();
    assertEquals(2, g.scenarios().size());
    // Overlapping only in part still counts where they overlap, at the later start.
    String partly = iae(() -> LogGenerator.builder().seed(1).site(Sites.shop()).traffic(max)
        .window(START, Duration.ofMinutes(10))
        .scenario(Scenario.flashCrowd(START, Duration.ofMinutes(5), 240_000_000, "home"))
        .scenario(Scenario.flashCrowd(START.plus(Duration.ofMinutes(4)), Duration.ofMinutes(5),
            240_000_000, "home"))
        .build());
    assertTrue(partly.startsWith("scenarios overlapping at 2026-03-02T08:04:00Z start"), partly);
  }

  /**
   * A monitor interval too long for {@code toMillis()} threw an ArithmeticException, and one of
   * {@code Long.MAX_VALUE} milliseconds overflowed the check times; both are refused now.
   */
  @Test
  void aMonitorIntervalBeyondTheLongestWindowIsRefused() {
    assertEquals("visitors.monitorInterval must be 0 (no monitor) or between 1 second and 366000"
        + " days (got PT2562047788015215H30M7S)",
        iae(() -> Visitors.DEFAULT.withMonitorInterval(Duration.ofSeconds(Long.MAX_VALUE))));
    assertEquals("visitors.monitorInterval must be 0 (no monitor) or between 1 second and 366000"
        + " days (got PT2562047788015H12M55.807S)",
        iae(() -> new Visitors(0.45, 0.15, 0.10, 0.5, 0.10, 0.015,
            Duration.ofMillis(Long.MAX_VALUE))));
    assertEquals("visitors.monitorInterval must be 0 (no monitor) or between 1 second and 366000"
        + " days (got PT0.999S)",
        iae(() -> Visitors.DEFAULT.withMonitorInterval(Duration.ofMillis(999))));
    assertEquals(Visitors.MAX_MONITOR_INTERVAL,
        Visitors.DEFAULT.withMonitorInterval(Visitors.MAX_MONITOR_INTERVAL).monitorInterval());
    assertEquals(Duration.ofSeconds(1),
        Visitors.DEFAULT.withMonitorInterval(Duration.ofSeconds(1)).monitorInterval());
  }

  /**
   * A custom model whose states() held a null passed build() and failed with a bare
   * NullPointerException in the simulator; build() names the index now.
   */
  @Test
  void aNullStateNameIsRefusedNamingItsIndex() {
    TransitionMatrix m = TransitionMatrix.builder().from(States.START).to(States.END, 1).build();
    dev.loggen.core.engine.SessionModel withNull = new dev.loggen.core.engine.SessionModel() {
      @Override
      public List<String> states() {
        return java.util.Arrays.asList(States.START, null, States.END);
      }

      @Override
      public int startState() {
        return 0;
      }

      @Override
      public int next(int state, dev.loggen.core.random.Rng rng) {
        return 2;
      }

      @Override
      public boolean isTerminal(int state) {
        return state == 2;
      }

      @Override
      public String toString() {
        return "WithNull";
      }
    };
    assertEquals("model.states[1] is null: expected a state name (model WithNull)",
        iae(() -> LogGenerator.builder().model(withNull).build()));
    assertEquals(List.of(States.START, States.END),
        LogGenerator.builder().model(m).build().model().states());
  }

  /** A fragment never reaches a server: '#' in a page or asset path was logged as it was. */
  @Test
  void aPathWithAFragmentIsRefused() {
    assertEquals("page p: path must not contain '#': browsers never send a fragment (got"
        + " '/p#frag', position 3)", iae(() -> Page.html("p", "/p#frag")));
    assertEquals("asset path must not contain '#': browsers never send a fragment (got"
        + " '/a.css#x', position 7)", iae(() -> Asset.of("/a.css#x", ContentType.CSS)));
    assertEquals("/p/{id}", Page.html("p", "/p/{id}").path());
  }
}
