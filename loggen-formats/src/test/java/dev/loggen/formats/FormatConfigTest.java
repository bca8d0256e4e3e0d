package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogFormat;
import dev.loggen.core.config.ConfigError;
import dev.loggen.core.config.ConfigException;
import dev.loggen.core.config.ConfigNode;
import dev.loggen.core.config.YamlConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The format binder: names, format strings, mappings, and located errors. */
class FormatConfigTest {
  private static final AccessEvent EVENT = TestEvents.events(42, 1).get(0);

  private static FormatSettings read(String yaml) {
    ConfigNode root = YamlConfig.parse(yaml, "f.yaml");
    FormatSettings s = FormatConfig.read(root);
    root.reportUnknownKeys();
    root.diagnostics().throwIfErrors();
    return s;
  }

  private static List<String> errors(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> read(yaml));
    return e.errors().stream().map(ConfigError::toString).toList();
  }

  private static String line(LogFormat f) {
    return f.format(EVENT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"common", "combined", "json", "ecs"})
  void namesGiveTheNamedFormats(String name) {
    FormatSettings s = read("format: " + name);
    assertEquals(line(LogFormats.named(name)), line(s.formatOrDefault()));
    assertEquals(ErrorFormat.APACHE, s.errorFormatOrDefault());
  }

  @Test
  void absentKeysGiveNullsAndDefaults() {
    FormatSettings s = read("{}");
    assertNull(s.format());
    assertNull(s.errorFormat());
    assertEquals(line(LogFormats.combined()), line(s.formatOrDefault()));
    assertEquals(ErrorFormat.APACHE, s.errorFormatOrDefault());
  }

  @Test
  void scalarFormatStringsAreDetected() {
    FormatSettings apache = read("format: '%h %>s %b'");
    assertEquals(line(LogFormats.apache("%h %>s %b")), line(apache.formatOrDefault()));
    FormatSettings nginx = read("format: '$remote_addr $status'");
    assertEquals(line(LogFormats.nginx("$remote_addr $status")), line(nginx.formatOrDefault()));
    assertEquals(ErrorFormat.NGINX, nginx.errorFormatOrDefault(), "nginx goes with nginx");
  }

  @Test
  void mappingsGiveServerAndEscape() {
    String f = "{\"ua\":\"$http_user_agent\",\"u\":\"$remote_user\"}";
    FormatSettings s = read("format: {nginx: '" + f + "', escape: json}\nerrorFormat: none");
    assertEquals(line(LogFormats.nginx(f, NginxEscape.JSON)), line(s.formatOrDefault()));
    assertEquals(ErrorFormat.NONE, s.errorFormat());
    FormatSettings a = read("format: {apache: '%h %u'}\nerrorFormat: nginx");
    assertEquals(line(LogFormats.apache("%h %u")), line(a.formatOrDefault()));
    assertEquals(ErrorFormat.NGINX, a.errorFormat());
  }

  @Test
  void badDirectiveIsLocatedWithTheFormatsMessage() {
    assertEquals(List.of("f.yaml:2:9: format: invalid Apache LogFormat \"%h %Z\": unknown"
        + " directive '%Z' at position 4"), errors("# a comment\nformat: '%h %Z'"));
    assertEquals(List.of("f.yaml:1:17: format.nginx: invalid nginx log_format \"$remote_adr\":"
        + " unknown variable '$remote_adr' at position 1"),
        errors("format: {nginx: '$remote_adr'}").stream()
            .map(s -> s.replaceAll(" \\(did you mean.*\\)$", "")).toList());
  }

  @Test
  void aFormatStringOfTextAloneIsRefused() {
    // nginx's predefined name is no log_format string: every line would read "combined"
    assertEquals(List.of("f.yaml:1:17: format.nginx: invalid nginx log_format \"combined\": it"
        + " has no variable, so every line would be the same text (for the combined format,"
        + " write format: combined)"), errors("format: {nginx: combined}"));
    assertEquals(List.of("f.yaml:1:18: format.apache: invalid Apache LogFormat \"json\": it has"
        + " no directive, so every line would be the same text (for the json format, write"
        + " format: json)"), errors("format: {apache: json}"));
    assertEquals(List.of("f.yaml:1:9: format: invalid Apache LogFormat \"100%% up\": it has no"
        + " directive, so every line would be the same text"), errors("format: '100%% up'"));
    // Apache's nicknames are formats of that server, and a literal % beside a directive is fine
    assertEquals(line(LogFormats.combined()),
        line(read("format: {apache: combined}").formatOrDefault()));
    assertEquals(line(LogFormats.apache("%h 100%%")),
        line(read("format: {apache: '%h 100%%'}").formatOrDefault()));
  }

  @Test
  void otherMistakesAreLocated() {
    assertEquals(List.of("f.yaml:1:9: format: unknown format 'combind': expected common,"
        + " combined, json, ecs, an Apache LogFormat string (with % directives, e.g. '%h %l %u"
        + " %t \"%r\" %>s %b') or an nginx log_format string (with $variables, e.g."
        + " '$remote_addr [$time_local] \"$request\" $status')"), errors("format: combind"));
    assertEquals(List.of("f.yaml:1:14: errorFormat: expected one of apache, nginx, none (got"
        + " 'apach'): did you mean 'apache'?"), errors("errorFormat: apach"));
    assertEquals(List.of("f.yaml:1:9: format: expected exactly one of 'apache' or 'nginx' (a"
        + " format string of that server)"), errors("format: {apache: '%h', nginx: '$status'}"));
    assertEquals(List.of("f.yaml:1:24: format.escape: 'escape' applies to nginx formats only"),
        errors("format: {apache: '%h', escape: json}"));
    assertEquals(List.of("f.yaml:1:36: format.escape: expected one of default, json, none (got"
        + " 'jsn'): did you mean 'json'?"), errors("format: {nginx: '$status', escape: jsn}"));
    assertEquals(List.of("f.yaml:1:1: formt: unknown key 'formt': did you mean 'format'?"),
        errors("formt: combined"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "apache-error|'apache-error' is an error-log format",
      "\"\"|format must not be empty",
      "plain words|unknown format 'plain words'"})
  void parseRejects(String spec, String start) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FormatConfig.parse(spec));
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
  }

  @Test
  void parseAcceptsApacheNicknamesAndIgnoresCaseOfNames() {
    assertEquals(line(LogFormats.apache("vhost_combined")),
        line(FormatConfig.parse("vhost_combined")));
    assertEquals(line(LogFormats.json()), line(FormatConfig.parse(" JSON ")));
  }
}
