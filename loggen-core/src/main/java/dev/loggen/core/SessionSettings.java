package dev.loggen.core;

import dev.loggen.core.random.Distribution;
import dev.loggen.core.random.Distributions;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How long sessions last and how fast visitors click: the old tool's {@code session} section,
 * plus the hard bounds that keep any session model from running away.
 *
 * @param minBrowsing shortest browsing time of one BROWSING state: the visitor views page after
 *     page, a think time apart, while a browsing time drawn uniformly between the minimum and
 *     the maximum lasts (a think time longer than what is left ends the stretch, so a short one
 *     may add no view at all)
 * @param maxBrowsing longest browsing time of one BROWSING state
 * @param thinkTimeSeconds seconds between two page views of a session (heavy-tailed by default);
 *     the assets of a page follow it within milliseconds and do not count
 * @param maxDuration hard bound on a session's length: later requests are not made. It is also
 *     the warm-up a slice of a run generates before its start, so keep it modest
 * @param maxRequests hard bound on a session's number of requests, and on the number of states
 *     it takes after START (a model looping through states that make no request ends there);
 *     at most {@value #MAX_REQUESTS}, because a session's requests are held in memory until it
 *     ends
 */
public record SessionSettings(Duration minBrowsing, Duration maxBrowsing,
    Distribution thinkTimeSeconds, Duration maxDuration, int maxRequests) {

  /**
   * The largest {@link #maxRequests}: a session's requests (and the states it passes) are held
   * in memory until it ends, some 200 bytes a request, so a bound of two billion let a model that
   * loops through states without requests fill any heap before the bound was reached.
   */
  public static final int MAX_REQUESTS = 100_000;

  /** The longest browsing time: as many whole days as fit a long count of milliseconds. */
  private static final Duration MAX_BROWSING = Duration.ofDays(Long.MAX_VALUE / 86_400_000L);

  /**
   * Realistic defaults for people browsing a shop: stretches of browsing of up to 2 minutes, a
   * heavy-tailed think time (lognormal: median 20 s, p90 20 s * e^(1.28 * 1.3) = about 106 s;
   * a browsing stretch ends before a think time that would overrun it, which cuts the tail: the
   * shop's page-to-page gaps measure a p90 of about 50 s), at most 1 h and 2,000 requests. With
   * the shop's states they give sessions of 3 to 4 page views (median) and 8 (p90).
   */
  public static final SessionSettings DEFAULT = new SessionSettings(Duration.ZERO,
      Duration.ofSeconds(120), Distributions.lognormal(20, 1.3), Duration.ofHours(1), 2_000);

  /** Checks the fields. */
  public SessionSettings {
    Objects.requireNonNull(minBrowsing, "minBrowsing");
    Objects.requireNonNull(maxBrowsing, "maxBrowsing");
    Objects.requireNonNull(thinkTimeSeconds, "thinkTimeSeconds");
    Objects.requireNonNull(maxDuration, "maxDuration");
    if (minBrowsing.isNegative()) {
      throw new IllegalArgumentException("minBrowsing must not be negative (got " + minBrowsing
          + ")");
    }
    if (maxBrowsing.compareTo(MAX_BROWSING) > 0) {
      // the simulator counts in milliseconds; a stretch this long outlasts any session anyway
      throw new IllegalArgumentException("maxBrowsing must be at most " + MAX_BROWSING.toDays()
          + " days (got " + maxBrowsing + ")");
    }
    if (maxBrowsing.compareTo(minBrowsing) < 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "maxBrowsing must be at least minBrowsing (got min=%s, max=%s)", minBrowsing,
          maxBrowsing));
    }
    if (maxDuration.compareTo(Duration.ofSeconds(1)) < 0
        || maxDuration.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          "maxDuration must be between 1 second and 1 day (got " + maxDuration + ")");
    }
    if (maxRequests < 1 || maxRequests > MAX_REQUESTS) {
      throw new IllegalArgumentException("maxRequests must be between 1 and " + MAX_REQUESTS
          + " (got " + maxRequests + ")");
    }
  }

  /** A copy with another browsing stretch. */
  public SessionSettings withBrowsing(Duration min, Duration max) {
    return new SessionSettings(min, max, thinkTimeSeconds, maxDuration, maxRequests);
  }

  /** A copy with another think-time distribution, in seconds. */
  public SessionSettings withThinkTime(Distribution seconds) {
    return new SessionSettings(minBrowsing, maxBrowsing, seconds, maxDuration, maxRequests);
  }

  /** A copy with other hard bounds. */
  public SessionSettings withLimits(Duration newMaxDuration, int newMaxRequests) {
    return new SessionSettings(minBrowsing, maxBrowsing, thinkTimeSeconds, newMaxDuration,
        newMaxRequests);
  }
}
