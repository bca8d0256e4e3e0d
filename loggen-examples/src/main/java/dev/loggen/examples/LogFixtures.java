package dev.loggen.examples;

import dev.loggen.core.LogFormat;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Report;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import dev.loggen.formats.ErrorFormat;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.FileSinks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

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
 * <p>The files are plain (not rotated, not compressed) and replaced if they exist; the returned
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

  private LogFixtures() {}

  /**
   * Writes {@link #day(Path, long)} into a directory and prints the report.
   *
   * @param args optional directory (default {@code logs/fixture}) and seed (default 42)
   */
  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "logs/fixture");
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    System.out.print(day(dir, seed));
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
    LogGenerator gen = LogGenerator.builder()
        .seed(seed)
        .site(Sites.shop())
        .traffic(Traffic.sessionsPerHour(sessionsPerHour))
        .window(DAY, Duration.ofDays(1))
        .build();
    return write(dir, gen, format);
  }

  /**
   * What {@code generator} gives, into {@code dir/access.log} in {@code format} and
   * {@code dir/error.log} (Apache's error log, or nginx's for nginx formats).
   *
   * @param dir the directory (created if needed)
   * @param generator the generator; its window should end
   * @param format the access-log format
   * @return what was written
   */
  public static Report write(Path dir, LogGenerator generator, LogFormat format) {
    Objects.requireNonNull(dir, "dir");
    LogFormat errors = Objects.requireNonNull(ErrorFormat.defaultFor(format).format());
    return generator.writer()
        .format(format)
        .to(FileSinks.rotating(dir.resolve("access.log")).truncate().build())
        .errors(errors, FileSinks.rotating(dir.resolve("error.log")).truncate().build())
        .run();
  }
}
