package dev.loggen.examples;

import dev.loggen.core.DataSize;
import dev.loggen.core.LogFormat;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.LogWriter;
import dev.loggen.core.Report;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import dev.loggen.formats.ErrorFormat;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.FileSinks;
import dev.loggen.sinks.RotatingFileSink;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Log files as test fixtures, in one call: a test fills its {@code @TempDir} and points the
 * code under test at it.
 *
 * <pre>{@code
 * @Test
 * void countsErrors(@TempDir Path dir) {
 *   Report truth = LogFixtures.day(dir, 42);       // dir/access.log, dir/error.log
 *   assertEquals(truth.statusClass(5), myParser.countServerErrors(dir.resolve("access.log")));
 * }
 * }</pre>
 *
 * <p>The files of {@link #day} are plain (not rotated, not compressed) and replaced if they
 * exist; {@link #rotatedDay} writes the same traffic as hourly, gzipped nginx logs. The returned
 * {@link Report} is the ground truth to assert against. The same seed gives the same bytes.
 *
 * <pre>{@code java -cp loggen.jar dev.loggen.examples.LogFixtures [dir] [seed]}</pre>
 *
 * <p>writes the same day from the command line, to look at before writing the test.
 */
public final class LogFixtures {
  /** The day {@link #day} writes: 2026-01-01 in UTC. */
  public static final Instant DAY = Instant.parse("2026-01-01T00:00:00Z");
  /**
   * The traffic of {@link #day(Path, long)}: 100 sessions an hour, some 40,000 lines and 10 MB
   * a day, written in about a second.
   */
  public static final double FIXTURE_SESSIONS_PER_HOUR = 100;

  /** nginx's predefined {@code combined} {@code log_format}, as {@link #rotatedDay} writes it. */
  public static final String NGINX_COMBINED = "$remote_addr - $remote_user [$time_local]"
      + " \"$request\" $status $body_bytes_sent \"$http_referer\" \"$http_user_agent\"";

  /** The hourly archives {@link #rotatedDay} makes, and their uncompressed form. */
  private static final Pattern HOURLY_ARCHIVE =
      Pattern.compile("(access|error)\\.log\\.\\d{4}-\\d{2}-\\d{2}-\\d{2}\\.\\d+(\\.gz)?");

  private LogFixtures() {}

  /**
   * Writes {@link #day(Path, long)} into a directory and prints the report.
   *
   * @param args optional directory (default {@code logs/fixture}) and seed (default 42)
   */
  public static void main(String[] args) {
    ExampleMain.run(LogFixtures.class, "[dir] [seed]", 2, args, a -> {
      Path dir = a.path(0, "dir", "logs/fixture");
      long seed = a.whole(1, "seed", 42);
      System.out.print(day(dir, seed));
    });
  }

  /**
   * One day (2026-01-01, UTC) of the {@code shop} site at 100 sessions an hour, in Combined
   * format, with Apache's error log: {@code dir/access.log} and {@code dir/error.log}.
   *
   * @param dir the directory (created if needed)
   * @param seed the seed
   * @return what was written
   */
  public static Report day(Path dir, long seed) {
    return day(dir, seed, FIXTURE_SESSIONS_PER_HOUR, LogFormats.combined());
  }

  /**
   * One day (2026-01-01, UTC) of the {@code shop} site.
   *
   * @param dir the directory (created if needed)
   * @param seed the seed
   * @param sessionsPerHour the traffic (2,000 is a small real shop: most of a million lines)
   * @param format the access-log format (the error log follows it: nginx's for nginx formats)
   * @return what was written
   */
  public static Report day(Path dir, long seed, double sessionsPerHour, LogFormat format) {
    return write(dir, shopDay(seed, sessionsPerHour), format);
  }

  /**
   * One day (2026-01-01, UTC) of the {@code shop} site at 100 sessions an hour as an nginx
   * server rotated by the hour leaves it: {@code dir/access.log} holds the day's last hour and
   * the 23 hours before it are gzipped archives ({@code access.log.2026-01-01-00.1.gz} ...),
   * in nginx's {@code combined} format ({@link #NGINX_COMBINED}, nginx's escaping); the same
   * for {@code error.log} in nginx's error-log format (an hour without a failed request has no
   * archive). The two logs are replaced and the hourly archives of an earlier run (files named
   * {@code access.log.YYYY-MM-DD-HH.N.gz} or {@code error.log.YYYY-MM-DD-HH.N.gz}, and the
   * uncompressed {@code ...HH.N} an interrupted run leaves) deleted first, so the directory
   * holds this run's files only; other files are left alone. The returned {@link Report} is
   * the ground truth. The same seed gives the same bytes. A log path no sink could open (a
   * directory named {@code error.log}, say) is refused before anything is deleted or emptied.
   * When another sink is writing either log (in this JVM, at any moment, or in a process that
   * locks it, except while that process rotates the log and holds no lock), the call fails as
   * that sink's builder would, before anything is deleted or emptied.
   *
   * @param dir the directory (created if needed)
   * @param seed the seed
   * @return what was written
   */
  public static Report rotatedDay(Path dir, long seed) {
    Objects.requireNonNull(dir, "dir");
    LogGenerator gen = shopDay(seed, FIXTURE_SESSIONS_PER_HOUR);
    return run(gen, LogFormats.nginx(NGINX_COMBINED), LogFormats.nginxError(), dir,
        LogFixtures::hourly, HOURLY_ARCHIVE);
  }

  /**
   * Runs {@code gen} into {@code dir}'s two logs, each with the sink {@code sink} makes: both
   * checked as opening them would before anything is deleted ({@code oldArchives}, if not null)
   * or emptied, so that a refused call leaves the earlier run's files as they were; then both
   * opened as one ({@link RotatingFileSink#openAll}): an error log another sink holds refuses
   * the call before the access log is emptied, and no file is left locked for the rest of the
   * JVM (a test suite's next fixture in that directory would fail).
   */
  private static Report run(LogGenerator gen, LogFormat format, LogFormat errorFormat, Path dir,
      Function<Path, RotatingFileSink.Builder> sink, @Nullable Pattern oldArchives) {
    // the formats first: an error-log format given as the access log's was refused after both
    // files were emptied, and left them locked for the rest of the JVM
    LogWriter writer = gen.writer().format(format);
    Path accessPath = dir.resolve("access.log");
    Path errorPath = dir.resolve("error.log");
    RotatingFileSink.Builder accessLog = sink.apply(accessPath);
    RotatingFileSink.Builder errorLog = sink.apply(errorPath);
    accessLog.checkFileSystem();
    errorLog.checkFileSystem();
    if (oldArchives != null) {
      OldArchives.delete(dir, oldArchives, accessPath, errorPath);
    }
    List<RotatingFileSink> logs = RotatingFileSink.openAll(accessLog, errorLog);
    // run() closes both sinks
    return writer.to(logs.get(0)).errors(errorFormat, logs.get(1)).run();
  }

  private static LogGenerator shopDay(long seed, double sessionsPerHour) {
    return LogGenerator.builder()
        .seed(seed)
        .site(Sites.shop())
        .traffic(Traffic.sessionsPerHour(sessionsPerHour))
        .window(DAY, Duration.ofDays(1))
        .build();
  }

  private static RotatingFileSink.Builder hourly(Path file) {
    return FileSinks.rotating(file).hourly().maxSize(DataSize.ofMegabytes(512)).gzip()
        .truncate();
  }

  /**
   * What {@code generator} gives, into {@code dir/access.log} in {@code format} and
   * {@code dir/error.log} (Apache's error log, or nginx's for nginx formats). A log path no
   * sink could open (a directory named {@code error.log}, say) is refused before either file
   * is emptied.
   *
   * @param dir the directory (created if needed)
   * @param generator the generator; its window must end
   * @throws IllegalArgumentException when the generator's window has no end
   * @param format the access-log format (an error-log format, such as
   *     {@link LogFormats#apacheError()}, is refused before either file is touched)
   * @return what was written
   */
  public static Report write(Path dir, LogGenerator generator, LogFormat format) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(generator, "generator");
    Objects.requireNonNull(format, "format");
    if (generator.duration() == null) {
      throw new IllegalArgumentException("generator's window has no end (window(start, null)):"
          + " the fixture would write until the year 9999; give the window a duration");
    }
    LogFormat errors = Objects.requireNonNull(ErrorFormat.defaultFor(format).format());
    return run(generator, format, errors, dir, file -> FileSinks.rotating(file).truncate(), null);
  }
}
