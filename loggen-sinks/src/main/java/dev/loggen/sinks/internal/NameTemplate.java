package dev.loggen.sinks.internal;

import dev.loggen.core.internal.Printable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How archives are named: literal text, at most one date ({@code %d{yyyy-MM-dd}}) and at most
 * one index ({@code %i}), as logback's {@code fileNamePattern}. A template formats the name of
 * an uncompressed archive; compressed archives add {@code .gz}. It also recognises the names it
 * makes, so that retention and repair touch no other file: a name is this template's only if
 * it matches the literal parts, its date reads back to the same text, and its index is one the
 * sink writes (no leading zero, and at least 1 for logrotate's names, which start at 1: a
 * user's {@code access.log.0} is not an archive).
 */
public final class NameTemplate {
  private static final Object DATE = new Object();
  private static final Object INDEX = new Object();

  private final String source;
  private final List<Object> parts;
  private final @Nullable DateTimeFormatter date;
  private final ZoneId zone;
  private final boolean compressed;
  private final Pattern regex;
  private final int dateGroup;
  private final int indexGroup;
  /** The lowest index the sink writes: 0 for {@code %i}, 1 for logrotate's numbers. */
  private final int minIndex;

  private NameTemplate(String source, List<Object> parts, @Nullable DateTimeFormatter date,
      ZoneId zone, boolean compressed, int minIndex) {
    this.source = source;
    this.minIndex = minIndex;
    this.parts = List.copyOf(parts);
    this.date = date == null ? null : date.withZone(zone);
    this.zone = zone;
    this.compressed = compressed;
    StringBuilder re = new StringBuilder();
    int group = 0;
    int dg = -1;
    int ig = -1;
    for (Object part : parts) {
      if (part == DATE) {
        re.append("(.+?)");
        dg = ++group;
      } else if (part == INDEX) {
        re.append("([0-9]{1,9})");
        ig = ++group;
      } else {
        re.append(Pattern.quote((String) part));
      }
    }
    this.regex = Pattern.compile(re.toString());
    this.dateGroup = dg;
    this.indexGroup = ig;
  }

  /**
   * Parses a logback-like pattern: {@code %d} or {@code %d{java.time pattern}} for the date,
   * {@code %i} for the index, {@code %%} for a percent sign; a trailing {@code .gz} means
   * compressed archives.
   *
   * @param pattern the pattern, a file name without directory
   * @param zone the zone the date is written in
   * @return the template
   * @throws IllegalArgumentException quoting the pattern when it cannot be used
   */
  public static NameTemplate parse(String pattern, ZoneId zone) {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(zone, "zone");
    if (pattern.isBlank()) {
      throw bad(pattern, "is empty");
    }
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        throw bad(pattern, String.format(Locale.ROOT, "holds the control character U+%04X at"
            + " position %d: file names cannot hold it", (int) c, i + 1));
      }
    }
    if (pattern.indexOf('/') >= 0 || pattern.indexOf('\\') >= 0) {
      throw bad(pattern, "must be a file name without a directory: archives are written next to"
          + " the active file");
    }
    boolean gz = pattern.endsWith(".gz");
    String body = gz ? pattern.substring(0, pattern.length() - 3) : pattern;
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    DateTimeFormatter date = null;
    boolean index = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '%') {
        literal.append(c);
        continue;
      }
      if (i + 1 >= body.length()) {
        throw bad(pattern, "ends with a lone %");
      }
      char k = body.charAt(++i);
      if (k == '%') {
        literal.append('%');
        continue;
      }
      if (literal.length() > 0) {
        parts.add(literal.toString());
        literal.setLength(0);
      }
      if (k == 'i') {
        if (index) {
          throw bad(pattern, "has more than one %i");
        }
        index = true;
        parts.add(INDEX);
      } else if (k == 'd') {
        if (date != null) {
          throw bad(pattern, "has more than one %d");
        }
        String format = "yyyy-MM-dd";
        if (i + 1 < body.length() && body.charAt(i + 1) == '{') {
          int close = body.indexOf('}', i + 2);
          if (close < 0) {
            throw bad(pattern, "has a %d{ without its closing }");
          }
          format = body.substring(i + 2, close);
          i = close;
        }
        try {
          date = DateTimeFormatter.ofPattern(format, Locale.ROOT);
        } catch (IllegalArgumentException e) {
          throw bad(pattern, "has an invalid date format '" + format + "': " + e.getMessage());
        }
        String sample = date.withZone(zone).format(Instant.EPOCH);
        if (sample.indexOf('/') >= 0 || sample.indexOf('\\') >= 0 || sample.isEmpty()) {
          throw bad(pattern, "has a date format '" + format
              + "' that writes a directory separator or nothing");
        }
        parts.add(DATE);
      } else {
        throw bad(pattern, "has an unknown conversion %" + k
            + " (known: %d, %d{format}, %i, %%)");
      }
    }
    if (literal.length() > 0) {
      parts.add(literal.toString());
    }
    if (parts.isEmpty()) {
      throw bad(pattern, "names nothing");
    }
    return new NameTemplate(pattern, parts, date, zone, gz, 0);
  }

  /**
   * The logrotate-style template for {@code activeName}: {@code access.log.%i} (numbers) or
   * {@code access.log.%d.%i} (dates, then numbers counting up within each date). Dated names
   * always carry the number, whichever triggers are on, so that an archive of a date that has
   * one already (a run repeated over the same days) gets the next free number. Numbers start at
   * 1, so a name numbered 0 ({@code access.log.0}, {@code access.log.2026-01-01.0}) is not read
   * as this template's.
   *
   * @param activeName the active file's name
   * @param dateFormat the date format, or {@code null} for numbers only
   * @param gzip whether archives are compressed
   * @param zone the zone the date is written in
   * @return the template
   */
  public static NameTemplate logrotate(String activeName, @Nullable String dateFormat,
      boolean gzip, ZoneId zone) {
    List<Object> parts = new ArrayList<>();
    StringBuilder source = new StringBuilder(activeName.replace("%", "%%"));
    parts.add(activeName + ".");
    DateTimeFormatter date = null;
    if (dateFormat != null) {
      date = DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT);
      parts.add(DATE);
      parts.add(".");
      source.append(".%d{").append(dateFormat).append('}');
    }
    parts.add(INDEX);
    source.append(".%i");
    if (gzip) {
      source.append(".gz");
    }
    return new NameTemplate(source.toString(), parts, date, zone, gzip, 1);
  }

  private static IllegalArgumentException bad(String pattern, String what) {
    return new IllegalArgumentException("pattern '" + Printable.of(pattern) + "' " + what);
  }

  /**
   * The pattern this template was made from, for messages.
   *
   * @return the pattern
   */
  public String source() {
    return source;
  }

  /**
   * Whether the pattern asked for compressed archives (ends in {@code .gz}).
   *
   * @return {@code true} when it did
   */
  public boolean compressed() {
    return compressed;
  }

  /**
   * Whether names carry a date.
   *
   * @return {@code true} with {@code %d}
   */
  public boolean hasDate() {
    return date != null;
  }

  /**
   * Whether names carry an index.
   *
   * @return {@code true} with {@code %i}
   */
  public boolean hasIndex() {
    return indexGroup > 0;
  }

  /**
   * The date part of a name for an instant, or {@code ""} without {@code %d}.
   *
   * @param epochMillis the instant
   * @return the formatted date
   */
  public String dateText(long epochMillis) {
    return date == null ? "" : date.format(Instant.ofEpochMilli(epochMillis));
  }

  /**
   * The name of an uncompressed archive.
   *
   * @param epochMillis the instant whose date the name carries (ignored without {@code %d})
   * @param index the index (ignored without {@code %i})
   * @return the file name
   */
  public String format(long epochMillis, int index) {
    StringBuilder sb = new StringBuilder();
    for (Object part : parts) {
      if (part == DATE) {
        sb.append(dateText(epochMillis));
      } else if (part == INDEX) {
        sb.append(index);
      } else {
        sb.append((String) part);
      }
    }
    return sb.toString();
  }

  /**
   * Reads a file name made by this template, compressed or not.
   *
   * @param fileName a file name
   * @return what the name says, or {@code null} when this template did not make it
   */
  public @Nullable ArchiveName parse(String fileName) {
    boolean gz = fileName.endsWith(".gz");
    String base = gz ? fileName.substring(0, fileName.length() - 3) : fileName;
    Matcher m = regex.matcher(base);
    if (!m.matches()) {
      return null;
    }
    String dateText = "";
    long dateMillis = 0;
    if (dateGroup > 0) {
      dateText = m.group(dateGroup);
      Long millis = readDate(dateText);
      if (millis == null) {
        return null;
      }
      dateMillis = millis;
    }
    int index = -1;
    if (indexGroup > 0) {
      String digits = m.group(indexGroup);
      if (digits.length() > 1 && digits.charAt(0) == '0') {
        return null; // never written with leading zeros
      }
      index = Integer.parseInt(digits);
      if (index < minIndex) {
        return null; // a number the sink never writes: someone else's file
      }
    }
    return new ArchiveName(base, dateText, dateMillis, index, gz);
  }

  private @Nullable Long readDate(String text) {
    DateTimeFormatter f = Objects.requireNonNull(date);
    try {
      TemporalAccessor t = f.parse(text);
      int year = get(t, ChronoField.YEAR, Integer.MIN_VALUE);
      if (year == Integer.MIN_VALUE) {
        return null;
      }
      LocalDateTime local = LocalDateTime.of(year, get(t, ChronoField.MONTH_OF_YEAR, 1),
          get(t, ChronoField.DAY_OF_MONTH, 1), get(t, ChronoField.HOUR_OF_DAY, 0),
          get(t, ChronoField.MINUTE_OF_HOUR, 0), get(t, ChronoField.SECOND_OF_MINUTE, 0),
          get(t, ChronoField.NANO_OF_SECOND, 0));
      long millis = ZonedDateTime.ofLocal(local, zone, null).toInstant().toEpochMilli();
      return text.equals(dateText(millis)) ? millis : null;
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int get(TemporalAccessor t, TemporalField field, int dflt) {
    return t.isSupported(field) ? t.get(field) : dflt;
  }

  /**
   * This template's pattern with {@code %i} added, for a message that says how to add it: before
   * the extension that follows the date ({@code access-%d.log} gives {@code access-%d.%i.log}),
   * else at the end (before {@code .gz}).
   *
   * @return the pattern with an index
   */
  public String withIndex() {
    boolean gz = source.endsWith(".gz");
    String body = gz ? source.substring(0, source.length() - 3) : source;
    int afterConversions = 0;
    for (int i = 0; i < body.length(); i++) {
      if (body.charAt(i) != '%') {
        continue;
      }
      i++;
      if (i + 1 < body.length() && body.charAt(i) == 'd' && body.charAt(i + 1) == '{') {
        i = body.indexOf('}', i);
      }
      afterConversions = i + 1;
    }
    int dot = body.lastIndexOf('.');
    String indexed = dot >= afterConversions
        ? body.substring(0, dot) + ".%i" + body.substring(dot) : body + ".%i";
    return gz ? indexed + ".gz" : indexed;
  }

  @Override
  public String toString() {
    return source;
  }
}
