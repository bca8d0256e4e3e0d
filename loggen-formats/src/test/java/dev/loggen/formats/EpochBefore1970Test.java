package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Epoch numbers before 1970 read back as the instant they were printed for: Apache's
 * {@code %{sec}t}, {@code %{msec}t}, {@code %{usec}t} and {@code %{%s}t} print negative numbers
 * (whole seconds and milliseconds rounded down, toward year 1), nginx's {@code $msec} prints the
 * sign and the magnitude ({@code -0.001} for one millisecond before 1970). Before: the parsers
 * refused the {@code -}, so no line written for the years 1 to 1969 could be read back.
 */
class EpochBefore1970Test {
  /** 0001-01-01T00:00:00Z, the first millisecond the formats print. */
  private static final long FIRST = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();

  /** One epoch form: the format string and the precision the record's time has. */
  private record Form(String name, LogFormat format, LogParser parser, ChronoUnit unit) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Form apache(String format, ChronoUnit unit) {
    return new Form(format, LogFormats.apache(format), LogParsers.apache(format), unit);
  }

  private static Form nginx(String format, NginxEscape escape) {
    return new Form(format + " " + escape.parameter(), LogFormats.nginx(format, escape),
        LogParsers.nginx(format, escape), ChronoUnit.MILLIS);
  }

  static Stream<Form> forms() {
    return Stream.of(
        apache("%{sec}t %>s", ChronoUnit.SECONDS),
        apache("%{msec}t %>s", ChronoUnit.MILLIS),
        apache("%{usec}t %>s", ChronoUnit.MILLIS),
        apache("%{begin:msec}t %h", ChronoUnit.MILLIS),
        apache("%{%s}t %>s", ChronoUnit.SECONDS),
        apache("[%{sec}t.%{msec_frac}t] %h", ChronoUnit.MILLIS),
        apache("%{%s}t.%{usec_frac}t %>s", ChronoUnit.MILLIS),
        apache("%h-%{msec}t-%>s", ChronoUnit.MILLIS),
        nginx("$msec $status", NginxEscape.DEFAULT),
        nginx("$remote_addr-$msec-$status", NginxEscape.DEFAULT),
        nginx("{\"msec\":$msec,\"status\":$status}", NginxEscape.JSON),
        nginx("$msec $status", NginxEscape.NONE));
  }

  /** The edges: the first millisecond of year 1, and the milliseconds around whole seconds. */
  private static LongStream edges() {
    return LongStream.of(FIRST, FIRST + 1, FIRST + 999, FIRST + 1000, -1, -999, -1000, -1001,
        -1500, -1999, -2000, -86_400_000L, -86_399_999L,
        Instant.parse("1969-12-31T23:59:59Z").toEpochMilli(),
        Instant.parse("1900-03-01T00:00:00.010Z").toEpochMilli());
  }

  /** Over many times from year 1 to 1969 (and the edges), every epoch form reads back. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("dev.loggen.formats.TimeFormatTest#seeds")
  void timesBefore1970ReadBack(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    LongStream random = LongStream.generate(() -> r.nextInt(4) == 0
        ? -r.nextLong(1, 100_000) // within a minute or two of 1970
        : r.nextLong(FIRST, 0)).limit(60);
    long[] times = LongStream.concat(edges(), random).toArray();
    forms().forEach(f -> {
      LogFormat.Renderer renderer = f.format().newRenderer();
      LineBuffer buffer = new LineBuffer();
      for (long millis : times) {
        buffer.reset();
        renderer.render(at(millis), buffer);
        String line = buffer.toString();
        String where = f + " at " + Instant.ofEpochMilli(millis) + ": " + line;
        LogRecord back = f.parser().parse(line);
        assertNotNull(back.time(), where);
        assertEquals(Instant.ofEpochMilli(millis).truncatedTo(f.unit()),
            back.time().toInstant().truncatedTo(ChronoUnit.MILLIS), where);
      }
    });
  }

  /** The printed texts at the edges, and the instants they read back as. */
  @Test
  void edgeTextsMeanTheInstantsTheyWerePrintedFor() {
    LogParser msec = LogParsers.nginx("$msec");
    assertEquals("-0.001", LogFormats.nginx("$msec").format(at(-1)));
    assertEquals(Instant.ofEpochMilli(-1), msec.parse("-0.001").time().toInstant());
    assertEquals("-1.000", LogFormats.nginx("$msec").format(at(-1000)));
    assertEquals(Instant.ofEpochMilli(-1000), msec.parse("-1.000").time().toInstant());
    // the sub-second part of a negative $msec adds to the magnitude: -1.500 is not -0.5
    assertEquals("-1.500", LogFormats.nginx("$msec").format(at(-1500)));
    assertEquals(Instant.ofEpochMilli(-1500), msec.parse("-1.500").time().toInstant());
    assertEquals("-62135596800.000", LogFormats.nginx("$msec").format(at(FIRST)));
    assertEquals(Instant.ofEpochMilli(FIRST), msec.parse("-62135596800.000").time().toInstant());

    // Apache rounds down: a millisecond before 1970 is second -1, and 999 milliseconds into it
    AccessEvent justBefore = at(-1);
    String printed = LogFormats.apache("%{sec}t %{msec}t %{msec_frac}t").format(justBefore);
    assertEquals("-1 -1 999", printed);
    // the whole second -1 and the 999 milliseconds above it: the instant printed
    assertEquals(Instant.ofEpochMilli(-1),
        LogParsers.apache("%{sec}t %{msec}t %{msec_frac}t").parse(printed).time().toInstant());
    assertEquals(Instant.ofEpochMilli(-1),
        LogParsers.apache("%{msec}t").parse("-1").time().toInstant());
    assertEquals(Instant.ofEpochMilli(-1).plusNanos(1000),
        LogParsers.apache("%{usec}t").parse("-999").time().toInstant());
    assertEquals(Instant.ofEpochSecond(-62_135_596_800L),
        LogParsers.apache("%{sec}t").parse("-62135596800").time().toInstant());
    assertEquals(Instant.ofEpochSecond(-62_135_596_800L),
        LogParsers.apache("%{%s}t").parse("-62135596800").time().toInstant());
  }

  /** The sign belongs to epoch times only; a lone sign or a negative size is still refused. */
  @Test
  void onlyEpochTimesTakeASign() {
    assertEquals("a number for %{sec}t",
        assertThrowsParse(LogParsers.apache("%{sec}t"), "-").expected());
    assertEquals("a number for %D", assertThrowsParse(LogParsers.apache("%D"), "-5").expected());
    assertEquals("seconds such as 0.123 for $request_time",
        assertThrowsParse(LogParsers.nginx("$request_time"), "-0.001").expected());
    assertEquals("a number from -9223372036854775807 to 9223372036854775807 for %{msec}t"
        + " (\"-9223372036854775808\" is too large)",
        assertThrowsParse(LogParsers.apache("%{msec}t"), "-9223372036854775808").expected());
  }

  private static LogParseException assertThrowsParse(LogParser p, String line) {
    return assertThrows(LogParseException.class, () -> p.parse(line), line);
  }

  private static AccessEvent at(long millis) {
    return TimeFormatTest.at(millis, ZoneOffset.UTC);
  }
}
