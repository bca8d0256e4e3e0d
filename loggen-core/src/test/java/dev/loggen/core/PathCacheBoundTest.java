package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The paths a site's templates cache are bounded for the site, not per template: each template
 * of a large catalogue cached up to 262,144 paths as the run went on, so that a site of eight
 * such pages made memory grow with the line count and ran out of a small heap.
 */
class PathCacheBoundTest {

  /** Child main: streams 4 M events of a site of eight large-catalogue pages. */
  public static void main(String[] args) {
    Site.Builder b = Site.builder("big").param("n", Param.range(1, 262_144));
    for (int i = 0; i < 8; i++) {
      b.page(Page.html("p" + i, "/section" + i + "/item/{n}")).landing("p" + i, 1);
    }
    LogGenerator g = LogGenerator.builder().seed(3).site(b.build())
        .window(Instant.parse("2026-02-02T00:00:00Z"), null).build();
    Iterator<AccessEvent> it = g.iterator();
    long n = 0;
    while (n < 4_000_000 && it.hasNext()) {
      it.next();
      n++;
    }
    System.out.println("events " + n);
  }

  @Test
  void aSiteOfManyLargeCataloguesRunsInASmallHeap() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx48m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), PathCacheBoundTest.class.getName())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child did not finish");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("events 4000000"), out);
  }
}
