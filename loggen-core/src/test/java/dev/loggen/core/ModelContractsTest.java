package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contracts of the public model as a library user meets them: a bad value fails where it is
 * given, with a message naming the field, the value and what was expected, not later inside
 * the generator.
 */
class ModelContractsTest {
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  private static String iae(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void aPlaceholderThatIsNotANameFailsWhereThePathIsGiven() {
    // Before: accepted by Page and Site, then a NullPointerException from events().
    assertEquals("page a: path has placeholder {item-id}, but a placeholder name must be"
        + " letters, digits or '_' (got '/x/{item-id}')",
        iae(() -> Page.html("a", "/x/{item-id}")));
    assertEquals("page a: path has placeholder {}, but a placeholder name must be letters,"
        + " digits or '_' (got '/x/{}')", iae(() -> Page.html("a", "/x/{}")));
    assertEquals("asset path has placeholder {i.d}, but a placeholder name must be letters,"
        + " digits or '_' (got '/i/{i.d}.jpg')",
        iae(() -> Asset.of("/i/{i.d}.jpg", ContentType.IMAGE)));
  }

  @Test
  void aHostThatIsNotAHostNameFailsWhereItIsGiven() {
    // Before: a scheme, port or path was accepted, and referrers became https://https://...
    assertEquals("host must be a host name such as shop.example.com, without a scheme such as"
        + " https:// (got 'https://shop.example.com')",
        iae(() -> Site.builder("s").host("https://shop.example.com")));
    assertEquals("host must be a host name such as shop.example.com, without a path (got"
        + " 'shop.example.com/x')", iae(() -> Site.builder("s").host("shop.example.com/x")));
    assertEquals("host must be a host name such as shop.example.com, without a port (got"
        + " 'shop.example.com:80')", iae(() -> Site.builder("s").host("shop.example.com:80")));
    assertEquals("host must be a host name such as shop.example.com: dot-separated labels of"
        + " letters, digits and '-' (not first or last), each of at most 63 characters (got"
        + " 'shop..example.com')", iae(() -> Site.builder("s").host("shop..example.com")));
    iae(() -> Site.builder("s").host("-shop.example.com"));
    // a 3,000-character value is quoted by its first 100 characters and its length
    assertTrue(iae(() -> Site.builder("s").host("h".repeat(3000))).endsWith(" (got '"
        + "h".repeat(100) + "...' (3000 characters))"));
    iae(() -> Site.builder("s").host("x".repeat(64) + ".com"));
    iae(() -> Site.builder("s").host("my shop.com"));
    Site.builder("s").host("a-1.b.example").host("10.0.0.1").host("localhost");
    // a name that makes no default host fails when the site is built without a host
    Page home = Page.html("home", "/");
    assertEquals("site My Shop: its name makes no host name (My Shop.example.com): set"
        + " host(...), such as shop.example.com",
        iae(() -> Site.builder("My Shop").page(home).landing("home", 1).build()));
    assertEquals("shop.example.com", Site.builder("My Shop").host("shop.example.com")
        .page(home).landing("home", 1).build().host());
  }

  @Test
  void aLongSiteNameIsCutInMessages() {
    String name = "x".repeat(3000);
    String cut = "x".repeat(100) + "...";
    Page home = Page.html("home", "/");
    assertEquals("site " + cut + " (3000 characters): its name makes no host name (" + cut
        + " (3012 characters)): set host(...), such as shop.example.com",
        iae(() -> Site.builder(name).page(home).landing("home", 1).build()));
    assertEquals("site " + cut + " (3000 characters) has no pages: add at least one",
        iae(() -> Site.builder(name).host("a.example").build()));
  }

  @Test
  void aScenarioOrBurstEndingBeyondTheTimeRangeFailsWhereItIsGiven() {
    // Before: accepted, then an ArithmeticException ("long overflow") from events().
    Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
    assertEquals("scenario outage: start + duration must be representable in epoch"
        + " milliseconds (got 2026-03-02T08:00:00Z + PT2562047788015215H30M7S)",
        iae(() -> Scenario.outage(START, forever, 0.5)));
    assertEquals("burst start + duration must be representable in epoch milliseconds"
        + " (got 2026-03-02T08:00:00Z + PT2562047788015215H30M7S)",
        iae(() -> Traffic.sessionsPerHour(10).withBurst(START, forever, 2)));
    assertEquals("scenario slow-backend: start + duration must be representable in epoch"
        + " milliseconds (got +1000000000-12-31T23:59:59.999999999Z + PT1M)",
        iae(() -> Scenario.slowBackend(Instant.MAX, Duration.ofMinutes(1), 2)));
  }

  @Test
  void aDerivedGeneratorWithAnotherSiteTakesThatSitesModelAndSessions() {
    // Before: toBuilder() fixed the first site's model and session settings as if they had
    // been set explicitly, so the blog was walked with the shop's states and think times.
    Site blog = Sites.blog();
    LogGenerator shop = LogGenerator.builder().seed(1).window(START, Duration.ofMinutes(5))
        .build();
    LogGenerator derived = shop.toBuilder().site(blog).build();
    assertSame(blog.model(), derived.model());
    assertEquals(blog.sessions(), derived.sessions());
    assertEquals(LogGenerator.builder().seed(1).site(blog).window(START, Duration.ofMinutes(5))
        .build().events().toList(), derived.events().toList());

    // What was set explicitly stays set.
    SessionSettings quick = SessionSettings.DEFAULT.withLimits(Duration.ofMinutes(5), 50);
    LogGenerator own = LogGenerator.builder().sessions(quick).model(Sites.api().model()).build();
    LogGenerator ownDerived = own.toBuilder().site(blog).build();
    assertEquals(quick, ownDerived.sessions());
    assertSame(own.model(), ownDerived.model());
  }

  @Test
  void aDerivedBuilderTakesANewSeedAndWindowOnce() {
    // Before: toBuilder() counted the original's seed and window as set in the derived
    // builder, so gen.toBuilder().seed(2) failed with "seed was already set to 1".
    LogGenerator one = LogGenerator.builder().seed(1).window(START, Duration.ofMinutes(5))
        .build();
    LogGenerator two = one.toBuilder().seed(2).window(START.plusSeconds(60),
        Duration.ofMinutes(3)).build();
    assertEquals(2, two.seed());
    assertEquals(START.plusSeconds(60), two.start());
    assertEquals(Duration.ofMinutes(3), two.duration());
    assertEquals(LogGenerator.builder().seed(2).window(START.plusSeconds(60),
        Duration.ofMinutes(3)).build().events().toList(), two.events().toList());
    // Within the derived builder a second setting is still an error.
    assertEquals("seed was already set to 2", assertThrows(IllegalStateException.class,
        () -> one.toBuilder().seed(2).seed(3)).getMessage());
    // Without changes, the derived generator is the original.
    assertEquals(one.toString(), one.toBuilder().build().toString());
  }

  private static String npe(Runnable r) {
    return assertThrows(NullPointerException.class, r::run).getMessage();
  }

  @Test
  void aNullArgumentFailsAtOnceNamingTheParameter() {
    // Before: bare NullPointerExceptions without a message from List.of, String.trim or
    // List.copyOf, or (landing, link) an error about "unknown page 'null'" only at build().
    Asset css = Asset.of("/s.css", ContentType.CSS);
    assertEquals("assets", npe(() -> Site.builder("s").commonAssets((Asset[]) null)));
    assertEquals("assets[1]", npe(() -> Site.builder("s").commonAssets(css, null)));
    assertEquals("assets[0]", npe(() -> Page.html("a", "/a").withAssets((Asset) null)));
    assertEquals("assets", npe(() -> Page.html("a", "/a").withAssets((Asset[]) null)));
    assertEquals("landing page", npe(() -> Site.builder("s").landing(null, 1)));
    assertEquals("link source page", npe(() -> Site.builder("s").link(null, "a", 1)));
    assertEquals("link target page", npe(() -> Site.builder("s").link("a", null, 1)));
    assertEquals("values", npe(() -> Param.oneOf((String[]) null)));
    assertEquals("values must not contain null", npe(() -> Param.oneOf("a", null)));
    assertEquals("text", npe(() -> DataSize.parse(null)));
    assertEquals("event", npe(() -> ParallelWriterTest.TINY.format(null)));
    assertEquals("states", npe(() -> new Session(1, new Visitor(1, "192.0.2.1", null, null,
        VisitorKind.HUMAN, false), START, START, null, 1, 1, "END", null)));
  }

  @Test
  void smallEntryPointsNameTheirArgumentsOrRange() {
    // Before: NullPointerExceptions from inside, raw index errors, and silent acceptance.
    assertEquals("name", npe(() -> Sites.named(null)));
    assertEquals("path", npe(() -> Asset.isFingerprinted(null)));
    assertEquals("value number must be between 0 and 0 for this list of values (got 5)",
        assertThrows(IndexOutOfBoundsException.class, () -> Param.oneOf("a").text(5))
            .getMessage());
    LineBuffer b = new LineBuffer(16);
    assertThrows(IndexOutOfBoundsException.class, () -> b.append(new byte[3], -1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> b.append(new byte[3], 2, 2));
    assertEquals(0, b.length(), "nothing appended by a failed call");
    assertEquals("extra must not be negative (got -5)", iae(() -> b.ensureCapacity(-5)));
    assertEquals("window duration must be at least 1 ms (got PT0.000000001S)",
        iae(() -> LogGenerator.builder().window(START, Duration.ofNanos(1))));
    assertEquals(RunSpec.defaults().withProfile("shop"), RunSpec.defaults().withProfile("SHOP"),
        "a profile in any case, as Sites.named takes it");
  }

  /** Before, accepted: a report counted a negative duration and more page views than requests. */
  @Test
  void aSessionEndingBeforeItStartsOrWithMorePageViewsThanRequestsIsRefused() {
    Visitor v = new Visitor(1, "192.0.2.1", null, null, VisitorKind.HUMAN, false);
    Instant later = START.plusSeconds(5);
    assertEquals("session 7: end must not be before start (got start " + later + ", end " + START
        + ")", iae(() -> new Session(7, v, later, START, List.of(), 1, 1, "END", null)));
    assertEquals("session 7: requests must be >= 0 and pageViews between 0 and requests (got"
        + " requests 1, pageViews 2)",
        iae(() -> new Session(7, v, START, later, List.of(), 1, 2, "END", null)));
    assertEquals("session 7: requests must be >= 0 and pageViews between 0 and requests (got"
        + " requests -1, pageViews 0)",
        iae(() -> new Session(7, v, START, later, List.of(), -1, 0, "END", null)));
    assertEquals(Duration.ZERO,
        new Session(7, v, START, START, List.of(), 0, 0, "SCAN", null).duration());
  }

  /** Before, accepted: times are whole milliseconds, and such a window changed nothing. */
  @Test
  void scenariosAndBurstsShorterThanAMillisecondAreRefused() {
    assertEquals("scenario outage: duration must be at least 1 ms (got PT0.000999999S)",
        iae(() -> Scenario.outage(START, Duration.ofNanos(999_999), 0.5)));
    assertEquals("burst duration must be at least 1 ms (got PT0.0004S)",
        iae(() -> Traffic.sessionsPerHour(10).withBurst(START, Duration.ofNanos(400_000), 2)));
    assertEquals(Duration.ofMillis(1),
        Scenario.outage(START, Duration.ofMillis(1), 0.5).duration());
  }

  @Test
  void multipliersNearTheLargestDoubleAreScaledNotTurnedIntoNaN() {
    // Before: their sum overflowed, every multiplier became NaN, build() passed and events()
    // failed inside the Poisson draw ("lambda must be finite and >= 0 (got NaN)").
    List<Double> huge = new ArrayList<>(Collections.nCopies(24, 1e308));
    huge.set(3, 0.5e308);
    Traffic t = Traffic.sessionsPerHour(100).withHourly(huge)
        .withWeekday(Collections.nCopies(7, Double.MAX_VALUE));
    double rest = 24 / 23.5;
    assertEquals(rest, t.hourly().get(0), 1e-12);
    assertEquals(rest / 2, t.hourly().get(3), 1e-12);
    assertEquals(Collections.nCopies(7, 1.0), t.weekday());
    LogGenerator g = LogGenerator.builder().seed(3).traffic(t)
        .window(START, Duration.ofHours(1)).build();
    assertTrue(g.events().findAny().isPresent(), "an hour of traffic has events");
  }

  @Test
  void trafficWhosePeakABlockCannotHoldIsRejectedNotCapped() {
    // Before: accepted; at the peak the arrivals of a minute were silently capped at 2^23,
    // so the log held a fraction of the traffic asked for.
    List<Double> oneHour = new ArrayList<>(Collections.nCopies(24, 0.0));
    oneHour.set(20, 1.0); // all of the day's sessions in one hour: 24 x the mean there
    Traffic spike = Traffic.sessionsPerHour(30_000_000).flat().withHourly(oneHour);
    assertEquals("traffic peaks at 720000000 sessions per hour (sessionsPerHour 30000000"
        + " x busiest hour 24.00 x busiest weekday 1.00 x bursts 1.00): at most 480000000 per"
        + " hour can be generated", iae(() -> LogGenerator.builder().traffic(spike).build()));
    Traffic burst = Traffic.sessionsPerHour(100_000_000).flat()
        .withBurst(START, Duration.ofMinutes(10), 3)
        .withBurst(START.plusSeconds(300), Duration.ofMinutes(10), 2);
    assertEquals("traffic peaks at 600000000 sessions per hour (sessionsPerHour 100000000"
        + " x busiest hour 1.00 x busiest weekday 1.00 x bursts 6.00): at most 480000000 per"
        + " hour can be generated", iae(() -> LogGenerator.builder().traffic(burst).build()));
    // A huge multiplier is written compactly (before: a 300-digit number).
    assertEquals("traffic peaks at Infinity sessions per hour (sessionsPerHour 2000 x busiest"
        + " hour 1.00 x busiest weekday 1.00 x bursts 1.000e+308): at most 480000000 per hour"
        + " can be generated", iae(() -> LogGenerator.builder().traffic(Traffic
            .sessionsPerHour(2000).flat().withBurst(START, Duration.ofMinutes(20), 1e308))
            .build()));
    // A burst below 1 that ends inside a larger one hides nothing: before, only the bursts'
    // starts were looked at, and this was accepted (1e9 sessions per hour from 01:00).
    Traffic hidden = Traffic.sessionsPerHour(10_000_000).flat()
        .withBurst(START, Duration.ofHours(2), 100)
        .withBurst(START, Duration.ofHours(1), 0.01);
    assertEquals("traffic peaks at 1000000000 sessions per hour (sessionsPerHour 10000000"
        + " x busiest hour 1.00 x busiest weekday 1.00 x bursts 100.00): at most 480000000 per"
        + " hour can be generated", iae(() -> LogGenerator.builder().traffic(hidden).build()));
    // Bursts that do not overlap do not multiply.
    LogGenerator.builder().traffic(Traffic.sessionsPerHour(100_000_000).flat()
        .withBurst(START, Duration.ofMinutes(10), 3)
        .withBurst(START.plusSeconds(600), Duration.ofMinutes(10), 2)).build();
    assertEquals("scenario flash-crowd: sessionsPerHour must be at most 240000000 (got 3.0E8)",
        iae(() -> Scenario.flashCrowd(START, Duration.ofMinutes(5), 3e8, "home")));
  }

  /** What a caller naming its own field shows: the reason, not the parser's whole sentence. */
  @Test
  void aSizeThatIsNotOneSaysWhatWasExpected() {
    String[][] cases = {
        {"lots", "a size such as 100MB, 512KB or 1GB",
            "size 'lots' is not a size: expected a positive whole number with an optional unit"
                + " B, KB, MB, GB or TB (e.g. 100MB)"},
        {"0MB", "a positive size such as 100MB", "size '0MB' must be positive"},
        {"8388608TB", "a size of at most 8388607TB", "size '8388608TB' is too large"},
        {"99999999999999999999", "a size of at most 8388607TB",
            "size '99999999999999999999' is too large"}};
    for (String[] c : cases) {
      DataSize.ParseException e =
          assertThrows(DataSize.ParseException.class, () -> DataSize.parse(c[0]));
      assertEquals(c[1], e.expected(), c[0]);
      assertEquals(c[2], e.getMessage(), c[0]);
    }
    assertEquals(DataSize.ofBytes(8388607L << 40), DataSize.parse("8388607TB"));
  }
}
