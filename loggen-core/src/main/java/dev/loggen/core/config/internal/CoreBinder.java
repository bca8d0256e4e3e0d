package dev.loggen.core.config.internal;

import dev.loggen.core.LogGenerator;
import dev.loggen.core.Page;
import dev.loggen.core.Scenario;
import dev.loggen.core.SessionSettings;
import dev.loggen.core.Site;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import dev.loggen.core.Visitors;
import dev.loggen.core.config.ConfigNode;
import dev.loggen.core.config.CoreConfig;
import dev.loggen.core.config.CoreSettings;
import dev.loggen.core.engine.SessionModel;
import dev.loggen.core.internal.Printable;
import dev.loggen.core.internal.Rules;
import dev.loggen.core.internal.TrafficPeak;
import dev.loggen.core.random.Distribution;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Binds the core top-level sections (see {@link CoreConfig}). */
public final class CoreBinder {
  /** The most sessions per hour the generator accepts. */
  static final double MAX_SESSIONS_PER_HOUR = 240_000_000;
  // 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z (as numbers: no date parser at start-up)
  private static final Instant MIN_START = Instant.ofEpochSecond(-62_135_596_800L);
  private static final Instant MAX_START = Instant.ofEpochSecond(253_402_300_799L);
  private static final Set<String> ENDLESS = Set.of("endless", "none", "unbounded");
  private static final Set<String> NO_MONITOR = Set.of("none", "off", "0", "false", "no");

  private CoreBinder() {}

  /**
   * Binds every core section.
   *
   * @param root the root of the tree
   * @param instead what the run uses in place of the file's settings (a command line's), which
   *     the file's other settings are checked against
   * @return the settings (meaningful when no error was recorded)
   */
  public static CoreSettings read(ConfigNode root, CoreConfig.Instead instead) {
    root.claim(CoreConfig.KEYS);
    OptionalLong seed = root.get("seed").integer();
    // the window's years are counted in the traffic's zone, as the generator counts them
    ZoneId zone = root.get("traffic").get("zone").zone().orElse(ZoneOffset.UTC);
    CoreSettings.Window window = window(root.get("window"), zone, instead.start());
    Instant start = window != null ? window.start() : LogGenerator.DEFAULT_START;
    Site site = site(root);
    boolean normalize = root.get("normalize").bool().orElse(false);
    SessionModel model = StatesBinder.read(root.get("states"), Map.of(), normalize, true);
    // normalize: false, the default, asks for nothing and needs no states
    if (root.get("states").isMissing() && normalize) {
      root.get("normalize").keyNode().error("normalize applies to the rows of 'states',"
          + " which are missing");
    }
    Set<Integer> relativeBursts = new HashSet<>();
    Traffic traffic = traffic(root.get("traffic"), start, relativeBursts,
        instead.sessionsPerHour());
    SessionSettings sessions = session(root.get("session"),
        site != null ? site.sessions() : SessionSettings.DEFAULT);
    Visitors visitors = visitors(root.get("visitors"));
    // When the site section is wrong, page names cannot be checked against it.
    Site pages = instead.site() != null ? instead.site() : site != null ? site
        : root.has("site") || root.has("profile") ? null : Sites.shop();
    Set<Integer> relativeScenarios = new HashSet<>();
    List<Scenario> scenarios = scenarios(root.get("scenarios"), start, pages, relativeScenarios);
    return new CoreSettings(seed.isPresent() ? seed.getAsLong() : null, window, site, model,
        traffic, sessions, visitors, scenarios,
        new CoreSettings.RelativeStarts(relativeScenarios, relativeBursts));
  }

