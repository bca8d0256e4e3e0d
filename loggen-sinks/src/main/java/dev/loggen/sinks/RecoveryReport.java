package dev.loggen.sinks;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link RotatingFileSink} found and repaired when it opened: a torn last line cut from
 * the active file, temporary files of an interrupted compression deleted, archives compressed
 * again. Each repair is also reported to the sink's warnings handler.
 *
 * @param path the active file
 * @param existingBytes how many bytes the active file held when it was opened for appending
 *     (after the cut), 0 when it was new or truncated
 * @param tornBytesCut how many bytes after the last {@code '\n'} were cut: a line that a crash
 *     left half written
 * @param deletedTemporaries temporary files ({@code .access.log.1.gz.tmp}) that were deleted
 * @param removedCopies uncompressed archives deleted because their complete {@code .gz} was
 *     there too (a crash between the two steps)
 * @param compressedAgain uncompressed archives queued for compression (their {@code .gz} had
 *     not completed)
 */
public record RecoveryReport(Path path, long existingBytes, long tornBytesCut,
    List<Path> deletedTemporaries, List<Path> removedCopies, List<Path> compressedAgain) {

  /**
   * Copies the lists.
   *
   * @param path the active file
   * @param existingBytes bytes held on open
   * @param tornBytesCut bytes of a torn line cut
   * @param deletedTemporaries temporary files deleted
   * @param removedCopies uncompressed copies deleted
   * @param compressedAgain archives queued for compression
   */
  public RecoveryReport {
    Objects.requireNonNull(path, "path");
    deletedTemporaries = List.copyOf(deletedTemporaries);
    removedCopies = List.copyOf(removedCopies);
    compressedAgain = List.copyOf(compressedAgain);
  }

  /**
   * Whether nothing needed repair.
   *
   * @return {@code true} when nothing was cut, deleted or compressed again
   */
  public boolean clean() {
    return tornBytesCut == 0 && deletedTemporaries.isEmpty() && removedCopies.isEmpty()
        && compressedAgain.isEmpty();
  }
}
