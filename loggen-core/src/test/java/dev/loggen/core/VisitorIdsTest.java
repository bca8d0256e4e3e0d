package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Visitor ids are unique within a run: one id, one visitor. */
class VisitorIdsTest {

  /**
   * The uptime monitor once had id 0, which returning visitors also draw (their ids are
   * {@code [0, pool)}, popular ones low): a small site over a day has several sessions of a
   * returning visitor 0 beside the monitor's.
   */
  @Test
  void theMonitorSharesItsIdWithNoOtherVisitor() {
    LogGenerator g = LogGenerator.builder().seed(7).traffic(Traffic.sessionsPerHour(50))
        .window(Instant.parse("2026-03-02T00:00:00Z"), Duration.ofDays(1)).build();
    Map<Long, Visitor> byId = new HashMap<>();
    int[] monitors = {0};
    g.iterator(s -> {
      Visitor v = s.visitor();
      if (v.kind() == VisitorKind.MONITOR) {
        monitors[0]++;
      }
      Visitor before = byId.putIfAbsent(v.id(), v);
      if (before != null) {
        assertEquals(before.kind(), v.kind(), "visitor id " + v.id() + " is " + before + " and "
            + v);
        assertEquals(before.address(), v.address(), "visitor id " + v.id());
      }
    }).forEachRemaining(e -> { });
    assertTrue(monitors[0] >= 1400, "monitor sessions: " + monitors[0]);
    assertTrue(byId.size() > 100, "visitors: " + byId.size());
  }
}
