package dev.loggen.formats.internal;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A compiled {@code strftime(3)} pattern in the C locale (English names whatever the default
 * locale), able to render a {@link Civil} and to parse its own output back.
 *
 * <p>Conversions: {@code %a %A %b %B %c %C %d %D %e %F %h %H %I %j %k %l %m %M %p %P %r %R %s %S
 * %t %T %u %U %w %W %x %X %y %Y %z %Z %%}. {@code %Z} prints {@code UTC} for offset zero and the
 * numeric offset otherwise, as a zone known only by its offset has no abbreviation. {@code %n}
 * is refused (it would split the line), as are the ISO week conversions and the {@code E} and
 * {@code O} modifiers. loggen's own patterns may also use {@code %:z} ({@code +01:00}),
 * {@code %3N} (milliseconds) and {@code %6N} (microseconds).
 */
final class Strftime {
  static final int LIT = 0;
  static final int WDAY_ABBR = 1;
  static final int WDAY_FULL = 2;
  static final int MON_ABBR = 3;
  static final int MON_FULL = 4;
  static final int CENTURY = 5;
  static final int DAY2 = 6;
  static final int DAY_SP = 7;
  static final int HOUR24 = 8;
  static final int HOUR12 = 9;
  static final int DOY = 10;
  static final int HOUR24_SP = 11;
  static final int HOUR12_SP = 12;
  static final int MONTH2 = 13;
  static final int MINUTE = 14;
  static final int AMPM = 15;
  static final int AMPM_LOWER = 16;
  static final int EPOCH = 17;
  static final int SECOND = 18;
  static final int WDAY_MON1 = 19;
  static final int WDAY_SUN0 = 20;
  static final int WEEK_SUN = 21;
  static final int WEEK_MON = 22;
  static final int YEAR2 = 23;
  static final int YEAR = 24;
  static final int OFFSET = 25;
  static final int OFFSET_COLON = 26;
  static final int ZONE = 27;
  static final int MILLIS = 28;
  static final int MICROS = 29;

