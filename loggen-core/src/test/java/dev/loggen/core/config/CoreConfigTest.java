package dev.loggen.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.ContentType;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Page;
import dev.loggen.core.Scenario;
import dev.loggen.core.SessionSettings;
import dev.loggen.core.Site;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import dev.loggen.core.engine.TransitionMatrix;
import dev.loggen.core.random.Distributions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every core key binds to what the fluent API would set. */
class CoreConfigTest {

  private static final String EVERYTHING = """
      seed: -17
      window: {start: "2026-06-01T06:00:00+02:00", duration: 1h30m}
      site:
        extends: shop
        host: shop.example.net
        params:
          category: {range: {min: 1, max: 30}}
          deal: {oneOf: {spring: 3, summer: 1}}
        pages:
          - {name: product, notFoundRate: 0.05}
          - name: deals
            path: "/deals/{deal}?c={category}"
            section: catalog
            errorRate: 0.01
            type: html
            responseTime: {pareto: {xm: 0.05, alpha: 2.5}}
            sizes:
              lognormalWithParetoTail:
                {median: 5000, sigma: 0.5, tailShare: 0.1, tailStart: 20000, alpha: 1.1,
                 max: 2000000}
            assets: [/static/img/deals.png, {path: "/img/{deal}.jpg", count: 2}]
        landing: {home: 0.5, deals: 0.5}
        links:
          home: {deals: 1}
          deals: {product: 0.8, home: 0.2}
        roles: {cart: cart, forbidden: admin}
        errorRates: {serverError: 0.001, authFailure: 0.1}
      states:
        START: {DIRECT_ACCESS: 1}
        DIRECT_ACCESS: {BROWSING: 0.9, LEAVE: 0.1}
        BROWSING: {BROWSING: 0.5, LEAVE: 0.5}
      traffic:
        sessionsPerHour: 1200.5
        hourly: [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 1, 1]
        weekday: [1, 1, 1, 1, 1, 0.5, 0.5]
        zone: "+02:00"
        bursts: [{start: 30m, duration: 10m, multiplier: 3}]
      session:
        minBrowsing: 30s
        maxBrowsing: PT10M
        thinkTime: {uniform: {min: 1, max: 4}}
        maxDuration: 2h
        maxRequests: 300
      visitors:
        returningShare: 0.5
        ipv6Share: 0.3
        sharedAddressShare: 0.2
        loggedInShare: 0.4
        crawlerShare: 0.1
        scannerShare: 0.05
        monitorInterval: none
      scenarios:
        - {type: flash-crowd, label: tv-ad, start: "2026-06-01T04:20:00Z", duration: 5m,
           sessionsPerHour: 20000, page: deals}
        - {type: slow-backend, start: 45m, duration: 10m, factor: 3}
      """;

