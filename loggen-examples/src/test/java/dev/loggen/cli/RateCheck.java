package dev.loggen.cli;

import dev.loggen.core.LineSink;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.config.CoreSettings;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.FileSinks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Measures how well live mode holds a rate (not a unit test: run it by hand on a quiet machine).
 * For each rate it runs the live writer as the command line does (calibrated traffic, Combined
 * format) for a few seconds, writing into a rotating file under {@code java.io.tmpdir} (or
 * nowhere with {@code -Dnull=true}), and prints the achieved rate between the first and the
 * last line, and the lines written against the schedule.
 *
 * <pre>{@code
 * mvn -q -pl loggen-examples test-compile
 * java -cp "$(cat cp.txt):loggen-examples/target/classes:loggen-examples/target/test-classes" \
 *     dev.loggen.cli.RateCheck 1:20 10:10 100:10 1000:10 10000:10 100000:10 200000:10
 * }</pre>
 */
public final class RateCheck {
  private RateCheck() {}

  /** Counts lines and keeps the time of the first and the last. */
  static final class Timing implements LineSink {
    final LineSink delegate;
    long first;
    long last;
    long lines;

    Timing(LineSink delegate) {
      this.delegate = delegate;
    }

    @Override
    public void write(byte[] line, int offset, int length, long epochMillis) {
      delegate.write(line, offset, length, epochMillis);
      long t = System.nanoTime();
      if (lines++ == 0) {
        first = t;
      }
      last = t;
    }

    @Override
    public void flush() {
      delegate.flush();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /**
   * Runs the measurements.
   *
   * @param args {@code rate:seconds} pairs
   * @throws Exception when the temporary directory cannot be made
   */
  public static void main(String[] args) throws Exception {
    boolean discard = Boolean.getBoolean("null");
    System.out.println("   rate (lines/s)   seconds      lines   achieved (lines/s)   error");
    for (String a : args) {
      String[] p = a.split(":");
      double rate = Double.parseDouble(p[0]);
      long seconds = Long.parseLong(p[1]);
      Path dir = Files.createTempDirectory("ratecheck");
      Instant now = Instant.now();
      CoreSettings core = CoreSettings.EMPTY.withSeed(7)
          .withTraffic(dev.loggen.core.Traffic.sessionsPerHour(2_000));
      double perHour = Main.calibrate(core, now, rate);
      LogGenerator gen = core.withTraffic(core.traffic().withSessionsPerHour(perHour).flat())
          .withWindow(new CoreSettings.Window(now, null)).toBuilder().build();
      LineSink sink = discard ? new LineSink() {
        @Override
        public void write(byte[] line, int offset, int length, long epochMillis) {}

        @Override
        public void flush() {}

        @Override
        public void close() {}
      } : FileSinks.rotating(dir.resolve("access.log")).maxSize(
          dev.loggen.core.DataSize.ofMegabytes(100)).gzip().build();
      Timing timing = new Timing(sink);
      long[] end = {0};
      LiveWriter.of(gen).historyUntil(now).format(LogFormats.combined()).to(timing).rate(rate)
          .stopWhen(() -> {
            long t = System.nanoTime();
            if (end[0] == 0) {
              end[0] = t + Duration.ofSeconds(seconds).toNanos();
            }
            return t - end[0] >= 0;
          }).run();
      double achieved = (timing.lines - 1) * 1e9 / (timing.last - timing.first);
      System.out.printf(Locale.ROOT, "%,15.0f %9d %,10d %,20.1f %+7.3f %%%n", rate, seconds,
          timing.lines, achieved, (achieved - rate) / rate * 100);
      try (var s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
