package dev.loggen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.LineSink;
import dev.loggen.core.LogFormat;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Report;
import dev.loggen.core.SessionSettings;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.FileSinks;
import dev.loggen.sinks.RotatingFileSink;
import dev.loggen.sinks.TimeSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pacing: a behaviour check of the rate with a generous tolerance (this is no benchmark: the
 * test machine may be busy), catching up after a stall, history first, natural pace.
 */
class LiveWriterTest {
  /** Keeps the time each line was handed over, and the lines. */
  static final class TimingSink implements LineSink {
    final List<Long> nanos = new ArrayList<>();
    final List<String> lines = new ArrayList<>();
    long stallAt = -1;
    long stallMillis;

    @Override
    public void write(byte[] line, int offset, int length, long epochMillis) {
      if (lines.size() == stallAt) {
        try {
          Thread.sleep(stallMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      nanos.add(System.nanoTime());
      lines.add(new String(line, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    /** Lines per second between the first and the last line. */
    double rate() {
      return (nanos.size() - 1) * 1e9 / (nanos.get(nanos.size() - 1) - nanos.get(0));
    }
  }

  /**
   * run() closes the sinks, also when it refuses to run for want of a format or a sink: the
   * refusal left a rotating file open, and its path locked for the rest of the JVM (the next
   * sink on it failed with 'being written by another sink in this JVM').
   */
  @Test
  void aRefusedRunClosesTheSinksGiven(@TempDir Path dir) {
    Path access = dir.resolve("access.log");
    Path error = dir.resolve("error.log");
    LiveWriter noFormat = LiveWriter.of(live(Instant.now())).to(FileSinks.rotating(access).build())
        .errors(LogFormats.apacheError(), FileSinks.rotating(error).build());
    IllegalStateException e = assertThrows(IllegalStateException.class, noFormat::run);
    assertEquals("give a format and a sink before run()", e.getMessage());
    LiveWriter noSink = LiveWriter.of(live(Instant.now())).format(LogFormats.combined())
        .errors(LogFormats.apacheError(), FileSinks.rotating(error).build());
    assertThrows(IllegalStateException.class, noSink::run);
    // both paths are free again
    FileSinks.rotating(access).build().close();
    FileSinks.rotating(error).build().close();
  }

  /**
   * A second, different sink is refused, as LogWriter refuses it: it silently replaced the
   * first, which run() then never closed (a rotating file stayed locked for the JVM).
   */
  @Test
  void aSecondSinkIsRefusedNamingTheFirst() {
    TimingSink first = new TimingSink();
    LiveWriter w = LiveWriter.of(live(Instant.now())).to(first);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> w.to(new TimingSink()));
    assertEquals("the access-log sink was already set to " + first, e.getMessage());
    w.to(first); // the same again is allowed
    LogFormat errors = LogFormats.apacheError();
    w.errors(errors, first);
    e = assertThrows(IllegalStateException.class, () -> w.errors(errors, new TimingSink()));
    assertEquals("the error-log sink was already set to " + first, e.getMessage());
    e = assertThrows(IllegalStateException.class,
        () -> w.errors(LogFormats.nginxError(), first));
    assertEquals("the error-log format was already set to " + errors, e.getMessage());
  }

  private static LogGenerator live(Instant start) {
    return LogGenerator.builder().seed(11).traffic(Traffic.sessionsPerHour(6_000).flat())
        .window(start, null).build();
  }

  @Test
  void holdsTheRateAndStampsLinesOnTheSchedule() {
    TimingSink sink = new TimingSink();
    Instant start = Instant.now();
    long t0 = System.nanoTime();
    Report r = LiveWriter.of(live(start)).historyUntil(start).format(LogFormats.json()).to(sink)
        .rate(1_000).limit(3_001).run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(3_001, r.lines());
    double rate = sink.rate();
    System.out.printf(Locale.ROOT, "rate 1000/s: achieved %.1f lines/s (%.2f %%) over %.2f s%n",
        rate, (rate - 1000) / 10, seconds);
    assertEquals(1_000, rate, 50, "within 5 %");
    // stamps: exactly one millisecond apart, in order, starting near now
    long first = stamp(sink.lines.get(0));
    assertTrue(first >= start.toEpochMilli() && first - start.toEpochMilli() < 15_000,
        "the schedule starts when the first event is ready: " + sink.lines.get(0));
    for (int i = 1; i < sink.lines.size(); i++) {
      assertEquals(first + i, stamp(sink.lines.get(i)), sink.lines.get(i));
    }
  }

  @Test
  void catchesUpAfterAStall() {
    TimingSink sink = new TimingSink();
    sink.stallAt = 300;
    sink.stallMillis = 700;
    Instant start = Instant.now();
    LiveWriter.of(live(start)).historyUntil(start).format(LogFormats.common()).to(sink)
        .rate(1_000).limit(2_001).run();
    // the 700 ms pause is made up for: the whole schedule, in about its own time
    double rate = sink.rate();
    assertEquals(1_000, rate, 60, "average rate over 2 s with a 0.7 s stall: " + rate);
    long afterStall = sink.nanos.get(301) - sink.nanos.get(300);
    long burst = sink.nanos.get(900) - sink.nanos.get(301);
    assertTrue(burst < 400_000_000L, "the 600 lines after the stall went out in a burst: "
        + burst / 1e6 + " ms (stall gap " + afterStall / 1e6 + " ms)");
  }

  @Test
  void historyFirstThenRealTime() {
    TimingSink sink = new TimingSink();
    Instant now = Instant.now();
    // flat, as above: the window follows the wall clock
    LogGenerator gen = LogGenerator.builder().seed(3)
        .traffic(Traffic.sessionsPerHour(6_000).flat())
        .window(now.minus(Duration.ofMinutes(10)), null).build();
    long t0 = System.nanoTime();
    long[] liveAt = {0};
    List<String> phases = new ArrayList<>();
    // half a second of real time after the history, however long a busy machine takes for it
    // (at most 30 s in all)
    Report r = LiveWriter.of(gen).format(LogFormats.json()).to(sink)
        .listener(new LiveWriter.Listener() {
          @Override
          public void waiting() {
            phases.add("waiting");
          }

          @Override
          public void live() {
            phases.add("live after " + sink.lines.size());
            liveAt[0] = System.nanoTime();
          }
        }).stopWhen(() -> liveAt[0] != 0 && System.nanoTime() - liveAt[0] > 500_000_000L
            || System.nanoTime() - t0 > 30_000_000_000L).run();
    assertEquals(1, phases.size(), phases.toString());
    int history = Integer.parseInt(phases.get(0).substring("live after ".length()));
    assertTrue(history > 1_000, "ten minutes of history at once: " + history);
    assertTrue(r.lines() >= history, "then real time");
    long last = stamp(sink.lines.get(sink.lines.size() - 1));
    assertTrue(last <= System.currentTimeMillis() + 5, "no line before its time");
    for (int i = 1; i < sink.lines.size(); i++) {
      assertTrue(stamp(sink.lines.get(i)) >= stamp(sink.lines.get(i - 1)), "in order");
    }
  }

  @Test
  void aWindowStartingLaterIsWaitedForBeforeGoingLive() {
    // no history: the window starts 1.5 s from now; the writer says it waits, then goes live
    // when the wall clock reaches the start, not when it first sees a line of the window
    TimingSink sink = new TimingSink();
    Instant start = Instant.now().plusMillis(1_500);
    LogGenerator gen = LogGenerator.builder().seed(5)
        .traffic(Traffic.sessionsPerHour(36_000).flat()).window(start, null).build();
    List<String> phases = new ArrayList<>();
    long[] liveAtMillis = {0};
    Report r = LiveWriter.of(gen).format(LogFormats.common()).to(sink)
        .listener(new LiveWriter.Listener() {
          @Override
          public void waiting() {
            phases.add("waiting after " + sink.lines.size());
          }

          @Override
          public void live() {
            phases.add("live after " + sink.lines.size());
            liveAtMillis[0] = System.currentTimeMillis();
          }
        }).limit(20).run();
    assertEquals(List.of("waiting after 0", "live after 0"), phases);
    assertTrue(liveAtMillis[0] >= start.toEpochMilli(), "live at the window's start, not "
        + (start.toEpochMilli() - liveAtMillis[0]) + " ms before it");
    assertEquals(20, r.lines());
  }

  /**
   * The simulation warms up for an hour of traffic before the first event, seconds at a million
   * sessions an hour: a stop then (a SIGTERM) was seen only after it (7 s at five million).
   */
  @Test
  void aStopDuringTheSimulationsWarmUpIsSeenAtOnce() {
    LogGenerator gen = LogGenerator.builder().seed(5)
        .traffic(Traffic.sessionsPerHour(1_000_000).flat())
        .window(Instant.now().plusSeconds(3_600), null).build();
    long t0 = System.nanoTime();
    Report r = LiveWriter.of(gen).format(LogFormats.common()).to(new TimingSink())
        .stopWhen(() -> System.nanoTime() - t0 > 200_000_000L).run();
    long took = System.nanoTime() - t0;
    assertEquals(0, r.lines());
    assertTrue(took < 1_500_000_000L, "stopped after " + took / 1_000_000 + " ms");
  }

  /** As LogWriter: an undeclared checked exception from a sink stays the run's failure. */
  @Test
  void anUndeclaredCheckedExceptionFromASinkIsTheRunsFailure() {
    IOException full = new IOException("disk full");
    LineSink sink = new LineSink() {
      @Override
      public void write(byte[] line, int offset, int length, long epochMillis) {
        LiveWriterTest.<RuntimeException>sneakyThrow(full);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {
        throw new IllegalStateException("close failed");
      }
    };
    Instant start = Instant.now().minusSeconds(60);
    Throwable e = assertThrows(Throwable.class, () -> LiveWriter.of(live(start))
        .historyUntil(Instant.now()).format(LogFormats.common()).to(sink).limit(10).run());
    assertSame(full, e);
    assertEquals("close failed", e.getSuppressed()[0].getMessage());
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }

  @Test
  void aStartCenturiesAheadIsWaitedForNotWrittenAtOnce() {
    // (ts - now) in nanoseconds passes the long range after 292 years: the due time wrapped
    // round to the past and the lines went out at once
    TimingSink sink = new TimingSink();
    Instant start = Instant.parse("2400-01-01T00:00:00Z");
    LogGenerator gen = LogGenerator.builder().seed(5)
        .traffic(Traffic.sessionsPerHour(36_000).flat()).window(start, null).build();
    long t0 = System.nanoTime();
    Report r = LiveWriter.of(gen).format(LogFormats.common()).to(sink).limit(20)
        .stopWhen(() -> System.nanoTime() - t0 > 300_000_000L).run();
    assertEquals(0, r.lines(), () -> "lines of 2400 written in 2026, the first: "
        + sink.lines.get(0));
  }

  @Test
  void withARateTheLivePartStartsWhereHistoryEnds() {
    // history up to `end`; the writer starts 3 s later (calibration, the simulation's warm-up):
    // the stamps go on from `end`, and the 3 s are caught up at once, not left out
    TimingSink sink = new TimingSink();
    Instant end = Instant.now().minusSeconds(60);
    // flat: the window follows the wall clock, and at night UTC the diurnal shape left ten
    // seconds of history with fewer than 100 lines (88 and 91 seen at 01:20 UTC)
    LogGenerator gen = LogGenerator.builder().seed(3)
        .traffic(Traffic.sessionsPerHour(6_000).flat())
        .window(end.minusSeconds(10), null).build();
    int[] history = {-1};
    LiveWriter.of(gen).historyUntil(end).format(LogFormats.json()).to(sink).rate(1_000)
        .clock(Clock.fixed(end.plusSeconds(3), ZoneOffset.UTC))
        .listener(new LiveWriter.Listener() {
          @Override
          public void live() {
            history[0] = sink.lines.size();
          }
        }).limit(2_000).run();
    int h = history[0];
    assertTrue(h > 100 && h < 1_500, "ten seconds of history first: " + h);
    long lastHistory = stamp(sink.lines.get(h - 1));
    long firstLive = stamp(sink.lines.get(h));
    assertTrue(lastHistory < end.toEpochMilli(), sink.lines.get(h - 1));
    assertEquals(end.toEpochMilli(), firstLive, "the schedule starts at the end of history, "
        + "not when writing started: " + sink.lines.get(h));
    for (int i = h + 1; i < sink.lines.size(); i++) {
      assertEquals(firstLive + (i - h), stamp(sink.lines.get(i)), sink.lines.get(i));
    }
  }

  @Test
  void saysHowFarBehindTheScheduleItIs() {
    // a machine too slow for the rate: every look at the clock finds 10 ms gone, while the
    // schedule asks for a line every millisecond
    long[] clock = {0};
    List<Long> behind = new ArrayList<>();
    Instant start = Instant.now();
    Report r = LiveWriter.of(live(start)).historyUntil(start).format(LogFormats.common())
        .to(new TimingSink()).rate(1_000).limit(1_000).ticker(() -> clock[0] += 10_000_000L)
        .listener(new LiveWriter.Listener() {
          @Override
          public void behind(long nanos) {
            behind.add(nanos);
          }
        }).run();
    assertEquals(1_000, r.lines());
    assertTrue(behind.size() >= 4, "every 256 lines and at the end: " + behind);
    long last = behind.get(behind.size() - 1);
    // line 999 is due at 0.999 s and written some 10 s in
    assertTrue(last > 8_000_000_000L && last < 11_000_000_000L, "behind at the end: " + last);
  }

  @Test
  void withARateAStartAheadIsWaitedFor() {
    // the wall clock says 200 ms before the window's start: the first line is due at the start
    TimingSink sink = new TimingSink();
    Instant start = Instant.now().plusSeconds(3600);
    LogGenerator gen = LogGenerator.builder().seed(5).traffic(Traffic.sessionsPerHour(6_000))
        .window(start, null).build();
    long t0 = System.nanoTime();
    LiveWriter.of(gen).format(LogFormats.json()).to(sink).rate(1_000).limit(5)
        .clock(Clock.fixed(start.minusMillis(200), ZoneOffset.UTC)).run();
    assertEquals(start.toEpochMilli(), stamp(sink.lines.get(0)), sink.lines.get(0));
    assertTrue(sink.nanos.get(0) - t0 >= 200_000_000L, "waited for the start: "
        + (sink.nanos.get(0) - t0) / 1e6 + " ms");
  }

  /**
   * With a rate above the traffic's own pace the lines are stamped on the schedule, far behind
   * their simulated times: the report compared the sessions' simulated starts with the stamps
   * and counted none (0 sessions for 500 lines). It counts the sessions that started in the
   * window and have a line in the log, as a run at the simulation's pace does.
   */
  @Test
  void withARateTheReportCountsTheSessionsOfTheLinesWritten() {
    TimingSink sink = new TimingSink();
    Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    LogGenerator gen = LogGenerator.builder().seed(9).traffic(Traffic.sessionsPerHour(500).flat())
        .window(start, null).build();
    Report r = LiveWriter.of(gen).historyUntil(start).format(LogFormats.json()).to(sink)
        .rate(5_000).limit(500).run();
    Set<Long> inWindow = sessionsStartedInTheWindow(sink.lines, start);
    assertEquals(500, r.lines());
    assertTrue(inWindow.size() > 10, "sessions started in the window: " + inWindow.size());
    assertEquals(inWindow.size(), r.sessions());
  }

  /**
   * A short maxDuration cuts some sessions to no request at all (a scanner whose first probe
   * comes after it). Before, LiveWriter kept such a session until its first line, which never
   * came: the report missed it (19,025 sessions where LogWriter counted 19,076 of the same hour)
   * and an endless run held every one of them.
   */
  @Test
  void sessionsWithoutRequestsAreReportedAsARunAtTheSimulationsPaceReportsThem() {
    Instant start = Instant.parse("2026-01-05T08:00:00Z");
    LogGenerator gen = cutShort(start);
    long silent = silentSessions(gen);
    assertTrue(silent > 10, "sessions without requests: " + silent);
    Report expected = gen.writer().format(LogFormats.combined()).to(new TimingSink()).run();
    Report live = LiveWriter.of(gen).historyUntil(start.plus(Duration.ofHours(1)))
        .format(LogFormats.combined()).to(new TimingSink()).run();
    assertEquals(expected, live);
  }

  /** With a rate the sessions without requests are counted with the lines they come among. */
  @Test
  void withARateSessionsWithoutRequestsAreCountedToo() {
    TimingSink sink = new TimingSink();
    // a fixed hour (behind the wall clock: written at once, on the rate's stamps), so that the
    // sessions without requests among the lines written are the same every run (with the
    // current minute, a run could draw none among its 2,000 lines and could not tell)
    Instant start = Instant.parse("2026-01-05T08:00:00Z");
    LogGenerator gen = cutShort(start);
    Report r = LiveWriter.of(gen).historyUntil(start).format(LogFormats.json()).to(sink)
        .rate(20_000).limit(2_000).run();
    Set<Long> withLines = sessionsStartedInTheWindow(sink.lines, start);
    long silent = silentSessions(gen);
    assertTrue(r.sessions() > withLines.size(),
        r.sessions() + " sessions reported, " + withLines.size() + " with lines");
    assertTrue(r.sessions() <= withLines.size() + silent,
        r.sessions() + " sessions reported, " + withLines.size() + " with lines, " + silent
            + " without requests in the hour");
  }

  /** The sessions of JSON lines that started at or after {@code start}. */
  private static Set<Long> sessionsStartedInTheWindow(List<String> lines, Instant start) {
    Pattern id = Pattern.compile("\"loggen_session_id\":(\\d+)");
    Set<Long> inWindow = new HashSet<>();
    long firstBlock = start.toEpochMilli() / 60_000;
    for (String line : lines) {
      Matcher m = id.matcher(line);
      assertTrue(m.find(), line);
      long session = Long.parseLong(m.group(1));
      if (session >> 24 >= firstBlock) { // a session id is its start minute << 24 | its number
        inWindow.add(session);
      }
    }
    return inWindow;
  }

  /** An hour of the api with visits cut after a second. */
  private static LogGenerator cutShort(Instant start) {
    return LogGenerator.builder().seed(3).site(Sites.api())
        .sessions(SessionSettings.DEFAULT.withLimits(Duration.ofSeconds(1), 50))
        .traffic(Traffic.sessionsPerHour(20_000)).window(start, Duration.ofHours(1)).build();
  }

  private static long silentSessions(LogGenerator gen) {
    long[] n = {0};
    gen.iterator(s -> n[0] += s.requests() == 0 ? 1 : 0).forEachRemaining(e -> { });
    return n[0];
  }

  /** Before, an error-log format was taken and the run failed at its first ordinary event. */
  @Test
  void anErrorLogFormatAsTheAccessFormatIsRefusedAtOnce() {
    LiveWriter w = LiveWriter.of(live(Instant.parse("2026-01-01T00:00:00Z")));
    for (LogFormat f : new LogFormat[] {LogFormats.apacheError(), LogFormats.nginxError()}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> w.format(f));
      assertEquals("format " + f.name() + " is an error-log format (it writes no line for an"
          + " ordinary 200 response): give it to errors(format, sink) and an access-log format,"
          + " such as LogFormats.combined(), to format(...)", e.getMessage());
    }
    assertSame(w, w.format(LogFormats.combined()));
  }

  @Test
  void stopsPromptlyWhileWaiting() {
    TimingSink sink = new TimingSink();
    long t0 = System.nanoTime();
    long[] tripped = {0};
    LogGenerator gen = LogGenerator.builder().seed(5).traffic(Traffic.sessionsPerHour(500))
        .window(Instant.now().plusSeconds(3600), null).build();
    LiveWriter.of(gen).format(LogFormats.json()).to(sink).stopWhen(() -> {
      if (System.nanoTime() - t0 > 300_000_000L) {
        if (tripped[0] == 0) {
          tripped[0] = System.nanoTime();
        }
        return true;
      }
      return false;
    }).run();
    long after = (System.nanoTime() - tripped[0]) / 1_000_000;
    assertTrue(tripped[0] != 0 && after < 500, "a start an hour ahead waits, and stops when"
        + " asked: " + after + " ms after");
    assertEquals(0, sink.lines.size());
  }

  /**
   * History up to a second before a minute boundary, written while the wall clock already
   * stands 3 s later (the time history took): the lines of that last second, caught up after
   * the history, still go into the file of their own minute, and every file holds the lines of
   * its period only.
   */
  @Test
  void caughtUpLinesRotateByTheirOwnTimeIntoTheFileOfTheirPeriod(@TempDir Path dir)
      throws IOException {
    Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(121);
    LogGenerator gen = LogGenerator.builder().seed(3)
        .traffic(Traffic.sessionsPerHour(6_000).flat())
        .window(end.minusSeconds(70), null).build();
    LiveWriter w = LiveWriter.of(gen);
    RotatingFileSink sink = FileSinks.rotating(dir.resolve("access.log"))
        .period(Duration.ofMinutes(1)).timeSource(TimeSource.WALL).clock(w.rotationClock())
        .build();
    boolean[] wentLive = {false};
    boolean[] enough = {false};
    // 2 s of live lines at 1,000/s: all within the 3 s to catch up, so none waits
    w.historyUntil(end).format(LogFormats.json()).to(sink).rate(1_000)
        .clock(Clock.fixed(end.plusSeconds(3), ZoneOffset.UTC))
        .listener(new LiveWriter.Listener() {
          @Override
          public void live() {
            wentLive[0] = true;
          }

          @Override
          public void progress(long lines, long eventMillis) {
            enough[0] = eventMillis >= end.toEpochMilli() + 2_000;
          }
        }).stopWhen(() -> enough[0]).run();
    assertTrue(wentLive[0], "went live");
    DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT)
        .withZone(ZoneOffset.UTC);
    List<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertTrue(files.size() >= 3, "history and live span three minutes: " + files);
    long endMinute = end.truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
    boolean sawTheLastSecond = false;
    for (String name : files) {
      List<String> lines = Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8);
      assertTrue(!lines.isEmpty(), name);
      long period = Math.floorDiv(stamp(lines.get(0)), 60_000L) * 60_000L;
      for (String line : lines) {
        long t = stamp(line);
        assertTrue(t >= period && t < period + 60_000L,
            name + " (period " + Instant.ofEpochMilli(period) + ") holds " + line);
        sawTheLastSecond |= t >= end.toEpochMilli() && t < endMinute + 60_000L;
      }
      if (!name.equals("access.log")) {
        assertTrue(name.contains(minute.format(Instant.ofEpochMilli(period))),
            name + " is named by its period " + Instant.ofEpochMilli(period));
      }
    }
    assertTrue(sawTheLastSecond, "live lines stamped in the second before the boundary");
  }

  private static long stamp(String jsonLine) {
    int i = jsonLine.indexOf("\"time\":\"") + 8;
    String t = jsonLine.substring(i, jsonLine.indexOf('"', i));
    return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
        .toEpochMilli();
  }
}
