package dev.loggen.formats;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Scenario;
import dev.loggen.core.Sites;
import dev.loggen.core.VisitorKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Varied, realistic access events from a seed, for format tests: IPv4 and IPv6 clients,
 * absent and present users, referrers and user agents, query strings (percent-encoded ones
 * among them), 2xx/3xx/4xx/5xx statuses with zero-byte bodies for 204/304/HEAD, several zone
 * offsets and protocols. All values are written here (no data copied from real logs); paths
 * are percent-encoded only in their query strings, so a server's decoded path equals the raw
 * one. The same seed gives the same events.
 */
final class TestEvents {
  private TestEvents() {}

  static final long BASE_MILLIS = Instant.parse("2026-03-14T09:26:53.589Z").toEpochMilli();

  private static final ZoneOffset[] OFFSETS = {
      ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHours(-7), ZoneOffset.ofHoursMinutes(5, 30),
      ZoneOffset.ofHours(9), ZoneOffset.ofHours(-3), ZoneOffset.ofHoursMinutes(-9, -30)};
  private static final String[] USERS = {"alice", "bob", "carol.smith", "dave_99", "erin"};
  private static final String[] HOSTS = {"shop.example.com", "www.example.org", "api.example.net"};
  private static final String[] STATES = {"BROWSING", "LOGIN", "DIRECT_ACCESS", "LOGOUT",
      "ABANDON", "ERROR"};
  private static final String[] SCENARIOS = {"outage", "credential-stuffing", "crawler",
      "scanner"};
  private static final String[] AGENTS = {
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/126.0.0.0 Safari/537.36",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko)"
          + " Version/17.5 Safari/605.1.15",
      "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
          + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/126.0.0.0 Mobile Safari/537.36",
      "ExampleBot/2.1 (+https://bot.example.com/about)",
      "curl/8.8.0",
      "python-requests/2.32.3",
      "UptimeProbe/1.4 (monitoring; +https://status.example.net)"};
  private static final String[] PAGES = {"/", "/products", "/about", "/cart", "/checkout",
      "/login", "/logout", "/search", "/thank-you", "/account/orders"};
  private static final String[] ASSETS = {"/static/css/site.css", "/static/js/app.js",
      "/static/img/logo.svg", "/favicon.ico", "/robots.txt"};
  private static final String[] PROBES = {"/wp-login.php", "/.env", "/admin/config.php",
      "/phpmyadmin/index.php", "/.git/HEAD"};
  private static final String[] WORDS = {"red%20shoes", "caf%C3%A9", "jacket", "usb-c+cable",
      "gift%20card", "50%25%20off"};
  private static final int[] STATUSES = {200, 200, 200, 200, 200, 200, 200, 201, 204, 301, 302,
      304, 304, 401, 403, 404, 404, 500, 502, 503, 504};

  /** The first {@code n} events of {@code seed}, in time order. */
  static List<AccessEvent> events(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    List<AccessEvent> out = new ArrayList<>(n);
    long t = BASE_MILLIS + r.nextLong(0, 86_400_000L);
    ZoneOffset offset = OFFSETS[r.nextInt(OFFSETS.length)];
    for (int i = 0; i < n; i++) {
      t += r.nextInt(10) < 3 ? r.nextLong(0, 40) : r.nextLong(0, 4_000);
      out.add(event(r, t, offset));
    }
    return out;
  }

  /**
   * Generated traffic of a built-in site from 2026-01-01T00:00Z for six hours, with an outage
   * (minutes 1 to 6, half the requests failing) and credential stuffing (minutes 2 to 7) in it,
   * so that its first thousand events hold scenario traffic.
   */
  static Iterator<AccessEvent> generatedWithScenarios(long seed, String site) {
    Instant start = Instant.ofEpochSecond(1_767_225_600L);
    return LogGenerator.builder().seed(seed).site(Sites.named(site))
        .window(start, Duration.ofHours(6))
        .scenario(Scenario.outage(start.plusSeconds(60), Duration.ofMinutes(5), 0.5))
        .scenario(Scenario.credentialStuffing(start.plusSeconds(120), Duration.ofMinutes(5), 60,
            5))
        .build().iterator();
  }

  /** Seeds 1..count, for parameterized property tests. */
  static LongStream seeds(int count) {
    return LongStream.rangeClosed(1, count);
  }

  /** The same as {@link #seeds} boxed, for {@code @MethodSource}. */
  static Stream<Long> seedStream(int count) {
    return seeds(count).boxed();
  }