  @Test
  void everyKeyBinds() {
    LogGenerator gen = CoreConfig.parse(EVERYTHING, "everything.yaml", Set.of()).build();
    assertEquals(-17, gen.seed());
    assertEquals(Instant.parse("2026-06-01T04:00:00Z"), gen.start());
    assertEquals(Duration.ofMinutes(90), gen.duration());

    Site site = gen.site();
    assertEquals("shop", site.name());
    assertEquals("shop.example.net", site.host());
    assertEquals(0.05, site.page("product").notFoundRate());
    assertEquals("/products/{item}", site.page("product").path(), "the rest of product is kept");
    Page deals = site.page("deals");
    assertEquals("/deals/{deal}?c={category}", deals.path());
    assertEquals("catalog", deals.section());
    assertEquals(0.01, deals.errorRate());
    assertEquals(ContentType.HTML, deals.type());
    assertEquals(Distributions.pareto(0.05, 2.5), deals.responseSeconds());
    assertEquals(Distributions.lognormalWithParetoTail(5000, 0.5, 0.1, 20_000, 1.1, 2_000_000),
        deals.sizes());
    assertEquals(2, deals.assets().size());
    assertEquals(ContentType.IMAGE, deals.assets().get(0).type());
    assertEquals(2, deals.assets().get(1).minCount());
    assertEquals(2, deals.assets().get(1).maxCount());
    assertEquals(Map.of("home", 0.5, "deals", 0.5), site.landing());
    assertEquals(Map.of("deals", 1.0), site.links().get("home"));
    assertEquals(site.links().get("cart"), Sites_shop().links().get("cart"), "other rows kept");
    assertEquals("cart", site.roles().get(Site.Role.CART));
    assertEquals(0.001, site.errorRates().serverError());
    assertEquals(0.1, site.errorRates().authFailure());
    assertEquals(Site.ErrorRates.DEFAULT.cartAbandon(), site.errorRates().cartAbandon());

    TransitionMatrix m = (TransitionMatrix) gen.model();
    assertEquals(1.0, m.probability("START", "DIRECT_ACCESS"));
    assertEquals(0.5, m.probability("BROWSING", "LEAVE"));

    Traffic t = gen.traffic();
    assertEquals(1200.5, t.sessionsPerHour());
    assertEquals(ZoneOffset.ofHours(2), t.zone());
    assertEquals(3 * t.hourly().get(0), t.hourly().get(12), 1e-12);
    assertEquals(0.5 * t.weekday().get(0), t.weekday().get(6), 1e-12);
    assertEquals(List.of(new Traffic.Burst(Instant.parse("2026-06-01T04:30:00Z"),
        Duration.ofMinutes(10), 3)), t.bursts());

    assertEquals(Duration.ofSeconds(30), gen.sessions().minBrowsing());
    assertEquals(Duration.ofMinutes(10), gen.sessions().maxBrowsing());
    assertEquals(Distributions.uniform(1, 4), gen.sessions().thinkTimeSeconds());
    assertEquals(Duration.ofHours(2), gen.sessions().maxDuration());
    assertEquals(300, gen.sessions().maxRequests());

    assertEquals(new dev.loggen.core.Visitors(0.5, 0.3, 0.2, 0.4, 0.1, 0.05, Duration.ZERO),
        gen.visitors());

    assertEquals(List.of(
        new Scenario.FlashCrowd("tv-ad", Instant.parse("2026-06-01T04:20:00Z"),
            Duration.ofMinutes(5), 20000, "deals"),
        new Scenario.SlowBackend("slow-backend", Instant.parse("2026-06-01T04:45:00Z"),
            Duration.ofMinutes(10), 3)), gen.scenarios());

    assertTrue(gen.events().limit(200).anyMatch(e -> e.path().startsWith("/deals/")));
  }

  private static Site Sites_shop() {
    return dev.loggen.core.Sites.shop();
  }

  /**
   * A huge burst multiplier gave "loggen: traffic peaks at 3242997416 sessions per hour" (and
   * "at Infinity" for 1e308) without file, line or column; it is refused at the key, with the
   * most it may be.
   */
  @Test
  void aBurstMultiplierPastThePeakIsRefusedAtTheKeyWithItsLimit() {
    for (String m : List.of("1000000", "1e308")) {
      ConfigException e = assertThrows(ConfigException.class, () -> CoreConfig.parse(
          "traffic:\n  sessionsPerHour: 1000\n  flat: true\n  bursts: [{start: 1h, duration:"
              + " 10m, multiplier: " + m + "}]\n", "b.yaml", Set.of()));
      assertEquals("b.yaml:4:51: traffic.bursts[0].multiplier: expected at most 480000 so that"
          + " the traffic peaks at no more than 480000000 sessions per hour (sessionsPerHour"
          + " 1000 x busiest hour 1.00 x busiest weekday 1.00 x this multiplier) (got " + m
          + ")", e.getMessage());
    }
    // overlapping bursts multiply: each is fine alone, together they are not
    ConfigException e = assertThrows(ConfigException.class, () -> CoreConfig.parse("""
        traffic:
          sessionsPerHour: 1000
          flat: true
          bursts:
            - {start: 1h, duration: 1h, multiplier: 700}
            - {start: 90m, duration: 1h, multiplier: 700}
        """, "b.yaml", Set.of()));
    assertEquals("b.yaml:6:46: traffic.bursts[1].multiplier: expected at most 685 so that the"
        + " traffic peaks at no more than 480000000 sessions per hour (sessionsPerHour 1000 x"
        + " busiest hour 1.00 x busiest weekday 1.00 x 700, the multiplier of the other burst"
        + " running at this one's start, x this multiplier) (got 700)", e.getMessage());
    // a burst below 1 that ends while others run: the traffic rises there (before: accepted,
    // 1.6e9 sessions per hour from 11h, as only the bursts' starts were looked at)
    e = assertThrows(ConfigException.class, () -> CoreConfig.parse("""
        traffic:
          sessionsPerHour: 10000
          flat: true
          bursts:
            - {start: 10h, duration: 2h, multiplier: 400}
            - {start: 10h, duration: 2h, multiplier: 400}
            - {start: 10h, duration: 1h, multiplier: 0.0001}
        """, "b.yaml", Set.of()));
    assertEquals("b.yaml:6:46: traffic.bursts[1].multiplier: expected at most 120 so that the"
        + " traffic peaks at no more than 480000000 sessions per hour (sessionsPerHour 10000 x"
        + " busiest hour 1.00 x busiest weekday 1.00 x 400, the multiplier of the other burst"
        + " running when traffic.bursts[2] ends, x this multiplier) (got 400)", e.getMessage());
    // at the limit: accepted
    CoreConfig.parse("traffic: {sessionsPerHour: 1000, flat: true, bursts: [{start: 1h,"
        + " duration: 10m, multiplier: 480000}]}\n", "b.yaml", Set.of()).build();
  }

