package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The parsers on a real Combined log no one here wrote: {@code ../shared/data/
 * apache_combined_2015.log} next to the repository (10,000 lines; line 8899 is truncated in the
 * original). Skipped when the file is not there.
 */
class RealLogTest {
  static final int TRUNCATED_LINE = 8899;
  static Path file;

  @BeforeAll
  static void findFile() {
    Path found = locate();
    Assumptions.assumeTrue(found != null,
        "../shared/data/apache_combined_2015.log not found next to the repository root above "
            + System.getProperty("user.dir") + "; skipping the real-log test");
    file = found;
  }

  /** The real log next to the repository root above the working directory, or null. */
  static @Nullable Path locate() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    Path found = null;
    for (Path d = dir; d != null && found == null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("loggen-formats")) && Files.isRegularFile(d.resolve("pom.xml"))) {
        Path candidate = d.resolve("../shared/data/apache_combined_2015.log").normalize();
        if (Files.isRegularFile(candidate)) {
          found = candidate;
        }
      }
    }
    return found;
  }

  @Test
  void everyLineButTheTruncatedOneParsesAndTheParseGoesOn() {
    List<ParseResult> results;
    try (Stream<ParseResult> s = LogParsers.combined().parseAll(file)) {
      results = s.collect(Collectors.toList());
    }
    assertEquals(10_000, results.size());
    List<ParseResult.Malformed> bad = results.stream()
        .filter(r -> r instanceof ParseResult.Malformed).map(r -> (ParseResult.Malformed) r)
        .collect(Collectors.toList());
    assertEquals(1, bad.size(), () -> bad.toString());
    ParseResult.Malformed m = bad.get(0);
    assertEquals(TRUNCATED_LINE, m.lineNumber());
    LogParseException e = m.error();
    assertEquals(TRUNCATED_LINE, e.lineNumber());
    assertEquals(e.line().length() + 1, e.column(), "the line ended where a quote was due");
    assertEquals("'\"' after %{User-agent}i", e.expected());
    assertTrue(e.getMessage().startsWith("line 8899, column " + e.column()
        + ": expected '\"' after %{User-agent}i, found the end of the line: 46.118.127.106 - - "),
        e.getMessage());
    // the lines after it were parsed
    assertTrue(results.get(TRUNCATED_LINE).isParsed());
    assertEquals(9_999, results.stream().filter(ParseResult::isParsed).count());
  }

  /**
   * The example message in {@link LogParseException}'s Javadoc is this log's truncated line as
   * the parser really reports it.
   */
  @Test
  void theExceptionJavadocQuotesTheRealMessage() throws IOException {
    // the module's directory: Maven's surefire names it, an IDE runs tests from it
    String source = Files.readString(Path.of(System.getProperty("basedir", "."),
        "src/main/java/dev/loggen/formats/LogParseException.java"));
    Matcher m = Pattern.compile("e\\.g\\. \\{@code (line [^}]*\\}i,[^}]*)\\}").matcher(source);
    assertTrue(m.find(), "no example message in the Javadoc");
    String example = m.group(1).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
    String line = Files.readAllLines(file, StandardCharsets.ISO_8859_1).get(TRUNCATED_LINE - 1);
    LogParseException e = assertThrows(LogParseException.class,
        () -> LogParsers.combined().parseLine(line, TRUNCATED_LINE));
    assertEquals(example + ": " + line, e.getMessage());
  }

  @Test
  void parsedValuesAreExact() throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    LogRecord first = LogParsers.combined().parseLine(lines.get(0), 1);
    assertEquals(OffsetDateTime.parse("2015-05-17T10:05:03Z"), first.time());
    assertEquals("83.149.9.216", first.clientAddress());
    assertNull(first.ident());
    assertNull(first.user());
    assertEquals("GET", first.method());
    assertEquals("/presentations/logstash-monitorama-2013/images/kibana-search.png", first.path());
    assertEquals("HTTP/1.1", first.protocol());
    assertEquals(200, first.status());
    assertEquals(203_023L, first.bytes());
    assertEquals("http://semicomplete.com/presentations/logstash-monitorama-2013/", first.referrer());
    assertTrue(first.userAgent().startsWith("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1)"));
    assertNull(first.responseTimeMicros());
    assertEquals("200", first.field("%>s"));

    LogRecord noAgent = LogParsers.combined().parseLine(lines.get(8900), 8901);
    assertEquals("/blog", noAgent.path());
    assertEquals("HTTP/1.0", noAgent.protocol());
    assertEquals(37_936L, noAgent.bytes());
    assertNull(noAgent.referrer());
    assertNull(noAgent.userAgent());

    LogRecord dashBytes = LogParsers.combined().parseLine(lines.get(8899), 8900);
    assertEquals("/robots.txt", dashBytes.path());
    assertEquals(0L, dashBytes.bytes());
    assertEquals("-", dashBytes.field("%b"));

    // a referrer Apache escaped byte by byte (\xe4...: cp1251, not UTF-8) keeps its escapes
    LogRecord escaped = LogParsers.combined().parseLine(lines.get(5850), 5851);
    assertEquals("http://\\xe4\\xe5\\xe3\\xf2\\xff\\xf0\\xed\\xee\\xe5-\\xec\\xfb\\xeb\\xee."
        + "\\xf0\\xf4/", escaped.referrer());
  }

  @Test
  void recordsWithACallbackSkipTheBadLineAndCountStatuses() throws IOException {
    List<LogParseException> errors = new ArrayList<>();
    Map<Integer, Long> statuses = new TreeMap<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
        Stream<LogRecord> records = LogParsers.combined().records(reader, errors::add)) {
      records.forEach(r -> statuses.merge(r.status(), 1L, Long::sum));
    }
    assertEquals(1, errors.size());
    assertEquals(TRUNCATED_LINE, errors.get(0).lineNumber());
    assertEquals(9_999L, statuses.values().stream().mapToLong(Long::longValue).sum());
    assertEquals(445L, statuses.get(304));
    assertEquals(213L, statuses.get(404));
    assertEquals(3L, statuses.get(500));
  }

  @Test
  void theCommonParserReadsTheCombinedLinesUpToTheirTail() throws IOException {
    String line = Files.readAllLines(file, StandardCharsets.ISO_8859_1).get(0);
    LogParseException e = org.junit.jupiter.api.Assertions.assertThrows(LogParseException.class,
        () -> LogParsers.common().parseLine(line, 1));
    int tail = line.indexOf(" \"http://semicomplete.com");
    assertEquals(tail + 1, e.column());
    assertEquals("a number or '-' for %b", e.expected());
  }
}
