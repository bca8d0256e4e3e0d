package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.loggen.core.AccessEvent;
import dev.loggen.core.VisitorKind;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our JSON and ECS lines read by Jackson, strictly (duplicate keys and trailing tokens fail):
 * every line is one JSON object whose fields give back the event's values, with the types a
 * log pipeline maps them to (numbers as numbers, absent values as null or missing), for
 * generated traffic of every profile and for values full of quotes, controls and non-ASCII.
 */
class JsonConsumerTest {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  static Stream<Arguments> generated() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (long seed = 1; seed <= 5; seed++) {
      for (String site : new String[] {"shop", "blog", "api"}) {
        b.add(Arguments.of(seed, site));
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "seed {0} {1}")
  @MethodSource("generated")
  void generatedTrafficReadsBack(long seed, String site) throws Exception {
    Iterator<AccessEvent> it = TestEvents.generatedWithScenarios(seed, site);
    int scenarios = 0;
    for (int i = 0; i < 1_500 && it.hasNext(); i++) {
      AccessEvent e = it.next();
      String where = "seed " + seed + ", " + site + ", event " + i;
      checkFlat(e, where);
      checkEcs(e, where);
      if (e.scenario() != null) {
        scenarios++;
      }
    }
    assertTrue(scenarios > 0, "seed " + seed + " " + site + ": no scenario event");
  }

  @Test
  void hostileValuesReadBackExactly() throws Exception {
    List<AccessEvent> events = new ArrayList<>();
    for (String v : HostileContentTest.HOSTILE_VALUES) {
      // a method and a protocol are words of the request line: no spaces
      String method = "M" + v.replace(" ", "");
      String protocol = "SPDY/" + v.replace(" ", "");
      events.add(new AccessEvent(1_767_225_600_123L, ZoneOffset.ofHoursMinutes(-9, -30),
          "2001:db8::" + events.size(), null, "u" + v, "GET", "/p?q=" + v, "HTTP/1.1", 404, 0,
          "http://r/" + v, v, 10, "h.example", 9, "S" + v, VisitorKind.SCANNER, "x" + v));
      events.add(new AccessEvent(1_767_225_600_999L, ZoneOffset.ofHours(14), "10.0.0.1", null,
          null, method, "/" + v, protocol, 500, Long.MAX_VALUE, null, null,
          Long.MAX_VALUE / 1000, "h" + v, Long.MAX_VALUE, "S", VisitorKind.HUMAN, null));
    }
    for (int i = 0; i < events.size(); i++) {
      checkFlat(events.get(i), "hostile event " + i);
      checkEcs(events.get(i), "hostile event " + i);
    }
  }

  private static JsonNode read(String line, String where) throws Exception {
    assertFalse(line.contains("\n") || line.contains("\r"), where + ": one line");
    JsonNode n = JSON.readTree(line);
    assertTrue(n.isObject(), where + ": an object: " + line);
    return n;
  }

  private static void checkFlat(AccessEvent e, String where) throws Exception {
    String line = LogFormats.json().format(e);
    String at = where + ": " + abbreviate(line);
    JsonNode n = read(line, at);
    checkTime(e, n.get("time"), at);
    assertEquals(e.clientAddress(), text(n, "remote_addr"), at);
    assertEquals(e.user(), text(n, "remote_user"), at);
    assertEquals(e.method(), text(n, "request_method"), at);
    assertEquals(e.path(), text(n, "request_uri"), at);
    assertEquals(e.protocol(), text(n, "server_protocol"), at);
    assertTrue(n.get("status").isInt(), at);
    assertEquals(e.status(), n.get("status").intValue(), at);
    assertTrue(n.get("body_bytes_sent").isIntegralNumber(), at);
    assertEquals(e.bytes(), n.get("body_bytes_sent").longValue(), at);
    assertEquals(e.referrer(), text(n, "http_referer"), at);
    assertEquals(e.userAgent(), text(n, "http_user_agent"), at);
    assertTrue(n.get("request_time").isNumber(), at);
    BigDecimal seconds = BigDecimal.valueOf(e.responseTimeMicros() / 1000, 3);
    assertEquals(0, seconds.compareTo(n.get("request_time").decimalValue()),
        () -> at + ": request_time " + n.get("request_time") + ", expected " + seconds);
    assertEquals(e.host(), text(n, "host"), at);
    assertEquals(e.sessionId(), n.get("loggen_session_id").longValue(), at);
    assertEquals(e.state(), text(n, "loggen_state"), at);
    assertEquals(e.visitorKind().label(), text(n, "loggen_visitor_kind"), at);
    assertEquals(e.scenario(), text(n, "loggen_scenario"), at);
    assertEquals(16, n.size(), at);
  }

  private static void checkEcs(AccessEvent e, String where) throws Exception {
    String line = LogFormats.ecs().format(e);
    String at = where + ": " + abbreviate(line);
    JsonNode n = read(line, at);
    checkTime(e, n.get("@timestamp"), at);
    assertEquals("8.11.0", n.at("/ecs/version").textValue(), at);
    assertEquals(e.status() >= 400 ? "failure" : "success", n.at("/event/outcome").textValue(),
        at);
    assertEquals(e.responseTimeMicros() * 1000, n.at("/event/duration").longValue(), at);
    assertEquals(e.clientAddress(), n.at("/source/ip").textValue(), at);
    assertEquals(e.user(), n.at("/user/name").textValue(), at);
    String proto = e.protocol();
    assertEquals(proto.startsWith("HTTP/") ? proto.substring(5) : proto,
        n.at("/http/version").textValue(), at);
    assertEquals(e.method(), n.at("/http/request/method").textValue(), at);
    assertEquals(e.referrer(), n.at("/http/request/referrer").textValue(), at);
    assertTrue(n.at("/http/response/status_code").isInt(), at);
    assertEquals(e.status(), n.at("/http/response/status_code").intValue(), at);
    assertEquals(e.bytes(), n.at("/http/response/body/bytes").longValue(), at);
    String path = e.path();
    int q = path.indexOf('?');
    assertEquals(path, n.at("/url/original").textValue(), at);
    assertEquals(q < 0 ? path : path.substring(0, q), n.at("/url/path").textValue(), at);
    assertEquals(q < 0 ? null : path.substring(q + 1), n.at("/url/query").textValue(), at);
    assertEquals(e.host(), n.at("/url/domain").textValue(), at);
    assertEquals(e.userAgent(), n.at("/user_agent/original").textValue(), at);
    assertEquals(e.host(), n.at("/host/name").textValue(), at);
    assertEquals(Long.toString(e.sessionId()), n.at("/labels/loggen_session_id").textValue(),
        at);
    assertEquals(e.state(), n.at("/labels/loggen_state").textValue(), at);
    assertEquals(e.visitorKind().label(), n.at("/labels/loggen_visitor_kind").textValue(), at);
    assertEquals(e.scenario(), n.at("/labels/loggen_scenario").textValue(), at);
  }

  private static void checkTime(AccessEvent e, JsonNode time, String at) {
    assertTrue(time.isTextual(), at);
    OffsetDateTime t = OffsetDateTime.parse(time.textValue());
    assertEquals(e.epochMillis(), t.toInstant().toEpochMilli(), at);
    assertEquals(e.offset(), t.getOffset(), at);
  }

  /** A string field's text; null for JSON null (a missing field fails the caller's check). */
  private static @Nullable String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    assertTrue(v != null, "field " + field + " is present");
    return v.isNull() ? null : v.textValue();
  }

  private static String abbreviate(String line) {
    return line.length() > 400 ? line.substring(0, 400) + "..." : line;
  }
}
