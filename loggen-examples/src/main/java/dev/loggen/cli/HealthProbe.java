package dev.loggen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;

/**
 * Asks a running generator's {@code /health} and exits 0 when it answers 200, 1 otherwise: a
 * container health check for images without {@code curl} or {@code wget}.
 *
 * <pre>{@code java -cp loggen.jar dev.loggen.cli.HealthProbe [port | url]}</pre>
 *
 * <p>The default is {@code http://127.0.0.1:8080/health}. It prints the answer's body (or the
 * error) on standard output, which Docker keeps with the health status.
 */
public final class HealthProbe {
  private HealthProbe() {}

  /**
   * Probes and exits.
   *
   * @param args an optional port or URL
   */
  public static void main(String[] args) {
    System.exit(probe(args.length > 0 ? args[0] : "8080") ? 0 : 1);
  }

  /**
   * Whether {@code /health} answers 200.
   *
   * @param target a port (on 127.0.0.1) or an {@code http:} or {@code https:} URL
   * @return whether the generator is healthy (false, with a message, for another kind of URL)
   */
  static boolean probe(String target) {
    String url = target.matches("\\d+") ? "http://127.0.0.1:" + target + "/health" : target;
    try {
      URLConnection connection = URI.create(url).toURL().openConnection();
      if (!(connection instanceof HttpURLConnection c)) {
        // an ftp: or file: URL ended in a ClassCastException's stack trace
        System.out.println("health check of " + url + " failed: expected a port or an http://"
            + " or https:// URL");
        return false;
      }
      c.setConnectTimeout(3_000);
      c.setReadTimeout(3_000);
      int code = c.getResponseCode();
      try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
        if (in != null) {
          System.out.write(in.readAllBytes());
          System.out.flush();
        }
      }
      return code == 200;
    } catch (IOException | RuntimeException e) {
      // a port out of range (given alone or in the URL) comes as an IllegalArgumentException
      // wrapped in a RuntimeException, which was a stack trace
      Throwable cause = e.getClass() == RuntimeException.class && e.getCause() != null
          ? e.getCause() : e;
      System.out.println("health check of " + url + " failed: " + cause);
      return false;
    }
  }
}
