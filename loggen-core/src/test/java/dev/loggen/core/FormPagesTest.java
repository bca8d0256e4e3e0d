package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    System.out.println("seed " + seed);
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
}
