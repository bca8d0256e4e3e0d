package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Traffic's value contract: checks, scaling, copies. */
class TrafficTest {

  private static Traffic copy(Traffic t) {
    return new Traffic(t.sessionsPerHour(), t.hourly(), t.weekday(), t.zone(), t.bursts());
  }

  /**
   * The multipliers are scaled to a mean of 1 once: scaling them again kept drifting in the last
   * bit (0.6201550387596898 became ...899), so a record copy was not equal to its original.
   */
  @Test
  void aCopyFromTheAccessorsEqualsTheOriginal() {
    Traffic t = Traffic.sessionsPerHour(2_000);
    assertEquals(t, copy(t));
    List<Double> ramp = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      ramp.add(1.0 + h * 0.37);
    }
    Traffic custom = t.withHourly(ramp).withWeekday(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.5));
    assertEquals(custom, copy(custom));
    assertEquals(custom, copy(copy(custom)));
  }

  @Test
  void fiftyZoneCopiesEqualTheOriginal() {
    Traffic t = Traffic.sessionsPerHour(2_000);
    Traffic c = t;
    for (int i = 0; i < 50; i++) {
      c = c.withZone(i % 2 == 0 ? ZoneId.of("Europe/Berlin") : ZoneOffset.UTC);
    }
    assertEquals(ZoneId.of("Europe/Berlin"), c.withZone("Europe/Berlin").zone());
    assertEquals(t.hourly(), c.hourly());
    assertEquals(t.weekday(), c.weekday());
    assertEquals(t, c);
  }

  @Test
  void multipliersAreStillScaledToAMeanOfOne() {
    Traffic t = Traffic.sessionsPerHour(1).withWeekday(List.of(2.0, 2.0, 2.0, 2.0, 2.0, 4.0, 0.0));
    assertEquals(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 0.0), t.weekday());
    assertEquals(0.60 / 0.9675, Traffic.sessionsPerHour(1).hourly().get(0), 1e-15);
  }

  /** A null burst failed in List.copyOf with a NullPointerException that named nothing. */
  @Test
  void aNullBurstIsNamed() {
    Traffic t = Traffic.sessionsPerHour(1);
    List<Traffic.Burst> withNull = new ArrayList<>();
    withNull.add(new Traffic.Burst(java.time.Instant.EPOCH, java.time.Duration.ofHours(1), 2));
    withNull.add(null);
    assertEquals("bursts[1] is null", org.junit.jupiter.api.Assertions.assertThrows(
        NullPointerException.class,
        () -> new Traffic(1, t.hourly(), t.weekday(), t.zone(), withNull)).getMessage());
  }
}
