package dev.loggen.core;

import dev.loggen.core.internal.Rules;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Something that happens to the site in a time window, labelled in the ground truth of every
 * event it produces or changes ({@link AccessEvent#scenario()}). Detection rules and dashboards
 * are tested against these labels. No event outside the window carries the label: a scenario's
 * own sessions are cut at the window's end.
 *
 * <p>An event carries one label. Where scenarios overlap, the one that changes the request
 * names it: an outage's label goes before a slow backend's, which goes before the label of the
 * session's own scenario (a flash crowd's visitor, an attack's attempt), and among several
 * outages or slow backends covering a request, the one last in the list labels it. Their
 * effects all apply: each outage fails its share of the requests it covers on its own (two
 * overlapping outages of 0.5 fail about three quarters), slow backends multiply response
 * times. {@link Session#scenario()} and the report's sessions keep the session's own label;
 * the report's per-scenario request counts follow the events' labels.
 */
public sealed interface Scenario {

  /** The label carried by affected events, e.g. {@code outage}. */
  String label();

  /** Start of the window. */
  Instant start();

  /** Length of the window. */
  Duration duration();

  /**
   * {@return a copy that starts at {@code newStart}, otherwise the same}
   *
   * @param newStart the start
   */
  Scenario withStart(Instant newStart);

  /** Whether the window covers {@code epochMillis}. */
  default boolean covers(long epochMillis) {
    long s = start().toEpochMilli();
    return epochMillis >= s && epochMillis < s + duration().toMillis();
  }

  /**
   * An outage: in the window a share of all requests (pages, assets, bots, the uptime monitor)
   * fail with 502, 503 or 504 (and an error-log line); the rest are slow on the backend. Every
   * request in the window is labelled.
   */
  static Scenario outage(Instant start, Duration duration, double failureShare) {
    return new Outage("outage", start, duration, failureShare);
  }

  /**
   * A credential-stuffing attack: from a few addresses, many {@code POST /login} attempts per
   * minute, almost all answered 401. Each attempt is labelled (with an overlapping outage's
   * or slow backend's label where one covers it: see the interface).
   */
  static Scenario credentialStuffing(Instant start, Duration duration, int attemptsPerMinute,
      int addresses) {
    return new CredentialStuffing("credential-stuffing", start, duration, attemptsPerMinute,
        addresses);
  }

  /**
   * A flash crowd: extra sessions per hour, referred by social sites, landing on one URL of the
   * page {@code pageName} (one product, say: its placeholders are drawn once for the scenario),
   * then browsing on. Every request of those sessions is labelled (with an overlapping
   * outage's or slow backend's label where one covers it: see the interface).
   */
  static Scenario flashCrowd(Instant start, Duration duration, double sessionsPerHour,
      String pageName) {
    return new FlashCrowd("flash-crowd", start, duration, sessionsPerHour, pageName);
  }

  /**
   * A slow backend: response times of the requests the application serves (pages, API calls,
   * not static files) multiplied by {@code factor}; those requests are labelled.
   */
  static Scenario slowBackend(Instant start, Duration duration, double factor) {
    return new SlowBackend("slow-backend", start, duration, factor);
  }

  private static void window(String label, Instant start, Duration duration) {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    if (!Rules.isLabel(label)) {
      throw new IllegalArgumentException("scenario label must be a word without spaces or quotes"
          + " (got '" + label + "')");
    }
    if (duration.compareTo(Duration.ofMillis(1)) < 0) {
      // times are whole milliseconds: a shorter scenario would change nothing, silently
      throw new IllegalArgumentException("scenario " + label + ": duration must be at least 1 ms"
          + " (got " + duration + ")");
    }
    try {
      Math.addExact(start.toEpochMilli(), duration.toMillis());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("scenario " + label + ": start + duration must be"
          + " representable in epoch milliseconds (got " + start + " + " + duration + ")", e);
    }
  }

  /**
   * See {@link Scenario#outage}.
   *
   * @param label the label
   * @param start start of the window
   * @param duration length of the window
   * @param failureShare share of requests that fail with 502/503/504
   */
  record Outage(String label, Instant start, Duration duration, double failureShare)
      implements Scenario {
    /** Checks the fields. */
    public Outage {
      window(label, start, duration);
      if (!(failureShare > 0 && failureShare <= 1)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "scenario %s: failureShare must be in (0, 1] (got %s)", label, failureShare));
      }
    }

    @Override
    public Outage withStart(Instant newStart) {
      return new Outage(label, newStart, duration, failureShare);
    }
  }

  /**
   * See {@link Scenario#credentialStuffing}.
   *
   * @param label the label
   * @param start start of the window
   * @param duration length of the window
   * @param attemptsPerMinute login attempts per minute, all addresses together
   * @param addresses number of attacking addresses
   */
  record CredentialStuffing(String label, Instant start, Duration duration,
      int attemptsPerMinute, int addresses) implements Scenario {
    /** Checks the fields. */
    public CredentialStuffing {
      window(label, start, duration);
      if (attemptsPerMinute < 1 || attemptsPerMinute > 1_000_000) {
        throw new IllegalArgumentException("scenario " + label
            + ": attemptsPerMinute must be between 1 and 1000000 (got " + attemptsPerMinute
            + ")");
      }
      if (addresses < 1 || addresses > 10_000) {
        throw new IllegalArgumentException("scenario " + label
            + ": addresses must be between 1 and 10000 (got " + addresses + ")");
      }
    }

    @Override
    public CredentialStuffing withStart(Instant newStart) {
      return new CredentialStuffing(label, newStart, duration, attemptsPerMinute,
          addresses);
    }
  }

  /**
   * See {@link Scenario#flashCrowd}.
   *
   * @param label the label
   * @param start start of the window
   * @param duration length of the window
   * @param sessionsPerHour extra sessions per hour
   * @param pageName the page they land on
   */
  record FlashCrowd(String label, Instant start, Duration duration, double sessionsPerHour,
      String pageName) implements Scenario {
    /** Checks the fields. */
    public FlashCrowd {
      window(label, start, duration);
      Objects.requireNonNull(pageName, "pageName");
      if (!(sessionsPerHour > 0) || Double.isInfinite(sessionsPerHour)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "scenario %s: sessionsPerHour must be positive (got %s)", label, sessionsPerHour));
      }
      if (sessionsPerHour > 240_000_000) {
        // A block holds at most 2^22 arrivals of one scenario: 4,000,000 a minute is safe.
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "scenario %s: sessionsPerHour must be at most 240000000 (got %s)", label,
            sessionsPerHour));
      }
    }

    @Override
    public FlashCrowd withStart(Instant newStart) {
      return new FlashCrowd(label, newStart, duration, sessionsPerHour, pageName);
    }
  }

  /**
   * See {@link Scenario#slowBackend}.
   *
   * @param label the label
   * @param start start of the window
   * @param duration length of the window
   * @param factor response-time multiplier, 1 to 1000
   */
  record SlowBackend(String label, Instant start, Duration duration, double factor)
      implements Scenario {
    /** Checks the fields. */
    public SlowBackend {
      window(label, start, duration);
      if (!(factor >= 1 && factor <= 1000)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "scenario %s: factor must be between 1 and 1000 (got %s)", label, factor));
      }
    }

    @Override
    public SlowBackend withStart(Instant newStart) {
      return new SlowBackend(label, newStart, duration, factor);
    }
  }
}
