package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files of runs before 1970 and after 2262 get the time of their last line as their modification
 * time, so that a later run dates them right. JDK 17 set 1970-01-01 for a time before 1970 with
 * a fraction of a second, and 2262-04-11 for any time after that date.
 */
class FarTimesTest {
  @TempDir Path dir;

  private final List<String> warnings = new ArrayList<>();

  /** Writes two lines a second apart, ending at {@code last}, and closes the sink. */
  private void run(Path active, long last) {
    try (RotatingFileSink sink = FileSinks.rotating(active).daily().warnings(warnings::add)
        .build()) {
      byte[] b = TestLines.bytes(1);
      sink.write(b, 0, b.length, last - 1000);
      b = TestLines.bytes(2);
      sink.write(b, 0, b.length, last);
    }
  }

  private static long seconds(long millis) {
    return Math.floorDiv(millis, 1000L);
  }

  @Test
  void aFileOf1969KeepsTheSecondOfItsLastLine() throws IOException {
    long last = Instant.parse("1969-06-01T10:15:30.250Z").toEpochMilli();
    Path active = dir.resolve("access.log");
    run(active, last);
    long kept = Files.getLastModifiedTime(active).toMillis();
    assertEquals(seconds(last), seconds(kept), () -> "kept " + Instant.ofEpochMilli(kept));
    assertEquals(List.of(), warnings);
  }

  /**
   * The helper's report: a run of 1969 into a directory, then a run of 2026 into the same one.
   * The second archives the first's file under its own date (it named it 1970-01-01).
   */
  @Test
  void aLaterRunArchivesA1969FileUnderItsDate() throws IOException {
    Path active = dir.resolve("access.log");
    run(active, Instant.parse("1969-06-01T00:59:59.123Z").toEpochMilli());
    run(active, Instant.parse("2026-01-01T00:30:00.500Z").toEpochMilli());
    assertEquals(List.of("access.log", "access.log.1969-06-01.1"), TestLines.names(dir));
    assertEquals(List.of(), warnings);
  }

  @Test
  void aSecondRunOfTheSame1969DayAppends() throws IOException {
    Path active = dir.resolve("access.log");
    long day = Instant.parse("1969-06-01T08:00:00.700Z").toEpochMilli();
    run(active, day);
    run(active, day + 3_600_000L);
    assertEquals(List.of("access.log"), TestLines.names(dir));
    assertEquals(4, TestLines.lines(active).size());
  }

  /**
   * Times some file systems cannot hold (ext4 keeps 1901 to 2446, the JDK passes nothing before
   * 1677): the file has the time to the second, or the sink says which time it kept instead.
   * Never a silent 1970 or 2262.
   */
  @ParameterizedTest
  @ValueSource(strings = {"1902-03-04T05:06:07.891Z", "2300-01-01T10:00:00.250Z",
      "2400-12-31T23:59:59.999Z", "1600-07-08T09:10:11.120Z", "0001-01-01T00:00:01.001Z",
      "9999-12-31T23:59:59.999Z"})
  void aFarTimeIsKeptOrReported(String time) throws IOException {
    long last = Instant.parse(time).toEpochMilli();
    Path active = dir.resolve("access.log");
    run(active, last);
    long kept = Files.getLastModifiedTime(active).toMillis();
    if (seconds(kept) == seconds(last)) {
      assertEquals(List.of(), warnings, time);
    } else {
      assertEquals(1, warnings.size(), () -> time + " kept as " + Instant.ofEpochMilli(kept)
          + " without a warning: " + warnings);
      String w = warnings.get(0);
      assertTrue(w.contains(active.toString()) && w.contains(Instant.ofEpochMilli(kept).toString())
          && w.contains(Instant.ofEpochMilli(last).toString()), w);
    }
  }
}
