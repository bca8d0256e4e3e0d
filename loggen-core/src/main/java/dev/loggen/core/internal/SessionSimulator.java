package dev.loggen.core.internal;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.ContentType;
import dev.loggen.core.Scenario;
import dev.loggen.core.SessionSettings;
import dev.loggen.core.Site;
import dev.loggen.core.Visitor;
import dev.loggen.core.VisitorKind;
import dev.loggen.core.engine.SessionModel;
import dev.loggen.core.engine.States;
import dev.loggen.core.random.AliasTable;
import dev.loggen.core.random.Discrete;
import dev.loggen.core.random.Rng;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Simulates one session from its own random stream: walks the session model, turns each state
 * into requests (page views with their assets, logins, logouts, errors), applies error injection
 * and scenarios, and returns the events in time order. One instance per generating thread.
 */
final class SessionSimulator {
  private static final long SIZE_STREAM = 0x5123L;
  private static final String[] EXTERNAL_REFERRERS = {
    null, "https://www.google.com/", "https://www.bing.com/", "https://duckduckgo.com/",
    "https://www.google.de/", "https://search.yahoo.com/", "https://t.co/", "https://www.facebook.com/",
    "https://www.reddit.com/", "https://news.ycombinator.com/", "https://www.linkedin.com/",
    "android-app://com.google.android.gm/", "https://l.instagram.com/",
  };
  private static final AliasTable EXTERNAL_TABLE =
      AliasTable.of(44, 30, 5, 3, 2, 1, 3, 3, 2, 1, 2, 2, 2);
  private static final String[] SCANNER_PATHS = {
    "/wp-login.php", "/.env", "/admin.php", "/wp-admin/setup-config.php", "/xmlrpc.php",
    "/.git/config", "/phpmyadmin/", "/pma/index.php", "/config.json", "/.aws/credentials",
    "/server-status", "/actuator/env", "/actuator/health", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php",
    "/cgi-bin/luci/;stok=/locale", "/boaform/admin/formLogin", "/.DS_Store", "/backup.zip",
    "/db.sql", "/wp-content/plugins/wp-file-manager/readme.txt", "/owa/auth/logon.aspx",
    "/api/v1/pods", "/solr/admin/info/system", "/HNAP1/", "/.well-known/security.txt",
    "/index.php?s=/Index/\\think\\app/invokefunction", "/console/", "/manager/html",
    "/shell.php", "/info.php", "/.svn/entries", "/web.config", "/debug/default/view",
    "/telescope/requests", "/_ignition/execute-solution", "/.vscode/sftp.json",
    "/login.action", "/remote/login", "/geoserver/web/", "/druid/index.html",
  };
  private static final AliasTable SCANNER_PATH_TABLE;

  static {
    double[] w = new double[SCANNER_PATHS.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = 1.0 / Math.pow(i + 1, 0.7);
    }
    SCANNER_PATH_TABLE = AliasTable.of(w);
  }

  /** What a state does; see {@link States}. */
  private enum Action { START, LOGIN, DIRECT, BROWSE, LOGOUT, ABANDON, LEAVE, ERROR, END, CUSTOM }

  private final long seed;
  private final CompiledSite cs;
  private final SessionModel model;
  private final List<String> stateNames;
  private final Action[] actions;
  private final int[] customPage;
  private final SessionSettings settings;
  private final VisitorFactory visitors;
  private final ZoneRules zoneRules;
  private final ZoneOffset fixedOffset;
  private final Scenario.Outage[] outages;
  private final Scenario.SlowBackend[] slow;
  private final long maxDurationMillis;
  private final double robotsBytes;
  private final double sitemapBytes;

  // Per-session working state (this object is confined to one thread).
  private AccessEvent[] buf = new AccessEvent[64];
  private int n;
  private int[] states = new int[16];
  private int stateCount;
  private int pageViews;
  private long t;
  private long sessionId;
  private long startMillis;
  private Visitor visitor = null;
  private String protocol = "HTTP/1.1";
  private @Nullable String user;
  private @Nullable String label;
  private String stateName = States.START;
  private boolean loggedIn;
  private boolean assetsCached;
  private int current;
  private @Nullable String currentUrl;
  private @Nullable String currentPath;
  private long lastRequest;
  private final @Nullable String[] binding;
  private long hourCached = Long.MIN_VALUE;
  private ZoneOffset offsetCached = ZoneOffset.UTC;

