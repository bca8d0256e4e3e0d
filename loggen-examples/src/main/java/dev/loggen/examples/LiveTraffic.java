package dev.loggen.examples;

import dev.loggen.cli.LiveSettings;
import dev.loggen.cli.LiveWriter;
import dev.loggen.core.LineSink;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Report;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.Sinks;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Live traffic: the shop's access log in real time, {@code rate} lines per second, for a number
 * of seconds, on standard output (pipe it into the system under test): rate x seconds lines
 * (at least one), fewer when the machine cannot keep up. Each line is stamped with the moment it
 * is written.
 *
 * <pre>{@code java -cp loggen.jar dev.loggen.examples.LiveTraffic [rate] [seconds] [seed]}</pre>
 */
public final class LiveTraffic {
  /**
   * The most sessions per hour the example simulates (as the command line's {@code --rate}
   * does): the simulation keeps every running session in memory and warms up on the hour before
   * its start, so above about 165 lines per second the sessions are compressed in time by the
   * re-timing instead of multiplied.
   */
  public static final double MAX_SESSIONS_PER_HOUR = 40_000;

  /** The longest time in nanoseconds: a run this long or longer has no end. */
  private static final Duration FOREVER = Duration.ofNanos(Long.MAX_VALUE);

  private LiveTraffic() {}

  /**
   * Writes to standard output.
   *
   * @param args optional rate (default 50 lines per second), seconds (default 10), seed
   *     (default 42)
   */
  public static void main(String[] args) {
    ExampleMain.run(LiveTraffic.class, "[rate] [seconds] [seed]", 3, args, a -> {
      double rate = a.rate(0, "rate", 50);
      long seconds = a.count(1, "seconds", 10);
      long seed = a.whole(2, "seed", 42);
      Report r = run(Sinks.stdout(), seed, rate, Duration.ofSeconds(seconds));
      System.err.printf(Locale.ROOT, "%,d lines in %d s%n", r.lines(), seconds);
    });
  }

  /**
   * Writes live traffic into {@code sink} (and closes it, also when an argument is refused).
   *
   * @param sink where the lines go
   * @param seed the seed (the sessions; the timestamps are the wall clock's)
   * @param rate access-log lines per second
   * @param runFor how long to write, 0 or more, counted from the first line (the simulation
   *     warms up before it): rate x runFor lines (at least one), fewer when the machine cannot
   *     keep up; 292 years or more (as long as nanoseconds count) is without end
   * @return the report
   * @throws IllegalArgumentException when {@code rate} or {@code runFor} is out of range (the
   *     sink is closed)
   */
  public static Report run(LineSink sink, long seed, double rate, Duration runFor) {
    Objects.requireNonNull(sink, "sink");
    LiveWriter writer;
    try {
      Objects.requireNonNull(runFor, "runFor");
      if (runFor.isNegative()) {
        throw new IllegalArgumentException("runFor must not be negative (got " + runFor + ")");
      }
      // as long as nanoseconds count (292 years) or longer: without end
      long runForNanos = runFor.compareTo(FOREVER) >= 0 ? Long.MAX_VALUE : runFor.toNanos();
      LogGenerator gen = generator(seed, rate);
      // rate x time lines at most: the clock below starts with the first line, and the first
      // pause after the end comes a line or two later, so alone it let 502 lines through for
      // 50/s x 10 s
      double due = Math.rint(rate * (runForNanos / 1e9));
      long lines = due < 1 ? 1 : due >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) due;
      // The clock starts when writing does, as the writer goes live with the first line: the
      // stop condition is also asked during the simulation's warm-up (so that a signal is seen
      // at once), and a clock started there took the warm-up from the time (37 lines for
      // 50/s x 1 s) and wrote no line at all for a time of 0
      long[] end = {0};
      boolean[] started = {false};
      writer = LiveWriter.of(gen)
          .historyUntil(gen.start())                   // no history: every line is paced
          .format(LogFormats.combined())
          .to(sink)
          .rate(rate)
          .limit(lines)
          .listener(new LiveWriter.Listener() {
            @Override
            public void live() {
              started[0] = true;
              end[0] = System.nanoTime() + runForNanos;
            }
          })
          .stopWhen(() -> started[0] && System.nanoTime() - end[0] >= 0);
    } catch (RuntimeException e) {
      try {
        sink.close(); // run() closes it; refused before that, it is closed here
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return writer.run();
  }

  /**
   * The shop from now, without end, with traffic for {@code rate} lines per second.
   *
   * @param seed the seed
   * @param rate access-log lines per second
   * @return the generator
   */
  public static LogGenerator generator(long seed, double rate) {
    LiveSettings.requireRate(rate);
    // about 15 lines per shop session (its assets and the bots' requests included, as the
    // command line's calibration measures): this many sessions keep the simulation's own pace
    // near the rate, so sessions look real once re-timed (up to the cap)
    double perHour = Math.min(MAX_SESSIONS_PER_HOUR, Math.max(1, rate * 3600 / 15));
    return LogGenerator.builder()
        .seed(seed)
        .site(Sites.shop())
        .traffic(Traffic.sessionsPerHour(perHour).flat())
        .window(Clock.systemUTC().instant(), null)     // from now, without end
        .build();
  }
}
