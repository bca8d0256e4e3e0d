package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import dev.loggen.core.VisitorKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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

  /**
   * Formats whose fields have no separator between them, each with whether its events are read
   * without ident and user: {@code %h%l%u} can be told apart only when both are absent (a user
   * {@code alice} after {@code 203.0.113.5-} could be any tail of the text). Before, a line of
   * three or four such fields used up the search's budget on splits of the fields before
   * {@code %t} and was refused, "expected '[' in time ... for %t".
   */
  static Stream<Arguments> adjacentFormatsAndSeeds() {
    return Stream.of(Arguments.of("%h%l%u%t%r%>s", true), Arguments.of("%h%l%u%t%s", true),
            Arguments.of("%h%t%r%>s", false), Arguments.of("%u%t%>s%b", false),
            Arguments.of("%u%t%t%t%{Host}i", false), Arguments.of("%h%l %u%t%r%>s", true))
        .flatMap(a -> TestEvents.seeds(SEEDS / 5).mapToObj(seed -> Arguments.of(a.get()[0],
            a.get()[1], seed)));
  }

  @ParameterizedTest(name = "{0} seed {2}")
  @MethodSource("adjacentFormatsAndSeeds")
  void fieldsWithoutASeparatorReadBack(String apache, boolean anonymous, long seed) {
    LogFormat format = LogFormats.apache(apache);
    LogParser parser = LogParsers.forFormat(format);
    for (AccessEvent e : TestEvents.events(seed, EVENTS)) {
      AccessEvent x = anonymous ? new AccessEvent(e.epochMillis(), e.offset(), e.clientAddress(),
          null, null, e.method(), e.path(), e.protocol(), e.status(), e.bytes(), e.referrer(),
          e.userAgent(), e.responseTimeMicros(), e.host(), e.sessionId(), e.state(),
          e.visitorKind(), e.scenario()) : e;
      String line = format.format(x);
      LogRecord r = parser.parse(line);
      Instant at = Instant.ofEpochMilli(x.epochMillis()).truncatedTo(ChronoUnit.SECONDS);
      assertEquals(at, r.time().toInstant(), line);
      assertEquals(x.offset(), r.time().getOffset(), line);
      assertEquals(apache.contains("%h") ? x.clientAddress() : null, r.clientAddress(), line);
      assertNull(r.ident(), line);
      assertEquals(apache.contains("%u") ? x.user() : null, r.user(), line);
      assertEquals(apache.contains("%r") ? x.path() : null, r.path(), line);
      assertEquals(apache.contains("%r") ? x.protocol() : null, r.protocol(), line);
      boolean status = apache.contains("%s") || apache.contains("%>s");
      assertEquals(status ? x.status() : null, r.status(), line);
      assertEquals(apache.contains("%b") ? x.bytes() : null, r.bytes(), line);
      assertEquals(apache.contains("Host") ? x.host() : null, r.host(), line);
    }
  }

  /**
   * The lines of fields without separators that were refused (see
   * {@link #fieldsWithoutASeparatorReadBack}), as printed, read back.
   */
  @Test
  void linesOfFieldsWithoutASeparatorReadBack() {
    AccessEvent e = new AccessEvent(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli(),
        ZoneOffset.UTC, "216.144.248.19", null, null, "HEAD", "/", "HTTP/1.1", 200, 0, null,
        "UA x", 13126, "shop.example.com", 1, "S", VisitorKind.HUMAN, null);
    String time = "[01/Jan/2026:00:00:00 +0000]";
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("%h%l%u%t%r%s%b", "216.144.248.19--" + time + "HEAD / HTTP/1.1200-");
    lines.put("%h%l%u%t%r", "216.144.248.19--" + time + "HEAD / HTTP/1.1");
    lines.put("%h%l%u%t%s", "216.144.248.19--" + time + "200");
    lines.put("%h%l%u%t %r%s%b", "216.144.248.19--" + time + " HEAD / HTTP/1.1200-");
    lines.put("%t".repeat(40), time.repeat(40));
    // first-fit took an empty %l and the client "216.144.248.19-"
    lines.put("%h%l %u %t", "216.144.248.19- - " + time);
    for (Map.Entry<String, String> c : lines.entrySet()) {
      LogFormat format = LogFormats.apache(c.getKey());
      String line = format.format(e);
      assertEquals(c.getValue(), line, c.getKey());
      LogRecord r = LogParsers.forFormat(format).parse(line);
      assertEquals(Instant.EPOCH.plusMillis(e.epochMillis()), r.time().toInstant(), line);
      boolean client = c.getKey().startsWith("%h");
      assertEquals(client ? "216.144.248.19" : null, r.clientAddress(), line);
      assertEquals(client ? "-" : null, r.field("%l"), line);
      assertNull(r.ident(), line);
      assertNull(r.user(), line);
      assertEquals(c.getKey().contains("%r") ? "/" : null, r.path(), line);
      assertEquals(c.getKey().contains("%s") ? 200 : null, r.status(), line);
      assertEquals(c.getKey().contains("%b") ? 0L : null, r.bytes(), line);
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