  /** A merge key gives a list's items shared settings (it was refused as unsupported). */
  @Test
  void mergeKeysShareSettingsBetweenEntries() {
    LogGenerator gen = CoreConfig.parse("""
        window: {start: "2026-01-01T00:00:00Z", duration: 6h}
        scenarios:
          - &outage {type: outage, label: first, start: 1h, duration: 15m, failureShare: 0.5}
          - <<: *outage
            label: second
            start: 3h
        """, "m.yaml", Set.of()).build();
    assertEquals(List.of("first", "second"),
        gen.scenarios().stream().map(Scenario::label).toList());
    Scenario second = gen.scenarios().get(1);
    assertEquals(Instant.parse("2026-01-01T03:00:00Z"), second.start());
    assertEquals(gen.scenarios().get(0).getClass(), second.getClass(), "an outage too");
  }

  /** The row of {@code key} in docs/config-reference.md's tables. */
  private static String docsRow(String key) throws java.io.IOException {
    return java.nio.file.Files.readAllLines(java.nio.file.Path.of("../docs/config-reference.md"))
        .stream().filter(l -> l.startsWith("| `" + key + "` |")).findFirst().orElseThrow();
  }

  /**
   * Spellings the code accepts were undocumented: window.duration unbounded, monitorInterval
   * off, no, false, 0 and 0s. Each is accepted and named in its row of the reference.
   */
  @Test
  void everySpellingOfNoEndAndNoMonitorIsAcceptedAndDocumented() throws Exception {
    String window = docsRow("window.duration");
    for (String v : List.of("endless", "none", "unbounded")) {
      assertNull(CoreConfig.parse("window: {duration: " + v + "}\n", "w.yaml", Set.of())
          .build().duration(), v);
      assertTrue(window.contains("`" + v + "`"), v + " missing in: " + window);
    }
    String monitor = docsRow("visitors.monitorInterval");
    for (String v : List.of("none", "off", "no", "false", "0", "0s")) {
      assertEquals(Duration.ZERO, CoreConfig.parse("visitors: {monitorInterval: " + v + "}\n",
          "m.yaml", Set.of()).build().visitors().monitorInterval(), v);
      assertTrue(monitor.contains("`" + v + "`"), v + " missing in: " + monitor);
    }
  }

  /**
   * The reference disagreed with the code: page type download was accepted but not listed; an
   * asset with minCount 0 alone was said to have maxCount 0 (it has 1: an optional asset).
   */
  @Test
  void pageTypesAndAnOptionalAssetAreAsDocumented() throws Exception {
    String types = docsRow("type");
    for (ContentType t : ContentType.values()) {
      String name = t.name().toLowerCase(java.util.Locale.ROOT);
      Site site = CoreConfig.parse("site:\n  name: mine\n  pages: [{name: home, path: /, type: "
          + name + "}]\n  landing: {home: 1}\n", "t.yaml", Set.of()).build().site();
      assertEquals(t, site.page("home").type());
      assertTrue(types.contains("`" + name + "`"), name + " missing in: " + types);
    }
    Site site = CoreConfig.parse("site:\n  name: mine\n  pages: [{name: home, path: /, assets:"
        + " [{path: /a.css, minCount: 0}]}]\n  landing: {home: 1}\n", "a.yaml", Set.of())
        .build().site();
    assertEquals(1, site.page("home").assets().get(0).maxCount());
    String counts = docsRow("minCount`, `maxCount");
    assertTrue(counts.contains("`minCount: 0` alone is an optional asset: 0 or 1"), counts);
  }

