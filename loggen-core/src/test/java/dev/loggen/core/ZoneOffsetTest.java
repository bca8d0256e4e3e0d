package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event carries its zone's offset at its own instant, also across transitions that do
 * not fall on a quarter hour (historic ones, such as the end of local mean time, which windows
 * in old years meet).
 */
class ZoneOffsetTest {

  static Stream<Arguments> transitions() {
    return Stream.of(
        // LMT +00:09:21 to WET: 1911-03-10T23:50:39Z
        Arguments.of("Europe/Paris", "1911-03-10T23:20:00Z"),
        // a summer-time change of today, on the hour
        Arguments.of("Europe/Berlin", "2026-03-29T00:30:00Z"));
  }

  @ParameterizedTest
  @MethodSource("transitions")
  void eventsCarryTheOffsetOfTheirInstant(String zone, String start) {
    ZoneRules rules = ZoneId.of(zone).getRules();
    Instant from = Instant.parse(start);
    for (long seed = 1; seed <= 3; seed++) {
      LogGenerator g = LogGenerator.builder().seed(seed)
          .traffic(Traffic.sessionsPerHour(3_000).withZone(zone))
          .window(from, Duration.ofHours(1)).build();
      long[] checked = {0};
      long s = seed;
      g.events().forEach(e -> {
        assertEquals(rules.getOffset(e.instant()), e.offset(),
            "seed " + s + ", zone " + zone + ": " + e.instant());
        checked[0]++;
      });
      assertTrue(checked[0] > 1000, "seed " + seed + ": " + checked[0] + " events");
    }
  }
}
