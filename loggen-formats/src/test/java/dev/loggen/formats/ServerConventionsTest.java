package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loggen.core.AccessEvent;
import org.junit.jupiter.api.Test;

/** Values printed as httpd's mod_log_config and nginx's log module print them. */
class ServerConventionsTest {
  static final AccessEvent BASE = HostileContentTest.BASE;

  /**
   * httpd logs {@code %{Content-Type}o} from {@code r->content_type} through
   * {@code ap_field_noparam}, without parameters; nginx's {@code $sent_http_content_type} is
   * the header as sent, parameters included. Before, Apache printed the parameters too.
   */
  @Test
  void apacheLogsTheContentTypeWithoutParametersNginxAsSent() {
    String apache = "%{Content-Type}o|%{content-type}o";
    String nginx = "$sent_http_content_type";
    AccessEvent page = BASE.withPath("/about?x=1");
    for (Object[] c : new Object[][] {
        {page, "text/html", "text/html; charset=UTF-8"},
        {page.withStatus(404, 10), "text/html", "text/html; charset=iso-8859-1"},
        {BASE.withPath("/site.css"), "text/css", "text/css"},
        {BASE.withStatus(304, 0), "-", "-"}}) {
      AccessEvent e = (AccessEvent) c[0];
      assertEquals(c[1] + "|" + c[1], LogFormats.apache(apache).format(e), e.path());
      assertEquals(c[2], LogFormats.nginx(nginx).format(e), e.path());
    }
    assertEquals("text/html", LogParsers.apache(apache).parse("text/html|text/html")
        .field("%{Content-Type}o"));
  }

  /**
   * httpd compares the arguments of {@code %p}, {@code %P} and {@code %T} with
   * {@code strcasecmp}, so {@code %{MS}T}, {@code %{Remote}p} and {@code %{PID}P} are
   * {@code %{ms}T}, {@code %{remote}p} and {@code %{pid}P}; before, they were refused.
   */
  @Test
  void apacheArgumentsOfPortPidAndDurationAreCaseInsensitive() {
    for (String[] same : new String[][] {
        {"%{MS}T %{Us}T %{S}T", "%{ms}T %{us}T %{s}T"},
        {"%{Remote}p %{LOCAL}p %{Canonical}p", "%{remote}p %{local}p %{canonical}p"},
        {"%{PID}P %{Tid}P %{HEXTID}P", "%{pid}P %{tid}P %{hextid}P"}}) {
      assertEquals(LogFormats.apache(same[1]).format(BASE), LogFormats.apache(same[0])
          .format(BASE), same[0]);
      assertEquals(LogParsers.apache(same[1]).parse(LogFormats.apache(same[1]).format(BASE))
          .responseTimeMicros(), LogParsers.apache(same[0])
          .parse(LogFormats.apache(same[0]).format(BASE)).responseTimeMicros(), same[0]);
    }
  }

  /**
   * httpd's {@code parse_log_item} toggles the condition's sense at each {@code !}:
   * {@code %!!200s} is {@code %200s}, which prints the status for a 200; before, a second
   * {@code !} kept it negated and it printed {@code -}.
   */
  @Test
  void apacheNegationToggles() {
    AccessEvent missing = BASE.withStatus(404, 10);
    assertEquals("200 - 200", LogFormats.apache("%!!200s %!200s %200s").format(BASE));
    assertEquals("- 404 -", LogFormats.apache("%!!200s %!200s %200s").format(missing));
    assertEquals("- 200", LogFormats.apache("%!!!200s %!!!!200s").format(BASE),
        "three toggles negate, four do not");
  }
}
