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

  @ParameterizedTest(name = "{0} threads, {1}")
  @CsvSource({"3, combined", "4, ecs"})
  void aParallelRunFitsIn64Megabytes(int threads, String format)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp",
        System.getProperty("java.class.path"), SmallHeapMain.class.getName(),
        String.valueOf(threads), "400000", format)).redirectErrorStream(true).start();
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
