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
import dev.loggen.core.random.Distribution;
import dev.loggen.core.random.Rng;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Simulates one session from its own random stream: walks the session model, turns each state
 * into requests (page views with their assets, logins, logouts, errors), applies error injection
 * and scenarios, and returns the events in time order. One instance per generating thread.
 *
 * <p>What the states do on a browser site:
 *
 * <ul>
 *   <li>LOGIN: the visitor is a customer who signs in. A returning registered visitor is usually
 *       remembered (a login cookie: no request at all); anyone else signs in at once (login
 *       page, {@code POST /login}, redirect back) or when a page asks for it (checkout).
 *   <li>DIRECT_ACCESS: a landing page, with an external referrer (search engine, social, another
 *       site) or none.
 *   <li>BROWSING: a stretch of page views along the navigation matrix, while the visitor's
 *       browsing time (between the settings' minimum and maximum) lasts; a think time before
 *       each view, so a short stretch may add no view at all.
 *   <li>LOGOUT: {@code POST /logout} and the home page, when the visitor is signed in.
 *   <li>ABANDON: often a last look at the cart; LEAVE: nothing; ERROR: a 500 on the current page.
 * </ul>
 *
 * <p>In every state, a page answered with a redirect (a form's 302) is followed at once to a page
 * it links to, up to 20 redirects in a row; then the browser gives up and the visitor leaves.
 *
 * <p>A page view pulls in its assets within milliseconds (images lower down later, as the visitor
 * scrolls): the site's common assets on the first view of the session, the page's own on every
 * view, each asset once per session. Returning visitors with a warm browser cache skip
 * fingerprinted assets and get {@code 304} for revalidated ones.
 */
final class SessionSimulator {
  private static final long SIZE_STREAM = 0x5123L;
  private static final long GONE_STREAM = 0x60DEL;
  private static final long MAX_MICROS = 300_000_000L;
  private static final int SIZE_BITS = 13;
  private static final int SIZE_CACHE = 1 << SIZE_BITS;
  private static final int URL_CACHE = 1 << 10;
  /** Redirects a browser follows in a row before it gives up (Chrome's and Firefox's 20). */
  private static final int MAX_REDIRECTS = 20;

  /** Probability that a returning registered visitor's login is remembered by a cookie. */
  private static final double REMEMBERED = 0.85;
  /** Probability that a customer who is not remembered signs in at once, not when asked. */
  private static final double SIGN_IN_AT_ONCE = 0.3;
  /** Probability that a returning visitor's browser cache still holds the site's files. */
  private static final double WARM_CACHE = 0.7;
  /** Probability that a cached file that is not fingerprinted is still fresh (no request). */
  private static final double FRESH = 0.4;
  /** Probability that a download is a range request, answered 206 with part of the file. */
  private static final double PARTIAL = 0.1;
  /** Probability that a returning visitor has seen a given catalogue item's image before. */
  private static final double ITEM_SEEN = 0.25;
  /**
   * Probability that a visitor scrolls down a page, so that its lazily loaded images (those
   * beyond the first two) are fetched, seconds after the page.
   */
  private static final double SCROLLS = 0.45;

  /**
   * Probability that a visitor who lands and leaves at once saw only one of the site's images,
   * embedded elsewhere (an image search's preview, a forum post, a pin).
   */
  private static final double EMBEDDED_VIEW = 0.5;
  /** Pages that show the site's images; {@code null}: no referrer. */
  private static final String[] EMBED_REFERRERS = {
    "https://www.google.com/", "https://www.bing.com/", "https://www.pinterest.com/",
    "https://forum.example.org/t/what-do-you-think-of-this/2291",
    "https://blog.example.net/2025/11/favourites/", null,
  };
  private static final AliasTable EMBED_TABLE = AliasTable.of(45, 8, 12, 12, 10, 13);

  /** External referrers of landing pages; {@code null} is a direct visit. Absolute URLs. */
  private static final String[] EXTERNAL_REFERRERS = {
    null,
    "https://www.google.com/", "https://www.bing.com/", "https://duckduckgo.com/",
    "https://www.google.de/", "https://www.google.co.uk/", "https://search.yahoo.com/",
    "https://www.ecosia.org/", "https://yandex.ru/",
    "https://t.co/", "https://www.facebook.com/", "https://l.facebook.com/",
    "https://www.reddit.com/", "https://l.instagram.com/", "https://www.linkedin.com/",
    "https://www.youtube.com/", "https://www.pinterest.com/", "https://news.ycombinator.com/",
    "android-app://com.google.android.gm/", "https://outlook.live.com/",
    "https://www.example-deals.net/best-of-2025",
    "https://forum.example.org/t/recommendations/4411",
    "https://blog.example.net/2025/12/gift-guide/", "https://www.example-news.com/tech/reviews",
    "https://chatgpt.com/",
  };
  private static final AliasTable EXTERNAL_TABLE = AliasTable.of(
      36,
      30, 4.5, 1.5, 1.5, 1, 0.7, 0.5, 0.4,
      1.5, 2.5, 1.5, 1.5, 1.5, 0.8, 0.8, 0.8, 0.4,
      2, 0.8,
      1.5, 1, 1, 1,
      1.2);
  /** Where a flash crowd comes from. */
  private static final String[] SOCIAL = {
    "https://news.ycombinator.com/", "https://www.reddit.com/", "https://t.co/",
    "https://l.facebook.com/",
  };
  private static final String[] SCANNER_PATHS = {
    "/wp-login.php", "/.env", "/admin.php", "/wp-admin/setup-config.php", "/xmlrpc.php",
    "/.git/config", "/phpmyadmin/", "/pma/index.php", "/config.json", "/.aws/credentials",
    "/server-status", "/actuator/env", "/actuator/health",
    "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", "/cgi-bin/luci/;stok=/locale",
    "/boaform/admin/formLogin", "/.DS_Store", "/backup.zip", "/db.sql",
    "/wp-content/plugins/wp-file-manager/readme.txt", "/owa/auth/logon.aspx", "/api/v1/pods",
    "/solr/admin/info/system", "/HNAP1/", "/.well-known/security.txt",
    "/index.php?s=/Index/\\think\\app/invokefunction", "/console/", "/manager/html",
    "/shell.php", "/info.php", "/.svn/entries", "/web.config", "/debug/default/view",
    "/telescope/requests", "/_ignition/execute-solution", "/.vscode/sftp.json",
    "/login.action", "/remote/login", "/geoserver/web/", "/druid/index.html",
    "/.env.production", "/wp-config.php.bak", "/admin/.env", "/laravel/.env", "/.git/HEAD",
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
  private final boolean api;
  private final SessionModel model;
  private final List<String> stateNames;
  private final Action[] actions;
  private final int[] customPage;
  private final SessionSettings settings;
  private final Distribution thinkSeconds;
  private final VisitorFactory visitors;
  private final ZoneRules zoneRules;
  private final @Nullable ZoneOffset fixedOffset;
  private final Scenario.Outage[] outages;
  private final Scenario.SlowBackend[] slow;
  private final boolean anyScenario;
  private final double emptyShare;
  private final long maxDurationMillis;
  private final long minBrowsingMillis;
  private final long maxBrowsingMillis;
  private final long robotsBytes;
  private final long sitemapBytes;
  /** Decides, with a page's salt and a URL's key value, whether the URL is gone (404). */
  private final long goneSeed;
  /** Per page, its set of gone key values, or null (see {@link #goneSet}). */
  private final boolean[] @Nullable [] goneSets;

  // Per-session working state (this object is confined to one thread).
  private Rng rng = Rng.seeded(0);
  private AccessEvent[] buf = new AccessEvent[64];
  private int n;
  /** Per event in {@link #buf}: whether it is a page view (see {@link #viewed()}). */
  private boolean[] views = new boolean[64];
  private int[] states = new int[16];
  private int stateCount;
  private long t;
  private long sessionId;
  private long startMillis;
  private @Nullable Visitor visitor;
  private String address = "";
  private @Nullable String agent;
  private VisitorKind kind = VisitorKind.HUMAN;
  private String protocol = "HTTP/1.1";
  private @Nullable String user;
  private @Nullable String sessionLabel;
  private String stateName = States.START;
  private boolean loggedIn;
  private boolean customer;
  private boolean commonLoaded;
  /** Whether the browser gave up on a loop of redirects (see {@link #follow}): the end. */
  private boolean gaveUp;
  private boolean warmCache;
  private int rttMillis;
  private int current;
  private @Nullable String currentUrl;
  private @Nullable String currentPath;
  /** The key value of {@link #currentPath} (see {@link Template#expand}). */
  private int currentKey;
  private long lastRequest;
  private final @Nullable String[] binding;
  /** Placeholder values the next page view takes (a flash crowd's one URL), or null. */
  private @Nullable String @Nullable [] preset;
  /**
   * The binding of the page a login returns to, kept while the login form and its submission
   * (which draw their own) are requested: the page returned to is the page left, values and all.
   */
  private final @Nullable String[] returnBinding;
  /**
   * The values of the placeholders of the page on screen ({@link #current}; the slots its path
   * does not use hold older values, never read): what a link from it carries over, kept apart
   * from {@link #binding}, which requests off the page (a probe of the admin page, the login
   * form's submission) draw into.
   */
  private final @Nullable String[] shownBinding;
  /** Scratch: the binding of one copy of an asset of several (see {@link #copyBinding}). */
  private final @Nullable String[] copyBinding;
  private final boolean[] loaded;
  /** Sizes of the assets with a constant path, by asset index. */
  private final long[] constantSizes;
  /**
   * Sizes of per-item assets (a product's photo) already worked out, direct-mapped by path hash
   * and file ({@link CompiledSite.CAsset#file}): popular items come back in session after
   * session. A size is a function of (seed, file, path hash) alone (see {@link #sizeOf}: the
   * file fixes the size distribution), so a hit saves a stream derivation and a lognormal draw
   * without changing anything, and needs no comparison of paths. Per slot, the key (file and
   * path hash) and then the size, side by side: one cache line read per lookup. A size is at
   * least 43, so a size of 0 marks an empty slot.
   */
  private final long[] sizes = new long[2 * SIZE_CACHE];
  /**
   * Absolute URLs of recent page paths, direct-mapped by path: a page view's URL is the
   * referrer of its assets and of the next view, and popular pages are viewed again and again.
   */
  private final @Nullable String[] urlPaths = new String[URL_CACHE];
  private final int[] urlHashes = new int[URL_CACHE];
  private final @Nullable String[] urls = new String[URL_CACHE];
  private final String[] recent = new String[32];
  /** The hash codes of {@link #recent}: most paths differ there, without reading any text. */
  private final int[] recentHashes = new int[32];
  private int recentCount;
  /** The URLs (page and key value) this crawler visit fetched, see {@link #firstCrawl}. */
  private long[] crawled = new long[64];
  private int crawledCount;
  /** The last published document's size (see {@link #publishedSize}) and what it is of. */
  private long publishedBytes;
  private int publishedPage = -1;
  private int publishedHash;
  private long publishedDay;
  /** The hash code of the asset path just expanded (see {@link Template#expand}). */
  private final int[] pathHash = new int[1];
  /** The key value of the page path just expanded (see {@link Template#expand}). */
  private final int[] pathKey = new int[1];
  private long offsetSlot = Long.MIN_VALUE;
  private ZoneOffset offsetCached = ZoneOffset.UTC;
  /** Whether the zone's offset changes within the cached quarter hour. */
  private boolean offsetMixed;

  SessionSimulator(long seed, CompiledSite cs, SessionModel model, SessionSettings settings,
      VisitorFactory visitors, ZoneId zone, List<Scenario> scenarios) {
    this.seed = seed;
    this.cs = cs;
    this.api = cs.site.isApi();
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
    this.thinkSeconds = settings.thinkTimeSeconds();
    this.visitors = visitors;
    this.zoneRules = zone.getRules();
    this.fixedOffset = zoneRules.isFixedOffset() ? zoneRules.getOffset(Instant.EPOCH) : null;
    this.outages = scenarios.stream().filter(s -> s instanceof Scenario.Outage)
        .toArray(Scenario.Outage[]::new);
    this.slow = scenarios.stream().filter(s -> s instanceof Scenario.SlowBackend)
        .toArray(Scenario.SlowBackend[]::new);
    this.anyScenario = outages.length + slow.length > 0;
    this.emptyShare = cs.site.emptyResponseShare();
    this.maxDurationMillis = settings.maxDuration().toMillis();
    this.minBrowsingMillis = settings.minBrowsing().toMillis();
    this.maxBrowsingMillis = settings.maxBrowsing().toMillis();
    this.binding = new String[cs.params.length];
    this.returnBinding = new String[cs.params.length];
    this.shownBinding = new String[cs.params.length];
    this.copyBinding = new String[cs.params.length];
    this.loaded = new boolean[cs.assetCount];
    this.constantSizes = new long[cs.assetCount];
    for (CompiledSite.CAsset a : cs.common) {
      constantSizes[a.index] = a.constant ? sizeOf(a, a.path.text().hashCode()) : 0;
    }
    for (CompiledSite.CPage p : cs.pages) {
      for (CompiledSite.CAsset a : p.assets) {
        constantSizes[a.index] = a.constant ? sizeOf(a, a.path.text().hashCode()) : 0;
      }
    }
    this.robotsBytes = 120 + (Rng.derive(seed, SIZE_STREAM, 1) >>> 56);
    this.sitemapBytes = 8_000 + (Rng.derive(seed, SIZE_STREAM, 2) >>> 50);
    this.goneSeed = Rng.derive(seed, GONE_STREAM);
    this.goneSets = new boolean[cs.pages.length][];
    for (CompiledSite.CPage p : cs.pages) {
      goneSets[p.index] = goneSet(p);
    }
  }

  /**
   * The gone values of page {@code p}'s key, by value number from {@link CompiledSite.CPage#
   * goneFrom}, when {@link CompiledSite.CPage#goneRanked} lists them, else null: the values
   * beyond the popular head (never gone) in an order fixed by the run's seed, each gone when it
   * brings the sum of the gone values' shares nearer the rate. (Before, the head was walked too,
   * and a value of 60 % was no head at all: the most popular word could be gone.)
   */
  private boolean @Nullable [] goneSet(CompiledSite.CPage p) {
    int[] ranked = p.goneRanked;
    if (ranked == null || p.goneShare <= 0) {
      return null;
    }
    int head = p.goneHead;
    int n = ranked.length;
    long[] tail = new long[n - head];
    for (int i = head; i < n; i++) {
      long h = Rng.mix(goneSeed ^ p.goneSalt ^ ranked[i] * 0x9E3779B97F4A7C15L);
      tail[i - head] = h & ~0xFFFFL | i; // i < 2^16 (CompiledSite.EXACT_GONE)
    }
    Arrays.sort(tail);
    boolean[] gone = new boolean[n];
    double sum = 0;
    for (long t : tail) {
      int i = (int) (t & 0xFFFF);
      double share = p.goneRankedShares[i];
      if (sum + share / 2 < p.goneShare) {
        gone[ranked[i] - p.goneFrom] = true;
        sum += share;
      }
    }
    return gone;
  }

  // ------------------------------------------------------------------ session kinds

  /**
   * A human (or API client) session walking the session model.
   *
   * @param scenario the label of the scenario that made the session (a flash crowd), or null
   * @param landingPage the page the session lands on, or -1 for the site's landing pages
   * @param landingBinding the landing URL's placeholder values, or null to draw them
   * @param until the end of the scenario's window: requests from then on are left out (their
   *     end state stays), or {@link Long#MAX_VALUE}
   */
  SessionRun human(long id, long start, Rng r, Visitor v, @Nullable String scenario,
      int landingPage, @Nullable String @Nullable [] landingBinding, long until) {
    begin(id, start, v, scenario, r);
    // Some visitors try the admin area once, after landing, and are refused.
    boolean curious = cs.forbidden >= 0 && rng.chance(cs.site.errorRates().forbidden());
    int state = model.startState();
    record(state);
    String end = States.END;
    boolean landed = false;
    int next = next(state);
    while (true) {
      state = next;
      record(state);
      stateName = stateNames.get(state);
      if (model.isTerminal(state)) {
        break;
      }
      end = stateName;
      // The state after this one, drawn now so an action can know the visitor is about to go.
      next = next(state);
      boolean leaving = model.isTerminal(next) || actions[next] == Action.LEAVE;
      if (landingPage >= 0 && !landed) {
        landed = true;
        preset = landingBinding;
        visit(landingPage, SOCIAL[rng.nextInt(SOCIAL.length)], true);
        if (gaveUp) {
          break; // the landing page's redirects went round in a loop: the visitor leaves
        }
      }
      switch (actions[state]) {
        case LOGIN -> login();
        case DIRECT -> {
          think(1.0);
          if (leaving && current < 0 && cs.embeddable != null && rng.chance(EMBEDDED_VIEW)) {
            embeddedView(cs.embeddable);
          } else {
            visit(landing(), external(), true);
          }
        }
        case BROWSE -> browse();
        case LOGOUT -> logout();
        case ABANDON -> {
          if (cs.cart >= 0 && current != cs.cart
              && rng.chance(cs.site.errorRates().cartAbandon())) {
            think(1.0);
            visit(cs.cart, currentUrl, currentUrl == null);
          }
        }
        case ERROR -> error();
        case CUSTOM -> {
          int p = customPage[state];
          think(1.0);
          visit(p >= 0 ? p : nextPage(), currentUrl, currentUrl == null);
        }
        default -> { }
      }
      if (gaveUp) {
        break; // the browser gave up on a loop of redirects, and so does the visitor
      }
      if (curious && current >= 0) {
        curious = false;
        think(0.5);
        simple(cs.pages[cs.forbidden], 403, 180 + rng.nextInt(120), currentUrl);
      }
      // States that make no request (LEAVE, a LOGOUT when signed out) count against the
      // bound too: a model looping through them would neither add requests nor move time.
      if (n >= settings.maxRequests() || stateCount > settings.maxRequests()) {
        end = "MAX_REQUESTS";
        break;
      }
      if (t - startMillis > maxDurationMillis) {
        end = "MAX_DURATION";
        break;
      }
    }
    if (n == 0) {
      // A model that ends before any request (START -> END, say): the visit still shows.
      visit(landing(), external(), true);
    }
    return finish(end, until);
  }

  /**
   * A link-preview fetcher (a chat or social app unfurling a shared link): one page, no assets,
   * no robots.txt; or, on a site with a feed, a feed reader polling it (often a 304).
   */
  SessionRun fetcher(long id, long start, Rng r, Visitor v, boolean feed) {
    begin(id, start, v, null, r);
    stateName = "CRAWL";
    protocol = "HTTP/1.1";
    if (api) {
      emit("GET", "/", 404, 60 + rng.nextInt(20), null, 400 + rng.nextInt(800), false);
      return finish("CRAWL");
    }
    CompiledSite.CPage p = cs.pages[feed && cs.feed >= 0 ? cs.feed : landing()];
    String path = p.path.expand(rng, clearBinding(), false, null, pathKey);
    if (gone(p, pathKey[0])) {
      emit("GET", path, 404, errorBytes(404), null, responseMicros(p, 404), true);
    } else if (!p.page.method().equals("GET")) {
      // the shared link names a form's target: a GET of it is not allowed
      emit("GET", path, 405, 150 + rng.nextInt(150), null, 300 + rng.nextInt(900), true);
    } else if (p.page.loginRequired() && cs.loginForm >= 0) {
      // the fetcher is not signed in: sent to the login form, which it does not follow
      emit("GET", path, 302, 200 + rng.nextInt(40), null, 8_000 + rng.nextInt(9_000), true);
    } else {
      int status = feed && rng.chance(0.6) ? 304 : p.page.successStatus();
      emit("GET", path, status, status == 304 ? 0 : pageBytes(p, path, status), null,
          responseMicros(p, status), true);
    }
    viewed();
    return finish("CRAWL");
  }

  /**
   * A search-engine crawler: robots.txt first, then many distinct URLs, slowly, without assets,
   * mostly the catalogue's; only robots.txt on a site without a page it may fetch (see {@link
   * CompiledSite#crawlable}).
   */
  SessionRun crawler(long id, long start, Rng r, Visitor v) {
    begin(id, start, v, null, r);
    stateName = "CRAWL";
    protocol = "HTTP/1.1";
    if (api) {
      // An API host has nothing to crawl: the bot finds no robots.txt and no home page.
      emit("GET", "/robots.txt", 404, 60 + rng.nextInt(20), null, 400 + rng.nextInt(800), false);
      t += 500 + rng.nextInt(3_000);
      emit("GET", "/", 404, 60 + rng.nextInt(20), null, 400 + rng.nextInt(800), false);
      return finish("CRAWL");
    }
    emit("GET", "/robots.txt", 200, robotsBytes, null, 300 + rng.nextInt(1_500), false);
    if (cs.crawlable.length == 0) {
      // Nothing a crawler may fetch (forms only, everything behind a login): it leaves.
      return finish("CRAWL");
    }
    // A polite crawler waits over a second between fetches (nine on average).
    if (rng.chance(0.4)) {
      t += 1_200 + rng.nextInt(3000);
      emit("GET", "/sitemap.xml", 200, sitemapBytes, null, 15_000 + rng.nextInt(20_000), true);
    }
    AliasTable crawlWeights = cs.crawlWeights;
    if (crawlWeights == null) {
      return finish("CRAWL");
    }
    crawledCount = 0;
    int pages = 1 + Discrete.geometric(rng, 1.0 / 30);
    for (int i = 0; i < pages && n < settings.maxRequests(); i++) {
      t += (long) (1000 * rng.nextExponential(7.8)) + 1_200;
      if (t - startMillis > maxDurationMillis) {
        break;
      }
      // A URL not fetched yet in this visit: a crawler walks on, it does not go round in circles.
      CompiledSite.CPage p;
      String path;
      int tries = 0;
      do {
        p = cs.pages[cs.crawlable[crawlWeights.sample(rng)]];
        path = p.path.expand(rng, clearBinding(), rng.chance(0.6), null, pathKey);
      } while (!firstCrawl(p.index, pathKey[0]) && ++tries < 8);
      int status = p.page.successStatus();
      long bytes;
      if (gone(p, pathKey[0])) {
        // a removed item or a broken link: the crawler follows old links to it as anyone does
        status = 404;
        bytes = errorBytes(404);
      } else if (rng.chance(serverErrorRate(p))) {
        status = 500; // the server fails whoever asks
        bytes = errorBytes(500);
      } else if (rng.chance(0.02)) {
        status = 301;
        path = path.indexOf('?') < 0 && !path.endsWith("/") ? path + "/" : path;
        bytes = 230 + rng.nextInt(20);
      } else {
        bytes = p.file ? fileSize(p, path) : pageBytes(p, path, status);
      }
      emit(p.page.method(), path, status, bytes, null, responseMicros(p, status), true);
      viewed();
    }
    return finish("CRAWL");
  }

  /** A scanner: a burst of probes for well-known weak spots, mostly 404. */
  SessionRun scanner(long id, long start, Rng r, Visitor v) {
    begin(id, start, v, null, r);
    stateName = "SCAN";
    protocol = rng.chance(0.4) ? "HTTP/1.0" : "HTTP/1.1";
    int probes = 3 + Discrete.geometric(rng, 1.0 / 12);
    if (!api && rng.chance(0.5)) {
      CompiledSite.CPage home = cs.pages[Math.max(cs.home, 0)];
      emit("GET", "/", 200, bytesFor(home, 200), null, 20_000 + rng.nextInt(40_000), true);
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
      } else if (path.indexOf('\\') >= 0 || path.indexOf(';') >= 0) {
        status = 400;
      } else {
        status = 404;
      }
      String method = path.equals("/xmlrpc.php") || path.contains("formLogin") ? "POST"
          : rng.chance(0.05) ? "HEAD" : "GET";
      long bytes = method.equals("HEAD") ? 0 : status == 400 ? 226 : status == 403 ? 199 : 196;
      emit(method, path, status, bytes, null, 300 + rng.nextInt(2_000), false);
    }
    if (cs.forbidden >= 0 && rng.chance(0.3)) {
      t += 300;
      simple(cs.pages[cs.forbidden], 403, 199, null);
    }
    return finish("SCAN");
  }

  /** One uptime check. */
  SessionRun monitor(long id, long start, Rng r, Visitor v) {
    begin(id, start, v, null, r);
    stateName = "MONITOR";
    protocol = "HTTP/1.1";
    String path = api ? "/v1/health" : "/";
    emit("HEAD", path, 200, 0, null, 3_000 + rng.nextInt(12_000), true);
    return finish("MONITOR");
  }

  /** A credential-stuffing burst: many POST /login from one attacking address. */
  SessionRun stuffing(long id, long start, Rng r, Visitor v, Scenario.CredentialStuffing s) {
    begin(id, start, v, s.label(), r);
    stateName = States.LOGIN;
    protocol = "HTTP/1.1";
    int loginPage = cs.loginSubmit;
    // one URL for the burst, its placeholders (if any) drawn as for any page
    String path = loginPage >= 0 ? cs.pages[loginPage].path.expand(rng, clearBinding(), false)
        : "/login";
    long from = s.start().toEpochMilli();
    long end = from + s.duration().toMillis();
    int attempts = 10 + rng.nextInt(50);
    String referrer = cs.loginForm >= 0
        ? cs.origin + cs.pages[cs.loginForm].path.expand(rng, clearBinding(), false) : null;
    for (int i = 0; i < attempts && t < end && n < settings.maxRequests(); i++) {
      if (t >= from) { // a group that starts before the attack makes its attempts from its start
        boolean success = rng.chance(0.01);
        int status = success ? (loginPage >= 0 ? cs.pages[loginPage].page.successStatus() : 302)
            : 401;
        emit("POST", path, status, success ? 190 : 420 + rng.nextInt(40), referrer,
            40_000 + rng.nextInt(150_000), true);
      }
      t += 100 + (long) (1000 * rng.nextExponential(0.4));
    }
    return finish(States.LOGIN);
  }

  // ------------------------------------------------------------------ state actions

  /** The model's next state, checked: a plug-in model's bad index is named, not an AIOOBE. */
  private int next(int state) {
    int next = model.next(state, rng);
    if (next < 0 || next >= actions.length) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "session model %s: next(%d) returned %d, which is not a state index (0 to %d for"
              + " states %s)", model, state, next, actions.length - 1, stateNames));
    }
    return next;
  }

  private void login() {
    if (loggedIn) {
      return;
    }
    if (api) {
      if (cs.loginSubmit >= 0) {
        CompiledSite.CPage p = cs.pages[cs.loginSubmit];
        boolean fail = rng.chance(cs.site.errorRates().authFailure());
        think(0.5);
        int status = simple(p, fail ? 401 : p.page.successStatus(), -1, null);
        loggedIn = status < 400;
      }
      return;
    }
    customer = true;
    if (user == null) {
      user = visitor().user() != null ? visitor().user() : visitors.userName(visitor().id());
    }
    if (cs.loginSubmit < 0 || visitor().user() != null && rng.chance(REMEMBERED)) {
      // Remembered by a login cookie (or a site without a login page): signed in at once.
      loggedIn = true;
      if (current < 0) {
        visit(landing(), external(), true);
      }
      return;
    }
    if (!rng.chance(SIGN_IN_AT_ONCE)) {
      // Signs in when a page asks for it (checkout, profile), if one does.
      if (current < 0) {
        visit(landing(), external(), true);
      }
      return;
    }
    if (current < 0 && rng.chance(0.5)) {
      visit(landing(), external(), true);
      if (gaveUp) {
        return; // the browser gave up on a loop of redirects: no login form
      }
    }
    int back = current;
    String backPath = currentPath;
    int backKey = currentKey;
    if (back >= 0) {
      keepForReturn(cs.pages[back].path, shownBinding);
    }
    if (cs.loginForm >= 0) {
      think(0.6);
      view(cs.loginForm, currentUrl, currentUrl == null);
    }
    submitLogin(currentUrl, back, backPath, backKey);
  }

  /**
   * Posts the login form (up to three attempts, each more likely to fail); on success follows
   * the redirect back to {@code back} (or home).
   */
  private void submitLogin(@Nullable String formUrl, int back, @Nullable String backPath,
      int backKey) {
    CompiledSite.CPage p = cs.pages[cs.loginSubmit];
    double failure = cs.site.errorRates().authFailure();
    for (int attempt = 0; attempt < 3; attempt++) {
      think(0.4);
      boolean fail = rng.chance(Math.min(1, failure * (attempt + 1)));
      loggedIn = !fail;
      int status = simple(p, fail ? 401 : p.page.successStatus(), -1, formUrl);
      if (status >= 500) {
        loggedIn = false;
        return;
      }
      if (!fail) {
        if (status >= 300 && status < 400) {
          if (back >= 0 && backPath != null && cs.pages[back].page.method().equals("GET")) {
            redirectFollow(back, backPath, backKey, formUrl);
          } else if (cs.home >= 0) {
            redirectFollow(cs.home, null, 0, formUrl);
          }
        }
        return;
      }
    }
    customer = false; // three failures: the visitor gives up on signing in
  }

  private void logout() {
    if (cs.logout < 0 || !loggedIn) {
      return; // nothing to sign out of: the visitor just leaves
    }
    think(1.0);
    CompiledSite.CPage p = cs.pages[cs.logout];
    String from = currentUrl;
    int status = simple(p, p.page.successStatus(), -1, from);
    loggedIn = false;
    customer = false;
    if (cs.home >= 0 && !api && status >= 300 && status < 400) {
      redirectFollow(cs.home, null, 0, from);
    }
  }

  private void error() {
    int page = current >= 0 ? current : landing();
    think(1.0);
    CompiledSite.CPage p = cs.pages[page];
    String path = currentPath != null && current == page ? currentPath
        : p.path.expand(rng, clearBinding(), false);
    emit(p.page.method(), path, 500, errorBytes(500), currentUrl, responseMicros(p, 500), true);
    viewed();
  }

  private void browse() {
    long until = t + minBrowsingMillis + (maxBrowsingMillis > minBrowsingMillis
        ? rng.nextLong(maxBrowsingMillis - minBrowsingMillis + 1) : 0);
    if (current < 0) {
      visit(landing(), external(), true);
    }
    while (!gaveUp && n < settings.maxRequests() && t - startMillis <= maxDurationMillis) {
      long gap = thinkMillis(1.0);
      if (t + gap > until) {
        break;
      }
      t = Math.max(t + gap, lastRequest + 50);
      visit(nextPage(), currentUrl, false);
    }
  }

  /** A page view ({@link #view}) whose redirect the browser follows ({@link #follow}). */
  private int visit(int pageIndex, @Nullable String referrer, boolean landingView) {
    return follow(view(pageIndex, referrer, landingView));
  }

  /**
   * Follows the redirect of the page just viewed, answered {@code status}, at once, as a browser
   * does, to a page it links to (a form's redirect: add to cart, then the cart), and that page's
   * redirect in turn, at most {@link #MAX_REDIRECTS} hops: a browser then gives up ("too many
   * redirects", {@link #gaveUp}) and the visitor leaves. Returns the last status.
   */
  private int follow(int status) {
    int hops = 0;
    while (isRedirect(status) && n < settings.maxRequests()
        && t - startMillis <= maxDurationMillis) {
      if (hops++ == MAX_REDIRECTS) {
        gaveUp = true;
        break;
      }
      t = Math.max(t + 20 + rng.nextInt(120), lastRequest + 5);
      status = view(nextPage(), currentUrl, false);
    }
    return status;
  }

  private static boolean isRedirect(int status) {
    return status >= 300 && status < 400 && status != 304;
  }

  private int nextPage() {
    if (current >= 0) {
      AliasTable row = cs.links[current];
      if (row != null) {
        return cs.linkTargets[current][row.sample(rng)];
      }
    }
    return landing();
  }

  private int landing() {
    return cs.landingPages[cs.landing.sample(rng)];
  }

  private @Nullable String external() {
    if (api) {
      return null;
    }
    return EXTERNAL_REFERRERS[EXTERNAL_TABLE.sample(rng)];
  }

  // ------------------------------------------------------------------ requests

  /** A page view: an optional redirect hop, the page, its assets. Returns the page's status. */
  private int view(int pageIndex, @Nullable String referrer, boolean landingView) {
    CompiledSite.CPage p = cs.pages[pageIndex];
    @Nullable String[] b = landingView || current < 0 || pageIndex == current ? clearBinding()
        : carryBinding(p.path);
    if (preset != null) {
      System.arraycopy(preset, 0, b, 0, b.length);
      preset = null;
    }
    String path = p.path.expand(rng, b, false, null, pathKey);
    int key = pathKey[0];
    if (api) {
      return apiCall(p, path, key);
    }
    if (p.page.loginRequired() && !loggedIn && cs.loginForm >= 0) {
      // The site asks for a login: 302 to the form; a customer signs in, anyone else stops.
      int status = emit(p.page.method(), path, 302, 200 + rng.nextInt(40), referrer,
          8_000 + rng.nextInt(9_000), true);
      if (status >= 500) {
        return status;
      }
      t = Math.max(t + 30 + rng.nextInt(150), lastRequest + 5);
      keepForReturn(p.path, binding); // the page asked for, not yet shown
      CompiledSite.CPage form = cs.pages[cs.loginForm];
      // the form's placeholders (if any) are drawn as for any page, not logged as "{next}"
      String formPath = form.path.expand(rng, clearBinding(), false, null, pathKey);
      int formStatus = page(form, formPath, pathKey[0], referrer);
      if (customer && formStatus == 200 && cs.loginSubmit >= 0) {
        boolean get = p.page.method().equals("GET");
        submitLogin(currentUrl, get ? pageIndex : -1, get ? path : null, key);
      }
      return formStatus;
    }
    if (landingView && p.page.method().equals("GET")) {
      Site.ErrorRates er = cs.site.errorRates();
      double u = rng.nextDouble();
      if (u < er.redirectPermanent()) {
        // the URL without (or with) the trailing slash, the home page's file, an old query
        String old = path.indexOf('?') >= 0 ? path + "&ref=old"
            : path.equals("/") ? "/index.html"
            : path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
        emit("GET", old, 301, 230 + rng.nextInt(30), referrer, 500 + rng.nextInt(1_500), true);
        t += 40 + rng.nextInt(200);
      } else if (u < er.redirectPermanent() + er.redirectTemporary()) {
        String hop = path + (path.indexOf('?') < 0 ? "?" : "&") + "utm_source=newsletter";
        emit("GET", hop, 302, 0, referrer, 2_000 + rng.nextInt(3_000), true);
        t += 40 + rng.nextInt(200);
      }
    }
    return page(p, path, key, referrer);
  }

  /**
   * The page request itself (status, size, time) and, when it succeeded, its assets.
   *
   * @param key the key value of {@code path} (see {@link Template#expand}): whether it is gone
   */
  private int page(CompiledSite.CPage p, String path, int key, @Nullable String referrer) {
    int status = p.page.successStatus();
    double u = rng.nextDouble();
    if (gone(p, key)) {
      status = 404;
    } else if (u < serverErrorRate(p)) {
      status = 500;
    }
    long micros = responseMicros(p, status);
    long pageTime = t;
    long bytes;
    if (p.file && status == 200) {
      bytes = fileSize(p, path);
      if (rng.chance(PARTIAL)) {
        status = 206; // a range request: a resumed download, a seek in a video
        bytes = 1 + (long) (bytes * rng.nextDouble());
      }
    } else {
      bytes = pageBytes(p, path, status);
    }
    status = emit(p.page.method(), path, status, bytes, referrer, micros, true);
    viewed();
    current = p.index;
    show(p.path);
    boolean get = p.page.method().equals("GET");
    if (get) {
      currentPath = path;
      currentKey = key;
      currentUrl = urlOf(path);
    }
    if (status != 200 || !get || p.page.type() != ContentType.HTML) {
      return status;
    }
    loadAssets(p, currentUrl, pageTime + micros / 1000);
    return status;
  }

  /**
   * The browser fetches the page's assets once the HTML arrives: stylesheets and scripts at once,
   * fonts once the stylesheet is in, images alongside, the icon last; images lower down the page
   * seconds later, as the visitor scrolls. The session's clock moves to the last of them.
   */
  private void loadAssets(CompiledSite.CPage p, String url, long responded) {
    long parsed = responded + rttMillis + 5 + rng.nextInt(40);
    long last = t;
    if (!commonLoaded) {
      commonLoaded = true;
      for (CompiledSite.CAsset a : cs.common) {
        ContentType type = a.asset.type();
        long at = switch (type) {
          case CSS, JS -> parsed + rng.nextInt(20);
          case FONT -> parsed + 2L * rttMillis + 30 + rng.nextInt(150);
          case ICON -> parsed + 3L * rttMillis + 150 + rng.nextInt(900);
          default -> parsed + rttMillis + rng.nextInt(2 * rttMillis + 250);
        };
        String ref = type == ContentType.FONT && cs.stylesheetUrl != null ? cs.stylesheetUrl : url;
        last = Math.max(last, asset(a, p.path, ref, at));
      }
    }
    int images = 0;
    boolean scrolls = rng.chance(SCROLLS);
    for (CompiledSite.CAsset a : p.assets) {
      int min = a.asset.minCount();
      int count = min + rng.nextInt(a.asset.maxCount() - min + 1);
      for (int i = 0; i < count; i++) {
        long at = parsed + rttMillis + rng.nextInt(2 * rttMillis + 300);
        if (a.asset.type() == ContentType.IMAGE && images++ >= 2) {
          if (!scrolls) {
            break; // below the fold, and the visitor does not scroll: never loaded
          }
          at += 800 + (long) rng.nextExponential(5_000);
        }
        last = Math.max(last, asset(a, p.path, url, at));
      }
    }
    t = last;
  }

  /**
   * One asset request at {@code at}, unless the browser has it: fetched earlier in the session,
   * or cached from an earlier visit (fingerprinted files for good, others while fresh; else a
   * 304). Returns the request time, or {@link Long#MIN_VALUE} when no request is made. An
   * asset of one copy per view takes the values {@link #binding} holds (the page's, and those
   * an earlier asset drew); a copy of an asset of several takes the page's values for the
   * placeholders of {@code page} and draws the others for itself (see {@link #copyBinding}).
   */
  private long asset(CompiledSite.CAsset a, Template page, String referrer, long at) {
    String path = a.path.expand(rng, a.shared ? binding : copyBinding(a.path, page), false,
        pathHash);
    int h = pathHash[0];
    if (a.constant) {
      if (loaded[a.loadedIndex]) {
        return Long.MIN_VALUE;
      }
      loaded[a.loadedIndex] = true;
    } else if (seenInSession(path, h)) {
      return Long.MIN_VALUE;
    }
    int status = 200;
    if (warmCache && (a.constant || rng.chance(ITEM_SEEN))) {
      if (a.immutable || rng.chance(FRESH)) {
        return Long.MIN_VALUE;
      }
      status = 304;
    }
    long bytes = status == 200 ? staticSize(a, h) : 0;
    long micros = status == 200 ? (long) (a.asset.type().responseSeconds().sample(rng) * 1e6)
        : 150 + rng.nextInt(600);
    long saved = t;
    t = at;
    emit("GET", path, status, bytes, referrer, Math.max(50, micros), false);
    t = saved;
    return at;
  }

  /**
   * Whether this crawler visit has not fetched the URL of page {@code page} with key value
   * {@code key} yet; records it. Two numbers, no path: a constant page comes once a visit.
   */
  private boolean firstCrawl(int page, int key) {
    long id = (long) page << 32 | (key & 0xFFFFFFFFL);
    for (int i = 0; i < crawledCount; i++) {
      if (crawled[i] == id) {
        return false;
      }
    }
    if (crawledCount == crawled.length) {
      crawled = Arrays.copyOf(crawled, 2 * crawled.length);
    }
    crawled[crawledCount++] = id;
    return true;
  }

  /** Whether the session fetched {@code path} (hash code {@code h}) already. */
  private boolean seenInSession(String path, int h) {
    int size = Math.min(recentCount, recent.length);
    for (int i = 0; i < size; i++) {
      if (recentHashes[i] == h && path.equals(recent[i])) {
        return true;
      }
    }
    int slot = recentCount++ % recent.length;
    recent[slot] = path;
    recentHashes[slot] = h;
    return false;
  }

  /** The size of a file served as a page (a download): fixed by its path. */
  private long fileSize(CompiledSite.CPage p, String path) {
    Rng r = Rng.of(seed, SIZE_STREAM, path.hashCode());
    return Math.max(43, (long) p.sizes.sample(r));
  }

  /** The size of the asset file whose path has the hash code {@code h}. */
  private long staticSize(CompiledSite.CAsset a, int h) {
    if (a.constant) {
      return constantSizes[a.index];
    }
    int slot = (h + a.file * 0x9E3779B9) >>> (32 - SIZE_BITS);
    long key = (long) a.file << 32 | (h & 0xFFFFFFFFL);
    long[] table = sizes;
    int at = 2 * slot;
    if (table[at] == key && table[at + 1] != 0) {
      return table[at + 1];
    }
    long size = sizeOf(a, h);
    table[at] = key;
    table[at + 1] = size;
    return size;
  }

  /** The absolute URL of {@code path} on this site. */
  private String urlOf(String path) {
    int h = path.hashCode();
    int slot = h & (URL_CACHE - 1);
    String url = urls[slot];
    // Equal, not only the same string (a path of several placeholders is a new string per
    // view); the hash first, so that a slot held by another path costs no read of its text.
    if (url == null || urlHashes[slot] != h || !path.equals(urlPaths[slot])) {
      url = cs.origin.concat(path);
      urlPaths[slot] = path;
      urlHashes[slot] = h;
      urls[slot] = url;
    }
    return url;
  }

  /** The size of the file at {@code path}: fixed by the seed and the path. */
  private long sizeOf(CompiledSite.CAsset a, int pathHash) {
    Rng r = Rng.of(seed, SIZE_STREAM, pathHash);
    return Math.max(43, (long) a.asset.sizes().sample(r));
  }

  private int apiCall(CompiledSite.CPage p, String path, int key) {
    int status = p.page.successStatus();
    double u = rng.nextDouble();
    if (t - lastRequest < 300 && n > 0 && rng.chance(0.12)) {
      status = 429; // too fast: over the rate limit
    } else if (!loggedIn && rng.chance(0.02)) {
      status = 401;
    } else if (gone(p, key)) {
      status = 404;
    } else if (u < serverErrorRate(p)) {
      status = 500;
    } else if (!p.page.method().equals("GET") && rng.chance(0.03)) {
      status = 422;
    }
    long micros = responseMicros(p, status);
    long bytes = status == 429 ? 74 : status == 401 ? 61 : status == 422 ? 140 + rng.nextInt(80)
        : bytesFor(p, status);
    status = emit(p.page.method(), path, status, bytes, null, micros, true);
    viewed();
    current = p.index;
    show(p.path);
    currentPath = path;
    currentKey = key;
    return status;
  }

  /** A request to a page with a given status (logins, logouts, the admin area). */
  private int simple(CompiledSite.CPage p, int status, long bytes, @Nullable String referrer) {
    String path = p.path.expand(rng, clearBinding(), false);
    long b = bytes >= 0 ? bytes : bytesFor(p, status);
    int emitted = emit(p.page.method(), path, status, b, referrer, responseMicros(p, status), true);
    viewed();
    return emitted;
  }

  /** One image of the site, shown on another site's page: a single request. */
  private void embeddedView(CompiledSite.CAsset a) {
    String path = a.path.expand(rng, clearBinding(), false);
    emit("GET", path, 200, staticSize(a, path.hashCode()),
        EMBED_REFERRERS[EMBED_TABLE.sample(rng)],
        Math.max(50, (long) (a.asset.type().responseSeconds().sample(rng) * 1e6)), false);
  }

  /** Follows a redirect to {@code pageIndex} at once, as a browser does. */
  private void redirectFollow(int pageIndex, @Nullable String path, int key,
      @Nullable String referrer) {
    t = Math.max(t + 20 + rng.nextInt(120), lastRequest + 5);
    CompiledSite.CPage p = cs.pages[pageIndex];
    if (path != null) {
      // back to the page left for the login (the only caller with a path)
      System.arraycopy(returnBinding, 0, binding, 0, binding.length);
      page(p, path, key, referrer);
    } else {
      String expanded = p.path.expand(rng, clearBinding(), false, null, pathKey);
      page(p, expanded, pathKey[0], referrer);
    }
  }

  /**
   * Whether the URL of page {@code p} with key value {@code key} is gone (404): a property of
   * the URL, the same in every request of a run (see {@link CompiledSite}); arithmetic on the
   * key, no hashing of the path.
   */
  private boolean gone(CompiledSite.CPage p, int key) {
    if (p.goneShare <= 0 || key < p.goneFrom) {
      return false;
    }
    boolean[] set = goneSets[p.index];
    if (set != null) {
      return key - p.goneFrom < set.length && set[key - p.goneFrom];
    }
    long h = Rng.mix(goneSeed ^ p.goneSalt ^ key * 0x9E3779B97F4A7C15L);
    return (h >>> 11) * 0x1.0p-53 < p.goneShare;
  }

  /** The probability of a transient 500 on a request of {@code p}, for any visitor. */
  private double serverErrorRate(CompiledSite.CPage p) {
    return p.page.errorRate() + cs.site.errorRates().serverError();
  }

  /**
   * The size of a response of page {@code p} at {@code path}: a published document's (a feed)
   * is the same all day (see {@link #publishedSize}), any other page's is drawn per response.
   */
  private long pageBytes(CompiledSite.CPage p, String path, int status) {
    return p.published && status == 200 ? publishedSize(p, path) : bytesFor(p, status);
  }

  /**
   * The size of a published document (a feed) at {@code path} on the current day: it changes
   * only when the site publishes, taken as once a day. The last one is kept, so a run of feed
   * fetches costs a comparison each (the path's hash code is cached in a constant path).
   */
  private long publishedSize(CompiledSite.CPage p, String path) {
    long day = Math.floorDiv(t, 86_400_000L);
    int h = path.hashCode();
    if (publishedPage != p.index || publishedHash != h || publishedDay != day) {
      Rng r = Rng.of(seed, SIZE_STREAM, 0xFEEDL, h, day);
      publishedBytes = Math.max(43, (long) p.sizes.sample(r));
      publishedPage = p.index;
      publishedHash = h;
      publishedDay = day;
    }
    return publishedBytes;
  }

  private long bytesFor(CompiledSite.CPage p, int status) {
    if (status >= 200 && status < 300) {
      if (status == 204 || p.page.method().equals("HEAD")) {
        return 0;
      }
      return Math.max(20, (long) p.sizes.sample(rng));
    }
    if (status == 301 || status == 302 || status == 303) {
      return Math.max(0, (long) p.sizes.sample(rng));
    }
    return errorBytes(status);
  }

  private long errorBytes(int status) {
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

  /** The response time of a page: its type's, slower for server errors, faster for refusals. */
  private long responseMicros(CompiledSite.CPage p, int status) {
    double s = p.seconds.sample(rng);
    if (status >= 500) {
      s *= 4;
    } else if (status == 404 || status == 401 || status == 403 || status == 429) {
      s *= 0.3;
    }
    return Math.min(MAX_MICROS, Math.max(50L, (long) (s * 1e6)));
  }

  private long gatewayMicros(int status) {
    return switch (status) {
      case 504 -> 60_000_000L + rng.nextInt(50_000);
      case 502 -> 1_000 + rng.nextInt(30_000);
      default -> 200 + rng.nextInt(2_000);
    };
  }

  private long thinkMillis(double scale) {
    return (long) (Math.min(1800, thinkSeconds.sample(rng) * scale) * 1000);
  }

  /** Moves the clock by a think time (nothing before a session's first request). */
  private void think(double scale) {
    if (n == 0) {
      return;
    }
    t = Math.max(t + Math.max(thinkMillis(scale), 300), lastRequest + 50);
  }

  /**
   * Keeps the values of {@code page}'s placeholders in {@code values}, the page a login returns
   * to, for {@link #redirectFollow}.
   */
  private void keepForReturn(Template page, @Nullable String[] values) {
    Arrays.fill(returnBinding, null);
    for (int k : page.slots()) {
      returnBinding[k] = values[k];
    }
  }

  /**
   * The binding of one copy of an asset of several (a post's figures): the values of the page
   * view for the placeholders the page's path {@code page} uses, the others cleared, so that
   * the copy draws them for itself, once each however often the asset's path repeats them.
   */
  private @Nullable String[] copyBinding(Template asset, Template page) {
    for (int k : asset.slots()) {
      copyBinding[k] = page.uses(k) ? binding[k] : null;
    }
    return copyBinding;
  }

  private @Nullable String[] clearBinding() {
    Arrays.fill(binding, null);
    return binding;
  }

  /**
   * The binding for a page reached by a link from another page: the values the last view drew
   * for the placeholders {@code next} shares with it, the others cleared. A visitor adds to the
   * cart the product on screen ({@code /products/{item}} to {@code /cart/add?item={item}}) and
   * comments on the article read; a link to the same page (the next product) draws anew.
   */
  private @Nullable String[] carryBinding(Template next) {
    Arrays.fill(binding, null);
    Template shown = cs.pages[current].path;
    for (int k : next.slots()) {
      if (shown.uses(k)) {
        binding[k] = shownBinding[k];
      }
    }
    return binding;
  }

  /** Keeps the values of {@code path}'s placeholders, the page now on screen, for its links. */
  private void show(Template path) {
    for (int k : path.slots()) {
      shownBinding[k] = binding[k];
    }
  }

  // ------------------------------------------------------------------ bookkeeping

  private Visitor visitor() {
    Visitor v = visitor;
    if (v == null) {
      throw new IllegalStateException("no session begun");
    }
    return v;
  }

  private void begin(long id, long start, Visitor v, @Nullable String scenario, Rng r) {
    rng = r;
    n = 0;
    stateCount = 0;
    sessionId = id;
    startMillis = start;
    t = start;
    lastRequest = start;
    visitor = v;
    address = v.address();
    agent = v.userAgent();
    kind = v.kind();
    sessionLabel = scenario;
    user = kind == VisitorKind.API_CLIENT ? v.user() : null;
    loggedIn = kind == VisitorKind.API_CLIENT && rng.chance(0.7);
    customer = false;
    commonLoaded = false;
    gaveUp = false;
    warmCache = v.returning() && kind == VisitorKind.HUMAN && rng.chance(WARM_CACHE);
    Arrays.fill(loaded, false);
    recentCount = 0;
    current = -1;
    preset = null;
    currentUrl = null;
    currentPath = null;
    currentKey = 0;
    stateName = States.START;
    long h = Rng.mix(v.id() ^ seed);
    protocol = kind == VisitorKind.HUMAN ? ((h & 0xFF) < 90 ? "HTTP/2.0"
        : (h & 0xFF) < 250 ? "HTTP/1.1" : "HTTP/1.0") : "HTTP/1.1";
    // Round-trip time of the visitor's connection, fixed for the visitor: 20 to 275 ms, most
    // below 100 ms (fibre and cable), some far above (mobile networks).
    int u = (int) ((h >>> 20) & 0xFF);
    rttMillis = 20 + u * u / 256;
  }

  private void record(int state) {
    if (stateCount == states.length) {
      states = Arrays.copyOf(states, stateCount * 2);
    }
    states[stateCount++] = state;
  }

  /**
   * Records a request at the current time, after the scenarios active at that time have had
   * their say: an outage fails a share of all requests (502, 503, 504) and slows the others down
   * on the backend; a slow backend slows dynamic requests. Every request a scenario touches
   * carries its label, and so does every request of a session a scenario made. Returns the final
   * status.
   *
   * @param backend whether the application serves the request (pages, API calls), as opposed to
   *     the web server alone (static files)
   */
  private int emit(String method, String path, int status, long bytes,
      @Nullable String referrer, long micros, boolean backend) {
    if (n == buf.length) {
      buf = Arrays.copyOf(buf, n * 2);
      views = Arrays.copyOf(views, n * 2);
    }
    String scenario = sessionLabel;
    if (anyScenario) {
      for (Scenario.SlowBackend sb : slow) {
        if (backend && sb.covers(t)) {
          micros = (long) Math.min(MAX_MICROS, micros * sb.factor());
          scenario = sb.label();
        }
      }
      for (Scenario.Outage o : outages) {
        if (o.covers(t)) {
          scenario = o.label();
          if (rng.chance(o.failureShare())) {
            double u = rng.nextDouble();
            status = u < 0.5 ? 503 : u < 0.8 ? 502 : 504;
            bytes = errorBytes(status);
            micros = gatewayMicros(status);
          } else if (backend) {
            micros = Math.min(MAX_MICROS, micros * 3);
          }
        }
      }
    }
    if (status == 200 && bytes > 0 && emptyShare > 0 && "GET".equals(method)
        && rng.chance(emptyShare)) {
      bytes = 0; // the client went away before the body: Apache logs "-"
    }
    views[n] = false;
    buf[n++] = new AccessEvent(t, offset(t), address, null,
        loggedIn || kind == VisitorKind.API_CLIENT ? user : null, method, path, protocol, status,
        bytes, referrer, agent, micros, cs.site.host(), sessionId, stateName, kind, scenario);
    if (t > lastRequest) {
      lastRequest = t;
    }
    return status;
  }

  /**
   * The zone's offset at {@code millis}, cached per quarter hour. Today's transitions fall on a
   * quarter hour, but historic ones (local mean time, +00:19:32) do not: a quarter hour with a
   * transition inside is not cached.
   */
  private ZoneOffset offset(long millis) {
    if (fixedOffset != null) {
      return fixedOffset;
    }
    long slot = Math.floorDiv(millis, 900_000L);
    if (slot != offsetSlot) {
      offsetSlot = slot;
      offsetCached = zoneRules.getOffset(Instant.ofEpochMilli(slot * 900_000L));
      offsetMixed = !offsetCached.equals(
          zoneRules.getOffset(Instant.ofEpochMilli(slot * 900_000L + 899_999L)));
    }
    return offsetMixed ? zoneRules.getOffset(Instant.ofEpochMilli(millis)) : offsetCached;
  }

  /** Counts the request just emitted as a page view. */
  private void viewed() {
    views[n - 1] = true;
  }

  private SessionRun finish(String endState) {
    return finish(endState, Long.MAX_VALUE);
  }

  /**
   * Orders the session's events and cuts them at the hard bounds and at {@code until}; the
   * session's page views are those among the events kept.
   */
  private SessionRun finish(String endState, long until) {
    // Events are nearly sorted (assets trail their page by milliseconds): insertion sort, stable.
    AccessEvent[] ev = buf;
    boolean[] vw = views;
    int size = n;
    long limit = startMillis + maxDurationMillis;
    for (int i = 1; i < size; i++) {
      AccessEvent x = ev[i];
      boolean view = vw[i];
      int j = i - 1;
      while (j >= 0 && ev[j].epochMillis() > x.epochMillis()) {
        ev[j + 1] = ev[j];
        vw[j + 1] = vw[j];
        j--;
      }
      ev[j + 1] = x;
      vw[j + 1] = view;
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
    // A scenario's own session is cut at the end of the scenario's window.
    while (size > 0 && ev[size - 1].epochMillis() >= until) {
      size--;
    }
    int pageViews = 0;
    for (int i = 0; i < size; i++) {
      if (vw[i]) {
        pageViews++;
      }
    }
    AccessEvent[] out = Arrays.copyOf(ev, size);
    Arrays.fill(buf, 0, n, null);
    return new SessionRun(sessionId, startMillis, visitor(), out, size,
        Arrays.copyOf(states, stateCount), stateCount, end, pageViews, sessionLabel);
  }
}