  private static AccessEvent event(SplittableRandom r, long t, ZoneOffset offset) {
    String client = r.nextInt(10) < 2
        ? "2001:db8:" + Integer.toHexString(r.nextInt(1, 0xFFFF)) + "::"
            + Integer.toHexString(r.nextInt(1, 0xFFFF))
        : (r.nextBoolean() ? "203.0.113." : "198.51.100.") + r.nextInt(1, 255);
    String ident = r.nextInt(40) == 0 ? "id" + r.nextInt(100) : null;
    String user = r.nextInt(10) < 3 ? USERS[r.nextInt(USERS.length)] : null;
    int p = r.nextInt(100);
    String protocol = p < 85 ? "HTTP/1.1" : p < 93 ? "HTTP/2.0" : "HTTP/1.0";
    String host = HOSTS[r.nextInt(HOSTS.length)];
    String method = "GET";
    String path;
    int status;
    int kind = r.nextInt(100);
    if (kind < 35) { // static asset: fresh or revalidated
      path = ASSETS[r.nextInt(ASSETS.length)];
      status = r.nextInt(10) < 3 ? 304 : r.nextInt(30) == 0 ? 404 : 200;
      method = r.nextInt(30) == 0 ? "HEAD" : "GET";
    } else if (kind < 42) { // scanner probe
      path = PROBES[r.nextInt(PROBES.length)];
      status = r.nextInt(5) == 0 ? 403 : 404;
      method = r.nextInt(4) == 0 ? "POST" : "GET";
    } else if (kind < 52) { // api
      path = "/api/v1/items" + (r.nextBoolean() ? "?limit=20&offset=" + 20 * r.nextInt(0, 50)
          : "/" + r.nextInt(1, 5000));
      int m = r.nextInt(10);
      method = m < 6 ? "GET" : m < 8 ? "PUT" : m < 9 ? "POST" : "DELETE";
      status = method.equals("POST") ? 201 : method.equals("DELETE") ? 204
          : STATUSES[r.nextInt(STATUSES.length)];
      if (status == 304 || status == 301 || status == 302) {
        status = 200;
      }
    } else { // pages
      int k = r.nextInt(100);
      path = k < 30 ? "/products/" + r.nextInt(1, 5000)
              + (r.nextBoolean() ? "" : "?ref=home&pos=" + r.nextInt(1, 30))
          : k < 45 ? "/search?q=" + WORDS[r.nextInt(WORDS.length)] + "&page=" + r.nextInt(1, 6)
          : k < 55 ? "/products?categoryID=" + r.nextInt(1, 12) + "&sort=price"
          : PAGES[r.nextInt(PAGES.length)];
      boolean form = path.equals("/login") || path.equals("/cart") || path.equals("/checkout")
          || path.equals("/logout");
      method = form && r.nextBoolean() ? "POST" : "GET";
      status = STATUSES[r.nextInt(STATUSES.length)];
      if (status == 304 || status == 204 || status == 201 || (status == 401 && user == null)) {
        status = 200;
      }
      if (method.equals("POST") && status == 200 && r.nextBoolean()) {
        status = 302;
      }
    }
    long bytes;
    if (status == 304 || status == 204 || method.equals("HEAD") || r.nextInt(60) == 0) {
      bytes = 0;
    } else if (status >= 400) {
      bytes = r.nextLong(150, 600);
    } else if (status >= 300) {
      bytes = r.nextLong(0, 250);
    } else {
      bytes = (long) Math.exp(6 + r.nextDouble() * 7);
    }
    String referrer = r.nextInt(10) < 4 ? null
        : r.nextInt(4) == 0 ? "https://www.search.example/search?q=" + WORDS[r.nextInt(WORDS.length)]
        : "https://" + host + PAGES[r.nextInt(PAGES.length)];
    String agent = r.nextInt(20) == 0 ? null : AGENTS[r.nextInt(AGENTS.length)];
    long micros = r.nextInt(10) == 0 ? r.nextLong(1_000_000, 12_000_000) : r.nextLong(40, 900_000);
    VisitorKind visitor = VisitorKind.values()[r.nextInt(VisitorKind.values().length)];
    String scenario = r.nextInt(8) == 0 ? SCENARIOS[r.nextInt(SCENARIOS.length)] : null;
    return new AccessEvent(t, offset, client, ident, user, method, path, protocol, status, bytes,
        referrer, agent, micros, host, r.nextLong(1, 5_000_000), STATES[r.nextInt(STATES.length)],
        visitor, scenario);
  }
}
