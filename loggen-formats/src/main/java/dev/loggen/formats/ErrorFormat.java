package dev.loggen.formats;

import dev.loggen.core.LogFormat;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which error log goes with an access log: Apache httpd's, nginx's, or none. The YAML key
 * {@code errorFormat} and the command-line generator choose it; by default it follows the access
 * format ({@link #defaultFor(LogFormat)}).
 */
public enum ErrorFormat {
  /** Apache httpd 2.4 error-log lines, {@link LogFormats#apacheError()}. */
  APACHE,
  /** nginx error-log lines, {@link LogFormats#nginxError()}. */
  NGINX,
  /** No error log. */
  NONE;

  /**
   * The error-log format, or {@code null} for {@link #NONE}.
   *
   * @return a new format
   */
  public @Nullable LogFormat format() {
    return switch (this) {
      case APACHE -> LogFormats.apacheError();
      case NGINX -> LogFormats.nginxError();
      case NONE -> null;
    };
  }

  /**
   * The error log a server writing {@code access} would write: nginx's for an nginx
   * {@code log_format}, Apache's for everything else.
   *
   * @param access the access-log format
   * @return {@link #NGINX} or {@link #APACHE}
   */
  public static ErrorFormat defaultFor(LogFormat access) {
    Objects.requireNonNull(access, "access");
    return "nginx".equals(access.name()) ? NGINX : APACHE;
  }

  /**
   * The name as written in YAML and on the command line.
   *
   * @return {@code apache}, {@code nginx} or {@code none}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
