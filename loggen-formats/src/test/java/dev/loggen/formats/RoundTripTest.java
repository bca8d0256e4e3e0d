package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Render then parse gives the event's printed fields back, for every access format over 100
 * seeds of {@link TestEvents} (30 events each), at the precision each format prints.
 */
class RoundTripTest {
  static final int SEEDS = 100;
  static final int EVENTS = 30;

  static Stream<Arguments> casesAndSeeds() {
    return FormatCases.access().stream()
        .flatMap(c -> TestEvents.seeds(SEEDS).mapToObj(seed -> Arguments.of(c, seed)));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("casesAndSeeds")
  void renderThenParseGivesThePrintedFields(FormatCases.Case c, long seed) {
    LogParser parser = LogParsers.forFormat(c.format());
    LogFormat.Renderer renderer = c.format().newRenderer();
    LineBuffer buffer = new LineBuffer();
    List<AccessEvent> events = TestEvents.events(seed, EVENTS);
    for (int i = 0; i < events.size(); i++) {
      AccessEvent e = events.get(i);
      buffer.reset();
      renderer.render(e, buffer);
      String line = buffer.toString();
      String where = c.name() + " seed " + seed + " event " + i + ": " + line;
      assertFalse(line.contains("\n") || line.contains("\r"), where);
      assertEquals(line, c.format().format(e), "format() and the renderer differ; " + where);
      LogRecord r = parser.parseLine(line, i + 1);
      check(c, e, r, where);
    }
  }

  static void check(FormatCases.Case c, AccessEvent e, LogRecord r, String where) {
    ChronoUnit unit = c.time() == FormatCases.Time.SECONDS ? ChronoUnit.SECONDS : ChronoUnit.MILLIS;
    Instant at = Instant.ofEpochMilli(e.epochMillis()).truncatedTo(unit);
    assertNotNull(r.time(), "time; " + where);
    assertEquals(at, r.time().toInstant(), "time; " + where);
    if (c.offsetKept()) {
      assertEquals(e.offset(), r.time().getOffset(), "offset; " + where);
    }
    assertEquals(e.clientAddress(), r.clientAddress(), "client; " + where);
    assertEquals(c.ident() ? e.ident() : null, r.ident(), "ident; " + where);
    assertEquals(c.user() ? e.user() : null, r.user(), "user; " + where);
    assertEquals(e.method(), r.method(), "method; " + where);
    assertEquals(e.path(), r.path(), "path; " + where);
    assertEquals(e.protocol(), r.protocol(), "protocol; " + where);
    assertEquals(e.status(), r.status(), "status; " + where);
    assertEquals(e.bytes(), r.bytes(), "bytes; " + where);
    if (c.referrerAndAgent()) {
      assertEquals(e.referrer(), r.referrer(), "referrer; " + where);
      assertEquals(e.userAgent(), r.userAgent(), "user agent; " + where);
    } else {
      assertNull(r.referrer(), where);
      assertNull(r.userAgent(), where);
    }
    Long micros = switch (c.duration()) {
      case NONE -> null;
      case SECONDS -> e.responseTimeMicros() / 1_000_000 * 1_000_000;
      case MILLIS -> e.responseTimeMicros() / 1000 * 1000;
      case ELAPSED_MILLIS -> (endMillis(e) - e.epochMillis()) * 1000;
      case MICROS -> e.responseTimeMicros();
    };
    assertEquals(micros, r.responseTimeMicros(), "response time; " + where);
    assertEquals(c.host() ? e.host() : null, r.host(), "host; " + where);
    if (c.name().equals("json") || c.name().equals("ecs")) {
      String prefix = c.name().equals("ecs") ? "labels." : "";
      assertEquals(Long.toString(e.sessionId()), r.field(prefix + "loggen_session_id"), where);
      assertEquals(e.state(), r.field(prefix + "loggen_state"), where);
      assertEquals(e.visitorKind().label(), r.field(prefix + "loggen_visitor_kind"), where);
      assertEquals(e.scenario(), r.field(prefix + "loggen_scenario"), where);
    }
  }

  /**
   * The millisecond the request ends: its start in microseconds (the event's millisecond and
   * the sub-millisecond digits of the response time, as {@code %{usec}t} prints it) plus the
   * response time; nginx's {@code $request_time} is this less the event's millisecond.
   */
  static long endMillis(AccessEvent e) {
    long rt = e.responseTimeMicros();
    return Math.floorDiv(e.epochMillis() * 1000 + rt % 1000 + rt, 1000);
  }
}
