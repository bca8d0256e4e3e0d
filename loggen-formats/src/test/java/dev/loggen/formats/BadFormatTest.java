package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad format strings: each message quotes the format and gives the 1-based position. */
class BadFormatTest {

  static Stream<Arguments> apache() {
    return Stream.of(
        Arguments.of("", "invalid Apache LogFormat \"\": the format is empty"),
        Arguments.of("%h %Z", "invalid Apache LogFormat \"%h %Z\": unknown directive '%Z'"
            + " at position 4"),
        Arguments.of("%h %{User-Agent", "invalid Apache LogFormat \"%h %{User-Agent\":"
            + " unterminated '%{' (no closing '}') at position 4"),
        Arguments.of("%h %", "invalid Apache LogFormat \"%h %\": '%' without a directive letter"
            + " at position 4"),
        Arguments.of("%h %>", "invalid Apache LogFormat \"%h %>\": '%' without a directive letter"
            + " at position 4"),
        Arguments.of("[%{%d/%Q}t]", "invalid Apache LogFormat \"[%{%d/%Q}t]\": unsupported time"
            + " conversion '%Q' at position 7"),
        Arguments.of("%{end:%H%n}t", "invalid Apache LogFormat \"%{end:%H%n}t\": '%n' would write"
            + " a line break; a log line must stay one line at position 9"),
        Arguments.of("%h\\n", "invalid Apache LogFormat \"%h\\n\": '\\n' would write a line break;"
            + " a format renders one line and the sink ends it at position 3"),
        Arguments.of("%h\n", "invalid Apache LogFormat \"%h\n\": a line break; a format renders"
            + " one line and the sink ends it at position 3"),
        // inside a directive's argument too (before: accepted, and lines held a line break)
        Arguments.of("%{x\ny}t", "invalid Apache LogFormat \"%{x\ny}t\": a line break; a format"
            + " renders one line and the sink ends it at position 4"),
        Arguments.of("%{%Y\r%m}t", "invalid Apache LogFormat \"%{%Y\r%m}t\": a line break; a"
            + " format renders one line and the sink ends it at position 5"),
        Arguments.of("%D %{minutes}T", "invalid Apache LogFormat \"%D %{minutes}T\": unknown time"
            + " unit 'minutes' (expected s, ms or us) at position 6"),
        Arguments.of("%{local}P", "invalid Apache LogFormat \"%{local}P\": unknown process format"
            + " 'local' (expected pid, tid or hextid) at position 3"),
        Arguments.of("%{}i", "invalid Apache LogFormat \"%{}i\": '%{}i' needs a name in braces,"
            + " e.g. '%{X-Forwarded-For}i' at position 1"),
        Arguments.of("%!200Z", "invalid Apache LogFormat \"%!200Z\": unknown directive '%!200Z'"
            + " at position 1"),
        Arguments.of("%4000s", "invalid Apache LogFormat \"%4000s\": status condition '4000' is not"
            + " a 3-digit status code at position 2"),
        Arguments.of("%{x}a", "invalid Apache LogFormat \"%{x}a\": '%{x}a' takes no argument other"
            + " than {c} at position 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apache")
  void badApacheFormats(String format, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LogFormats.apache(format));
    assertEquals(message, e.getMessage());
    assertEquals(message, assertThrows(IllegalArgumentException.class,
        () -> LogParsers.apache(format)).getMessage());
  }

  static Stream<Arguments> nginx() {
    return Stream.of(
        Arguments.of("", "invalid nginx log_format \"\": the format is empty"),
        Arguments.of("$remote_addr $foo", "invalid nginx log_format \"$remote_addr $foo\":"
            + " unknown variable '$foo' at position 14"),
        Arguments.of("$remote_addr ${status", "invalid nginx log_format \"$remote_addr ${status\":"
            + " unterminated '${' (no closing '}' after the variable name) at position 14"),
        Arguments.of("${stat us}", "invalid nginx log_format \"${stat us}\": unterminated '${'"
            + " (no closing '}' after the variable name) at position 1"),
        Arguments.of("[$ ]", "invalid nginx log_format \"[$ ]\": '$' without a variable name"
            + " at position 2"),
        Arguments.of("${}", "invalid nginx log_format \"${}\": '$' without a variable name"
            + " at position 1"),
        Arguments.of("$status\\r", "invalid nginx log_format \"$status\\r\": '\\r' would write a"
            + " line break; a format renders one line and the sink ends it at position 8"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nginx")
  void badNginxFormats(String format, String message) {
    for (NginxEscape escape : NginxEscape.values()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> LogFormats.nginx(format, escape));
      assertEquals(message, e.getMessage());
    }
  }

  @Test
  void badEscapeParameterAndName() {
    assertEquals("nginx escape parameter \"escape=yaml\" is not one of escape=default,"
        + " escape=json, escape=none", assertThrows(IllegalArgumentException.class,
            () -> NginxEscape.fromParameter("escape=yaml")).getMessage());
    assertEquals(NginxEscape.JSON, NginxEscape.fromParameter("escape=json"));
    assertEquals(NginxEscape.NONE, NginxEscape.fromParameter("none"));
    assertEquals("escape=default", NginxEscape.DEFAULT.parameter());
    assertEquals("unknown log format name \"xml\" (known: common, combined, json, ecs,"
        + " apache-error, nginx-error)", assertThrows(IllegalArgumentException.class,
            () -> LogFormats.named("xml")).getMessage());
    assertEquals(LogFormats.combined(), LogFormats.named("combined"));
  }

  @Test
  void noParserForErrorLogs() {
    assertEquals("no parser for format apache-error (LogFormats.apacheError()): only the"
        + " access-log formats of LogFormats can be parsed", assertThrows(
            IllegalArgumentException.class,
            () -> LogParsers.forFormat(LogFormats.apacheError())).getMessage());
  }
}
