package dev.loggen.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Who visits: the share of returning visitors, IPv6 and shared addresses, and how much of the
 * traffic is bots. A visitor's address, user agent and name are a pure function of the run's
 * seed and the visitor's id.
 *
 * <p>Addresses are public unicast addresses clustered in networks (several visitors per /24, a
 * few networks holding many visitors), never reserved, documentation or private ranges, unless
 * {@link #privateShare} asks for private ones. That share applies to human visitors: crawlers,
 * scanners and the uptime monitor keep the public networks they come from, so an intranet log is
 * {@code withPrivateShare(1).withBots(0, 0).withMonitorInterval(Duration.ZERO)}.
 *
 * <pre>{@code
 * Visitors v = Visitors.DEFAULT.withBots(0.08, 0.02).withIpv6Share(0.3);
 * }</pre>
 *
 * @param returningShare probability that a session belongs to a returning visitor (who has
 *     assets cached, and comes back in several sessions)
 * @param ipv6Share share of visitors with an IPv6 address
 * @param sharedAddressShare share of visitors behind an address they share with others (office
 *     NAT, mobile carrier)
 * @param loggedInShare share of named (registered) visitors among returning visitors
 * @param crawlerShare share of sessions that are crawlers: search engines that read robots.txt and
 *     walk many pages (45 % of them), link-preview fetchers of chat and social apps and feed
 *     readers, one request each
 * @param scannerShare share of sessions that are vulnerability scanners
 * @param monitorInterval interval of the uptime monitor's checks, 1 second to
 *     {@link #MAX_MONITOR_INTERVAL}, or {@link Duration#ZERO} for none
 * @param privateShare share of human visitors with a private address (10/8, 172.16/12,
 *     192.168/16, or an IPv6 unique local address): 0 for a public site, 1 for an intranet (bots
 *     keep public addresses)
 */
public record Visitors(double returningShare, double ipv6Share, double sharedAddressShare,
    double loggedInShare, double crawlerShare, double scannerShare, Duration monitorInterval,
    double privateShare) {

  /**
   * The longest monitor interval: 366000 days, the longest window
   * ({@link LogGenerator#MAX_DURATION}). A longer one would check at most once in any window.
   */
  public static final Duration MAX_MONITOR_INTERVAL = Duration.ofDays(366L * 1000);

  /**
   * Realistic defaults for a public site: 45 % returning visitors, 15 % IPv6, 10 % behind a
   * shared address, half of returning visitors registered, 10 % of sessions crawlers and 1.5 %
   * scanners (together 10 to 25 % of requests), an uptime check every minute, no private
   * addresses.
   */
  public static final Visitors DEFAULT =
      new Visitors(0.45, 0.15, 0.10, 0.5, 0.10, 0.015, Duration.ofMinutes(1), 0);

  /**
   * Visitors with public addresses only ({@code privateShare} 0).
   *
   * @param returningShare see the record description
   * @param ipv6Share see the record description
   * @param sharedAddressShare see the record description
   * @param loggedInShare see the record description
   * @param crawlerShare see the record description
   * @param scannerShare see the record description
   * @param monitorInterval see the record description
   */
  public Visitors(double returningShare, double ipv6Share, double sharedAddressShare,
      double loggedInShare, double crawlerShare, double scannerShare, Duration monitorInterval) {
    this(returningShare, ipv6Share, sharedAddressShare, loggedInShare, crawlerShare,
        scannerShare, monitorInterval, 0);
  }

  /** Checks the fields. */
  public Visitors {
    check("returningShare", returningShare);
    check("ipv6Share", ipv6Share);
    check("sharedAddressShare", sharedAddressShare);
    check("loggedInShare", loggedInShare);
    check("crawlerShare", crawlerShare);
    check("scannerShare", scannerShare);
    check("privateShare", privateShare);
    if (crawlerShare + scannerShare > 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "visitors.crawlerShare + visitors.scannerShare must not exceed 1 (got %s + %s)",
          crawlerShare, scannerShare));
    }
    Objects.requireNonNull(monitorInterval, "monitorInterval");
    if (monitorInterval.isNegative() || (!monitorInterval.isZero()
        && (monitorInterval.compareTo(Duration.ofSeconds(1)) < 0
            || monitorInterval.compareTo(MAX_MONITOR_INTERVAL) > 0))) {
      // Compared as durations: toMillis() of a very long one overflows.
      throw new IllegalArgumentException(
          "visitors.monitorInterval must be 0 (no monitor) or between 1 second and 366000 days"
              + " (got " + monitorInterval + ")");
    }
  }

  /** A copy with other bot shares: the shares of sessions that are crawlers and scanners. */
  public Visitors withBots(double crawler, double scanner) {
    return new Visitors(returningShare, ipv6Share, sharedAddressShare, loggedInShare, crawler,
        scanner, monitorInterval, privateShare);
  }

  /** A copy with another monitor interval ({@link Duration#ZERO}: none). */
  public Visitors withMonitorInterval(Duration interval) {
    return new Visitors(returningShare, ipv6Share, sharedAddressShare, loggedInShare,
        crawlerShare, scannerShare, interval, privateShare);
  }

  /** A copy with another IPv6 share. */
  public Visitors withIpv6Share(double share) {
    return new Visitors(returningShare, share, sharedAddressShare, loggedInShare, crawlerShare,
        scannerShare, monitorInterval, privateShare);
  }

  /** A copy with another returning-visitor share. */
  public Visitors withReturningShare(double share) {
    return new Visitors(share, ipv6Share, sharedAddressShare, loggedInShare, crawlerShare,
        scannerShare, monitorInterval, privateShare);
  }

  /** A copy with another share of visitors behind a shared address. */
  public Visitors withSharedAddressShare(double share) {
    return new Visitors(returningShare, ipv6Share, share, loggedInShare, crawlerShare,
        scannerShare, monitorInterval, privateShare);
  }

  /** A copy with another share of registered visitors among returning ones. */
  public Visitors withLoggedInShare(double share) {
    return new Visitors(returningShare, ipv6Share, sharedAddressShare, share, crawlerShare,
        scannerShare, monitorInterval, privateShare);
  }

  /** A copy with another share of private addresses (1: an intranet, all private). */
  public Visitors withPrivateShare(double share) {
    return new Visitors(returningShare, ipv6Share, sharedAddressShare, loggedInShare,
        crawlerShare, scannerShare, monitorInterval, share);
  }

  private static void check(String field, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "visitors.%s must be a share between 0 and 1 (got %s)", field, v));
    }
  }
}
