package dev.loggen.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The errors and warnings found while a configuration is read. Every binder records into the
 * diagnostics of the tree it reads (see {@link ConfigNode#diagnostics()}) instead of throwing at
 * the first problem, so one run reports everything wrong with a file; the caller then calls
 * {@link #throwIfErrors()}.
 *
 * <p>An error makes the configuration unusable; a warning says that a setting is not honoured
 * exactly (a key of the old tool loggen cannot reproduce, an approximate mapping). One error
 * is recorded per place (file, line, column and key path): the first; the same warning at the
 * same place is recorded once.
 *
 * <p>At most {@link #MAX_ERRORS} errors are listed: those first in the source. When there are
 * more, {@link #errors()} ends with one more line, at the first error left out, that says how
 * many were left out; so a file with thousands of mistakes (a list of hundreds of thousands of
 * wrong items) fails fast with a message that fits on a screen. Not thread-safe: one thread
 * reads one tree.
 */
public final class Diagnostics {
  /** The most errors listed; the rest are counted. */
  public static final int MAX_ERRORS = 100;

  /** Orders the errors kept by position and, at one position, in the order they came. */
  private static final Comparator<Kept> KEPT_ORDER = Comparator
      .comparing(Kept::error, ConfigError.BY_POSITION).thenComparingLong(Kept::order);

  /** An error kept, with when it came. */
  private record Kept(ConfigError error, long order) {}

  /** A place of an error: one error is recorded per place. */
  private record Place(String source, int line, int column, String path) {}

  private final Set<Place> places = new HashSet<>();
  private final TreeSet<Kept> errors = new TreeSet<>(KEPT_ORDER);
  private final Set<ConfigError> warnings = new LinkedHashSet<>();
  /** The first of the errors left out (after every error kept), or null. */
  private @Nullable ConfigError firstLeftOut;
  private int leftOut;
  /** Every error recorded, those folded into an earlier one at the same place included. */
  private int recorded;

  /** Empty diagnostics. */
  public Diagnostics() {}

  /**
   * Records an error.
   *
   * @param error the error
   */
  public void error(ConfigError error) {
    recorded++;
    if (!places.add(new Place(error.source(), error.line(), error.column(), error.path()))) {
      // One message per place: what follows from the first (a value read despite an
      // unsupported tag) would only repeat it.
      return;
    }
    errors.add(new Kept(error, recorded));
    if (errors.size() > MAX_ERRORS) {
      // Every error left out comes after every error kept: the kept ones only get earlier.
      ConfigError out = errors.pollLast().error();
      leftOut++;
      if (firstLeftOut == null || ConfigError.BY_POSITION.compare(out, firstLeftOut) < 0) {
        firstLeftOut = out;
      }
    }
  }

  /**
   * Records a warning.
   *
   * @param warning the warning
   */
  public void warning(ConfigError warning) {
    warnings.add(warning);
  }

  /** {@return whether any error was recorded} */
  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /**
   * {@return how many errors were recorded so far, those folded into an earlier one at the same
   * place included; binders compare it to skip work after an error}
   */
  public int errorCount() {
    // Not errors.size(): a binder that reads a value whose error is folded into an earlier one
    // at the same place (a tag) must still see that the value is missing.
    return recorded;
  }

  /**
   * {@return the errors, in the order of their position in the source} At most
   * {@link #MAX_ERRORS}, and then one line more that says how many were left out.
   */
  public List<ConfigError> errors() {
    List<ConfigError> out = new ArrayList<>(errors.size() + 1);
    errors.forEach(k -> out.add(k.error()));
    if (firstLeftOut != null) {
      ConfigError f = firstLeftOut;
      out.add(new ConfigError(f.source(), f.line(), f.column(), "", String.format(Locale.ROOT,
          leftOut == 1 ? "%,d more error from here on is not listed (only the first %d are)"
              : "%,d more errors from here on are not listed (only the first %d are)",
          leftOut, MAX_ERRORS)));
    }
    return List.copyOf(out);
  }

  /** {@return the warnings, in the order of their position in the source} */
  public List<ConfigError> warnings() {
    return sorted(warnings);
  }

  /**
   * Throws when there are errors.
   *
   * @throws ConfigException listing every error (and carrying the warnings)
   */
  public void throwIfErrors() {
    if (!errors.isEmpty()) {
      throw new ConfigException(errors(), warnings());
    }
  }

  private static List<ConfigError> sorted(Set<ConfigError> set) {
    List<ConfigError> out = new ArrayList<>(set);
    out.sort(ConfigError.BY_POSITION);
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "Diagnostics[" + (errors.size() + leftOut) + " errors, " + warnings.size()
        + " warnings]";
  }
}
