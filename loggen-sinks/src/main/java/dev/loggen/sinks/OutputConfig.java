package dev.loggen.sinks;

import dev.loggen.core.DataSize;
import dev.loggen.core.config.ConfigNode;
import dev.loggen.core.config.internal.Values;
import dev.loggen.core.internal.Printable;
import dev.loggen.sinks.internal.NameTemplate;
import dev.loggen.sinks.internal.PeriodGrid;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Binds the {@code output} section of a loggen YAML configuration (the module-binder protocol of
 * {@link dev.loggen.core.config.CoreConfig}):
 *
 * <pre>{@code
 * output:
 *   directory: logs                # or "-" for standard output
 *   onExisting: append             # append | truncate | fail
 *   rotation:
 *     size: 100MB                  # a new file before one grows past this
 *     time: daily                  # hourly | daily | a duration dividing a day (15m, 6h) | 7d
 *     zone: UTC                    # of period boundaries and dates in names
 *     pattern: "{log}-%d{yyyy-MM-dd}.%i.log.gz"   # logback-style; default: logrotate-style
 *     gzip: true
 *     keep: 14                     # archives per log
 *     totalSizeCap: 10GB
 *     maxAge: 30d
 *     fsync: none                  # none | onRotate | a duration (every 1s)
 * }</pre>
 *
 * <p>Binding is pure: it checks values and their combinations (a pattern without {@code %i}
 * while size rotation is on, say) but creates no directory and opens no file. Whether the
 * directory can be written is found out when the sinks are opened, and reported with the path.
 */
public final class OutputConfig {
  /** The top-level key this binder reads. */
  public static final String KEY = "output";

  private static final List<String> OUTPUT_KEYS = List.of("directory", "rotation", "onExisting");

  private OutputConfig() {}

  /**
   * Binds {@code output} of {@code root}, recording errors in its diagnostics (call
   * {@code root.diagnostics().throwIfErrors()} after every binder ran).
   *
   * @param root the root of the configuration tree
   * @return what the section gave (nulls for absent keys)
   */
  public static OutputSettings read(ConfigNode root) {
    Objects.requireNonNull(root, "root");
    ConfigNode out = root.get(KEY);
    if (out.isMissing()) {
      return OutputSettings.EMPTY;
    }
    out.claim(OUTPUT_KEYS);
    String directory = out.get("directory").nonBlankString().map(String::trim).orElse(null);
    OnExisting onExisting = out.get("onExisting").enumValue(OnExisting.class).orElse(null);
    ConfigNode r = out.get("rotation");
    RotationSettings rotation = r.isMissing() ? null : rotation(r);
    return new OutputSettings(directory, rotation, onExisting);
  }

