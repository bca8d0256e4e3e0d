package dev.loggen.sinks;

/** Which clock time-based rotation follows. */
public enum TimeSource {
  /**
   * The event time passed with each line ({@code epochMillis}): a simulated or backfilled run
   * rotates at simulated boundaries, so a backfilled week gives seven daily files named by
   * their simulated dates. The default.
   */
  EVENT,
  /** Wall-clock time from the sink's {@link java.time.Clock}: for live mode. */
  WALL
}
