package dev.loggen.sinks;

/** What a run does with a log file that already exists (YAML {@code output.onExisting}). */
public enum OnExisting {
  /** Append to it (after cutting a torn last line); the default, as servers do. */
  APPEND,
  /** Empty it first; archives are kept. */
  TRUNCATE,
  /** Refuse to run, naming the file. */
  FAIL;

  /**
   * Sets this mode on a builder.
   *
   * @param builder the builder
   * @return {@code builder}
   */
  public RotatingFileSink.Builder applyTo(RotatingFileSink.Builder builder) {
    return switch (this) {
      case APPEND -> builder;
      case TRUNCATE -> builder.truncate();
      case FAIL -> builder.failIfExists();
    };
  }
}
