package dev.loggen.core.config.internal;

import dev.loggen.core.DataSize;
import dev.loggen.core.Page;
import dev.loggen.core.SessionSettings;
import dev.loggen.core.Site;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import dev.loggen.core.Visitors;
import dev.loggen.core.config.ConfigNode;
import dev.loggen.core.config.CoreSettings;
import dev.loggen.core.config.LegacyConfig;
import dev.loggen.core.engine.States;
import dev.loggen.core.engine.TransitionMatrix;
import dev.loggen.core.random.Distribution;
import dev.loggen.core.random.Distributions;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Maps the old Python tool's schema onto loggen's model (see {@link LegacyConfig}). */
public final class LegacyBinder {
  /** The old tool's default transition rows. */
  static final Map<String, Map<String, Double>> DEFAULT_ROWS = defaultRows();
  /** The status codes the old tool let a file rename, with their standard values. */
  static final Map<String, Integer> STATUS_CODES = statusCodes();
  /**
   * The share of loggen's sessions that are people: the old tool had no bots, so its rate is
   * people's sessions, and the crawlers and scanners of loggen's default visitors (which a
   * legacy file keeps) come on top.
   */
  static final double HUMAN_SHARE = 1 - Visitors.DEFAULT.crawlerShare()
      - Visitors.DEFAULT.scannerShare();
  private static final Set<String> WHEN = Set.of("s", "m", "h", "d", "midnight", "w0", "w1",
      "w2", "w3", "w4", "w5", "w6");

  private LegacyBinder() {}

  private static Map<String, Map<String, Double>> defaultRows() {
    Map<String, Map<String, Double>> m = new LinkedHashMap<>();
    m.put(States.START, ordered(States.LOGIN, 0.7, States.DIRECT_ACCESS, 0.3));
    m.put(States.LOGIN, ordered(States.BROWSING, 0.9, States.ABANDON, 0.1));
    m.put(States.DIRECT_ACCESS, ordered(States.BROWSING, 0.8, States.LEAVE, 0.2));
    Map<String, Double> b = ordered(States.LOGOUT, 0.4, States.ABANDON, 0.3);
    b.put(States.ERROR, 0.05);
    b.put(States.BROWSING, 0.25);
    m.put(States.BROWSING, b);
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, Double> ordered(String a, double pa, String b, double pb) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(a, pa);
    m.put(b, pb);
    return m;
  }

