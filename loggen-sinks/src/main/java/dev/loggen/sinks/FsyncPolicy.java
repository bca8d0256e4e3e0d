package dev.loggen.sinks;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When a rotating sink forces written data to the storage device ({@code fsync}). Without it
 * the operating system writes the data back in its own time: a crashed process loses nothing
 * it has written, a crashed machine may.
 */
public final class FsyncPolicy {
  /** Never force; the operating system writes back in its own time. The default. */
  public static final FsyncPolicy NONE = new FsyncPolicy(false, null);

  /**
   * Force a file before it is renamed to its archive name, compressed files before their
   * rename, and the active file on close.
   */
  public static final FsyncPolicy ON_ROTATE = new FsyncPolicy(true, null);

  private final boolean onRotate;
  private final @Nullable Duration interval;

  private FsyncPolicy(boolean onRotate, @Nullable Duration interval) {
    this.onRotate = onRotate;
    this.interval = interval;
  }

  /**
   * Force as {@link #ON_ROTATE} does and, in addition, when the buffer is written and at least
   * {@code interval} has passed on the sink's clock since the last time.
   *
   * @param interval the least time between two forces, at least one millisecond
   * @return the policy
   * @throws IllegalArgumentException when the interval is not positive
   */
  public static FsyncPolicy every(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.toMillis() <= 0) {
      throw new IllegalArgumentException(
          "fsync interval must be at least one millisecond (got " + interval + ")");
    }
    return new FsyncPolicy(true, interval);
  }

  /**
   * Whether files are forced before rotation and on close.
   *
   * @return {@code true} for all policies but {@link #NONE}
   */
  public boolean onRotate() {
    return onRotate;
  }

  /**
   * The periodic interval, or {@code null} when there is none.
   *
   * @return the interval
   */
  public @Nullable Duration interval() {
    return interval;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FsyncPolicy p && p.onRotate == onRotate
        && Objects.equals(p.interval, interval);
  }

  @Override
  public int hashCode() {
    return Objects.hash(onRotate, interval);
  }

  @Override
  public String toString() {
    return interval != null ? "every " + interval : onRotate ? "ON_ROTATE" : "NONE";
  }
}
