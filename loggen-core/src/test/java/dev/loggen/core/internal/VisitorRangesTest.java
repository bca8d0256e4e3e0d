package dev.loggen.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The id ranges visitors are drawn from do not overlap. */
class VisitorRangesTest {

  /**
   * Returning visitors' ids are {@code [0, pool)} and crawlers' start at 10^9: at 240,000,000
   * sessions per hour (allowed) the pool was 1.44 * 10^9 and took the bots' ids.
   */
  @Test
  void theReturningPoolStaysBelowTheBotsIds() {
    assertEquals(200, BlockSource.returningPool(1));
    assertEquals(12_000, BlockSource.returningPool(2_000));
    assertEquals(1_000_000_000L, BlockSource.returningPool(240_000_000));
    assertTrue(BlockSource.returningPool(240_000_000) <= 1_000_000_000L);
    assertTrue(VisitorFactory.MONITOR_ID > 3_000_000_000L);
  }
}
