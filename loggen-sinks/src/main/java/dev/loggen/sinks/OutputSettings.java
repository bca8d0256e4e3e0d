package dev.loggen.sinks;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a configuration's {@code output} section gave; every field is null when its key is
 * absent, so a command-line option or a default can take its place.
 *
 * @param directory where {@code access.log} and {@code error.log} go, as written (relative paths
 *     are relative to the working directory), or {@link #STDOUT} for standard output; null when
 *     not given
 * @param rotation the rotation, or null when the section has no {@code rotation}
 * @param onExisting what to do with existing files, or null
 */
public record OutputSettings(@Nullable String directory, @Nullable RotationSettings rotation,
    @Nullable OnExisting onExisting) {

  /** The directory value that means standard output. */
  public static final String STDOUT = "-";

  /** Nothing given. */
  public static final OutputSettings EMPTY = new OutputSettings(null, null, null);

  /**
   * Checks the directory.
   *
   * @param directory the directory, or null
   * @param rotation the rotation, or null
   * @param onExisting what to do with existing files, or null
   */
  public OutputSettings {
    if (directory != null && directory.isBlank()) {
      throw new IllegalArgumentException("output directory must not be blank");
    }
  }

  /**
   * Whether lines go to standard output.
   *
   * @return whether the directory is {@link #STDOUT}
   */
  public boolean isStdout() {
    return STDOUT.equals(directory);
  }

  /**
   * A copy with another directory.
   *
   * @param newDirectory the directory, or {@link #STDOUT}
   * @return the copy
   */
  public OutputSettings withDirectory(String newDirectory) {
    return new OutputSettings(Objects.requireNonNull(newDirectory, "directory"), rotation,
        onExisting);
  }

  /**
   * A copy with another rotation.
   *
   * @param newRotation the rotation
   * @return the copy
   */
  public OutputSettings withRotation(RotationSettings newRotation) {
    return new OutputSettings(directory, Objects.requireNonNull(newRotation, "rotation"),
        onExisting);
  }

  /**
   * A copy with another mode for existing files.
   *
   * @param newOnExisting the mode
   * @return the copy
   */
  public OutputSettings withOnExisting(OnExisting newOnExisting) {
    return new OutputSettings(directory, rotation,
        Objects.requireNonNull(newOnExisting, "onExisting"));
  }
}
