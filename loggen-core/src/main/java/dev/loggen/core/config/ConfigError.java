package dev.loggen.core.config;

import dev.loggen.core.internal.Printable;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * One located message about a configuration: where it is (source, 1-based line and column, key
 * path) and what was wrong or expected. {@link Diagnostics} holds errors and warnings as values
 * of this type.
 *
 * <p>{@link #toString()} gives the compiler-style line {@code shop.yaml:12:5: traffic.hourly[24]:
 * expected at most 24 values (got 25)}; the path part is left out when the message concerns the
 * whole file.
 *
 * @param source the file name (as given) or another name of the source, e.g. an environment
 *     variable
 * @param line 1-based line
 * @param column 1-based column
 * @param path the key path, e.g. {@code traffic.hourly[24]}; empty for the file as a whole
 * @param message what was wrong and what was expected
 */
public record ConfigError(String source, int line, int column, String path, String message) {

  /** Orders by source, line and column. */
  static final Comparator<ConfigError> BY_POSITION = Comparator.comparing(ConfigError::source)
      .thenComparingInt(ConfigError::line).thenComparingInt(ConfigError::column);

  /**
   * Checks the fields.
   *
   * @param source the file name or another name of the source
   * @param line 1-based line
   * @param column 1-based column
   * @param path the key path, empty for the whole file
   * @param message what was wrong and what was expected
   */
  public ConfigError {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "line and column are 1-based (got line=%d, column=%d)", line, column));
    }
  }

  /**
   * {@code source:line:column: path: message}, on one line: characters a terminal would not
   * show as themselves (control characters, format characters such as bidirectional overrides,
   * line separators, unpaired surrogates) are written as {@code \}{@code uXXXX}, so that the
   * reader sees which character a value holds and none of them acts on the terminal. The
   * components keep the text as it was.
   */
  @Override
  public String toString() {
    return Printable.of(source) + ":" + line + ":" + column + ": "
        + (path.isEmpty() ? "" : Printable.of(path) + ": ") + Printable.of(message);
  }
}
