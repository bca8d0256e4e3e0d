package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.engine.SessionModel;
import dev.loggen.core.random.AliasTable;
import dev.loggen.core.random.Distributions;
import dev.loggen.core.random.Rng;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values at the edge of what a double or a long holds, accepted by the public API. */
class HugeValuesTest {
  /** Weights whose sum overflowed gave every outcome probability 0 and uniform draws. */
  @Test
  void weightsNearTheLargestDoubleKeepTheirProportions() {
    AliasTable t = AliasTable.of(Double.MAX_VALUE, Double.MAX_VALUE, 1e-300);
    assertEquals(0.5, t.probability(0));
    assertEquals(0.5, t.probability(1));
    assertEquals(0.0, t.probability(2));
    Rng rng = Rng.seeded(7);
    int[] counts = new int[3];
    for (int i = 0; i < 30_000; i++) {
      counts[t.sample(rng)]++;
    }
    assertEquals(0, counts[2], "the third outcome, 1e-300 of the weight, was drawn");
  }

  @Test
  void ordinaryWeightsGiveTheTablesTheyAlwaysGave() {
    // the rescaling applies only when the sum overflows: same probabilities as 1, 2, 3
    AliasTable t = AliasTable.of(1, 2, 3);
    assertEquals(1.0 / 6, t.probability(0));
    assertEquals(3.0 / 6, t.probability(2));
  }

  /** A byte sum past Long.MAX_VALUE came back negative (-2 for two such lines). */
  @Test
  void theReportsByteSumSaturates() {
    AccessEvent e = new AccessEvent(1_700_000_000_000L, ZoneOffset.UTC, "192.0.2.1", null, null,
        "GET", "/", "HTTP/1.1", 200, Long.MAX_VALUE, null, "agent", 1_000, "example.com", 1,
        "BROWSING", VisitorKind.HUMAN, null);
    assertEquals(Long.MAX_VALUE, Report.builder().event(e).event(e).build().bytes());
    Report.Builder a = Report.builder().event(e);
    assertEquals(Long.MAX_VALUE, a.merge(Report.builder().event(e)).build().bytes());
  }

  /** A browsing time past a long count of milliseconds failed in the simulator, not here. */
  @Test
  void aBrowsingTimeBeyondMillisecondsIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SessionSettings(Duration.ofSeconds(Long.MAX_VALUE / 2),
            Duration.ofSeconds(Long.MAX_VALUE), Distributions.constant(1), Duration.ofHours(1),
            100));
    assertEquals("maxBrowsing must be at most 106751991167 days (got"
        + " PT2562047788015215H30M7S)", e.getMessage());
  }

  /**
   * maxRequests had no upper bound: a model looping through a state that makes no request (and
   * so moves no time) ran until a bound of two billion states, and ran out of any heap first.
   */
  @Test
  void maxRequestsIsBoundedAndALoopingModelEndsThere() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SessionSettings.DEFAULT.withLimits(Duration.ofHours(1), 100_001));
    assertEquals("maxRequests must be between 1 and 100000 (got 100001)", e.getMessage());
    SessionModel looping = new SessionModel() {
      @Override
      public List<String> states() {
        return List.of("START", "LEAVE", "END");
      }

      @Override
      public int startState() {
        return 0;
      }

      @Override
      public int next(int state, Rng rng) {
        return 1; // LEAVE, for ever: no request, no time
      }

      @Override
      public boolean isTerminal(int state) {
        return state == 2;
      }
    };
    LogGenerator g = LogGenerator.builder().seed(1).model(looping)
        .sessions(SessionSettings.DEFAULT.withLimits(Duration.ofHours(1),
            SessionSettings.MAX_REQUESTS))
        .traffic(Traffic.sessionsPerHour(60).flat())
        .window(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(30)).build();
    List<Session> sessions = new ArrayList<>();
    g.iterator(sessions::add).forEachRemaining(event -> { });
    List<String> humans = sessions.stream().filter(x -> x.visitor().kind() == VisitorKind.HUMAN)
        .map(x -> x.endState() + " after " + x.states().size() + " states").distinct().toList();
    assertEquals(List.of("MAX_REQUESTS after 100001 states"), humans); // START and 100,000
  }
}
