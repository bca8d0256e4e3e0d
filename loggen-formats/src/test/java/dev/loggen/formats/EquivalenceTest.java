package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in Common and Combined formats are the Apache strings they stand for, byte for
 * byte; nginx's combined gives the same line for events nginx and Apache print alike (loggen
 * prints nginx's {@code $time_local} at the request's start, as Combined's {@code %t}).
 */
class EquivalenceTest {
  static final LogFormat APACHE_COMBINED = LogFormats.apache(
      "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-agent}i\"");
  static final LogFormat APACHE_COMBINED_ESCAPED = LogFormats.apache(FormatCases.APACHE_COMBINED);
  static final LogFormat APACHE_COMMON = LogFormats.apache("%h %l %u %t \\\"%r\\\" %>s %b");
  static final LogFormat NGINX_COMBINED = LogFormats.nginx(FormatCases.NGINX_COMBINED);

  static java.util.stream.Stream<Long> seeds() {
    return TestEvents.seedStream(100);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void builtInsEqualTheirApacheStrings(long seed) {
    for (AccessEvent e : TestEvents.events(seed, 40)) {
      String combined = LogFormats.combined().format(e);
      assertEquals(combined, APACHE_COMBINED.format(e), "seed " + seed);
      assertEquals(combined, APACHE_COMBINED_ESCAPED.format(e), "seed " + seed);
      assertEquals(combined, LogFormats.apache("combined").format(e), "seed " + seed);
      String common = LogFormats.common().format(e);
      assertEquals(common, APACHE_COMMON.format(e), "seed " + seed);
      assertEquals(common, LogFormats.apache("common").format(e), "seed " + seed);
    }
  }

  /**
   * nginx and Apache differ only where their conventions differ: nginx prints no ident (a
   * literal {@code -}), prints an empty body as {@code 0} where Apache's {@code %b} prints
   * {@code -}, and escapes differently. Events without those differences print alike.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void nginxCombinedEqualsCombinedWhereTheyAgree(long seed) {
    List<AccessEvent> events = TestEvents.events(seed, 60);
    int compared = 0;
    for (AccessEvent e : events) {
      AccessEvent ev = e.bytes() == 0 ? e.withStatus(e.status(), 1) : e;
      if (ev.ident() != null || ev.user() == null) {
        continue;
      }
      assertEquals(LogFormats.combined().format(ev), NGINX_COMBINED.format(ev), "seed " + seed);
      compared++;
    }
    assertTrue(compared > 0, "seed " + seed + " gave no event with a user");
  }
}
