package dev.loggen.sinks.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Opens the file channels a rotating sink writes through (the active file and the temporary
 * files of compression) and renames its finished files. Tests replace it to inject faults (a
 * disk that fills up, a write that fails a few times, a file system without atomic renames).
 */
@FunctionalInterface
public interface ChannelFactory {

  /** The default: {@link FileChannel#open(Path, OpenOption...)}. */
  ChannelFactory DEFAULT = FileChannel::open;

  /**
   * Opens a channel to {@code path}.
   *
   * @param path the file to open
   * @param options how to open it, as for {@link FileChannel#open(Path, OpenOption...)}
   * @return the open channel
   * @throws IOException when the file cannot be opened
   */
  FileChannel open(Path path, OpenOption... options) throws IOException;

  /**
   * Renames {@code from} to {@code to} atomically. The default is {@link Files#move} with
   * {@link StandardCopyOption#ATOMIC_MOVE}.
   *
   * @param from the file to rename
   * @param to its new name, which does not exist
   * @throws java.nio.file.AtomicMoveNotSupportedException where the file system cannot rename
   *     atomically (the caller then copies)
   * @throws IOException when the rename fails
   */
  default void moveAtomically(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Deletes the source of a rename that had to copy (where {@link #moveAtomically} is not
   * supported). The default is {@link Files#delete}.
   *
   * @param path the file to delete
   * @throws IOException when the delete fails
   */
  default void deleteCopied(Path path) throws IOException {
    Files.delete(path);
  }
}
