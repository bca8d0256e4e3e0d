package dev.loggen.sinks.internal;

import dev.loggen.core.internal.Uninterruptibly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The rollover strategy of the rotating file sink: renames the finished file to its archive
 * name, gzips it on one background daemon thread (to a temporary name, renamed when complete),
 * and applies retention. It owns the list of archives, read once from the directory when the
 * sink opens (which is also when leftovers of a crash are repaired).
 *
 * <p>Threads: {@link #rollover} runs on the writing thread; compression and retention run on
 * the background thread, one task at a time and in order. The archive list is guarded by
 * {@code this}. logrotate's shifting numbers ({@code .1} newest) rename every archive on each
 * rollover; before shifting, the writing thread waits for pending compression, so no file is
 * renamed while it is being read.
 */
public final class ArchiveManager implements RolloverStrategy {
  /** Compressions that may wait in the queue before the writing thread waits for them. */
  private static final int MAX_PENDING = 2;

  private final Path dir;
  private final NameTemplate names;
  private final boolean shifting;
  private final int indexBase;
  private final int gzipLevel;
  private final Retention retention;
  private final Retrier retrier;
  private final ChannelFactory channels;
  private final boolean force;
  private final Comparator<ArchiveName> order;
  private final Consumer<String> warnings;
  /** Whether a modification time the file system could not hold was reported. */
  private boolean timeWarned;

  private final List<Archive> archives = new ArrayList<>();
  private final Map<String, Integer> nextIndex = new HashMap<>();
  private final ArrayDeque<Future<?>> pending = new ArrayDeque<>();
  private @Nullable ExecutorService worker;
  /** The threads the worker started (one, unless one died), joined on close. */
  private final List<Thread> workerThreads = new ArrayList<>();
  /** Every background failure, in order; guarded by {@code this}. */
  private final List<UncheckedIOException> failures = new ArrayList<>();
  /** How many of {@link #failures} {@link #checkHealth} has reported; guarded by {@code this}. */
  private int reported;
  private boolean closed;

  private final List<Path> deletedTemporaries = new ArrayList<>();
  private final List<Path> removedCopies = new ArrayList<>();
  private final List<Path> compressedAgain = new ArrayList<>();

  /** One archive: where it is now and what retention needs to know. */
  private static final class Archive {
    ArchiveName name;
    Path path;
    boolean gz;
    long size;
    long modifiedMillis;

    Archive(ArchiveName name, Path path, boolean gz, long size, long modifiedMillis) {
      this.name = name;
      this.path = path;
      this.gz = gz;
      this.size = size;
      this.modifiedMillis = modifiedMillis;
    }
  }

  /**
   * Opens the strategy for the archives of {@code active}: reads the directory, deletes
   * temporary files a crash left behind, removes uncompressed copies of archives whose
   * {@code .gz} is complete and holds exactly their bytes, and (with compression on) queues
   * uncompressed archives for compression.
   *
   * @param active the active file, absolute
   * @param names how archives are named
   * @param shifting logrotate's numbering: index 1 is the newest and numbers shift up
   * @param indexBase the first index ({@code %i}) of a period
   * @param gzipLevel the deflate level, or 0 for no compression
   * @param retention which archives to keep
   * @param retrier how file operations are retried
   * @param channels opens the files compression writes
   * @param force whether to force compressed files to the device before renaming them
   * @param warnings where to report what was repaired
   * @throws UncheckedIOException when listing or repairing fails, or when an archive and a valid
   *     {@code .gz} of the same name that holds other bytes are both there
   */
  public ArchiveManager(Path active, NameTemplate names, boolean shifting, int indexBase,
      int gzipLevel, Retention retention, Retrier retrier, ChannelFactory channels,
      boolean force, Consumer<String> warnings) {
    this.dir = Objects.requireNonNull(active.getParent(), "active has no parent");
    this.names = names;
    this.shifting = shifting;
    this.indexBase = indexBase;
    this.gzipLevel = gzipLevel;
    this.retention = retention;
    this.retrier = retrier;
    this.channels = channels;
    this.force = force;
    Comparator<ArchiveName> byName = ArchiveName.oldestFirst(shifting);
    this.order = byName;
    this.warnings = warnings;
    recover(active.getFileName().toString(), warnings);
  }

  /**
   * Temporary files of an interrupted compression or copy that were deleted on open.
   *
   * @return their paths
   */
  public List<Path> deletedTemporaries() {
    return List.copyOf(deletedTemporaries);
  }

  /**
   * Uncompressed archives deleted on open because their complete {@code .gz} was there too.
   *
   * @return their paths
   */
  public List<Path> removedCopies() {
    return List.copyOf(removedCopies);
  }

  /**
   * Uncompressed archives queued for compression on open.
   *
   * @return their paths
   */
  public List<Path> compressedAgain() {
    return List.copyOf(compressedAgain);
  }

  // ---------------------------------------------------------------- open and repair

  private void recover(String activeName, Consumer<String> warnings) {
    Map<String, List<Path>> byPlain = new LinkedHashMap<>();
    Map<String, ArchiveName> parsed = new HashMap<>();
    List<Path> temporaries = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (n.equals(activeName) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        if (n.startsWith(".") && n.endsWith(".tmp") && n.length() > 5) {
          if (names.parse(n.substring(1, n.length() - 4)) != null) {
            temporaries.add(p);
          }
          continue;
        }
        ArchiveName a = names.parse(n);
        if (a != null) {
          byPlain.computeIfAbsent(a.plainName(), k -> new ArrayList<>()).add(p);
          parsed.put(n, a);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("list failed for " + dir + ": " + e, e);
    }
    for (Path tmp : temporaries) {
      delete(tmp);
      deletedTemporaries.add(tmp);
      warnings.accept("deleted " + tmp + ", left by an interrupted compression or copy");
    }
    List<Archive> found = new ArrayList<>();
    for (Map.Entry<String, List<Path>> e : byPlain.entrySet()) {
      Path plain = dir.resolve(e.getKey());
      Path gz = dir.resolve(e.getKey() + ".gz");
      boolean hasPlain = e.getValue().contains(plain);
      boolean hasGz = e.getValue().contains(gz);
      if (hasPlain && hasGz) {
        // Compression leaves both only when a crash came between renaming the .gz and deleting
        // its source: then the .gz holds exactly the source's bytes. Being a valid gzip file is
        // not enough to delete the source, a file of someone else's with that name is one too.
        if (Gzip.isCopyOf(gz, plain)) {
          delete(plain);
          removedCopies.add(plain);
          warnings.accept("deleted " + plain + ": its compressed copy " + gz + " is complete");
          hasPlain = false;
        } else if (!Gzip.isValid(gz)) {
          delete(gz);
          warnings.accept("deleted " + gz + ": it is not a valid gzip file; " + plain
              + " is kept");
          hasGz = false;
        } else {
          String message = gz + " is a valid gzip file but does not hold the bytes of " + plain
              + ", so it is not its compressed copy; neither is deleted: move one of them out of "
              + dir;
          throw new UncheckedIOException("repair failed for " + plain + ": " + message,
              new FileAlreadyExistsException(gz.toString(), plain.toString(), message));
        }
      }
      Path path = hasGz ? gz : plain;
      ArchiveName name = Objects.requireNonNull(parsed.get(path.getFileName().toString()));
      found.add(new Archive(name, path, hasGz, size(path), modified(path)));
    }
    found.sort(Comparator.comparing(a -> a.name, order));
    archives.addAll(found);
    for (Archive a : found) {
      int next = a.name.index() + 1;
      nextIndex.merge(a.name.dateText(), next, Math::max);
      if (gzipLevel > 0 && !a.gz) {
        compressedAgain.add(a.path);
        warnings.accept("compressing " + a.path + ", an archive whose compression had not"
            + " completed");
        submit(() -> compress(a));
      }
    }
    if (retention.limits() && !archives.isEmpty()) {
      submit(() -> applyRetention(Long.MIN_VALUE));
    }
  }

  // ---------------------------------------------------------------- rollover

  @Override
  public Path rollover(Path active, long nameMillis, long lastLineMillis, long now) {
    checkHealth();
    if (closed) {
      throw new IllegalStateException("rollover after close");
    }
    String plainName;
    if (shifting) {
      drain();
      shiftUp();
      plainName = names.format(nameMillis, indexBase);
    } else {
      plainName = freeName(active, nameMillis);
    }
    Path target = dir.resolve(plainName);
    Path finalPath = gzipLevel > 0 ? dir.resolve(plainName + ".gz") : target;
    ArchiveName name = Objects.requireNonNull(names.parse(plainName),
        () -> "template " + names + " does not read back its own name " + plainName);
    if (lastLineMillis != Long.MIN_VALUE) {
      String kept = retrier.call("set modification time", active,
          () -> FileTimes.set(active, lastLineMillis));
      if (kept != null && !timeWarned) {
        timeWarned = true; // once per sink: every file of a run before 1677 would say the same
        warnings.accept(kept);
      }
    }
    move(active, target);
    Archive archive = new Archive(name, target, false, 0, 0);
    submit(() -> archive(archive, now));
    while (pending.size() > MAX_PENDING) {
      await(pending.removeFirst());
    }
    return finalPath;
  }

  private String freeName(Path active, long nameMillis) {
    if (!names.hasIndex()) {
      // only a pattern the user set lacks %i: the default names always carry one
      String n = names.format(nameMillis, 0);
      if (exists(n)) {
        Path plain = dir.resolve(n);
        Path existing = Files.exists(plain, LinkOption.NOFOLLOW_LINKS) ? plain
            : dir.resolve(n + ".gz");
        String message = "the archive " + existing + " exists already and is never"
            + " overwritten; the pattern you set, '" + names + "', has no %i to pick another"
            + " name: add %i to it, as in '" + names.withIndex() + "'";
        throw new UncheckedIOException("rename failed for " + active + ": " + message,
            new FileAlreadyExistsException(existing.toString(), null, message));
      }
      return n;
    }
    String key = names.dateText(nameMillis);
    int i = Math.max(indexBase, nextIndex.getOrDefault(key, indexBase));
    while (exists(names.format(nameMillis, i))) {
      i++;
    }
    nextIndex.put(key, i + 1);
    return names.format(nameMillis, i);
  }

  private boolean exists(String plainName) {
    return Files.exists(dir.resolve(plainName), LinkOption.NOFOLLOW_LINKS)
        || Files.exists(dir.resolve(plainName + ".gz"), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * logrotate: {@code .n} becomes {@code .n+1}, highest first. Background work is drained. An
   * archive deleted from outside (a cron job cleaning up) is dropped from the list, with a
   * warning, and the others shift on; as with logrotate, its number stays free.
   */
  private synchronized void shiftUp() {
    archives.sort(Comparator.comparing(a -> a.name, order));
    for (Iterator<Archive> it = archives.iterator(); it.hasNext(); ) {
      Archive a = it.next();
      ArchiveName old = a.name;
      String plain = names.format(old.dateMillis(), old.index() + 1);
      Path to = dir.resolve(a.gz ? plain + ".gz" : plain);
      if (!Files.exists(a.path, LinkOption.NOFOLLOW_LINKS)) {
        it.remove();
        warnVanished(a.path);
        continue;
      }
      try {
        move(a.path, to);
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof NoSuchFileException
            && !Files.exists(a.path, LinkOption.NOFOLLOW_LINKS)
            && !Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
          it.remove(); // deleted between the check and the rename
          warnVanished(a.path);
          continue;
        }
        throw e;
      }
      a.path = to;
      a.name = new ArchiveName(plain, old.dateText(), old.dateMillis(), old.index() + 1, a.gz);
    }
  }

  private void warnVanished(Path archive) {
    warnings.accept("archive " + archive + " was deleted by another program; it is no longer"
        + " counted among this sink's archives");
  }

  /** Background task: compress one new archive, then apply retention. */
  private void archive(Archive a, long now) {
    a.size = size(a.path);
    a.modifiedMillis = modified(a.path);
    synchronized (this) {
      archives.add(a);
    }
    if (gzipLevel > 0) {
      compress(a);
    }
    applyRetention(now);
  }

  private void compress(Archive a) {
    Path source;
    synchronized (this) {
      if (a.gz || !archives.contains(a)) {
        return;
      }
      source = a.path;
    }
    if (!Files.exists(source)) {
      return;
    }
    Path gz = dir.resolve(source.getFileName() + ".gz");
    Path tmp = dir.resolve("." + gz.getFileName() + ".tmp");
    long modified = a.modifiedMillis;
    long size = retrier.call("compress", source, () -> {
      try {
        return Gzip.compress(source, tmp, gzipLevel, channels, force);
      } catch (IOException e) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    });
    // the time the file had (already reported by rotate() if the file system moved it)
    retrier.call("set modification time", tmp, () -> FileTimes.set(tmp, modified));
    move(tmp, gz);
    synchronized (this) {
      a.path = gz;
      a.gz = true;
      a.size = size;
    }
    delete(source);
  }

  private synchronized void applyRetention(long now) {
    if (!retention.limits()) {
      return;
    }
    archives.sort(Comparator.comparing(a -> a.name, order));
    while (archives.size() > retention.keep()) {
      delete(archives.remove(0).path);
    }
    if (retention.totalSizeCap() != Long.MAX_VALUE) {
      long total = 0;
      for (Archive a : archives) {
        total += a.size;
      }
      while (total > retention.totalSizeCap() && !archives.isEmpty()) {
        Archive oldest = archives.remove(0);
        total -= oldest.size;
        delete(oldest.path);
      }
    }
    if (retention.maxAgeMillis() != Long.MAX_VALUE && now != Long.MIN_VALUE) {
      long cutoff = now - retention.maxAgeMillis();
      for (int i = 0; i < archives.size(); ) {
        Archive a = archives.get(i);
        if (a.modifiedMillis < cutoff) {
          archives.remove(i);
          delete(a.path);
        } else {
          i++;
        }
      }
    }
  }

  @Override
  public List<Path> archives() {
    drain();
    synchronized (this) {
      archives.sort(Comparator.comparing(a -> a.name, order));
      List<Path> paths = new ArrayList<>();
      for (Archive a : archives) {
        paths.add(a.path);
      }
      return paths;
    }
  }

  // ---------------------------------------------------------------- file operations

  private void move(Path from, Path to) {
    boolean[] copied = {false};
    retrier.run("rename", from, () -> {
      if (copied[0]) {
        // an earlier attempt copied the file to its new name and failed to delete the source:
        // only the delete is left, else the lines would be in both files
        if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
          channels.deleteCopied(from);
        }
        return;
      }
      if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(to.toString(), null,
            "the target exists already and is never overwritten");
      }
      try {
        channels.moveAtomically(from, to);
      } catch (AtomicMoveNotSupportedException e) {
        // Still safe: copy to a temporary name beside the target, rename that, then delete
        // the source. A crash leaves either the source or a complete target (and a temporary
        // file that the next open deletes), never a partial file under the target's name.
        // A compressed archive's source already is that temporary file: it is renamed as is.
        Path tmp = to.resolveSibling("." + to.getFileName() + ".tmp");
        boolean copy = !tmp.equals(from);
        if (copy) {
          Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.move(tmp, to);
        if (copy) {
          copied[0] = true;
          channels.deleteCopied(from);
        }
      }
    });
  }

  private void delete(Path p) {
    retrier.run("delete", p, () -> Files.deleteIfExists(p));
  }

  private long size(Path p) {
    try {
      return Files.size(p);
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("size failed for " + p + ": " + e, e);
    }
  }

  private long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("stat failed for " + p + ": " + e, e);
    }
  }

  // ---------------------------------------------------------------- background work

  private void submit(Runnable task) {
    if (gzipLevel == 0) {
      task.run();
      return;
    }
    if (worker == null) {
      String threadName = "loggen-gzip-" + dir.getFileName() + "/" + names;
      worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, threadName);
        t.setDaemon(true);
        synchronized (workerThreads) {
          workerThreads.add(t);
        }
        return t;
      });
    }
    pending.addLast(worker.submit(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        UncheckedIOException f = e instanceof UncheckedIOException u ? u
            : new UncheckedIOException(e.toString(), new IOException(e));
        synchronized (this) {
          failures.add(f);
        }
        throw e;
      }
    }));
  }

  private void drain() {
    while (!pending.isEmpty()) {
      await(pending.removeFirst());
    }
    checkHealth();
  }

  /**
   * Waits for a background task to end. An interrupt does not stop the wait: compression
   * finishes (or fails, and is reported) before the sink goes on or closes, so that it never
   * outlives close() nor leaves a temporary file behind; the interrupt status is set again
   * afterwards, for the caller.
   */
  private static void await(Future<?> f) {
    try {
      Uninterruptibly.get(f);
    } catch (ExecutionException e) {
      // recorded in 'failures' by the task itself; checkHealth reports it
    }
  }

  /**
   * {@inheritDoc} Each failure is reported once: the first not reported yet, with any later
   * ones suppressed in it; a failure after that is reported by the next call.
   */
  @Override
  public synchronized void checkHealth() {
    int n = failures.size();
    if (reported == n) {
      return;
    }
    UncheckedIOException first = failures.get(reported);
    String more = n - reported == 1 ? ""
        : " (and " + (n - reported - 1) + " later background failures, suppressed here)";
    UncheckedIOException report = new UncheckedIOException("background " + first.getMessage()
        + more, first.getCause());
    for (int i = reported + 1; i < n; i++) {
      report.addSuppressed(failures.get(i));
    }
    reported = n;
    throw report;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      drain();
    } finally {
      ExecutorService w = worker;
      if (w != null) {
        w.shutdown();
        // The queue is drained; this waits for the thread to end, whatever interrupts come.
        // The executor terminates as its last thread leaves its loop, a moment before that
        // thread ends: joining it too means no compression thread outlives close().
        Uninterruptibly.awaitTermination(w);
        List<Thread> threads;
        synchronized (workerThreads) {
          threads = List.copyOf(workerThreads);
        }
        for (Thread t : threads) {
          Uninterruptibly.join(t);
        }
      }
    }
  }
}
