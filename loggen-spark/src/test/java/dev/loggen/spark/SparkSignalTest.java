package dev.loggen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM on {@code SparkMain} in its own JVM while the job runs: Spark's shutdown hook stops the
 * context under the job, which is no bug, so one line says the run stopped and is incomplete,
 * without a stack trace, and no manifest is written. Before: "the run failed: Job 0 cancelled
 * because SparkContext was shut down" and Spark's stack trace.
 */
class SparkSignalTest {
  @TempDir Path dir;

  /** A java command with the test JVM's options (the --add-opens Spark needs on this JDK). */
  private static List<String> java(Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognized")
            || a.startsWith("-Dio.netty") || a.startsWith("--sun-misc")
            || a.startsWith("--enable-native"))
        .toList());
    command.addAll(List.of("-Xmx512m", "-Dspark.master=local[2]", "-Dspark.ui.enabled=false",
        "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void sigtermDuringTheJobIsOneLineWithoutAStackTrace() throws Exception {
    Path out = dir.resolve("out");
    List<String> command = java(SparkMain.class, "--seed", "5", "--duration", "60d", "--slices",
        "2", "--sessions-per-hour", "20000", "--output", out.toString());
    Process p = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    try {
      // the job has started once the driver made the output's _temporary directory
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline && p.isAlive()
          && !Files.isDirectory(out.resolve("_temporary"))) {
        Thread.sleep(50);
      }
      Thread.sleep(500); // the tasks under way
      assertTrue(p.isAlive(), "still running: " + Files.readString(dir.resolve("stderr.txt")));
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exits after SIGTERM");
    } finally {
      p.destroyForcibly();
    }
    String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
    List<String> ours = err.lines().filter(l -> l.startsWith("loggen-spark: ")).toList();
    assertTrue(ours.size() == 1 && ours.get(0).startsWith("loggen-spark: stopped: the JVM is"
        + " shutting down (a signal?) and the run is incomplete, with no manifest; run it again"
        + " with the same --seed"), err);
    int at = err.indexOf(ours.get(0));
    String after = err.substring(at + ours.get(0).length()).stripLeading();
    assertFalse(after.startsWith("org.apache.spark") || after.startsWith("at "),
        "no stack trace after the line:\n" + err);
    assertFalse(Files.exists(out.resolve(Manifest.FILE_NAME)), "no manifest");
  }

  /**
   * The JVM begins to shut down (as for a signal) after the session started and before the
   * job, between the driver's steps. Before: Spark's IllegalStateException "Cannot call methods
   * on a stopped SparkContext" with its creation site, as bad usage (exit code 2), or no line at
   * all when the JVM halted, its shutdown hooks done, before the run could print one.
   */
  @Test
  void aShutdownBeforeTheJobIsTheStoppedLine() throws Exception {
    Path out = dir.resolve("out");
    Process p = new ProcessBuilder(java(StopBeforeTheJob.class, "--seed", "5", "--duration",
        "1h", "--output", out.toString()))
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    try {
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), "exits");
    } finally {
      p.destroyForcibly();
    }
    String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
    List<String> ours = err.lines().filter(l -> l.startsWith("loggen-spark: ")).toList();
    assertTrue(ours.size() == 1 && ours.get(0).startsWith("loggen-spark: stopped: the JVM is"
        + " shutting down (a signal?) and the run is incomplete"), err);
    assertEquals(143, p.exitValue(), err);
    assertFalse(Files.exists(out.resolve(Manifest.FILE_NAME)), "no manifest");
  }

  /**
   * SparkMain.run with a session whose JVM begins to shut down, as for SIGTERM (exit status
   * 143), before the run uses it: Spark's shutdown hook stops the context first.
   */
  static final class StopBeforeTheJob {
    private StopBeforeTheJob() {}

    public static void main(String[] args) {
      SparkMain.run(args, System.out, System.err, () -> {
        SparkSession s = SparkSession.builder().appName("loggen-stop").getOrCreate();
        new Thread(() -> System.exit(143)).start();
        while (!s.sparkContext().isStopped()) {
          LockSupport.parkNanos(10_000_000L);
        }
        return s;
      });
    }
  }
}
