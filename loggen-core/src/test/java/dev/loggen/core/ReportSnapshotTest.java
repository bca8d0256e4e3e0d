package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Report.Builder#build()} is "the report so far": a snapshot during a run leaves the
 * builder as it was. It used to count the sessions told but not yet logged as dropped and the
 * open parsed sessions as ended, in the builder itself: the final report of a run with
 * snapshots lost sessions (ground truth) or counted a client's session twice (parsed lines).
 */
class ReportSnapshotTest {
  static LongStream seeds() {
    return LongStream.of(3, 17, -5);
  }

  private static LogGenerator shop(long seed) {
    return LogGenerator.builder().seed(seed).site(Sites.shop())
        .traffic(Traffic.sessionsPerHour(600))
        .window(Instant.parse("2026-03-03T09:00:00Z"), Duration.ofHours(2)).build();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void snapshotsDuringARunLeaveItsReportAsItWouldBe(long seed) {
    Report.Builder whole = Report.builder();
    Report.Builder snapped = Report.builder();
    Iterator<AccessEvent> it = shop(seed).iterator(s -> {
      whole.expectSession(s);
      snapped.expectSession(s);
    });
    Report last = null;
    for (int i = 1; it.hasNext(); i++) {
      AccessEvent e = it.next();
      whole.event(e);
      snapped.event(e);
      if (i % 1_000 == 0) {
        Report now = snapped.build();
        assertEquals(now, snapped.build(), "seed " + seed + ": two snapshots in a row differ");
        last = now;
      }
    }
    assertEquals(whole.build(), snapped.build(), "seed " + seed);
    assertEquals(true, last != null && last.sessions() <= whole.build().sessions(),
        "seed " + seed + ": a snapshot counts no more sessions than the whole run");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void snapshotsOfParsedLinesDoNotSplitAClientsSession(long seed) {
    List<AccessEvent> parsed = new ArrayList<>();
    shop(seed).iterator().forEachRemaining(e -> parsed.add(asParsed(e)));
    Report.Builder whole = Report.builder();
    Report.Builder snapped = Report.builder();
    for (int i = 0; i < parsed.size(); i++) {
      whole.event(parsed.get(i));
      snapped.event(parsed.get(i));
      if (i % 777 == 0) {
        snapped.build();
      }
    }
    assertEquals(whole.build(), snapped.build(), "seed " + seed);
  }

  /** {@code e} as a parser gives it: no ground truth (session id below 0). */
  static AccessEvent asParsed(AccessEvent e) {
    return new AccessEvent(e.epochMillis(), e.offset(), e.clientAddress(), e.ident(), e.user(),
        e.method(), e.path(), e.protocol(), e.status(), e.bytes(), e.referrer(), e.userAgent(),
        e.responseTimeMicros(), e.host(), -1, e.state(), e.visitorKind(), e.scenario());
  }
}
