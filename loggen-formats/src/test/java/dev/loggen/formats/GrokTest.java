package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogFormat;
import io.krakens.grok.api.Grok;
import io.krakens.grok.api.GrokCompiler;
import io.krakens.grok.api.Match;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Logstash's grok patterns, the usual first step of an ELK or SIEM pipeline for web logs, read
 * our lines: {@code COMBINEDAPACHELOG} and {@code COMMONAPACHELOG} (as java-grok ships them)
 * match every generated line and capture the event's values.
 */
class GrokTest {
  private static final DateTimeFormatter HTTPDATE =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  @ParameterizedTest(name = "{0} {1} seed {2}")
  @CsvSource({"COMBINEDAPACHELOG, shop, 1", "COMBINEDAPACHELOG, blog, 2",
      "COMBINEDAPACHELOG, api, 3", "COMMONAPACHELOG, shop, 4"})
  void everyLineMatchesAndCapturesTheEvent(String pattern, String site, long seed) {
    GrokCompiler compiler = GrokCompiler.newInstance();
    compiler.registerDefaultPatterns();
    Grok grok = compiler.compile("^%{" + pattern + "}$");
    boolean combined = pattern.startsWith("COMBINED");
    LogFormat format = combined ? LogFormats.combined() : LogFormats.common();
    Iterator<AccessEvent> it = TestEvents.generatedWithScenarios(seed, site);
    for (int i = 0; i < 2_000; i++) {
      AccessEvent e = it.next();
      String line = format.format(e);
      String where = pattern + ", " + site + ", seed " + seed + ", line " + i + ": " + line;
      Match m = grok.match(line);
      Map<String, Object> c = m.capture();
      assertFalse(c.isEmpty(), "no match: " + where);
      assertEquals(e.clientAddress(), c.get("clientip"), where);
      assertEquals("-", c.get("ident"), where);
      assertEquals(orDash(e.user()), c.get("auth"), where);
      assertEquals(e.epochMillis() / 1000,
          ZonedDateTime.parse((String) c.get("timestamp"), HTTPDATE).toEpochSecond(), where);
      assertEquals(e.method(), c.get("verb"), where);
      // grok captures the text as written, with Apache's escapes (a scanner's \\ in a path)
      assertEquals(apacheEscaped(e.path()), c.get("request"), where);
      assertEquals(e.protocol(), "HTTP/" + c.get("httpversion"), where);
      assertEquals(Integer.toString(e.status()), c.get("response"), where);
      assertEquals(e.bytes() == 0 ? null : Long.toString(e.bytes()), c.get("bytes"), where);
      if (combined) {
        // java-grok gives a quoted string (QS) without its quotes
        assertEquals(apacheEscaped(orDash(e.referrer())), c.get("referrer"), where);
        assertEquals(apacheEscaped(orDash(e.userAgent())), c.get("agent"), where);
      }
    }
  }

  private static String orDash(@Nullable String s) {
    return s == null ? "-" : s;
  }

  /** Apache's ap_escape_logitem, written out independently of the renderer. */
  private static String apacheEscaped(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int v = x & 0xFF;
      switch (v) {
        case '"', '\\' -> b.append('\\').append((char) v);
        case '\b' -> b.append("\\b");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case 0x0B -> b.append("\\v");
        default -> b.append(v < 0x20 || v >= 0x7F
            ? String.format(Locale.ROOT, "\\x%02x", v) : String.valueOf((char) v));
      }
    }
    return b.toString();
  }
}
