package dev.loggen.formats.internal;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Renders one {@link Strftime} pattern for one renderer, caching the bytes of the last second:
 * within a second a line costs one array copy (plus the sub-second digits, if any). Only times
 * in the years 1 to 9999 (in the offset they are printed in) are rendered, with the four-digit
 * years a server writes; that is checked when the cache is rendered anew (a new day, or
 * a new second where the pattern cannot be patched), so it costs a line nothing. Not
 * thread-safe.
 */
final class TimeRenderer {
  /** 0001-01-01T00:00:00 as a local epoch second: the first second the formats print. */
  static final long FIRST_LOCAL_SECOND = -62_135_596_800L;
  /** 9999-12-31T23:59:59 as a local epoch second: the last second the formats print. */
  static final long LAST_LOCAL_SECOND = 253_402_300_799L;

  private final Strftime pattern;
  /** Whether the times are the request's end ({@code %{end:...}t}), for messages. */
  private final boolean end;
  private final Civil civil = new Civil();
  private final Bytes cached = new Bytes(64);
  private final int[] fracAt;
  private final int[] fracWidth;
  private final boolean patchable;
  private final int[] hmsAt = new int[3];
  private long keySecond = Long.MIN_VALUE;
  private int keyOffset = Integer.MIN_VALUE;
  /** Local epoch second of the midnight starting the cached day. */
  private long dayStart = Long.MIN_VALUE;

  TimeRenderer(Strftime pattern) {
    this(pattern, false);
  }

  TimeRenderer(Strftime pattern, boolean end) {
    this.pattern = pattern;
    this.end = end;
    this.fracAt = new int[pattern.fracCount()];
    this.fracWidth = new int[pattern.fracCount()];
    for (int i = 0; i < fracWidth.length; i++) {
      fracWidth[i] = pattern.fracWidth(i);
    }
    this.patchable = pattern.patchableWithinDay();
  }

  /**
   * Renders a new second: patches the time of day when only that changed, else renders all
   * (after checking that the day is one the formats print).
   */
  private void refresh(long epochMillis, long sec, int offsetSeconds) {
    long local = sec + offsetSeconds;
    if (patchable && offsetSeconds == keyOffset && local >= dayStart
        && local - dayStart < 86_400L) {
      int secondOfDay = (int) (local - dayStart);
      if (hmsAt[0] >= 0) {
        cached.setPadded(hmsAt[0], secondOfDay / 3600, 2);
      }
      if (hmsAt[1] >= 0) {
        cached.setPadded(hmsAt[1], secondOfDay / 60 % 60, 2);
      }
      if (hmsAt[2] >= 0) {
        cached.setPadded(hmsAt[2], secondOfDay % 60, 2);
      }
    } else {
      // before the cache is touched: a refused time leaves it as it was
      checkRange(epochMillis, offsetSeconds, end);
      cached.reset();
      civil.set(sec, offsetSeconds);
      pattern.render(civil, cached, fracAt, hmsAt);
      keyOffset = offsetSeconds;
      dayStart = Math.floorDiv(local, 86_400L) * 86_400L;
    }
    keySecond = sec;
  }

  /**
   * Appends the time.
   *
   * @param o the line
   * @param epochMillis the instant
   * @param offsetSeconds the zone offset to print it in
   * @param subMilliMicros microseconds within the millisecond (0..999), for {@code %6N}
   * @throws IllegalArgumentException for a time outside the years 1 to 9999 at that offset
   */
  void append(Bytes o, long epochMillis, int offsetSeconds, int subMilliMicros) {
    long sec = Math.floorDiv(epochMillis, 1000L);
    if (sec != keySecond || offsetSeconds != keyOffset) {
      refresh(epochMillis, sec, offsetSeconds);
    }
    int start = o.len;
    o.put(cached.buf, 0, cached.len);
    if (fracAt.length > 0) {
      int millis = (int) Math.floorMod(epochMillis, 1000L);
      for (int i = 0; i < fracAt.length; i++) {
        if (fracWidth[i] == 3) {
          o.setPadded(start + fracAt[i], millis, 3);
        } else {
          o.setPadded(start + fracAt[i], millis * 1000L + subMilliMicros, 6);
        }
      }
    }
  }

  /**
   * Checks that a time falls in the years 1 to 9999 in {@code offsetSeconds}, the years the
   * formats print (with four digits, as servers do).
   *
   * @param epochMillis the time
   * @param offsetSeconds the offset it is printed in
   * @param end whether it is the request's end (epochMillis plus the response time)
   * @throws IllegalArgumentException naming the time, its year and the range at that offset
   */
  static void checkRange(long epochMillis, int offsetSeconds, boolean end) {
    long local = Math.floorDiv(epochMillis, 1000L) + offsetSeconds;
    if (local < FIRST_LOCAL_SECOND || local > LAST_LOCAL_SECOND) {
      throw outOfRange(epochMillis, offsetSeconds, end);
    }
  }

  private static IllegalArgumentException outOfRange(long epochMillis, int offsetSeconds,
      boolean end) {
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetSeconds);
    String at = offsetSeconds == 0 ? "+00:00" : offset.getId();
    long year = Instant.ofEpochMilli(epochMillis).atOffset(offset).getYear();
    String what = end
        ? "the request's end, epochMillis + responseTimeMicros / 1000 = " + epochMillis + " ("
        : "epochMillis " + epochMillis + " (";
    return new IllegalArgumentException(what + "year " + year + " at offset " + at
        + ") is outside the years 1 to 9999 that the formats print: at that offset, expected"
        + " epochMillis from " + (FIRST_LOCAL_SECOND - offsetSeconds) * 1000 + " to "
        + ((LAST_LOCAL_SECOND - offsetSeconds) * 1000 + 999));
  }
}
