package dev.loggen.sinks.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Gives a log file the time of its last line as its modification time, for the years before
 * 1970 and after 2262 too. A later run dates the files it finds by that time (the archive an
 * appending run makes of yesterday's file, the ages retention compares), so a time that is
 * silently moved makes that run rotate and name wrongly.
 *
 * <p>{@link Files#setLastModifiedTime} on JDK 17's Unix file systems passes the time in
 * nanoseconds: a time after 2262-04-11 saturates there, and a time before 1970 with a fraction
 * of a second reaches the kernel with a negative nanosecond part, is refused, and is replaced
 * by 1970-01-01. So times before 1970 are set in whole seconds (the second of the last line:
 * no period boundary lies inside a second), and times after 2262 through {@link
 * java.io.File#setLastModified}, which takes milliseconds. What the file system cannot hold
 * (before 1677 through either path; after 2446 on ext4) is reported by {@link #set}'s result.
 */
public final class FileTimes {
  /** The last millisecond whose nanoseconds fit a long: 2262-04-11T23:47:16.854Z. */
  private static final long LAST_NANOS_MILLIS = Long.MAX_VALUE / 1_000_000L;

  private FileTimes() {}

  /**
   * Sets {@code path}'s modification time to {@code millis} (epoch milliseconds) as closely as
   * the file system allows.
   *
   * @return {@code null} when the file now has that time (to the second), else a message for
   *     the sink's warnings naming the file, the time wanted and the time kept
   * @throws IOException when the time cannot be set at all
   */
  public static @Nullable String set(Path path, long millis) throws IOException {
    setOnly(path, millis);
    long kept = Files.getLastModifiedTime(path).toMillis();
    if (Math.floorDiv(kept, 1000L) == Math.floorDiv(millis, 1000L)) {
      return null;
    }
    return String.format(Locale.ROOT, "the file system keeps %s as the modification time of %s,"
        + " not %s, the time of its last line: a later run that rotates or ages this file dates"
        + " it by %s", Instant.ofEpochMilli(kept), path, Instant.ofEpochMilli(millis),
        Instant.ofEpochMilli(kept));
  }

  /**
   * Sets the modification time of the active file while the sink holds it open and locked, so
   * that the lines a crashed run left are dated by their last one; without reading back what
   * was kept and without failing. Closing the file sets the time again with {@link #set}, which
   * reports what the file system could not keep.
   *
   * <p>The file is not opened: a lock on it belongs to the process (POSIX locks), and closing
   * any descriptor of the file releases it, which {@link Files#setLastModifiedTime} does (it
   * opens the file to set the time, on JDK 17 and later). {@link java.io.File#setLastModified}
   * sets the time by path, to the millisecond; it takes no time before 1970, so such a time is
   * not set here, only on close (after the lock is released): a crashed run's file then keeps
   * the time of its last write. On a file system other than the default one (which holds no
   * locks of the JDK's file channels) the time is set as {@link #set} sets it.
   *
   * @return whether the time was set; {@code false} (the file system refused, or a time before
   *     1970) is no failure: the close sets the time again and reports a failure then
   */
  public static boolean stamp(Path path, long millis) {
    try {
      if (!path.getFileSystem().equals(FileSystems.getDefault())) {
        setOnly(path, millis);
        return true;
      }
      return millis >= 0 && path.toFile().setLastModified(millis);
    } catch (IOException | RuntimeException e) {
      return false; // best effort, as a refused time above
    }
  }

  private static void setOnly(Path path, long millis) throws IOException {
    if (millis >= 0 && millis <= LAST_NANOS_MILLIS) {
      Files.setLastModifiedTime(path, FileTime.fromMillis(millis));
    } else if (millis < 0) {
      Files.setLastModifiedTime(path, FileTime.fromMillis(Math.floorDiv(millis, 1000L) * 1000L));
    } else if (!path.getFileSystem().equals(FileSystems.getDefault())
        || !path.toFile().setLastModified(millis)) {
      Files.setLastModifiedTime(path, FileTime.fromMillis(millis));
    }
  }
}
