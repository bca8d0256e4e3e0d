package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sites of unusual shapes generate a log like any other: every kind of visitor, bots included,
 * finds something to do, in time order, the same for the same seed.
 */
class SiteShapesTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /** Pages a crawler may not fetch: only forms, only HEAD, or everything behind a login. */
  static Stream<Site> uncrawlable() {
    return Stream.of(
        Site.builder("form").page(Page.html("submit", "/submit").withMethod("POST", 200))
            .landing("submit", 1).build(),
        Site.builder("head").page(Page.html("probe", "/").withMethod("HEAD", 200))
            .landing("probe", 1).build(),
        Site.builder("intranet").page(Page.html("home", "/").withLoginRequired(true))
            .page(Page.html("login", "/login"))
            .page(Page.html("login_submit", "/login").withMethod("POST", 302))
            .role(Site.Role.HOME, "home").role(Site.Role.LOGIN_FORM, "login")
            .role(Site.Role.LOGIN_SUBMIT, "login_submit").landing("home", 1).build());
  }

  static Stream<Arguments> uncrawlableSites() {
    return uncrawlable().flatMap(site -> LongStream.range(0, 8)
        .mapToObj(seed -> Arguments.of(site, seed * 0x9E3779B97F4A7C15L + 5)));
  }

  @ParameterizedTest
  @MethodSource("uncrawlableSites")
  void aSiteWithNothingToCrawlStillGetsItsCrawlers(Site site, long seed) {
    // Before: the first crawler session failed the run ("bound must be positive (got 0)").
    LogGenerator g = LogGenerator.builder().seed(seed).site(site)
        .traffic(Traffic.sessionsPerHour(3_000)).window(START, Duration.ofMinutes(20)).build();
    List<AccessEvent> events = new ArrayList<>();
    g.iterator().forEachRemaining(events::add);
    String setup = "seed " + seed + ", site " + site.name();
    assertTrue(events.stream().anyMatch(e -> e.visitorKind() == VisitorKind.CRAWLER
        && e.path().equals("/robots.txt")), setup + ": no crawler read robots.txt");
    assertTrue(events.stream().anyMatch(e -> e.visitorKind() == VisitorKind.HUMAN), setup);
    for (int i = 1; i < events.size(); i++) {
      assertTrue(events.get(i - 1).epochMillis() <= events.get(i).epochMillis(),
          setup + ": out of order at " + events.get(i));
    }
    assertEquals(events, g.events().toList(), setup);
  }

  /**
   * A link-preview fetcher on a page a GET cannot show gets what a server answers: 405 for a
   * form's target, 302 to the login for a page behind it; never the page's success status.
   */
  @ParameterizedTest
  @MethodSource("uncrawlableSites")
  void botsGettingAFormOrAPageBehindTheLoginAreNotServedIt(Site site, long seed) {
    LogGenerator g = LogGenerator.builder().seed(seed).site(site)
        .traffic(Traffic.sessionsPerHour(3_000)).window(START, Duration.ofMinutes(20)).build();
    String setup = "seed " + seed + ", site " + site.name();
    List<AccessEvent> botGets = g.events().filter(e -> e.visitorKind() == VisitorKind.CRAWLER
        && e.method().equals("GET") && !e.path().equals("/robots.txt")
        && !e.path().equals("/sitemap.xml")).toList();
    int checked = 0;
    for (AccessEvent e : botGets) {
      Page page = site.pages().stream().filter(p -> p.path().equals(e.path())).findFirst()
          .orElse(null);
      if (page == null) {
        continue; // a scanner's probe, not a page of the site
      }
      int expected = !page.method().equals("GET") ? 405 : page.loginRequired() ? 302 : -1;
      if (expected > 0) {
        assertEquals(expected, e.status(), setup + ": " + e);
        checked++;
      }
    }
    assertTrue(checked > 0, setup + ": no bot asked for such a page");
  }
}