  SessionSimulator(long seed, CompiledSite cs, SessionModel model, SessionSettings settings,
      VisitorFactory visitors, ZoneId zone, List<Scenario> scenarios) {
    this.seed = seed;
    this.cs = cs;
    this.model = model;
    this.stateNames = model.states();
    this.actions = new Action[stateNames.size()];
    this.customPage = new int[stateNames.size()];
    for (int i = 0; i < actions.length; i++) {
      String s = stateNames.get(i);
      actions[i] = switch (s) {
        case States.START -> Action.START;
        case States.LOGIN -> Action.LOGIN;
        case States.DIRECT_ACCESS -> Action.DIRECT;
        case States.BROWSING -> Action.BROWSE;
        case States.LOGOUT -> Action.LOGOUT;
        case States.ABANDON -> Action.ABANDON;
        case States.LEAVE -> Action.LEAVE;
        case States.ERROR -> Action.ERROR;
        case States.END -> Action.END;
        default -> Action.CUSTOM;
      };
      customPage[i] = cs.pageIndex(s);
    }
    this.settings = settings;
    this.visitors = visitors;
    this.zoneRules = zone.getRules();
    this.fixedOffset = zoneRules.isFixedOffset() ? zoneRules.getOffset(java.time.Instant.EPOCH)
        : null;
    this.outages = scenarios.stream().filter(s -> s instanceof Scenario.Outage)
        .toArray(Scenario.Outage[]::new);
    this.slow = scenarios.stream().filter(s -> s instanceof Scenario.SlowBackend)
        .toArray(Scenario.SlowBackend[]::new);
    this.maxDurationMillis = settings.maxDuration().toMillis();
    this.binding = new String[cs.params.length];
    this.robotsBytes = 120 + (Rng.derive(seed, SIZE_STREAM, 1) >>> 56);
    this.sitemapBytes = 8_000 + (Rng.derive(seed, SIZE_STREAM, 2) >>> 50);
  }

  // ------------------------------------------------------------------ session kinds

  /** A human (or API client) session walking the session model. */
  SessionRun human(long id, long start, Rng rng, Visitor v, @Nullable String scenario,
      int landingPage) {
    begin(id, start, v, scenario, rng);
    if (rng.chance(cs.site.errorRates().forbidden()) && cs.forbidden >= 0) {
      // Some sessions try the admin area once, and are refused.
      simple(rng, cs.pages[cs.forbidden], 403, 180 + rng.nextInt(120), null);
    }
    int state = model.startState();
    record(state);
    String end = States.END;
    boolean landed = false;
    while (true) {
      state = model.next(state, rng);
      record(state);
      stateName = stateNames.get(state);
      if (model.isTerminal(state)) {
        break;
      }
      end = stateName;
      if (landingPage >= 0 && !landed) {
        landed = true;
        view(rng, landingPage, external(rng), true);
      }
      switch (actions[state]) {
        case LOGIN -> login(rng);
        case DIRECT -> view(rng, landing(rng), external(rng), true);
        case BROWSE -> browse(rng);
        case LOGOUT -> logout(rng);
        case ABANDON -> {
          if (cs.cart >= 0 && current != cs.cart && rng.chance(cs.site.errorRates().cartAbandon())) {
            view(rng, cs.cart, currentUrl, false);
          }
        }
        case ERROR -> error(rng);
        case CUSTOM -> {
          int p = customPage[state];
          view(rng, p >= 0 ? p : nextPage(rng), currentUrl, currentUrl == null);
        }
        default -> { }
      }
      if (n >= settings.maxRequests()) {
        end = "MAX_REQUESTS";
        break;
      }
      if (t - startMillis > maxDurationMillis) {
        end = "MAX_DURATION";
        break;
      }
    }
    return finish(end);
  }