  private static @Nullable RotationSettings rotation(ConfigNode r) {
    int before = r.diagnostics().errorCount();
    DataSize size = r.get("size").dataSize().orElse(null);
    Duration time = time(r.get("time"));
    ZoneId zone = r.get("zone").zone().orElse(null);
    ConfigNode p = r.get("pattern");
    String pattern = p.nonBlankString().orElse(null);
    if (pattern != null) {
      if (!pattern.contains(RotationSettings.LOG_PLACEHOLDER)) {
        p.error("pattern '" + pattern + "' has no " + RotationSettings.LOG_PLACEHOLDER
            + " (replaced by access or error), which the access and error logs need so that"
            + " their archives get different names, e.g. '{log}-%d{yyyy-MM-dd}.%i.log.gz'");
      } else {
        // "error" is as long as "{log}": positions in the message are the pattern's as written
        String named = pattern.replace(RotationSettings.LOG_PLACEHOLDER, "error");
        try {
          NameTemplate.parse(named, zone == null ? ZoneOffset.UTC : zone);
        } catch (IllegalArgumentException e) {
          p.error(String.valueOf(e.getMessage()).replace("'" + Printable.of(named) + "'",
              "'" + Printable.of(pattern) + "'"));
        }
      }
    }
    Boolean gzip = r.get("gzip").bool().orElse(null);
    OptionalLong k = r.get("keep").integer(1, Integer.MAX_VALUE);
    Integer keep = k.isPresent() ? (int) k.getAsLong() : null;
    DataSize cap = r.get("totalSizeCap").dataSize().orElse(null);
    Duration maxAge = r.get("maxAge").positiveDuration().orElse(null);
    FsyncPolicy fsync = fsync(r.get("fsync"));
    if (r.diagnostics().errorCount() != before) {
      return null;
    }
    // combinations in the file's words (RotationSettings.check says them in the builder's)
    if (size == null && time == null) {
      List<String> pointless = new ArrayList<>();
      for (String key : List.of("pattern", "gzip", "keep", "totalSizeCap", "maxAge")) {
        if (key.equals("gzip") ? Boolean.TRUE.equals(gzip) : r.has(key)) { // gzip: false is fine
          pointless.add("rotation." + key);
        }
      }
      if (!pointless.isEmpty()) {
        r.error(String.join(", ", pointless) + " set without rotation.size or rotation.time:"
            + " without one of them no file is ever rotated");
        return null;
      }
    }
    if (pattern != null && Boolean.TRUE.equals(gzip) && !pattern.endsWith(".gz")) {
      r.error("pattern '" + pattern + "' does not end in .gz but rotation.gzip is true; end the"
          + " pattern with .gz");
      return null;
    }
    RotationSettings s;
    try {
      s = new RotationSettings(size, time, pattern, gzip, keep, cap, maxAge, fsync, zone);
      s.check();
    } catch (IllegalArgumentException | IllegalStateException e) {
      r.error(e.getMessage());
      return null;
    }
    return s;
  }

  private static @Nullable Duration time(ConfigNode t) {
    if (t.isMissing()) {
      return null;
    }
    if (t.isScalar()) {
      String v = t.text().trim().toLowerCase(Locale.ROOT);
      if (v.equals("hourly")) {
        return Duration.ofHours(1);
      }
      if (v.equals("daily")) {
        return Duration.ofDays(1);
      }
      if (v.equals("weekly")) {
        return Duration.ofDays(7);
      }
      String text = t.text();
      if (Values.duration(text) == null && !Values.tooLongDuration(text)
          && Values.number(text).isEmpty()) { // a bare number: the duration's "give a unit" hint
        t.error("expected hourly, daily, weekly or a duration dividing a day (15m, 6h) or whole"
            + " days (7d) (got " + t.describe() + ")");
        return null;
      }
    }
    Optional<Duration> d = t.positiveDuration();
    if (d.isEmpty()) {
      return null;
    }
    String problem = PeriodGrid.problem(d.get());
    if (problem != null) { // the value as written, not as Java prints it (PT7H)
      t.error(problem.replace("(got " + d.get() + ")", "(got " + t.text().trim() + ")")
          + " (or hourly, daily, weekly)");
      return null;
    }
    return d.get();
  }

  private static @Nullable FsyncPolicy fsync(ConfigNode f) {
    if (f.isMissing()) {
      return null;
    }
    if (f.isScalar()) {
      String v = f.text().trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
      if (v.equals("none")) {
        return FsyncPolicy.NONE;
      }
      if (v.equals("onrotate")) {
        return FsyncPolicy.ON_ROTATE;
      }
      if (v.chars().noneMatch(Character::isDigit)) {
        f.error("expected none, onRotate, or a duration such as 1s (got " + f.describe() + ")");
        return null;
      }
    }
    Optional<Duration> d = f.positiveDuration();
    if (d.isEmpty()) {
      return null;
    }
    if (d.get().toMillis() < 1) {
      f.error("expected none, onRotate, or a duration of at least 1ms (got " + f.describe()
          + ")");
      return null;
    }
    return FsyncPolicy.every(d.get());
  }
}
