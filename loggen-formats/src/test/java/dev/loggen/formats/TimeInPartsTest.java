package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.VisitorKind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A time printed in several Apache fields, as httpd's documentation shows for millisecond times
 * ({@code [%{%d/%b/%Y %T}t.%{msec_frac}t %{%z}t]}), reads back as the instant printed: the
 * date and time of day from one field, the fraction from {@code %{msec_frac}t} or
 * {@code %{usec_frac}t}, the offset from another. The oracle is the same event's
 * {@code %{usec}t} (or {@code %{end:usec}t}), read back.
 */
class TimeInPartsTest {
  /** Formats printing the start time in parts. */
  static final List<String> START = List.of(
      "[%{%d/%b/%Y %T}t.%{msec_frac}t %{%z}t] %h",
      "%{%z}t %{%Y-%m-%d}t %{%H:%M:%S}t.%{usec_frac}t %h",
      "%{%d/%b/%Y %I:%M:%S}t.%{msec_frac}t %{%p %z}t %h",
      "%{%s}t.%{msec_frac}t %{%z}t %h",
      "%{sec}t.%{usec_frac}t %h",
      "%t %{msec}t %h",
      // the date and the time of day split anywhere, in any order (found by fuzzing: a month
      // and a day in different fields read as no date; %p before %I lost the afternoon; %C in
      // a field of its own was not used)
      "%{%Y-%m}t %{%d %T}t.%{msec_frac}t %{%z}t %h",
      "%{%d}t/%{%b/%Y:%T}t.%{msec_frac}t %{%z}t %h",
      "%{%m}t/%{%d}t/%{%Y}t %{%T}t.%{msec_frac}t %{%z}t %h",
      "%{%p}t %{%I:%M:%S}t.%{msec_frac}t %{%Y-%m-%d}t %{%z}t %h",
      "%{%j}t %{%Y}t %{%H}t:%{%M}t:%{%S}t.%{msec_frac}t %{%z}t %h",
      "%{%C}t%{%y-%m-%d %T}t.%{msec_frac}t %{%z}t %h",
      "%{%y}t %{%Y-%m-%d %T}t.%{msec_frac}t %{%z}t %h",
      "%{usec}t %{%d/%b/%Y:%H:%M:%S %z}t %h");
  /** Formats printing only the end time in parts. */
  static final List<String> END = List.of(
      "[%{end:%d/%b/%Y %T}t.%{end:msec_frac}t %{end:%z}t] %h",
      "%{end:sec}t.%{end:msec_frac}t %h");

  private static AccessEvent event(SplittableRandom r) {
    // from 1900 to 2100, a quarter of them within a day of 1970 (negative epoch numbers)
    long millis = r.nextInt(4) == 0
        ? r.nextLong(-86_400_000L, 86_400_000L)
        : r.nextLong(-2_208_988_800_000L, 4_102_444_800_000L);
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(r.nextInt(-18 * 4, 18 * 4 + 1) * 900);
    long responseMicros = r.nextLong(0, 5_000_000L);
    return new AccessEvent(millis, offset, "192.0.2.1", null, null, "GET", "/", "HTTP/1.1", 200,
        1, null, null, responseMicros, "h", r.nextLong(1, Long.MAX_VALUE), "S",
        VisitorKind.HUMAN, null);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.loggen.formats.TimeFormatTest#seeds")
  void aTimeInPartsReadsBackAsTheInstantPrinted(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 40; i++) {
      AccessEvent e = event(r);
      check(e, START, "%{usec}t", "seed " + seed);
      check(e, END, "%{end:usec}t", "seed " + seed);
    }
  }

  private static void check(AccessEvent e, List<String> formats, String oracle, String seed) {
    Instant exact = time(oracle, e).toInstant();
    for (String f : formats) {
      String line = LogFormats.apache(f).format(e);
      OffsetDateTime back = time(f, e);
      String where = seed + ", " + f + ": " + line;
      // milliseconds for msec_frac; usec_frac prints the microseconds the oracle has
      ChronoUnit unit = f.contains("usec") ? ChronoUnit.MICROS : ChronoUnit.MILLIS;
      assertEquals(exact.truncatedTo(unit), back.toInstant(), where);
      if (f.contains("%z") || f.contains("%t")) {
        assertEquals(e.offset(), back.getOffset(), where);
      }
    }
  }

  private static OffsetDateTime time(String format, AccessEvent e) {
    OffsetDateTime t = LogParsers.apache(format).parse(LogFormats.apache(format).format(e))
        .time();
    assertNotNull(t, format);
    return t;
  }

