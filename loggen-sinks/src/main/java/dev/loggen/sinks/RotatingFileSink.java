package dev.loggen.sinks;

import dev.loggen.core.DataSize;
import dev.loggen.core.LineSink;
import dev.loggen.sinks.internal.ActiveFile;
import dev.loggen.sinks.internal.ActiveFile.OpenMode;
import dev.loggen.sinks.internal.ArchiveManager;
import dev.loggen.sinks.internal.ChannelFactory;
import dev.loggen.sinks.internal.FileTimes;
import dev.loggen.sinks.internal.NameTemplate;
import dev.loggen.sinks.internal.PeriodGrid;
import dev.loggen.sinks.internal.Retention;
import dev.loggen.sinks.internal.Retrier;
import dev.loggen.sinks.internal.RolloverStrategy;
import dev.loggen.sinks.internal.TriggeringPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LineSink} that writes a file and rotates it by size, by time, or both, naming the
 * archives as logrotate or logback would, gzipping them in the background and deleting old
 * ones. Built by {@link FileSinks#rotating(Path)}:
 *
 * <pre>{@code
 * LineSink sink = FileSinks.rotating(Path.of("logs/access.log"))
 *     .daily()                      // at midnight UTC of the event time (zone(...) to change)
 *     .maxSize(DataSize.ofMegabytes(100))
 *     .gzip()
 *     .keep(7)
 *     .build();
 * }</pre>
 *
 * <h2>Triggers</h2>
 * A new file starts when the next line would take the file past {@code maxSize} (a file is
 * never larger than that, unless a single line is), and at every period boundary
 * ({@link Builder#hourly()}, {@link Builder#daily()}, {@link Builder#period(Duration)}) in the
 * builder's {@link Builder#zone(ZoneId) zone}. Time is the event time passed with each line by
 * default ({@link TimeSource#EVENT}): a backfilled week gives seven daily files named by their
 * simulated dates. In live mode, {@link TimeSource#WALL} follows the builder's
 * {@link Builder#clock(Clock) clock}. An empty file is never archived: a period without lines
 * leaves no file. Lines whose time lies before the current period (out of order) stay in the
 * current file; time never rotates backwards. With time rotation, a line whose period the sink
 * must find (the first line, or one past the current period) must lie in the years 1 to 9999
 * (UTC); another is refused with an {@link IllegalArgumentException} naming its time, and the
 * sink goes on as if it had not been offered.
 *
 * <h2>Names</h2>
 * With the default, logrotate-style naming, the active file keeps its name and archives get a
 * suffix:
 * <ul>
 *   <li>size only: numbers that shift, {@code access.log.1} the newest, then
 *       {@code access.log.2}, ... (each rollover renames every archive, as logrotate does;
 *       bound their number with {@link Builder#keep(int)}; an archive another program deleted
 *       is dropped from the sink's archives, with a {@link Builder#warnings(Consumer) warning},
 *       and the others shift on);
 *   <li>time, with or without size: the period's date ({@code dateext}) then a number counting
 *       up within it, {@code access.log.2026-01-01.1}, {@code access.log.2026-01-01.2}, ..., or
 *       {@code access.log.2026-01-01-13.1} for hourly periods ({@code -HHmm} for minutes,
 *       {@code -HHmmss} for seconds), the date of the period's start in the zone. A period gets
 *       more than one file when size rotation splits it, or when a run is repeated over days
 *       that have archives already: the number moves on to a free one, as the command line's
 *       names ({@code access.log.2026-11-26.1.gz}) do;
 *   <li>plus {@code .gz} with {@link Builder#gzip()}.
 * </ul>
 * A {@link Builder#pattern(String) pattern} names archives as logback does instead:
 * {@code access-%d{yyyy-MM-dd}.%i.log.gz}, with {@code %d{...}} the period's date in the zone
 * (without time rotation, the date of the file's first line), {@code %i} an index counting up
 * from 0 within each date (never shifting), and a {@code .gz} suffix meaning compressed.
 * Archives are written in the active file's directory. An archive name that exists already is
 * never overwritten: the default names and {@code %i} move on to a free number; with a pattern
 * without {@code %i} the rollover fails with an exception naming the file and the pattern, and
 * saying where to add {@code %i}.
 *
 * <p>Each archive's modification time is set to the time of its last line (the event time in
 * {@link TimeSource#EVENT} mode; the latest time of its lines when some came out of order, as
 * time never goes back), so the directory looks like a real server's history and
 * {@link Builder#maxAge(Duration)} measures age in the same time as rotation. In
 * {@link TimeSource#EVENT} mode {@link #close()} does the same for the active file. Times
 * before 1970 are set to the second; a time the file system cannot hold (before 1677 through
 * the JDK, after 2446 on ext4) is reported to the {@link Builder#warnings(Consumer) warnings
 * handler} with the time kept instead (once for the archives, once for the active file).
 *
 * <h2>Rollover, compression, retention</h2>
 * The finished file is renamed atomically ({@code ATOMIC_MOVE}; where the file system cannot,
 * it is copied to a temporary name, renamed and then deleted, which is still never partial).
 * Compression runs on one daemon thread per sink and writes {@code .NAME.gz.tmp}, renamed to
 * {@code NAME.gz} only when complete, so no half-written {@code .gz} ever has a final name.
 * Retention ({@link Builder#keep(int)}, {@link Builder#totalSizeCap(DataSize)},
 * {@link Builder#maxAge(Duration)}) runs after each rollover (after its compression) and
 * deletes the oldest archives first; it only ever touches files whose names this sink makes
 * (with the current naming settings), never anything else in the directory.
 * {@link #close()} waits for pending compression.
 *
 * <h2>One writer per file</h2>
 * The sink owns its active file: while it is open, the sink holds an exclusive
 * {@link java.nio.channels.FileLock lock} on it (released around each rollover and taken again
 * on the new file, released on {@link #close()}), and it writes at the position where its last
 * whole line ended, which is what lets it cut a failed write back without tearing a line. A
 * second sink on the same path (an access and an error log given one file, say) is refused
 * when it is built, with an {@link IllegalStateException} naming the path and saying that
 * another sink in this JVM, or another process, is writing it; it has not touched the file or
 * its archives then. Other writers are not supported, appending ones included: their lines
 * would be overwritten or torn. The lock is advisory, so it keeps out only programs that lock
 * too (another loggen); where the file system has no locks, the sink writes without one.
 *
 * <h2>Opening an existing file</h2>
 * By default the sink appends. A line that a crash left half written (bytes after the last
 * {@code '\n'}) is cut first, and the number of bytes cut is reported to the
 * {@link Builder#warnings(Consumer) warnings handler} and in {@link #recovery()}. The sink also
 * repairs its archives: temporary files of an interrupted compression are deleted, an
 * uncompressed archive whose {@code .gz} is complete and holds exactly its bytes is deleted, a
 * {@code .gz} beside an uncompressed archive that is not a valid gzip file at all is deleted
 * (the archive is kept, with a warning), a valid {@code .gz} of the same name holding anything
 * else is not its copy: the sink then refuses to open, naming both files, and deletes neither;
 * and (with compression on) uncompressed archives are compressed. Only names the sink makes
 * count as archives: logrotate's numbers start at 1, so a {@code access.log.0} (or
 * {@code access.log.2026-01-01.0}) is left alone.
 * With time rotation, the lines already in the file belong to the period of its modification
 * time (the time of its last line when this sink wrote it): when the first new line falls in
 * another period, they are archived first, so runs over consecutive simulated days give one
 * archive per day. In {@link TimeSource#EVENT} mode the sink sets that time after every write
 * of its buffer (one system call per buffer), and again on {@link #close()}, so a run that ended
 * without closing (a crash, a killed process) leaves the file dated by the last line it wrote
 * (a time before 1970 is set on {@link #close()} only: setting it while the file is open would
 * release the file's lock, so a crashed run's file is then dated by its last write).
 * A file some other program wrote last is dated by its wall-clock time: the sink cannot read a
 * time out of the lines (it does not know their format); give such a file the time of its last
 * line ({@code touch -d}) before opening it, or move it away.
 * {@link Builder#truncate()} empties the active file instead,
 * {@link Builder#failIfExists()} refuses to open it; the sink never truncates a file silently.
 *
 * <h2>Failures</h2>
 * Lines are buffered and written in large chunks that always end at a line end, so a file on
 * disk only ever holds whole lines (a line longer than the buffer is written whole, in one
 * gathering write). A failed operation ({@code IOException}) is retried with backoff
 * ({@link Builder#retry(int, Duration)}); a failed write is first cut back to the end of the
 * last whole line, so a retry never duplicates or tears a line. When every attempt fails, an
 * {@link UncheckedIOException} names the operation ({@code write}, {@code rename},
 * {@code compress}, {@code delete}, ...), the path and the cause, and the sink refuses further
 * lines; a failed write also says how many lines the sink had accepted (and their bytes) are
 * not written, as does {@link #close()} after it. No line is dropped silently. An interrupt of
 * the writing thread (a live run stopped, a task cancelled) is not a failure: writes, rollovers
 * and {@link #close()} go on and write every line the sink accepted, and the thread's interrupt
 * status stays set for the caller.
 *
 * <h2>Speed and threads</h2>
 * A line costs a time comparison against the next boundary, a size comparison, and a copy into
 * a direct buffer (256 KiB by default); there is no lock. Like every {@link LineSink} it is
 * used by one thread at a time: two threads at once can tear or lose lines, and a write that
 * then finds nothing to write fails (as an {@code IOException}, retried, then an
 * {@link UncheckedIOException} naming the path) rather than spinning; so do rollovers that
 * meet halfway (a rename or a file time failing, or an {@link IllegalStateException} saying
 * that another sink in this JVM is writing the file: the other thread). Sinks for different files
 * (access and error logs) are independent and may share a directory; two sinks on one file are
 * refused (see above).
 */
public final class RotatingFileSink implements LineSink {
  private static final byte NEWLINE = '\n';
  private static final int OPEN = 0;
  private static final int FAILED = 1;
  private static final int CLOSED = 2;

  private final Path path;
  private final String description;
  private final ActiveFile file;
  private final @Nullable RolloverStrategy rollover;
  private final TriggeringPolicy trigger;
  private final @Nullable Clock wall;
  private final Clock clock;
  private final FsyncPolicy fsync;
  private final long fsyncIntervalMillis;
  private final RecoveryReport recovery;
  private final Retrier retrier;
  private final Consumer<String> warnings;
  private final ByteBuffer buf;
  private final long maxFileBytes;

  private long nextBoundary = Long.MIN_VALUE;
  private long fileBytes;
  private long periodStart;
  private long fileFirstMillis;
  /**
   * The latest time of a line in the active file (not the time of its last line: an out of
   * order line is earlier), which dates the file: time never goes back, so a restart finds the
   * period of the file's newest line, and an archive is dated by it.
   */
  private long latestLineMillis = Long.MIN_VALUE;
  private long lastSyncMillis;
  private boolean started;
  private final long existingModifiedMillis;
  /**
   * Bytes at the start of the active file that an earlier run wrote: when the file holds no
   * more than these, it has no line of this sink's and its modification time is left alone.
   */
  private long keptBytes;
  private int state = OPEN;
  private @Nullable RuntimeException failure;

  /** The last phase of {@link #openAll}: the file is checked and {@code cut} is done. */
  private RotatingFileSink(Opening o, long cut) {
    Builder b = o.builder;
    Path abs = o.plan.abs();
    this.path = abs;
    this.description = b.toString();
    this.trigger = o.plan.trigger();
    this.wall = b.timeSource == TimeSource.WALL ? b.clock : null;
    this.clock = b.clock;
    this.fsync = b.fsync;
    this.retrier = b.retrier;
    this.warnings = b.warnings;
    Duration interval = b.fsync.interval();
    this.fsyncIntervalMillis = interval == null ? Long.MAX_VALUE : interval.toMillis();
    this.maxFileBytes = trigger.maxFileBytes();
    this.buf = o.buffer;
    this.file = Objects.requireNonNull(o.file);
    ArchiveManager archives = o.archives;
    this.rollover = archives;
    this.existingModifiedMillis = o.modified;
    this.fileBytes = file.size();
    this.keptBytes = o.modified == Long.MIN_VALUE ? 0 : fileBytes;
    this.lastSyncMillis = clock.millis();
    this.recovery = new RecoveryReport(abs, fileBytes, cut,
        archives == null ? List.of() : archives.deletedTemporaries(),
        archives == null ? List.of() : archives.removedCopies(),
        archives == null ? List.of() : archives.compressedAgain());
    if (cut > 0) {
      b.warnings.accept(String.format(Locale.ROOT,
          "cut %d bytes of a torn last line from %s (left by a crash) before appending", cut,
          abs));
    }
  }

  /**
   * One sink of {@link #openAll} while it opens, phase by phase: each phase runs for every
   * builder before the next one starts, and only the last changes an active file.
   */
  private static final class Opening {
    final Builder builder;
    final Builder.Plan plan;
    final ByteBuffer buffer;
    @Nullable ActiveFile file;
    @Nullable ArchiveManager archives;
    long modified = Long.MIN_VALUE;
    @Nullable RotatingFileSink sink;

    /** Phase 0, before anything is opened: the settings are checked; the buffer. */
    Opening(Builder builder, Builder.Plan plan) {
      this.builder = builder;
      this.plan = plan;
      DataSize size = builder.bufferSize;
      try {
        this.buffer = ByteBuffer.allocateDirect((int) size.bytes());
      } catch (OutOfMemoryError e) {
        throw new IllegalArgumentException("bufferSize " + size + " for " + plan.abs()
            + ": cannot reserve " + size + " of direct memory (" + e.getMessage() + "); choose"
            + " a smaller bufferSize or allow more with -XX:MaxDirectMemorySize", e);
      }
    }

    /** Phase 1: opens the active file and takes its lock, changing nothing in it. */
    void lock() {
      file = builder.lock(plan);
    }

    /**
     * Phase 2: whatever may refuse the file, without emptying or cutting it: a file with no
     * line end near its end, archives that cannot be repaired. Repairing the archives (deleting
     * temporary files, compressing again) is done here.
     */
    void check() {
      ActiveFile f = Objects.requireNonNull(file);
      Builder b = builder;
      Path abs = plan.abs();
      if (b.openMode == OpenMode.APPEND) {
        try {
          if (Files.size(abs) > 0) {
            modified = Files.getLastModifiedTime(abs).toMillis();
          }
        } catch (IOException e) {
          // read again by the sink's first line; a file that is gone is created again
        }
        f.checkTornLine();
      }
      if (b.maxSize != null || plan.grid() != null) {
        Retention retention = new Retention(b.keep,
            b.totalSizeCap == null ? Long.MAX_VALUE : b.totalSizeCap.bytes(),
            b.maxAge == null ? Long.MAX_VALUE : b.maxAge.toMillis());
        archives = new ArchiveManager(abs, plan.names(), plan.shifting(), plan.indexBase(),
            plan.level(), retention, b.retrier, b.channels, b.fsync.onRotate(), b.warnings);
      }
    }

    /** Phase 3: empties or cuts the file as its open mode says, and makes the sink. */
    RotatingFileSink finish() {
      long cut = Objects.requireNonNull(file).prepare(builder.openMode);
      RotatingFileSink s = new RotatingFileSink(this, cut);
      sink = s;
      return s;
    }

    /** After a failure of any phase: closes what was opened, adding its failures to {@code e}. */
    void abandon(Throwable e) {
      RotatingFileSink s = sink;
      ActiveFile f = file;
      ArchiveManager a = archives;
      try {
        if (s != null) {
          s.close(); // its file and archives with it
          return;
        }
        if (a != null) {
          a.close();
        }
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (f != null) {
        try {
          f.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
    }
  }

  /**
   * Builds several sinks as one step, so that a program writing several logs (an access log
   * and an error log) changes none of them when one cannot be opened. Every builder is checked
   * as {@link Builder#build()} checks it and its buffer is allocated, then every active file is
   * opened and locked, then every file and its archives are checked (a file without a line end
   * near its end, archives that cannot be repaired; the archives' repairs are made then), and
   * only when all passed is any active file emptied ({@link Builder#truncate()}) or its torn
   * line cut. A file another sink or process is writing, or one that is refused, therefore
   * refuses the whole step before another file is emptied; the files that were locked are
   * closed again (a file that did not exist is left empty).
   *
   * @param builders the sinks' builders, each naming a file of its own
   * @return the open sinks, in the order of {@code builders}
   * @throws IllegalArgumentException as {@link Builder#build()}, for the first builder that is
   *     wrong, or when a {@link Builder#bufferSize(DataSize) bufferSize} cannot be reserved as
   *     direct memory; nothing was opened then; or (as {@link Builder#build()}) when an active
   *     file has no line end near its end; no file was changed then
   * @throws IllegalStateException naming the path when another sink (in this JVM, or in a
   *     process that locks it) is writing one of the files, or when two builders name the same
   *     file (nothing was opened then); no file was changed then
   * @throws UncheckedIOException when opening or repairing a file failed; the sinks already
   *     open are closed
   * @throws NullPointerException naming a null builder ({@code builders[1] is null}); nothing
   *     was opened then
   */
  public static List<RotatingFileSink> openAll(Builder... builders) {
    Objects.requireNonNull(builders, "builders");
    for (int i = 0; i < builders.length; i++) {
      if (builders[i] == null) {
        throw new NullPointerException("builders[" + i + "] is null");
      }
    }
    List<Builder> bs = List.of(builders);
    List<Builder.Plan> plans = new ArrayList<>(bs.size());
    for (Builder b : bs) {
      plans.add(b.plan());
    }
    Map<Path, Integer> named = new HashMap<>();
    for (int i = 0; i < plans.size(); i++) {
      Path abs = plans.get(i).abs();
      Integer first = named.putIfAbsent(abs, i);
      if (first != null) {
        throw new IllegalStateException("path " + abs + " is named by two builders (numbers "
            + (first + 1) + " and " + (i + 1) + " of openAll); a RotatingFileSink owns its"
            + " file: give each sink a file of its own");
      }
    }
    for (int i = 0; i < bs.size(); i++) {
      bs.get(i).checkFileSystem(plans.get(i).abs(), false);
    }
    List<Opening> openings = new ArrayList<>(bs.size());
    for (int i = 0; i < bs.size(); i++) {
      openings.add(new Opening(bs.get(i), plans.get(i)));
    }
    List<RotatingFileSink> sinks = new ArrayList<>(bs.size());
    try {
      for (Opening o : openings) {
        o.lock();
      }
      for (Opening o : openings) {
        o.check();
      }
      for (Opening o : openings) {
        sinks.add(o.finish());
      }
    } catch (RuntimeException | Error e) {
      for (Opening o : openings) {
        o.abandon(e);
      }
      throw e;
    }
    return List.copyOf(sinks);
  }

  /**
   * The active file.
   *
   * @return its absolute path
   */
  public Path path() {
    return path;
  }

  /**
   * What was found and repaired when the sink opened.
   *
   * @return the report
   */
  public RecoveryReport recovery() {
    return recovery;
  }

  /**
   * The archives this sink manages, oldest first, after waiting for pending compression. Empty
   * for a sink that does not rotate.
   *
   * @return their paths
   * @throws UncheckedIOException when background work (compression, retention) failed since it
   *     was last reported, naming the operation and the path; the sink then writes the lines it
   *     buffered and refuses further lines, as after any failure
   */
  public List<Path> archives() {
    RolloverStrategy r = rollover;
    if (r == null) {
      return List.of();
    }
    try {
      return r.archives();
    } catch (RuntimeException e) {
      if (state == OPEN) {
        try {
          flushBuffer(); // the lines accepted so far are not lost with the sink
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      fail(e);
      throw e;
    }
  }

  /**
   * The number of bytes in the active file, the buffered ones included.
   *
   * @return the count
   */
  public long activeFileBytes() {
    return fileBytes;
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException when {@code line} is null
   * @throws IndexOutOfBoundsException when {@code offset} and {@code length} do not lie within
   *     {@code line}
   * @throws IllegalArgumentException with time rotation, when the line's period must be found
   *     and its time lies outside the years 1 to 9999 (nothing is written)
   * @throws IllegalStateException when the sink is closed or failed earlier
   * @throws UncheckedIOException naming the operation and the path when writing or rotating
   *     failed
   */
  @Override
  public void write(byte[] line, int offset, int length, long epochMillis) {
    Objects.requireNonNull(line, "line");
    Objects.checkFromIndexSize(offset, length, line.length);
    Clock w = wall;
    long t = w == null ? epochMillis : w.millis();
    if (t >= nextBoundary || fileBytes + length + 1 > maxFileBytes) {
      slowWrite(line, offset, length, t);
      return;
    }
    append(line, offset, length, t);
  }

  private void append(byte[] line, int offset, int length, long t) {
    ByteBuffer b = buf;
    if (length >= b.remaining()) {
      flushBuffer();
      if (length >= b.capacity()) {
        writeLong(line, offset, length);
        fileBytes += length + 1;
        latestLineMillis = Math.max(latestLineMillis, t);
        return;
      }
    }
    b.put(line, offset, length).put(NEWLINE);
    fileBytes += length + 1;
    latestLineMillis = Math.max(latestLineMillis, t);
  }

  /** Start of file, period boundary, size limit, or not open: the rare cases. */
  private void slowWrite(byte[] line, int offset, int length, long t) {
    ensureOpen();
    if (trigger.timeBased()) {
      PeriodGrid.checkTime(t); // before anything changes: a refused line leaves no trace
    }
    if (!started) {
      started = true;
      boolean existing = existingModifiedMillis != Long.MIN_VALUE;
      // lines a previous run left belong to the period of their modification time: the time
      // of their last line (event time, set on close) or of their last write (wall time)
      startPeriod(existing ? existingModifiedMillis : t);
      if (existing) {
        latestLineMillis = existingModifiedMillis;
        if (trigger.timeBased() && t < periodStart) {
          nextBoundary = t; // this line's period comes before theirs: archive them first
        }
      }
    }
    if (t >= nextBoundary) {
      if (fileBytes > 0) {
        rollover(t);
      }
      startPeriod(t);
    }
    if (fileBytes > 0 && fileBytes + length + 1 > maxFileBytes) {
      rollover(t);
      fileFirstMillis = t;
    }
    append(line, offset, length, t);
  }

  private void startPeriod(long t) {
    periodStart = trigger.periodStart(t);
    nextBoundary = trigger.nextBoundary(t);
    fileFirstMillis = t;
  }

  private void rollover(long now) {
    RolloverStrategy r = Objects.requireNonNull(rollover);
    try {
      flushBuffer();
      if (fsync.onRotate()) {
        file.force();
      }
      file.closeForRollover(); // the path stays held in this JVM until the new file is open
      long nameMillis = trigger.timeBased() ? periodStart : fileFirstMillis;
      long mtime = fileBytes == keptBytes && wall == null ? Long.MIN_VALUE : latestLineMillis;
      r.rollover(path, nameMillis, mtime, now);
      file.open(OpenMode.APPEND);
      fileBytes = file.size();
      keptBytes = fileBytes;
      latestLineMillis = Long.MIN_VALUE; // the new file has no line yet
    } catch (RuntimeException e) {
      fail(e);
      throw e;
    }
  }

  private void writeLong(byte[] line, int offset, int length) {
    ByteBuffer[] parts = {ByteBuffer.wrap(line, offset, length),
        ByteBuffer.wrap(new byte[] {NEWLINE})};
    try {
      file.write(parts);
    } catch (RuntimeException e) {
      fail(e);
      throw e;
    }
  }

  private void flushBuffer() {
    ByteBuffer b = buf;
    if (b.position() == 0) {
      return;
    }
    b.flip();
    try {
      file.write(b);
    } catch (RuntimeException e) {
      // keep the lines: the buffer looks as it did before the attempt
      b.position(b.limit()).limit(b.capacity());
      RuntimeException reported = e instanceof UncheckedIOException u
          ? new UncheckedIOException(u.getMessage() + "; " + lost()
              + ", the sink takes no more lines", u.getCause())
          : e;
      fail(reported);
      throw reported;
    }
    b.clear();
    if (wall == null && latestLineMillis != Long.MIN_VALUE) {
      // the file's time is its last line's from every write on, not only from close(): the
      // next run dates what a crashed one left by it (one system call per buffer)
      FileTimes.stamp(path, latestLineMillis);
    }
    if (fsyncIntervalMillis != Long.MAX_VALUE) {
      long now = clock.millis();
      if (now - lastSyncMillis >= fsyncIntervalMillis) {
        try {
          file.force();
        } catch (RuntimeException e) {
          fail(e);
          throw e;
        }
        lastSyncMillis = now;
      }
    }
  }

  /**
   * What a failed write loses: the lines in the buffer, which are never written again. Counted
   * on failure only.
   */
  private String lost() {
    ByteBuffer b = buf;
    int bytes = b.position();
    long lines = 0;
    for (int i = 0; i < bytes; i++) {
      if (b.get(i) == NEWLINE) {
        lines++;
      }
    }
    return String.format(Locale.ROOT, "%d accepted %s (%d bytes) not written to %s", lines,
        lines == 1 ? "line" : "lines", bytes, path);
  }

  /** The failure's message, which names the path and the cause, without its class name. */
  private static String reason(@Nullable RuntimeException failure) {
    if (failure == null) {
      return "an earlier failure";
    }
    String m = failure.getMessage();
    return m != null ? m : failure.toString();
  }

  private void fail(RuntimeException e) {
    if (state == OPEN) {
      state = FAILED;
      failure = e;
      nextBoundary = Long.MIN_VALUE;
    }
  }

  private void ensureOpen() {
    if (state == CLOSED) {
      throw new IllegalStateException("sink for " + path + " is closed");
    }
    if (state == FAILED) {
      throw new IllegalStateException("sink for " + path + " failed earlier and takes no more"
          + " lines (" + lost() + "): " + reason(failure), failure);
    }
  }

  @Override
  public void flush() {
    ensureOpen();
    flushBuffer();
  }

  /**
   * Writes buffered lines, forces them to the device when the fsync policy says so, closes the
   * file and waits for pending compression. Idempotent. After a failure the buffered lines are
   * not written again: the failure said how many lines and bytes were lost with it, and
   * {@code close()} says it again to the {@link Builder#warnings(Consumer) warnings handler}
   * (it does not throw that failure a second time).
   *
   * @throws UncheckedIOException when the last write, the close or background work failed
   *     (each background failure is reported once: by a rollover, {@link #archives()} or here)
   */
  @Override
  public void close() {
    if (state == CLOSED) {
      return;
    }
    boolean failedBefore = state == FAILED;
    RuntimeException error = null;
    if (failedBefore && buf.position() > 0) {
      warnings.accept("closing " + path + " after a failure: " + lost() + ", as reported by: "
          + reason(failure));
    }
    if (!failedBefore) {
      try {
        flushBuffer();
        if (fsync.onRotate()) {
          file.force();
        }
      } catch (RuntimeException e) {
        error = e;
      }
    }
    state = CLOSED;
    nextBoundary = Long.MIN_VALUE;
    try {
      file.close();
      // Not by comparing times: a run repeated over the same window ends on the time the file
      // had, and its write had set the modification time to now.
      if (wall == null && fileBytes > keptBytes && latestLineMillis != Long.MIN_VALUE) {
        long time = latestLineMillis;
        String kept = retrier.call("set modification time", path, () -> FileTimes.set(path, time));
        if (kept != null) {
          warnings.accept(kept);
        }
      }
    } catch (RuntimeException e) {
      error = add(error, e);
    }
    RolloverStrategy r = rollover;
    if (r != null) {
      try {
        r.close();
      } catch (RuntimeException e) {
        error = add(error, e);
      }
    }
    if (error != null) {
      throw error;
    }
  }

  private static RuntimeException add(@Nullable RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  /** The configuration, as the builder showed it. */
  @Override
  public String toString() {
    return description;
  }

  /**
   * Builds a {@link RotatingFileSink}. Setters check their argument at once; a second,
   * different setting of the same thing is an {@link IllegalStateException}. Checks that span
   * settings and the file system run in {@link #build()}.
   */
  public static final class Builder {
    private static final System.Logger LOG = System.getLogger("dev.loggen.sinks");
    private static final DataSize DEFAULT_BUFFER = DataSize.ofKilobytes(256);

    private final Path path;
    private @Nullable DataSize maxSize;
    private @Nullable Duration period;
    private @Nullable ZoneId zoneSet;
    private @Nullable TimeSource timeSourceSet;
    private TimeSource timeSource = TimeSource.EVENT;
    private @Nullable Clock clockSet;
    private Clock clock = Clock.systemUTC();
    private @Nullable String pattern;
    private int gzipLevel;
    private int keep = Integer.MAX_VALUE;
    private @Nullable DataSize totalSizeCap;
    private @Nullable Duration maxAge;
    private @Nullable OpenMode openModeSet;
    private OpenMode openMode = OpenMode.APPEND;
    private @Nullable FsyncPolicy fsyncSet;
    private FsyncPolicy fsync = FsyncPolicy.NONE;
    private @Nullable Retrier retrierSet;
    private Retrier retrier = Retrier.DEFAULT;
    private @Nullable DataSize bufferSizeSet;
    private DataSize bufferSize = DEFAULT_BUFFER;
    /** The longest {@link #maxAge}: as many whole days as fit a long count of milliseconds. */
    private static final Duration MAX_AGE = Duration.ofDays(Long.MAX_VALUE / 86_400_000L);
    private @Nullable Consumer<String> warningsSet;
    private Consumer<String> warnings = message -> LOG.log(System.Logger.Level.WARNING, message);
    private ChannelFactory channels = ChannelFactory.DEFAULT;

    Builder(Path path) {
      this.path = Objects.requireNonNull(path, "path");
    }

    private static <T> void once(String what, @Nullable T current, T value) {
      if (current != null && !current.equals(value)) {
        throw new IllegalStateException(what + " was already set to " + current);
      }
    }

    /**
     * Starts a new file when the next line would take the current one past {@code maxSize}.
     *
     * @param maxSize the largest size of a file (a single longer line gets a file of its own)
     * @return this builder
     */
    public Builder maxSize(DataSize maxSize) {
      Objects.requireNonNull(maxSize, "maxSize");
      once("maxSize", this.maxSize, maxSize);
      this.maxSize = maxSize;
      return this;
    }

    /**
     * Starts a new file at every full hour in the zone.
     *
     * @return this builder
     */
    public Builder hourly() {
      return period(Duration.ofHours(1));
    }

    /**
     * Starts a new file at every midnight in the zone.
     *
     * @return this builder
     */
    public Builder daily() {
      return period(Duration.ofDays(1));
    }

    /**
     * Starts a new file at every period boundary in the zone. Periods that divide a day evenly
     * ({@code PT15M}, {@code PT1H}, {@code PT6H}) start at local midnight and every period
     * after it; periods of whole days start at local midnight (every n days counted from
     * 1970-01-01, or from a Monday when n is a multiple of 7: {@code P7D} is weekly from
     * Monday).
     *
     * @param period the period: positive, whole milliseconds, dividing a day evenly or a whole
     *     number of days
     * @return this builder
     * @throws IllegalArgumentException for other periods
     */
    public Builder period(Duration period) {
      Objects.requireNonNull(period, "period");
      String problem = PeriodGrid.problem(period);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      once("period", this.period, period);
      this.period = period;
      return this;
    }

    /**
     * The zone whose local time period boundaries and dates in names follow; UTC by default.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      Objects.requireNonNull(zone, "zone");
      once("zone", zoneSet, zone);
      zoneSet = zone;
      return this;
    }

    /**
     * Which time rotation follows: the event time of each line (the default) or the wall
     * clock (live mode).
     *
     * @param source the time source
     * @return this builder
     */
    public Builder timeSource(TimeSource source) {
      Objects.requireNonNull(source, "source");
      once("timeSource", timeSourceSet, source);
      timeSourceSet = source;
      timeSource = source;
      return this;
    }

    /**
     * The wall clock, for {@link TimeSource#WALL} rotation and periodic fsync; the system UTC
     * clock by default. Tests pass a fixed or hand-advanced clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      Objects.requireNonNull(clock, "clock");
      once("clock", clockSet, clock);
      clockSet = clock;
      this.clock = clock;
      return this;
    }

    /**
     * Names archives by a logback-like pattern instead of logrotate's suffixes:
     * {@code %d{yyyy-MM-dd}} (or {@code %d}) the date, {@code %i} the index, {@code %%} a
     * percent sign, a trailing {@code .gz} for compression; for example
     * {@code access-%d{yyyy-MM-dd}.%i.log.gz}. Without {@code %i}, a rollover whose archive name
     * exists already (a run repeated over the same days) fails rather than overwrite it.
     *
     * @param pattern a file name, without directory
     * @return this builder
     * @throws IllegalArgumentException quoting the pattern when it cannot be read
     */
    public Builder pattern(String pattern) {
      Objects.requireNonNull(pattern, "pattern");
      NameTemplate.parse(pattern, ZoneOffset.UTC);
      once("pattern", this.pattern, pattern);
      this.pattern = pattern;
      return this;
    }

    /**
     * Compresses archives with gzip at the default level (6), in the background.
     *
     * @return this builder
     */
    public Builder gzip() {
      return gzip(6);
    }

    /**
     * Compresses archives with gzip at {@code level}, in the background.
     *
     * @param level 1 (fastest) to 9 (smallest)
     * @return this builder
     */
    public Builder gzip(int level) {
      if (level < 1 || level > 9) {
        throw new IllegalArgumentException("gzip level must be between 1 and 9 (got " + level
            + ")");
      }
      once("gzip level", gzipLevel == 0 ? null : gzipLevel, level);
      gzipLevel = level;
      return this;
    }

    /**
     * Keeps at most {@code n} archives (the active file not counted), deleting the oldest.
     *
     * @param n how many, at least 1
     * @return this builder
     */
    public Builder keep(int n) {
      if (n <= 0) {
        throw new IllegalArgumentException("keep must be positive (got " + n + ")");
      }
      once("keep", keep == Integer.MAX_VALUE ? null : keep, n);
      keep = n;
      return this;
    }

    /**
     * Deletes the oldest archives while all archives together (compressed sizes, the active
     * file not counted) take more than {@code cap}.
     *
     * @param cap the total size
     * @return this builder
     */
    public Builder totalSizeCap(DataSize cap) {
      Objects.requireNonNull(cap, "cap");
      once("totalSizeCap", totalSizeCap, cap);
      totalSizeCap = cap;
      return this;
    }

    /**
     * Deletes archives whose last line is older than {@code age}, measured in the time source
     * (event or wall time) at each rollover. An archive's age is taken from its modification
     * time, which the sink sets to the time of its last line, against the time of the line that
     * starts the new file; so archives of another program (see <em>Opening an existing
     * file</em> in the class description) are aged by the time their file had.
     *
     * @param age the age, positive, at most 106751991167 days
     * @return this builder
     * @throws IllegalArgumentException for an age that is not positive or longer
     */
    public Builder maxAge(Duration age) {
      Objects.requireNonNull(age, "age");
      if (age.isNegative() || age.isZero()) {
        throw new IllegalArgumentException("maxAge must be positive (got " + age + ")");
      }
      if (age.compareTo(MAX_AGE) > 0) {
        // ages are compared in milliseconds; anything longer keeps every archive anyway
        throw new IllegalArgumentException("maxAge must be at most " + MAX_AGE.toDays()
            + " days (got " + age + ")");
      }
      once("maxAge", maxAge, age);
      maxAge = age;
      return this;
    }

    /**
     * Empties the active file if it exists, instead of appending to it. Archives are kept.
     *
     * @return this builder
     */
    public Builder truncate() {
      return openMode(OpenMode.TRUNCATE);
    }

    /**
     * Refuses to open the active file if it exists ({@link #build()} throws).
     *
     * @return this builder
     */
    public Builder failIfExists() {
      return openMode(OpenMode.FAIL_IF_EXISTS);
    }

    private Builder openMode(OpenMode mode) {
      once("open mode", openModeSet, mode);
      openModeSet = mode;
      openMode = mode;
      return this;
    }

    /**
     * When written data is forced to the device; {@link FsyncPolicy#NONE} by default.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder fsync(FsyncPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      once("fsync", fsyncSet, policy);
      fsyncSet = policy;
      fsync = policy;
      return this;
    }

    /**
     * How failed file operations are retried; 3 attempts, 10 ms then 20 ms apart, by default.
     *
     * @param attempts attempts in all, at least 1
     * @param backoff the pause after the first failure, doubling after each further one (up to
     *     2<sup>20</sup> times the backoff); zero to one hour
     * @return this builder
     * @throws IllegalArgumentException for attempts below 1, or a backoff that is negative or
     *     longer than an hour
     */
    public Builder retry(int attempts, Duration backoff) {
      Retrier r = new Retrier(attempts, backoff);
      once("retry", retrierSet, r);
      retrierSet = r;
      retrier = r;
      return this;
    }

    /**
     * The size of the write buffer; 256 KB by default. The file is written in chunks of this
     * size, always ending at a line end.
     *
     * @param size 4 KB to 1 GB
     * @return this builder
     */
    public Builder bufferSize(DataSize size) {
      Objects.requireNonNull(size, "size");
      if (size.bytes() < 4096 || size.bytes() > (1L << 30)) {
        throw new IllegalArgumentException("bufferSize must be between 4KB and 1GB (got " + size
            + ")");
      }
      once("bufferSize", bufferSizeSet, size);
      bufferSizeSet = size;
      bufferSize = size;
      return this;
    }

    /**
     * Where repairs made on open are reported (a torn line cut, temporary files deleted,
     * archives compressed again); by default to the {@link System.Logger} named
     * {@code dev.loggen.sinks}, at level WARNING.
     *
     * @param handler receives one message per repair
     * @return this builder
     */
    public Builder warnings(Consumer<String> handler) {
      Objects.requireNonNull(handler, "handler");
      once("warnings", warningsSet, handler);
      warningsSet = handler;
      warnings = handler;
      return this;
    }

    /** For tests: how channels are opened (fault injection). */
    Builder channelFactory(ChannelFactory factory) {
      channels = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /**
     * Checks the settings together, as {@link #build()} does first, without touching the file
     * system: a pattern that cannot name the files the triggers need, settings that need a
     * trigger without one, a path that names no file. A configuration reader calls it to report
     * such mistakes before anything is created.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public void check() {
      plan();
    }

    /**
     * Checks everything {@link #build()} checks before it opens the file, settings and file
     * system, without creating, opening or changing anything: a program that writes several
     * files calls it on each builder first, so that a run refused for one file has not yet
     * emptied ({@link #truncate()}) or created another. A directory that does not exist yet is
     * not refused here ({@link #build()} creates it, before it opens anything).
     *
     * @throws IllegalArgumentException naming the setting or the path that is wrong, as {@link
     *     #build()} would: a path that is a directory or not a regular file (a device, a pipe, a
     *     dangling symbolic link), a directory or file that cannot be written, an existing file
     *     with {@link #failIfExists()}
     */
    public void checkFileSystem() {
      checkFileSystem(plan().abs(), false);
    }

    /**
     * Checks the settings together and against the file system, opens the active file and
     * takes its lock, then repairs what a crash left.
     *
     * @return the open sink
     * @throws IllegalArgumentException naming the setting or the path that is wrong: a pattern
     *     that cannot name the files the triggers need, a path that is a directory, a directory
     *     that cannot be created or written, an existing file with {@link #failIfExists()}, a
     *     {@link #bufferSize(DataSize) bufferSize} that cannot be reserved as direct memory, a
     *     file with no line end near its end (see {@link RotatingFileSink})
     * @throws IllegalStateException naming the path when another sink (in this JVM, or in a
     *     process that locks it) is writing the file; nothing was changed then
     * @throws UncheckedIOException when opening or repairing failed, or when an archive and a
     *     {@code .gz} of the same name that is not its compressed copy are both there (nothing is
     *     deleted then)
     */
    public RotatingFileSink build() {
      return openAll(this).get(0);
    }

    /** Opens the active file and takes its lock, changing nothing in it (see openAll). */
    private ActiveFile lock(Plan p) {
      checkFileSystem(p.abs(), true);
      ActiveFile f = new ActiveFile(p.abs(), channels, retrier,
          Math.max(1L << 20, 4 * bufferSize.bytes()));
      f.openAndLock(openMode);
      return f;
    }

    /** What {@link #plan()} worked out from the settings. */
    private record Plan(Path abs, TriggeringPolicy trigger, @Nullable PeriodGrid grid,
        NameTemplate names, boolean shifting, int indexBase, int level) {}

    private Plan plan() {
      ZoneId zone = zoneSet == null ? ZoneOffset.UTC : zoneSet;
      PeriodGrid grid = period == null ? null : new PeriodGrid(period, zone);
      long limit = maxSize == null ? Long.MAX_VALUE : maxSize.bytes();
      TriggeringPolicy trigger = TriggeringPolicy.of(limit, grid);
      Path abs = ActiveFile.physical(path);
      Path fileName = abs.getFileName();
      if (fileName == null || abs.getParent() == null) {
        throw new IllegalArgumentException("path " + path + " does not name a file");
      }
      String activeName = fileName.toString();
      if (maxSize == null && grid == null) {
        List<String> pointless = new java.util.ArrayList<>();
        if (pattern != null) {
          pointless.add("pattern");
        }
        if (gzipLevel > 0) {
          pointless.add("gzip");
        }
        if (keep != Integer.MAX_VALUE) {
          pointless.add("keep");
        }
        if (totalSizeCap != null) {
          pointless.add("totalSizeCap");
        }
        if (maxAge != null) {
          pointless.add("maxAge");
        }
        if (!pointless.isEmpty()) {
          throw new IllegalArgumentException(String.join(", ", pointless) + " set without a"
              + " trigger: without maxSize, hourly(), daily() or period() no file is ever"
              + " rotated");
        }
      }
      NameTemplate names;
      boolean shifting = false;
      int indexBase = 1;
      int level = gzipLevel;
      if (pattern != null) {
        names = NameTemplate.parse(pattern, zone);
        indexBase = 0;
        if (maxSize != null && !names.hasIndex()) {
          throw new IllegalArgumentException("pattern '" + pattern + "' has no %i, which size"
              + " rotation needs to name several files in one period");
        }
        if (grid != null && !names.hasDate()) {
          throw new IllegalArgumentException("pattern '" + pattern + "' has no %d, which time"
              + " rotation needs to name each period's file");
        }
        if (level > 0 && !names.compressed()) {
          throw new IllegalArgumentException("pattern '" + pattern + "' does not end in .gz"
              + " but gzip() was set; end the pattern with .gz");
        }
        if (names.compressed() && level == 0) {
          level = 6;
        }
        if (names.parse(activeName) != null) {
          throw new IllegalArgumentException("pattern '" + pattern + "' makes names like the"
              + " active file's, " + activeName);
        }
        String sample = names.format(Instant.parse("2026-01-02T03:04:05Z").toEpochMilli(), 0);
        if (names.parse(sample) == null) {
          throw new IllegalArgumentException("pattern '" + pattern + "' makes names it cannot"
              + " read back, such as " + sample + " (its date needs year, month and day), so"
              + " retention and repair could not find its files");
        }
        if (grid != null && !names.hasIndex()) {
          checkDistinctDates(names, grid, pattern);
        }
      } else if (grid != null) {
        names = NameTemplate.logrotate(activeName, grid.dateFormat(), level > 0, zone);
      } else {
        names = NameTemplate.logrotate(activeName, null, level > 0, zone);
        shifting = true;
      }
      return new Plan(abs, trigger, grid, names, shifting, indexBase, level);
    }

    private static void checkDistinctDates(NameTemplate names, PeriodGrid grid, String pattern) {
      long t = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
      String previous = null;
      for (int i = 0; i < 50; i++) {
        long start = grid.start(t);
        String text = names.dateText(start);
        if (text.equals(previous)) {
          throw new IllegalArgumentException("pattern '" + pattern + "' gives consecutive "
              + grid.period() + " periods the same name (" + text + "); add finer date fields"
              + " to %d{...} or add %i");
        }
        previous = text;
        t = grid.end(t);
      }
    }

    /** The file system checks of {@link #build()}; {@code create}: make a missing directory. */
    private void checkFileSystem(Path abs, boolean create) {
      Path dir = Objects.requireNonNull(abs.getParent());
      if (Files.isDirectory(abs)) {
        throw new IllegalArgumentException("path " + abs + " is a directory, not a file");
      }
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new IllegalArgumentException("directory " + dir + " of path " + abs
            + " is not a directory");
      }
      if (!Files.exists(dir)) {
        if (!create) {
          return; // nothing in it to refuse yet
        }
        try {
          Files.createDirectories(dir);
        } catch (IOException e) {
          throw new IllegalArgumentException("directory " + dir + " of path " + abs
              + " cannot be created: " + e, e);
        }
      }
      if (!Files.isWritable(dir)) {
        throw new IllegalArgumentException("directory " + dir + " is not writable");
      }
      if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
        if (!Files.isRegularFile(abs)) {
          throw new IllegalArgumentException("path " + abs + " is not a regular file");
        }
        if (!Files.isWritable(abs)) {
          throw new IllegalArgumentException("path " + abs + " is not writable");
        }
        if (openMode == OpenMode.FAIL_IF_EXISTS) {
          throw new IllegalArgumentException("path " + abs
              + " already exists and failIfExists() was set");
        }
      }
    }

    /** The settings, for messages and test output. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("RotatingFileSink[").append(path);
      if (maxSize != null) {
        sb.append(", maxSize=").append(maxSize);
      }
      if (period != null) {
        sb.append(", period=").append(period);
      }
      if (zoneSet != null) {
        sb.append(", zone=").append(zoneSet);
      }
      sb.append(", time=").append(timeSource);
      if (pattern != null) {
        sb.append(", pattern='").append(pattern).append('\'');
      }
      if (gzipLevel > 0) {
        sb.append(", gzip=").append(gzipLevel);
      }
      if (keep != Integer.MAX_VALUE) {
        sb.append(", keep=").append(keep);
      }
      if (totalSizeCap != null) {
        sb.append(", totalSizeCap=").append(totalSizeCap);
      }
      if (maxAge != null) {
        sb.append(", maxAge=").append(maxAge);
      }
      sb.append(", open=").append(openMode.name().toLowerCase(Locale.ROOT));
      sb.append(", fsync=").append(fsync);
      sb.append(", retry=").append(retrier.attempts()).append('x').append(retrier.backoff());
      sb.append(", buffer=").append(bufferSize).append(']');
      return sb.toString();
    }
  }
}
