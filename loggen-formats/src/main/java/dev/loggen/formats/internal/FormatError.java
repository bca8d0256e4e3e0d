package dev.loggen.formats.internal;

import dev.loggen.core.internal.Printable;
import java.util.Locale;

/** Builds the {@link IllegalArgumentException}s for bad format strings, all worded alike. */
final class FormatError {
  private FormatError() {}

  /**
   * An exception saying what is wrong with {@code format} and where, on one line and inert on a
   * terminal ({@link Printable}): a control character in the format (an escape, a bell, a line
   * break) is quoted as {@code \}{@code uXXXX}, as {@code LogParseException} quotes a line.
   *
   * @param kind what the string is, e.g. {@code Apache LogFormat}
   * @param format the whole format string, quoted in the message
   * @param position 1-based position of the offending character in {@code format}
   * @param problem what is wrong, e.g. {@code unknown directive '%Z'}
   */
  static IllegalArgumentException at(String kind, String format, int position, String problem) {
    return new IllegalArgumentException(Printable.of(
        "invalid " + kind + " " + quoted(format, position) + ": " + problem + " at position "
            + position));
  }

  /** Formats up to this long are quoted whole; longer ones around the position only. */
  private static final int QUOTED_WHOLE = 400;
  /** Characters quoted on each side of the position of a longer format. */
  private static final int AROUND = 60;

  /**
   * {@code format} in double quotes; a format longer than {@value #QUOTED_WHOLE} characters (a
   * generated one, say) only around {@code position}, with its length, so that the message
   * stays readable: {@code "...%h %l %Z %u..." (3000 characters)}.
   */
  private static String quoted(String format, int position) {
    if (format.length() <= QUOTED_WHOLE) {
      return "\"" + format + "\"";
    }
    int at = Math.max(0, Math.min(format.length(), position - 1));
    int from = Math.max(0, at - AROUND);
    if (from > 0 && Character.isLowSurrogate(format.charAt(from))) {
      from--;
    }
    int to = Math.min(format.length(), at + AROUND);
    return "\"" + (from > 0 ? "..." : "") + whole(format, from, to)
        + (to < format.length() ? "..." : "") + "\" (" + format.length() + " characters)";
  }

  /**
   * {@code text[from, to)} for a message, with the low surrogate after it when it ends in the
   * high one of a pair, so that a message quotes whole characters (never half of one).
   */
  static String whole(String text, int from, int to) {
    int end = to > from && to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))
        && Character.isLowSurrogate(text.charAt(to)) ? to + 1 : to;
    return text.substring(from, end);
  }

  /**
   * Reads a literal character of a format string as Apache and nginx configurations read it:
   * {@code \"}, {@code \\} and {@code \t} (and {@code \'} where {@code singleQuote}) are
   * escapes, {@code \n}, {@code \r} and raw line breaks are refused (a format renders one
   * line), any other backslash stands for itself.
   *
   * @param format the format string
   * @param i index of the character to read
   * @param lit the literal being built; the character read is appended
   * @param singleQuote whether {@code \'} is an escape (nginx)
   * @param errors how problems are reported
   * @return the index after what was read
   */
  static int readLiteral(String format, int i, StringBuilder lit, boolean singleQuote,
      Reporter errors) {
    char c = format.charAt(i);
    if (c == '\\' && i + 1 < format.length()) {
      char d = format.charAt(i + 1);
      if (d == '"' || d == '\\' || (singleQuote && d == '\'')) {
        lit.append(d);
        return i + 2;
      }
      if (d == 't') {
        lit.append('\t');
        return i + 2;
      }
      if (d == 'n' || d == 'r') {
        throw errors.at(i, "'\\" + d
            + "' would write a line break; a format renders one line and the sink ends it");
      }
      lit.append('\\');
      return i + 1;
    }
    if (c == '\n' || c == '\r') {
      throw errors.at(i, "a line break; a format renders one line and the sink ends it");
    }
    lit.append(c);
    return i + 1;
  }

  /**
   * Refuses what a format cannot print as written, anywhere in it, also inside the argument of a
   * directive ({@code %{...}t}), where the literal rules do not look: a raw line break, and an
   * unpaired UTF-16 surrogate, which UTF-8 cannot encode (the line would hold a {@code ?} where
   * the format has the surrogate, and the parser would not read it back).
   *
   * @param format the format string
   * @param errors makes the exception at an index
   */
  static void printable(String format, Reporter errors) {
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '\n' || c == '\r') {
        throw errors.at(i, "a line break; a format renders one line and the sink ends it");
      }
      if (Character.isHighSurrogate(c) && i + 1 < format.length()
          && Character.isLowSurrogate(format.charAt(i + 1))) {
        i++; // a pair: one character, which UTF-8 encodes
      } else if (Character.isSurrogate(c)) {
        throw errors.at(i, String.format(Locale.ROOT, "an unpaired surrogate U+%04X; a format"
            + " must be valid UTF-16 text (UTF-8 cannot encode it, so the line could not be read"
            + " back)", (int) c));
      }
    }
  }

  /** Receives a problem found at an index (0-based) of some part of a format. */
  @FunctionalInterface
  interface Reporter {
    IllegalArgumentException at(int index, String problem);
  }
}
