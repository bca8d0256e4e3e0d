package dev.loggen.sinks.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When a rotating sink starts a new file: after a size, at period boundaries, or both. It only
 * decides when; what a rollover does (rename, compress, delete old files) is the
 * {@link RolloverStrategy}'s business.
 *
 * <p>To keep the per-line check down to two comparisons, a policy does not look at each line:
 * it tells the sink the largest size a file may reach and, for a given instant, the next
 * boundary. The sink compares its byte count and each line's time against those numbers and
 * asks the policy again only when one is crossed.
 */
public interface TriggeringPolicy {

  /**
   * The largest size, in bytes, a file may reach; a line that would take it past this starts a
   * new file (unless the file is empty: a line longer than the limit gets a file of its own).
   *
   * @return the limit, or {@link Long#MAX_VALUE} when size does not trigger
   */
  long maxFileBytes();

  /**
   * The first instant after {@code epochMillis} at which a new file must start.
   *
   * @param epochMillis the time of a line
   * @return the next boundary, or {@link Long#MAX_VALUE} when time does not trigger
   */
  long nextBoundary(long epochMillis);

  /**
   * The start of the period holding {@code epochMillis}, which names the file's archive.
   *
   * @param epochMillis the time of a line
   * @return the period start, or {@code epochMillis} itself when time does not trigger
   */
  long periodStart(long epochMillis);

  /**
   * Whether this policy starts files at time boundaries.
   *
   * @return {@code true} for time and combined policies
   */
  boolean timeBased();

  /**
   * Whether this policy starts files after a size.
   *
   * @return {@code true} for size and combined policies
   */
  default boolean sizeBased() {
    return maxFileBytes() != Long.MAX_VALUE;
  }

  /**
   * A policy that never triggers: one file that grows for ever.
   *
   * @return the policy
   */
  static TriggeringPolicy never() {
    return of(Long.MAX_VALUE, null);
  }

  /**
   * A policy from a size limit, a period grid, or both.
   *
   * @param maxFileBytes the size limit, or {@link Long#MAX_VALUE} for none
   * @param grid the period boundaries, or {@code null} for none
   * @return the policy
   */
  static TriggeringPolicy of(long maxFileBytes, @Nullable PeriodGrid grid) {
    if (grid == null) {
      return new Size(maxFileBytes);
    }
    return new Time(maxFileBytes, grid);
  }

  /**
   * Starts a new file after a size (or never, with {@link Long#MAX_VALUE}).
   *
   * @param maxFileBytes the limit
   */
  record Size(long maxFileBytes) implements TriggeringPolicy {
    /**
     * Checks the limit.
     *
     * @param maxFileBytes the limit, positive
     */
    public Size {
      if (maxFileBytes <= 0) {
        throw new IllegalArgumentException("maxSize must be positive (got " + maxFileBytes + ")");
      }
    }

    @Override
    public long nextBoundary(long epochMillis) {
      return Long.MAX_VALUE;
    }

    @Override
    public long periodStart(long epochMillis) {
      return epochMillis;
    }

    @Override
    public boolean timeBased() {
      return false;
    }
  }

  /**
   * Starts a new file at each period boundary and, with a limit, after a size as well.
   *
   * @param maxFileBytes the size limit, or {@link Long#MAX_VALUE} for none
   * @param grid the period boundaries
   */
  record Time(long maxFileBytes, PeriodGrid grid) implements TriggeringPolicy {
    /**
     * Checks the values.
     *
     * @param maxFileBytes the size limit, or {@link Long#MAX_VALUE} for none
     * @param grid the period boundaries
     */
    public Time {
      Objects.requireNonNull(grid, "grid");
      if (maxFileBytes <= 0) {
        throw new IllegalArgumentException("maxSize must be positive (got " + maxFileBytes + ")");
      }
    }

    @Override
    public long nextBoundary(long epochMillis) {
      return grid.end(epochMillis);
    }

    @Override
    public long periodStart(long epochMillis) {
      return grid.start(epochMillis);
    }

    @Override
    public boolean timeBased() {
      return true;
    }
  }
}
