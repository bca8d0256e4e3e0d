package dev.loggen.examples;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.Asset;
import dev.loggen.core.ContentType;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Page;
import dev.loggen.core.Param;
import dev.loggen.core.Site;
import dev.loggen.core.Traffic;
import dev.loggen.core.engine.States;
import dev.loggen.core.engine.TransitionMatrix;
import dev.loggen.formats.LogFormats;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A site of your own in code: a software product's website with documentation, pricing and
 * sign-up, and a session model with states of its own ({@code pricing}, {@code signup},
 * {@code dashboard}: a state named like a page views that page). The sample
 * {@code samples/custom-site.yaml} describes a site of the same kind in YAML (with more assets,
 * links and models of its own, and another window): not the same traffic.
 *
 * <pre>{@code java -cp loggen.jar dev.loggen.examples.CustomSite [seed]}</pre>
 */
public final class CustomSite {
  private CustomSite() {}

  /**
   * Prints 30 lines.
   *
   * @param args optional seed (default 1234)
   */
  public static void main(String[] args) {
    ExampleMain.run(CustomSite.class, "[seed]", 1, args,
        a -> print(a.whole(0, "seed", 1234), 30, System.out));
  }

  /**
   * The site.
   *
   * @return a product website with docs, pricing, sign-up and an app dashboard
   */
  public static Site site() {
    return Site.builder("product")
        .host("www.example.io")
        .param("topic", Param.words(List.of("getting-started", "install", "configuration",
            "api", "faq", "migration", "security"), 1.2))
        .param("plan", Param.oneOf("free", "team", "enterprise"))
        .param("release", Param.range(1, 40))
        .commonAssets(Asset.of("/assets/site.3f9a.css", ContentType.CSS),
            Asset.of("/assets/site.c2d1.js", ContentType.JS),
            Asset.of("/favicon.ico", ContentType.ICON))
        .page(Page.html("home", "/"))
        .page(Page.html("pricing", "/pricing").withSection("sales"))
        .page(Page.html("plan", "/pricing/{plan}").withSection("sales"))
        .page(Page.html("docs", "/docs/").withSection("docs"))
        .page(Page.html("doc", "/docs/{topic}").withSection("docs").withErrorRates(0, 0.01)
            .withAssets(Asset.of("/docs/img/{topic}-{release}.png", ContentType.IMAGE)
                .withCount(0, 3)))
        .page(Page.html("changelog", "/changelog/{release}").withSection("docs"))
        .page(Page.html("signup", "/signup").withMethod("POST", 302).withSection("account"))
        .page(Page.html("login", "/login").withSection("account"))
        .page(Page.html("login_submit", "/login").withMethod("POST", 302))
        .page(Page.html("logout", "/logout").withMethod("POST", 302))
        .page(Page.html("dashboard", "/app/dashboard").withSection("app")
            .withLoginRequired(true))
        .page(Page.html("admin", "/admin/").withSection("admin"))
        .landing("home", 0.4).landing("doc", 0.35).landing("pricing", 0.15)
        .landing("changelog", 0.1)
        .link("home", "pricing", 0.3).link("home", "docs", 0.4).link("home", "doc", 0.3)
        .link("docs", "doc", 0.9).link("docs", "home", 0.1)
        .link("doc", "doc", 0.6).link("doc", "docs", 0.2).link("doc", "pricing", 0.2)
        .link("pricing", "plan", 0.7).link("pricing", "home", 0.3)
        .link("plan", "pricing", 0.6).link("plan", "doc", 0.4)
        .link("dashboard", "doc", 0.5).link("dashboard", "dashboard", 0.5)
        .role(Site.Role.HOME, "home")
        .role(Site.Role.LOGIN_FORM, "login")
        .role(Site.Role.LOGIN_SUBMIT, "login_submit")
        .role(Site.Role.LOGOUT, "logout")
        .role(Site.Role.FORBIDDEN, "admin")
        .model(model())
        .build();
  }

  /**
   * The session model: the built-in states plus {@code pricing}, {@code signup} and
   * {@code dashboard}.
   *
   * @return the matrix (rows are weights, scaled to 1)
   */
  public static TransitionMatrix model() {
    return TransitionMatrix.builder()
        .normalize()
        .from(States.START).to(States.DIRECT_ACCESS, 85).to(States.LOGIN, 15)
        .from(States.LOGIN).to("dashboard", 90).to(States.ABANDON, 10)
        .from(States.DIRECT_ACCESS).to(States.BROWSING, 60).to("pricing", 25)
        .to(States.LEAVE, 15)
        .from("pricing").to("signup", 20).to(States.BROWSING, 50).to(States.LEAVE, 30)
        .from("signup").to("dashboard", 1)
        .from("dashboard").to(States.BROWSING, 50).to(States.LOGOUT, 40).to(States.LEAVE, 10)
        .from(States.BROWSING).to(States.BROWSING, 30).to("pricing", 10).to(States.LEAVE, 50)
        .to(States.LOGOUT, 5).to(States.ERROR, 5)
        .build();
  }

  /**
   * A generator of twelve hours of the site.
   *
   * @param seed the seed
   * @return the generator
   */
  public static LogGenerator generator(long seed) {
    return LogGenerator.builder()
        .seed(seed)
        .site(site())
        .traffic(Traffic.sessionsPerHour(800).withZone("America/Los_Angeles"))
        .window(Instant.parse("2026-02-02T08:00:00Z"), Duration.ofHours(12))
        .build();
  }

  /**
   * Prints the first {@code lines} lines in Combined format, each followed by the session
   * state that made it (ground truth, not part of the log line).
   *
   * @param seed the seed
   * @param lines how many, 0 or more
   * @param out where
   * @throws IllegalArgumentException when {@code lines} is negative
   */
  public static void print(long seed, int lines, PrintStream out) {
    Objects.requireNonNull(out, "out");
    if (lines < 0) {
      throw new IllegalArgumentException("lines must not be negative (got " + lines + ")");
    }
    var combined = LogFormats.combined();
    for (AccessEvent e : generator(seed).events().limit(lines).toList()) {
      out.println(combined.format(e) + "    # " + e.state());
    }
  }
}
