package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.DataSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jspecify.annotations.Nullable;

/** Time-based rotation driven by simulated event time (and a hand-advanced wall clock). */
class TimeRotationTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  @TempDir Path dir;

  @Test
  void thirtyDaysDailyKeepSevenGzip() throws IOException {
    Path active = dir.resolve("access.log");
    Files.writeString(dir.resolve("access.log.bak"), "decoy\n");
    Files.writeString(dir.resolve("notes.txt"), "decoy\n");
    Files.writeString(dir.resolve("access.log.2026-13-45.gz"), "decoy\n");
    Files.writeString(dir.resolve("error.log.2025-12-01.gz"), "decoy\n");
    List<String> written = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    long seq = 0;
    try (RotatingFileSink sink = FileSinks.rotating(active).daily().gzip(1).keep(7).build()) {
      for (int day = 0; day < 30; day++) {
        for (int i = 0; i < 500; i++) {
          long t = START + day * DAY + i * (DAY / 500);
          byte[] b = TestLines.bytes(seq);
          sink.write(b, 0, b.length, t);
          written.add(TestLines.line(seq));
          times.add(t);
          seq++;
        }
      }
    }
    List<String> names = TestLines.names(dir);
    List<String> expected = new ArrayList<>();
    for (int day = 23; day <= 29; day++) {
      expected.add(String.format("access.log.2026-01-%02d.1.gz", day));
    }
    List<String> archives = names.stream().filter(n -> n.startsWith("access.log.2026-01"))
        .toList();
    assertEquals(expected, archives, "archives by date, exactly 7: " + names);
    assertTrue(names.containsAll(List.of("access.log", "access.log.bak", "notes.txt",
        "access.log.2026-13-45.gz", "error.log.2025-12-01.gz")), "decoys untouched: " + names);
    assertEquals(expected.size() + 5, names.size(), () -> "nothing else: " + names);
    List<Path> files = new ArrayList<>();
    for (String n : expected) {
      Path p = dir.resolve(n);
      assertTrue(TestLines.validGzip(p), n + " is a valid gzip file");
      files.add(p);
    }
    files.add(active);
    long retainedFrom = START + 22 * DAY;
    List<String> retained = IntStream.range(0, written.size())
        .filter(i -> times.get(i) >= retainedFrom).mapToObj(written::get).toList();
    assertEquals(retained, TestLines.lines(files));
    // the archive's modification time is the time of its last line (simulated)
    long mtime = Files.getLastModifiedTime(dir.resolve(expected.get(0))).toMillis();
    assertEquals(START + 23 * DAY - DAY / 500, mtime);
  }

  @Test
  void backfilledWeekGivesSevenDailyFilesNamedBySimulatedDate() {
    Path active = dir.resolve("access.log");
    try (RotatingFileSink sink = FileSinks.rotating(active).daily().build()) {
      for (int hour = 0; hour < 7 * 24; hour++) {
        byte[] b = TestLines.bytes(hour);
        sink.write(b, 0, b.length, START + hour * 3_600_000L);
      }
    }
    assertEquals(List.of("access.log", "access.log.2026-01-01.1", "access.log.2026-01-02.1",
        "access.log.2026-01-03.1", "access.log.2026-01-04.1", "access.log.2026-01-05.1",
        "access.log.2026-01-06.1"), TestLines.names(dir));
    assertEquals(24, TestLines.lines(dir.resolve("access.log.2026-01-03.1")).size());
  }

  @Test
  void dailyAtLocalMidnightInTheZoneAndEmptyPeriodsLeaveNoFile() {
    ZoneId ny = ZoneId.of("America/New_York");
    Path active = dir.resolve("access.log");
    try (RotatingFileSink sink = FileSinks.rotating(active).daily().zone(ny).build()) {
      // 2026-01-01T23:30-05:00 and 2026-01-02T00:30-05:00, then a gap of a day
      long[] times = {Instant.parse("2026-01-02T04:30:00Z").toEpochMilli(),
          Instant.parse("2026-01-02T05:30:00Z").toEpochMilli(),
          Instant.parse("2026-01-04T06:00:00Z").toEpochMilli()};
      for (int i = 0; i < times.length; i++) {
        byte[] b = TestLines.bytes(i);
        sink.write(b, 0, b.length, times[i]);
      }
    }
    assertEquals(List.of("access.log", "access.log.2026-01-01.1", "access.log.2026-01-02.1"),
        TestLines.names(dir));
  }

  @Test
  void startingInTheRepeatedHourOfAutumnGivesOneFilePerPeriod() {
    // 2026-10-25 in Berlin: 02:00-03:00 happens twice; 01:05Z is 02:05 on the second pass
    long t0 = Instant.parse("2026-10-25T01:05:00Z").toEpochMilli();
    Path active = dir.resolve("access.log");
    try (RotatingFileSink sink = FileSinks.rotating(active).period(Duration.ofMinutes(15))
        .zone(ZoneId.of("Europe/Berlin")).build()) {
      for (int i = 0; i < 90; i++) { // a line a minute until 02:35Z (03:35 CET)
        byte[] b = TestLines.bytes(i);
        sink.write(b, 0, b.length, t0 + i * 60_000L);
      }
    }
    // the second pass belongs to the period that began at 02:45 CEST on the first pass
    assertEquals(List.of("access.log", "access.log.2026-10-25-0245.1",
        "access.log.2026-10-25-0300.1", "access.log.2026-10-25-0315.1"), TestLines.names(dir));
    assertEquals(55, TestLines.lines(dir.resolve("access.log.2026-10-25-0245.1")).size());
  }

  @Test
  void hourlyWithSizeUsesDateHourThenCountingNumber() {
    Path active = dir.resolve("access.log");
    try (RotatingFileSink sink = FileSinks.rotating(active).hourly()
        .maxSize(DataSize.ofBytes(1000)).build()) {
      for (int i = 0; i < 40; i++) {
        byte[] b = TestLines.bytes(i);
        sink.write(b, 0, b.length, START + i * 180_000L); // every 3 minutes: 20 per hour
      }
    }
    List<String> names = TestLines.names(dir);
    assertTrue(names.contains("access.log.2026-01-01-00.1"), names::toString);
    assertTrue(names.contains("access.log.2026-01-01-00.2"), names::toString);
    assertTrue(names.contains("access.log.2026-01-01-01.1"), names::toString);
    List<Path> files = new ArrayList<>();
    names.stream().filter(n -> !n.equals("access.log"))
        .sorted(java.util.Comparator.comparing((String n) -> n.substring(0, n.lastIndexOf('.')))
            .thenComparingInt(n -> Integer.parseInt(n.substring(n.lastIndexOf('.') + 1))))
        .forEach(n -> files.add(dir.resolve(n)));
    files.add(active);
    assertEquals(LongsRange.of(0, 40), TestLines.seqs(TestLines.lines(files)));
  }

  @Test
  void patternNamesByPeriodDateAndIndex() {
    Path active = dir.resolve("access.log");
    try (RotatingFileSink sink = FileSinks.rotating(active).daily()
        .pattern("access-%d{yyyy-MM-dd}.%i.log.gz").maxSize(DataSize.ofKilobytes(4)).build()) {
      for (int i = 0; i < 200; i++) {
        byte[] b = TestLines.bytes(i);
        sink.write(b, 0, b.length, START + i * (DAY / 100));
      }
    }
    List<String> names = TestLines.names(dir);
    assertTrue(names.contains("access-2026-01-01.0.log.gz"), names::toString);
    assertTrue(names.contains("access-2026-01-01.1.log.gz"), names::toString);
    assertTrue(names.contains("access-2026-01-02.0.log.gz"), names::toString);
    for (String n : names) {
      if (n.endsWith(".gz")) {
        assertTrue(TestLines.validGzip(dir.resolve(n)), n);
      }
    }
  }

  @Test
  void wallClockRotatesOnTheInjectedClockNotTheEventTime() {
    MutableClock clock = new MutableClock(START + 10 * 3_600_000L);
    Path active = dir.resolve("access.log");
    try (RotatingFileSink sink = FileSinks.rotating(active).hourly()
        .timeSource(TimeSource.WALL).clock(clock).build()) {
      for (int i = 0; i < 30; i++) {
        byte[] b = TestLines.bytes(i);
        sink.write(b, 0, b.length, 0L); // event time is ignored
        clock.advance(Duration.ofMinutes(5));
      }
    }
    assertEquals(List.of("access.log", "access.log.2026-01-01-10.1", "access.log.2026-01-01-11.1"),
        TestLines.names(dir));
    assertEquals(12, TestLines.lines(dir.resolve("access.log.2026-01-01-10.1")).size());
  }

  @Test
  void wallClockRestartRotatesWhatAnEarlierPeriodLeft() throws IOException {
    Path active = dir.resolve("access.log");
    Files.writeString(active, TestLines.line(1) + "\n");
    Files.setLastModifiedTime(active,
        java.nio.file.attribute.FileTime.fromMillis(START + 3_600_000L));
    MutableClock clock = new MutableClock(START + 5 * 3_600_000L);
    try (RotatingFileSink sink = FileSinks.rotating(active).hourly()
        .timeSource(TimeSource.WALL).clock(clock).build()) {
      byte[] b = TestLines.bytes(2);
      sink.write(b, 0, b.length, 0L);
    }
    assertEquals(List.of("access.log", "access.log.2026-01-01-01.1"), TestLines.names(dir));
    assertEquals(List.of(TestLines.line(1)),
        TestLines.lines(dir.resolve("access.log.2026-01-01-01.1")));
    assertEquals(List.of(TestLines.line(2)), TestLines.lines(active));
  }

  /**
   * A run that never closes (killed) leaves its file dated by the last line written, not by
   * the wall clock: the next run archives those lines under their own day.
   */
  @Test
  void everyWriteOfTheBufferDatesTheFileByItsLastLine() throws Exception {
    RotatingFileSink sink = FileSinks.rotating(dir.resolve("access.log")).daily()
        .bufferSize(DataSize.ofKilobytes(4)).build();
    try {
      for (int i = 0; i < 200; i++) { // several buffers' worth
        byte[] b = TestLines.bytes(i);
        sink.write(b, 0, b.length, START + 10 * 3_600_000L + i * 1_000L);
      }
      assertTrue(Files.size(dir.resolve("access.log")) > 0, "a buffer was written");
      long written = lastModified("access.log");
      assertTrue(written >= START + 10 * 3_600_000L && written < START + DAY,
          "dated by a line written, not by the wall clock: " + Instant.ofEpochMilli(written));
      sink.flush();
      assertEquals(START + 10 * 3_600_000L + 199_000L, lastModified("access.log"),
          "after flush(): the last line's time");
    } finally {
      sink.close();
    }
  }

  /** One simulated day of 24 hourly lines, as a command-line run with the default window. */
  private void runOneDay(long day, String dayName) {
    try (RotatingFileSink sink = FileSinks.rotating(dir.resolve("access.log")).daily()
        .maxSize(DataSize.ofMegabytes(100)).gzip(1).build()) {
      for (int hour = 0; hour < 24; hour++) {
        byte[] b = TestLines.bytes(day * 100 + hour);
        sink.write(b, 0, b.length, START + day * DAY + hour * 3_600_000L);
      }
    }
    assertEquals(START + day * DAY + 23 * 3_600_000L, lastModified("access.log"),
        dayName + ": the active file's modification time is the time of its last line");
  }

  private long lastModified(String name) {
    try {
      return Files.getLastModifiedTime(dir.resolve(name)).toMillis();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void eventTimeRunsOnConsecutiveDaysAppendAndRotateWhatTheRunBeforeLeft() {
    for (int day = 0; day < 3; day++) {
      runOneDay(day, "run " + day);
    }
    assertEquals(List.of("access.log", "access.log.2026-01-01.1.gz", "access.log.2026-01-02.1.gz"),
        TestLines.names(dir));
    for (int day = 0; day < 2; day++) {
      List<Long> seqs = TestLines.seqs(TestLines.lines(
          dir.resolve(String.format("access.log.2026-01-%02d.1.gz", day + 1))));
      assertEquals(LongsRange.of(day * 100L, day * 100L + 24), seqs, "day " + day);
    }
    assertEquals(LongsRange.of(200, 224), TestLines.seqs(TestLines.lines(dir.resolve(
        "access.log"))));
  }

  @Test
  void theSameDayRunAgainAppendsAndKeepsTheTimeOfItsLastLine() {
    // Before: a repeated run ended on the time the file already had, so the sink took it for a
    // run that wrote nothing and left the modification time at the wall clock's; the third run
    // then archived all three under today's date.
    for (int run = 0; run < 3; run++) {
      runOneDay(0, "run " + run);
    }
    assertEquals(List.of("access.log"), TestLines.names(dir));
    assertEquals(72, TestLines.lines(dir.resolve("access.log")).size());
  }

  @Test
  void eventTimeRunOfAnEarlierDayFirstRotatesWhatALaterRunLeft() {
    runOneDay(5, "the later day");
    runOneDay(2, "the earlier day");
    assertEquals(List.of("access.log", "access.log.2026-01-06.1.gz"), TestLines.names(dir));
    assertEquals(LongsRange.of(500, 524), TestLines.seqs(TestLines.lines(
        dir.resolve("access.log.2026-01-06.1.gz"))));
    assertEquals(LongsRange.of(200, 224), TestLines.seqs(TestLines.lines(dir.resolve(
        "access.log"))));
  }

  /**
   * A line logged late (its time before the line before it, still in the current period's
   * file) does not date the file back: the next day's run archives the day under its own date.
   */
  @Test
  void anOutOfOrderLineDoesNotDateTheFileIntoThePeriodBefore() {
    Path active = dir.resolve("access.log");
    long[] times = {START + DAY + 10 * 3_600_000L, START + DAY - 100, START + 2 * DAY + 1_000L};
    try (RotatingFileSink sink = FileSinks.rotating(active).daily().build()) {
      for (int i = 0; i < 2; i++) {
        byte[] b = TestLines.bytes(i);
        sink.write(b, 0, b.length, times[i]);
      }
      sink.flush();
      assertEquals(times[0], lastModified("access.log"), "after the write: the latest time");
    }
    assertEquals(times[0], lastModified("access.log"), "after close: the latest time");
    try (RotatingFileSink sink = FileSinks.rotating(active).daily().build()) {
      byte[] b = TestLines.bytes(2);
      sink.write(b, 0, b.length, times[2]);
    }
    assertEquals(List.of("access.log", "access.log.2026-01-02.1"), TestLines.names(dir));
    assertEquals(times[0], lastModified("access.log.2026-01-02.1"));
    assertEquals(LongsRange.of(0, 2), TestLines.seqs(TestLines.lines(
        dir.resolve("access.log.2026-01-02.1"))));
  }

  /**
   * A backfill of three days into {@code access.log}, a line an hour, as the README's re-run
   * does; line {@code run * 1000 + day * 100 + hour}.
   */
  private void backfillThreeDays(int run, boolean gzip, @Nullable String pattern) {
    RotatingFileSink.Builder b = FileSinks.rotating(dir.resolve("access.log")).daily();
    if (gzip) {
      b.gzip(1);
    }
    if (pattern != null) {
      b.pattern(pattern);
    }
    try (RotatingFileSink sink = b.build()) {
      for (int hour = 0; hour < 3 * 24; hour++) {
        byte[] line = TestLines.bytes(run * 1000L + hour / 24 * 100 + hour % 24);
        sink.write(line, 0, line.length, START + hour * 3_600_000L);
      }
    }
  }

  private List<Long> seqsOf(String name) {
    return TestLines.seqs(TestLines.lines(dir.resolve(name)));
  }

  /**
   * Running the same backfill twice appends, as the README says: the default names carry an
   * index, as the command line's do, and a date that has an archive already gets the next
   * free index. Nothing is overwritten, every line of both runs is there once.
   */
  @ParameterizedTest(name = "gzip {0}")
  @ValueSource(booleans = {false, true})
  void reRunningABackfillArchivesUnderTheNextFreeIndex(boolean gzip) {
    backfillThreeDays(0, gzip, null);
    backfillThreeDays(1, gzip, null);
    String gz = gzip ? ".gz" : "";
    assertEquals(List.of("access.log", "access.log.2026-01-01.1" + gz,
        "access.log.2026-01-01.2" + gz, "access.log.2026-01-02.1" + gz,
        "access.log.2026-01-02.2" + gz, "access.log.2026-01-03.1" + gz), TestLines.names(dir));
    assertEquals(LongsRange.of(0, 24), seqsOf("access.log.2026-01-01.1" + gz));
    assertEquals(LongsRange.of(1000, 1024), seqsOf("access.log.2026-01-01.2" + gz));
    assertEquals(LongsRange.of(100, 124), seqsOf("access.log.2026-01-02.1" + gz));
    assertEquals(LongsRange.of(1100, 1124), seqsOf("access.log.2026-01-02.2" + gz));
    assertEquals(LongsRange.of(200, 224), seqsOf("access.log.2026-01-03.1" + gz),
        "the first run's last day, archived when the second run began");
    assertEquals(LongsRange.of(1200, 1224), seqsOf("access.log"));
  }

  /**
   * A pattern the user set without {@code %i} cannot pick another name: the rollover fails,
   * saying that it is the pattern that was set and how to fix it, and overwrites nothing.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"access-%d{yyyy-MM-dd}.log", "access-%d{yyyy-MM-dd}.log.gz"})
  void reRunningWithASetPatternWithoutIndexFailsSayingHowToFixIt(String pattern) {
    boolean gzip = pattern.endsWith(".gz");
    backfillThreeDays(0, gzip, pattern);
    java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(
        java.io.UncheckedIOException.class, () -> backfillThreeDays(1, gzip, pattern));
    String existing = "access-2026-01-01.log" + (gzip ? ".gz" : "");
    String fixed = gzip ? "access-%d{yyyy-MM-dd}.%i.log.gz" : "access-%d{yyyy-MM-dd}.%i.log";
    assertEquals("rename failed for " + dir.resolve("access.log") + ": the archive "
        + dir.resolve(existing) + " exists already and is never overwritten; the pattern you"
        + " set, '" + pattern + "', has no %i to pick another name: add %i to"
        + " it, as in '" + fixed + "'", e.getMessage());
    assertEquals(LongsRange.of(0, 24), seqsOf(existing), "the first run's archive is intact");
  }

  @Test
  void maxAgeDeletesArchivesOlderThanTheEventTime() {
    Path active = dir.resolve("access.log");
    try (RotatingFileSink sink = FileSinks.rotating(active).daily().maxAge(Duration.ofDays(3))
        .build()) {
      for (int day = 0; day < 10; day++) {
        byte[] b = TestLines.bytes(day);
        sink.write(b, 0, b.length, START + day * DAY + 1000);
      }
    }
    // at day 9 (the last rollover), archives whose last line is older than 3 days go
    assertEquals(List.of("access.log", "access.log.2026-01-07.1", "access.log.2026-01-08.1",
        "access.log.2026-01-09.1"), TestLines.names(dir));
  }

  @Test
  void totalSizeCapDeletesOldestFirst() throws IOException {
    Path active = dir.resolve("access.log");
    try (RotatingFileSink sink = FileSinks.rotating(active).daily()
        .totalSizeCap(DataSize.ofKilobytes(10)).build()) {
      for (int day = 0; day < 10; day++) {
        for (int i = 0; i < 40; i++) { // about 4 KB a day
          byte[] b = TestLines.bytes(day * 100L + i);
          sink.write(b, 0, b.length, START + day * DAY + i);
        }
      }
    }
    List<String> names = TestLines.names(dir);
    long total = 0;
    for (String n : names) {
      if (!n.equals("access.log")) {
        total += Files.size(dir.resolve(n));
      }
    }
    assertTrue(total <= 10 * 1024, "archives take " + total + " bytes: " + names);
    assertTrue(names.contains("access.log.2026-01-09.1"), "the newest stays: " + names);
    assertTrue(!names.contains("access.log.2026-01-01.1"), "the oldest went: " + names);
  }

  @Test
  void accessAndErrorSinksSideBySideInOneDirectory() {
    try (RotatingFileSink access = FileSinks.rotating(dir.resolve("access.log")).daily().gzip(1)
        .keep(2).build();
        RotatingFileSink error = FileSinks.rotating(dir.resolve("error.log")).daily().gzip(1)
            .keep(3).build()) {
      for (int day = 0; day < 6; day++) {
        for (int i = 0; i < 10; i++) {
          byte[] b = TestLines.bytes(day * 100L + i);
          access.write(b, 0, b.length, START + day * DAY + i);
          if (i % 5 == 0) {
            error.write(b, 0, b.length, START + day * DAY + i);
          }
        }
      }
    }
    assertEquals(List.of("access.log", "access.log.2026-01-04.1.gz", "access.log.2026-01-05.1.gz",
        "error.log", "error.log.2026-01-03.1.gz", "error.log.2026-01-04.1.gz",
        "error.log.2026-01-05.1.gz"), TestLines.names(dir));
    assertEquals(2, TestLines.lines(dir.resolve("error.log.2026-01-04.1.gz")).size());
    assertEquals(10, TestLines.lines(dir.resolve("access.log.2026-01-04.1.gz")).size());
  }

  /**
   * An event time whose period cannot be found (beyond the years 1 to 9999) is refused with an
   * {@link IllegalArgumentException} naming it, before the sink changes anything: the lines
   * already written, in the file and in the buffer, stay where they were, and later lines go
   * on as before.
   */
  @Test
  void extremeTimesAreRefusedNamingTheValueAndDamageNothing() throws IOException {
    Path active = dir.resolve("access.log");
    Files.writeString(active, TestLines.line(0) + "\n");
    Files.setLastModifiedTime(active, java.nio.file.attribute.FileTime.fromMillis(START - DAY));
    byte[] b = TestLines.bytes(99);
    try (RotatingFileSink sink = FileSinks.rotating(active).daily().build()) {
      for (long t : new long[] {Long.MAX_VALUE, Long.MIN_VALUE}) {
        // the first line: the lines the previous run left are not archived for it
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> sink.write(b, 0, b.length, t));
        assertTrue(e.getMessage().startsWith("time " + t + " ("), e.getMessage());
        assertTrue(e.getMessage().endsWith(" is outside the range time rotation supports,"
            + " 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z"), e.getMessage());
      }
      for (int i = 1; i <= 2; i++) {
        byte[] line = TestLines.bytes(i);
        sink.write(line, 0, line.length, START + i);
      }
      // later: past the period's end, so the sink looks for the next one
      org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> sink.write(b, 0, b.length, Long.MAX_VALUE));
      byte[] line = TestLines.bytes(3);
      sink.write(line, 0, line.length, START + 3);
    }
    assertEquals(List.of("access.log", "access.log.2025-12-31.1"), TestLines.names(dir));
    assertEquals(List.of(TestLines.line(0)),
        TestLines.lines(dir.resolve("access.log.2025-12-31.1")));
    assertEquals(LongsRange.of(1, 4), TestLines.seqs(TestLines.lines(active)));
  }

  /** A clock that tests move by hand. */
  static final class MutableClock extends Clock {
    private long millis;

    MutableClock(long millis) {
      this.millis = millis;
    }

    void advance(Duration d) {
      millis += d.toMillis();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
      return millis;
    }
  }

  /** A list of consecutive longs, for comparisons. */
  static final class LongsRange {
    static List<Long> of(long from, long to) {
      List<Long> out = new ArrayList<>();
      for (long i = from; i < to; i++) {
        out.add(i);
      }
      return out;
    }
  }
}
