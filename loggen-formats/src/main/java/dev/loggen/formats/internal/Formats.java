package dev.loggen.formats.internal;

import dev.loggen.core.LogFormat;
import dev.loggen.core.internal.Printable;
import dev.loggen.formats.LogParser;
import dev.loggen.formats.NginxEscape;
import java.util.Objects;

/** The implementations behind {@code LogFormats} and {@code LogParsers}. */
public final class Formats {
  private static final String COMBINED_FORMAT = ApacheCompiler.NICKNAMES.get("combined");
  private static final String COMMON_FORMAT = ApacheCompiler.NICKNAMES.get("common");
  private static final ProgramFormat COMMON = new ProgramFormat("common", "LogFormats.common()",
      ApacheCompiler.compile(COMMON_FORMAT));
  private static final ProgramFormat COMBINED = new ProgramFormat("combined",
      "LogFormats.combined()", ApacheCompiler.compile(COMBINED_FORMAT));

  private Formats() {}

  /**
   * NCSA Common.
   *
   * @return the shared instance
   */
  public static LogFormat common() {
    return COMMON;
  }

  /**
   * NCSA Combined.
   *
   * @return the shared instance
   */
  public static LogFormat combined() {
    return COMBINED;
  }

  /**
   * Flat JSON lines.
   *
   * @return the shared instance
   */
  public static LogFormat json() {
    return JsonFormat.flat();
  }

  /**
   * ECS JSON lines.
   *
   * @return the shared instance
   */
  public static LogFormat ecs() {
    return JsonFormat.ecs();
  }

  /**
   * Whether {@code name} (in lower case) is one of Apache's stock {@code LogFormat} nicknames
   * ({@code common}, {@code combined}, {@code combinedio}, {@code vhost_combined},
   * {@code referer}, {@code agent}), which {@link #apache} takes as formats.
   *
   * @param name the name, in lower case
   * @return whether it is a nickname
   */
  public static boolean isApacheNickname(String name) {
    return ApacheCompiler.NICKNAMES.containsKey(name);
  }

  /**
   * Whether a format prints anything of the event: false for a format string of text alone
   * (an Apache {@code LogFormat} without a directive, an nginx {@code log_format} without a
   * variable), whose lines are all the same.
   *
   * @param format the format
   * @return false for a format string of text alone
   */
  public static boolean hasFields(LogFormat format) {
    return !(format instanceof ProgramFormat p) || p.hasFields();
  }

  /**
   * {@code format} itself, or, when it {@linkplain #hasFields prints nothing of the event} (a
   * format string of text alone, such as nginx's predefined name {@code combined} given as a
   * {@code log_format}), an error quoting {@code spec}: every line would be the same.
   *
   * @param format the format read from {@code spec}
   * @param spec the format string as given
   * @param nginx whether it was read as an nginx {@code log_format}, else an Apache
   *     {@code LogFormat}
   * @param hint what to write instead, appended in parentheses, or empty
   * @return {@code format}
   * @throws IllegalArgumentException when the format prints nothing of the event
   */
  public static LogFormat requireFields(LogFormat format, String spec, boolean nginx,
      String hint) {
    if (hasFields(format)) {
      return format;
    }
    throw new IllegalArgumentException("invalid " + (nginx ? "nginx log_format" : "Apache"
        + " LogFormat") + " \"" + Printable.of(spec) + "\": it has no "
        + (nginx ? "variable" : "directive") + ", so every line would be the same text"
        + (hint.isEmpty() ? "" : " (" + hint + ")"));
  }

  /**
   * An Apache LogFormat string or nickname.
   *
   * @param logFormat the format
   * @return the format
   */
  public static LogFormat apache(String logFormat) {
    Objects.requireNonNull(logFormat, "logFormat");
    Program p = ApacheCompiler.compile(logFormat);
    return new ProgramFormat("apache", "LogFormats.apache(\"" + logFormat + "\")", p);
  }

  /**
   * An nginx log_format string.
   *
   * @param logFormat the format
   * @param escape the escaping
   * @return the format
   */
  public static LogFormat nginx(String logFormat, NginxEscape escape) {
    Objects.requireNonNull(logFormat, "logFormat");
    Objects.requireNonNull(escape, "escape");
    Program p = NginxCompiler.compile(logFormat, escape);
    String esc = escape == NginxEscape.DEFAULT ? "" : ", NginxEscape." + escape.name();
    return new ProgramFormat("nginx", "LogFormats.nginx(\"" + logFormat + "\"" + esc + ")", p);
  }

  /**
   * Apache 2.4 error log.
   *
   * @return the shared instance
   */
  public static LogFormat apacheError() {
    return ErrorLogFormat.apache();
  }

  /**
   * nginx error log.
   *
   * @return the shared instance
   */
  public static LogFormat nginxError() {
    return ErrorLogFormat.nginx();
  }

  /**
   * A parser for lines of {@code format}, if it is one of ours that can be read back.
   *
   * @param format the format
   * @return its parser
   * @throws IllegalArgumentException for error-log formats and formats from elsewhere
   */
  public static LogParser parserFor(LogFormat format) {
    Objects.requireNonNull(format, "format");
    if (format instanceof HasParser p) {
      return p.parser();
    }
    throw new IllegalArgumentException("no parser for format " + format.name() + " (" + format
        + "): only the access-log formats of LogFormats can be parsed");
  }
}
