package dev.loggen.sinks.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The file a rotating sink is writing: its channel, the position after the last whole line
 * that was written (the "good position"), retries that cut a failed write back to that
 * position before trying again, and the repair of a torn last line on open.
 *
 * <p>The sink owns its file: while the channel is open it holds an exclusive lock on it, taken
 * before anything in the file is changed. Another sink on the same file (in this JVM, or in a
 * process that locks, such as another loggen) is refused with an
 * {@link IllegalStateException}. Where the file system has no locks, the file is written
 * without one.
 *
 * <p>A file another sink of this JVM holds is refused before a channel on it is opened: the
 * lock belongs to the process, and closing any channel of the file (that of the refused sink
 * too) would release it. The files held are known by their path and, where the file system
 * has them, by their {@link BasicFileAttributes#fileKey() file keys} (a hard link or a symbolic
 * link to a held file is refused too).
 *
 * <p>Used by one thread at a time. An interrupt of that thread neither loses nor fails a write:
 * see {@link Retrier}; the thread's interrupt status is kept.
 */
public final class ActiveFile {

  /** What to do with a file that exists already. */
  public enum OpenMode {
    /** Append after cutting a torn last line (bytes after the last {@code '\n'}). */
    APPEND,
    /** Cut the file to nothing. */
    TRUNCATE,
    /** Refuse to open it. */
    FAIL_IF_EXISTS
  }

  private static final int SCAN_CHUNK = 64 * 1024;

  /**
   * The paths and file keys of the files whose channels the sinks of this JVM hold; also the
   * lock around checking, opening, locking and adding a file, so that two threads cannot both
   * find a file free.
   */
  private static final Set<Object> HELD = new HashSet<>();

  private final Path path;
  private final ChannelFactory channels;
  private final Retrier retrier;
  private final long tailLimit;
  private @Nullable FileChannel channel;
  private long position;
  /** What this file added to {@link #HELD} while its channel is open; empty when closed. */
  private List<Object> held = List.of();

  /**
   * A closed active file; {@link #open} opens it.
   *
   * @param path the file, absolute
   * @param channels opens the channel
   * @param retrier retries failed operations
   * @param tailLimit how far back from the end a torn line is looked for on open; a file with
   *     no line end in that many bytes is refused rather than cut
   */
  public ActiveFile(Path path, ChannelFactory channels, Retrier retrier, long tailLimit) {
    this.path = Objects.requireNonNull(path, "path");
    this.channels = Objects.requireNonNull(channels, "channels");
    this.retrier = Objects.requireNonNull(retrier, "retrier");
    this.tailLimit = tailLimit;
  }

  /**
   * Opens the file as {@code mode} says.
   *
   * @param mode what to do with existing content
   * @return the number of bytes of a torn last line that were cut (0 when none)
   * @throws IllegalArgumentException when the file exists and {@code mode} is
   *     {@link OpenMode#FAIL_IF_EXISTS}, or when it has no line end near its end
   * @throws IllegalStateException when another sink or process holds the file's lock; the file
   *     is left as it was
   * @throws UncheckedIOException naming the operation and the path when opening failed
   */
  public long open(OpenMode mode) {
    openAndLock(mode);
    return prepare(mode);
  }

  /**
   * The first half of {@link #open}: opens the file (creating it when it does not exist) and
   * takes its lock, without changing its content. A program opening several files takes every
   * lock first, so that one file another writer holds refuses the run before any file is
   * emptied; then it calls {@link #prepare} on each.
   *
   * @param mode what will be done with existing content
   * @throws IllegalArgumentException when the file exists and {@code mode} is
   *     {@link OpenMode#FAIL_IF_EXISTS}
   * @throws IllegalStateException when another sink or process holds the file's lock; the file
   *     is left as it was
   * @throws UncheckedIOException naming the operation and the path when opening failed
   */
  public void openAndLock(OpenMode mode) {
    uninterrupted(() -> {
      openChannel(mode);
      return null;
    });
  }