  /**
   * The window; checked with {@code startInstead} in place of its start when a command line
   * gives one (the file's start is not used then).
   */
  private static CoreSettings.@Nullable Window window(ConfigNode w, ZoneId zone,
      @Nullable Instant startInstead) {
    if (w.isMissing()) {
      return null;
    }
    int before = w.diagnostics().errorCount();
    ConfigNode s = w.get("start");
    Instant start = s.instant().orElse(LogGenerator.DEFAULT_START);
    if (start.isBefore(MIN_START) || start.isAfter(MAX_START)) {
      s.error("expected a start between years 1 and 9999 (got " + s.describe() + ")");
    } else if (startInstead == null) {
      // (with a start from elsewhere, the run's window does not begin here: the window is
      // checked with the run's start below)
      LocalDateTime local = LocalDateTime.ofInstant(start, zone);
      if (local.getYear() < 1 || local.getYear() > 9999) {
        s.error("expected a start between years 1 and 9999 in traffic.zone " + zone + " (got "
            + s.describe() + ", which is " + local + " there)");
      }
    }
    ConfigNode d = w.get("duration");
    Duration duration;
    if (d.isScalar() && ENDLESS.contains(d.text().trim().toLowerCase(Locale.ROOT))) {
      duration = null;
    } else {
      duration = d.positiveDuration(LogGenerator.MAX_DURATION)
          .orElse(LogGenerator.DEFAULT_DURATION);
    }
    Instant runStart = startInstead != null ? startInstead : start;
    return Specs.construct(w, before, () -> {
      LogGenerator.builder().window(runStart, duration).traffic(Traffic.sessionsPerHour(1)
          .withZone(zone)).build();
      return new CoreSettings.Window(start, duration);
    });
  }

  private static @Nullable Site site(ConfigNode root) {
    ConfigNode profile = root.get("profile");
    ConfigNode site = root.get("site");
    if (profile.isPresent() && site.isPresent()) {
      site.keyNode().error("give either 'profile' or 'site', not both (to change a built-in"
          + " site, use 'site: {extends: " + (profile.isScalar() ? profile.text() : "shop")
          + ", ...}')");
      site.claim(site.keys());
      return null;
    }
    if (profile.isPresent()) {
      return profile.choice(Sites.names()).map(Sites::named).orElse(null);
    }
    if (site.isPresent()) {
      return SiteBinder.read(site);
    }
    return null;
  }

  /** The traffic; the positions of the bursts whose start is relative go to {@code relative}. */
  private static @Nullable Traffic traffic(ConfigNode t, Instant windowStart,
      Set<Integer> relative, @Nullable Double perHourInstead) {
    if (t.isMissing()) {
      return null;
    }
    int before = t.diagnostics().errorCount();
    ConfigNode rate = t.get("sessionsPerHour");
    double perHour = rate.positiveNumber().orElse(2_000);
    if (perHour > MAX_SESSIONS_PER_HOUR) {
      rate.error(String.format(Locale.ROOT, "expected at most %d sessions per hour (got %s)",
          (long) MAX_SESSIONS_PER_HOUR, rate.describe()));
    }
    boolean flat = t.get("flat").bool().orElse(false);
    if (flat && (t.has("hourly") || t.has("weekday"))) {
      t.get("flat").error("'flat: true' contradicts the hourly or weekday multipliers given:"
          + " give one or the other");
    }
    List<Double> hourly = multipliers(t.get("hourly"), 24, Traffic.DIURNAL);
    List<Double> weekday = multipliers(t.get("weekday"), 7, Traffic.WEEKLY);
    ZoneId zone = t.get("zone").zone().orElse(ZoneOffset.UTC);
    List<Traffic.Burst> bursts = new ArrayList<>();
    for (ConfigNode b : t.get("bursts").list()) {
      int eb = b.diagnostics().errorCount();
      Optional<Instant> s = Specs.when(b.require("start"), windowStart);
      Optional<Duration> d = atLeastAMillisecond(b.require("duration"));
      OptionalDouble m = b.require("multiplier").nonNegativeNumber();
      Traffic.Burst burst = Specs.construct(b, eb,
          () -> new Traffic.Burst(s.get(), d.get(), m.getAsDouble()));
      if (burst != null) {
        if (Specs.isRelative(b.get("start"))) {
          relative.add(bursts.size());
        }
        bursts.add(burst);
      }
    }
    Traffic traffic = Specs.construct(t, before, () -> {
      Traffic r = new Traffic(perHour, hourly, weekday, zone, bursts);
      return flat ? r.flat() : r;
    });
    // the peak of the traffic the run has: with a command line's rate when it gives one
    return traffic == null || !fitsThePeak(perHourInstead == null ? traffic
        : traffic.withSessionsPerHour(perHourInstead), t) ? null : traffic;
  }

