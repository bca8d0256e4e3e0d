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

  /** Child main: counts 20 M lines of one session in one millisecond, prints the count. */
  public static void main(String[] args) {
    AccessEvent e = new AccessEvent(1_000, ZoneOffset.UTC, "192.0.2.1", null, null, "GET", "/p",
        "HTTP/1.1", 200, 10, null, null, 100, "h", 7, "BROWSING", VisitorKind.HUMAN, null);
    Report.Builder b = Report.builder();
    for (int i = 0; i < 20_000_000; i++) {
      b.event(e);
    }
    System.out.println("lines " + b.build().lines());
  }

  @Test
  void manyLinesInOneMillisecondFitInASmallHeap() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx32m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), ReportBoundedTest.class.getName())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "child did not finish");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("lines 20000000"), out);
  }
}
