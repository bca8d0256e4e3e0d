package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A site configured with paths and values as a person writes them (non-ASCII, spaces, quotes)
 * logs the request targets a browser sends: percent-encoded, so that the request line stays
 * three space-separated parts that log tools can split.
 */
class RequestTargetTest {
  private static final Site CAFE = Site.builder("cafe").host("cafe.example.com")
      .param("q", Param.words(List.of("iced coffee", "crème brûlée", "say \"hi\"", "a#b?c",
          "espresso"), 1.0))
      .param("dish", Param.oneOf("tarte tatin", "crêpe", "flan"))
      .page(Page.html("home", "/"))
      .page(Page.html("menu", "/café/menü"))
      .page(Page.html("dish", "/menu/{dish}")
          .withAssets(Asset.of("/img/{dish}.jpg", ContentType.IMAGE)))
      .page(Page.html("search", "/search?q={q}"))
      .landing("home", 0.2).landing("menu", 0.2).landing("dish", 0.3).landing("search", 0.3)
      .build();

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void pathsAreEncodedAsABrowserSendsThem(long seed) {
    List<AccessEvent> events = LogGenerator.builder().seed(seed).site(CAFE)
        .window(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofHours(2)).build()
        .events().collect(Collectors.toList());
    Set<String> sitePaths = new TreeSet<>();
    for (AccessEvent e : events) {
      String p = e.path();
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        assertTrue(c > ' ' && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '#',
            "seed " + seed + ": " + p);
      }
      if (p.startsWith("/search") || p.startsWith("/menu") || p.startsWith("/caf")
          || p.startsWith("/img")) {
        sitePaths.add(p);
      }
    }
    Map<String, String> decoded = new TreeMap<>();
    for (String p : sitePaths) {
      decoded.put(p, URLDecoder.decode(p.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    String why = "seed " + seed + ": " + decoded;
    assertTrue(sitePaths.contains("/caf%C3%A9/men%C3%BC"), why);
    assertTrue(sitePaths.contains("/menu/tarte%20tatin"), why);
    assertTrue(sitePaths.contains("/menu/cr%C3%AApe"), why);
    assertTrue(sitePaths.contains("/search?q=iced%20coffee"), why);
    assertTrue(sitePaths.contains("/search?q=cr%C3%A8me%20br%C3%BBl%C3%A9e"), why);
    assertTrue(sitePaths.contains("/search?q=say%20%22hi%22"), why);
    // '#' in a value is data, not a fragment; '?' after the query's start stays as it is
    assertTrue(sitePaths.contains("/search?q=a%23b?c"), why);
    // every encoded path decodes to what the configuration wrote (the simulator may add a
    // trailing slash or a campaign parameter after it)
    Set<String> configured = Set.of("/café/menü", "/menu/tarte tatin", "/menu/crêpe",
        "/menu/flan", "/img/tarte tatin.jpg", "/img/crêpe.jpg", "/img/flan.jpg",
        "/search?q=iced coffee", "/search?q=crème brûlée", "/search?q=say \"hi\"",
        "/search?q=a#b?c", "/search?q=espresso");
    for (String d : decoded.values()) {
      assertTrue(configured.stream().anyMatch(d::startsWith), d + " in " + why);
    }
  }
}