  /**
   * Whether the traffic's busiest instant stays within {@link LogGenerator#MAX_PEAK_PER_HOUR},
   * the check {@link LogGenerator.Builder#build()} makes, with an error at the key to change
   * when not: {@code sessionsPerHour}; or the multiplier of each burst that alone goes past it,
   * with the most it may be; or else the multiplier of the burst whose start is the busiest
   * instant of overlapping bursts, or of the burst that started last among those running where
   * a burst below 1 ends.
   */
  private static boolean fitsThePeak(Traffic traffic, ConfigNode t) {
    double hour = TrafficPeak.busiestHour(traffic);
    double day = TrafficPeak.busiestWeekday(traffic);
    double base = TrafficPeak.withoutBursts(traffic);
    String shape = String.format(Locale.ROOT, "sessionsPerHour %s x busiest hour %.2f x busiest"
        + " weekday %.2f", compact(traffic.sessionsPerHour()), hour, day);
    String max = String.format(Locale.ROOT, "%.0f", LogGenerator.MAX_PEAK_PER_HOUR);
    if (base > LogGenerator.MAX_PEAK_PER_HOUR) {
      ConfigNode rate = t.get("sessionsPerHour");
      (rate.isPresent() ? rate : t).error(String.format(Locale.ROOT, "traffic peaks at %.0f"
          + " sessions per hour (%s): at most %s per hour can be generated", base, shape, max));
      return false;
    }
    List<Traffic.Burst> bursts = traffic.bursts();
    List<ConfigNode> nodes = t.get("bursts").list();
    boolean ok = true;
    for (int i = 0; i < bursts.size(); i++) {
      if (base * bursts.get(i).multiplier() > LogGenerator.MAX_PEAK_PER_HOUR) {
        ConfigNode m = nodes.get(i).get("multiplier");
        m.error("expected at most " + floor3(LogGenerator.MAX_PEAK_PER_HOUR / base)
            + " so that the traffic peaks at no more than " + max + " sessions per hour ("
            + shape + " x this multiplier) (got " + m.describe() + ")");
        ok = false;
      }
    }
    if (!ok) {
      return false;
    }
    // Overlapping bursts multiply; the busiest instant is where one of them starts.
    for (int i = 0; i < bursts.size(); i++) {
      Traffic.Burst b = bursts.get(i);
      TrafficPeak.Overlap overlap = TrafficPeak.othersAtStart(bursts, b);
      double others = overlap.product();
      int overlapping = overlap.count();
      if (base * others * b.multiplier() > LogGenerator.MAX_PEAK_PER_HOUR) {
        ConfigNode m = nodes.get(i).get("multiplier");
        m.error("expected at most " + floor3(LogGenerator.MAX_PEAK_PER_HOUR / base / others)
            + " so that the traffic peaks at no more than " + max + " sessions per hour ("
            + shape + " x " + compact(others) + (overlapping == 1
                ? ", the multiplier of the other burst running at this one's start,"
                : ", the product of the " + overlapping + " other bursts running at this one's"
                    + " start,") + " x this multiplier) (got "
            + m.describe() + ")");
        return false;
      }
    }
    // A burst below 1 that ends while others run lets the traffic rise there: the error goes
    // to the multiplier of the burst that started last among those running then.
    for (int i = 0; i < bursts.size(); i++) {
      Traffic.Burst ending = bursts.get(i);
      TrafficPeak.Overlap running = TrafficPeak.runningAtEnd(bursts, ending);
      if (base * running.product() <= LogGenerator.MAX_PEAK_PER_HOUR) {
        continue;
      }
      long end = ending.start().toEpochMilli() + ending.duration().toMillis();
      int last = -1;
      for (int j = 0; j < bursts.size(); j++) {
        if (bursts.get(j).contains(end) && (last < 0
            || !bursts.get(j).start().isBefore(bursts.get(last).start()))) {
          last = j;
        }
      }
      double others = running.product() / bursts.get(last).multiplier();
      int overlapping = running.count() - 1;
      ConfigNode m = nodes.get(last).get("multiplier");
      m.error("expected at most " + floor3(LogGenerator.MAX_PEAK_PER_HOUR / base / others)
          + " so that the traffic peaks at no more than " + max + " sessions per hour ("
          + shape + " x " + compact(others) + (overlapping == 1
              ? ", the multiplier of the other burst"
              : ", the product of the " + overlapping + " other bursts")
          + " running when traffic.bursts[" + i + "] ends, x this multiplier) (got "
          + m.describe() + ")");
      return false;
    }
    return true;
  }

