package dev.loggen.core;

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
 * A writer is a one-shot, single-threaded object.
 */
public final class LogWriter {
  private final LogGenerator generator;
  private @Nullable LogFormat format;
  private @Nullable LineSink sink;
  private @Nullable LogFormat errorFormat;
  private @Nullable LineSink errorSink;
  private long limit = Long.MAX_VALUE;
  private BooleanSupplier stop = () -> false;
  private @Nullable Progress progress;
  private boolean ran;

  LogWriter(LogGenerator generator) {
    this.generator = generator;
  }

  /** The access-log format. */
  public LogWriter format(LogFormat newFormat) {
    this.format = Objects.requireNonNull(newFormat, "format");
    return this;
  }

  /** The access-log sink; {@link #run()} closes it. */
  public LogWriter to(LineSink newSink) {
    if (this.sink != null) {
      throw new IllegalStateException("the access-log sink was already set");
    }
    this.sink = Objects.requireNonNull(newSink, "sink");
    return this;
  }

  /** Error-log lines in {@code format} for the events it accepts, into {@code sink}. */
  public LogWriter errors(LogFormat newFormat, LineSink newSink) {
    if (this.errorSink != null) {
      throw new IllegalStateException("the error-log sink was already set");
    }
    this.errorFormat = Objects.requireNonNull(newFormat, "errors format");
    this.errorSink = Objects.requireNonNull(newSink, "errors sink");
    return this;
  }

  /** Stops after {@code lines} access-log lines. */
  public LogWriter limit(long lines) {
    if (lines < 1) {
      throw new IllegalArgumentException("limit must be positive (got " + lines + ")");
    }
    this.limit = lines;
    return this;
  }

  /**
   * Stops cleanly, between two lines, once {@code condition} is true (checked every 1,024
   * lines), as a signal handler asks.
   */
  public LogWriter stopWhen(BooleanSupplier condition) {
    this.stop = Objects.requireNonNull(condition, "condition");
    return this;
  }

  /** Told of progress every 65,536 lines and at the end (for a progress line or a health check). */
  public LogWriter progress(Progress listener) {
    this.progress = Objects.requireNonNull(listener, "progress");
    return this;
  }

  /**
   * Generates, renders and writes until the window ends, the limit is reached or the sink's
   * consumer is gone; then closes the sinks.
   *
   * @return what was written
   * @throws IllegalStateException when no format or sink was given, or the writer already ran
   * @throws java.io.UncheckedIOException when a sink cannot write (it names the path)
   */
  public Report run() {
    if (ran) {
      throw new IllegalStateException("this writer already ran; get a new one from writer()");
    }
    if (format == null) {
      throw new IllegalStateException("no format: call format(LogFormats.combined()) or similar");
    }
    if (sink == null) {
      throw new IllegalStateException("no sink: call to(...) with a LineSink");
    }
    ran = true;
    Report.Builder report = Report.builder();
    LineSink out = sink;
    LineSink err = errorSink;
    LogFormat errFormat = errorFormat;
    LogFormat.Renderer renderer = format.newRenderer();
    LogFormat.Renderer errRenderer = errFormat == null ? null : errFormat.newRenderer();
    LineBuffer line = new LineBuffer(1024);
    LineBuffer errLine = new LineBuffer(1024);
    Iterator<AccessEvent> events = generator.iterator(report::session);
    long written = 0;
    long lastTime = 0;
    Throwable failure = null;
    try {
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
        if ((written & 1023) == 0) {
          if (stop.getAsBoolean()) {
            break;
          }
          if (progress != null && (written & 0xFFFF) == 0) {
            progress.update(written, lastTime);
          }
        }
      }
    } catch (SinkClosedException closed) {
      // The consumer went away (a closed pipe): end quietly with what was written.
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      closeAll(out, err, failure);
    }
    if (progress != null) {
      progress.update(written, lastTime);
    }
    return report.build();
  }

  private static void closeAll(LineSink out, @Nullable LineSink err, @Nullable Throwable failure) {
    RuntimeException first = null;
    for (LineSink s : new LineSink[] {out, err}) {
      if (s == null) {
        continue;
      }
      try {
        s.close();
      } catch (SinkClosedException ignored) {
        // nothing more can reach a closed consumer
      } catch (RuntimeException e) {
        if (failure != null) {
          failure.addSuppressed(e);
        } else if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** Progress of a run. */
  @FunctionalInterface
  public interface Progress {
    /**
     * Called from the generating thread.
     *
     * @param lines access-log lines written so far
     * @param eventMillis event time of the last line written
     */
    void update(long lines, long eventMillis);
  }
}
