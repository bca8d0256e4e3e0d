package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An asset's placeholders: one it shares with its page keeps the page's value in every copy of
 * the asset, the others are drawn per copy, once however often the path repeats them; a file is
 * requested once per session, whichever page pulls it in.
 */
class AssetPlaceholdersTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Pattern FIGURE = Pattern.compile("/images/posts/(\\d+)/figure-\\d\\.png");
  private static final Pattern POST = Pattern.compile(
      "https://blog\\.example\\.org/posts/\\d+/(\\d+)");
  private static final Pattern THUMB = Pattern.compile("/thumbs/(\\d+)/(\\d+)\\.jpg");

  static LongStream seeds() {
    return LongStream.range(0, 6).map(i -> i * 0x9E3779B97F4A7C15L + 3);
  }

  private static List<AccessEvent> run(Site site, long seed, Duration window) {
    System.out.println("seed " + seed + ", site " + site.name());
    return LogGenerator.builder().seed(seed).site(site).traffic(Traffic.sessionsPerHour(600))
        .window(START, window).build().events().toList();
  }

  /** Before: a post's figures were other posts' ({@code /posts/2025/2820} loaded 727's). */
  @ParameterizedTest
  @MethodSource("seeds")
  void theBlogsFiguresAreOfThePostThatShowsThem(long seed) {
    int checked = 0;
    for (AccessEvent e : run(Sites.blog(), seed, Duration.ofHours(1))) {
      Matcher figure = FIGURE.matcher(e.path());
      if (!figure.matches() || e.referrer() == null) {
        continue;
      }
      Matcher post = POST.matcher(e.referrer());
      if (post.matches()) {
        assertEquals(post.group(1), figure.group(1), "seed " + seed + ": " + e);
        checked++;
      }
    }
    assertTrue(checked > 50, "seed " + seed + ": only " + checked + " figures");
  }

  /**
   * A placeholder an asset of several copies repeats takes one value per copy (before:
   * {@code /thumbs/350/316.jpg}); no file is asked for twice in a session.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void aRepeatedPlaceholderTakesOneValuePerCopy(long seed) {
    Site site = Site.builder("thumbs").host("thumbs.example.com")
        .param("item", Param.range(1, 1000))
        .page(Page.html("a", "/a").withAssets(
            Asset.of("/thumbs/{item}/{item}.jpg", ContentType.IMAGE).withCount(2, 2)))
        .page(Page.html("b", "/b"))
        .landing("a", 1).link("a", "b", 1).link("b", "a", 1).build();
    int checked = 0;
    Set<String> fetched = new HashSet<>();
    for (AccessEvent e : run(site, seed, Duration.ofHours(1))) {
      Matcher thumb = THUMB.matcher(e.path());
      if (thumb.matches()) {
        assertEquals(thumb.group(1), thumb.group(2), "seed " + seed + ": " + e);
        assertTrue(fetched.add(e.sessionId() + " " + e.path()),
            "seed " + seed + ": fetched twice in a session: " + e);
        checked++;
      }
    }
    assertTrue(checked > 50, "seed " + seed + ": only " + checked + " thumbnails");
  }

  /** Before: a logo that two pages declare was fetched on each of them, twice a session. */
  @ParameterizedTest
  @MethodSource("seeds")
  void aFileTwoPagesDeclareIsRequestedOncePerSession(long seed) {
    Asset logo = Asset.of("/img/logo.png", ContentType.IMAGE);
    Site site = Site.builder("logo").host("logo.example.com")
        .page(Page.html("a", "/a").withAssets(logo))
        .page(Page.html("b", "/b").withAssets(logo.withSizes(ContentType.ICON.sizes())))
        .landing("a", 1).link("a", "b", 1).link("b", "a", 1).build();
    Set<Long> sessions = new HashSet<>();
    for (AccessEvent e : run(site, seed, Duration.ofHours(1))) {
      if (e.path().equals("/img/logo.png")) {
        assertTrue(sessions.add(e.sessionId()),
            "seed " + seed + ": the logo again in session " + e.sessionId() + ": " + e);
      }
    }
    assertTrue(sessions.size() > 50, "seed " + seed + ": " + sessions.size() + " sessions");
  }
}
