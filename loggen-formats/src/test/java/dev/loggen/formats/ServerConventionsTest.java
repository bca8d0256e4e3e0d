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
}
