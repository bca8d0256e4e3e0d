package dev.loggen.spark.internal;

import dev.loggen.core.LogFormat;
import dev.loggen.formats.FormatConfig;
import dev.loggen.formats.LogFormats;
import dev.loggen.formats.internal.Formats;
import java.util.Locale;
import java.util.Objects;

/**
 * Resolves a format as the command line's {@code --format} reads it
 * ({@link FormatConfig#parse}: {@code common}, {@code combined}, {@code json}, {@code ecs} in any
 * case, an Apache nickname such as {@code vhost_combined}, an nginx {@code log_format} string
 * when it has a {@code $variable}, else an Apache {@code LogFormat} string when it has a
 * {@code %}), plus two readings a run on Spark adds: {@code apache:} or {@code nginx:} followed
 * by a format string forces the reading, and the error-log formats {@code apache-error} and
 * {@code nginx-error} write the error log alone (a run on Spark writes one log).
 */
public final class FormatSpec {
  private FormatSpec() {}

  /**
   * Whether {@code spec} names an error-log format ({@code apache-error}, {@code nginx-error},
   * in any case), whose run writes the error log alone.
   *
   * @param spec the format as given
   * @return whether {@link #resolve} gives an error-log format for it
   */
  public static boolean isErrorLog(String spec) {
    Objects.requireNonNull(spec, "format");
    String name = spec.trim().toLowerCase(Locale.ROOT);
    return !spec.startsWith("apache:") && !spec.startsWith("nginx:")
        && (name.equals("apache-error") || name.equals("nginx-error"));
  }

  /** For a format string that is a format's name: how to name that format instead. */
  private static String hint(String text) {
    String name = text.trim().toLowerCase(Locale.ROOT);
    return FormatConfig.NAMES.contains(name) || Formats.isApacheNickname(name)
        ? "for the " + name + " format, give --format " + name : "";
  }

  /**
   * The format {@code spec} names.
   *
   * @param spec the format as given
   * @return the format
   * @throws IllegalArgumentException when it is none of the above, or the format string is bad
   *     or text alone (no directive or variable)
   */
  public static LogFormat resolve(String spec) {
    Objects.requireNonNull(spec, "format");
    // A format string of text alone is refused, as in a configuration's format: every line
    // would be the same (before: "nginx:combined" wrote the word "combined" as every line).
    if (spec.startsWith("apache:")) {
      String f = spec.substring("apache:".length());
      return Formats.requireFields(LogFormats.apache(f), f, false, hint(f));
    }
    if (spec.startsWith("nginx:")) {
      String f = spec.substring("nginx:".length());
      return Formats.requireFields(LogFormats.nginx(f), f, true, hint(f));
    }
    if (isErrorLog(spec)) {
      return LogFormats.named(spec.trim().toLowerCase(Locale.ROOT));
    }
    try {
      return FormatConfig.parse(spec);
    } catch (IllegalArgumentException e) {
      String m = String.valueOf(e.getMessage());
      if (m.startsWith("unknown format ") || m.startsWith("format must not be empty")) {
        // the list of what is expected: add what only a run on Spark reads
        throw new IllegalArgumentException(m + "; on Spark also apache-error,"
            + " nginx-error, or apache: or nginx: before a format string", e);
      }
      throw e;
    }
  }
}