  /** A crawler: robots.txt first, then many pages, slowly, without assets. */
  SessionRun crawler(long id, long start, Rng rng, Visitor v) {
    begin(id, start, v, null, rng);
    stateName = "CRAWL";
    protocol = "HTTP/1.1";
    emit("GET", "/robots.txt", 200, (long) robotsBytes, null, 800 + rng.nextInt(1500));
    if (rng.chance(0.4)) {
      t += 500 + rng.nextInt(3000);
      emit("GET", "/sitemap.xml", 200, (long) sitemapBytes, null, 15_000 + rng.nextInt(20_000));
    }
    int pages = 1 + Discrete.geometric(rng, 1.0 / 30);
    for (int i = 0; i < pages && n < settings.maxRequests(); i++) {
      t += (long) (1000 * rng.nextExponential(9)) + 200;
      if (t - startMillis > maxDurationMillis) {
        break;
      }
      CompiledSite.CPage p = cs.pages[cs.crawlable[rng.nextInt(cs.crawlable.length)]];
      Arrays.fill(binding, null);
      String path = p.path.expand(rng, binding, false, rng.chance(0.6));
      int status = p.page.successStatus();
      long bytes;
      if (rng.chance(Math.min(1, p.page.notFoundRate() * 4 + 0.01))) {
        status = 404;
        bytes = 900 + rng.nextInt(400);
      } else if (rng.chance(0.02)) {
        status = 301;
        path = path.indexOf('?') < 0 && !path.endsWith("/") ? path + "/" : path;
        bytes = 230 + rng.nextInt(20);
      } else {
        bytes = (long) p.sizes.sample(rng);
      }
      emit(p.page.method(), path, status, bytes, null, responseMicros(rng, p, status));
      pageViews++;
    }
    return finish("CRAWL");
  }

  /** A scanner: a burst of probes for well-known weak spots, mostly 404. */
  SessionRun scanner(long id, long start, Rng rng, Visitor v) {
    begin(id, start, v, null, rng);
    stateName = "SCAN";
    protocol = rng.chance(0.4) ? "HTTP/1.0" : "HTTP/1.1";
    int probes = 3 + Discrete.geometric(rng, 1.0 / 12);
    if (rng.chance(0.5)) {
      emit("GET", "/", 200, (long) cs.pages[Math.max(cs.home, 0)].sizes.sample(rng), null,
          20_000 + rng.nextInt(40_000));
    }
    for (int i = 0; i < probes && n < settings.maxRequests(); i++) {
      t += (long) (1000 * rng.nextExponential(0.6));
      if (t - startMillis > maxDurationMillis) {
        break;
      }
      String path = SCANNER_PATHS[SCANNER_PATH_TABLE.sample(rng)];
      int status;
      if (path.startsWith("/.git") || path.equals("/server-status") || path.startsWith("/.svn")
          || path.startsWith("/.env") && rng.chance(0.3)) {
        status = 403;
      } else if (path.contains("\\") || path.contains(";")) {
        status = 400;
      } else {
        status = 404;
      }
      String method = path.equals("/xmlrpc.php") || path.contains("formLogin") ? "POST"
          : rng.chance(0.05) ? "HEAD" : "GET";
      long bytes = method.equals("HEAD") ? 0 : status == 400 ? 226 : status == 403 ? 199 : 196;
      emit(method, path, status, bytes, null, 300 + rng.nextInt(2_000));
    }
    if (cs.forbidden >= 0 && rng.chance(0.3)) {
      t += 300;
      simple(rng, cs.pages[cs.forbidden], 403, 199, null);
    }
    return finish("SCAN");
  }

  /** One uptime check. */
  SessionRun monitor(long id, long start, Rng rng, Visitor v) {
    begin(id, start, v, null, rng);
    stateName = "MONITOR";
    protocol = "HTTP/1.1";
    String path = cs.site.isApi() ? "/v1/health" : "/";
    int status = 200;
    long micros = 3_000 + rng.nextInt(12_000);
    emit("HEAD", path, status, 0, null, micros);
    return finish("MONITOR");
  }

  /** A credential-stuffing burst: many POST /login from one attacking address. */
  SessionRun stuffing(long id, long start, Rng rng, Visitor v, Scenario.CredentialStuffing s) {
    begin(id, start, v, s.label(), rng);
    stateName = States.LOGIN;
    protocol = "HTTP/1.1";
    int loginPage = cs.loginSubmit;
    String path = loginPage >= 0 ? cs.pages[loginPage].path.text() : "/login";
    long end = s.start().toEpochMilli() + s.duration().toMillis();
    int attempts = 10 + rng.nextInt(50);
    String referrer = cs.loginForm >= 0 ? cs.origin + cs.pages[cs.loginForm].path.text() : null;
    for (int i = 0; i < attempts && t < end && n < settings.maxRequests(); i++) {
      boolean success = rng.chance(0.01);
      int status = success ? (loginPage >= 0 ? cs.pages[loginPage].page.successStatus() : 302)
          : 401;
      emit("POST", path, status, success ? 190 : 420 + rng.nextInt(40), referrer,
          40_000 + rng.nextInt(150_000));
      t += 100 + (long) (1000 * rng.nextExponential(0.4));
    }
    return finish(States.LOGIN);
  }

