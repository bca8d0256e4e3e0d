package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A {@link Report.Builder} counts with bounded memory, as its Javadoc says, also when many lines
 * share one millisecond: it kept an entry per such line, and ran out of a small heap.
 */
class ReportBoundedTest {

  /**
   * Child main: counts 20 M lines in one millisecond, of one session or (given "alternating")
   * of two whose lines alternate, prints the count.
   */
  public static void main(String[] args) {
    int sessions = args.length > 0 && args[0].equals("alternating") ? 2 : 1;
    AccessEvent[] es = new AccessEvent[sessions];
    for (int s = 0; s < sessions; s++) {
      es[s] = new AccessEvent(1_000, ZoneOffset.UTC, "192.0.2.1", null, null, "GET", "/p",
          "HTTP/1.1", 200, 10, null, null, 100, "h", 7 + s, "BROWSING", VisitorKind.HUMAN,
          null);
    }
    Report.Builder b = Report.builder();
    for (int i = 0; i < 20_000_000; i++) {
      b.event(es[i % sessions]);
    }
    System.out.println("lines " + b.build().lines());
  }

  @Test
  void manyLinesInOneMillisecondFitInASmallHeap() throws IOException, InterruptedException {
    countInChild("one");
  }

  @Test
  void alternatingSessionsInOneMillisecondFitInASmallHeap()
      throws IOException, InterruptedException {
    countInChild("alternating");
  }

  private static void countInChild(String mode) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx32m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), ReportBoundedTest.class.getName(), mode)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "child did not finish");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("lines 20000000"), out);
  }
}
