package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import dev.loggen.core.VisitorKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our own calendar arithmetic against {@code java.time}: random instants from 1900 to 2400
 * (leap days, century years, negative offsets, offsets with minutes), rendered through one
 * long-lived renderer per format so the per-second cache and its within-day patching are
 * exercised, in time order and out of it.
 */
class TimeFormatTest {
  static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("'['dd/MMM/yyyy:HH:mm:ss xx']'", Locale.ENGLISH);
  static final DateTimeFormatter ISO_MS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ENGLISH);
  static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ENGLISH);
  static final DateTimeFormatter STRFTIME = DateTimeFormatter.ofPattern(
      "EEE EEEE MMM MMMM dd HH hh DDD MM mm a ss e yy yyyy xx|MM/dd/yy|yyyy-MM-dd|HH:mm:ss",
      Locale.ENGLISH);

  static AccessEvent at(long millis, ZoneOffset offset) {
    return new AccessEvent(millis, offset, "192.0.2.1", null, null, "GET", "/", "HTTP/1.1", 200,
        1, null, null, 1, "h", 1, "S", VisitorKind.HUMAN, null);
  }

  static String render(LogFormat.Renderer r, AccessEvent e) {
    LineBuffer b = new LineBuffer();
    r.render(e, b);
    return b.toString();
  }

  static Stream<Long> seeds() {
    return TestEvents.seedStream(100);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void calendarMatchesJavaTime(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long min = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
    long max = Instant.parse("2400-12-31T00:00:00Z").toEpochMilli();
    LogFormat.Renderer clf = LogFormats.apache("%t").newRenderer();
    LogFormat.Renderer iso = LogFormats.nginx("$time_iso8601").newRenderer();
    LogFormat.Renderer json = LogFormats.json().newRenderer();
    // %u (1-7) and %w (0-6) differ from java.time's localized 'e': compare the rest
    LogFormat.Renderer strf = LogFormats.apache(
        "%{%a %A %b %B %d %H %I %j %m %M %p %S %u %y %Y %z|%D|%F|%T}t").newRenderer();
    long t = r.nextLong(min, max);
    for (int i = 0; i < 200; i++) {
      // mostly small steps forward (cache hits, within-day patches), sometimes a jump
      t = switch (r.nextInt(4)) {
        case 0 -> t + r.nextLong(0, 1000);
        case 1 -> t + r.nextLong(0, 90_000_000);
        case 2 -> t - r.nextLong(0, 5_000_000);
        default -> r.nextLong(min, max);
      };
      ZoneOffset off = ZoneOffset.ofTotalSeconds(15 * 60 * r.nextInt(-48, 57));
      AccessEvent e = at(t, off);
      OffsetDateTime odt = Instant.ofEpochMilli(t).atOffset(off);
      String where = "seed " + seed + " at " + odt;
      assertEquals(CLF.format(odt), render(clf, e), where);
      assertEquals(ISO.format(odt), render(iso, e), where);
      String line = render(json, e);
      assertEquals("{\"time\":\"" + ISO_MS.format(odt) + "\"", line.substring(0, line.indexOf(',')),
          where);
      String expected = STRFTIME.format(odt);
      String[] parts = expected.split(" ");
      parts[12] = Integer.toString(odt.getDayOfWeek().getValue());
      assertEquals(String.join(" ", parts), render(strf, e), where);
    }
  }

  @Test
  void leapDayAndYearBoundaries() {
    LogFormat f = LogFormats.apache("%t %{%j %a}t");
    assertEquals("[29/Feb/2000:23:59:59 +0000] 060 Tue",
        f.format(at(Instant.parse("2000-02-29T23:59:59Z").toEpochMilli(), ZoneOffset.UTC)));
    assertEquals("[31/Dec/2024:23:30:00 -0030] 366 Tue",
        f.format(at(Instant.parse("2025-01-01T00:00:00Z").toEpochMilli(),
            ZoneOffset.ofHoursMinutes(0, -30))));
    assertEquals("[01/Mar/1900:00:00:00 +0000] 060 Thu",
        f.format(at(Instant.parse("1900-03-01T00:00:00Z").toEpochMilli(), ZoneOffset.UTC)));
    assertEquals("1969-12-31T23:59:59.999+00:00",
        LogFormats.json().format(at(-1, ZoneOffset.UTC)).substring(9, 38));
  }

  /**
   * An offset with seconds (Monrovia's -00:44:30 until 1972): the JSON formats printed the local
   * time of the full offset with the offset cut to -00:44, a time 30 s before the event. Both in
   * whole minutes now: the time names the event's instant, as any ISO 8601 reader takes it.
   */
  @Test
  void jsonTimesWithAnOffsetOfSecondsNameTheEventsInstant() {
    Instant when = Instant.parse("1960-06-01T12:00:00.123Z");
    for (int seconds : new int[] {-2670, 20730, 59, -59}) {
      AccessEvent e = at(when.toEpochMilli(), ZoneOffset.ofTotalSeconds(seconds));
      for (LogFormat f : List.of(LogFormats.json(), LogFormats.ecs())) {
        String line = f.format(e);
        Matcher m = Pattern.compile("\"(?:time|@timestamp)\":\"([^\"]+)\"").matcher(line);
        assertTrue(m.find(), line);
        assertEquals(when, OffsetDateTime.parse(m.group(1)).toInstant(),
            f.name() + " at " + seconds + " s: " + m.group(1));
      }
    }
  }

  /**
   * ECS types source.ip as an IP: a hand-built event's host name there made an index template
   * refuse the whole document. A host name goes to source.address.
   */
  @Test
  void ecsPutsAHostNameInSourceAddressNotSourceIp() {
    for (String[] c : new String[][] {{"192.0.2.1", "ip"}, {"2001:db8::1", "ip"},
        {"proxy.example.net", "address"}, {"1.2.3", "address"}, {"256.1.1.1", "address"},
        {"1password.com", "address"}, {"h", "address"}}) {
      ecsSource(c[0], c[1]);
    }
  }

  /**
   * Text with a colon went to source.ip whether or not it was an IPv6 address: {@code host:8080}
   * or {@code [::1]} there made Elasticsearch refuse the whole document, as a host name did. So
   * did an IPv4 address with a leading zero, which Elasticsearch's ip type refuses.
   */
  @Test
  void ecsPutsOnlyIpAddressesInSourceIp() {
    for (String[] c : new String[][] {{"::", "ip"}, {"::1", "ip"}, {"1::", "ip"},
        {"1:2:3:4:5:6:7:8", "ip"}, {"1:2:3:4:5:6:7::", "ip"}, {"FE80::A:b", "ip"},
        {"::ffff:192.0.2.1", "ip"}, {"1:2:3:4:5:6:192.0.2.1", "ip"}, {"0.0.0.0", "ip"},
        {"host:8080", "address"}, {"a:b", "address"}, {"[::1]", "address"},
        {"fe80::1%eth0", "address"}, {"1::2::3", "address"}, {":::", "address"},
        {":1", "address"}, {"1:", "address"}, {"1:2:3:4:5:6:7:8:9", "address"},
        {"1::2:3:4:5:6:7:8", "address"}, {"12345::1", "address"}, {"::1.2.3", "address"},
        {"::01.2.3.4", "address"}, {"192.0.2.1:80", "address"}, {"unix:/run/s", "address"},
        {"01.2.3.4", "address"}, {"1.2.3.00", "address"}}) {
      String line = ecsSource(c[0], c[1]);
      assertEquals(c[0], LogParsers.ecs().parseLine(line, 1).clientAddress(), line);
    }
  }

  /** The ECS line of an event from {@code client}, which must be under source.{@code field}. */
  private static String ecsSource(String client, String field) {
    long t = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    AccessEvent e = new AccessEvent(t, ZoneOffset.UTC, client, null, null, "GET", "/",
        "HTTP/1.1", 200, 10, null, null, 1_000, "example.com", 1, "BROWSING", VisitorKind.HUMAN,
        null);
    String line = LogFormats.ecs().format(e);
    assertTrue(line.contains("\"source\":{\"" + field + "\":\"" + client + "\"}"),
        client + ": " + line);
    return line;
  }

  @Test
  void aYearFollowedByDigitsReadsBackAsFourDigits() {
    // Before: %Y read up to ten digits, so %Y%m%d took the whole 20260105 as the year and the
    // parser refused what the format wrote (found by fuzzing).
    AccessEvent e = at(Instant.parse("2026-01-05T03:04:05Z").toEpochMilli(), ZoneOffset.UTC);
    for (String f : new String[] {"%{%Y%m%d%H%M%S}t %>s", "%{%Y%j}t %>s", "[%{%c}t]1 %>s"}) {
      String line = LogFormats.apache(f).format(e);
      OffsetDateTime back = LogParsers.apache(f).parse(line).time();
      assertEquals(f.startsWith("%{%Y%j}") ? "2026-01-05T00:00Z" : "2026-01-05T03:04:05Z",
          String.valueOf(back), f + " -> " + line);
    }
  }

  /** The years the parsers read, as the {@link LogFormats} Javadoc states them. */
  @Test
  void theParsersReadTheYearsTheJavadocSays() {
    LogParser ymd = LogParsers.apache("%{%Y-%m-%d}t");
    // %Y: an optional '-' and four to ten digits naming a year of java.time
    for (String year : new String[] {"0001", "2026", "12345", "-0005", "999999999",
        "-999999999"}) {
      assertEquals(Long.parseLong(year), ymd.parse(year + "-03-04").time().getYear(), year);
    }
    for (String year : new String[] {"123", "+2026", "1000000000", "12345678901"}) {
      assertThrows(LogParseException.class, () -> ymd.parse(year + "-03-04"), year);
    }
    assertEquals(12345, LogParsers.common()
        .parse("h - - [10/Oct/12345:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1").time().getYear());
    // exactly four digits where a digit follows; %y and %C two
    assertEquals("2026-01-05T00:00Z",
        String.valueOf(LogParsers.apache("%{%Y%m%d}t").parse("20260105").time()));
    assertEquals("1850-01-01T00:00Z",
        String.valueOf(LogParsers.apache("%{%C%y-%m-%d}t").parse("1850-01-01").time()));
    assertThrows(LogParseException.class,
        () -> LogParsers.apache("%{%y-%m-%d}t").parse("2026-01-01"));
    // JSON: ISO-8601's years
    for (String year : new String[] {"0000", "2026", "-0001", "+10000", "-10000"}) {
      assertEquals(Integer.parseInt(year.replace("+", "")), LogParsers.json()
          .parse("{\"time\":\"" + year + "-03-04T00:00:00.000+00:00\"}").time().getYear(), year);
    }
    for (String year : new String[] {"10000", "+2026", "026"}) {
      assertThrows(LogParseException.class, () -> LogParsers.json()
          .parse("{\"time\":\"" + year + "-03-04T00:00:00.000+00:00\"}"), year);
    }
  }

  @Test
  void aCenturyAndATwoDigitYearReadBackAsTheYearTheyWrote() {
    // Before: %C was ignored when reading, so %C%y read 1850 back as 2050 (found by fuzzing).
    String f = "%{%C%y-%m-%d %H:%M:%S %z}t";
    for (String when : new String[] {"1850-01-01T00:00:00Z", "2100-03-04T05:06:07Z",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1999-06-01T12:00:00Z"}) {
      AccessEvent e = at(Instant.parse(when).toEpochMilli(), ZoneOffset.UTC);
      String line = LogFormats.apache(f).format(e);
      assertEquals(Instant.parse(when), LogParsers.apache(f).parse(line).time().toInstant(),
          f + " -> " + line);
    }
    // %y alone keeps the POSIX reading
    AccessEvent e = at(Instant.parse("1999-06-01T12:00:00Z").toEpochMilli(), ZoneOffset.UTC);
    assertEquals("1999-06-01T12:00Z", String.valueOf(LogParsers.apache("%{%y-%m-%d %H:%M}t")
        .parse(LogFormats.apache("%{%y-%m-%d %H:%M}t").format(e)).time()));
  }

  @Test
  void apacheSubSecondTimes() {
    AccessEvent e = at(Instant.parse("2026-01-02T03:04:05.678Z").toEpochMilli(), ZoneOffset.UTC);
    // the microseconds within the millisecond are those the error log prints (1 here)
    assertEquals("1767323045 1767323045678 1767323045678001 678 678001",
        LogFormats.apache("%{sec}t %{msec}t %{usec}t %{msec_frac}t %{usec_frac}t").format(e));
    assertEquals("1767323045.678", LogFormats.nginx("$msec").format(e));
    // before 1970: the sign and the magnitude (before: -1.999 for a millisecond before 1970)
    assertEquals("-0.001", LogFormats.nginx("$msec").format(at(-1, ZoneOffset.UTC)));
    assertEquals("-18489600.000", LogFormats.nginx("$msec").format(at(
        Instant.parse("1969-06-01T00:00:00Z").toEpochMilli(), ZoneOffset.UTC)));
    assertEquals("1767323045 03 AM UTC", LogFormats.apache("%{%s %I %p %Z}t").format(e));
    // end: adds the response time (1 microsecond here, so the same millisecond)
    assertEquals("[02/Jan/2026:03:04:05 +0000]", LogFormats.apache("%{end:[%d/%b/%Y:%H:%M:%S %z]}t")
        .format(e));
  }

  /**
   * One request's access-log and error-log lines show the same instant to the microsecond; the
   * end time adds the response time in microseconds, carrying into the next millisecond and
   * second.
   */
  @Test
  void accessAndErrorLogShowTheSameMicroseconds() {
    AccessEvent e = new AccessEvent(Instant.parse("2026-01-02T03:04:05.678Z").toEpochMilli(),
        ZoneOffset.UTC, "192.0.2.1", null, null, "GET", "/", "HTTP/1.1", 500, 1, null,
        null, 2_321_456, "h", 1, "S", VisitorKind.HUMAN, null);
    String error = LogFormats.apacheError().format(e);
    assertTrue(error.startsWith("[Fri Jan 02 03:04:05.678456 2026]"), error);
    assertEquals("1767323045678456 678456 1767323047999912 999912 [02/Jan/2026:03:04:07 +0000]",
        LogFormats.apache("%{usec}t %{usec_frac}t %{end:usec}t %{end:usec_frac}t %{end}t")
            .format(e));
  }

  /**
   * httpd's {@code log_request_time}: {@code %{begin}t}, {@code %{end}t} and an empty pattern
   * ({@code %{}t}, {@code %{begin:}t}, {@code %{end:}t}) print the CLF time, {@code [...]}
   * included, at the start or the end of the request.
   */
  @Test
  void apacheBareBeginAndEndPrintTheClfTime() {
    AccessEvent e = new AccessEvent(Instant.parse("2026-01-02T03:04:05.678Z").toEpochMilli(),
        ZoneOffset.ofHours(-7), "192.0.2.1", null, null, "GET", "/", "HTTP/1.1", 200, 1, null,
        null, 2_500_000, "h", 1, "S", VisitorKind.HUMAN, null);
    String begin = "[01/Jan/2026:20:04:05 -0700]";
    String end = "[01/Jan/2026:20:04:08 -0700]";
    assertEquals(begin + " " + begin + " " + begin + " " + begin + " " + end + " " + end,
        LogFormats.apache("%t %{begin}t %{}t %{begin:}t %{end}t %{end:}t").format(e));
    LogRecord r = LogParsers.apache("%{begin}t %{end}t").parse(begin + " " + end);
    assertEquals(OffsetDateTime.parse("2026-01-01T20:04:05-07:00"), r.time());
    assertEquals(end, r.field("%{end}t"));
  }

  /**
   * nginx's {@code $time_local}, {@code $time_iso8601} and {@code $msec} print the event's
   * start, the instant Apache's {@code %t} prints, and read back as it (nothing is taken off
   * them for {@code $request_time}). nginx prints them when it writes the line, as the request
   * ends; loggen prints the start so that its lines are in time order, in the file of their
   * period and at the time of the error log and the report, as a real nginx log's are. Apache's
   * {@code %{end:...}t} is the end, and a line that prints only the end reads back as the end
   * less the response time it prints.
   */
  @Test
  void nginxPrintsTheRequestsStart() {
    AccessEvent e = new AccessEvent(Instant.parse("2026-03-14T09:26:53.589Z").toEpochMilli(),
        ZoneOffset.ofHours(1), "192.0.2.1", null, null, "GET", "/", "HTTP/1.1", 200, 1, null,
        null, 1_234_000, "h", 1, "S", VisitorKind.HUMAN, null);
    assertEquals("[14/Mar/2026:10:26:53 +0100] 2026-03-14T10:26:53+01:00 1773480413.589 1.234",
        LogFormats.nginx("[$time_local] $time_iso8601 $msec $request_time").format(e));
    assertEquals("[14/Mar/2026:10:26:53 +0100] 1773480413589 [14/Mar/2026:10:26:54 +0100]"
        + " 1773480414823",
        LogFormats.apache("%t %{msec}t %{end}t %{end:msec}t").format(e));
    // read back as printed, with $request_time on the line or not
    assertEquals(OffsetDateTime.parse("2026-03-14T09:26:53.589Z"),
        LogParsers.nginx("$msec $request_time").parse("1773480413.589 1.234").time());
    assertEquals(OffsetDateTime.parse("2026-03-14T10:26:53+01:00"),
        LogParsers.nginx("[$time_local] $request_time")
            .parse("[14/Mar/2026:10:26:53 +0100] 1.234").time());
    assertEquals(OffsetDateTime.parse("2026-03-14T10:26:53+01:00"),
        LogParsers.nginx("[$time_local] $status").parse("[14/Mar/2026:10:26:53 +0100] 200")
            .time());
    String json = "{\"t\":\"$time_iso8601\",\"ms\":$msec,\"rt\":$request_time}";
    assertEquals(OffsetDateTime.parse("2026-03-14T10:26:53.589+01:00"),
        LogParsers.nginx(json, NginxEscape.JSON)
            .parse(LogFormats.nginx(json, NginxEscape.JSON).format(e)).time());
    // Apache's end times: the end less the response time the line prints, else the end
    assertEquals(OffsetDateTime.parse("2026-03-14T09:26:53.589Z"),
        LogParsers.apache("%{end:msec}t %D").parse("1773480414823 1234000").time());
    assertEquals(OffsetDateTime.parse("2026-03-14T10:26:54+01:00"),
        LogParsers.apache("%{end}t %>s").parse("[14/Mar/2026:10:26:54 +0100] 200").time());
  }

  /**
   * The lines of a generated run in an nginx format are in time order, {@code $msec} never
   * going back from one line to the next, as in a real nginx log (nginx writes each line, with
   * the time then, as its request ends). The generator gives requests in the order they start,
   * so this holds because loggen prints the start there; the ends of overlapping requests are
   * not in that order, as {@code %{end:msec}t} of the same events shows.
   */
  @Test
  void nginxLinesOfAGeneratedRunAreInMsecOrder() {
    LogFormat nginx = LogFormats.nginx(FormatCases.NGINX_MSEC);
    LogFormat ends = LogFormats.apache("%{end:msec}t");
    Iterator<AccessEvent> it = TestEvents.generatedWithScenarios(11, "shop");
    long previous = Long.MIN_VALUE;
    long previousEnd = Long.MIN_VALUE;
    int endsBack = 0;
    int notAtStart = 0;
    for (int i = 0; i < 5000; i++) {
      AccessEvent e = it.next();
      String line = nginx.format(e);
      long msec = new BigDecimal(line.substring(0, line.indexOf(' ')))
          .movePointRight(3).longValueExact();
      assertTrue(msec >= previous, "line " + i + " goes back in time: " + line);
      if (msec != e.epochMillis()) {
        notAtStart++;
      }
      previous = msec;
      long end = Long.parseLong(ends.format(e));
      if (end < previousEnd) {
        endsBack++;
      }
      previousEnd = end;
    }
    assertEquals(0, notAtStart, "lines whose $msec is not the request's start");
    assertTrue(endsBack > 0, "no request ended before the one started before it");
  }

  /**
   * nginx's {@code $request_time} is the millisecond it writes the log less the one the request
   * started in ({@code ngx_http_log_request_time}: {@code (tp->sec - r->start_sec) * 1000 +
   * (tp->msec - r->start_msec)}), so 1,234,567 microseconds from .589567 is 1.235, the
   * difference of Apache's {@code %{end:msec}t} and {@code %{msec}t}, and {@code $msec} plus it
   * is the millisecond the request ends. Before, it printed the response time cut to 1.234.
   */
  @Test
  void nginxRequestTimeIsTheDifferenceOfTheMillisecondsPrinted() {
    AccessEvent e = new AccessEvent(Instant.parse("2026-03-14T09:26:53.589Z").toEpochMilli(),
        ZoneOffset.UTC, "192.0.2.1", null, null, "GET", "/", "HTTP/1.1", 200, 1, null, null,
        1_234_567, "h", 1, "S", VisitorKind.HUMAN, null);
    assertEquals("1773480413589567 1773480413589 1773480414824",
        LogFormats.apache("%{usec}t %{msec}t %{end:msec}t").format(e));
    assertEquals("1773480413.589 1.235", LogFormats.nginx("$msec $request_time").format(e));
    assertEquals(OffsetDateTime.parse("2026-03-14T09:26:53.589Z"), LogParsers
        .nginx("$msec $request_time").parse("1773480413.589 1.235").time());
    // no carry: the response time's whole milliseconds
    assertEquals("0.012", LogFormats.nginx("$request_time").format(new AccessEvent(
        e.epochMillis(), ZoneOffset.UTC, "192.0.2.1", null, null, "GET", "/", "HTTP/1.1", 200, 1,
        null, null, 12_400, "h", 1, "S", VisitorKind.HUMAN, null)));
  }
}
