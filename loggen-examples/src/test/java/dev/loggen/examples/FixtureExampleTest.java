package dev.loggen.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loggen.core.Report;
import dev.loggen.formats.LogParsers;
import dev.loggen.formats.LogRecord;
import dev.loggen.formats.ParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How another project uses loggen as a test fixture: one call fills the test's temporary
 * directory with a day of logs, and the report is the ground truth to check the code under test
 * against. (Here the "code under test" is a tiny status counter; yours is a log pipeline, a
 * parser, an alerting rule.)
 */
class FixtureExampleTest {
  /** The code under test: counts server errors in a Combined log. */
  static long countServerErrors(Path accessLog) {
    try (Stream<ParseResult> results = LogParsers.combined().parseAll(accessLog)) {
      return results.filter(r -> r instanceof ParseResult.Parsed)
          .map(r -> ((ParseResult.Parsed) r).record())
          .map(LogRecord::status)
          .filter(s -> s != null && s >= 500)
          .count();
    }
  }

  @Test
  void aDayOfLogsInOneCall(@TempDir Path dir) throws Exception {
    Report truth = LogFixtures.day(dir, 42);

    assertEquals(truth.statusClass(5), countServerErrors(dir.resolve("access.log")));
    assertEquals(truth.lines(), Files.lines(dir.resolve("access.log")).count());
    assertEquals(truth.errorLines(), Files.lines(dir.resolve("error.log")).count());
  }

  @Test
  void runsFromTheCommandLineAsTheReadmeSays(@TempDir Path dir, @TempDir Path other)
      throws Exception {
    // java -cp loggen.jar dev.loggen.examples.LogFixtures [dir] [seed]
    LogFixtures.main(new String[] {dir.toString(), "42"});
    Report truth = LogFixtures.day(other, 42);
    for (String f : new String[] {"access.log", "error.log"}) {
      assertArrayEquals(Files.readAllBytes(other.resolve(f)), Files.readAllBytes(dir.resolve(f)),
          f);
    }
    assertEquals(truth.lines(), Files.lines(dir.resolve("access.log")).count());
  }
}
