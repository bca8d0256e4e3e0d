package dev.loggen.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One line of progress on a terminal, rewritten in place with {@code \r} at most four times a
 * second: lines written, the simulated time reached, lines per second, and the time left when
 * the run has an end.
 *
 * <p>Thread-safe: a warning may come from a sink's background thread while the writing thread
 * updates the line; {@link #println} clears the line first, and the next update redraws it.
 */
final class ProgressLine {
  private static final long INTERVAL_NANOS = 250_000_000L;

  private final PrintStream err;
  private final LongSupplier nanos;
  private final long startNanos;
  private final long windowStart;
  private final long windowEnd;
  private final long limit;
  private long lastPrint;
  private long lastLines;
  private long lastNanos;
  private double rate;
  private int width;

  /**
   * @param err where to print
   * @param nanos the monotonic clock
   * @param windowStart start of the simulated window (epoch millis)
   * @param windowEnd end of the window, or {@code Long.MAX_VALUE}
   * @param limit the line limit, or {@code Long.MAX_VALUE}
   */
  ProgressLine(PrintStream err, LongSupplier nanos, long windowStart, long windowEnd,
      long limit) {
    this.err = err;
    this.nanos = nanos;
    this.startNanos = nanos.getAsLong();
    this.lastNanos = startNanos;
    this.lastPrint = startNanos - INTERVAL_NANOS;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.limit = limit;
  }

  /** Prints when a quarter of a second has passed since the last print. */
  synchronized void update(long lines, long eventMillis) {
    long now = nanos.getAsLong();
    if (now - lastPrint < INTERVAL_NANOS) {
      return;
    }
    lastPrint = now;
    long dn = now - lastNanos;
    if (dn > 0) {
      double r = (lines - lastLines) * 1e9 / dn;
      rate = rate == 0 ? r : 0.5 * rate + 0.5 * r;
    }
    lastLines = lines;
    lastNanos = now;
    String text = String.format(Locale.ROOT, "%,d lines  at %s  %,.0f lines/s%s", lines,
        eventMillis == 0 ? "-" : Instant.ofEpochMilli(eventMillis).toString(), rate,
        eta(lines, eventMillis, now));
    print(text);
  }

  private String eta(long lines, long eventMillis, long now) {
    double done = 0;
    if (windowEnd != Long.MAX_VALUE && eventMillis > windowStart) {
      done = (double) (eventMillis - windowStart) / (windowEnd - windowStart);
    }
    if (limit != Long.MAX_VALUE) {
      done = Math.max(done, (double) lines / limit);
    }
    if (done <= 0.001 || done >= 1) {
      return "";
    }
    long seconds = Math.round((now - startNanos) / 1e9 * (1 - done) / done);
    return String.format(Locale.ROOT, "  ETA %d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
        seconds % 60);
  }

  private void print(@Nullable String text) {
    String t = text == null ? "" : text;
    StringBuilder sb = new StringBuilder("\r").append(t);
    for (int i = t.length(); i < width; i++) {
      sb.append(' ');
    }
    if (text == null) {
      sb.append('\r');
    }
    width = t.length();
    err.print(sb);
    err.flush();
  }

  /** Clears the line, so that what follows starts at the left. */
  synchronized void clear() {
    if (width > 0) {
      print(null);
    }
  }

  /** Prints a line of its own: clears the progress line first (the next update redraws it). */
  synchronized void println(String line) {
    clear();
    err.println(line);
    err.flush();
  }
}