  private static Map<String, Integer> statusCodes() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("success", 200);
    m.put("not_found", 404);
    m.put("server_error", 500);
    m.put("forbidden", 403);
    m.put("unauthorized", 401);
    m.put("redirect_permanent", 301);
    m.put("redirect_temporary", 302);
    return Collections.unmodifiableMap(m);
  }

  /**
   * Binds the tree.
   *
   * @param root the root of the tree
   * @param env the environment, for the directory override
   * @param directory the directory the caller gives (it wins over the file and the override),
   *     or null
   * @return the mapped configuration
   * @throws dev.loggen.core.config.ConfigException listing every error
   */
  public static LegacyConfig read(ConfigNode root, Map<String, String> env,
      @Nullable Path directory) {
    LegacyConfig.requireOneSchema(root);
    root.claim(LegacyConfig.KEYS);
    ConfigNode out = root.get("output");
    String override = env.get(LegacyConfig.ENV_DIR_OVERRIDE);
    boolean directoryGiven = directory != null || override != null && !override.isBlank();
    if (out.isMissing()) {
      out.error("required key 'output' is missing: a file of the old Python generator (this one"
          + " has " + LegacyConfig.markers(root) + ") gives output.rate, the new sessions per"
          + " second" + (directoryGiven ? "" : ", and output.directory"));
    }
    LegacyConfig.Output output = out.isMissing() ? null : output(out, override, directory);
    ConfigNode patterns = root.get("traffic_patterns");
    double[] hourly = patterns.isPresent() ? HourRanges.read(patterns) : flat();
    if (patterns.isPresent()) {
      patterns.keyNode().warning("the old tool took these hours in its machine's local time;"
          + " loggen takes them as UTC, the same on every machine (to use another zone, write"
          + " the hours as traffic.hourly with traffic.zone in a loggen file)");
    }
    Traffic traffic = traffic(root, output, hourly);
    TransitionMatrix model = root.get("state_transitions").isPresent()
        ? StatesBinder.read(root.get("state_transitions"), DEFAULT_ROWS, false, false)
        : TransitionMatrix.legacyDefault();
    SessionSettings sessions = session(root.get("session"));
    Site site = site(root);
    statusCodes(root.get("status_codes"));
    root.warnUnknownKeys();
    root.diagnostics().throwIfErrors();
    CoreSettings core = new CoreSettings(null, null, site, model, traffic, sessions, null,
        List.of());
    return new LegacyConfig(core, output, root.diagnostics().warnings());
  }

  private static double[] flat() {
    double[] h = new double[24];
    java.util.Arrays.fill(h, 1.0);
    return h;
  }

  // ---- output -------------------------------------------------------------------------------

  private static LegacyConfig.@Nullable Output output(ConfigNode o, @Nullable String override,
      @Nullable Path given) {
    int before = o.diagnostics().errorCount();
    boolean overridden = override != null && !override.isBlank();
    Path directory = given;
    ConfigNode dirNode = given != null || overridden ? o.get("directory")
        : o.require("directory");
    Optional<String> dir = dirNode.nonBlankString(); // checked even when not used
    if (given == null && overridden) {
      try {
        directory = Path.of(override.trim());
      } catch (InvalidPathException e) {
        o.error(LegacyConfig.ENV_DIR_OVERRIDE + " is not a path: " + e.getMessage());
      }
    } else if (given == null && dir.isPresent()) {
      try {
        directory = Path.of(dir.get().trim());
      } catch (InvalidPathException e) {
        dirNode.error("expected a directory path (got " + dirNode.describe() + "): "
            + e.getReason());
      }
    }
    ConfigNode rateNode = o.require("rate");
    OptionalDouble rate = rateNode.positiveNumber();
    boolean debug = o.get("debug").bool().orElse(false);
    boolean preWarm = o.get("pre_warm").bool().orElse(true);
    ConfigNode h = o.get("health_check");
    boolean healthEnabled = h.get("enabled").bool().orElse(false);
    int port = (int) h.get("port").integer(1, 65_535).orElse(8080);
    ConfigNode r = o.get("log_rotation");
    LegacyConfig.Rotation d = LegacyConfig.Rotation.DEFAULT;
    boolean enabled = r.get("enabled").bool().orElse(d.enabled());
    ConfigNode sizeNode = r.get("max_size_mb");
    // 0 is Python's maxBytes=0: no rotation by size
    OptionalDouble mb = sizeNode.nonNegativeNumber();
    long bytes = mb.isPresent() ? Math.round(mb.getAsDouble() * 1024 * 1024)
        : Objects.requireNonNull(d.maxSize()).bytes();
    if (mb.isPresent() && mb.getAsDouble() > 0
        && (bytes < 1 || mb.getAsDouble() > 1_000_000_000)) {
      sizeNode.error("expected 0 (no rotation by size) or a size in megabytes between 0.000001"
          + " and 1000000000 (got " + sizeNode.describe() + ")");
    }
    ConfigNode whenNode = r.get("when");
    LegacyConfig.Rotation.When when = d.when();
    Optional<String> w = whenNode.string().map(s -> s.trim().toLowerCase(Locale.ROOT));
    if (w.isPresent()) {
      if (WHEN.contains(w.get())) {
        when = LegacyConfig.Rotation.When.valueOf(w.get().toUpperCase(Locale.ROOT));
      } else {
        whenNode.error("expected one of s, m, h, d, midnight, w0 to w6 (got "
            + whenNode.describe() + ")" + Suggestions.didYouMean(w.get(), WHEN));
      }
    }
    int interval = (int) r.get("interval").integer(1, 1_000_000).orElse(d.interval());
    int backups = (int) r.get("backup_count").integer(0, 1_000_000).orElse(d.backupCount());
    boolean compress = r.get("compress").bool().orElse(d.compress());
    Path dirPath = directory;
    LegacyConfig.Rotation.When wh = when;
    return Specs.construct(o, before, () -> new LegacyConfig.Output(dirPath, rate.getAsDouble(),
        debug, preWarm, new LegacyConfig.HealthCheck(healthEnabled, port),
        new LegacyConfig.Rotation(enabled, bytes == 0 ? null : DataSize.ofBytes(bytes), wh,
            interval, backups,
            compress)));
  }

  // ---- traffic ------------------------------------------------------------------------------

  private static @Nullable Traffic traffic(ConfigNode root, LegacyConfig.@Nullable Output output,
      double @Nullable [] hourly) {
    if (output == null || hourly == null) {
      return null;
    }
    double mean = 0;
    for (double h : hourly) {
      mean += h / 24;
    }
    ConfigNode at = root.get("traffic_patterns").isPresent() ? root.get("traffic_patterns")
        : root.get("output").get("rate");
    if (!(mean > 0)) {
      at.error("every hour has multiplier 0: no session would arrive");
      return null;
    }
    // rate * 3600 * mean human sessions an hour: bots come on top
    double perHour = output.sessionsPerSecond() * 3600 * mean / HUMAN_SHARE;
    if (perHour > CoreBinder.MAX_SESSIONS_PER_HOUR) {
      // The rate and the multipliers give the load together: name both, so that a wild
      // multiplier is not taken for a wrong rate.
      ConfigNode rate = root.get("output").get("rate");
      String multipliers = root.get("traffic_patterns").isPresent() ? String.format(Locale.ROOT,
          " with traffic_patterns' multipliers, whose mean over the day is %s,",
          significant(mean, RoundingMode.HALF_EVEN)) : "";
      rate.error(String.format(Locale.ROOT, "expected at most %s new sessions per second%s so"
          + " that at most %s sessions, with loggen's crawlers and scanners, start in an hour"
          + " (got %s)",
          significant(CoreBinder.MAX_SESSIONS_PER_HOUR * HUMAN_SHARE / 3600 / mean,
              RoundingMode.FLOOR),
          multipliers,
          Values.format(CoreBinder.MAX_SESSIONS_PER_HOUR), rate.describe()));
      return null;
    }
    List<Double> h = new ArrayList<>();
    for (double v : hourly) {
      h.add(v);
    }
    int before = root.diagnostics().errorCount();
    return Specs.construct(at, before, () -> new Traffic(perHour, h,
        Collections.nCopies(7, 1.0), ZoneOffset.UTC, List.of()));
  }

  /**
   * {@code v} to three significant digits (a bound rounds down), without exponent from 1e-9 to
   * below 1e15, else as YAML writes one ({@code 1e300}, {@code 5.9e-296}), not in 300 digits.
   */
  private static String significant(double v, RoundingMode mode) {
    BigDecimal b = new BigDecimal(v).round(new MathContext(3, mode)).stripTrailingZeros();
    int magnitude = b.precision() - b.scale() - 1; // the power of ten of the first digit
    return magnitude >= -9 && magnitude < 15 ? b.toPlainString()
        : b.toString().replace("E+", "e").replace('E', 'e');
  }

  // ---- session ------------------------------------------------------------------------------

  private static @Nullable SessionSettings session(ConfigNode s) {
    int before = s.diagnostics().errorCount();
    ConfigNode minNode = s.get("min_browsing_duration");
    ConfigNode maxNode = s.get("max_browsing_duration");
    Duration min = seconds(minNode).orElse(Duration.ofSeconds(60));
    Duration max = seconds(maxNode).orElse(Duration.ofSeconds(600));
    if (max.compareTo(min) < 0) {
      (maxNode.isPresent() ? maxNode : minNode).error("max_browsing_duration must be at least"
          + " min_browsing_duration (got min=" + min.toSeconds() + ", max=" + max.toSeconds()
          + ")");
    }
    if (max.compareTo(Duration.ofHours(23)) > 0) {
      maxNode.error("expected at most 82800 seconds (23 hours) of browsing (got "
          + maxNode.describe() + ")");
    }
    ConfigNode interval = s.get("page_view_interval");
    ConfigNode minI = s.get("min_page_view_interval");
    ConfigNode maxI = s.get("max_page_view_interval");
    Distribution think;
    if (minI.isPresent() || maxI.isPresent()) {
      if (minI.isMissing() || maxI.isMissing()) {
        (minI.isMissing() ? maxI : minI).error("give both min_page_view_interval and"
            + " max_page_view_interval");
      }
      if (interval.isPresent() && minI.isPresent() && maxI.isPresent()) {
        // with one of them missing, the error above is the news: no contradictory warning
        interval.warning("page_view_interval is not used when min_page_view_interval and"
            + " max_page_view_interval are given");
      }
      if (interval.isPresent()) {
        interval.nonNegativeNumber();
      }
      double lo = minI.nonNegativeNumber().orElse(0);
      double hi = maxI.nonNegativeNumber().orElse(lo);
      if (hi < lo) {
        maxI.error("max_page_view_interval must be at least min_page_view_interval (got min="
            + Values.format(lo) + ", max=" + Values.format(hi) + ")");
      }
      think = Specs.construct(s, before, () -> Distributions.uniform(lo, hi));
    } else {
      double v = interval.nonNegativeNumber().orElse(5);
      think = Specs.construct(s, before, () -> Distributions.constant(v));
    }
    // Sessions may browse several stretches; the hard bound only stops runaway sessions.
    Duration maxDuration = max.plusHours(1).compareTo(Duration.ofDays(1)) > 0
        ? Duration.ofDays(1) : max.plusHours(1);
    Distribution t = think;
    return Specs.construct(s, before, () -> new SessionSettings(min, max, t, maxDuration,
        SessionSettings.DEFAULT.maxRequests()));
  }

  /** A number of seconds (the old tool's form), or a duration with a unit. */
  private static Optional<Duration> seconds(ConfigNode n) {
    if (n.isScalar() && Values.number(n.text()).isPresent()) {
      OptionalDouble v = n.nonNegativeNumber();
      return v.isPresent() ? Optional.of(Duration.ofMillis(Math.round(v.getAsDouble() * 1000)))
          : Optional.empty();
    }
    return n.duration();
  }

  // ---- site ---------------------------------------------------------------------------------

  private static @Nullable Site site(ConfigNode root) {
    int before = root.diagnostics().errorCount();
    Site shop = Sites.shop();
    Map<String, Page> pages = new LinkedHashMap<>();
    shop.pages().forEach(p -> pages.put(p.name(), p));
    ConfigNode er = root.get("error_rates");
    Site.ErrorRates d = shop.errorRates();
    double global = rate(er, "global_500", "global_500_rate", 0.02);
    double r301 = rate(er, "redirect_301", null, 0.01);
    double r302 = rate(er, "redirect_302", null, 0.02);
    double forbidden = rate(er, "forbidden_access", null, 0.005);
    double auth = rate(er, "auth_failure", null, 0.01);
    double cart = rate(er, "cart_abandon", "cart_abandonment_rate", d.cartAbandon());
    double product404 = rate(er, "product_404", "product_404_rate", 0.02);
    Page product = pages.get("product");
    pages.put("product", product.withErrorRates(product.errorRate(), product404));
    // which key set each page's error rate, with the total it asked for: a later one replaces it
    Map<String, PageRate> setBy = new LinkedHashMap<>();
    ConfigNode checkoutNode = er.get("checkout_500");
    OptionalDouble checkout = checkoutNode.probability();
    if (checkout.isPresent()) {
      Page p = pages.get("checkout_submit");
      pages.put(p.name(), p.withErrorRates(above(checkoutNode, checkout.getAsDouble(), global),
          p.notFoundRate()));
      setBy.put(p.name(), new PageRate(checkoutNode.path(), checkout.getAsDouble()));
    }
    for (ConfigNode e : er.get("high_error_pages").list()) {
      ConfigNode pathNode = e.require("path");
      Optional<String> path = pathNode.nonBlankString();
      OptionalDouble rate = e.require("error_rate").probability();
      if (path.isEmpty() || rate.isEmpty() || !Specs.checkPath(pathNode, path.get())) {
        continue;
      }
      List<PathMatcher.Match> matches = PathMatcher.match(shop, path.get());
      if (matches.isEmpty()) {
        pathNode.warning("no page of the shop site serves '" + path.get()
            + "': this error rate is not applied");
        continue;
      }
      double pageRate = above(e.get("error_rate"), rate.getAsDouble(), global);
      for (PathMatcher.Match m : matches) {
        Page p = pages.get(m.page().name());
        pages.put(p.name(), p.withErrorRates(pageRate, p.notFoundRate()));
        PageRate earlier = setBy.put(p.name(), new PageRate(e.get("error_rate").path(),
            rate.getAsDouble()));
        if (earlier != null) {
          e.get("error_rate").warning("'" + path.get() + "' is served by page '" + p.name()
              + "' (" + p.method() + " " + p.path() + "), whose error rate " + earlier.path()
              + " already set to " + Values.format(earlier.rate()) + ": loggen keeps one rate"
              + " per page, and this later one, " + Values.format(rate.getAsDouble())
              + ", applies");
        }
        if (m.approximate()) {
          pathNode.warning("'" + path.get() + "' fixes " + String.join(", ", m.pinned())
              + " of page '" + p.name() + "' (" + p.path() + "): loggen applies error_rate "
              + Values.format(rate.getAsDouble()) + " to every request of that page");
        }
      }
    }

    Map<String, Double> landing = new LinkedHashMap<>(shop.landing());
    ConfigNode nav = root.get("navigation");
    ConfigNode home = nav.get("home");
    ConfigNode homeUpper = nav.get("HOME");
    if (home.isPresent() && homeUpper.isPresent()) {
      homeUpper.keyNode().error("give navigation.home or navigation.HOME, not both");
    }
    ConfigNode h = home.isPresent() ? home : homeUpper;
    if (h.isPresent()) {
      landing.clear();
      Map<String, ConfigNode> weights = h.map();
      for (Map.Entry<String, ConfigNode> w : weights.entrySet()) {
        String path = w.getKey();
        OptionalDouble weight = w.getValue().nonNegativeNumber();
        ConfigNode at = w.getValue().keyNode();
        if (weight.isEmpty() || !Specs.checkPath(at, path)) {
          continue;
        }
        String page = landingPage(shop, pages, path, at);
        landing.merge(page, weight.getAsDouble(), Double::sum);
      }
      if (h.isMapping() && weights.isEmpty()) {
        h.error("expected at least one landing path with a weight");
      } else if (!landing.isEmpty() && landing.values().stream().allMatch(v -> v == 0)) {
        h.error("the landing weights are all 0");
      }
    }
    Site.ErrorRates rates = Specs.construct(er, before, () -> new Site.ErrorRates(global, r301,
        r302, forbidden, auth, cart));
    if (rates == null) {
      return null;
    }
    return Specs.construct(root, before, () -> {
      Site.Builder b = Site.builder(shop.name()).host(shop.host()).api(shop.isApi());
      shop.params().forEach(b::param);
      pages.values().forEach(b::page);
      b.commonAssets(shop.commonAssets().toArray(new dev.loggen.core.Asset[0]));
      landing.forEach(b::landing);
      shop.links().forEach((from, row) -> row.forEach((to, w) -> b.link(from, to, w)));
      shop.roles().forEach(b::role);
      return b.errorRates(rates).model(shop.model()).build();
    });
  }

  /** The key that set a page's error rate, and the total rate it asked for. */
  private record PageRate(String path, double rate) {}

  /** A page's own error rate so that with the global rate on top the total is {@code total}. */
  private static double above(ConfigNode at, double total, double global) {
    if (total < global) {
      at.warning("error rate " + Values.format(total) + " is below global_500 ("
          + Values.format(global) + "), which applies to every page: the page keeps "
          + Values.format(global));
      return 0;
    }
    return total - global;
  }

  private static String landingPage(Site shop, Map<String, Page> pages, String path,
      ConfigNode at) {
    List<PathMatcher.Match> matches = PathMatcher.match(shop, path);
    PathMatcher.Match m = matches.stream().filter(x -> x.page().method().equals("GET"))
        .findFirst().orElse(matches.isEmpty() ? null : matches.get(0));
    if (m != null) {
      if (m.approximate()) {
        at.warning("'" + path + "' fixes " + String.join(", ", m.pinned()) + " of page '"
            + m.page().name() + "' (" + m.page().path() + "): visitors land on that page with"
            + " any value");
      }
      return m.page().name();
    }
    String name = "landing" + path.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_+$", "");
    while (pages.containsKey(name) && !pages.get(name).path().equals(path)) {
      name = name + "_";
    }
    if (!pages.containsKey(name)) {
      pages.put(name, Page.html(name, path));
      at.warning("'" + path + "' is not a page of the shop site: added as an HTML page '" + name
          + "' without links or assets");
    }
    return name;
  }

  private static double rate(ConfigNode er, String key, @Nullable String alt, double def) {
    ConfigNode a = er.get(key);
    ConfigNode b = alt == null ? a : er.get(alt);
    if (alt != null && a.isPresent() && b.isPresent()) {
      b.keyNode().error("give " + key + " or " + alt + ", not both");
    }
    ConfigNode n = a.isPresent() ? a : b;
    return n.probability().orElse(def);
  }

  private static void statusCodes(ConfigNode codes) {
    for (Map.Entry<String, ConfigNode> e : codes.map().entrySet()) {
      Integer standard = STATUS_CODES.get(e.getKey());
      if (standard == null) {
        e.getValue().keyNode().warning("unknown status code name '" + e.getKey() + "' (ignored)"
            + Suggestions.closest(e.getKey(), STATUS_CODES.keySet())
                .map(s -> ": did you mean '" + s + "'?")
                .orElse(": expected one of " + STATUS_CODES.keySet().stream()
                    .collect(Collectors.joining(", "))));
        continue;
      }
      e.getValue().integer(100, 599).ifPresent(v -> {
        if (v != standard) {
          e.getValue().warning("loggen answers with the standard " + standard + " for "
              + e.getKey() + ": the renaming to " + v + " is not applied");
        }
      });
    }
  }
}
