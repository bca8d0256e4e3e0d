package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
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
        // the message quotes the line break escaped: it stays one line (before: a raw one)
        Arguments.of("%h\n", "invalid Apache LogFormat \"%h\\u000A\": a line break; a format"
            + " renders one line and the sink ends it at position 3"),
        // inside a directive's argument too (before: accepted, and lines held a line break)
        Arguments.of("%{x\ny}t", "invalid Apache LogFormat \"%{x\\u000Ay}t\": a line break; a"
            + " format renders one line and the sink ends it at position 4"),
        Arguments.of("%{%Y\r%m}t", "invalid Apache LogFormat \"%{%Y\\u000D%m}t\": a line break;"
            + " a format renders one line and the sink ends it at position 5"),
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
        // names are case-insensitive, but an unknown one is quoted as written
        Arguments.of("$Remote_Addr $HTTP_FOO_ $Remote_Adr", "invalid nginx log_format"
            + " \"$Remote_Addr $HTTP_FOO_ $Remote_Adr\": unknown variable '$Remote_Adr'"
            + " at position 25"),
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

  /** Each compiler's name for its formats, as messages give it. */
  private static final String APACHE = "Apache LogFormat";
  private static final String NGINX = "nginx log_format";

  /**
   * An unpaired surrogate anywhere in a format: UTF-8 cannot encode it. Before, it printed as
   * {@code ?}, which the parser (reading the format's own text) did not match, so the lines of
   * such a format could not be read back.
   */
  static Stream<Arguments> unpairedSurrogates() {
    return Stream.of(
        Arguments.of(APACHE, "%h \uD800 %>s", "D800", 4),
        Arguments.of(APACHE, "%h\uDC00", "DC00", 3),
        Arguments.of(APACHE, "%h \uDBFF", "DBFF", 4),
        Arguments.of(APACHE, "\uDE00\uD83D%h", "DE00", 1),
        Arguments.of(APACHE, "%{%Y \uD800}t", "D800", 6),
        Arguments.of(NGINX, "$status \uD800", "D800", 9),
        Arguments.of(NGINX, "\uDFFF$status", "DFFF", 1),
        Arguments.of(NGINX, "$status\uD83D$pid", "D83D", 8));
  }

  @ParameterizedTest(name = "{0} U+{2} at {3}")
  @MethodSource
  void unpairedSurrogates(String kind, String format, String code, int position) {
    // the message quotes each unpaired surrogate as a \\uXXXX escape (before: raw, which no
    // terminal can show); none of these formats holds a pair
    String quoted = format.chars().mapToObj(c -> Character.isSurrogate((char) c)
        ? String.format(Locale.ROOT, "\\u%04X", c) : String.valueOf((char) c))
        .collect(Collectors.joining());
    String message = "invalid " + kind + " \"" + quoted + "\": an unpaired surrogate U+" + code
        + "; a format must be valid UTF-16 text (UTF-8 cannot encode it, so the line could not"
        + " be read back) at position " + position;
    List<Executable> compiles = kind.equals(APACHE)
        ? List.of(() -> LogFormats.apache(format), () -> LogParsers.apache(format))
        : Stream.of(NginxEscape.values()).<Executable>flatMap(escape -> Stream.of(
            () -> LogFormats.nginx(format, escape), () -> LogParsers.nginx(format, escape)))
            .toList();
    for (Executable compile : compiles) {
      assertEquals(message, assertThrows(IllegalArgumentException.class, compile).getMessage());
    }
  }

  /** A generated 3,000-character format was quoted whole in its error, a 3 kB message. */
  @Test
  void aLongFormatIsQuotedAroundTheProblemOnly() {
    String filler = "x".repeat(3000);
    String message = assertThrows(IllegalArgumentException.class,
        () -> LogFormats.apache("%h " + filler + " %Z")).getMessage();
    assertEquals("invalid Apache LogFormat \"..." + "x".repeat(59) + " %Z\" (3006 characters):"
        + " unknown directive '%Z' at position 3005", message);
    String nginx = assertThrows(IllegalArgumentException.class,
        () -> LogFormats.nginx("$nope " + filler)).getMessage();
    assertEquals("invalid nginx log_format \"$nope " + "x".repeat(54) + "...\" (3006"
        + " characters): unknown variable '$nope' at position 1", nginx);
    String json = "{\"a\": \"" + "y".repeat(350) + "\", \"b\": \"$nope\"}";
    assertTrue(assertThrows(IllegalArgumentException.class, () -> LogFormats.nginx(json))
        .getMessage().contains("\"" + json + "\""), "a format of up to 400 characters whole");
  }

  /**
   * A message quotes the format with its control characters as {@code \}{@code uXXXX}, as a
   * parse error quotes a line: an escape sequence in a format must not act on the terminal that
   * shows the message. Before, they were quoted raw.
   */
  @Test
  void aMessageQuotesControlCharactersEscaped() {
    Map<String, Executable> messages = Map.of(
        "invalid Apache LogFormat \"%h \\u001B[2J\\u0007 %Z\": unknown directive '%Z' at"
            + " position 10", () -> LogFormats.apache("%h \u001b[2J\u0007 %Z"),
        "invalid Apache LogFormat \"%\\u001B\": unknown directive '%\\u001B' at position 1",
        () -> LogParsers.apache("%\u001b"),
        "invalid nginx log_format \"\\u001B]0;x\\u0007$foo\": unknown variable '$foo' at"
            + " position 7", () -> LogFormats.nginx("\u001b]0;x\u0007$foo"),
        "invalid Apache LogFormat \"%{%Q\\u009B}t\": unsupported time conversion '%Q' at"
            + " position 3", () -> LogFormats.apache("%{%Q\u009b}t"));
    messages.forEach((message, compile) -> assertEquals(message,
        assertThrows(IllegalArgumentException.class, compile).getMessage()));
    String unknown = assertThrows(IllegalArgumentException.class,
        () -> FormatConfig.parse("combind\u001b[2J")).getMessage();
    assertTrue(unknown.startsWith("unknown format 'combind\\u001B[2J': expected"), unknown);
  }

  /** A surrogate pair is one character, which UTF-8 encodes: it prints and reads back. */
  @Test
  void aSurrogatePairInALiteralReadsBack() {
    AccessEvent e = HostileContentTest.BASE;
    for (String literal : new String[] {"\uD83D\uDE00", "a\uD800\uDC00b"}) {
      String apache = "%h " + literal + " %>s";
      String line = LogFormats.apache(apache).format(e);
      assertEquals(e.clientAddress() + " " + literal + " " + e.status(), line);
      assertEquals(e.status(), LogParsers.apache(apache).parse(line).status());
      String nginx = "$remote_addr " + literal + " $status";
      assertEquals(line, LogFormats.nginx(nginx).format(e));
      assertEquals(e.status(), LogParsers.nginx(nginx).parse(line).status());
    }
  }

  /**
   * A message quotes a directive that is a surrogate pair whole: it quoted the high surrogate
   * alone, so the message itself held an unpaired surrogate (found by fuzzing).
   */
  @Test
  void aMessageQuotesWholeCharacters() {
    assertEquals("invalid Apache LogFormat \"%\uD83D\uDE00 %h\": unknown directive"
        + " '%\uD83D\uDE00' at position 1", assertThrows(IllegalArgumentException.class,
            () -> LogFormats.apache("%\uD83D\uDE00 %h")).getMessage());
    assertEquals("invalid Apache LogFormat \"%{%\uD83D\uDE00}t\": unsupported time conversion"
        + " '%\uD83D\uDE00' at position 3", assertThrows(IllegalArgumentException.class,
            () -> LogFormats.apache("%{%\uD83D\uDE00}t")).getMessage());
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

  /**
   * The parser matches a line one field deeper at a time. Before, a format of 2,000 fields was
   * accepted, and reading its own lines overflowed the stack.
   */
  @Test
  void aFormatOfMoreFieldsThanAParserReadsIsRefused() {
    String nginx = "$status ".repeat(2000).trim();
    // a format this long is quoted 60 characters either side of the position, with its length
    assertEquals("invalid nginx log_format \"..." + nginx.substring(2048 - 60, 2048 + 60)
        + "...\" (" + nginx.length() + " characters): 2000 fields, more than the 256 a"
        + " format may have; the 257th is at position 2049", assertThrows(
            IllegalArgumentException.class, () -> LogFormats.nginx(nginx)).getMessage());
    String apache = "%h ".repeat(257);
    assertEquals("invalid Apache LogFormat \"..." + apache.substring(768 - 60)
        + "\" (" + apache.length() + " characters): 257 fields, more than the 256 a"
        + " format may have; the 257th is at position 769", assertThrows(
            IllegalArgumentException.class, () -> LogParsers.apache(apache)).getMessage());
  }

  /**
   * Every format that compiles reads its own lines back, in a thread with half the usual stack
   * too (the most fields take at most about 150 kB of it).
   */
  @Test
  void aFormatOfAsManyFieldsAsAllowedReadsItsOwnLines() throws InterruptedException {
    AccessEvent e = HostileContentTest.BASE;
    String clf = "%h %l %u %t \\\"%r\\\" %>s %b ";
    for (LogFormat f : List.of(
        LogFormats.nginx("$remote_addr $status ".repeat(128).trim()),
        LogFormats.nginx("\"$remote_addr\":$status,".repeat(128), NginxEscape.JSON),
        LogFormats.apache("%h %>s ".repeat(128)),
        LogFormats.apache(clf.repeat(36) + "%h %l %u %>s"))) {
      String line = f.format(e);
      LogRecord[] parsed = new LogRecord[1];
      Thread reader = new Thread(null, () -> parsed[0] = LogParsers.forFormat(f).parse(line),
          "half the usual stack", 512 * 1024);
      reader.start();
      reader.join();
      assertNotNull(parsed[0], f.toString());
      assertEquals(e.clientAddress(), parsed[0].clientAddress(), f.toString());
      assertEquals(e.status(), parsed[0].status(), f.toString());
    }
  }

  @Test
  void noParserForErrorLogs() {
    assertEquals("no parser for format apache-error (LogFormats.apacheError()): only the"
        + " access-log formats of LogFormats can be parsed", assertThrows(
            IllegalArgumentException.class,
            () -> LogParsers.forFormat(LogFormats.apacheError())).getMessage());
  }
}
