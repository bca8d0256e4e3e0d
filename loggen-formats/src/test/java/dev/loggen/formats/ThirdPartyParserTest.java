package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogFormat;
import java.util.HashMap;
import java.util.Iterator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.stream.Stream;
import nl.basjes.parse.core.Parser;
import nl.basjes.parse.core.exceptions.DissectionFailure;
import nl.basjes.parse.httpdlog.HttpdLoglineParser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our lines read by a parser we did not write: Niels Basjes' logparser (the Apache httpd and
 * nginx access-log parser behind Hive, Flink and Drill integrations), given the same format
 * string the line was rendered with. Generated traffic of every profile, with scenario traffic
 * (an outage, credential stuffing) mixed in, must parse line by line into the event's values.
 */
class ThirdPartyParserTest {
  private static final String COMBINED = "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" "
      + "\"%{User-agent}i\"";
  private static final String APACHE_VHOST = COMBINED + " %D %v";
  private static final String NGINX = "$remote_addr - $remote_user [$time_local] \"$request\" "
      + "$status $body_bytes_sent \"$http_referer\" \"$http_user_agent\" $request_time $host";

  /** Collects what the parser extracts, by path. */
  public static final class Fields {
    private final Map<String, @Nullable String> values = new HashMap<>();

    /**
     * Called by the parser for every requested path.
     *
     * @param path the field's path, e.g. {@code IP:connection.client.host}
     * @param value its text, or null when the line holds {@code -}
     */
    public void set(String path, @Nullable String value) {
      values.put(path, value);
    }

