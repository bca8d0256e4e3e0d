package dev.loggen.sinks;

import java.nio.file.Path;

/** Factories of file sinks. */
public final class FileSinks {
  private FileSinks() {}

  /**
   * A builder of a {@link RotatingFileSink} writing {@code path}. Without any trigger the file
   * is simply appended to (or truncated, see the builder) and never rotated.
   *
   * @param path the active file; its directory is created if needed and also holds the
   *     archives
   * @return the builder
   */
  public static RotatingFileSink.Builder rotating(Path path) {
    return new RotatingFileSink.Builder(path);
  }
}
