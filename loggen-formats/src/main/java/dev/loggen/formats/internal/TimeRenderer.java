package dev.loggen.formats.internal;

/**
 * Renders one {@link Strftime} pattern for one renderer, caching the bytes of the last second:
 * within a second a line costs one array copy (plus the sub-second digits, if any). Not
 * thread-safe.
 */
final class TimeRenderer {
  private final Strftime pattern;
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
    this.pattern = pattern;
    this.fracAt = new int[pattern.fracCount()];
    this.fracWidth = new int[pattern.fracCount()];
    for (int i = 0; i < fracWidth.length; i++) {
      fracWidth[i] = pattern.fracWidth(i);
    }
    this.patchable = pattern.patchableWithinDay();
  }

  /** Renders a new second: patches the time of day when only that changed, else renders all. */
  private void refresh(long sec, int offsetSeconds) {
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
   */
  void append(Bytes o, long epochMillis, int offsetSeconds, int subMilliMicros) {
    long sec = Math.floorDiv(epochMillis, 1000L);
    if (sec != keySecond || offsetSeconds != keyOffset) {
      refresh(sec, offsetSeconds);
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
}