  // ------------------------------------------------------------------ state actions

  private void login(Rng rng) {
    if (cs.site.isApi()) {
      if (cs.loginSubmit >= 0) {
        boolean fail = rng.chance(cs.site.errorRates().authFailure());
        simple(rng, cs.pages[cs.loginSubmit], fail ? 401 : cs.pages[cs.loginSubmit].page.successStatus(), -1, null);
        loggedIn = !fail;
      }
      return;
    }
    if (cs.loginForm >= 0) {
      view(rng, cs.loginForm, currentUrl, currentUrl == null);
    }
    if (cs.loginSubmit < 0) {
      loggedIn = true;
      return;
    }
    String formUrl = currentUrl;
    if (user == null) {
      user = visitor.user() != null ? visitor.user() : visitors.userName(visitor.id());
    }
    for (int attempt = 0; attempt < 3; attempt++) {
      think(rng, 0.4);
      boolean fail = rng.chance(cs.site.errorRates().authFailure() * (attempt + 1));
      CompiledSite.CPage p = cs.pages[cs.loginSubmit];
      String saved = user;
      if (fail) {
        user = null; // a failed login is not authenticated
      }
      simple(rng, p, fail ? 401 : p.page.successStatus(), -1, formUrl);
      user = saved;
      if (!fail) {
        loggedIn = true;
        if (cs.home >= 0) {
          redirectFollow(rng, cs.home, formUrl);
        }
        return;
      }
    }
    user = null;
  }

  private void logout(Rng rng) {
    if (cs.logout < 0) {
      return;
    }
    think(rng, 1.0);
    CompiledSite.CPage p = cs.pages[cs.logout];
    simple(rng, p, p.page.successStatus(), -1, currentUrl);
    String from = currentUrl;
    loggedIn = false;
    user = null;
    if (cs.home >= 0 && !cs.site.isApi()) {
      redirectFollow(rng, cs.home, from);
    }
  }

  private void error(Rng rng) {
    int page = current >= 0 ? current : landing(rng);
    think(rng, 1.0);
    CompiledSite.CPage p = cs.pages[page];
    String path = currentPath != null && current == page ? currentPath
        : p.path.expand(rng, clearBinding(), false, false);
    emit(p.page.method(), path, 500, 480 + rng.nextInt(300), currentUrl,
        responseMicros(rng, p, 500));
    pageViews++;
  }

  private void browse(Rng rng) {
    long min = settings.minBrowsing().toMillis();
    long max = settings.maxBrowsing().toMillis();
    long until = t + min + (max > min ? rng.nextLong(max - min + 1) : 0);
    if (current < 0) {
      view(rng, landing(rng), external(rng), true);
    }
    do {
      view(rng, nextPage(rng), currentUrl, false);
    } while (t < until && n < settings.maxRequests() && t - startMillis <= maxDurationMillis);
  }

  private int nextPage(Rng rng) {
    if (current >= 0) {
      AliasTable row = cs.links[current];
      if (row != null) {
        return cs.linkTargets[current][row.sample(rng)];
      }
    }
    return landing(rng);
  }

  private int landing(Rng rng) {
    return cs.landingPages[cs.landing.sample(rng)];
  }

  private @Nullable String external(Rng rng) {
    if (cs.site.isApi()) {
      return null;
    }
    return EXTERNAL_REFERRERS[EXTERNAL_TABLE.sample(rng)];
  }

  // ------------------------------------------------------------------ requests

