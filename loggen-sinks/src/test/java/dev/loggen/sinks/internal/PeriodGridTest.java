package dev.loggen.sinks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PeriodGridTest {
  private static final ZoneId NY = ZoneId.of("America/New_York");

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void dailyAtLocalMidnight() {
    PeriodGrid g = new PeriodGrid(Duration.ofDays(1), NY);
    long t = at("2026-01-02T03:00:00Z"); // 22:00 on the 1st in New York
    assertEquals(at("2026-01-01T05:00:00Z"), g.start(t));
    assertEquals(at("2026-01-02T05:00:00Z"), g.end(t));
    assertEquals("yyyy-MM-dd", g.dateFormat());
  }

  @Test
  void weeksStartOnMonday() {
    PeriodGrid g = new PeriodGrid(Duration.ofDays(7), ZoneOffset.UTC);
    long t = at("2026-01-01T12:00:00Z"); // a Thursday
    assertEquals(at("2025-12-29T00:00:00Z"), g.start(t));
    assertEquals(at("2026-01-05T00:00:00Z"), g.end(t));
  }

  @Test
  void hourlyAcrossDaylightSavingChanges() {
    PeriodGrid g = new PeriodGrid(Duration.ofHours(1), NY);
    // spring forward 2026-03-08: 02:00 EST -> 03:00 EDT; 01:30 EST is 06:30Z
    assertEquals(at("2026-03-08T07:00:00Z"), g.end(at("2026-03-08T06:30:00Z")));
    assertEquals(at("2026-03-08T07:00:00Z"), g.start(at("2026-03-08T07:10:00Z")));
    // fall back 2026-11-01: 01:00-02:00 happens twice; both are one period, 05:00Z-07:00Z
    assertEquals(at("2026-11-01T05:00:00Z"), g.start(at("2026-11-01T06:30:00Z")));
    assertEquals(at("2026-11-01T07:00:00Z"), g.end(at("2026-11-01T05:30:00Z")));
    assertEquals("yyyy-MM-dd-HH", g.dateFormat());
  }

  @Test
  void timesOutsideYearsOneToNineThousandNineHundredNinetyNineAreRefusedNamingTheValue() {
    String range = " is outside the range time rotation supports, 0001-01-01T00:00:00Z to"
        + " 9999-12-31T23:59:59.999Z";
    for (Duration p : new Duration[] {Duration.ofDays(1), Duration.ofHours(1),
        Duration.ofDays(7)}) {
      PeriodGrid g = new PeriodGrid(p, NY);
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> g.end(Long.MAX_VALUE));
      assertEquals("time 9223372036854775807 (+292278994-08-17T07:12:55.807Z)" + range,
          e.getMessage(), p::toString);
      e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> g.start(Long.MIN_VALUE));
      assertEquals("time -9223372036854775808 (-292275055-05-16T16:47:04.192Z)" + range,
          e.getMessage(), p::toString);
      long last = at("9999-12-31T23:59:59.999Z");
      assertTrue(g.end(last) > last, p::toString);
      assertTrue(g.start(at("0001-01-01T00:00:00Z")) <= at("0001-01-01T00:00:00Z"),
          p::toString);
      org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> g.end(last + 1));
      org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> g.start(at("0001-01-01T00:00:00Z") - 1));
    }
  }

  static Stream<Arguments> fallBackDays() {
    return Stream.of(Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30),
        Duration.ofMinutes(40), Duration.ofHours(1), Duration.ofHours(2)).flatMap(p -> Stream.of(
        Arguments.of(p, "Europe/Berlin", "2026-10-24T22:00:00Z"),
        Arguments.of(p, "America/New_York", "2026-11-01T03:00:00Z"),
        Arguments.of(p, "Australia/Lord_Howe", "2026-04-04T13:00:00Z")));
  }

  /**
   * On the day clocks go back, minute by minute through the repeated hour: every instant lies
   * in a period that holds it, and every instant of that period maps to the same period. A
   * sink that starts inside the repeated hour (or meets it after a restart) therefore gets one
   * period, not a new file for every line.
   */
  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("fallBackDays")
  void theRepeatedHourBelongsToOnePeriodWhereverASinkStarts(Duration period, String zone,
      String from) {
    PeriodGrid g = new PeriodGrid(period, ZoneId.of(zone));
    long t0 = at(from);
    for (long t = t0; t < t0 + 6 * 3_600_000L; t += 60_000L) {
      long start = g.start(t);
      long end = g.end(t);
      assertTrue(start <= t && t < end, g + " at " + Instant.ofEpochMilli(t));
      assertTrue(end - start >= period.toMillis() / 2, g + " at " + Instant.ofEpochMilli(t)
          + ": a period of " + Duration.ofMillis(end - start));
      for (long u = start; u < end; u += 60_000L) {
        assertEquals(start, g.start(u), g + ": " + Instant.ofEpochMilli(u) + " lies in the"
            + " period of " + Instant.ofEpochMilli(t));
        assertEquals(end, g.end(u), g + ": " + Instant.ofEpochMilli(u) + " lies in the"
            + " period of " + Instant.ofEpochMilli(t));
      }
    }
  }

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 6).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void periodsTileTimeWithoutGapsOrOverlaps(long seed) {
    System.out.println("PeriodGrid seed=" + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    Duration[] periods = {Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6),
        Duration.ofDays(1), Duration.ofDays(7), Duration.ofSeconds(30)};
    ZoneId[] zones = {ZoneOffset.UTC, NY, ZoneId.of("Asia/Kolkata"),
        ZoneId.of("Australia/Lord_Howe")};
    PeriodGrid g = new PeriodGrid(periods[rnd.nextInt(periods.length)],
        zones[rnd.nextInt(zones.length)]);
    long t = at("2026-01-01T00:00:00Z") + rnd.nextLong(86_400_000L * 300);
    for (int i = 0; i < 500; i++) {
      long start = g.start(t);
      long end = g.end(t);
      assertTrue(start <= t && t < end, g + " at " + t);
      assertEquals(end, g.start(end), g + ": the next period starts where this one ends");
      t = end + rnd.nextLong(Math.max(1, end - start));
    }
  }

  @Test
  void rejectsPeriodsThatDoNotTile() {
    assertNotNull(PeriodGrid.problem(Duration.ofMinutes(7)));
    assertNotNull(PeriodGrid.problem(Duration.ofHours(25)));
    assertNotNull(PeriodGrid.problem(Duration.ofNanos(1500)));
    assertNull(PeriodGrid.problem(Duration.ofDays(3)));
    assertNull(PeriodGrid.problem(Duration.ofMillis(250)));
  }
}
