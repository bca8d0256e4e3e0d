package dev.loggen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.LineSink;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Report;
import dev.loggen.core.SinkClosedException;
import dev.loggen.sinks.FileSinks;
import dev.loggen.sinks.MemorySink;
import dev.loggen.sinks.Sinks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveTrafficTest {
  private static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  @Test
  void writesAtTheRateForTheTimeGiven() {
    MemorySink sink = Sinks.memory();
    Instant before = Instant.now();
    Report r = LiveTraffic.run(sink, 42, 200, Duration.ofMillis(1500));
    Instant after = Instant.now();
    List<String> lines = sink.lines();
    assertEquals(r.lines(), lines.size());
    // 1.5 s at 200 lines/s: never more (it wrote a line or two more), fewer on a busy machine
    assertTrue(lines.size() >= 200 && lines.size() <= 300, "lines: " + lines.size());
    for (String l : lines) {
      String t = l.substring(l.indexOf('[') + 1, l.indexOf(']'));
      Instant when = ZonedDateTime.parse(t, CLF).toInstant();
      assertTrue(!when.isBefore(before.minusSeconds(1)) && !when.isAfter(after.plusSeconds(1)),
          "stamped with the wall clock: " + l);
    }
  }

  /**
   * The time counts from the first line, as the writer goes live: the stop condition is also
   * asked while the simulation warms up, and a clock started there took the warm-up from the
   * time (37 lines for 50 lines/s x 1 s) and wrote nothing for a time of 0 ("at least one").
   */
  @Test
  void theTimeCountsFromTheFirstLine() {
    // line 49 is due 0.98 s after line 0: all 50 are written before the second is over
    assertEquals(50, LiveTraffic.run(Sinks.memory(), 42, 50, Duration.ofSeconds(1)).lines());
    MemorySink sink = Sinks.memory();
    assertEquals(1, LiveTraffic.run(sink, 42, 50, Duration.ZERO).lines());
    assertEquals(1, sink.lines().size());
  }

  /**
   * A negative time was taken (and wrote a line), and one of 292 years or more, which the
   * command line's seconds reach, failed with an ArithmeticException from Duration.toNanos.
   */
  @Test
  void aNegativeTimeIsRefusedAndAVeryLongOneHasNoEnd(@TempDir Path dir) {
    Path file = dir.resolve("live.log");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LiveTraffic.run(FileSinks.rotating(file).build(), 1, 50, Duration.ofSeconds(-3)));
    assertEquals("runFor must not be negative (got PT-3S)", e.getMessage());
    FileSinks.rotating(file).build().close(); // the refused sink was closed
    // a reader that goes away after 3 lines ends the endless run
    int[] written = {0};
    LineSink gone = new LineSink() {
      @Override
      public void write(byte[] line, int offset, int length, long epochMillis) {
        if (++written[0] > 3) {
          throw new SinkClosedException("reader gone", new java.io.IOException("broken pipe"));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Report r = LiveTraffic.run(gone, 1, 1_000, Duration.ofSeconds(99_999_999_999L));
    assertEquals(3, r.lines());
  }

  @Test
  void aHighRateKeepsTheSimulationSmall() {
    // 5,000 lines/s from 330,000 sessions an hour took 15 s and 400 MB to warm up before the
    // first line; like the command line, the example caps the sessions and re-times them
    for (double rate : new double[] {0.5, 50, 5_000, 100_000}) {
      double perHour = LiveTraffic.generator(42, rate).traffic().sessionsPerHour();
      assertTrue(perHour > 0 && perHour <= LiveTraffic.MAX_SESSIONS_PER_HOUR,
          rate + " lines/s: " + perHour + " sessions per hour");
    }
  }

  /**
   * Below the cap the simulation's own pace matches the rate, so that re-timing the lines to the
   * rate keeps sessions at their real length: the example took 55 lines per shop session where
   * the shop gives about 15, so its sessions ran nearly four times too fast.
   */
  @Test
  void belowTheCapTheSimulationsOwnPaceMatchesTheRate() {
    double rate = 50;
    LogGenerator g = LiveTraffic.generator(42, rate).toBuilder()
        .window(Instant.parse("2026-03-03T00:00:00Z"), Duration.ofHours(3))
        .build();
    long start = g.start().toEpochMilli() + 3_600_000L; // after an hour, in the steady state
    long lines = g.events().filter(e -> e.epochMillis() >= start).count();
    double pace = lines / 7_200.0;
    assertEquals(rate, pace, rate * 0.2, "lines per second of simulated time: " + pace);
  }

  /**
   * A refused rate left the sink open ("and closes it"): a file sink's path stayed locked; NaN
   * was reported as a bad sessionsPerHour, a value the caller never gave, and 0 as not "between
   * 0 and 10000000".
   */
  @Test
  void aRefusedRateClosesTheSinkAndNamesTheRate(@TempDir Path dir) {
    Path file = dir.resolve("live.log");
    for (double rate : new double[] {0, -5, 20_000_000, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> LiveTraffic.run(FileSinks.rotating(file).build(), 1, rate, Duration.ofSeconds(1)));
      assertEquals("rate must be above 0 and at most 10000000 lines per second (got " + rate
          + ")", e.getMessage());
    }
    // the path is free again: a sink on it can be built
    FileSinks.rotating(file).build().close();
  }
}
