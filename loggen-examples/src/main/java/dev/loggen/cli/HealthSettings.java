package dev.loggen.cli;

import java.util.Objects;

/**
 * Where the {@code /health} endpoint listens: YAML {@code health: {port, bind}},
 * {@code --health-port} and {@code --health-bind}, or the old tool's {@code health_check}.
 *
 * @param port the TCP port, 0 for any free one (the bound port is printed)
 * @param bind the address to listen on; {@code 127.0.0.1} unless asked otherwise
 */
public record HealthSettings(int port, String bind) {
  /** The default address: the loopback interface only. */
  public static final String LOOPBACK = "127.0.0.1";

  /**
   * Checks the fields.
   *
   * @param port 0 to 65535
   * @param bind a host name or address, not blank
   */
  public HealthSettings {
    Objects.requireNonNull(bind, "bind");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("health port must be between 0 and 65535 (got " + port
          + ")");
    }
    if (bind.isBlank()) {
      throw new IllegalArgumentException("health bind address must not be blank");
    }
  }
}