  /** nginx's {@code $time_local} is whole seconds; {@code $msec} beside it gives the rest. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.loggen.formats.TimeFormatTest#seeds")
  void nginxLocalTimeWithMsecReadsBackToTheMillisecond(long seed) {
    readsBackTheStart("$remote_addr [$time_local] $msec $status", seed);
  }

  /**
   * With {@code $request_time} beside them too the times read back as printed, the start:
   * the response time is not taken off them (it is off an Apache {@code %{end:...}t}).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.loggen.formats.TimeFormatTest#seeds")
  void nginxTimesWithRequestTimeReadBackTheStart(long seed) {
    readsBackTheStart("$remote_addr [$time_local] $msec $request_time $status", seed);
  }

  /** 40 events of {@code seed} through nginx format {@code f} read back as their start. */
  private static void readsBackTheStart(String f, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 40; i++) {
      AccessEvent e = event(r);
      String line = LogFormats.nginx(f).format(e);
      OffsetDateTime back = LogParsers.nginx(f).parse(line).time();
      assertNotNull(back, line);
      String where = "seed " + seed + ": " + line;
      assertEquals(Instant.ofEpochMilli(e.epochMillis()), back.toInstant(), where);
      assertEquals(e.offset(), back.getOffset(), where);
    }
  }

  @Test
  void anEpochTimeInAnotherSecondLeavesTheStrftimeTime() {
    // fields that disagree (an edited line): the strftime time, as before
    assertEquals(OffsetDateTime.parse("2026-03-04T12:11:12+02:00"), LogParsers
        .apache("%t %{msec}t").parse("[04/Mar/2026:12:11:12 +0200] 1772619073345").time());
  }

  @Test
  void aSplitDateThatDoesNotExistIsAMalformedLine() {
    LogParser p = LogParsers.apache("%h %{%m}t/%{%d}t/%{%Y}t %>s");
    assertEquals(OffsetDateTime.parse("2028-02-29T00:00Z"),
        p.parse("192.0.2.1 02/29/2028 200").time());
    LogParseException e = assertThrows(LogParseException.class,
        () -> p.parse("192.0.2.1 02/30/2028 200"));
    assertEquals("line 1, column 11: expected a date that exists for %{%m}t, %{%d}t, %{%Y}t"
        + " together, found '0': 192.0.2.1 02/30/2028 200", e.getMessage());
    // the end time's fields are checked apart from the start's
    LogParser end = LogParsers.apache("%{%Y-%m}t %{end:%Y-%m}t %{%d}t %{end:%d}t");
    assertEquals(OffsetDateTime.parse("2027-02-28T00:00Z"),
        end.parse("2027-02 2027-03 28 31").time());
    assertThrows(LogParseException.class, () -> end.parse("2027-02 2027-04 28 31"));
  }

  @Test
  void apachesDocumentedMillisecondFormat() {
    String f = "[%{%d/%b/%Y %T}t.%{msec_frac}t %{%z}t]";
    AccessEvent e = TimeFormatTest.at(Instant.parse("2026-03-04T10:11:12.345Z").toEpochMilli(),
        ZoneOffset.ofHours(2));
    assertEquals("[04/Mar/2026 12:11:12.345 +0200]", LogFormats.apache(f).format(e));
    assertEquals(OffsetDateTime.parse("2026-03-04T12:11:12.345+02:00"),
        LogParsers.apache(f).parse("[04/Mar/2026 12:11:12.345 +0200]").time());
  }

  @Test
  void theFirstFieldThatGivesAPartWins() {
    // two full times: the first one's, with the first fraction
    assertEquals(OffsetDateTime.parse("2026-03-04T12:11:12.345+02:00"), LogParsers
        .apache("%{%Y-%m-%dT%H:%M:%S}t.%{msec_frac}t%{%z}t %{%Y-%m-%d %H:%M:%S %z}t")
        .parse("2026-03-04T12:11:12.345+0200 2026-03-05 00:00:00 -0500").time());
    assertEquals(OffsetDateTime.parse("2026-03-04T12:11:12.500Z"), LogParsers
        .apache("%{%Y-%m-%d %H:%M:%S}t.%{msec_frac}t %{msec_frac}t %{usec_frac}t")
        .parse("2026-03-04 12:11:12.500 999 123456").time());
    // a fraction without a time to add to stays a field
    LogRecord alone = LogParsers.apache("%{msec_frac}t %h").parse("123 192.0.2.1");
    assertEquals(null, alone.time());
    assertEquals("123", alone.fields().get("%{msec_frac}t"));
  }
}