  static final String[] WDAY_ABBRS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static final String[] WDAY_NAMES = {
      "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  static final String[] MON_ABBRS = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static final String[] MON_NAMES = {"January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December"};
  private static final byte[][] WDAY_ABBR_BYTES = ascii(WDAY_ABBRS);
  private static final byte[][] WDAY_NAME_BYTES = ascii(WDAY_NAMES);
  private static final byte[][] MON_ABBR_BYTES = ascii(MON_ABBRS);
  private static final byte[][] MON_NAME_BYTES = ascii(MON_NAMES);

  private final String source;
  private final int[] kinds;
  private final byte[][] literals;
  private final int fracCount;

  private Strftime(String source, int[] kinds, byte[][] literals) {
    this.source = source;
    this.kinds = kinds;
    this.literals = literals;
    int f = 0;
    for (int k : kinds) {
      if (k == MILLIS || k == MICROS) {
        f++;
      }
    }
    this.fracCount = f;
  }

  /** The pattern as written. */
  String source() {
    return source;
  }

  /**
   * The char every output of the pattern starts with ({@code [} of {@code [%d/%b/%Y...]}), or
   * -1 when it starts with a conversion or a char beyond ASCII: a field printed right before
   * the time can end only where this char is.
   */
  int firstChar() {
    return kinds.length > 0 && kinds[0] == LIT && literals[0].length > 0 && literals[0][0] > 0
        ? literals[0][0] : -1;
  }

  /** How many sub-second conversions ({@code %3N}, {@code %6N}) the pattern has. */
  int fracCount() {
    return fracCount;
  }

  /**
   * Compiles a pattern.
   *
   * @param pattern the pattern
   * @param extensions whether loggen's own conversions {@code %:z %3N %6N} are allowed
   * @param problems turns an index into {@code pattern} and a problem into an exception
   */
  static Strftime compile(String pattern, boolean extensions, FormatError.Reporter problems) {
    List<Integer> kinds = new ArrayList<>();
    List<byte[]> literals = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int n = pattern.length();
    for (int i = 0; i < n; i++) {
      char c = pattern.charAt(i);
      if (c != '%') {
        lit.append(c);
        continue;
      }
      if (i + 1 >= n) {
        throw problems.at(i, "'%' at the end of the time format");
      }
      char d = pattern.charAt(++i);
      String expansion = switch (d) {
        case 'c' -> "%a %b %e %H:%M:%S %Y";
        case 'D', 'x' -> "%m/%d/%y";
        case 'F' -> "%Y-%m-%d";
        case 'r' -> "%I:%M:%S %p";
        case 'R' -> "%H:%M";
        case 'T', 'X' -> "%H:%M:%S";
        default -> null;
      };
      if (expansion != null) {
        Strftime inner = compile(expansion, false, problems);
        for (int t = 0; t < inner.kinds.length; t++) {
          if (inner.kinds[t] == LIT) {
            lit.append(new String(inner.literals[t], StandardCharsets.UTF_8));
          } else {
            flush(lit, kinds, literals);
            kinds.add(inner.kinds[t]);
            literals.add(new byte[0]);
          }
        }
        continue;
      }
      if (d == '%') {
        lit.append('%');
        continue;
      }
      if (d == 't') {
        lit.append('\t');
        continue;
      }
      if (d == 'n') {
        throw problems.at(i - 1, "'%n' would write a line break; a log line must stay one line");
      }
      int kind;
      if (extensions && d == ':' && i + 1 < n && pattern.charAt(i + 1) == 'z') {
        i++;
        kind = OFFSET_COLON;
      } else if (extensions && (d == '3' || d == '6') && i + 1 < n && pattern.charAt(i + 1) == 'N') {
        i++;
        kind = d == '3' ? MILLIS : MICROS;
      } else {
        kind = switch (d) {
          case 'a' -> WDAY_ABBR;
          case 'A' -> WDAY_FULL;
          case 'b', 'h' -> MON_ABBR;
          case 'B' -> MON_FULL;
          case 'C' -> CENTURY;
          case 'd' -> DAY2;
          case 'e' -> DAY_SP;
          case 'H' -> HOUR24;
          case 'I' -> HOUR12;
          case 'j' -> DOY;
          case 'k' -> HOUR24_SP;
          case 'l' -> HOUR12_SP;
          case 'm' -> MONTH2;
          case 'M' -> MINUTE;
          case 'p' -> AMPM;
          case 'P' -> AMPM_LOWER;
          case 's' -> EPOCH;
          case 'S' -> SECOND;
          case 'u' -> WDAY_MON1;
          case 'w' -> WDAY_SUN0;
          case 'U' -> WEEK_SUN;
          case 'W' -> WEEK_MON;
          case 'y' -> YEAR2;
          case 'Y' -> YEAR;
          case 'z' -> OFFSET;
          case 'Z' -> ZONE;
          default -> -1;
        };
      }
      if (kind < 0) {
        throw problems.at(i - 1,
            "unsupported time conversion '%" + FormatError.whole(pattern, i, i + 1) + "'");
      }
      flush(lit, kinds, literals);
      kinds.add(kind);
      literals.add(new byte[0]);
    }
    flush(lit, kinds, literals);
    int[] k = new int[kinds.size()];
    for (int i = 0; i < k.length; i++) {
      k[i] = kinds.get(i);
    }
    return new Strftime(pattern, k, literals.toArray(new byte[0][]));
  }

  /** Compiles one of loggen's own patterns (extensions allowed); a mistake is a bug. */
  static Strftime internal(String pattern) {
    return compile(pattern, true, (i, p) -> new IllegalArgumentException(
        "bad built-in time pattern \"" + pattern + "\": " + p + " at index " + i));
  }

  private static void flush(StringBuilder lit, List<Integer> kinds, List<byte[]> literals) {
    if (lit.length() > 0) {
      kinds.add(LIT);
      literals.add(lit.toString().getBytes(StandardCharsets.UTF_8));
      lit.setLength(0);
    }
  }

  /**
   * Renders {@code c}; sub-second conversions are written as zeros and their start positions in
   * {@code o} are stored in {@code fracAt} (in order), for the caller to fill in per line.
   */
  void render(Civil c, Bytes o, int[] fracAt) {
    render(c, o, fracAt, null);
  }

  /**
   * Whether within one local day only the digits of one {@code %H}, one {@code %M} and one
   * {@code %S} change (no 12-hour clock, AM/PM, epoch seconds, no conversion twice), so a
   * renderer can patch those digits instead of rendering the pattern when the second changes.
   */
  boolean patchableWithinDay() {
    int h = 0;
    int m = 0;
    int sec = 0;
    for (int k : kinds) {
      switch (k) {
        case HOUR12, HOUR12_SP, HOUR24_SP, AMPM, AMPM_LOWER, EPOCH -> {
          return false;
        }
        case HOUR24 -> h++;
        case MINUTE -> m++;
        case SECOND -> sec++;
        default -> {
          // depends on the date or the offset only, or is a literal
        }
      }
    }
    return h <= 1 && m <= 1 && sec <= 1;
  }

  /**
   * Renders as {@link #render(Civil, Bytes, int[])} and, when {@code hmsAt} (length 3) is
   * given, stores there the output positions of the {@code %H}, {@code %M} and {@code %S}
   * digits, -1 for those the pattern lacks.
   */
  void render(Civil c, Bytes o, int[] fracAt, int @Nullable [] hmsAt) {
    if (hmsAt != null) {
      java.util.Arrays.fill(hmsAt, -1);
    }
    int f = 0;
    for (int t = 0; t < kinds.length; t++) {
      switch (kinds[t]) {
        case LIT -> o.put(literals[t]);
        case WDAY_ABBR -> o.put(WDAY_ABBR_BYTES[c.dayOfWeek]);
        case WDAY_FULL -> o.put(WDAY_NAME_BYTES[c.dayOfWeek]);
        case MON_ABBR -> o.put(MON_ABBR_BYTES[c.month - 1]);
        case MON_FULL -> o.put(MON_NAME_BYTES[c.month - 1]);
        case CENTURY -> o.putPadded(Math.floorDiv(c.year, 100), 2);
        case DAY2 -> o.putPadded(c.day, 2);
        case DAY_SP -> spacePadded(o, c.day);
        case HOUR24 -> {
          mark(hmsAt, 0, o.len);
          o.putPadded(c.hour, 2);
        }
        case HOUR12 -> o.putPadded(hour12(c.hour), 2);
        case DOY -> o.putPadded(c.dayOfYear, 3);
        case HOUR24_SP -> spacePadded(o, c.hour);
        case HOUR12_SP -> spacePadded(o, hour12(c.hour));
        case MONTH2 -> o.putPadded(c.month, 2);
        case MINUTE -> {
          mark(hmsAt, 1, o.len);
          o.putPadded(c.minute, 2);
        }
        case AMPM -> o.putAscii(c.hour < 12 ? "AM" : "PM");
        case AMPM_LOWER -> o.putAscii(c.hour < 12 ? "am" : "pm");
        case EPOCH -> o.putLong(c.epochSecond);
        case SECOND -> {
          mark(hmsAt, 2, o.len);
          o.putPadded(c.second, 2);
        }
        case WDAY_MON1 -> o.putLong(c.dayOfWeek == 0 ? 7 : c.dayOfWeek);
        case WDAY_SUN0 -> o.putLong(c.dayOfWeek);
        case WEEK_SUN -> o.putPadded((c.dayOfYear - 1 + 7 - c.dayOfWeek) / 7, 2);
        case WEEK_MON -> o.putPadded((c.dayOfYear - 1 + 7 - (c.dayOfWeek + 6) % 7) / 7, 2);
        case YEAR2 -> o.putPadded(Math.floorMod(c.year, 100), 2);
        case YEAR -> year(o, c.year);
        case OFFSET -> offset(o, c.offsetSeconds, false);
        case OFFSET_COLON -> offset(o, c.offsetSeconds, true);
        case ZONE -> {
          if (c.offsetSeconds == 0) {
            o.putAscii("UTC");
          } else {
            offset(o, c.offsetSeconds, false);
          }
        }
        case MILLIS -> {
          fracAt[f++] = o.len;
          o.putPadded(0, 3);
        }
        case MICROS -> {
          fracAt[f++] = o.len;
          o.putPadded(0, 6);
        }
        default -> throw new AssertionError(kinds[t]);
      }
    }
  }

  private static void mark(int @Nullable [] hmsAt, int which, int pos) {
    if (hmsAt != null && hmsAt[which] < 0) {
      hmsAt[which] = pos;
    }
  }

  /** The width of the sub-second conversion number {@code i} (3 or 6). */
  int fracWidth(int i) {
    int f = 0;
    for (int k : kinds) {
      if (k == MILLIS || k == MICROS) {
        if (f++ == i) {
          return k == MILLIS ? 3 : 6;
        }
      }
    }
    throw new IndexOutOfBoundsException(i);
  }

  private static int hour12(int h) {
    int r = h % 12;
    return r == 0 ? 12 : r;
  }

  private static void spacePadded(Bytes o, int v) {
    if (v < 10) {
      o.put(' ');
    }
    o.putLong(v);
  }

  static void year(Bytes o, long y) {
    if (y >= 0 && y <= 9999) {
      o.putPadded(y, 4);
    } else {
      o.putLong(y);
    }
  }

  static void offset(Bytes o, int offsetSeconds, boolean colon) {
    o.put(offsetSeconds < 0 ? '-' : '+');
    int a = Math.abs(offsetSeconds) / 60;
    o.putPadded(a / 60, 2);
    if (colon) {
      o.put(':');
    }
    o.putPadded(a % 60, 2);
  }

  private static byte[][] ascii(String[] names) {
    byte[][] r = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      r[i] = names[i].getBytes(StandardCharsets.US_ASCII);
    }
    return r;
  }

