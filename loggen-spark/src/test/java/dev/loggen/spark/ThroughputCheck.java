package dev.loggen.spark;

import com.sun.management.OperatingSystemMXBean;
import dev.loggen.core.LineSink;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.RunSpec;
import dev.loggen.formats.LogFormats;
import dev.loggen.spark.internal.HadoopConf;
import dev.loggen.spark.internal.SliceWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Not a test: the throughput figures of the README's "Generating at scale". One simulated day of
 * the shop site at the default rate, Combined format, measured four ways:
 * {@code plain} (the single-machine pipeline, {@code LogWriter}, lines discarded),
 * {@code simulate} (events only, not rendered),
 * {@code task} (what one Spark task does, without Spark: render, SHA-256, gzip, write a file)
 * and {@code spark N} (local[2], N slices, gzip; after an unmeasured 6-hour job). Prints lines per second of wall time and per
 * CPU second of the process. Run with
 * {@code java <spark-submit's --add-opens> -cp <test classpath> dev.loggen.spark.ThroughputCheck
 * plain|simulate|task|spark [slices] [days]}.
 */
public final class ThroughputCheck {
  private ThroughputCheck() {}

  /**
   * Runs one measurement (after one unmeasured warm-up for {@code plain} and {@code task}).
   *
   * @param args mode, slices, days
   * @throws Exception when writing fails
   */
  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "plain";
    int slices = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int days = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    RunSpec spec = RunSpec.defaults().withSeed(42)
        .withWindow(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(days));
    Path dir = Path.of("target/throughput");
    switch (mode) {
      case "plain" -> {
        measure("warm-up", () -> plain(spec.withDuration(Duration.ofHours(6)).toGenerator()));
        measure("plain, 1 thread, LogWriter, discard", () -> plain(spec.toGenerator()));
      }
      case "simulate" -> {
        measure("warm-up", () -> spec.withDuration(Duration.ofHours(6)).toGenerator().events()
            .count());
        measure("simulate only, 1 thread, events counted",
            () -> spec.toGenerator().events().count());
      }
      case "task" -> {
        int level = Integer.getInteger("gzipLevel", LoggenSpark.GZIP_LEVEL);
        boolean gzip = level > 0;
        task(spec.withDuration(Duration.ofHours(6)), dir, gzip, Math.max(1, level));
        measure("one task without Spark: render, SHA-256, " + (gzip ? "gzip " + level : "no gzip")
            + ", file", () -> task(spec, dir, gzip, Math.max(1, level)));
      }
      case "spark" -> {
        SparkSession spark = SparkSession.builder().master("local[2]")
            .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        delete(dir);
        LoggenSpark.write(spark, spec.withDuration(Duration.ofHours(6)), 2,
            dir.resolve("warm-up").toUri().toString());
        measure("spark local[2], " + slices + " slices, gzip", () -> LoggenSpark.write(spark,
            spec, slices, dir.resolve("spark").toUri().toString()).lines());
        spark.stop();
      }
      default -> throw new IllegalArgumentException("mode: plain, simulate, task or spark");
    }
  }

  private interface Run {
    long lines() throws Exception;
  }

  private static void measure(String what, Run run) throws Exception {
    OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    long lines = run.lines();
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    System.out.printf(Locale.ROOT, "%s: %d lines, %.1f s wall, %.0f lines/s; %.1f CPU s, %.0f"
        + " lines per CPU second; load %.1f%n", what, lines, wall, lines / wall, cpu,
        lines / cpu, os.getSystemLoadAverage());
  }

  private static long plain(LogGenerator gen) {
    long[] n = new long[1];
    gen.writer().format(LogFormats.combined()).to(new LineSink() {
      @Override
      public void write(byte[] line, int offset, int length, long epochMillis) {
        n[0]++;
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    }).run();
    return n[0];
  }

  private static long task(RunSpec spec, Path dir, boolean gzip, int level) throws Exception {
    delete(dir);
    Files.createDirectories(dir);
    SliceWriter.Job job = new SliceWriter.Job(spec, 1, dir.toAbsolutePath().toUri().toString(),
        "_temporary/check", gzip, level, new HadoopConf(new Configuration()),
        null);
    return SliceWriter.write(job, new SliceWriter.Task(0, "access.log.gz"), 0, 0).lines();
  }

  private static void delete(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
