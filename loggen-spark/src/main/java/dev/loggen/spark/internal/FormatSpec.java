package dev.loggen.spark.internal;

import dev.loggen.core.LogFormat;
import dev.loggen.formats.LogFormats;
import java.util.Objects;

/**
 * Resolves a format as the command line's {@code --format} gives it: a registered name
 * ({@code common}, {@code combined}, {@code json}, {@code ecs}, {@code apache-error},
 * {@code nginx-error}), {@code apache:} or {@code nginx:} followed by a format string, or a bare
 * format string: with a {@code %} an Apache {@code LogFormat}, else with a {@code $} an nginx
 * {@code log_format}.
 */
public final class FormatSpec {
  private FormatSpec() {}

  /**
   * The format {@code spec} names.
   *
   * @param spec the format as given
   * @return the format
   * @throws IllegalArgumentException when it is none of the above, or the format string is bad
   */
  public static LogFormat resolve(String spec) {
    Objects.requireNonNull(spec, "format");
    if (LogFormats.names().contains(spec)) {
      return LogFormats.named(spec);
    }
    if (spec.startsWith("apache:")) {
      return LogFormats.apache(spec.substring("apache:".length()));
    }
    if (spec.startsWith("nginx:")) {
      return LogFormats.nginx(spec.substring("nginx:".length()));
    }
    if (spec.indexOf('%') >= 0) {
      return LogFormats.apache(spec);
    }
    if (spec.indexOf('$') >= 0) {
      return LogFormats.nginx(spec);
    }
    throw new IllegalArgumentException("format \"" + spec + "\" is unknown: expected one of "
        + String.join(", ", LogFormats.names())
        + ", an Apache LogFormat string (with %) or an nginx log_format string (with $)");
  }
}
