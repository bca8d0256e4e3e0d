package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run cut short (a line limit, a stop condition) reports the sessions of the log it wrote: those
 * with a line in it, never the sessions the generator had already simulated whose first line
 * was not written. Whole runs count every session that starts in the window, as before.
 */
class ReportOfCutRunTest {
  private static final Instant START = Instant.parse("2026-05-04T09:00:00Z");

  static Stream<Arguments> cases() {
    return LongStream.range(0, 8).map(i -> i * 0x9E3779B97F4A7C15L + 3).boxed()
        .flatMap(seed -> Stream.of(1L, 37L, 500L, 2_999L).map(limit -> Arguments.of(seed, limit)));
  }

  private static LogGenerator generator(long seed) {
    return LogGenerator.builder().seed(seed).traffic(Traffic.sessionsPerHour(3_000))
        .sessions(SessionSettings.DEFAULT.withLimits(Duration.ofMinutes(10), 500))
        .window(START, Duration.ofHours(1)).build();
  }

  /** The sessions told by the generator that have a line among the first {@code lines} events. */
  private static List<Session> sessionsWithALine(LogGenerator g, long lines) {
    List<Session> told = new ArrayList<>();
    Set<Long> logged = new HashSet<>();
    Iterator<AccessEvent> it = g.iterator(told::add);
    for (long i = 0; i < lines && it.hasNext(); i++) {
      logged.add(it.next().sessionId());
    }
    List<Session> out = new ArrayList<>();
    for (Session s : told) {
      if (logged.contains(s.id())) {
        out.add(s);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "seed {0}, limit {1}")
  @MethodSource("cases")
  void aLineLimitCountsTheSessionsWithALineInTheLog(long seed, long limit) {
    LogGenerator g = generator(seed);
    List<Session> expected = sessionsWithALine(g, limit);
    for (int threads = 1; threads <= 3; threads++) {
      Report r = g.writer().format(ParallelWriterTest.TINY)
          .to(new ParallelWriterTest.CollectingSink(-1, false))
          .limit(limit).threads(threads).segmentEvents(64).run();
      String what = "seed " + seed + ", limit " + limit + ", " + threads + " threads";
      assertEquals(limit, r.lines(), what + ": lines");
      assertEquals(expected.size(), r.sessions(), what + ": sessions");
      assertEquals(expected.size(), r.requestsPerSession().count(), what + ": summaries");
      assertEquals(expected.stream().mapToLong(s -> s.requests()).sum(),
          Math.round(r.requestsPerSession().mean() * expected.size()), what + ": requests");
    }
  }

  @ParameterizedTest(name = "seed {0}, limit {1}")
  @MethodSource("cases")
  void aStopConditionCountsTheSessionsWithALineInTheLog(long seed, long limit) {
    LogGenerator g = generator(seed);
    // The writer asks every 1,024 lines (and after each minute of the warm-up, not counted
    // here): the run stops after 1,024 or 2,048 lines.
    int asks = limit < 1_000 ? 1 : 2;
    List<Session> expected = sessionsWithALine(g, asks * 1_024L);
    for (int threads = 1; threads <= 2; threads++) {
      AtomicInteger calls = new AtomicInteger();
      ParallelWriterTest.CollectingSink sink = new ParallelWriterTest.CollectingSink(-1, false);
      Report r = g.writer().format(ParallelWriterTest.TINY).to(sink).threads(threads)
          .stopWhen(() -> sink.lines > 0 && calls.incrementAndGet() >= asks).run();
      String what = "seed " + seed + ", stopped after " + asks * 1_024 + " lines, " + threads
          + " threads";
      assertEquals(asks * 1_024L, r.lines(), what + ": lines");
      assertEquals(expected.size(), r.sessions(), what + ": sessions");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aWholeRunCountsEverySessionOfTheWindow(long seed) {
    LogGenerator g = generator(seed);
    List<Session> told = new ArrayList<>();
    g.iterator(told::add).forEachRemaining(e -> { });
    for (int threads = 1; threads <= 2; threads++) {
      Report r = g.writer().format(ParallelWriterTest.TINY)
          .to(new ParallelWriterTest.CollectingSink(-1, false))
          .threads(threads).run();
      assertEquals(told.size(), r.sessions(), "seed " + seed + ", " + threads + " threads");
    }
  }

  private static Session session(long id, long startMillis) {
    Visitor v = new Visitor(id, "192.0.2.1", null, null, VisitorKind.HUMAN, false);
    return new Session(id, v, Instant.ofEpochMilli(startMillis),
        Instant.ofEpochMilli(startMillis + 5), List.of("BROWSING"), 1, 1, "EXIT", null);
  }

  private static AccessEvent line(long sessionId, long millis) {
    return new AccessEvent(millis, java.time.ZoneOffset.UTC, "192.0.2.1", null, null, "GET",
        "/p" + sessionId, "HTTP/1.1", 200, 10, null, null, 100, "h", sessionId, "BROWSING",
        VisitorKind.HUMAN, null);
  }

  @Test
  void aSessionStartingAtTheLastLineCountsOnlyWithALineOfItsOwn() {
    Report.Builder b = Report.builder();
    b.expectSession(session(1, 1_000)).expectSession(session(2, 2_000))
        .expectSession(session(3, 2_000)).expectSession(session(4, 2_001));
    b.event(line(1, 1_000)).event(line(2, 2_000));
    Report r = b.build();
    assertEquals(2, r.sessions(), "sessions 1 and 2 have lines; 3 starts with the last line "
        + "but its line was not written; 4 starts after it");
    assertEquals(Map.of("EXIT", 2L), r.endStates());
  }

  @Test
  void mergedPartsCountTheirExpectedSessionsAsOneBuilderWould() {
    Report.Builder whole = Report.builder();
    Report.Builder first = Report.builder();
    Report.Builder second = Report.builder();
    for (Report.Builder b : List.of(whole, first)) {
      b.expectSession(session(1, 1_000)).expectSession(session(2, 3_000))
          .event(line(1, 1_000)).event(line(1, 3_000));
    }
    for (Report.Builder b : List.of(whole, second)) {
      b.expectSession(session(3, 3_000)).event(line(3, 3_000));
    }
    Report merged = first.merge(second).build();
    assertEquals(whole.build(), merged);
    assertEquals(2, merged.sessions(), "session 2 starts at the last line without one of its own");
  }

  @Test
  void sessionsToldWithoutLinesAreNotCounted() {
    Report r = Report.builder().expectSession(session(1, 1_000)).build();
    assertEquals(0, r.sessions());
    assertEquals(1, Report.builder().session(session(1, 1_000)).build().sessions(),
        "session() counts at once, lines or not");
  }

  static LongStream seeds() {
    return LongStream.of(1, 99, -5);
  }
}
