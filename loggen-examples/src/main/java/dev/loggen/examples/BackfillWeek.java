package dev.loggen.examples;

import dev.loggen.core.DataSize;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Report;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.FileSinks;
import dev.loggen.sinks.RotatingFileSink;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A week of history as a server would have left it: daily files named by their dates, the
 * finished days gzipped, the last day still in {@code access.log}. The files rotate at Berlin
 * midnight of the simulated time, not of the wall clock, so a week is written in seconds.
 *
 * <pre>{@code java -cp loggen.jar dev.loggen.examples.BackfillWeek [dir] [seed]}</pre>
 *
 * <p>writes {@code logs/week/access-2026-01-05.0.log.gz} ... {@code access-2026-01-10.0.log.gz}
 * (the {@code .0} counts files within a day, for days above 512 MB), {@code access.log} (Sunday
 * 2026-01-11) and the same for {@code error}.
 */
public final class BackfillWeek {
  /** The Monday the week starts, at Berlin midnight. */
  public static final Instant START = Instant.parse("2026-01-04T23:00:00Z");
  /** The site's zone: days start at midnight there. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  /** The daily archives, compressed or (left by an interrupted run) not. */
  private static final Pattern DAILY_ARCHIVE =
      Pattern.compile("(access|error)-\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.log(\\.gz)?");

  private BackfillWeek() {}

  /**
   * Writes the week into {@code logs/week} (or the directory given).
   *
   * @param args optional directory and seed (default {@code logs/week}, 42)
   */
  public static void main(String[] args) {
    ExampleMain.run(BackfillWeek.class, "[dir] [seed]", 2, args, a -> {
      Path dir = a.path(0, "dir", "logs/week");
      long seed = a.whole(1, "seed", 42);
      System.out.print(run(dir, seed, 2_000));
    });
  }

  /**
   * Writes a week of the shop into {@code dir}.
   *
   * @param dir the directory (created if needed)
   * @param seed the seed
   * @param sessionsPerHour the traffic (2,000 is a small shop; tests use less)
   * @return the report
   */
  public static Report run(Path dir, long seed, double sessionsPerHour) {
    LogGenerator gen = LogGenerator.builder()
        .seed(seed)
        .site(Sites.shop())
        .traffic(Traffic.sessionsPerHour(sessionsPerHour).withZone(ZONE))
        .window(START, Duration.ofDays(7))
        .build();
    RotatingFileSink.Builder accessLog = daily(dir.resolve("access.log"), "access");
    RotatingFileSink.Builder errorLog = daily(dir.resolve("error.log"), "error");
    // both logs checked before anything is deleted or emptied: a refused run leaves the last
    // week's files as they were
    accessLog.checkFileSystem();
    errorLog.checkFileSystem();
    // truncate() empties the active files but keeps archives: a fresh week deletes the last
    // run's, or each day would be archived again as .1 beside its .0.
    OldArchives.delete(dir, DAILY_ARCHIVE, dir.resolve("access.log"), dir.resolve("error.log"));
    // openAll: both files locked before either is emptied, so a log another program writes
    // refuses the run with the other as it was; run() closes both
    List<RotatingFileSink> logs = RotatingFileSink.openAll(accessLog, errorLog);
    return gen.writer()
        .format(LogFormats.combined())
        .to(logs.get(0))
        .errors(LogFormats.apacheError(), logs.get(1))
        .run();
  }

  private static RotatingFileSink.Builder daily(Path file, String name) {
    return FileSinks.rotating(file)
        .daily()                                       // by event time: simulated midnights
        .zone(ZONE)
        .maxSize(DataSize.ofMegabytes(512))            // and never a file above 512 MB
        .pattern(name + "-%d{yyyy-MM-dd}.%i.log.gz")   // %i only counts within a day
        .keep(30)
        .truncate();                                   // a fresh active file on every run
  }
}
