package dev.loggen.sinks.internal;

/**
 * Which archives to keep: at most {@code keep} files, at most {@code totalSizeCap} bytes in
 * all, none older than {@code maxAgeMillis}. The oldest go first. Each limit is off when it is
 * {@link Long#MAX_VALUE} ({@link Integer#MAX_VALUE} for the count).
 *
 * @param keep how many archives to keep
 * @param totalSizeCap how many bytes the archives may take together
 * @param maxAgeMillis how old an archive may get, by its last line's time
 */
public record Retention(int keep, long totalSizeCap, long maxAgeMillis) {

  /** Keeps everything. */
  public static final Retention ALL = new Retention(Integer.MAX_VALUE, Long.MAX_VALUE,
      Long.MAX_VALUE);

  /**
   * Checks the limits.
   *
   * @param keep how many archives to keep
   * @param totalSizeCap how many bytes the archives may take
   * @param maxAgeMillis how old an archive may get
   */
  public Retention {
    if (keep <= 0) {
      throw new IllegalArgumentException("keep must be positive (got " + keep + ")");
    }
    if (totalSizeCap <= 0) {
      throw new IllegalArgumentException("totalSizeCap must be positive (got " + totalSizeCap
          + ")");
    }
    if (maxAgeMillis <= 0) {
      throw new IllegalArgumentException("maxAge must be positive (got " + maxAgeMillis + " ms)");
    }
  }

  /**
   * Whether any limit is on.
   *
   * @return {@code false} for {@link #ALL}
   */
  public boolean limits() {
    return keep != Integer.MAX_VALUE || totalSizeCap != Long.MAX_VALUE
        || maxAgeMillis != Long.MAX_VALUE;
  }
}
