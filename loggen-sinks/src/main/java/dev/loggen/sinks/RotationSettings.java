package dev.loggen.sinks;

import dev.loggen.core.DataSize;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How log files rotate, as YAML {@code output.rotation} gives it: every field is null when not
 * set, and a null trigger means no rotation of that kind. {@link #applyTo} sets what is given on
 * a {@link RotatingFileSink.Builder}.
 *
 * @param size start a new file when the next line would take it past this size
 * @param time start a new file at every boundary of this period (hourly, daily, ...)
 * @param pattern logback-style archive names with {@code {log}} standing for the log's name
 *     ({@code access} or {@code error}), e.g. {@code {log}-%d{yyyy-MM-dd}.%i.log.gz}; null for
 *     logrotate-style names
 * @param gzip whether archives are compressed
 * @param keep the most archives kept per log
 * @param totalSizeCap the most bytes all archives of a log may take
 * @param maxAge archives older than this are deleted
 * @param fsync when data is forced to the device
 * @param zone the zone of period boundaries and of dates in names (UTC when null)
 */
public record RotationSettings(@Nullable DataSize size, @Nullable Duration time,
    @Nullable String pattern, @Nullable Boolean gzip, @Nullable Integer keep,
    @Nullable DataSize totalSizeCap, @Nullable Duration maxAge, @Nullable FsyncPolicy fsync,
    @Nullable ZoneId zone) {

  /** The placeholder of a pattern that stands for the log's name. */
  public static final String LOG_PLACEHOLDER = "{log}";

  /** Nothing set: no rotation. */
  public static final RotationSettings NONE =
      new RotationSettings(null, null, null, null, null, null, null, null, null);

  /**
   * Checks the values that are given.
   *
   * @param size the size trigger, or null
   * @param time the period, or null
   * @param pattern the archive pattern, or null
   * @param gzip compression, or null
   * @param keep archives to keep (at least 1), or null
   * @param totalSizeCap the size cap, or null
   * @param maxAge the age limit (positive), or null
   * @param fsync the fsync policy, or null
   * @param zone the zone, or null
   */
  public RotationSettings {
    if (time != null && (time.isZero() || time.isNegative())) {
      throw new IllegalArgumentException("rotation time must be positive (got " + time + ")");
    }
    if (keep != null && keep < 1) {
      throw new IllegalArgumentException("keep must be positive (got " + keep + ")");
    }
    if (maxAge != null && (maxAge.isZero() || maxAge.isNegative())) {
      throw new IllegalArgumentException("maxAge must be positive (got " + maxAge + ")");
    }
  }

  /**
   * Whether a size or time trigger is set.
   *
   * @return whether files rotate at all
   */
  public boolean rotates() {
    return size != null || time != null;
  }

  /**
   * A copy with another size trigger.
   *
   * @param newSize the size, or null for none
   * @return the copy
   */
  public RotationSettings withSize(@Nullable DataSize newSize) {
    return new RotationSettings(newSize, time, pattern, gzip, keep, totalSizeCap, maxAge, fsync,
        zone);
  }

  /**
   * A copy with another period.
   *
   * @param newTime the period, or null for none
   * @return the copy
   */
  public RotationSettings withTime(@Nullable Duration newTime) {
    return new RotationSettings(size, newTime, pattern, gzip, keep, totalSizeCap, maxAge, fsync,
        zone);
  }

  /**
   * A copy with compression on or off.
   *
   * @param newGzip whether to compress, or null for unset
   * @return the copy
   */
  public RotationSettings withGzip(@Nullable Boolean newGzip) {
    return new RotationSettings(size, time, pattern, newGzip, keep, totalSizeCap, maxAge, fsync,
        zone);
  }

  /**
   * A copy with another number of archives to keep.
   *
   * @param newKeep the number, or null for no limit
   * @return the copy
   */
  public RotationSettings withKeep(@Nullable Integer newKeep) {
    return new RotationSettings(size, time, pattern, gzip, newKeep, totalSizeCap, maxAge, fsync,
        zone);
  }

  /**
   * The pattern for one log, {@link #LOG_PLACEHOLDER} replaced by its name.
   *
   * @param logName e.g. {@code access}
   * @return the pattern, or null when there is none
   */
  public @Nullable String patternFor(String logName) {
    return pattern == null ? null : pattern.replace(LOG_PLACEHOLDER, logName);
  }

  /**
   * Sets what these settings give on {@code builder}, for the log named {@code logName}.
   *
   * @param builder a fresh builder
   * @param logName the log's name, e.g. {@code access}, for the pattern's {@code {log}}
   * @return {@code builder}
   * @throws IllegalArgumentException when a value is refused by the builder (a period that does
   *     not divide a day, a pattern that cannot be read)
   */
  public RotatingFileSink.Builder applyTo(RotatingFileSink.Builder builder, String logName) {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(logName, "logName");
    if (size != null) {
      builder.maxSize(size);
    }
    if (time != null) {
      builder.period(time);
    }
    if (zone != null) {
      builder.zone(zone);
    }
    String p = patternFor(logName);
    if (p != null) {
      builder.pattern(p);
    }
    if (Boolean.TRUE.equals(gzip)) {
      builder.gzip();
    }
    if (keep != null) {
      builder.keep(keep);
    }
    if (totalSizeCap != null) {
      builder.totalSizeCap(totalSizeCap);
    }
    if (maxAge != null) {
      builder.maxAge(maxAge);
    }
    if (fsync != null) {
      builder.fsync(fsync);
    }
    return builder;
  }

  /**
   * Checks the settings together without touching the file system (see
   * {@link RotatingFileSink.Builder#check()}), plus what the builder cannot see: compression
   * switched off while the pattern ends in {@code .gz}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public void check() {
    String p = patternFor("access");
    if (Boolean.FALSE.equals(gzip) && p != null && p.endsWith(".gz")) {
      throw new IllegalArgumentException("pattern '" + pattern + "' ends in .gz, which means"
          + " compressed, but gzip is false");
    }
    try {
      applyTo(FileSinks.rotating(java.nio.file.Path.of("access.log")), "access").check();
    } catch (IllegalArgumentException e) {
      if (p == null || pattern == null) {
        throw e;
      }
      // quote the pattern as the user wrote it, not as it reads for the access log, and the
      // period in the YAML's words (hourly, 6h), not as Java prints it (PT1H, PT6H)
      String m = String.valueOf(e.getMessage()).replace("'" + p + "'", "'" + pattern + "'");
      if (time != null) {
        m = m.replace(" " + time + " periods", " " + words(time) + " periods");
      }
      if (m.equals(e.getMessage())) {
        throw e;
      }
      throw new IllegalArgumentException(m, e);
    }
  }

  /** A period in the YAML's words: {@code hourly}, {@code daily}, {@code weekly}, {@code 6h}. */
  private static String words(Duration period) {
    if (period.equals(Duration.ofHours(1))) {
      return "hourly";
    }
    if (period.equals(Duration.ofDays(1))) {
      return "daily";
    }
    if (period.equals(Duration.ofDays(7))) {
      return "weekly";
    }
    long ms = period.toMillis();
    long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    String[] names = {"d", "h", "m", "s", "ms"};
    int i = 0;
    while (ms % units[i] != 0) {
      i++;
    }
    return ms / units[i] + names[i];
  }

  /** The settings in the YAML's words, for messages. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("rotation[");
    sb.append("size=").append(size == null ? "none" : size);
    sb.append(", time=").append(time == null ? "none"
        : time.toString().substring(2).toLowerCase(Locale.ROOT));
    if (pattern != null) {
      sb.append(", pattern='").append(pattern).append('\'');
    }
    if (gzip != null) {
      sb.append(", gzip=").append(gzip);
    }
    if (keep != null) {
      sb.append(", keep=").append(keep);
    }
    if (totalSizeCap != null) {
      sb.append(", totalSizeCap=").append(totalSizeCap);
    }
    if (maxAge != null) {
      sb.append(", maxAge=").append(maxAge);
    }
    if (fsync != null) {
      sb.append(", fsync=").append(fsync);
    }
    if (zone != null) {
      sb.append(", zone=").append(zone);
    }
    return sb.append(']').toString();
  }
}
