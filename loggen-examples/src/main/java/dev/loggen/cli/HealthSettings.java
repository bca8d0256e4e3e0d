package dev.loggen.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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

  /**
   * What is wrong with {@code bind} as an address to listen on, or null when this machine can
   * listen there: an address or host name that resolves to the wildcard address, a loopback
   * address or an address of one of this machine's interfaces. Checked before anything is
   * written, so that an address the server cannot bind to is a bad command line (or
   * configuration) rather than a failure of the run.
   *
   * @param bind the address or host name as given
   * @return the expectation and the problem, to follow the option or key in a message
   */
  public static @Nullable String problem(String bind) {
    String expected = "expected an IP address or host name of this machine, such as 127.0.0.1"
        + " or 0.0.0.0 (got '" + bind + "': ";
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (IOException e) {
      return expected + "unknown host)";
    }
    if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
      return null;
    }
    try {
      if (NetworkInterface.getByInetAddress(address) != null) {
        return null;
      }
    } catch (SocketException e) {
      return null; // cannot tell: binding will say
    }
    return expected + address.getHostAddress() + " is not an address of this machine)";
  }
}
