package dev.loggen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A parallel run's memory is bounded whatever the line count: it runs in a child JVM with
 * {@code -Xmx64m}, the heap the command-line generator must live with.
 */
class SmallHeapTest {

  /**
   * At 400,000 sessions an hour (some 100,000 events a minute) two threads ran out of memory
   * where one fits: the workers simulated up to six blocks ahead of the merge whatever their
   * size. The third case is that traffic (at 500,000 two threads still need more: one block
   * ahead, which the pipeline cannot do without). The last two guard more workers at high
   * traffic; each worker kept a whole run's cache of returning visitors until the workers split
   * one (live heap at 200,000 sessions an hour on eight workers: 56 MiB, then 47), and eight
   * workers at 150,000 or three at 400,000 sessions an hour then ran out at times (they still
   * do at times at 400,000 and 200,000: too close to the heap's limit for a test).
   */
  @ParameterizedTest(name = "{0} threads, {1}, {2} sessions/h")
  @CsvSource({"3, combined, 2000", "4, ecs, 2000", "2, combined, 400000",
      "8, combined, 100000", "3, combined, 300000"})
  void aParallelRunFitsIn64Megabytes(int threads, String format, String sessionsPerHour)
      throws IOException, InterruptedException {
    runs(threads, format, "400000", sessionsPerHour);
  }

  /**
   * Segments were sized for 256-byte lines until one was rendered (768 events), and at least 16
   * events after: with a format of 64 KiB lines two threads ran out of memory where one fits.
   */
  @ParameterizedTest(name = "{0} threads, {1}, {2} lines")
  @CsvSource({"2, long:65536, 5000", "2, long:262144, 1000"})
  void aParallelRunOfVeryLongLinesFitsIn64Megabytes(int threads, String format, String lines)
      throws IOException, InterruptedException {
    runs(threads, format, lines, "2000");
  }

  private static void runs(int threads, String format, String lines, String sessionsPerHour)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp",
        System.getProperty("java.class.path"), SmallHeapMain.class.getName(),
        String.valueOf(threads), lines, format, sessionsPerHour)).redirectErrorStream(true)
        .start();
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(done, "child JVM did not finish: " + out);
    assertEquals(0, p.exitValue(), out);
    assertEquals(lines, out.strip(), out);
  }
}
