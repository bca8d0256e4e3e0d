package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A null argument to a public method of this package is a {@link NullPointerException} that
 * names the parameter, thrown before anything is done, never one from deep inside.
 */
class NullArgumentsTest {
  private static final AccessEvent EVENT = HostileContentTest.BASE.withStatus(503, 10);

  private static void namesParameter(String parameter, Executable call) {
    assertEquals(parameter, assertThrows(NullPointerException.class, call).getMessage());
  }

  static Stream<FormatCases.Case> formats() {
    return Stream.concat(FormatCases.access().stream(), FormatCases.errors().stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void formatsAndTheirRenderersNameTheirParameters(FormatCases.Case c) {
    LogFormat f = c.format();
    namesParameter("event", () -> f.accepts(null));
    namesParameter("event", () -> f.format(null));
    LogFormat.Renderer r = f.newRenderer();
    LineBuffer buffer = new LineBuffer();
    namesParameter("event", () -> r.render(null, buffer));
    namesParameter("out", () -> r.render(EVENT, null));
    // nothing was written, and the renderer still works
    assertEquals(0, buffer.length());
    r.render(EVENT, buffer);
    assertEquals(f.format(EVENT), buffer.toString());
  }

  @Test
  void errorFormatsNameTheirParameters() {
    namesParameter("access", () -> ErrorFormat.defaultFor(null));
    namesParameter("parameter", () -> NginxEscape.fromParameter(null));
  }

  @Test
  void factoriesAndParsersNameTheirParameters() {
    namesParameter("name", () -> LogFormats.named(null));
    namesParameter("logFormat", () -> LogFormats.apache(null));
    namesParameter("logFormat", () -> LogFormats.nginx(null));
    namesParameter("escape", () -> LogFormats.nginx("$status", null));
    namesParameter("logFormat", () -> LogParsers.apache(null));
    namesParameter("logFormat", () -> LogParsers.nginx(null, NginxEscape.JSON));
    namesParameter("format", () -> LogParsers.forFormat(null));
    namesParameter("spec", () -> FormatConfig.parse(null));
    namesParameter("root", () -> FormatConfig.read(null));
    LogParser p = LogParsers.combined();
    namesParameter("line", () -> p.parseLine(null, 1));
    namesParameter("reader", () -> p.parseAll((java.io.Reader) null));
    namesParameter("file", () -> p.parseAll((java.nio.file.Path) null));
    namesParameter("onMalformed", () -> p.records(new java.io.StringReader(""), null));
  }

  @Test
  void valuesNameTheirParameters() {
    namesParameter("line", () -> new LogParseException(1, 1, "x", null));
    namesParameter("expected", () -> new LogParseException(1, 1, null, "x"));
    LogRecord r = LogParsers.combined().parse(ParserTest.GOOD);
    namesParameter("name", () -> r.field(null));
    namesParameter("fields", () -> new LogRecord(null, null, null, null, null, null, null, null,
        null, null, null, null, null, null));
    namesParameter("record", () -> new ParseResult.Parsed(1, null));
    namesParameter("error", () -> new ParseResult.Malformed(1, null));
    assertEquals(Map.of(), new LogRecord(null, null, null, null, null, null, null, null, null,
        null, null, null, null, Map.of()).fields());
  }
}
