package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

  /**
   * Only Double and Float were checked: a DoubleAdder holding NaN was written as {@code NaN}.
   * Every number that is not integral (or a BigDecimal) is checked through doubleValue(); the
   * integral ones are written exactly.
   */
  @Test
  void aHeaderNumberOfAnyTypeThatIsNotFiniteIsRefused() {
    Report r = report();
    java.util.concurrent.atomic.DoubleAdder nan = new java.util.concurrent.atomic.DoubleAdder();
    nan.add(Double.NaN);
    assertEquals("header field 'rate' is NaN: expected a finite number (JSON has no NaN or"
        + " infinity)", assertThrows(IllegalArgumentException.class,
            () -> r.toJson(Map.of("rate", nan))).getMessage());
    java.util.concurrent.atomic.DoubleAdder ok = new java.util.concurrent.atomic.DoubleAdder();
    ok.add(2.5);
    assertTrue(r.toJson(Map.of("rate", ok)).startsWith("{\"rate\":2.5,"));
    assertTrue(r.toJson(Map.of("seed", Long.MAX_VALUE))
        .startsWith("{\"seed\":9223372036854775807,"));
    assertTrue(r.toJson(Map.of("big", new java.math.BigInteger("123456789012345678901234567890")))
        .startsWith("{\"big\":123456789012345678901234567890,"));
    assertTrue(r.toJson(Map.of("d", new java.math.BigDecimal("1E+400")))
        .startsWith("{\"d\":1E+400,"));
  }

  @Test
  void aSummaryOfNumbersJsonCannotHoldIsRefusedByName() {
    // Before: accepted, and toJson wrote "mean":NaN or "p90":Infinity, which is not JSON.
    assertEquals("summary mean is NaN: expected a finite number (JSON has no NaN or infinity)",
        assertThrows(IllegalArgumentException.class,
            () -> new Report.Summary(1, Double.NaN, 1, 1, 1)).getMessage());
    assertEquals("summary median is -Infinity: expected a finite number (JSON has no NaN or"
        + " infinity)", assertThrows(IllegalArgumentException.class,
            () -> new Report.Summary(1, 1, Double.NEGATIVE_INFINITY, 1, 1)).getMessage());
    assertEquals("summary p90 is Infinity: expected a finite number (JSON has no NaN or"
        + " infinity)", assertThrows(IllegalArgumentException.class,
            () -> new Report.Summary(1, 1, 1, Double.POSITIVE_INFINITY, 1)).getMessage());
    assertEquals("summary max is NaN: expected a finite number (JSON has no NaN or infinity)",
        assertThrows(IllegalArgumentException.class,
            () -> new Report.Summary(1, 1, 1, 1, Double.NaN)).getMessage());
    Report.Summary extreme = new Report.Summary(2, Double.MAX_VALUE, -0.0, Double.MIN_VALUE, 0);
    String json = hand(Map.of(200, 1L), Map.of(), List.of(), extreme).toJson();
    assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
  }

  @Test
  void aHandBuiltReportWithNullsIsRefusedNamingTheComponent() {
    // Before: bare NullPointerExceptions from TreeMap's comparison or List.copyOf, and a null
    // count was kept, to fail in statusClass() or be written as null.
    Map<Integer, Long> nullCode = new HashMap<>();
    nullCode.put(null, 3L);
    assertEquals("statusCodes must map each key to a count, neither null (got null=3)",
        npe(() -> hand(nullCode, Map.of(), List.of(), Report.Summary.EMPTY)));
    Map<Integer, Long> nullCount = new HashMap<>();
    nullCount.put(404, null);
    assertEquals("statusCodes must map each key to a count, neither null (got 404=null)",
        npe(() -> hand(nullCount, Map.of(), List.of(), Report.Summary.EMPTY)));
    Map<String, Long> nullKind = new HashMap<>();
    nullKind.put(null, 1L);
    assertEquals("visitorKinds must map each key to a count, neither null (got null=1)",
        npe(() -> hand(Map.of(), nullKind, List.of(), Report.Summary.EMPTY)));
    List<Map.Entry<String, Long>> pages = new ArrayList<>();
    pages.add(Map.entry("/a", 2L));
    pages.add(new AbstractMap.SimpleEntry<>(null, 1L));
    assertEquals("topPages[1] must be a path and its count, neither null (got null=1)",
        npe(() -> hand(Map.of(), Map.of(), pages, Report.Summary.EMPTY)));
    pages.set(1, new AbstractMap.SimpleEntry<>("/b", null));
    assertEquals("topPages[1] must be a path and its count, neither null (got /b=null)",
        npe(() -> hand(Map.of(), Map.of(), pages, Report.Summary.EMPTY)));
    pages.set(1, null);
    assertEquals("topPages[1] must be a path and its count, neither null (got null)",
        npe(() -> hand(Map.of(), Map.of(), pages, Report.Summary.EMPTY)));
    assertEquals("statusCodes",
        npe(() -> hand(null, Map.of(), List.of(), Report.Summary.EMPTY)));
    assertEquals("header", npe(() -> report().toJson(null)));
  }

  @Test
  void aHandBuiltReportKeepsItsOwnCopyOfTheTopPages() {
    Map.Entry<String, Long> page = new AbstractMap.SimpleEntry<>("/a", 2L);
    Report r = hand(Map.of(200, 2L), Map.of(), List.of(page), Report.Summary.EMPTY);
    page.setValue(7L);
    assertEquals(List.of(Map.entry("/a", 2L)), r.topPages());
    assertTrue(r.toJson().endsWith("\"topPages\":[{\"path\":\"/a\",\"requests\":2}]}"),
        r.toJson());
  }

  private static Report hand(@Nullable Map<Integer, Long> statusCodes,
      Map<String, Long> visitorKinds, List<Map.Entry<String, Long>> topPages,
      Report.Summary summary) {
    return new Report(2, 0, 10, statusCodes, visitorKinds, Map.of(), 1, Map.of("END", 1L),
        summary, summary, summary, topPages, 0, 1);
  }

  private static String npe(Runnable r) {
    return assertThrows(NullPointerException.class, r::run).getMessage();
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
