package dev.loggen.examples;

import dev.loggen.sinks.internal.ActiveFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

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
   * The archives belong to the active files {@code logs}: while one of them is being written
   * (a sink of this JVM holds it, rolling over included; or a process that locks it holds its
   * lock) nothing is deleted, and the call fails as that sink's builder would; the locks are
   * held while deleting. A sink of another process is not seen during its rollovers, when it
   * has released the file's lock: do not clean a directory another process writes.
   *
   * @param dir the directory (nothing to do when it does not exist)
   * @param names the archives' names
   * @param logs the active files whose archives these are
   * @throws IllegalStateException naming the file another sink is writing; nothing was deleted
   */
  static void delete(Path dir, Pattern names, Path... logs) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<FileChannel> held = new ArrayList<>();
    try {
      for (Path log : logs) {
        lockIfThere(log, held);
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          if (names.matcher(f.getFileName().toString()).matches()) {
            Files.delete(f);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the archives of an earlier run in " + dir, e);
    } finally {
      for (FileChannel ch : held) {
        try {
          ch.close(); // releases the lock
        } catch (IOException e) {
          // nothing was written through it
        }
      }
    }
  }

  /**
   * Takes the lock of {@code log} when it is a regular file (a sink writing it would have
   * created it), adding its channel to {@code held}.
   */
  private static void lockIfThere(Path log, List<FileChannel> held) throws IOException {
    if (ActiveFile.heldInThisJvm(log)) {
      // seen at any moment, where the file's lock is released around each rollover (and the
      // file may then not even exist)
      throw taken(log, "another sink in this JVM", null);
    }
    if (!Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS) || !Files.isWritable(log)) {
      return; // the fixture's own checks refuse what a sink cannot open
    }
    FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE);
    held.add(ch);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      throw taken(log, "another sink in this JVM", e);
    } catch (IOException e) {
      return; // no locks on this file system: sinks write without one too
    }
    if (lock == null) {
      throw taken(log, "another process (it holds a lock on the file: another loggen?)", null);
    }
  }

  private static IllegalStateException taken(Path log, String by,
      @Nullable Exception cause) {
    return new IllegalStateException("path " + log + " is being written by " + by
        + "; nothing was deleted: the archives in its directory are that sink's", cause);
  }
}