  /**
   * A duration of at least a millisecond at {@code n}: times are whole milliseconds, and a
   * scenario or burst shorter than one would change nothing (and was accepted: PT0.0004S).
   */
  private static Optional<Duration> atLeastAMillisecond(ConfigNode n) {
    Optional<Duration> d = n.positiveDuration();
    if (d.isPresent() && d.get().compareTo(Duration.ofMillis(1)) < 0) {
      n.error("expected a duration of at least 1ms (got " + n.describe() + ")");
      return Optional.empty();
    }
    return d;
  }

  /** {@code v} rounded down to three significant digits, without exponent. */
  private static String floor3(double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      return "0";
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(3,
        java.math.RoundingMode.FLOOR)).stripTrailingZeros().toPlainString();
  }

  /** {@code v} as written, or in scientific notation when very large; never "Infinity". */
  private static String compact(double v) {
    if (!Double.isFinite(v)) {
      return "more than " + String.format(Locale.ROOT, "%.3e", Double.MAX_VALUE);
    }
    return v < 1e12 ? Values.format(v) : String.format(Locale.ROOT, "%.3e", v);
  }

  private static List<Double> multipliers(ConfigNode n, int size, List<Double> def) {
    if (n.isMissing()) {
      return def;
    }
    List<Double> out = new ArrayList<>();
    for (ConfigNode v : n.list(size, size)) {
      out.add(v.nonNegativeNumber().orElse(Double.NaN));
    }
    if (out.size() == size && out.stream().allMatch(v -> v == 0)) {
      n.error("the multipliers must not all be 0: no session would arrive");
    }
    return out;
  }

  /** The session section; keys left out keep their value in {@code d} (the file's site's). */
  private static @Nullable SessionSettings session(ConfigNode s, SessionSettings d) {
    if (s.isMissing()) {
      return null;
    }
    int before = s.diagnostics().errorCount();
    Duration min = s.get("minBrowsing").duration().orElse(d.minBrowsing());
    ConfigNode maxNode = s.get("maxBrowsing");
    Duration max = maxNode.duration().orElse(d.maxBrowsing());
    if (max.compareTo(min) < 0) {
      (maxNode.isPresent() ? maxNode : s.get("minBrowsing")).error(
          "maxBrowsing must be at least minBrowsing (got min=" + Printable.duration(min)
              + ", max=" + Printable.duration(max) + ")");
    }
    ConfigNode think = s.get("thinkTime");
    Distribution thinkTime = Specs.distribution(think);
    ConfigNode maxDurationNode = s.get("maxDuration");
    Duration maxDuration = maxDurationNode.duration().orElse(d.maxDuration());
    if (maxDuration.compareTo(Duration.ofSeconds(1)) < 0
        || maxDuration.compareTo(Duration.ofDays(1)) > 0) {
      maxDurationNode.error("expected a duration between 1s and 1d (got "
          + maxDurationNode.describe() + ")");
    }
    int maxRequests = (int) s.get("maxRequests").integer(1, SessionSettings.MAX_REQUESTS)
        .orElse(d.maxRequests());
    return Specs.construct(s, before, () -> new SessionSettings(min, max,
        thinkTime != null ? thinkTime : d.thinkTimeSeconds(), maxDuration, maxRequests));
  }

  private static @Nullable Visitors visitors(ConfigNode v) {
    if (v.isMissing()) {
      return null;
    }
    int before = v.diagnostics().errorCount();
    Visitors d = Visitors.DEFAULT;
    double crawler = v.get("crawlerShare").probability().orElse(d.crawlerShare());
    double scanner = v.get("scannerShare").probability().orElse(d.scannerShare());
    if (crawler + scanner > 1) {
      v.get(v.has("scannerShare") ? "scannerShare" : "crawlerShare").error(
          "crawlerShare + scannerShare must not exceed 1 (got " + Values.format(crawler) + " + "
              + Values.format(scanner) + ")");
    }
    ConfigNode m = v.get("monitorInterval");
    Duration monitor = d.monitorInterval();
    if (m.isScalar() && NO_MONITOR.contains(m.text().trim().toLowerCase(Locale.ROOT))) {
      monitor = Duration.ZERO;
    } else if (m.isPresent()) {
      Optional<Duration> md = m.duration(Visitors.MAX_MONITOR_INTERVAL);
      if (md.isPresent() && !md.get().isZero() && md.get().toMillis() < 1000) {
        m.error("expected 'none' or a duration of at least 1s (got " + m.describe() + ")");
      }
      monitor = md.orElse(monitor);
    }
    Duration mon = monitor;
    double returning = v.get("returningShare").probability().orElse(d.returningShare());
    double ipv6 = v.get("ipv6Share").probability().orElse(d.ipv6Share());
    double shared = v.get("sharedAddressShare").probability().orElse(d.sharedAddressShare());
    double loggedIn = v.get("loggedInShare").probability().orElse(d.loggedInShare());
    ConfigNode p = v.get("privateShare");
    OptionalDouble privateShare = p.number();
    if (privateShare.isPresent()) {
      // checked by the API, so that the message is the same
      Specs.construct(p, p.diagnostics().errorCount(),
          () -> d.withPrivateShare(privateShare.getAsDouble()));
    }
    double priv = privateShare.orElse(d.privateShare());
    return Specs.construct(v, before, () -> new Visitors(returning, ipv6, shared, loggedIn,
        crawler, scanner, mon, priv));
  }

  /** The scenarios; the positions of those whose start is relative go to {@code relative}. */
  private static List<Scenario> scenarios(ConfigNode list, Instant windowStart,
      @Nullable Site site, Set<Integer> relative) {
    List<Scenario> out = new ArrayList<>();
    for (ConfigNode e : list.list()) {
      int before = e.diagnostics().errorCount();
      Optional<String> type = e.require("type")
          .choice("outage", "credential-stuffing", "flash-crowd", "slow-backend");
      if (type.isEmpty()) {
        e.claim(e.keys());
        continue;
      }
      ConfigNode labelNode = e.get("label");
      String label = labelNode.nonBlankString().orElse(type.get());
      if (!Rules.isLabel(label)) {
        // at the key, not at the scenario (the constructor's message has no place of its own)
        labelNode.error("expected a word without spaces or quotes (got " + labelNode.describe()
            + ")");
      }
      Optional<Instant> start = Specs.when(e.require("start"), windowStart);
      Optional<Duration> duration = atLeastAMillisecond(e.require("duration"));
      Scenario sc;
      switch (type.get()) {
        case "outage" -> {
          ConfigNode f = e.require("failureShare");
          OptionalDouble share = f.probability();
          if (share.isPresent() && share.getAsDouble() == 0) {
            f.error("expected a share above 0 and at most 1 (got " + f.describe() + ")");
          }
          sc = Specs.construct(e, before, () -> new Scenario.Outage(label, start.get(),
              duration.get(), share.getAsDouble()));
        }
        case "credential-stuffing" -> {
          OptionalLong attempts = e.require("attemptsPerMinute").integer(1, 1_000_000);
          OptionalLong addresses = e.require("addresses").integer(1, 10_000);
          sc = Specs.construct(e, before, () -> new Scenario.CredentialStuffing(label,
              start.get(), duration.get(), (int) attempts.getAsLong(),
              (int) addresses.getAsLong()));
        }
        case "flash-crowd" -> {
          ConfigNode rate = e.require("sessionsPerHour");
          OptionalDouble perHour = rate.positiveNumber();
          if (perHour.isPresent() && perHour.getAsDouble() > MAX_SESSIONS_PER_HOUR) {
            rate.error(String.format(Locale.ROOT,
                "expected at most %d sessions per hour (got %s)",
                (long) MAX_SESSIONS_PER_HOUR, rate.describe()));
          }
          ConfigNode pageNode = e.require("page");
          Optional<String> page = pageNode.nonBlankString();
          if (site != null && page.isPresent() && site.page(page.get()) == null) {
            List<String> names = site.pages().stream().map(Page::name).toList();
            pageNode.error(Printable.quoted(page.get()) + " is not a page of site "
                + Printable.shortened(site.name())
                + Suggestions.closest(page.get(), names).map(c -> ": did you mean '" + c + "'?")
                    .orElse(": expected one of " + String.join(", ", names)));
          }
          sc = Specs.construct(e, before, () -> new Scenario.FlashCrowd(label, start.get(),
              duration.get(), perHour.getAsDouble(), page.get()));
        }
        default -> {
          ConfigNode f = e.require("factor");
          OptionalDouble factor = f.number(1, 1000);
          sc = Specs.construct(e, before, () -> new Scenario.SlowBackend(label, start.get(),
              duration.get(), factor.getAsDouble()));
        }
      }
      if (sc != null) {
        if (Specs.isRelative(e.get("start"))) {
          relative.add(out.size());
        }
        out.add(sc);
      }
    }
    return out;
  }
}
