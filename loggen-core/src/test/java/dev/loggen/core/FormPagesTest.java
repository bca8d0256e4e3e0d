package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.engine.States;
import dev.loggen.core.engine.TransitionMatrix;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The login form and other pages that sessions reach by role or by a form's redirect. */
class FormPagesTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  static LongStream seeds() {
    return LongStream.range(0, 6).map(i -> i * 0x9E3779B97F4A7C15L + 11);
  }

  /**
   * A placeholder in the login form's and its submission's path is filled as in any page's,
   * also in a credential-stuffing burst (before: {@code GET /login?next={next}} was logged).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void theLoginPagesPlaceholdersAreFilled(long seed) {
    Site site = Site.builder("forms").host("forms.example.com")
        .param("next", Param.oneOf("home", "account"))
        .page(Page.html("home", "/"))
        .page(Page.html("acct", "/account").withLoginRequired(true))
        .page(Page.html("login", "/login?next={next}"))
        .page(Page.html("login_submit", "/login?next={next}").withMethod("POST", 302))
        .landing("home", 1).landing("acct", 1).link("home", "acct", 1).link("acct", "home", 1)
        .role(Site.Role.HOME, "home").role(Site.Role.LOGIN_FORM, "login")
        .role(Site.Role.LOGIN_SUBMIT, "login_submit").build();
    List<AccessEvent> events = LogGenerator.builder().seed(seed).site(site)
        .traffic(Traffic.sessionsPerHour(600)).window(START, Duration.ofHours(1))
        .scenario(Scenario.credentialStuffing(START.plusSeconds(600), Duration.ofMinutes(10),
            60, 2))
        .build().events().toList();
    int forms = 0;
    for (AccessEvent e : events) {
      String referrer = String.valueOf(e.referrer());
      assertFalse(e.path().contains("{") || e.path().contains("%7B") || referrer.contains("{")
          || referrer.contains("%7B"), "seed " + seed + ": " + e);
      if (e.path().startsWith("/login?next=")) {
        forms++;
      }
    }
    assertTrue(forms > 50, "seed " + seed + ": " + forms + " login requests");
    assertTrue(events.stream().anyMatch(e -> e.scenario() != null
        && e.path().startsWith("/login?next=")), "seed " + seed + ": no stuffing");
  }

  /**
   * A form's redirect is followed at once from a state of the site's own model too, to the
   * page the form links to (before: only while BROWSING; after {@code POST /signup} came
   * nothing, or another page seconds later).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void aRedirectIsFollowedAtOnceFromACustomState(long seed) {
    Site site = Site.builder("signup").host("signup.example.com")
        .page(Page.html("home", "/"))
        .page(Page.html("signup", "/signup").withMethod("POST", 302))
        .page(Page.html("welcome", "/welcome"))
        .landing("home", 1).link("home", "signup", 1).link("signup", "welcome", 1)
        .link("welcome", "home", 1)
        .model(TransitionMatrix.builder().from(States.START).to(States.DIRECT_ACCESS, 1)
            .from(States.DIRECT_ACCESS).to("signup", 1).from("signup").to(States.END, 1)
            .build())
        .build();
    List<AccessEvent> events = LogGenerator.builder().seed(seed).site(site)
        .traffic(Traffic.sessionsPerHour(600)).window(START, Duration.ofHours(1))
        .build().events().toList();
    Map<Long, AccessEvent> signedUp = new HashMap<>();
    int followed = 0;
    for (AccessEvent e : events) {
      AccessEvent post = signedUp.remove(e.sessionId());
      if (post != null) {
        assertEquals("GET /welcome", e.method() + " " + e.path(), "seed " + seed + ": after "
            + post + " came " + e);
        assertTrue(e.epochMillis() - post.epochMillis() < 1_000, "seed " + seed + ": " + e);
        followed++;
      }
      if (e.path().equals("/signup") && e.status() == 302 && e.visitorKind() == VisitorKind.HUMAN) {
        signedUp.put(e.sessionId(), e);
      }
    }
    assertTrue(signedUp.isEmpty(), "seed " + seed + ": never followed: " + signedUp.values());
    assertTrue(followed > 50, "seed " + seed + ": " + followed + " sign-ups");
  }

  /**
   * A redirect that leads only to itself (a site of one {@code POST /f} answered 302) is
   * followed 20 times at most, as a browser does, and then the visitor leaves (before: until
   * the session's maxRequests, 101,600 lines in half an hour).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void aRedirectLoopStopsAfterTwentyHops(long seed) {
    Site site = Site.builder("loop").host("loop.example.com")
        .page(Page.html("f", "/f").withMethod("POST", 302)).landing("f", 1).build();
    List<AccessEvent> events = LogGenerator.builder().seed(seed).site(site)
        .traffic(Traffic.sessionsPerHour(300)).window(START, Duration.ofMinutes(30))
        .build().events().toList();
    Map<Long, List<AccessEvent>> sessions = events.stream()
        .filter(e -> e.visitorKind() == VisitorKind.HUMAN)
        .collect(Collectors.groupingBy(AccessEvent::sessionId));
    int longest = 0;
    for (List<AccessEvent> session : sessions.values()) {
      int run = 0;
      for (AccessEvent e : session) {
        assertTrue(run < 21, "seed " + seed + ": the visitor went on after the browser gave"
            + " up: " + e);
        run = e.status() == 302 ? run + 1 : 0; // a 500 ends a chain too
        longest = Math.max(longest, run);
      }
    }
    assertEquals(21, longest, "seed " + seed + ": the longest run of redirects");
  }

  /**
   * After the browser gives up on a loop of redirects the visitor leaves, whatever the state:
   * before, a visitor about to sign in went on to the login form and posted it (8 of 311
   * sessions of this site went on after the 21st redirect).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void aVisitorAboutToSignInLeavesWhenTheBrowserGivesUpOnALoop(long seed) {
    Site site = Site.builder("loop").host("loop.example.com")
        .page(Page.html("home", "/").withMethod("GET", 302))
        .page(Page.html("form", "/login"))
        .page(Page.html("submit", "/login").withMethod("POST", 302))
        .page(Page.html("acct", "/account"))
        .landing("home", 1).link("home", "home", 1).link("form", "home", 1)
        .link("acct", "home", 1).link("submit", "home", 1)
        .role(Site.Role.LOGIN_FORM, "form").role(Site.Role.LOGIN_SUBMIT, "submit")
        .role(Site.Role.HOME, "acct")
        .errorRates(new Site.ErrorRates(0, 0, 0, 0, 0, 0)).build();
    Map<Long, List<AccessEvent>> sessions = LogGenerator.builder().seed(seed).site(site)
        .traffic(Traffic.sessionsPerHour(500))
        .visitors(Visitors.DEFAULT.withBots(0, 0).withMonitorInterval(Duration.ZERO)
            .withReturningShare(1).withLoggedInShare(1))
        .window(START, Duration.ofHours(1)).build().events()
        .collect(Collectors.groupingBy(AccessEvent::sessionId));
    int gaveUp = 0;
    for (List<AccessEvent> session : sessions.values()) {
      int run = 0;
      for (int i = 0; i < session.size(); i++) {
        run = session.get(i).path().equals("/") ? run + 1 : 0;
        if (run == 21) {
          gaveUp++;
          assertEquals(i + 1, session.size(), "seed " + seed + ": the visitor went on after"
              + " the browser gave up: " + session.subList(i, session.size()));
        }
      }
    }
    assertTrue(gaveUp > 50, "seed " + seed + ": " + gaveUp + " browsers gave up");
  }

  /**
   * A landing page's old URL (a 301 before the page) is the path without its trailing slash
   * (before: {@code /blog/&ref=old}, a query without a '?').
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void theOldUrlOfAPathWithATrailingSlashHasNone(long seed) {
    Site site = Site.builder("slash").host("slash.example.com")
        .page(Page.html("blog", "/blog/")).landing("blog", 1)
        .errorRates(new Site.ErrorRates(0, 1, 0, 0, 0, 0)).build();
    List<AccessEvent> moved = LogGenerator.builder().seed(seed).site(site)
        .traffic(Traffic.sessionsPerHour(600)).window(START, Duration.ofMinutes(30))
        .build().events().filter(e -> e.status() == 301 && e.visitorKind() == VisitorKind.HUMAN)
        .toList();
    assertTrue(moved.size() > 50, "seed " + seed + ": " + moved.size() + " old URLs");
    for (AccessEvent e : moved) {
      assertEquals("/blog", e.path(), "seed " + seed + ": " + e);
    }
  }
}
