package dev.loggen.core.config;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A configuration that cannot be used. It carries every error found (not only the first; past
 * {@link Diagnostics#MAX_ERRORS}, a count of the rest), in the order of their position in the
 * source; its message lists them one per line, e.g.
 *
 * <pre>
 * shop.yaml:12:5: traffic.hourly[24]: expected at most 24 values (got 25)
 * shop.yaml:20:3: sesion: unknown key 'sesion': did you mean 'session'?
 * </pre>
 *
 * <p>The warnings found up to the failure travel along, so a command-line tool can print them
 * too.
 */
public class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  // Not serialised (the message, which lists every error, is): empty after deserialisation.
  private final transient @Nullable List<ConfigError> errors;
  private final transient @Nullable List<ConfigError> warnings;

  /**
   * An exception for these errors.
   *
   * @param errors at least one error
   * @param warnings the warnings found so far (may be empty)
   */
  public ConfigException(List<ConfigError> errors, List<ConfigError> warnings) {
    super(message(errors));
    this.errors = List.copyOf(errors);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * An exception for one error.
   *
   * @param error the error
   */
  public ConfigException(ConfigError error) {
    this(List.of(error), List.of());
  }

  private static String message(List<ConfigError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one error");
    }
    return errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n"));
  }

  /**
   * {@return the errors, in the order of their position} Empty after Java deserialisation, which
   * keeps only the message.
   */
  public List<ConfigError> errors() {
    return errors != null ? errors : List.of();
  }

  /** {@return the warnings found before the configuration was rejected} */
  public List<ConfigError> warnings() {
    return warnings != null ? warnings : List.of();
  }
}