  /** The reader took catalogues of up to 100,000,000, the model 10,000,000. */
  @Test
  void theCatalogueSizeLimitIsTheModelsAndDocumented() throws Exception {
    assertEquals(10_000_000, dev.loggen.core.Param.MAX_CATALOGUE_SIZE);
    assertTrue(docsRow("{catalogue: {size, exponent}}").contains("`size` 1 to 10,000,000"));
    assertEquals(10_000_000, CoreConfig.parse("site: {extends: shop, params: {item: {catalogue:"
        + " {size: 10000000}}}}\n", "c.yaml", Set.of()).build().site().params().get("item")
        .maxIndex());
  }

  /** The documented default, written out, was refused without states. */
  @Test
  void normalizeFalseNeedsNoStatesButNormalizeTrueDoes() {
    LogGenerator gen = CoreConfig.parse("normalize: false\n", "n.yaml", Set.of()).build();
    assertEquals(((TransitionMatrix) Sites.shop().model()).asMap(),
        ((TransitionMatrix) gen.model()).asMap());
    ConfigException e = assertThrows(ConfigException.class,
        () -> CoreConfig.parse("normalize: true\n", "n.yaml", Set.of()));
    assertEquals("n.yaml:1:1: normalize: normalize applies to the rows of 'states', which are"
        + " missing", e.getMessage());
  }

  /** Settable in the API (Visitors.privateShare, Site.Builder.emptyResponseShare), not YAML. */
  @Test
  void privateShareAndEmptyResponseShareBind() {
    LogGenerator gen = CoreConfig.parse("""
        visitors: {privateShare: 0.25}
        site: {extends: blog, emptyResponseShare: 0.03}
        """, "p.yaml", Set.of()).build();
    assertEquals(0.25, gen.visitors().privateShare());
    assertEquals(0.03, gen.site().emptyResponseShare());
    assertEquals(Sites.blog().sessions(), gen.site().sessions(), "the rest of blog is kept");
    LogGenerator custom = CoreConfig.parse("""
        site:
          name: mine
          pages: [{name: home, path: /}]
          landing: {home: 1}
          emptyResponseShare: 0
        """, "c.yaml", Set.of()).build();
    assertEquals(0.0, custom.site().emptyResponseShare());
    // left out: the defaults (a custom site's, or the extended site's)
    assertEquals(Site.DEFAULT_EMPTY_RESPONSE_SHARE, CoreConfig.parse(
        "site: {name: m, pages: [{name: home, path: /}], landing: {home: 1}}\n", "d.yaml",
        Set.of()).build().site().emptyResponseShare());
    assertEquals(Sites.api().emptyResponseShare(), CoreConfig.parse(
        "site: {extends: api}\n", "d.yaml", Set.of()).build().site().emptyResponseShare());
    assertEquals(0.0, CoreConfig.parse("visitors: {ipv6Share: 0.2}\n", "d.yaml", Set.of())
        .build().visitors().privateShare());
  }

  @Test
  void privateShareAndEmptyResponseShareOutOfRangeGiveTheApisMessages() {
    ConfigException e = assertThrows(ConfigException.class, () -> CoreConfig.parse("""
        visitors: {privateShare: 1.5}
        site: {extends: shop, emptyResponseShare: -0.1}
        """, "p.yaml", Set.of()));
    assertEquals(List.of(
        // the key path once: the API's message began with it, and was printed after it again
        "p.yaml:1:26: visitors.privateShare: must be a share between 0 and 1 (got 1.5)",
        "p.yaml:2:43: site.emptyResponseShare: site shop: emptyResponseShare must be a share"
            + " between 0 and 1 (got -0.1)"),
        e.errors().stream().map(ConfigError::toString).toList());
  }

  @Test
  void aLongSiteNameIsCutInTheHostMessage() {
    // the default host NAME.example.com was printed whole: a 3,127-character message
    String name = "x".repeat(3000);
    ConfigException e = assertThrows(ConfigException.class, () -> CoreConfig.parse("site: {name: "
        + name + ", pages: [{name: home, path: /}], landing: {home: 1}}\n", "n.yaml", Set.of()));
    assertEquals(List.of("n.yaml:1:14: site.name: the name makes no host name for the default"
        + " host, " + "x".repeat(100) + "... (3012 characters): set site.host, such as"
        + " shop.example.com"), e.errors().stream().map(ConfigError::toString).toList());
  }

  @Test
  void nothingGivenMeansTheBuilderDefaults() {
    LogGenerator fromYaml = CoreConfig.parse("{}\n", "empty-map.yaml", Set.of()).build();
    LogGenerator plain = LogGenerator.builder().build();
    assertEquals(plain.toString(), fromYaml.toString());
    assertEquals(CoreSettings.EMPTY,
        CoreConfig.read(YamlConfig.parse("{}", "x")));
  }

