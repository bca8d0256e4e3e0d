package dev.loggen.core.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The errors and warnings found while a configuration is read. Every binder records into the
 * diagnostics of the tree it reads (see {@link ConfigNode#diagnostics()}) instead of throwing at
 * the first problem, so one run reports everything wrong with a file; the caller then calls
 * {@link #throwIfErrors()}.
 *
 * <p>An error makes the configuration unusable; a warning says that a setting is not honoured
 * exactly (a key of the old tool loggen cannot reproduce, an approximate mapping). One error
 * is recorded per place (file, line, column and key path): the first; the same warning at the
 * same place is recorded once. Not thread-safe: one thread reads one tree.
 */
public final class Diagnostics {
  private final Set<ConfigError> errors = new LinkedHashSet<>();
  private final Set<ConfigError> warnings = new LinkedHashSet<>();
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
    for (ConfigError e : errors) {
      if (e.line() == error.line() && e.column() == error.column()
          && e.path().equals(error.path()) && e.source().equals(error.source())) {
        // One message per place: what follows from the first (a value read despite an
        // unsupported tag) would only repeat it.
        return;
      }
    }
    errors.add(error);
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

  /** {@return the errors, in the order of their position in the source} */
  public List<ConfigError> errors() {
    return sorted(errors);
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
    return "Diagnostics[" + errors.size() + " errors, " + warnings.size() + " warnings]";
  }
}