  /** A page view: think time, optional redirect hop, the page, its assets. */
  private void view(Rng rng, int pageIndex, @Nullable String referrer, boolean landingView) {
    think(rng, 1.0);
    CompiledSite.CPage p = cs.pages[pageIndex];
    String path = p.path.expand(rng, clearBinding(), false, false);
    if (cs.site.isApi()) {
      apiCall(rng, p, path);
      return;
    }
    if (p.page.loginRequired() && !loggedIn && cs.loginForm >= 0) {
      emit(p.page.method(), path, 302, 200 + rng.nextInt(40), referrer, 8_000 + rng.nextInt(9_000));
      t += 30 + rng.nextInt(150);
      String from = referrer;
      current = -1;
      page(rng, cs.pages[cs.loginForm], cs.pages[cs.loginForm].path.text(), from);
      return;
    }
    if (landingView && p.page.method().equals("GET")) {
      Site.ErrorRates er = cs.site.errorRates();
      double u = rng.nextDouble();
      if (u < er.redirectPermanent()) {
        String old = path.indexOf('?') < 0 && !path.endsWith("/") ? path + "/"
            : path.equals("/") ? "/index.html" : path + "&ref=old";
        emit("GET", old, 301, 230 + rng.nextInt(30), referrer, 500 + rng.nextInt(1_500));
        t += 40 + rng.nextInt(200);
      } else if (u < er.redirectPermanent() + er.redirectTemporary()) {
        String hop = path + (path.indexOf('?') < 0 ? "?" : "&") + "utm_source=newsletter";
        emit("GET", hop, 302, 0, referrer, 2_000 + rng.nextInt(3_000));
        t += 40 + rng.nextInt(200);
      }
    }
    page(rng, p, path, referrer);
  }

  /** The page request itself (status, size, time) and, when it succeeded, its assets. */
  private void page(Rng rng, CompiledSite.CPage p, String path, @Nullable String referrer) {
    int status = p.page.successStatus();
    double u = rng.nextDouble();
    if (u < p.page.notFoundRate()) {
      status = 404;
    } else if (u < p.page.notFoundRate() + p.page.errorRate() + cs.site.errorRates().serverError()) {
      status = 500;
    }
    status = outage(rng, status);
    long micros = responseMicros(rng, p, status);
    long bytes = bytesFor(rng, p, status);
    emit(p.page.method(), path, status, bytes, referrer, micros);
    pageViews++;
    String url = cs.origin + path;
    current = p.index;
    currentPath = path;
    currentUrl = url;
    if (status != 200 || p.page.type() != ContentType.HTML) {
      return;
    }
    long pageTime = t;
    t += micros / 1000 + 15 + rng.nextInt(60);
    if (!assetsCached) {
      for (CompiledSite.CAsset a : cs.common) {
        asset(rng, a, url, true);
      }
      assetsCached = true;
    }
    for (CompiledSite.CAsset a : p.assets) {
      int count = a.asset.minCount() + rng.nextInt(a.asset.maxCount() - a.asset.minCount() + 1);
      for (int i = 0; i < count; i++) {
        asset(rng, a, url, false);
      }
    }
    t = Math.max(pageTime, t);
  }

  private void asset(Rng rng, CompiledSite.CAsset a, String referrer, boolean common) {
    String path = a.path.expand(rng, binding, !a.shared, false);
    int status = 200;
    if (visitor.returning()) {
      double u = rng.nextDouble();
      if (common) {
        if (u < 0.35) {
          return; // fresh in the browser cache: no request at all
        }
        if (u < 0.85) {
          status = 304;
        }
      } else if (u < 0.15) {
        status = 304;
      }
    }
    status = outage(rng, status);
    long bytes;
    if (status == 200) {
      bytes = staticSize(a, path);
    } else if (status == 304) {
      bytes = 0;
    } else {
      bytes = errorBytes(rng, status);
    }
    long micros = (long) (a.asset.type().responseSeconds().sample(rng) * 1e6);
    if (status >= 500) {
      micros = gatewayMicros(rng, status);
    }
    emit("GET", path, status, bytes, referrer, micros);
    t += rng.nextInt(25);
  }

  private long staticSize(CompiledSite.CAsset a, String path) {
    Rng r = Rng.of(seed, SIZE_STREAM, path.hashCode());
    return Math.max(43, (long) a.asset.sizes().sample(r));
  }