  // ---------------------------------------------------------------- parsing

  /** What parsing found, or where it failed. */
  static final class Parsed {
    long year = Long.MIN_VALUE;
    /** {@code %C}, or -1. */
    int century = -1;
    /** {@code %y}, or -1. */
    int yearOfCentury = -1;
    int month = -1;
    int day = -1;
    int dayOfYear = -1;
    int hour = -1;
    int hour12 = -1;
    int pm = -1;
    int minute = -1;
    int second = -1;
    int nanos;
    /** Whether the pattern gave a fraction of the second ({@code nanos} is then set). */
    boolean hasFraction;
    boolean hasOffset;
    int offsetSeconds;
    boolean hasEpoch;
    long epochSecond;
    /** Index in the text where parsing failed, or -1. */
    int errorIndex = -1;
    /** Where the last conversion ended, when all of them matched (else -1). */
    int end = -1;
    String expected = "";

    /**
     * Takes from {@code later} what this one lacks: a time printed in parts (Apache's
     * {@code %{%d/%b/%Y %T}t.%{msec_frac}t %{%z}t}) is read as one. What both give is taken
     * from this one.
     */
    void fillFrom(Parsed later) {
      if (year == Long.MIN_VALUE) {
        year = later.year;
      }
      century = known(century, later.century);
      yearOfCentury = known(yearOfCentury, later.yearOfCentury);
      month = known(month, later.month);
      day = known(day, later.day);
      dayOfYear = known(dayOfYear, later.dayOfYear);
      hour = known(hour, later.hour);
      hour12 = known(hour12, later.hour12);
      pm = known(pm, later.pm);
      minute = known(minute, later.minute);
      second = known(second, later.second);
      if (!hasFraction && later.hasFraction) {
        nanos = later.nanos;
        hasFraction = true;
      }
      if (!hasOffset && later.hasOffset) {
        hasOffset = true;
        offsetSeconds = later.offsetSeconds;
      }
      if (!hasEpoch && later.hasEpoch) {
        hasEpoch = true;
        epochSecond = later.epochSecond;
      }
    }

