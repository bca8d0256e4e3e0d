package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events at the edges of what {@link AccessEvent} allows (a hand-built event, or a user's
 * heavy-tailed size distribution): byte counts near {@link Long#MAX_VALUE}, for which no format
 * prints a negative number, and times outside the years 1 to 9999, which every format refuses
 * by name instead of printing a year no server writes and no parser reads.
 */
class ExtremeValuesTest {
  private static final String MAX = Long.toString(Long.MAX_VALUE);

  /**
   * {@code %O}, {@code $bytes_sent} and {@code %S} add header sizes to the body size: near the
   * largest long the sum stops there instead of wrapping round to a negative number.
   */
  @Test
  void byteSumsNearTheLargestLongStopThere() {
    for (long bytes : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 100}) {
      AccessEvent e = HostileContentTest.BASE.withStatus(200, bytes);
      assertEquals(MAX + " " + MAX + " " + bytes + " " + bytes,
          LogFormats.apache("%O %S %b %B").format(e));
      assertEquals(MAX + " " + bytes, LogFormats.nginx("$bytes_sent $body_bytes_sent").format(e));
    }
    // below the edge the sums are exact (the headers of a 19-digit body have one size) ...
    long small = 1_000_000_000_000_000_000L;
    long headers = sent(small) - small;
    long bytes = Long.MAX_VALUE - 2_000;
    assertEquals(bytes + headers, sent(bytes));
    // ... and up to it they never fall below the body or turn negative
    for (; bytes > 0; bytes += 37) {
      AccessEvent e = HostileContentTest.BASE.withStatus(200, bytes);
      String[] sums = LogFormats.apache("%O %S").format(e).split(" ");
      long sent = Long.parseLong(sums[0]);
      long both = Long.parseLong(sums[1]);
      assertTrue(sent >= bytes && both >= sent, bytes + ": " + sent + " " + both);
      assertEquals(sums[0], LogFormats.nginx("$bytes_sent").format(e));
    }
  }

  /**
   * ECS's {@code event.duration} is in nanoseconds: a response time of more than
   * {@code Long.MAX_VALUE / 1000} microseconds (292 years) prints the largest long instead of a
   * wrapped, negative duration.
   */
  @Test
  void ecsDurationsNearTheLargestLongStopThere() {
    assertEquals(MAX, ecsDuration(Long.MAX_VALUE));
    assertEquals(MAX, ecsDuration(Long.MAX_VALUE / 1000 + 1));
    assertEquals("9223372036854775000", ecsDuration(Long.MAX_VALUE / 1000));
    assertEquals("1234567000", ecsDuration(1_234_567));
  }

  private static String ecsDuration(long micros) {
    AccessEvent b = HostileContentTest.BASE;
    AccessEvent e = new AccessEvent(b.epochMillis(), b.offset(), b.clientAddress(), b.ident(),
        b.user(), b.method(), b.path(), b.protocol(), b.status(), b.bytes(), b.referrer(),
        b.userAgent(), micros, b.host(), b.sessionId(), b.state(), b.visitorKind(), b.scenario());
    String line = LogFormats.ecs().format(e);
    int at = line.indexOf("\"duration\":") + "\"duration\":".length();
    return line.substring(at, line.indexOf('}', at));
  }

  private static long sent(long bytes) {
    return Long.parseLong(LogFormats.apache("%O").format(HostileContentTest.BASE.withStatus(200,
        bytes)));
  }

  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z. */
  private static final long FIRST = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
  private static final long LAST = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
  private static final String UTC_RANGE = " is outside the years 1 to 9999 that the formats"
      + " print: at that offset, expected epochMillis from " + FIRST + " to " + LAST;

  static Stream<FormatCases.Case> formats() {
    return Stream.concat(FormatCases.access().stream(), FormatCases.errors().stream());
  }

  /** The event at {@code millis}, with a status every format (error logs too) writes. */
  private static AccessEvent at(long millis, ZoneOffset offset, long responseTimeMicros) {
    AccessEvent b = HostileContentTest.BASE;
    return new AccessEvent(millis, offset, b.clientAddress(), b.ident(), b.user(), b.method(),
        b.path(), b.protocol(), 503, b.bytes(), b.referrer(), b.userAgent(), responseTimeMicros,
        b.host(), b.sessionId(), b.state(), b.visitorKind(), b.scenario());
  }

  private static AccessEvent at(long millis, ZoneOffset offset) {
    return at(millis, offset, 1_234);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void timesOutsideTheYears1To9999AreRefusedByName(FormatCases.Case c) {
    LogFormat.Renderer r = c.format().newRenderer();
    LineBuffer buffer = new LineBuffer();
    AccessEvent ok = at(FIRST, ZoneOffset.UTC);
    r.render(ok, buffer);
    String first = buffer.toString();
    assertEquals(c.format().format(ok), first);
    // (no response time: the end is the last millisecond too)
    AccessEvent last = at(LAST, ZoneOffset.UTC, 0);
    assertEquals(c.format().format(last), render(r, last));

    String yearMinus5 = "epochMillis -62324985600000 (year -5 at offset +00:00)" + UTC_RANGE;
    assertEquals(yearMinus5, refused(r, at(-62_324_985_600_000L, ZoneOffset.UTC)));
    assertEquals("epochMillis " + (FIRST - 1) + " (year 0 at offset +00:00)" + UTC_RANGE,
        refused(r, at(FIRST - 1, ZoneOffset.UTC)));
    assertEquals("epochMillis " + (LAST + 1) + " (year 10000 at offset +00:00)" + UTC_RANGE,
        refused(r, at(LAST + 1, ZoneOffset.UTC)));
    assertTrue(refused(r, at(Long.MIN_VALUE, ZoneOffset.UTC))
        .startsWith("epochMillis " + Long.MIN_VALUE + " (year -292275055 at offset +00:00)"));
    assertTrue(refused(r, at(Long.MAX_VALUE, ZoneOffset.UTC))
        .startsWith("epochMillis " + Long.MAX_VALUE + " (year 292278994 at offset +00:00)"));
    // the year is the one printed, in the event's offset
    ZoneOffset plusOne = ZoneOffset.ofHours(1);
    long newYear10000 = LAST + 1 - 3_600_000L;
    assertEquals("epochMillis " + newYear10000 + " (year 10000 at offset +01:00) is outside the"
        + " years 1 to 9999 that the formats print: at that offset, expected epochMillis from "
        + (FIRST - 3_600_000L) + " to " + (LAST - 3_600_000L),
        refused(r, at(newYear10000, plusOne)));
    assertEquals(c.format().format(at(FIRST - 3_600_000L, plusOne)),
        render(r, at(FIRST - 3_600_000L, plusOne)));

    // a renderer that refused a time renders the next ones as a new one does
    assertEquals(first, render(r, ok));
    AccessEvent later = at(FIRST + 86_400_000L + 1_000, ZoneOffset.UTC);
    assertEquals(c.format().format(later), render(r, later));
  }

  /**
   * The request's end ({@code %{end:...}t}) is held to the same years; a response time near
   * the largest long no longer overflows the end's microseconds.
   */
  @Test
  void endTimesAndEpochNumbersAreHeldToTheSameYears() {
    LogFormat end = LogFormats.apache("%{end}t");
    long lastSecond = LAST - 999;
    assertEquals("[31/Dec/9999:23:59:59 +0000]", end.format(at(lastSecond, ZoneOffset.UTC, 999)));
    assertEquals("the request's end, epochMillis + responseTimeMicros / 1000 = " + (LAST + 1)
        + " (year 10000 at offset +00:00)" + UTC_RANGE,
        assertThrows(IllegalArgumentException.class,
            () -> end.format(at(lastSecond, ZoneOffset.UTC, 1_000_000))).getMessage());
    for (String f : new String[] {"%{end:usec}t", "%{end:sec}t", "%{end:%s}t"}) {
      String message = assertThrows(IllegalArgumentException.class,
          () -> LogFormats.apache(f).format(at(0, ZoneOffset.UTC, Long.MAX_VALUE))).getMessage();
      assertTrue(message.startsWith("the request's end, epochMillis + responseTimeMicros / 1000 = "
          + (Long.MAX_VALUE / 1000 + 1) + " (year 294247 at offset +00:00)"), f + ": " + message);
    }
    AccessEvent old = at(-62_324_985_600_000L, ZoneOffset.UTC);
    for (LogFormat f : new LogFormat[] {LogFormats.apache("%{sec}t"),
        LogFormats.apache("%{usec_frac}t"), LogFormats.nginx("$msec"),
        LogFormats.apache("%{%s}t")}) {
      assertTrue(assertThrows(IllegalArgumentException.class, () -> f.format(old)).getMessage()
          .startsWith("epochMillis -62324985600000 (year -5 at offset +00:00)"), f.toString());
    }
    assertEquals("-62135596800", LogFormats.apache("%{sec}t").format(at(FIRST, ZoneOffset.UTC)));
  }

  private static String render(LogFormat.Renderer r, AccessEvent e) {
    LineBuffer b = new LineBuffer();
    r.render(e, b);
    return b.toString();
  }

  private static String refused(LogFormat.Renderer r, AccessEvent e) {
    LineBuffer b = new LineBuffer();
    return assertThrows(IllegalArgumentException.class, () -> r.render(e, b)).getMessage();
  }
}
