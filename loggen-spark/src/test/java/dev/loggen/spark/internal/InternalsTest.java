package dev.loggen.spark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.VisitorKind;
import dev.loggen.formats.LogFormats;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class InternalsTest {
  private static long t(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void fileNamesUseTheCoarsestExactPrecision() {
    assertEquals(List.of("access-2026-01-01.log.gz", "access-2026-01-02.log.gz"),
        FileNames.names("access", new long[] {t("2026-01-01T00:00:00Z"),
            t("2026-01-02T00:00:00Z")}, ".log.gz"));
    assertEquals(List.of("access-2026-01-01T00.log", "access-2026-01-01T12.log"),
        FileNames.names("access", new long[] {t("2026-01-01T00:00:00Z"),
            t("2026-01-01T12:00:00Z")}, ".log"));
    assertEquals(List.of("a-2026-01-01T00-00", "a-2026-01-01T00-30"),
        FileNames.names("a", new long[] {t("2026-01-01T00:00:00Z"),
            t("2026-01-01T00:30:00Z")}, ""));
    assertEquals(List.of("a-2026-01-01T00-00-00", "a-2026-01-01T00-08-34"),
        FileNames.names("a", new long[] {t("2026-01-01T00:00:00Z"),
            t("2026-01-01T00:08:34Z")}, ""));
    assertEquals(List.of("a-2026-01-01T00-00-00.000", "a-2026-01-01T00-08-34.285"),
        FileNames.names("a", new long[] {t("2026-01-01T00:00:00Z"),
            t("2026-01-01T00:08:34.285Z")}, ""));
    assertEquals(List.of("a-0001-01-01", "a-1969-12-31"),
        FileNames.names("a", new long[] {t("0001-01-01T00:00:00Z"),
            t("1969-12-31T00:00:00Z")}, ""));
  }

  @Test
  void fileNamesOfTheRunsShapeAreKnownAsSuch() {
    for (long[] starts : List.of(new long[] {t("2026-01-01T00:00:00Z")},
        new long[] {t("2026-01-01T00:00:00Z"), t("2026-01-01T06:00:00Z")},
        new long[] {t("2026-01-01T00:00:00Z"), t("2026-01-01T00:30:00Z")},
        new long[] {t("2026-01-01T00:00:00Z"), t("2026-01-01T00:00:07Z")},
        new long[] {t("2026-01-01T00:00:00Z"), t("2026-01-01T00:00:00.250Z")},
        new long[] {t("+12026-01-01T00:00:00Z")})) {
      for (String name : FileNames.names("error", starts, ".log.gz")) {
        assertTrue(FileNames.isName(name, "error", ".log.gz"), name);
        assertFalse(FileNames.isName(name, "access", ".log.gz"), name);
        assertFalse(FileNames.isName(name, "error", ".log"), name);
      }
    }
    for (String name : List.of("access-control.md", "access.log", "access-.log",
        "access-2026-01-01.log.bak", "access-2026-1-01.log", "access-2026-01-01T6.log",
        "access-2026-01-01T00-00-00.25.log", "access-notes-01.log", "accesslog-2026-01-01.log")) {
      assertFalse(FileNames.isName(name, "access", ".log"), name);
    }
  }

  @Test
  void fileNamesAreDistinct() {
    long s = t("2026-01-01T00:00:00Z");
    assertEquals("two slices would share the file name a-2026-01-01: slices must start at"
        + " distinct milliseconds", assertThrows(IllegalArgumentException.class,
            () -> FileNames.names("a", new long[] {s, s}, "")).getMessage());
  }

  private static final AccessEvent EVENT = new AccessEvent(
      Instant.parse("2026-01-02T03:04:05Z").toEpochMilli(), ZoneOffset.UTC, "192.0.2.1", null,
      null, "GET", "/", "HTTP/1.1", 200, 1, null, null, 1, "shop.example.com", 1, "S",
      VisitorKind.HUMAN, null);

  @Test
  void formatSpecs() {
    assertEquals("combined", FormatSpec.resolve("combined").name());
    assertEquals("json", FormatSpec.resolve("json").name());
    assertEquals("apache", FormatSpec.resolve("%h %>s").name());
    assertEquals("nginx", FormatSpec.resolve("$remote_addr $status").name());
    assertEquals("nginx", FormatSpec.resolve("nginx:$status 100%").name());
    assertEquals("apache", FormatSpec.resolve("apache:%h $").name());
    // as the command line reads them: names in any case, Apache nicknames, and a string with
    // an nginx $variable is nginx even when it has a % too
    assertEquals("json", FormatSpec.resolve("JSON").name());
    assertEquals(LogFormats.apache("vhost_combined").format(EVENT),
        FormatSpec.resolve("vhost_combined").format(EVENT));
    assertEquals("nginx", FormatSpec.resolve("$remote_addr 100%").name());
    assertEquals("apache-error", FormatSpec.resolve("apache-error").name());
    // an error-log format's run writes the error log alone; a format string of that text does not
    assertTrue(FormatSpec.isErrorLog("apache-error") && FormatSpec.isErrorLog(" Nginx-Error"));
    assertFalse(FormatSpec.isErrorLog("combined") || FormatSpec.isErrorLog("apache:apache-error")
        || FormatSpec.isErrorLog("nginx:nginx-error"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> FormatSpec.resolve("fancy"))
        .getMessage().startsWith("unknown format 'fancy': expected common, combined,"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> FormatSpec.resolve("fancy"))
        .getMessage().endsWith("; on Spark also apache-error, nginx-error, or apache: or nginx:"
            + " before a format string"));
  }

  @Test
  void aForcedFormatStringOfTextAloneIsRefused() {
    // every line would be the same text: nginx's predefined format named as a log_format
    assertEquals("invalid nginx log_format \"combined\": it has no variable, so every line"
        + " would be the same text (for the combined format, give --format combined)",
        assertThrows(IllegalArgumentException.class,
            () -> FormatSpec.resolve("nginx:combined")).getMessage());
    assertEquals("invalid Apache LogFormat \"up 100%%\": it has no directive, so every line"
        + " would be the same text", assertThrows(IllegalArgumentException.class,
            () -> FormatSpec.resolve("apache:up 100%%")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> FormatSpec.resolve("nginx:Agent")).getMessage()
        .endsWith(" (for the agent format, give --format agent)"));
  }

  @Test
  void jsonStrings() {
    assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001\\u2028é\"",
        Json.string("a\"b\\c\nd\re\tf\u0001\u2028é", new StringBuilder()).toString());
  }

  @Test
  void hadoopConfigurationTravels() throws IOException, ClassNotFoundException {
    Configuration c = new Configuration(false);
    c.set("fs.s3a.endpoint", "http://127.0.0.1:9000");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(b)) {
      o.writeObject(new HadoopConf(c));
    }
    try (ObjectInputStream i = new ObjectInputStream(new ByteArrayInputStream(b.toByteArray()))) {
      HadoopConf back = (HadoopConf) i.readObject();
      assertEquals("http://127.0.0.1:9000", back.get().get("fs.s3a.endpoint"));
    }
  }
}