    /** {@code mine} if the pattern gave that part (not -1), else {@code later}'s. */
    private static int known(int mine, int later) {
      return mine >= 0 ? mine : later;
    }

    /**
     * The year: a four-digit one ({@code %Y}) if given, else the century and the two-digit
     * year ({@code %C%y} is the whole year; {@code %y} alone is POSIX's: 69 to 99 in the
     * 1900s, else the 2000s), else {@link Long#MIN_VALUE}.
     */
    long resolvedYear() {
      if (year != Long.MIN_VALUE || yearOfCentury < 0) {
        return year;
      }
      return century >= 0 ? century * 100L + yearOfCentury
          : yearOfCentury < 69 ? 2000 + yearOfCentury : 1900 + yearOfCentury;
    }

    /** Whether the text names a whole date (or an epoch second), valid or not. */
    boolean hasDate() {
      return hasEpoch
          || (resolvedYear() != Long.MIN_VALUE && ((month > 0 && day > 0) || dayOfYear > 0));
    }

    /**
     * The time this describes, or null when the pattern does not give a full date. A time
     * without an offset is taken as UTC.
     */
    @Nullable OffsetDateTime toDateTime() {
      try {
        ZoneOffset off = ZoneOffset.ofTotalSeconds(hasOffset ? offsetSeconds : 0);
        if (hasEpoch) {
          return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond, nanos), off);
        }
        long y = resolvedYear();
        if (y == Long.MIN_VALUE || y < -999_999_999 || y > 999_999_999) {
          return null;
        }
        LocalDate date;
        if (month > 0 && day > 0) {
          date = LocalDate.of((int) y, month, day);
        } else if (dayOfYear > 0) {
          date = LocalDate.ofYearDay((int) y, dayOfYear);
        } else {
          return null;
        }
        int h = hour >= 0 ? hour : hour12 >= 0 ? hour12 % 12 + (pm == 1 ? 12 : 0) : 0;
        return OffsetDateTime.of(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), h,
            Math.max(minute, 0), Math.max(second, 0), nanos, off);
      } catch (DateTimeException e) {
        return null;
      }
    }
  }

  /** Whether what follows element {@code t} may begin with a digit (a number, or such text). */
  private boolean nextTakesDigits(int t) {
    if (t + 1 >= kinds.length) {
      return false;
    }
    byte[] lit = kinds[t + 1] == LIT ? literals[t + 1] : null;
    return lit == null || lit.length > 0 && lit[0] >= '0' && lit[0] <= '9';
  }

  /**
   * Parses {@code text[from, to)} as output of this pattern. Returns null when it matches
   * exactly, else sets {@link Parsed#errorIndex} and {@link Parsed#expected}.
   *
   * @return the parse result; check {@link Parsed#errorIndex}
   */
  Parsed parse(CharSequence text, int from, int to) {
    Parsed r = new Parsed();
    int p = from;
    for (int t = 0; t < kinds.length; t++) {
      int k = kinds[t];
      int next = switch (k) {
        case LIT -> literal(text, p, to, literals[t]);
        case WDAY_ABBR -> name(text, p, to, WDAY_ABBRS, null, r);
        case WDAY_FULL -> name(text, p, to, WDAY_NAMES, null, r);
        case MON_ABBR -> name(text, p, to, MON_ABBRS, Field.MONTH, r);
        case MON_FULL -> name(text, p, to, MON_NAMES, Field.MONTH, r);
        case AMPM -> name(text, p, to, new String[] {"AM", "PM"}, Field.PM, r);
        case AMPM_LOWER -> name(text, p, to, new String[] {"am", "pm"}, Field.PM, r);
        case YEAR -> {
          int q = p;
          if (q < to && text.charAt(q) == '-') {
            q++;
          }
          // one digit past the most a year may have is enough to refuse it: a parser tries a
          // time at many places of a line, and reading a long run of digits each time is slow
          int e = digitsEnd(text, q, q < to - 11 ? q + 11 : to);
          if (e - q > 4 && nextTakesDigits(t)) {
            e = q + 4; // %Y%m%d: the year is the four digits a year in 1..9999 prints as
          }
          if (e - q < 4 || e - q > 10) {
            yield -1;
          }
          r.year = Long.parseLong(text.subSequence(p, e).toString());
          yield e;
        }
        case EPOCH -> {
          int q = p;
          if (q < to && text.charAt(q) == '-') {
            q++;
          }
          int e = digitsEnd(text, q, q < to - 19 ? q + 19 : to); // as for the year
          if (e == q || e - q > 18) {
            yield -1;
          }
          r.hasEpoch = true;
          r.epochSecond = Long.parseLong(text.subSequence(p, e).toString());
          yield e;
        }
        case OFFSET, OFFSET_COLON -> offset(text, p, to, k == OFFSET_COLON, r);
        case ZONE -> {
          if (regionIs(text, p, to, "UTC") || regionIs(text, p, to, "GMT")) {
            r.hasOffset = true;
            r.offsetSeconds = 0;
            yield p + 3;
          }
          yield offset(text, p, to, false, r);
        }
        default -> number(text, p, to, k, r);
      };
      if (next < 0) {
        r.errorIndex = p;
        r.expected = describe(k, t);
        return r;
      }
      p = next;
    }
    r.end = p;
    if (p != to) {
      r.errorIndex = p;
      r.expected = "end of the time (" + source + ")";
    }
    return r;
  }

  private enum Field { MONTH, PM }

  private String describe(int k, int t) {
    return switch (k) {
      case LIT -> "'" + new String(literals[t], StandardCharsets.UTF_8) + "' in time " + source;
      case WDAY_ABBR, WDAY_FULL -> "a weekday name in time " + source;
      case MON_ABBR, MON_FULL -> "an English month name in time " + source;
      case AMPM, AMPM_LOWER -> "AM or PM in time " + source;
      case OFFSET, OFFSET_COLON, ZONE -> "a zone offset such as +0100 in time " + source;
      default -> "digits in time " + source;
    };
  }

  private static int literal(CharSequence s, int p, int to, byte[] lit) {
    String l = new String(lit, StandardCharsets.UTF_8);
    return regionIs(s, p, to, l) ? p + l.length() : -1;
  }

  static boolean regionIs(CharSequence s, int p, int to, String l) {
    if (to - p < l.length()) {
      return false;
    }
    for (int i = 0; i < l.length(); i++) {
      if (s.charAt(p + i) != l.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int name(CharSequence s, int p, int to, String[] names, @Nullable Field f,
      Parsed r) {
    for (int i = 0; i < names.length; i++) {
      if (regionIs(s, p, to, names[i])) {
        if (f == Field.MONTH) {
          r.month = i + 1;
        } else if (f == Field.PM) {
          r.pm = i;
        }
        return p + names[i].length();
      }
    }
    return -1;
  }

  private static int digitsEnd(CharSequence s, int p, int to) {
    while (p < to && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
      p++;
    }
    return p;
  }

  private static int fixed(CharSequence s, int p, int to, int width, boolean spacePad) {
    if (to - p < width) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < width; i++) {
      char c = s.charAt(p + i);
      if (c == ' ' && spacePad && i < width - 1 && v == 0) {
        continue;
      }
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int number(CharSequence s, int p, int to, int k, Parsed r) {
    int width = switch (k) {
      case DOY -> 3;
      case WDAY_MON1, WDAY_SUN0 -> 1;
      case MILLIS -> 3;
      case MICROS -> 6;
      default -> 2;
    };
    boolean spacePad = k == DAY_SP || k == HOUR24_SP || k == HOUR12_SP;
    int v = fixed(s, p, to, width, spacePad);
    if (v < 0) {
      return -1;
    }
    switch (k) {
      case DAY2, DAY_SP -> r.day = v;
      case HOUR24, HOUR24_SP -> r.hour = v;
      case HOUR12, HOUR12_SP -> r.hour12 = v;
      case DOY -> r.dayOfYear = v;
      case MONTH2 -> r.month = v;
      case MINUTE -> r.minute = v;
      case SECOND -> r.second = v;
      case MILLIS -> {
        r.nanos = v * 1_000_000;
        r.hasFraction = true;
      }
      case MICROS -> {
        r.nanos = v * 1_000;
        r.hasFraction = true;
      }
      case YEAR2 -> r.yearOfCentury = v;
      case CENTURY -> r.century = v;
      default -> {
        // weekday and week numbers are implied by the date
      }
    }
    return p + width;
  }

  private static int offset(CharSequence s, int p, int to, boolean colon, Parsed r) {
    int need = colon ? 6 : 5;
    if (to - p < need) {
      return -1;
    }
    char sign = s.charAt(p);
    if (sign != '+' && sign != '-') {
      return -1;
    }
    int hh = fixed(s, p + 1, to, 2, false);
    if (colon && s.charAt(p + 3) != ':') {
      return -1;
    }
    int mm = fixed(s, p + (colon ? 4 : 3), to, 2, false);
    if (hh < 0 || mm < 0 || hh > 18 || mm > 59) {
      return -1;
    }
    int total = (hh * 3600 + mm * 60) * (sign == '-' ? -1 : 1);
    if (Math.abs(total) > 18 * 3600) {
      return -1;
    }
    r.hasOffset = true;
    r.offsetSeconds = total;
    return p + need;
  }
}
