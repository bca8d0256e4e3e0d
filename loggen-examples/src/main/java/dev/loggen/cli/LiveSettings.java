package dev.loggen.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A live run, as YAML {@code live: {rate, backfill}} or the old tool's {@code pre_warm} asks
 * for it: generate {@code backfill} of history as fast as possible, then go on in real time.
 *
 * @param rate target access-log lines per second, or null to follow the traffic's own
 *     sessions per hour in real time
 * @param backfill how much history before now to generate first (zero for none)
 */
public record LiveSettings(@Nullable Double rate, Duration backfill) {
  /** The highest rate accepted, in lines per second. */
  public static final double MAX_RATE = 10_000_000;

  /** Live from now, at the traffic's own pace. */
  public static final LiveSettings NOW = new LiveSettings(null, Duration.ZERO);

  /**
   * Checks the fields.
   *
   * @param rate lines per second (positive, at most {@link #MAX_RATE}), or null
   * @param backfill history to generate first, zero or more
   */
  public LiveSettings {
    Objects.requireNonNull(backfill, "backfill");
    if (rate != null) {
      requireRate(rate);
    }
    if (backfill.isNegative()) {
      throw new IllegalArgumentException("backfill must not be negative (got " + backfill + ")");
    }
  }

  /**
   * Checks a live rate, as these settings and {@link LiveWriter#rate} do.
   *
   * @param rate lines per second
   * @return the rate
   * @throws IllegalArgumentException unless it is above 0 and at most {@link #MAX_RATE}
   */
  public static double requireRate(double rate) {
    if (!(rate > 0 && rate <= MAX_RATE)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "rate must be above 0 and at most %.0f lines per second (got %s)", MAX_RATE, rate));
    }
    return rate;
  }
}
