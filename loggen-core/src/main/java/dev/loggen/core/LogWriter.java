package dev.loggen.core;

import dev.loggen.core.internal.AccessFormats;
import dev.loggen.core.internal.ParallelPipeline;
import dev.loggen.core.internal.Segment;
import dev.loggen.core.internal.SinkClosing;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline: renders a generator's events with a {@link LogFormat} and hands whole lines to a
 * {@link LineSink}; optionally writes error-log lines (for the events an error format accepts) to
 * a second sink; returns the {@link Report}.
 *
 * <pre>{@code
 * Report r = gen.writer()
 *     .format(LogFormats.combined())
 *     .to(FileSinks.rotating(Path.of("logs/access.log")).daily().gzip().build())
 *     .errors(LogFormats.apacheError(), FileSinks.rotating(Path.of("logs/error.log")).build())
 *     .run();
 * }</pre>
 *
 * <p>The hot path renders into one reused buffer and calls the sink once per line; sinks buffer
 * and write in large chunks. {@link #run()} closes the sinks it was given, also on failure, so
 * every line handed over is flushed (and compressed) before it returns. A sink that reports its
 * consumer gone ({@link SinkClosedException}, e.g. a closed pipe) ends the run early and cleanly.
 * A writer is a one-shot object, used by one thread; with {@link #threads(int)} it generates and
 * renders on worker threads, and the sinks are still called from the calling thread only.
 *
 * <p>Each setting is made once: calling a setter again with another value (another format,
 * limit, thread count, stop condition or listener; a second sink) is an
 * {@link IllegalStateException} naming the value set first, so that a writer handed through
 * several hands does not silently lose a setting. Calling it again with an equal value is
 * allowed.
 */
public final class LogWriter {
  /** Rendered lines, in MiB, that a parallel run keeps waiting for the writer at most. */
  static final int DEFAULT_BUDGET_MIB = 8;

  private final LogGenerator generator;
  private @Nullable LogFormat format;
  private @Nullable LineSink sink;
  private @Nullable LogFormat errorFormat;
  private @Nullable LineSink errorSink;
  private long limit = Long.MAX_VALUE;
  private boolean limitSet;
  private @Nullable BooleanSupplier stopSet;
  private BooleanSupplier stop = () -> false;
  private @Nullable Progress progress;
  private int threads = 1;
  private boolean threadsSet;
  private long budgetBytes = DEFAULT_BUDGET_MIB << 20;
  private int segmentEvents = 2048;
  private boolean ran;
  private long written;
  private long lastTime;

  LogWriter(LogGenerator generator) {
    this.generator = generator;
  }

  /**
   * The access-log format.
   *
   * @param newFormat the format; an access-log format writes a line for every event
   * @return this writer
   * @throws IllegalArgumentException for an error-log format ({@code LogFormats.apacheError()},
   *     {@code nginxError()}, any format whose {@link LogFormat#accepts} refuses an ordinary
   *     {@code 200} response): it belongs in {@link #errors}
   * @throws IllegalStateException when another format was set before
   */
  public LogWriter format(LogFormat newFormat) {
    LogFormat f = AccessFormats.require(newFormat);
    once("format", format, f);
    this.format = f;
    return this;
  }

  /** The access-log sink; {@link #run()} closes it. */
  public LogWriter to(LineSink newSink) {
    Objects.requireNonNull(newSink, "sink");
    once("the access-log sink", sink, newSink);
    this.sink = newSink;
    return this;
  }

  /** Error-log lines in {@code format} for the events it accepts, into {@code sink}. */
  public LogWriter errors(LogFormat newFormat, LineSink newSink) {
    Objects.requireNonNull(newFormat, "errors format");
    Objects.requireNonNull(newSink, "errors sink");
    once("the error-log sink", errorSink, newSink);
    once("the error-log format", errorFormat, newFormat);
    this.errorSink = newSink;
    this.errorFormat = newFormat;
    return this;
  }

  /**
   * Stops after {@code lines} access-log lines. The report then counts the sessions with a line
   * in the log (see {@link Report.Builder#expectSession}).
   */
  public LogWriter limit(long lines) {
    if (lines < 1) {
      throw new IllegalArgumentException("limit must be positive (got " + lines + ")");
    }
    once("limit", limitSet ? limit : null, lines);
    this.limit = lines;
    this.limitSet = true;
    return this;
  }

  /**
   * Stops cleanly, between two lines, once {@code condition} is true, as a signal handler asks.
   * It is checked every 1,024 lines, and after each minute of simulated time without lines, so
   * that a stop is honoured within a minute's simulation while no line is due (the warm-up
   * before the window, which at high traffic takes a while, or a quiet night).
   */
  public LogWriter stopWhen(BooleanSupplier condition) {
    Objects.requireNonNull(condition, "condition");
    if (stopSet != null && stopSet != condition) {
      throw new IllegalStateException("a stop condition was already set: combine the two into"
          + " one condition");
    }
    this.stop = condition;
    this.stopSet = condition;
    return this;
  }

  /** Told of progress every 65,536 lines and at the end (for a progress line or a health check). */
  public LogWriter progress(Progress listener) {
    Objects.requireNonNull(listener, "progress");
    if (progress != null && progress != listener) {
      throw new IllegalStateException("a progress listener was already set: combine the two"
          + " into one listener");
    }
    this.progress = listener;
    return this;
  }

  /**
   * Generates and renders on {@code n} worker threads while the calling thread writes (default
   * 1: everything on the calling thread). The output is byte for byte the single-threaded one,
   * whatever {@code n}: the same lines in the same order, the same {@link Report}, the same
   * cut-off under {@link #limit}. Workers are daemon threads named {@code loggen-worker-k}
   * that live for one {@link #run()}.
   *
   * <p>The window is simulated one minute (one block) at a time; workers simulate blocks
   * ahead, one of them at a time orders the events of the next block, and they render the
   * ordered events in segments; the writer writes the segments in order. No session is
   * simulated twice (unlike cutting the window into {@link LogGenerator#slice slices}, which
   * each warm up for a whole session length), and memory stays bounded whatever the line
   * count (a run fits in {@code -Xmx64m}): workers wait when they are a few blocks, blocks of
   * about 8 MiB of simulated events, or about 8 MiB of rendered lines ahead of the writer. A
   * parallel run still holds about one minute more of simulated traffic than a single-threaded
   * one, and each worker about 1 MiB of its own (a renderer, the segment it renders; the
   * workers split one cache of returning visitors between them): at several hundred thousand
   * sessions an hour (a minute of 100,000 events and more), give the JVM a larger heap than
   * one thread needs.
   *
   * @param n worker threads, 1 to 256
   * @return this writer
   * @throws IllegalArgumentException when {@code n} is out of range
   * @throws IllegalStateException when another thread count was set before
   */
  public LogWriter threads(int n) {
    if (n < 1 || n > 256) {
      throw new IllegalArgumentException("threads must be between 1 and 256 (got " + n + ")");
    }
    once("threads", threadsSet ? threads : null, n);
    this.threads = n;
    this.threadsSet = true;
    return this;
  }

  /** Refuses a second setting of {@code what} that differs from the first. */
  private static <T> void once(String what, @Nullable T current, T value) {
    if (current != null && !current.equals(value)) {
      throw new IllegalStateException(what + " was already set to " + current);
    }
  }

  /** Test knob: rendered bytes allowed to wait for the writer (parallel runs). */
  LogWriter memoryBudget(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("memoryBudget must not be negative (got " + bytes + ")");
    }
    this.budgetBytes = bytes;
    return this;
  }

  /** Test knob: most events per rendered segment (parallel runs). */
  LogWriter segmentEvents(int events) {
    if (events < 1) {
      throw new IllegalArgumentException("segmentEvents must be positive (got " + events + ")");
    }
    this.segmentEvents = events;
    return this;
  }

  /**
   * Generates, renders and writes until the window ends, the limit is reached or the sink's
   * consumer is gone; then closes the sinks.
   *
   * @return what was written
   * @throws IllegalStateException when no format or sink was given (the sinks that were given
   *     are closed), or the writer already ran; or, in a parallel run, when a worker failed
   *     (naming the worker and the block); or when the calling thread is interrupted (seen every
   *     1,024 lines, and while waiting for the workers): the run stops there, the sinks are
   *     closed with every line handed to them, and the interrupt status stays set
   * @throws java.io.UncheckedIOException when a sink cannot write (it names the path)
   */
  public Report run() {
    if (ran) {
      throw new IllegalStateException("this writer already ran; get a new one from writer()");
    }
    ran = true;
    if (format == null || sink == null) {
      // The sinks given are closed on this failure too: a rotating file is open already.
      IllegalStateException missing = new IllegalStateException(format == null
          ? "no format: call format(LogFormats.combined()) or similar"
          : "no sink: call to(...) with a LineSink");
      SinkClosing.closeAll(missing, sink, errorSink);
      throw missing;
    }
    Report.Builder report = Report.builder();
    LineSink out = sink;
    LineSink err = errorSink;
    Throwable failure = null;
    try {
      if (threads == 1) {
        runSingle(report, format, out, err);
      } else {
        runParallel(report, format, out, err);
      }
    } catch (SinkClosedException closed) {
      // The consumer went away (a closed pipe): end quietly with what was written.
    } catch (Throwable e) { // a checked exception thrown sneakily by a sink too
      failure = e;
      throw e;
    } finally {
      SinkClosing.closeAll(failure, out, err);
    }
    if (progress != null) {
      progress.update(written, lastTime);
    }
    return report.build();
  }

  private void runSingle(Report.Builder report, LogFormat fmt, LineSink out,
      @Nullable LineSink err) {
    LogFormat errFormat = errorFormat;
    LogFormat.Renderer renderer = fmt.newRenderer();
    LogFormat.Renderer errRenderer = errFormat == null ? null : errFormat.newRenderer();
    LineBuffer line = new LineBuffer(1024);
    LineBuffer errLine = new LineBuffer(1024);
    Iterator<AccessEvent> events = generator.iterator(report::expectSession, stop);
    // One event at a time: reading ahead (to overlap the renderer's cache misses, as a parallel
    // run's segments do) would ask the generator, and so the stop condition, before the lines
    // already taken reach the sink, and would lose them when the generator then fails.
    while (written < limit && events.hasNext()) {
      AccessEvent e = events.next();
      line.reset();
      renderer.render(e, line);
      out.write(line.array(), 0, line.length(), e.epochMillis());
      report.event(e);
      if (errRenderer != null && errFormat.accepts(e)) {
        errLine.reset();
        errRenderer.render(e, errLine);
        err.write(errLine.array(), 0, errLine.length(), e.epochMillis());
        report.errorLine();
      }
      written++;
      lastTime = e.epochMillis();
      if ((written & 1023) == 0 && pause()) {
        break;
      }
    }
  }

  /** Every 1,024 lines: progress, and whether to stop; an interrupt ends the run. */
  private boolean pause() {
    if (Thread.currentThread().isInterrupted()) {
      // the sinks keep the lines they took (a file sink writes them on an interrupted thread
      // too); run() closes them, and the interrupt status stays set for the caller
      throw new IllegalStateException("interrupted after " + written + " lines; the sinks are"
          + " closed with every line handed to them");
    }
    if (stop.getAsBoolean()) {
      return true;
    }
    if (progress != null && (written & 0xFFFF) == 0) {
      progress.update(written, lastTime);
    }
    return false;
  }

  private void runParallel(Report.Builder report, LogFormat fmt, LineSink out,
      @Nullable LineSink err) {
    LogGenerator g = generator;
    long from = g.emitFrom().toEpochMilli();
    long to = g.stopMillis();
    try (ParallelPipeline pipeline = new ParallelPipeline(g.seed(), g.site(), g.model(),
        g.traffic(), g.sessions(), g.visitors(), g.scenarios(), from, to, fmt, errorFormat,
        threads, budgetBytes, segmentEvents)) {
      Segment s;
      while (written < limit && (s = pipeline.next()) != null) {
        if (s.lines() == 0 && !s.failed() && stop.getAsBoolean()) {
          pipeline.release(s);
          break; // a minute without lines: the warm-up, or a quiet one
        }
        boolean whole = writeSegment(s, report, out, err);
        pipeline.release(s);
        if (!whole) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the workers", e);
    }
  }

  /**
   * Writes a segment as the single-threaded loop would write its events; returns false when
   * the run stops inside it (limit, stop condition, closed sink).
   */
  private boolean writeSegment(Segment s, Report.Builder report, LineSink out,
      @Nullable LineSink err) {
    for (Session session : s.sessions()) {
      report.expectSession(session);
    }
    int n = s.lines();
    byte[] bytes = s.lineBytes();
    byte[] errBytes = s.errorBytes();
    int errors = s.errorLines();
    int j = 0;
    int counted = 0;
    boolean whole = false;
    try {
      for (int i = 0; ; i++) {
        if (i == n) {
          whole = true;
          break;
        }
        if (written >= limit) {
          break;
        }
        long t = s.time(i);
        int start = s.lineStart(i);
        out.write(bytes, start, s.lineEnd(i) - start, t);
        counted = i + 1;
        for (; j < errors && s.errorEvent(j) == i; j++) {
          int es = s.errorStart(j);
          err.write(errBytes, es, s.errorEnd(j) - es, t);
          report.errorLine();
        }
        written++;
        lastTime = t;
        if ((written & 1023) == 0 && pause()) {
          break; // stopped: not whole, even after its last line
        }
      }
    } finally {
      if (n == 0) {
        // a minute without events: nothing rendered, nothing to count
      } else if (counted == n) {
        report.merge(s.tally());
      } else {
        for (int i = 0; i < counted; i++) {
          report.event(s.event(i));
        }
      }
    }
    return whole;
  }

  /** Progress of a run. */
  @FunctionalInterface
  public interface Progress {
    /**
     * Called from the thread that called {@link #run()} (also in parallel runs).
     *
     * @param lines access-log lines written so far
     * @param eventMillis event time of the last line written
     */
    void update(long lines, long eventMillis);
  }
}
