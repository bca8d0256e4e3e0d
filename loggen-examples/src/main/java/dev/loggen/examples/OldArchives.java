package dev.loggen.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Deletes the archives an earlier run of an example left, compressed or not (an interrupted
 * run leaves an uncompressed one), so that a run writes a fresh set: a rotating sink's
 * {@code truncate()} empties its active file but keeps archives, and numbers a day archived
 * again after the archives it finds when it opens. So this runs before the sinks open.
 */
final class OldArchives {
  private OldArchives() {}

  /**
   * Deletes the files of {@code dir} whose names match {@code names}; other files are left.
   *
   * @param dir the directory (nothing to do when it does not exist)
   * @param names the archives' names
   */
  static void delete(Path dir, Pattern names) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (names.matcher(f.getFileName().toString()).matches()) {
          Files.delete(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the archives of an earlier run in " + dir, e);
    }
  }
}
