package dev.loggen.formats;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code escape=} parameter of nginx's {@code log_format}: how variable values are escaped.
 * Built-in log fields ({@code $time_local}, {@code $status}, {@code $body_bytes_sent},
 * {@code $request_time}, {@code $msec}, ...) are numbers and times and are never escaped, as in
 * nginx.
 */
public enum NginxEscape {
  /**
   * {@code escape=default}: {@code "}, {@code \}, bytes below 0x20 and bytes 0x7F and above
   * (every byte of a non-ASCII UTF-8 character) are written as {@code \xHH}, upper-case hex. An
   * unset variable (no user, no referrer, no query string) is written as {@code -}.
   */
  DEFAULT,
  /**
   * {@code escape=json}: JSON string escaping: {@code \"}, {@code \\}, {@code \n \r \t \b \f},
   * other bytes below 0x20 as <code>&#92;u00XX</code>; non-ASCII UTF-8 is copied. An unset
   * variable is written as nothing (an empty string), as nginx does.
   */
  JSON,
  /**
   * {@code escape=none}: values are copied as they are, except that LF and CR are still written
   * as {@code \x0A} and {@code \x0D} so that one event stays one line (nginx would write them
   * raw). An unset variable is written as nothing, as nginx does. Values may then contain the
   * format's own delimiters, which can make parsing ambiguous.
   */
  NONE;

  /**
   * Reads the nginx parameter: {@code escape=default}, {@code escape=json} or
   * {@code escape=none}; the bare value ({@code json}) is accepted too.
   *
   * @param parameter the parameter as written in {@code log_format}
   * @return the escaping it names
   * @throws IllegalArgumentException naming the parameter and the accepted values
   */
  public static NginxEscape fromParameter(String parameter) {
    Objects.requireNonNull(parameter, "parameter");
    String v = parameter.startsWith("escape=") ? parameter.substring(7) : parameter;
    return switch (v) {
      case "default" -> DEFAULT;
      case "json" -> JSON;
      case "none" -> NONE;
      default -> throw new IllegalArgumentException("nginx escape parameter \"" + parameter
          + "\" is not one of escape=default, escape=json, escape=none");
    };
  }

  /**
   * The parameter as nginx spells it.
   *
   * @return e.g. {@code escape=json}
   */
  public String parameter() {
    return "escape=" + name().toLowerCase(Locale.ROOT);
  }
}
