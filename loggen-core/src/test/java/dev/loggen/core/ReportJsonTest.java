package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The report's JSON, alone and after fields that describe the run. */
class ReportJsonTest {
  private static Report report() {
    LogGenerator g = LogGenerator.builder().seed(3).site(Sites.shop())
        .window(Instant.parse("2026-01-01T00:00:00Z"), java.time.Duration.ofMinutes(2))
        .build();
    Report.Builder b = Report.builder();
    g.events().forEach(b::event);
    return b.build();
  }

  @Test
  void headerFieldsComeFirstAndStringsAreEscaped() {
    Report r = report();
    Map<String, @Nullable Object> header = new LinkedHashMap<>();
    header.put("seed", 3L);
    header.put("site", "my \"shop\"\\x\n");
    header.put("end", null);
    header.put("live", false);
    header.put("start", Instant.parse("2026-01-01T00:00:00Z"));
    String json = r.toJson(header);
    String prefix = "{\"seed\":3,\"site\":\"my \\\"shop\\\"\\\\x\\u000a\",\"end\":null,"
        + "\"live\":false,\"start\":\"2026-01-01T00:00:00Z\",";
    assertTrue(json.startsWith(prefix), json);
    // the rest is the report's own object, unchanged
    assertEquals(r.toJson().substring(1), json.substring(prefix.length()));
    assertTrue(r.toJson().startsWith("{\"lines\":" + r.lines() + ","), r.toJson());
  }

  @Test
  void jsonFieldsListsWhatToJsonWritesInOrder() {
    String json = report().toJson();
    int at = 0;
    for (String field : Report.JSON_FIELDS) {
      int next = json.indexOf("\"" + field + "\":", at);
      assertTrue(next >= at, field + " after the fields before it in " + json);
      at = next;
    }
  }

  @Test
  void aHeaderThatWouldMakeInvalidJsonIsRefusedByName() {
    // Before: NaN was written as NaN, and a header "lines" gave the object two "lines" keys.
    Report r = report();
    assertEquals("header field 'rate' is NaN: expected a finite number (JSON has no NaN or"
        + " infinity)", assertThrows(IllegalArgumentException.class,
            () -> r.toJson(Map.of("rate", Double.NaN))).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> r.toJson(Map.of("rate", Float.POSITIVE_INFINITY)));
    assertEquals("header field 'lines' is one of the report's own: expected a name other than "
        + Report.JSON_FIELDS, assertThrows(IllegalArgumentException.class,
            () -> r.toJson(Map.of("lines", 3))).getMessage());
  }

  @Test
  void aNullEventOrSessionLeavesTheBuilderAsItWas() {
    // Before: event(null) counted a line, then failed reading its time.
    Report.Builder b = Report.builder();
    assertEquals("e", assertThrows(NullPointerException.class, () -> b.event(null))
        .getMessage());
    assertEquals("s", assertThrows(NullPointerException.class, () -> b.session(null))
        .getMessage());
    assertEquals(0, b.build().lines());
  }
}
