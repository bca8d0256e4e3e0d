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
   * ahead, which the pipeline cannot do without). The last two ran out as well while every
   * worker kept a whole run's cache of returning visitors (eight workers at 150,000, three at
   * 400,000 sessions an hour).
   */
  @ParameterizedTest(name = "{0} threads, {1}, {2} sessions/h")
  @CsvSource({"3, combined, 2000", "4, ecs, 2000", "2, combined, 400000",
      "8, combined, 200000", "3, combined, 400000"})
  void aParallelRunFitsIn64Megabytes(int threads, String format, String sessionsPerHour)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp",
        System.getProperty("java.class.path"), SmallHeapMain.class.getName(),
        String.valueOf(threads), "400000", format, sessionsPerHour)).redirectErrorStream(true)
        .start();
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(done, "child JVM did not finish: " + out);
    assertEquals(0, p.exitValue(), out);
    assertEquals("400000", out.strip(), out);
  }
}