  @Test
  void profileEndlessWindowNormalizedStates() {
    LogGenerator gen = CoreConfig.parse("""
        profile: blog
        window: {start: 2026-02-01, duration: endless}
        normalize: true
        states:
          START: {DIRECT_ACCESS: 3, LOGIN: 1}
          LOGIN: {BROWSING: 1}
          DIRECT_ACCESS: {BROWSING: 1}
          BROWSING: {BROWSING: 2, LEAVE: 6}
        """, "blog.yaml", Set.of()).build();
    assertEquals("blog", gen.site().name());
    assertNull(gen.duration());
    assertEquals(Instant.parse("2026-02-01T00:00:00Z"), gen.start());
    assertEquals(0.75, ((TransitionMatrix) gen.model()).probability("START", "DIRECT_ACCESS"));
    assertEquals(0.25, ((TransitionMatrix) gen.model()).probability("BROWSING", "BROWSING"));
    assertEquals(50, gen.events().limit(50).count());
  }

  @Test
  void sessionKeysLeftOutKeepTheSitesOwnValues() {
    // Before: keys left out took SessionSettings.DEFAULT, so a blog with only maxDuration set
    // browsed 0 to 2 minutes with 20 s think times instead of the blog's 0 to 5 with 45 s.
    SessionSettings blog = Sites.blog().sessions();
    LogGenerator gen = CoreConfig.parse("""
        profile: blog
        session: {maxDuration: 2h}
        """, "blog.yaml", Set.of()).build();
    assertEquals(blog.withLimits(Duration.ofHours(2), blog.maxRequests()), gen.sessions());
    LogGenerator extended = CoreConfig.parse("""
        site: {extends: blog, host: blog.example.net}
        session: {minBrowsing: 30s}
        """, "blog.yaml", Set.of()).build();
    assertEquals(blog.withBrowsing(Duration.ofSeconds(30), blog.maxBrowsing()),
        extended.sessions());
    // Without a site in the file, the defaults.
    LogGenerator plain = CoreConfig.parse("session: {maxRequests: 50}\n", "x.yaml", Set.of())
        .build();
    assertEquals(SessionSettings.DEFAULT.withLimits(SessionSettings.DEFAULT.maxDuration(), 50),
        plain.sessions());
  }

  @Test
  void aCustomSiteFromScratch() {
    Site site = CoreConfig.parse("""
        site:
          name: tiny
          api: true
          params: {id: [a, b, c]}
          pages:
            - {name: list, path: /v1/things, type: json}
            - {name: get, path: "/v1/things/{id}", type: JSON, method: get}
          commonAssets: []
          landing: {list: 1}
          links: {list: {get: 1}}
        """, "tiny.yaml", Set.of()).build().site();
    assertEquals("tiny.example.com", site.host());
    assertTrue(site.isApi());
    assertEquals("GET", site.page("get").method());
    assertEquals(ContentType.JSON, site.page("get").type());
    assertEquals(TransitionMatrix.legacyDefault().asMap(),
        ((TransitionMatrix) site.model()).asMap());
  }

  @Test
  void keysOfOtherModulesAreLeftAlone() {
    String yaml = "seed: 3\nformat: combined\noutput: {directory: logs, rotate: {size: 1MB}}\n";
    assertEquals(3, CoreConfig.parse(yaml, "a.yaml", Set.of("format", "output")).build().seed());
    ConfigException e = assertThrows(ConfigException.class,
        () -> CoreConfig.parse(yaml, "a.yaml", Set.of("format")));
    assertEquals("a.yaml:3:1: output: unknown key 'output': expected one of format, seed,"
        + " window, profile, site, states, normalize, traffic, session, visitors, scenarios",
        e.getMessage());
  }

  /** How loggen-examples' LoggenConfig combines binders: one tree, one report. */
  @Test
  void binderProtocolReportsEveryModulesErrorsTogether() {
    ConfigNode root = YamlConfig.parse("""
        seed: x
        format: {name: combnied}
        ouput: {directory: logs}
        """, "all.yaml");
    CoreConfig.read(root);
    // A stand-in for loggen-formats' binder: it reads its section and records its errors.
    ConfigNode format = root.get("format");
    format.get("name").choice("common", "combined", "json");
    root.claim("output"); // loggen-sinks claims its key even when it is absent
    root.reportUnknownKeys();
    ConfigException e = assertThrows(ConfigException.class,
        () -> root.diagnostics().throwIfErrors());
    assertEquals("""
        all.yaml:1:7: seed: expected a whole number (got 'x')
        all.yaml:2:16: format.name: expected one of common, combined, json (got 'combnied'):\
         did you mean 'combined'?
        all.yaml:3:1: ouput: unknown key 'ouput': did you mean 'output'?""", e.getMessage());
  }

