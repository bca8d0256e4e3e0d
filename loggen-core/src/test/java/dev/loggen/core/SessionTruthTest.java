package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.engine.SessionModel;
import dev.loggen.core.engine.States;
import dev.loggen.core.random.Rng;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A session's ground truth describes the requests it left in the log, also when a hard bound
 * (maximum duration or requests) or a scenario's end cut it short.
 */
class SessionTruthTest {
  private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(30);

  static Stream<Arguments> cases() {
    Scenario crowd = Scenario.flashCrowd(START.plusSeconds(300), Duration.ofMinutes(5), 3_000,
        "product");
    return LongStream.range(0, 6).map(i -> i * 0x9E3779B97F4A7C15L + 11).boxed()
        .flatMap(seed -> Stream.of(
            Arguments.of(seed, SessionSettings.DEFAULT, null),
            Arguments.of(seed, SessionSettings.DEFAULT.withLimits(Duration.ofSeconds(5), 2_000),
                null),
            Arguments.of(seed, SessionSettings.DEFAULT.withLimits(Duration.ofHours(1), 3), null),
            Arguments.of(seed, SessionSettings.DEFAULT, crowd)));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void pageViewsAndRequestsAreThoseInTheLog(long seed, SessionSettings settings,
      Scenario scenario) {
    LogGenerator.Builder b = LogGenerator.builder().seed(seed).sessions(settings)
        .traffic(Traffic.sessionsPerHour(1_500)).window(START, WINDOW);
    if (scenario != null) {
      b.scenario(scenario);
    }
    LogGenerator g = b.build();
    List<Session> sessions = new ArrayList<>();
    Map<Long, int[]> logged = new HashMap<>(); // session id -> requests, non-asset requests
    g.iterator(sessions::add).forEachRemaining(e -> {
      int[] c = logged.computeIfAbsent(e.sessionId(), k -> new int[2]);
      c[0]++;
      if (!Report.Builder.isAsset(e.pathWithoutQuery())) {
        c[1]++;
      }
    });
    String setup = "seed " + seed + ", " + settings.maxDuration() + " / "
        + settings.maxRequests() + (scenario == null ? "" : ", " + scenario.label());
    long end = START.plus(WINDOW).toEpochMilli();
    int checked = 0;
    for (Session s : sessions) {
      if (s.end().toEpochMilli() >= end) {
        continue; // runs on past the window: not all of its requests are in this log
      }
      int[] c = logged.getOrDefault(s.id(), new int[2]);
      assertEquals(c[0], s.requests(), setup + ": requests of " + s);
      assertTrue(s.pageViews() <= c[1], setup + ": " + s.pageViews() + " page views, but "
          + c[1] + " requests that are not assets in the log: " + s);
      checked++;
    }
    assertFalse(checked == 0, setup);
  }

  /**
   * A plug-in model that never ends and whose states make no request (LEAVE does nothing):
   * neither the request bound nor the duration bound is ever reached by requests or time.
   */
  static class EndlessLeaving implements SessionModel {
    @Override
    public List<String> states() {
      return List.of(States.START, States.LEAVE, States.END);
    }

    @Override
    public int startState() {
      return 0;
    }

    @Override
    public int next(int state, Rng rng) {
      return 1;
    }

    @Override
    public boolean isTerminal(int state) {
      return state == 2;
    }
  }

  @Test
  void aModelThatNeverEndsStillEndsEverySession() {
    // Before: generation hung, the session looping through LEAVE forever (and recording
    // every state it took), as the bounds were only checked against requests and time.
    SessionSettings settings = SessionSettings.DEFAULT.withLimits(Duration.ofMinutes(10), 50);
    LogGenerator g = LogGenerator.builder().seed(7).model(new EndlessLeaving())
        .sessions(settings).traffic(Traffic.sessionsPerHour(600))
        .window(START, Duration.ofMinutes(5)).build();
    List<Session> sessions = new ArrayList<>();
    assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> g.iterator(sessions::add).forEachRemaining(e -> { }));
    List<Session> humans = sessions.stream()
        .filter(s -> s.visitor().kind() == VisitorKind.HUMAN).toList();
    assertFalse(humans.isEmpty());
    for (Session s : humans) {
      assertEquals("MAX_REQUESTS", s.endState(), s.toString());
      assertTrue(s.states().size() <= settings.maxRequests() + 1, s.states().size() + " states");
      assertEquals(1, s.pageViews(), "the visit shows as its landing page: " + s);
    }
  }

  @Test
  void aModelThatNamesAStateItDoesNotHaveIsReportedByName() {
    // Before: an ArrayIndexOutOfBoundsException from inside the simulator.
    SessionModel broken = new EndlessLeaving() {
      @Override
      public int next(int state, Rng rng) {
        return 7;
      }

      @Override
      public String toString() {
        return "BrokenModel";
      }
    };
    LogGenerator g = LogGenerator.builder().seed(7).model(broken)
        .window(START, Duration.ofMinutes(5)).build();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> g.events().count());
    assertEquals("session model BrokenModel: next(0) returned 7, which is not a state index"
        + " (0 to 2 for states [START, LEAVE, END])", e.getMessage());
  }
}
