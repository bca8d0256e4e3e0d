package dev.loggen.formats.internal;

/** Builds the {@link IllegalArgumentException}s for bad format strings, all worded alike. */
final class FormatError {
  private FormatError() {}

  /**
   * An exception saying what is wrong with {@code format} and where.
   *
   * @param kind what the string is, e.g. {@code Apache LogFormat}
   * @param format the whole format string, quoted in the message
   * @param position 1-based position of the offending character in {@code format}
   * @param problem what is wrong, e.g. {@code unknown directive '%Z'}
   */
  static IllegalArgumentException at(String kind, String format, int position, String problem) {
    return new IllegalArgumentException(
        "invalid " + kind + " \"" + format + "\": " + problem + " at position " + position);
  }

  /** Receives a problem found at an index (0-based) of some part of a format. */
  @FunctionalInterface
  interface Reporter {
    IllegalArgumentException at(int index, String problem);
  }
}
