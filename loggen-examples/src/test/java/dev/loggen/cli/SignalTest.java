package dev.loggen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM on a live generator in its own JVM: it stops, flushes, finishes compressing, closes
 * its files, prints the report and exits 0; every file holds whole lines and every archive is a
 * complete gzip file.
 */
class SignalTest {
  @TempDir Path dir;

  @Test
  void sigtermLeavesWholeFilesAndExitsZero() throws Exception {
    Path logs = dir.resolve("logs");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "--live", "--rate", "3000",
        "--seed", "21", "--sessions-per-hour", "20000", "--output", logs.toString(),
        "--rotate-size", "128KB", "--rotate-time", "none")
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
      while (System.nanoTime() < deadline && p.isAlive()
          && Cli.names(logs).stream().filter(f -> f.endsWith(".gz")).count() < 3) {
        Thread.sleep(100);
      }
      assertTrue(p.isAlive(), "still running: " + Files.readString(dir.resolve("stderr.txt")));
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exits after SIGTERM");
    } finally {
      p.destroyForcibly();
    }
    String out = Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
    String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "exit code\n" + err + out);
    Matcher m = Pattern.compile("access-log lines\\s+([\\d,]+)").matcher(out);
    assertTrue(m.find(), "the report is printed:\n" + out + err);
    long reported = Long.parseLong(m.group(1).replace(",", ""));

    List<String> files = Cli.files(logs);
    assertFalse(files.stream().anyMatch(f -> f.endsWith(".tmp") || f.startsWith(".")),
        "no temporary files left: " + files);
    assertTrue(files.stream().filter(f -> f.endsWith(".gz")).count() >= 3, files.toString());
    List<String> access = new ArrayList<>();
    for (String f : files) {
      List<String> lines = Cli.lines(logs.resolve(f)); // ends with \n; gzip complete
      for (String l : lines) {
        assertTrue(l.matches("\\S+ \\S+ \\S+ \\[[^]]+\\] \".*\" \\d{3} .*")
            || f.startsWith("error"), f + ": " + l);
      }
      if (f.startsWith("access")) {
        access.addAll(lines);
      }
    }
    assertEquals(reported, access.size(), "every line reported is in the files, once");
  }
}
