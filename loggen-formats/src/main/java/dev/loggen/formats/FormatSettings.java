package dev.loggen.formats;

import dev.loggen.core.LogFormat;
import org.jspecify.annotations.Nullable;

/**
 * What a configuration's {@code format} and {@code errorFormat} keys gave: each is null when the
 * key is absent, so a command-line option or a default can take its place.
 *
 * @param format the access-log format, or null
 * @param errorFormat the error log, or null (then {@link ErrorFormat#defaultFor} applies)
 */
public record FormatSettings(@Nullable LogFormat format, @Nullable ErrorFormat errorFormat) {

  /** Neither key given. */
  public static final FormatSettings EMPTY = new FormatSettings(null, null);

  /**
   * The access-log format, Combined when none was given.
   *
   * @return the format
   */
  public LogFormat formatOrDefault() {
    return format != null ? format : LogFormats.combined();
  }

  /**
   * The error log, the one that goes with {@link #formatOrDefault()} when none was given.
   *
   * @return the error format
   */
  public ErrorFormat errorFormatOrDefault() {
    return errorFormat != null ? errorFormat : ErrorFormat.defaultFor(formatOrDefault());
  }

  /**
   * A copy with another access-log format.
   *
   * @param newFormat the format
   * @return the copy
   */
  public FormatSettings withFormat(LogFormat newFormat) {
    return new FormatSettings(newFormat, errorFormat);
  }

  /**
   * A copy with another error log.
   *
   * @param newErrorFormat the error log
   * @return the copy
   */
  public FormatSettings withErrorFormat(ErrorFormat newErrorFormat) {
    return new FormatSettings(format, newErrorFormat);
  }
}