    @Nullable String get(String path) {
      return values.get(path);
    }
  }

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    String[] sites = {"shop", "blog", "api"};
    for (long seed = 1; seed <= 6; seed++) {
      for (String site : sites) {
        b.add(Arguments.of("combined", seed, site));
        b.add(Arguments.of("common", seed, site));
        b.add(Arguments.of("apache-vhost", seed, site));
        b.add(Arguments.of("nginx", seed, site));
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} seed {1} {2}")
  @MethodSource("cases")
  void everyLineParsesIntoTheEventsValues(String format, long seed, String siteName)
      throws Exception {
    boolean common = format.equals("common");
    boolean nginx = format.equals("nginx");
    LogFormat ours = switch (format) {
      case "combined" -> LogFormats.combined();
      case "common" -> LogFormats.common();
      case "apache-vhost" -> LogFormats.apache(APACHE_VHOST);
      default -> LogFormats.nginx(NGINX);
    };
    String theirFormat = switch (format) {
      case "combined" -> "combined";
      case "common" -> "common";
      case "apache-vhost" -> APACHE_VHOST;
      default -> NGINX;
    };
    Parser<Fields> parser = new HttpdLoglineParser<>(Fields.class, theirFormat);
    List<String> paths = new java.util.ArrayList<>(List.of(
        "IP:connection.client.host", "STRING:connection.client.user",
        "TIME.EPOCH:request.receive.time.epoch", "HTTP.METHOD:request.firstline.method",
        "HTTP.URI:request.firstline.uri", "HTTP.PROTOCOL_VERSION:request.firstline.protocol",
        "STRING:request.status.last", nginx ? "BYTES:response.body.bytes"
            : "BYTESCLF:response.body.bytes"));
    if (!common) {
      paths.add("HTTP.URI:request.referer");
      paths.add("HTTP.USERAGENT:request.user-agent");
    }
    if (format.equals("apache-vhost")) {
      paths.add("MICROSECONDS:response.server.processing.time");
      paths.add("STRING:connection.server.name.canonical");
    }
    if (nginx) {
      paths.add("MILLISECONDS:response.server.processing.time");
      paths.add("STRING:connection.server.name");
    }
    parser.addParseTarget(Fields.class.getMethod("set", String.class, String.class), paths);

    Iterator<AccessEvent> events = TestEvents.generatedWithScenarios(seed, siteName);
    int checked = 0;
    int scenario = 0;
    for (int i = 0; i < 2_000 && events.hasNext(); i++) {
      AccessEvent e = events.next();
      String line = ours.format(e);
      String where = format + ", seed " + seed + ", " + siteName + ", line " + i + ": " + line;
      Fields f = parser.parse(new Fields(), line);
      assertEquals(e.clientAddress(), f.get("IP:connection.client.host"), where);
      assertEquals(e.user(), f.get("STRING:connection.client.user"), where);
      assertEquals(Long.toString(e.epochMillis() / 1000 * 1000),
          f.get("TIME.EPOCH:request.receive.time.epoch"), where);
      assertEquals(e.method(), f.get("HTTP.METHOD:request.firstline.method"), where);
      // The parser reads Apache's backslash escapes back, but leaves nginx's \xHH as written.
      String path = nginx ? nginxEscaped(e.path()) : e.path();
      assertEquals(path, f.get("HTTP.URI:request.firstline.uri"), where);
      assertEquals(e.protocol(), f.get("HTTP.PROTOCOL_VERSION:request.firstline.protocol"),
          where);
      assertEquals(Integer.toString(e.status()), f.get("STRING:request.status.last"), where);
      String bytes = nginx ? f.get("BYTES:response.body.bytes")
          : f.get("BYTESCLF:response.body.bytes");
      assertEquals(e.bytes() == 0 && !nginx ? null : Long.toString(e.bytes()), bytes, where);
      if (!common) {
        assertEquals(e.referrer(), f.get("HTTP.URI:request.referer"), where);
        assertEquals(e.userAgent(), f.get("HTTP.USERAGENT:request.user-agent"), where);
      }
      if (format.equals("apache-vhost")) {
        assertEquals(Long.toString(e.responseTimeMicros()),
            f.get("MICROSECONDS:response.server.processing.time"), where);
        assertEquals(e.host(), f.get("STRING:connection.server.name.canonical"), where);
      }
      if (nginx) {
        // $request_time: the end's millisecond less the start's, as nginx computes it
        assertEquals(Long.toString(RoundTripTest.endMillis(e) - e.epochMillis()),
            f.get("MILLISECONDS:response.server.processing.time"), where);
        assertEquals(e.host(), f.get("STRING:connection.server.name"), where);
      }
      checked++;
      if (e.scenario() != null) {
        scenario++;
      }
    }
    assertTrue(checked >= 500, format + " seed " + seed + ": only " + checked + " lines");
    assertTrue(scenario > 0, format + " seed " + seed + ": no scenario line among " + checked);
  }

  /**
   * The other direction: our Combined parser and theirs read the real 2015 log (10,000 lines a
   * server wrote) the same way, line by line: the same lines accepted, the same values.
   */
  @Test
  void ourParserAgreesWithTheirsOnTheRealLog() throws Exception {
    Path file = RealLogTest.locate();
    Assumptions.assumeTrue(file != null, "the real log is not next to the repository");
    Parser<Fields> theirs = new HttpdLoglineParser<>(Fields.class, "combined");
    theirs.addParseTarget(Fields.class.getMethod("set", String.class, String.class), List.of(
        "IP:connection.client.host", "STRING:connection.client.user",
        "TIME.EPOCH:request.receive.time.epoch", "HTTP.METHOD:request.firstline.method",
        "HTTP.URI:request.firstline.uri", "HTTP.PROTOCOL_VERSION:request.firstline.protocol",
        "STRING:request.status.last", "BYTESCLF:response.body.bytes",
        "HTTP.URI:request.referer", "HTTP.USERAGENT:request.user-agent"));
    LogParser ours = LogParsers.combined();
    List<String> lines = Files.readAllLines(file);
    int agreed = 0;
    int rejectedByBoth = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String where = "line " + (i + 1) + ": " + line;
      LogRecord r;
      try {
        r = ours.parseLine(line, i + 1);
      } catch (LogParseException e) {
        r = null;
      }
      Fields f;
      try {
        f = theirs.parse(new Fields(), line);
      } catch (DissectionFailure e) {
        f = null;
      }
      if (r == null || f == null) {
        assertEquals(r == null, f == null, "one parser accepted " + where);
        rejectedByBoth++;
        continue;
      }
      assertEquals(r.clientAddress(), f.get("IP:connection.client.host"), where);
      assertEquals(r.user(), f.get("STRING:connection.client.user"), where);
      assertEquals(Long.toString(Objects.requireNonNull(r.time()).toInstant().toEpochMilli()),
          f.get("TIME.EPOCH:request.receive.time.epoch"), where);
      assertEquals(r.method(), f.get("HTTP.METHOD:request.firstline.method"), where);
      assertEquals(r.path(), f.get("HTTP.URI:request.firstline.uri"), where);
      assertEquals(r.protocol(), f.get("HTTP.PROTOCOL_VERSION:request.firstline.protocol"),
          where);
      assertEquals(String.valueOf(r.status()), f.get("STRING:request.status.last"), where);
      String bytes = f.get("BYTESCLF:response.body.bytes");
      assertEquals(r.bytes(), bytes == null ? Long.valueOf(0) : Long.valueOf(bytes), where);
      assertEquals(r.referrer(), f.get("HTTP.URI:request.referer"), where);
      assertEquals(r.userAgent(), f.get("HTTP.USERAGENT:request.user-agent"), where);
      agreed++;
    }
    assertEquals(10_000, lines.size());
    assertEquals(1, rejectedByBoth, "only the truncated line is rejected");
    assertEquals(9_999, agreed);
  }

  /** nginx's default log escaping: {@code "}, {@code \}, controls and non-ASCII as \xHH. */
  private static String nginxEscaped(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int v = b & 0xFF;
      if (v < 0x20 || v >= 0x7F || v == '"' || v == '\\') {
        sb.append(String.format(java.util.Locale.ROOT, "\\x%02X", v));
      } else {
        sb.append((char) v);
      }
    }
    return sb.toString();
  }
}
