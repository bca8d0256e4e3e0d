package dev.loggen.sinks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NameTemplateTest {
  private static final long T = Instant.parse("2026-01-02T13:00:00Z").toEpochMilli();

  @Test
  void logbackPatternFormatsAndReadsBack() {
    NameTemplate t = NameTemplate.parse("access-%d{yyyy-MM-dd}.%i.log.gz", ZoneOffset.UTC);
    assertTrue(t.compressed() && t.hasDate() && t.hasIndex());
    assertEquals("access-2026-01-02.3.log", t.format(T, 3));
    ArchiveName a = t.parse("access-2026-01-02.3.log.gz");
    assertNotNull(a);
    assertEquals("2026-01-02", a.dateText());
    assertEquals(3, a.index());
    assertTrue(a.gz());
    assertEquals(Instant.parse("2026-01-02T00:00:00Z").toEpochMilli(), a.dateMillis());
    assertNull(t.parse("access-2026-13-02.3.log.gz"), "not a date");
    assertNull(t.parse("access-2026-1-02.3.log.gz"), "not as the format writes it");
    assertNull(t.parse("access-2026-01-02.03.log.gz"), "not as %i writes it");
    assertNull(t.parse("access-2026-01-02.3.log.bak"));
  }

  @Test
  void logrotateStyles() {
    ZoneId utc = ZoneOffset.UTC;
    NameTemplate numbers = NameTemplate.logrotate("access.log", null, true, utc);
    assertEquals("access.log.1", numbers.format(0, 1));
    assertNotNull(numbers.parse("access.log.12.gz"));
    assertNull(numbers.parse("access.log"));
    assertNull(numbers.parse("access.log.x"));
    assertFalse(numbers.hasDate());
    // dated names always carry a number, as the command line's do
    NameTemplate dated = NameTemplate.logrotate("access.log", "yyyy-MM-dd-HH", false, utc);
    assertEquals("access.log.2026-01-02-13.1", dated.format(T, 1));
    assertEquals(T, dated.parse("access.log.2026-01-02-13.1").dateMillis());
    assertEquals(2, dated.parse("access.log.2026-01-02-13.2").index());
    assertTrue(dated.hasIndex());
    assertNull(dated.parse("access.log.2026-01-02-13"), "not as this template writes it");
    NameTemplate percent = NameTemplate.logrotate("a%b.log", "yyyy-MM-dd", false, utc);
    assertEquals("a%b.log.2026-01-02.4", percent.format(T, 4));
    assertNotNull(percent.parse("a%b.log.2026-01-02.4"));
  }

  @Test
  void onlyIndexesTheSinkWritesAreItsOwn() {
    ZoneId utc = ZoneOffset.UTC;
    NameTemplate numbers = NameTemplate.logrotate("access.log", null, true, utc);
    assertNull(numbers.parse("access.log.0"), "logrotate's numbers start at 1");
    assertNull(numbers.parse("access.log.0.gz"));
    assertNull(numbers.parse("access.log.01"));
    assertEquals(1, numbers.parse("access.log.1.gz").index());
    NameTemplate dated = NameTemplate.logrotate("access.log", "yyyy-MM-dd", false, utc);
    assertNull(dated.parse("access.log.2026-01-02.0"));
    assertNull(dated.parse("access.log.2026-01-02.0.gz"));
    assertEquals(1, dated.parse("access.log.2026-01-02.1").index());
    NameTemplate pattern = NameTemplate.parse("access-%d{yyyy-MM-dd}.%i.log.gz", utc);
    assertEquals(0, pattern.parse("access-2026-01-02.0.log.gz").index(), "%i starts at 0");
  }

  @Test
  void whereToAddAnIndex() {
    ZoneId utc = ZoneOffset.UTC;
    assertEquals("access-%d{yyyy-MM-dd}.%i.log.gz",
        NameTemplate.parse("access-%d{yyyy-MM-dd}.log.gz", utc).withIndex());
    assertEquals("access-%d{yyyy.MM.dd}.%i.log",
        NameTemplate.parse("access-%d{yyyy.MM.dd}.log", utc).withIndex());
    assertEquals("access.log.%d.%i", NameTemplate.parse("access.log.%d", utc).withIndex());
    assertEquals("access.log.%d{yyyy-MM-dd}.%i.gz",
        NameTemplate.parse("access.log.%d{yyyy-MM-dd}.gz", utc).withIndex());
    assertEquals("access-%d-100%%.%i.log",
        NameTemplate.parse("access-%d-100%%.log", utc).withIndex());
  }

  @Test
  void percentEscapesAndDefaultDate() {
    NameTemplate t = NameTemplate.parse("100%%-%d.log", ZoneOffset.UTC);
    assertEquals("100%-2026-01-02.log", t.format(T, 0));
  }
}
