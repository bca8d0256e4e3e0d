package dev.loggen.formats.internal;

import dev.loggen.formats.LogParseException;
import dev.loggen.formats.LogParser;
import dev.loggen.formats.LogRecord;
import java.text.ParsePosition;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Parses JSON lines written by {@code LogFormats.json()} or {@code LogFormats.ecs()}, and JSON
 * access logs that use the same names (nginx-style flat names, ECS nested objects or ECS dotted
 * keys). Nested objects are flattened to dotted keys. A user, referrer or user agent is absent
 * when its value is JSON {@code null} or its key is missing, as our JSON formats write an absent
 * one; a string, {@code ""} and {@code "-"} included, reads as itself. An empty or {@code "-"}
 * query string ({@code args}, {@code url.query}) reads as none.
 */
final class JsonLineParser implements LogParser {
  /** What a status holds: the three digits the text formats read. */
  private static final String STATUS = "a status code from 0 to 999";

  private final String name;

  JsonLineParser(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return "LogParser[" + name + "]";
  }

  /** A JSON value: its kind, its text (string content unescaped; others as written). */
  private record Val(char kind, String text, int column) {}

  /** A syntax or type error at an index of the line. */
  private static final class Fail extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int index;
    final String expected;

    Fail(int index, String expected) {
      super(expected, null, false, false);
      this.index = index;
      this.expected = expected;
    }
  }

  @Override
  public LogRecord parseLine(String line, long lineNumber) {
    Objects.requireNonNull(line, "line");
    Map<String, Val> values = new LinkedHashMap<>();
    try {
      Reader r = new Reader(line);
      r.ws();
      r.object("", values);
      r.ws();
      if (r.i < line.length()) {
        throw new Fail(r.i, "the end of the line after the JSON object");
      }
      return record(values);
    } catch (Fail f) {
      throw new LogParseException(lineNumber, f.index + 1, f.expected, line);
    }
  }

  private static final class Reader {
    private static final int MAX_DEPTH = 64;
    final String s;
    int i;
    int depth;

    Reader(String s) {
      this.s = s;
    }

    void ws() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
          return;
        }
        i++;
      }
    }

    void expect(char c, String what) {
      if (i >= s.length() || s.charAt(i) != c) {
        throw new Fail(i, what);
      }
      i++;
    }

    void object(String prefix, Map<String, Val> out) {
      if (++depth > MAX_DEPTH) {
        throw new Fail(i, "at most " + MAX_DEPTH + " levels of nested objects and arrays");
      }
      expect('{', "'{'");
      ws();
      if (i < s.length() && s.charAt(i) == '}') {
        i++;
        depth--;
        return;
      }
      while (true) {
        ws();
        if (i >= s.length() || s.charAt(i) != '"') {
          throw new Fail(i, "'\"' starting a key");
        }
        String key = prefix + string();
        ws();
        expect(':', "':' after key \"" + key + "\"");
        ws();
        if (i < s.length() && s.charAt(i) == '{') {
          object(key + ".", out);
        } else {
          out.put(key, value());
        }
        ws();
        if (i < s.length() && s.charAt(i) == ',') {
          i++;
          continue;
        }
        expect('}', "',' or '}' after the value of \"" + key + "\"");
        depth--;
        return;
      }
    }

    Val value() {
      int start = i;
      if (i >= s.length()) {
        throw new Fail(i, "a JSON value");
      }
      char c = s.charAt(i);
      switch (c) {
        case '"':
          return new Val('s', string(), start);
        case '[': {
          skipArray();
          return new Val('a', s.substring(start, i), start);
        }
        case 't':
          return literal("true", 'b', start);
        case 'f':
          return literal("false", 'b', start);
        case 'n':
          return literal("null", 'z', start);
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number(start);
          }
          throw new Fail(i, "a JSON value");
      }
    }

    private static boolean isAsciiDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private Val literal(String word, char kind, int start) {
      if (!s.startsWith(word, i)) {
        throw new Fail(i, "a JSON value");
      }
      i += word.length();
      return new Val(kind, word, start);
    }

    private Val number(int start) {
      if (s.charAt(i) == '-') {
        i++;
      }
      int digits = i;
      while (i < s.length() && isAsciiDigit(s.charAt(i))) {
        i++;
      }
      if (i == digits) {
        throw new Fail(i, "digits");
      }
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int f = i;
        while (i < s.length() && isAsciiDigit(s.charAt(i))) {
          i++;
        }
        if (i == f) {
          throw new Fail(i, "digits after '.'");
        }
      }
      if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
        i++;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
          i++;
        }
        int f = i;
        while (i < s.length() && isAsciiDigit(s.charAt(i))) {
          i++;
        }
        if (i == f) {
          throw new Fail(i, "exponent digits");
        }
      }
      return new Val('n', s.substring(start, i), start);
    }

    private void skipArray() {
      if (++depth > MAX_DEPTH) {
        throw new Fail(i, "at most " + MAX_DEPTH + " levels of nested objects and arrays");
      }
      expect('[', "'['");
      ws();
      if (i < s.length() && s.charAt(i) == ']') {
        i++;
        depth--;
        return;
      }
      while (true) {
        ws();
        if (i < s.length() && s.charAt(i) == '{') {
          object("", new LinkedHashMap<>());
        } else {
          value();
        }
        ws();
        if (i < s.length() && s.charAt(i) == ',') {
          i++;
          continue;
        }
        expect(']', "',' or ']' in an array");
        depth--;
        return;
      }
    }

    /** Reads a string starting at its opening quote; returns its unescaped content. */
    String string() {
      expect('"', "'\"'");
      int start = i;
      boolean escapes = false;
      while (true) {
        if (i >= s.length()) {
          throw new Fail(i, "'\"' closing the string that starts at column " + start);
        }
        char c = s.charAt(i);
        if (c == '"') {
          break;
        }
        if (c < 0x20) {
          throw new Fail(i, "an escaped control character (JSON does not allow it raw)");
        }
        if (c == '\\') {
          escapes = true;
          if (i + 1 >= s.length()) {
            throw new Fail(i + 1, "an escape sequence");
          }
          char d = s.charAt(i + 1);
          if (d == 'u') {
            if (Unescape.hex4(s, i + 2) < 0) {
              throw new Fail(i + 2, "four hex digits after \\u");
            }
            i += 6;
            continue;
          }
          if ("\"\\/bfnrt".indexOf(d) < 0) {
            throw new Fail(i + 1, "one of \" \\ / b f n r t u after a backslash");
          }
          i += 2;
          continue;
        }
        i++;
      }
      String content = escapes ? Unescape.json(s, start, i) : s.substring(start, i);
      i++;
      return content;
    }
  }

  // ---------------------------------------------------------------- mapping

  private static LogRecord record(Map<String, Val> v) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, Val> e : v.entrySet()) {
      if (e.getValue().kind() != 'z') {
        fields.put(e.getKey(), e.getValue().text());
      }
    }
    OffsetDateTime time = time(v, "time", "@timestamp", "time_iso8601", "timestamp");
    String client = text(v, "remote_addr", "source.ip", "client.ip", "source.address");
    String user = text(v, "remote_user", "user.name");
    String method = text(v, "request_method", "http.request.method");
    String protocol = text(v, "server_protocol", "http.version");
    // ECS's http.version is the version alone; nginx's $server_protocol is the whole protocol
    if ("http.version".equals(present(v, "server_protocol", "http.version"))
        && protocol != null && !protocol.startsWith("HTTP/") && !protocol.isEmpty()
        && Character.isDigit(protocol.charAt(0))) {
      protocol = "HTTP/" + protocol;
    }
    String path = text(v, "request_uri", "url.original");
    if (path == null) {
      String p = text(v, "uri", "url.path");
      String q = optional(v, "args", "url.query");
      if (p != null) {
        path = q == null ? p : p + "?" + q;
      }
    }
    String request = text(v, "request");
    if (request != null) {
      int sp1 = request.indexOf(' ');
      int sp2 = request.lastIndexOf(' ');
      if (sp1 > 0) {
        method = request.substring(0, sp1);
        path = sp2 > sp1 ? request.substring(sp1 + 1, sp2) : request.substring(sp1 + 1);
        protocol = sp2 > sp1 ? request.substring(sp2 + 1) : protocol;
      }
    }
    Long status = integer(v, STATUS, 999, "status", "http.response.status_code");
    Long bytes = integer(v, Numbers.WHOLE, Long.MAX_VALUE, "body_bytes_sent",
        "http.response.body.bytes");
    Long micros = null;
    Val rt = find(v, "request_time");
    if (rt != null && rt.kind() != 'z') {
      micros = secondsAsMicros(rt, "request_time");
    } else {
      Long ns = integer(v, Numbers.WHOLE, Long.MAX_VALUE, "event.duration");
      micros = ns == null ? null : ns / 1000;
    }
    String referrer = text(v, "http_referer", "http.request.referrer");
    String agent = text(v, "http_user_agent", "user_agent.original");
    String host = text(v, "host", "url.domain", "host.name");
    return new LogRecord(time, client, null, user, method, path, protocol,
        status == null ? null : status.intValue(), bytes, referrer, agent, micros, host, fields);
  }

  /** The first of {@code keys} the line has, or null. */
  private static @Nullable String present(Map<String, Val> v, String... keys) {
    for (String k : keys) {
      if (v.containsKey(k)) {
        return k;
      }
    }
    return null;
  }

  private static @Nullable Val find(Map<String, Val> v, String... keys) {
    String k = present(v, keys);
    return k == null ? null : v.get(k);
  }

  private static @Nullable String text(Map<String, Val> v, String... keys) {
    Val x = find(v, keys);
    return x == null || x.kind() == 'z' ? null : x.text();
  }

  /** A value where null, "" and "-" mean absent. */
  private static @Nullable String optional(Map<String, Val> v, String... keys) {
    String t = text(v, keys);
    return t == null || t.isEmpty() || t.equals("-") ? null : t;
  }

  /**
   * A whole number from 0 to {@code max} (a JSON number or a string of digits), or null when
   * the line has none of {@code keys} or gives null or {@code "-"}.
   *
   * @param range what the field holds, e.g. {@code a status code from 0 to 999}
   */
  private static @Nullable Long integer(Map<String, Val> v, String range, long max,
      String... keys) {
    String key = present(v, keys);
    Val x = key == null ? null : v.get(key);
    if (x == null || x.kind() == 'z' || (x.kind() == 's' && x.text().equals("-"))) {
      return null;
    }
    String t = x.text();
    if ((x.kind() != 'n' && x.kind() != 's') || !t.matches("-?\\d+")) {
      throw new Fail(x.column(), "a whole number for \"" + key + "\"");
    }
    String expected = range + " for \"" + key + "\"";
    if (t.startsWith("-")) {
      throw new Fail(x.column(), expected + " (" + Numbers.quote(t, 0, t.length())
          + " is negative)");
    }
    long n = Numbers.digits(t, 0, t.length(), max);
    if (n < 0) {
      throw new Fail(x.column(), Numbers.tooLarge(expected, t, 0, t.length()));
    }
    return n;
  }

  /**
   * Decimal seconds in microseconds, or null when they do not fit a long in microseconds; a
   * whole part larger than a long is a failure, as in the text formats.
   */
  private static @Nullable Long secondsAsMicros(Val x, String key) {
    String t = x.text();
    if ((x.kind() != 'n' && x.kind() != 's') || !t.matches("\\d+(\\.\\d+)?")) {
      throw new Fail(x.column(), "seconds such as 0.123 for \"" + key + "\"");
    }
    int dot = t.indexOf('.');
    if (Numbers.digits(t, 0, dot < 0 ? t.length() : dot, Long.MAX_VALUE) < 0) {
      throw new Fail(x.column(),
          Numbers.tooLarge(Numbers.SECONDS + " for \"" + key + "\"", t, 0, t.length()));
    }
    return Numbers.decimalMicrosOrNull(t);
  }

  /**
   * The time of the first of {@code keys} the line has; a value that is no ISO-8601 time with
   * an offset fails at the value (a string: where its text goes wrong), naming the key.
   */
  private static @Nullable OffsetDateTime time(Map<String, Val> v, String... keys) {
    String key = present(v, keys);
    Val x = key == null ? null : v.get(key);
    if (x == null || x.kind() == 'z') {
      return null;
    }
    String expected = "an ISO-8601 time with offset such as 2026-01-01T10:00:00.000+01:00 for \""
        + key + "\"";
    if (x.kind() != 's') {
      throw new Fail(x.column(), expected);
    }
    try {
      return OffsetDateTime.parse(x.text());
    } catch (DateTimeParseException e) {
      int at = e.getErrorIndex() > 0 ? e.getErrorIndex() : fault(x.text());
      throw new Fail(x.column() + 1 + at, expected);
    }
  }

  /**
   * Where the field that is out of range starts in an ISO-8601 time that has the form but names
   * no time ({@code 2026-13-01T00:00:00Z}: the month; {@code 2026-02-30...}: the day), 0-based;
   * 0 for a text without the form. The parse error of such a text is at index 0, where the
   * text starts, not where it is wrong.
   */
  private static int fault(String text) {
    ParsePosition p = new ParsePosition(0);
    TemporalAccessor t = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parseUnresolved(text, p);
    if (t == null || p.getErrorIndex() >= 0 || !t.isSupported(ChronoField.YEAR)) {
      return 0;
    }
    long year = t.getLong(ChronoField.YEAR);
    if (!ChronoField.YEAR.range().isValidValue(year)) {
      return 0;
    }
    int month = text.indexOf('-', 1) + 1; // after the year, which may start with a sign
    int hour = text.indexOf('T', month) + 1;
    long m = t.getLong(ChronoField.MONTH_OF_YEAR);
    if (!ChronoField.MONTH_OF_YEAR.range().isValidValue(m)) {
      return month;
    }
    long d = t.getLong(ChronoField.DAY_OF_MONTH);
    if (d < 1 || d > YearMonth.of((int) year, (int) m).lengthOfMonth()) {
      return month + 3;
    }
    ChronoField[] clock = {ChronoField.HOUR_OF_DAY, ChronoField.MINUTE_OF_HOUR,
        ChronoField.SECOND_OF_MINUTE};
    for (int i = 0; i < clock.length; i++) {
      if (t.isSupported(clock[i]) && !clock[i].range().isValidValue(t.getLong(clock[i]))) {
        return hour + 3 * i;
      }
    }
    return 0;
  }
}
