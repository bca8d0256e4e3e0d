package dev.loggen.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Who visits: the share of returning visitors, IPv6 and shared addresses, and how much of the
 * traffic is bots. A visitor's address, user agent and name are a pure function of the run's
 * seed and the visitor's id.
 *
 * @param returningShare probability that a session belongs to a returning visitor (who has
 *     assets cached, and comes back in several sessions)
 * @param ipv6Share share of visitors with an IPv6 address
 * @param sharedAddressShare share of visitors behind an address they share with others (office
 *     NAT, mobile carrier)
 * @param loggedInShare share of named (registered) visitors among returning visitors
 * @param crawlerShare share of sessions that are crawlers
 * @param scannerShare share of sessions that are vulnerability scanners
 * @param monitorInterval interval of the uptime monitor's checks, or {@link Duration#ZERO} for none
 */
public record Visitors(double returningShare, double ipv6Share, double sharedAddressShare,
    double loggedInShare, double crawlerShare, double scannerShare, Duration monitorInterval) {

  /** Realistic defaults. */
  public static final Visitors DEFAULT =
      new Visitors(0.35, 0.15, 0.10, 0.6, 0.045, 0.012, Duration.ofMinutes(1));

  /** Checks the fields. */
  public Visitors {
    check("returningShare", returningShare);
    check("ipv6Share", ipv6Share);
    check("sharedAddressShare", sharedAddressShare);
    check("loggedInShare", loggedInShare);
    check("crawlerShare", crawlerShare);
    check("scannerShare", scannerShare);
    if (crawlerShare + scannerShare > 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "crawlerShare + scannerShare must not exceed 1 (got %s + %s)", crawlerShare,
          scannerShare));
    }
    Objects.requireNonNull(monitorInterval, "monitorInterval");
    if (monitorInterval.isNegative()
        || (!monitorInterval.isZero() && monitorInterval.toMillis() < 1000)) {
      throw new IllegalArgumentException(
          "monitorInterval must be 0 (no monitor) or at least 1 second (got " + monitorInterval
              + ")");
    }
  }

  /** A copy with other bot shares. */
  public Visitors withBots(double crawler, double scanner) {
    return new Visitors(returningShare, ipv6Share, sharedAddressShare, loggedInShare, crawler,
        scanner, monitorInterval);
  }

  /** A copy with another monitor interval ({@link Duration#ZERO}: none). */
  public Visitors withMonitorInterval(Duration interval) {
    return new Visitors(returningShare, ipv6Share, sharedAddressShare, loggedInShare,
        crawlerShare, scannerShare, interval);
  }

  /** A copy with another IPv6 share. */
  public Visitors withIpv6Share(double share) {
    return new Visitors(returningShare, share, sharedAddressShare, loggedInShare, crawlerShare,
        scannerShare, monitorInterval);
  }

  /** A copy with another returning-visitor share. */
  public Visitors withReturningShare(double share) {
    return new Visitors(share, ipv6Share, sharedAddressShare, loggedInShare, crawlerShare,
        scannerShare, monitorInterval);
  }

  private static void check(String field, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "visitors.%s must be a share between 0 and 1 (got %s)", field, v));
    }
  }
}
