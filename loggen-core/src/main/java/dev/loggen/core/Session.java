package dev.loggen.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The ground truth of one generated session: who, when, which states it went through and how
 * many requests it made.
 *
 * @param id session id, as in {@link AccessEvent#sessionId()}
 * @param visitor who made it
 * @param start time of its first request
 * @param end time of its last request
 * @param states the states it took, in order, from START to END
 * @param requests number of requests (page views and assets)
 * @param pageViews number of page views among the session's requests (those kept after the
 *     hard bounds and a scenario's window cut it): for a visitor, each request of a page of the
 *     site that it asked for, whatever its status (a login, a logout, a refused admin page, an
 *     API call and a server error included), but not static assets, an embedded image, a
 *     redirect's own request (a login-required page's 302, an old URL's 301, a tracking 302:
 *     the page it leads to counts); for a crawler, each page it fetches, not
 *     {@code robots.txt} or {@code sitemap.xml}; for a link preview or feed reader, its one
 *     request; for a scanner, the uptime monitor and a credential-stuffing attempt, 0
 * @param endState how the session ended: {@code MAX_DURATION} / {@code MAX_REQUESTS} when a
 *     hard bound cut it short; otherwise, for a visitor walking the session model, the last
 *     state it took before the terminal one, the start state not counted (e.g. LOGOUT,
 *     ABANDON), and {@code END} when the state after the start is already terminal
 *     ({@code START -> END}), whatever the terminal state's name; for sessions that do not walk
 *     the model, a fixed name: {@code CRAWL} (crawlers, link previews, feed readers),
 *     {@code SCAN} (scanners), {@code MONITOR} (the uptime monitor), {@code LOGIN} (a
 *     credential-stuffing attempt)
 * @param scenario label of the scenario that produced it, or {@code null}
 */
public record Session(long id, Visitor visitor, Instant start, Instant end, List<String> states,
    int requests, int pageViews, String endState, @Nullable String scenario) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException when {@code end} is before {@code start}, {@code requests}
   *     is negative, or {@code pageViews} is negative or more than {@code requests} (a report
   *     would count a negative duration or more page views than requests)
   */
  public Session {
    Objects.requireNonNull(visitor, "visitor");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(endState, "endState");
    states = List.copyOf(Objects.requireNonNull(states, "states"));
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("session " + id + ": end must not be before start (got "
          + "start " + start + ", end " + end + ")");
    }
    if (requests < 0 || pageViews < 0 || pageViews > requests) {
      throw new IllegalArgumentException("session " + id + ": requests must be >= 0 and"
          + " pageViews between 0 and requests (got requests " + requests + ", pageViews "
          + pageViews + ")");
    }
  }

  /** The time from first to last request. */
  public Duration duration() {
    return Duration.between(start, end);
  }
}
