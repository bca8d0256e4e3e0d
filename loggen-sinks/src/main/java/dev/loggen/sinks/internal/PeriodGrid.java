package dev.loggen.sinks.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The boundaries of rotation periods in a time zone: periods that divide a day evenly start at
 * local midnight and every period after it (hourly: at every full local hour); periods of whole
 * days start at local midnight, counted from 1970-01-01 (a period of one day is daily at local
 * midnight), or from a Monday for whole weeks ({@code P7D} is weekly from Monday). Around
 * daylight-saving changes a period follows local time: the repeated hour in autumn belongs to
 * one longer period (the one running when the clocks go back, whichever pass through the hour
 * an instant is on), the skipped hour in spring makes one shorter.
 *
 * <p>Instants from the start of year 1 to the end of year 9999 (UTC) have periods; others are
 * refused ({@link #checkTime(long)}), which keeps every boundary far from the ends of
 * {@code long} milliseconds and every date in a name at four digits.
 *
 * @param period the length of a period: positive, whole milliseconds, dividing a day evenly or
 *     a whole number of days
 * @param zone the zone whose local time the boundaries follow
 */
public record PeriodGrid(Duration period, ZoneId zone) {
  private static final long DAY = 86_400_000L;
  /** The first instant that has a period: 0001-01-01T00:00:00Z. */
  public static final long MIN_MILLIS = -62_135_596_800_000L;
  /** The last instant that has a period: 9999-12-31T23:59:59.999Z. */
  public static final long MAX_MILLIS = 253_402_300_799_999L;

  /**
   * Checks the period.
   *
   * @param period the period length
   * @param zone the zone
   */
  public PeriodGrid {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(zone, "zone");
    String problem = problem(period);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** The longest period: as many whole days as fit a long count of milliseconds. */
  private static final Duration MAX_PERIOD = Duration.ofDays(Long.MAX_VALUE / DAY);

  /**
   * What is wrong with {@code period} as a rotation period, or {@code null} when it is fine.
   *
   * @param period the period to check
   * @return a message naming the value, or {@code null}
   */
  public static @Nullable String problem(Duration period) {
    if (period.isNegative() || period.isZero()) {
      return "period must be positive (got " + period + ")";
    }
    if (period.getNano() % 1_000_000 != 0) {
      return "period must be a whole number of milliseconds (got " + period + ")";
    }
    if (period.compareTo(MAX_PERIOD) > 0) {
      return "period must be at most " + MAX_PERIOD.toDays() + " days (got " + period + ")";
    }
    long ms = period.toMillis();
    if (DAY % ms != 0 && ms % DAY != 0) {
      return String.format(Locale.ROOT,
          "period must divide a day evenly or be a whole number of days (got %s)", period);
    }
    return null;
  }

  /**
   * Checks that {@code epochMillis} has a period: that it lies from {@link #MIN_MILLIS} to
   * {@link #MAX_MILLIS}.
   *
   * @param epochMillis an instant
   * @throws IllegalArgumentException naming the instant and the range when it does not
   */
  public static void checkTime(long epochMillis) {
    if (epochMillis < MIN_MILLIS || epochMillis > MAX_MILLIS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "time %d (%s) is outside the range time rotation supports, %s to %s", epochMillis,
          Instant.ofEpochMilli(epochMillis), Instant.ofEpochMilli(MIN_MILLIS),
          Instant.ofEpochMilli(MAX_MILLIS)));
    }
  }

  private long millis() {
    return period.toMillis();
  }

  /**
   * The start of the period that holds {@code epochMillis}.
   *
   * @param epochMillis an instant
   * @return the first millisecond of its period
   * @throws IllegalArgumentException when the instant has no period (see
   *     {@link #checkTime(long)})
   */
  public long start(long epochMillis) {
    return bounds(epochMillis)[0];
  }

  /**
   * The end of the period that holds {@code epochMillis}: the first millisecond of the next.
   *
   * @param epochMillis an instant
   * @return the next boundary after it, always greater than {@code epochMillis}
   * @throws IllegalArgumentException when the instant has no period (see
   *     {@link #checkTime(long)})
   */
  public long end(long epochMillis) {
    return bounds(epochMillis)[1];
  }

  private long[] bounds(long t) {
    checkTime(t);
    ZonedDateTime z = Instant.ofEpochMilli(t).atZone(zone);
    ZoneOffsetTransition overlap = zone.getRules().getTransition(z.toLocalDateTime());
    if (overlap != null && overlap.isOverlap() && z.getOffset().equals(overlap.getOffsetAfter())) {
      // the second pass through a repeated local hour: local boundaries in it stand for the
      // first pass, so this instant belongs to the period that runs on from the first pass
      // (the one holding the last millisecond before the clocks went back)
      return bounds(overlap.toEpochSecond() * 1000 - 1);
    }
    long p = millis();
    long start;
    long end;
    if (p % DAY == 0) {
      long days = p / DAY;
      // whole weeks start on a Monday (1970-01-05 is epoch day 4), other spans on 1970-01-01
      long anchor = days % 7 == 0 ? 4 : 0;
      long first = Math.floorDiv(z.toLocalDate().toEpochDay() - anchor, days) * days + anchor;
      start = toMillis(LocalDate.ofEpochDay(first).atStartOfDay(zone));
      end = toMillis(LocalDate.ofEpochDay(first + days).atStartOfDay(zone));
    } else {
      LocalDateTime midnight = z.toLocalDate().atStartOfDay();
      long msOfDay = z.toLocalTime().toNanoOfDay() / 1_000_000L;
      long k = msOfDay / p;
      LocalDateTime s = midnight.plus(Duration.ofMillis(k * p));
      LocalDateTime e = midnight.plus(Duration.ofMillis((k + 1) * p));
      start = toMillis(ZonedDateTime.ofLocal(s, zone, null));
      end = toMillis(ZonedDateTime.ofLocal(e, zone, null));
    }
    if (start > t) {
      start = t;
    }
    if (end <= t) {
      end = t + 1;
    }
    return new long[] {start, end};
  }

  private static long toMillis(ZonedDateTime z) {
    return z.toInstant().toEpochMilli();
  }

  /**
   * A {@code java.time} date pattern just fine enough to tell periods apart, for
   * logrotate-style names: {@code yyyy-MM-dd} for days, {@code yyyy-MM-dd-HH} for hours,
   * {@code yyyy-MM-dd-HHmm} for minutes, {@code yyyy-MM-dd-HHmmss} for seconds, and
   * {@code yyyy-MM-dd-HHmmssSSS} below that.
   *
   * @return the pattern
   */
  public String dateFormat() {
    long p = millis();
    if (p % DAY == 0) {
      return "yyyy-MM-dd";
    }
    if (p % 3_600_000L == 0) {
      return "yyyy-MM-dd-HH";
    }
    if (p % 60_000L == 0) {
      return "yyyy-MM-dd-HHmm";
    }
    if (p % 1000L == 0) {
      return "yyyy-MM-dd-HHmmss";
    }
    return "yyyy-MM-dd-HHmmssSSS";
  }
}
