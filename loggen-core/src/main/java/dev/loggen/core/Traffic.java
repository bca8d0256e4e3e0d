package dev.loggen.core;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How many sessions arrive when: a base rate of sessions per hour (the daily average), shaped by
 * 24 hourly and 7 weekday multipliers in the site's time zone, plus bursts. Sessions arrive as a
 * Poisson process with this time-varying rate. Immutable; {@code withX} methods return copies.
 *
 * <pre>{@code
 * Traffic t = Traffic.sessionsPerHour(2_000).withZone(ZoneId.of("Europe/Berlin"));
 * }</pre>
 *
 * @param sessionsPerHour the average number of new sessions per hour over a week
 * @param hourly 24 relative multipliers for local hours 0 to 23 (scaled to a mean of 1; values
 *     whose mean is 1 to within 10^-12 are kept as they are)
 * @param weekday 7 relative multipliers for Monday to Sunday (scaled to a mean of 1, as
 *     {@code hourly})
 * @param zone the site's time zone: shapes the day and gives timestamps their offset
 * @param bursts extra multipliers for time windows
 */
public record Traffic(double sessionsPerHour, List<Double> hourly, List<Double> weekday,
    ZoneId zone, List<Burst> bursts) {

  /** A realistic diurnal curve: a trough around 4:00, a peak in the evening, ~4.6x apart. */
  public static final List<Double> DIURNAL = List.of(0.60, 0.45, 0.38, 0.33, 0.32, 0.36, 0.48,
      0.66, 0.88, 1.05, 1.18, 1.27, 1.32, 1.32, 1.28, 1.24, 1.24, 1.28, 1.38, 1.46, 1.48, 1.36,
      1.08, 0.82);
  /** Slightly busier weekdays than weekends. */
  public static final List<Double> WEEKLY = List.of(1.05, 1.06, 1.05, 1.03, 0.98, 0.88, 0.95);
  private static final List<Double> FLAT_DAY = Collections.nCopies(24, 1.0);
  private static final List<Double> FLAT_WEEK = Collections.nCopies(7, 1.0);
  /**
   * How close to 1 the mean of multipliers must be to count as already scaled: such values are
   * kept as they are, so that scaling is idempotent and a copy equals its original.
   */
  private static final double NORMAL_TOLERANCE = 1e-12;

  /** Checks and normalises the fields. */
  public Traffic {
    if (!(sessionsPerHour > 0) || Double.isInfinite(sessionsPerHour)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "sessionsPerHour must be a positive finite number (got %s)", sessionsPerHour));
    }
    hourly = normalise("hourly", hourly, 24);
    weekday = normalise("weekday", weekday, 7);
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(bursts, "bursts");
    for (int i = 0; i < bursts.size(); i++) {
      if (bursts.get(i) == null) {
        throw new NullPointerException("bursts[" + i + "] is null");
      }
    }
    bursts = List.copyOf(bursts);
  }

  /** {@code n} sessions per hour on average, with the default diurnal and weekly shape, UTC. */
  public static Traffic sessionsPerHour(double n) {
    return new Traffic(n, DIURNAL, WEEKLY, ZoneOffset.UTC, List.of());
  }

  /** A copy with another average rate. */
  public Traffic withSessionsPerHour(double n) {
    return new Traffic(n, hourly, weekday, zone, bursts);
  }

  /** A copy with 24 hourly multipliers for local hours 0 to 23. */
  public Traffic withHourly(List<Double> multipliers) {
    return new Traffic(sessionsPerHour, multipliers, weekday, zone, bursts);
  }

  /** A copy with 7 weekday multipliers, Monday first. */
  public Traffic withWeekday(List<Double> multipliers) {
    return new Traffic(sessionsPerHour, hourly, multipliers, zone, bursts);
  }

  /** A copy with the same rate at every hour of every day. */
  public Traffic flat() {
    return new Traffic(sessionsPerHour, FLAT_DAY, FLAT_WEEK, zone, bursts);
  }

  /** A copy in another time zone. */
  public Traffic withZone(ZoneId newZone) {
    return new Traffic(sessionsPerHour, hourly, weekday, newZone, bursts);
  }

  /** A copy in the zone with the given id; the message names the id when it does not exist. */
  public Traffic withZone(String zoneId) {
    try {
      return withZone(ZoneId.of(zoneId));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("zone '" + zoneId
          + "' is not a time zone: expected a region such as Europe/Berlin or an offset such as"
          + " +02:00", e);
    }
  }

  /** A copy with one more burst. */
  public Traffic withBurst(Instant start, Duration duration, double multiplier) {
    List<Burst> b = new ArrayList<>(bursts);
    b.add(new Burst(start, duration, multiplier));
    return new Traffic(sessionsPerHour, hourly, weekday, zone, b);
  }

  /** The expected number of new sessions per hour at {@code epochMillis}. */
  public double rateAt(long epochMillis) {
    ZonedDateTime t = Instant.ofEpochMilli(epochMillis).atZone(zone);
    double r = sessionsPerHour * hourly.get(t.getHour())
        * weekday.get(t.getDayOfWeek().getValue() - 1);
    for (Burst b : bursts) {
      if (b.contains(epochMillis)) {
        r *= b.multiplier();
      }
    }
    return r;
  }

  private static List<Double> normalise(String field, List<Double> values, int size) {
    Objects.requireNonNull(values, field);
    if (values.size() != size) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s must have %d multipliers (got %d)", field, size, values.size()));
    }
    double max = 0;
    for (int i = 0; i < size; i++) {
      Double v = values.get(i);
      if (v == null || !(v >= 0) || v.isInfinite()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s[%d] must be a finite number >= 0 (got %s)", field, i, v));
      }
      max = Math.max(max, v);
    }
    if (!(max > 0)) {
      throw new IllegalArgumentException(field + " multipliers must not all be 0");
    }
    // Scaled by the largest first: the sum of values near Double.MAX_VALUE would overflow.
    double sum = 0;
    for (Double v : values) {
      sum += v / max;
    }
    if (Math.abs(sum * max / size - 1) <= NORMAL_TOLERANCE) {
      // Already scaled (a copy of a Traffic's own multipliers): kept, so that copies equal it.
      return List.copyOf(values);
    }
    List<Double> out = new ArrayList<>(size);
    for (Double v : values) {
      out.add(v / max * size / sum);
    }
    return List.copyOf(out);
  }

  /**
   * A window with more (or less) traffic.
   *
   * @param start start of the window
   * @param duration length of the window, positive
   * @param multiplier rate multiplier inside the window, at least 0
   */
  public record Burst(Instant start, Duration duration, double multiplier) {
    /** Checks the fields. */
    public Burst {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(duration, "duration");
      if (duration.compareTo(Duration.ofMillis(1)) < 0) {
        // times are whole milliseconds: a shorter burst would cover nothing, silently
        throw new IllegalArgumentException("burst duration must be at least 1 ms (got "
            + duration + ")");
      }
      try {
        Math.addExact(start.toEpochMilli(), duration.toMillis());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("burst start + duration must be representable in"
            + " epoch milliseconds (got " + start + " + " + duration + ")", e);
      }
      if (!(multiplier >= 0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "burst multiplier must be a finite number >= 0 (got %s)", multiplier));
      }
    }

    /**
     * {@return a copy that starts at {@code newStart}, otherwise the same}
     *
     * @param newStart the start
     */
    public Burst withStart(Instant newStart) {
      return new Burst(newStart, duration, multiplier);
    }

    /** Whether the burst covers {@code epochMillis}. */
    public boolean contains(long epochMillis) {
      long s = start.toEpochMilli();
      return epochMillis >= s && epochMillis < s + duration.toMillis();
    }
  }
}