  /**
   * Runs {@code action} with the thread's interrupt status cleared, and sets it again after: an
   * interrupted thread's channel would close itself (and tryLock fail) at the first call.
   */
  private static <T> T uninterrupted(Supplier<T> action) {
    boolean interrupted = Thread.interrupted();
    try {
      return action.get();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Checks, once {@link #openAndLock} succeeded and before {@link #prepare}, that the file has
   * a line end near its end, as {@link #prepare} with {@link OpenMode#APPEND} needs, without
   * changing anything: a program opening several files checks every file before it empties or
   * cuts any. The file stays open when this fails: the caller closes it.
   *
   * @throws IllegalArgumentException when the file has no line end near its end
   * @throws UncheckedIOException naming the operation and the path when reading failed
   */
  public void checkTornLine() {
    FileChannel ch = channel;
    if (ch == null) {
      throw new IllegalStateException("openAndLock() first");
    }
    uninterrupted(() -> retrier.call("repair", path, () -> lastLineEnd(ch, ch.size())));
  }

  /**
   * The second half of {@link #open}, once {@link #openAndLock} succeeded: empties the file for
   * {@link OpenMode#TRUNCATE}, cuts a torn last line and goes to the end. The file is closed when
   * this fails.
   *
   * @param mode what to do with existing content
   * @return the number of bytes of a torn last line that were cut (0 when none)
   * @throws IllegalArgumentException when the file has no line end near its end
   * @throws UncheckedIOException naming the operation and the path when it failed
   */
  public long prepare(OpenMode mode) {
    FileChannel ch = channel;
    if (ch == null) {
      throw new IllegalStateException("openAndLock() first");
    }
    return uninterrupted(() -> {
      try {
        if (mode == OpenMode.TRUNCATE) {
          retrier.run("truncate", path, () -> ch.truncate(0));
        }
        long cut = retrier.call("repair", path, () -> cutTornLine(ch));
        position = retrier.call("open", path, ch::size);
        ch.position(position);
        return cut;
      } catch (IOException | RuntimeException e) {
        closeQuietly();
        if (e instanceof IOException io) {
          throw new UncheckedIOException("open failed for " + path + ": " + e, io);
        }
        throw (RuntimeException) e;
      }
    });
  }

  private void openChannel(OpenMode mode) {
    // never TRUNCATE_EXISTING: the file is emptied only once this sink holds its lock
    OpenOption[] options = mode == OpenMode.FAIL_IF_EXISTS
        ? new OpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE}
        : new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE};
    try {
      channel = openHeld(() -> retrier.call("open", path, () -> channels.open(path, options)));
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof FileAlreadyExistsException) {
        throw new IllegalArgumentException("path " + path
            + " already exists and failIfExists() was set", e);
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("open failed for " + path + ": " + e, e);
    }
  }

  /** Opens a channel on the file. */
  @FunctionalInterface
  private interface Opener {
    FileChannel open() throws IOException;
  }

  /**
   * Opens the file with {@code opener} and locks it, unless another sink of this JVM holds it
   * (checked before anything is opened), and adds it to {@link #HELD}; the channel is closed
   * again when locking fails.
   */
  private FileChannel openHeld(Opener opener) throws IOException {
    synchronized (HELD) {
      for (Object key : keys()) {
        if (HELD.contains(key) && !held.contains(key)) { // (its own path, kept over a rollover)
          throw new IllegalStateException(taken("another sink in this JVM"));
        }
      }
      FileChannel ch = opener.open();
      try {
        lock(ch);
      } catch (RuntimeException e) {
        try {
          ch.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      HELD.removeAll(held);
      held = keys();
      HELD.addAll(held);
      return ch;
    }
  }

  /** The file's path and, when it exists and the file system has one, its file key. */
  private List<Object> keys() {
    List<Object> keys = new ArrayList<>(2);
    keys.add(path.toAbsolutePath().normalize());
    try {
      Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
      if (key != null) {
        keys.add(key);
      }
    } catch (IOException e) {
      // not there yet (or unreadable): known by its path alone
    }
    return keys;
  }

  /** Removes this file from {@link #HELD}, once its channel is closed. */
  private void release() {
    synchronized (HELD) {
      HELD.removeAll(held);
      held = List.of();
    }
  }

  /**
   * {@code file} made absolute with its directory resolved as the operating system resolves it:
   * the deepest existing ancestor by its real path (a symbolic link followed before the
   * {@code ..} after it, as the kernel does), the directories below it as written; the file's
   * own name is kept (a link named as the log stays the log). {@code toAbsolutePath()
   * .normalize()} alone drops {@code link/..} as text and named another directory than the
   * one the OS, {@code ls} or a reader of the path see ({@code --output /x/link/../out} wrote
   * into /x/out where the path is /x/real/out).
   *
   * @param file a file's path
   * @return its absolute path, directory resolved
   */
  public static Path physical(Path file) {
    Path abs = file.toAbsolutePath();
    Path name = abs.getFileName();
    Path dir = abs.getParent();
    if (name == null || dir == null || name.toString().equals(".")
        || name.toString().equals("..")) {
      return abs.normalize();
    }
    List<Path> below = new ArrayList<>(); // the names under the deepest existing directory
    Path existing = dir;
    while (existing != null && !Files.isDirectory(existing)) {
      below.add(0, existing.getFileName());
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs.normalize();
    }
    try {
      Path p = existing.toRealPath();
      for (Path n : below) {
        p = p.resolve(n);
      }
      return p.normalize().resolve(name);
    } catch (IOException e) {
      return abs.normalize(); // unreadable: as written
    }
  }

  /**
   * Whether a sink of this JVM holds the file at {@code file}: its channel is open, or it is
   * between closing and opening it again for a rollover (when the file may not even exist).
   * Lets a program that cleans a sink's directory see the sink at any moment, where the file's
   * lock, released around each rollover, does not.
   *
   * @param file the file
   * @return whether a sink of this JVM holds it
   */
  public static boolean heldInThisJvm(Path file) {
    Path p = physical(file); // as the sink spells its path: through a linked directory too
    synchronized (HELD) {
      if (HELD.contains(p)) {
        return true;
      }
      try {
        Object key = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        return key != null && HELD.contains(key);
      } catch (IOException e) {
        return false; // not there: known by its path alone, checked above
      }
    }
  }

  /**
   * Takes the exclusive lock on the file, or goes on without one where the file system has no
   * locks ({@code tryLock} throws an {@link IOException}). Closing the channel releases it.
   */
  private void lock(FileChannel ch) {
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      throw new IllegalStateException(taken("another sink in this JVM"), e);
    } catch (IOException e) {
      return; // no locks here (some network file systems): advisory anyway
    }
    if (lock == null) {
      throw new IllegalStateException(taken("another process (it holds a lock on the file:"
          + " another loggen?)"));
    }
  }

  private String taken(String by) {
    return "path " + path + " is being written by " + by + "; a RotatingFileSink owns its file:"
        + " give each sink a file of its own";
  }

  private long cutTornLine(FileChannel ch) throws IOException {
    long size = ch.size();
    long keep = lastLineEnd(ch, size);
    if (keep < size) {
      ch.truncate(keep);
    }
    return size - keep;
  }

  /**
   * Where the last whole line of the file's first {@code size} bytes ends: after its last
   * {@code '\n'}, or 0 when it has none at all.
   *
   * @throws IllegalArgumentException when there is no line end in the last {@code tailLimit}
   *     bytes of a longer file
   */
  private long lastLineEnd(FileChannel ch, long size) throws IOException {
    if (size == 0) {
      return 0;
    }
    ByteBuffer b = ByteBuffer.allocate(SCAN_CHUNK);
    long end = size;
    long scanned = 0;
    while (end > 0 && scanned < tailLimit) {
      int n = (int) Math.min(SCAN_CHUNK, end);
      long at = end - n;
      b.clear().limit(n);
      while (b.hasRemaining()) {
        if (ch.read(b, at + b.position()) < 0) {
          throw new IOException("file shrank while it was read");
        }
      }
      for (int i = n - 1; i >= 0; i--) {
        if (b.get(i) == '\n') {
          return at + i + 1;
        }
      }
      end = at;
      scanned += n;
    }
    if (end > 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "path %s has no line end in its last %d bytes: it does not look like a log this sink"
              + " wrote, and is not cut; use truncate() to overwrite it", path, scanned));
    }
    return 0;
  }

  /**
   * The number of bytes in the file: the position after the last whole line written.
   *
   * @return the size
   */
  public long size() {
    return position;
  }

  /**
   * Writes the remaining bytes of {@code src} (whole lines) at the end of the file. When a
   * write fails, the file is cut back to where it was and the write tried again; when every
   * attempt fails, the file is left as it was before and {@code src} is as it was on entry. A
   * write that takes no bytes fails (and is retried) like any other: it cannot loop for ever.
   *
   * @param src the bytes, between position and limit
   * @throws UncheckedIOException naming the write and the path
   */
  public void write(ByteBuffer src) {
    int start = src.position();
    writeAll(src.remaining(), ch -> ch.write(src), () -> src.position(start));
  }

  /**
   * Writes the remaining bytes of all {@code srcs} in one gathering write, as
   * {@link #write(ByteBuffer)} does for one buffer.
   *
   * @param srcs the buffers
   * @throws UncheckedIOException naming the write and the path
   */
  public void write(ByteBuffer[] srcs) {
    int[] starts = new int[srcs.length];
    long total = 0;
    for (int i = 0; i < srcs.length; i++) {
      starts[i] = srcs[i].position();
      total += srcs[i].remaining();
    }
    writeAll(total, ch -> ch.write(srcs), () -> {
      for (int i = 0; i < srcs.length; i++) {
        srcs[i].position(starts[i]);
      }
    });
  }

  /** One call of a channel's write, returning how many bytes it took. */
  @FunctionalInterface
  private interface WriteCall {
    long write(FileChannel ch) throws IOException;
  }

  /**
   * Calls {@code write} until {@code total} bytes are written, retrying as configured; after a
   * failed attempt {@code restore} puts the sources back and the file is cut back.
   */
  private void writeAll(long total, WriteCall write, Runnable restore) {
    retrier.call("write", path, () -> {
      FileChannel ch = channel();
      long done = 0;
      while (done < total) {
        long n = write.write(ch);
        if (n <= 0) {
          // a blocking channel takes at least one byte of what is left: nothing was left, so
          // the buffers changed under this write (two threads writing one sink)
          throw new IOException(String.format(Locale.ROOT, "write to %s made no progress: the"
              + " channel took 0 of the %d bytes left (is the sink used by two threads at"
              + " once?)", path, total - done));
        }
        done += n;
      }
      position += total;
      return null;
    }, e -> {
      restore.run();
      rewind();
    });
  }

  private FileChannel channel() throws IOException {
    FileChannel ch = channel;
    if (ch == null) {
      // the old channel's lock went with it: take it again before cutting back
      ch = openHeld(() -> channels.open(path, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE));
      channel = ch;
      try {
        ch.truncate(position);
        ch.position(position);
      } catch (IOException | RuntimeException e) {
        closeQuietly();
        throw e;
      }
    }
    return ch;
  }

  /** After a failed write: cut back to the good position, or drop the channel to reopen it. */
  private void rewind() {
    FileChannel ch = channel;
    if (ch == null) {
      return;
    }
    try {
      ch.truncate(position);
      ch.position(position);
    } catch (IOException | RuntimeException e) {
      closeQuietly();
    }
  }

  /**
   * Forces written data and metadata to the storage device.
   *
   * @throws UncheckedIOException naming the fsync and the path
   */
  public void force() {
    retrier.call("fsync", path, () -> {
      channel().force(true);
      return null;
    }, e -> {
      if (e instanceof ClosedChannelException) {
        closeQuietly(); // closed by an interrupt: the next attempt opens it again
      }
    });
  }

  /**
   * Closes the channel for a rollover: like {@link #close}, but the path stays held in this JVM
   * ({@link #heldInThisJvm}) until {@link #open} opens the new file there, so that no other sink
   * or cleaner of this JVM takes it meanwhile.
   *
   * @throws UncheckedIOException naming the close and the path
   */
  public void closeForRollover() {
    close();
    synchronized (HELD) {
      Object p = path.toAbsolutePath().normalize();
      if (HELD.add(p)) {
        held = List.of(p);
      }
    }
  }

  /**
   * Closes the channel, which releases the lock; the file can be opened again with
   * {@link #open}.
   *
   * @throws UncheckedIOException naming the close and the path
   */
  public void close() {
    FileChannel ch = channel;
    channel = null;
    if (ch == null) {
      release(); // a path kept over a rollover that did not open the new file
    } else {
      try {
        ch.close();
      } catch (IOException e) {
        throw new UncheckedIOException("close failed for " + path + ": " + e, e);
      } finally {
        release();
      }
    }
  }

  private void closeQuietly() {
    FileChannel ch = channel;
    channel = null;
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // the channel is dropped either way; the next attempt opens a new one
      } finally {
        release();
      }
    }
  }

  /**
   * Whether the file exists as a regular file.
   *
   * @return {@code true} when it does
   */
  public boolean exists() {
    return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
  }
}
