package dev.loggen.core.internal;

import java.time.Duration;
import java.util.Locale;

/**
 * Text for messages, on one line and inert on a terminal: control characters, format characters
 * (bidirectional overrides, zero-width characters), line and paragraph separators and unpaired
 * surrogates are written as {@code \}{@code uXXXX}. Messages quote what the user gave (a
 * configuration value, an option), and the user must see which character it holds, while an
 * escape sequence in it must not act on the terminal.
 */
public final class Printable {
  private Printable() {}

  /** Most characters of a value {@link #quoted} quotes. */
  public static final int QUOTED_CHARS = 100;

  /**
   * {@code s} in single quotes for a message, its first {@value #QUOTED_CHARS} characters only
   * when it is longer (whole characters: never half a surrogate pair), followed by its length:
   * {@code 'xxx...' (3000 characters)}. Not escaped: pass the message to {@link #of}.
   *
   * @param s the value
   * @return the value quoted
   */
  public static String quoted(String s) {
    if (s.length() <= QUOTED_CHARS) {
      return "'" + s + "'";
    }
    return "'" + s.substring(0, cut(s)) + "...' (" + s.length() + " characters)";
  }

  /**
   * {@code s} itself, or when it is longer than {@value #QUOTED_CHARS} characters its first
   * ones followed by its length, {@code xxx... (3000 characters)}: for a name a message shows
   * unquoted.
   *
   * @param s the value
   * @return the value, or its beginning
   */
  public static String shortened(String s) {
    if (s.length() <= QUOTED_CHARS) {
      return s;
    }
    return s.substring(0, cut(s)) + "... (" + s.length() + " characters)";
  }

  /** Where a long value is cut: whole characters, never half a surrogate pair. */
  private static int cut(String s) {
    return Character.isHighSurrogate(s.charAt(QUOTED_CHARS - 1)) ? QUOTED_CHARS - 1
        : QUOTED_CHARS;
  }

  /**
   * {@code s} with every character a terminal would not show as itself written as
   * {@code \}{@code uXXXX}; {@code s} itself when there is none.
   *
   * @param s the text
   * @return the text, printable
   */
  public static String of(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1));
      if (!pair && shown(c)) {
        if (sb != null) {
          sb.append(c);
        }
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (pair) {
        int cp = s.codePointAt(i);
        if (shownCodePoint(cp)) {
          sb.appendCodePoint(cp);
        } else {
          escape(sb, c);
          escape(sb, s.charAt(i + 1));
        }
        i++;
      } else {
        escape(sb, c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  private static void escape(StringBuilder sb, char c) {
    sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
  }

  private static boolean shown(char c) {
    return c >= 0x20 && c < 0x7F || c > 0x9F && !Character.isSurrogate(c) && shownCodePoint(c);
  }

  private static boolean shownCodePoint(int cp) {
    int type = Character.getType(cp);
    return type != Character.CONTROL && type != Character.FORMAT
        && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
        && type != Character.SURROGATE;
  }

  /**
   * A duration as a user writes it, for messages: {@code 6h}, {@code 1h30m}, {@code 500ms};
   * from a year on, whole days ({@code 366000d}) with the years of 366 days they hold at least
   * when they are a whole number of them ({@code 366000d (1000 years)}).
   *
   * @param d a duration of at least 0
   * @return its text
   */
  public static String duration(Duration d) {
    long days = d.toDays();
    if (days >= 366) {
      return days + "d" + (days % 366 == 0 ? " (" + days / 366 + " years)" : "");
    }
    long ms = d.toMillis();
    if (ms == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    String[] names = {"d", "h", "m", "s", "ms"};
    for (int i = 0; i < units.length; i++) {
      if (ms >= units[i]) {
        sb.append(ms / units[i]).append(names[i]);
        ms %= units[i];
      }
    }
    return sb.toString();
  }
}