  private void apiCall(Rng rng, CompiledSite.CPage p, String path) {
    int status = p.page.successStatus();
    double u = rng.nextDouble();
    if (t - lastRequest < 300 && rng.chance(0.35)) {
      status = 429;
    } else if (!loggedIn && rng.chance(0.02)) {
      status = 401;
    } else if (u < p.page.notFoundRate()) {
      status = 404;
    } else if (u < p.page.notFoundRate() + p.page.errorRate() + cs.site.errorRates().serverError()) {
      status = 500;
    } else if (p.page.method().equals("POST") && rng.chance(0.03)) {
      status = 422;
    }
    status = outage(rng, status);
    long micros = responseMicros(rng, p, status);
    long bytes = status == 429 ? 74 : status == 401 ? 61 : status == 422 ? 140 + rng.nextInt(80)
        : bytesFor(rng, p, status);
    emit(p.page.method(), path, status, bytes, null, micros);
    pageViews++;
    current = p.index;
    currentPath = path;
  }

  /** A request to a page with a given status (logins, logouts, the admin area). */
  private void simple(Rng rng, CompiledSite.CPage p, int status, long bytes,
      @Nullable String referrer) {
    String path = p.path.expand(rng, clearBinding(), false, false);
    status = outage(rng, status);
    long b = bytes >= 0 && status < 500 ? bytes : bytesFor(rng, p, status);
    emit(p.page.method(), path, status, b, referrer, responseMicros(rng, p, status));
    pageViews++;
  }

  /** Follows a redirect to {@code page} immediately, as a browser does. */
  private void redirectFollow(Rng rng, int pageIndex, @Nullable String referrer) {
    t += 20 + rng.nextInt(120);
    CompiledSite.CPage p = cs.pages[pageIndex];
    page(rng, p, p.path.expand(rng, clearBinding(), false, false), referrer);
  }

  private int outage(Rng rng, int status) {
    for (Scenario.Outage o : outages) {
      if (o.covers(t)) {
        label = o.label();
        if (rng.chance(o.failureShare())) {
          double u = rng.nextDouble();
          return u < 0.5 ? 503 : u < 0.8 ? 502 : 504;
        }
      }
    }
    return status;
  }

  private long bytesFor(Rng rng, CompiledSite.CPage p, int status) {
    if (status >= 200 && status < 300) {
      if (status == 204 || p.page.method().equals("HEAD")) {
        return 0;
      }
      return Math.max(20, (long) p.sizes.sample(rng));
    }
    if (status == 301 || status == 302 || status == 303) {
      return Math.max(0, (long) p.sizes.sample(rng));
    }
    return errorBytes(rng, status);
  }

  private static long errorBytes(Rng rng, int status) {
    return switch (status) {
      case 404 -> 1_050 + rng.nextInt(500);
      case 500 -> 480 + rng.nextInt(300);
      case 502 -> 157 + rng.nextInt(10);
      case 503 -> 299 + rng.nextInt(20);
      case 504 -> 167 + rng.nextInt(10);
      case 401, 403 -> 199 + rng.nextInt(250);
      default -> 150 + rng.nextInt(200);
    };
  }

  private long responseMicros(Rng rng, CompiledSite.CPage p, int status) {
    if (status >= 502) {
      return gatewayMicros(rng, status);
    }
    double s = p.seconds.sample(rng);
    if (status == 500) {
      s *= 4;
    } else if (status == 404 || status == 401 || status == 403) {
      s *= 0.3;
    }
    if (p.dynamic) {
      for (Scenario.SlowBackend sb : slow) {
        if (sb.covers(t)) {
          s *= sb.factor();
          label = sb.label();
        }
      }
      for (Scenario.Outage o : outages) {
        if (o.covers(t)) {
          s *= 3;
        }
      }
    }
    return Math.min(300_000_000L, Math.max(50L, (long) (s * 1e6)));
  }

  private static long gatewayMicros(Rng rng, int status) {
    return switch (status) {
      case 504 -> 60_000_000L + rng.nextInt(50_000);
      case 502 -> 1_000 + rng.nextInt(30_000);
      default -> 200 + rng.nextInt(2_000);
    };
  }

  private void think(Rng rng, double scale) {
    if (n == 0) {
      return;
    }
    double seconds;
    if (cs.site.isApi()) {
      seconds = rng.nextExponential(1.5 * scale);
    } else {
      seconds = settings.thinkTimeSeconds().sample(rng) * scale;
    }
    long ms = (long) (Math.min(1800, seconds) * 1000);
    t = Math.max(t + Math.max(ms, 300), lastRequest + 50);
  }

