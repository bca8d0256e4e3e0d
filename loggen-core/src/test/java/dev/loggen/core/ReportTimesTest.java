package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report's first and last request times are those of the first and last events, for any
 * window the generator accepts (years 1 to 9999): before 1970 event times are negative, and an
 * event can fall exactly on the epoch.
 */
class ReportTimesTest {

  static Stream<Arguments> windows() {
    return Stream.of(
        Arguments.of(1L, "1960-01-01T00:00:00Z", Duration.ofMinutes(10)),
        Arguments.of(2L, "0001-01-01T00:00:00Z", Duration.ofMinutes(5)),
        // a window ending at the epoch and one starting there (a monitor check at 0)
        Arguments.of(3L, "1969-12-31T23:55:00Z", Duration.ofMinutes(10)),
        Arguments.of(4L, "1970-01-01T00:00:00Z", Duration.ofMinutes(5)),
        Arguments.of(5L, "2026-01-01T00:00:00Z", Duration.ofMinutes(5)));
  }

  @ParameterizedTest
  @MethodSource("windows")
  void firstAndLastMillisAreThoseOfTheEvents(long seed, String start, Duration length) {
    LogGenerator g = LogGenerator.builder().seed(seed).traffic(Traffic.sessionsPerHour(300))
        .window(Instant.parse(start), length).build();
    List<AccessEvent> events = new ArrayList<>();
    g.iterator().forEachRemaining(events::add);
    assertFalse(events.isEmpty(), "seed " + seed);
    long first = events.get(0).epochMillis();
    long last = events.get(events.size() - 1).epochMillis();
    String setup = "seed " + seed + ", window " + start + " + " + length;

    Report.Builder b = Report.builder();
    events.forEach(b::event);
    Report counted = b.build();
    assertEquals(first, counted.firstMillis(), setup + ": firstMillis");
    assertEquals(last, counted.lastMillis(), setup + ": lastMillis");

    // The same, counted in two parts and merged, as the parallel pipeline does.
    Report.Builder head = Report.builder();
    Report.Builder tail = Report.builder();
    int half = events.size() / 2;
    events.subList(0, half).forEach(head::event);
    events.subList(half, events.size()).forEach(tail::event);
    Report merged = head.merge(tail).build();
    assertEquals(first, merged.firstMillis(), setup + ": merged firstMillis");
    assertEquals(last, merged.lastMillis(), setup + ": merged lastMillis");

    for (int threads : new int[] {1, 3}) {
      Report written = g.writer().format(ParallelWriterTest.TINY)
          .to(new ParallelWriterTest.CollectingSink(Long.MAX_VALUE, false)).threads(threads)
          .run();
      assertEquals(first, written.firstMillis(), setup + ", threads " + threads);
      assertEquals(last, written.lastMillis(), setup + ", threads " + threads);
      assertTrue(written.toJson().contains("\"firstTime\":\"" + Instant.ofEpochMilli(first)
          + "\",\"lastTime\":\"" + Instant.ofEpochMilli(last) + "\""), written.toJson());
    }
  }
}