  @Test
  void settingsCanBeOverriddenBeforeTheyReachTheBuilder() {
    CoreSettings s = CoreConfig.read(YamlConfig.parse("seed: 1\nprofile: api\n", "o.yaml"));
    LogGenerator gen = s.withSeed(99).withTraffic(Traffic.sessionsPerHour(10))
        .withWindow(new CoreSettings.Window(Instant.EPOCH, Duration.ofHours(1))).toBuilder()
        .build();
    assertEquals(99, gen.seed());
    assertEquals(10, gen.traffic().sessionsPerHour());
    assertEquals("api", gen.site().name());
    assertThrows(IllegalStateException.class, () -> s.applyTo(LogGenerator.builder().seed(5)),
        "the seed is set once");
  }

  /** The times of day of the scenarios and the bursts, and their day (all on one day). */
  private static String starts(CoreSettings c) {
    List<Instant> all = new java.util.ArrayList<>();
    c.scenarios().forEach(x -> all.add(x.start()));
    c.traffic().bursts().forEach(x -> all.add(x.start()));
    List<String> times = all.stream().map(i -> i.toString().substring(11, 16)).toList();
    assertEquals(1, all.stream().map(i -> i.toString().substring(0, 10)).distinct().count(),
        all.toString());
    return String.join(" ", times.subList(0, c.scenarios().size())) + ", bursts "
        + String.join(" ", times.subList(c.scenarios().size(), times.size())) + " on "
        + all.get(0).toString().substring(0, 10);
  }

  @Test
  void movingTheWindowMovesWhatTheFileTiedToIt() {
    String times = """
        traffic:
          bursts:
            - {start: 2026-03-01T12:00:00Z, duration: 1h, multiplier: 3}
            - {start: 2h, duration: 1h, multiplier: 2}
        scenarios:
          - {type: outage, start: 2026-03-01T10:00:00Z, duration: 15m, failureShare: 0.9}
          - {type: slow-backend, start: 6h, duration: 30m, factor: 4}
        """;
    Instant day = Instant.parse("2026-03-01T00:00:00Z");
    CoreSettings.Window moved = new CoreSettings.Window(day, Duration.ofDays(1));
    // without a window of its own, instants stay and durations count from the new start
    CoreSettings noWindow = CoreConfig.read(YamlConfig.parse(times, "t.yaml")).movedTo(moved);
    assertEquals(moved, noWindow.window());
    assertEquals("10:00 06:00, bursts 12:00 02:00 on 2026-03-01", starts(noWindow));
    // with one, everything keeps its place in the window: moved by the distance between starts
    CoreSettings withWindow = CoreConfig.read(YamlConfig.parse(
        "window: {start: 2026-03-01, duration: 1d}\n" + times, "t.yaml"))
        .movedTo(new CoreSettings.Window(day.plus(Duration.ofDays(2)), null));
    assertEquals("10:00 06:00, bursts 12:00 02:00 on 2026-03-03", starts(withWindow));
    assertEquals(List.of(4.0, 0.9), List.of(
        ((Scenario.SlowBackend) withWindow.scenarios().get(1)).factor(),
        ((Scenario.Outage) withWindow.scenarios().get(0)).failureShare()), "only moved");
  }

  @Test
  void warningsAndErrorsAreSortedAndDeduplicated() {
    ConfigNode root = YamlConfig.parse("a: 1\nb: 2\n", "d.yaml");
    root.get("b").error("second");
    root.get("a").error("first");
    root.get("a").error("first");
    root.get("a").error("what follows from the first");
    // Every error counts (a binder compares counts to skip work), one is kept per place.
    assertEquals(4, root.diagnostics().errorCount());
    assertEquals(List.of("d.yaml:1:4: a: first", "d.yaml:2:4: b: second"),
        root.diagnostics().errors().stream().map(ConfigError::toString).toList());
    assertFalse(root.diagnostics().warnings().iterator().hasNext());
    assertEquals(Collections.emptyList(), root.diagnostics().warnings());
  }
}