  private @Nullable String[] clearBinding() {
    Arrays.fill(binding, null);
    return binding;
  }

  // ------------------------------------------------------------------ bookkeeping

  private void begin(long id, long start, Visitor v, @Nullable String scenario, Rng rng) {
    n = 0;
    stateCount = 0;
    pageViews = 0;
    sessionId = id;
    startMillis = start;
    t = start;
    lastRequest = start;
    visitor = v;
    label = scenario;
    user = v.kind() == VisitorKind.API_CLIENT ? v.user() : null;
    loggedIn = v.kind() == VisitorKind.API_CLIENT && rng.chance(0.7);
    assetsCached = false;
    current = -1;
    currentUrl = null;
    currentPath = null;
    stateName = States.START;
    long h = Rng.mix(v.id() ^ seed);
    protocol = v.kind() == VisitorKind.HUMAN ? ((h & 0xFF) < 90 ? "HTTP/2.0"
        : (h & 0xFF) < 250 ? "HTTP/1.1" : "HTTP/1.0") : "HTTP/1.1";
  }

  private void record(int state) {
    if (stateCount == states.length) {
      states = Arrays.copyOf(states, stateCount * 2);
    }
    states[stateCount++] = state;
  }

  private void emit(String method, String path, int status, long bytes,
      @Nullable String referrer, long micros) {
    if (n == buf.length) {
      buf = Arrays.copyOf(buf, n * 2);
    }
    String scenario = label;
    if (scenario != null && !labelApplies(scenario)) {
      scenario = null;
    }
    buf[n++] = new AccessEvent(t, offset(t), visitor.address(), null,
        loggedIn || visitor.kind() == VisitorKind.API_CLIENT ? user : null, method, path,
        protocol, status, bytes, referrer, visitor.userAgent(), micros, cs.site.host(),
        sessionId, stateName, visitor.kind(), scenario);
    lastRequest = t;
    if (label != null && isWindowLabel(label)) {
      label = null; // window scenarios label only the requests inside their window
    }
  }

  private boolean labelApplies(String l) {
    for (Scenario.Outage o : outages) {
      if (o.label().equals(l)) {
        return o.covers(t);
      }
    }
    for (Scenario.SlowBackend s : slow) {
      if (s.label().equals(l)) {
        return s.covers(t);
      }
    }
    return true;
  }

  private boolean isWindowLabel(String l) {
    for (Scenario.Outage o : outages) {
      if (o.label().equals(l)) {
        return true;
      }
    }
    for (Scenario.SlowBackend s : slow) {
      if (s.label().equals(l)) {
        return true;
      }
    }
    return false;
  }

  private ZoneOffset offset(long millis) {
    if (fixedOffset != null) {
      return fixedOffset;
    }
    long hour = Math.floorDiv(millis, 900_000L);
    if (hour != hourCached) {
      hourCached = hour;
      offsetCached = zoneRules.getOffset(java.time.Instant.ofEpochMilli(hour * 900_000L));
    }
    return offsetCached;
  }

  private SessionRun finish(String endState) {
    // Events are nearly sorted (assets trail their page by milliseconds): insertion sort, stable.
    AccessEvent[] ev = buf;
    int size = n;
    long limit = startMillis + maxDurationMillis;
    for (int i = 1; i < size; i++) {
      AccessEvent x = ev[i];
      int j = i - 1;
      while (j >= 0 && ev[j].epochMillis() > x.epochMillis()) {
        ev[j + 1] = ev[j];
        j--;
      }
      ev[j + 1] = x;
    }
    String end = endState;
    while (size > 0 && ev[size - 1].epochMillis() > limit) {
      size--;
      end = "MAX_DURATION";
    }
    if (size > settings.maxRequests()) {
      size = settings.maxRequests();
      end = "MAX_REQUESTS";
    }
    AccessEvent[] out = Arrays.copyOf(ev, size);
    Arrays.fill(buf, 0, n, null);
    return new SessionRun(sessionId, startMillis, visitor, out, size,
        Arrays.copyOf(states, stateCount), stateCount, end, pageViews, label == null
            || isWindowLabel(label) ? null : label);
  }
}
