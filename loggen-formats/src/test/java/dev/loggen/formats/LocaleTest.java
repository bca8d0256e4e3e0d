package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same bytes whatever the default locale and time zone: English month and day names,
 * ASCII digits, no locale-dependent lower-casing (the Turkish dotless i).
 */
class LocaleTest {
  private Locale savedLocale;
  private TimeZone savedZone;

  @BeforeEach
  void save() {
    savedLocale = Locale.getDefault();
    savedZone = TimeZone.getDefault();
  }

  @AfterEach
  void restore() {
    Locale.setDefault(savedLocale);
    TimeZone.setDefault(savedZone);
  }

  private static Map<String, byte[]> renderAll() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    Stream.concat(FormatCases.access().stream(), FormatCases.errors().stream())
        .forEach(c -> out.put(c.name(), GoldenFileTest.render(c.format())));
    // formats compiled while the locale is in force, header names in upper case
    out.put("apache-upper", GoldenFileTest.render(
        LogFormats.apache("%{USER-AGENT}i %{REFERER}i %{HOST}i %{CONTENT-TYPE}o %{%A %B %p}t")));
    return out;
  }

  @Test
  void sameBytesUnderGermanAndTurkishLocales() {
    Locale.setDefault(Locale.ROOT);
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    Map<String, byte[]> reference = renderAll();
    for (Locale l : new Locale[] {Locale.GERMANY, Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("ar-EG"),
        Locale.forLanguageTag("hi-IN")}) {
      Locale.setDefault(l);
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
      Map<String, byte[]> actual = renderAll();
      for (Map.Entry<String, byte[]> e : reference.entrySet()) {
        assertArrayEquals(e.getValue(), actual.get(e.getKey()), e.getKey() + " under " + l);
      }
    }
  }

  @Test
  void parsingDoesNotDependOnTheLocale() {
    String line = "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\""
        + " 200 2326 \"-\" \"INTERNET EXPLORER\"";
    Locale.setDefault(Locale.ROOT);
    LogRecord expected = LogParsers.combined().parse(line);
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    LogRecord turkish = LogParsers.apache("%h %l %u %t \"%r\" %>s %b \"%{REFERER}i\" \"%{USER-AGENT}i\"")
        .parse(line);
    assertEquals(expected.time(), turkish.time());
    assertEquals("INTERNET EXPLORER", turkish.userAgent());
    assertEquals(expected.path(), turkish.path());
    Locale.setDefault(Locale.GERMANY);
    assertEquals(expected, LogParsers.combined().parse(line));
  }
}
