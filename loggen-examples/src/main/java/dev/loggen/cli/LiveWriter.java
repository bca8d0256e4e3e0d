package dev.loggen.cli;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LineSink;
import dev.loggen.core.LogFormat;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Report;
import dev.loggen.core.Session;
import dev.loggen.core.SinkClosedException;
import dev.loggen.core.internal.AccessFormats;
import dev.loggen.core.internal.SinkClosing;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Writes a generator's events in real time: an event is written when the wall clock reaches its
 * timestamp, so {@code tail -f} sees a live server. Events before the moment the run starts (a
 * generator whose window starts in the past: the old tool's "pre-warm") are written at once, as
 * fast as the machine allows, with their own timestamps; then the run goes on in real time,
 * without end unless the window has one, a {@link #limit} is reached or
 * {@link #stopWhen stopped}.
 *
 * <pre>{@code
 * LogGenerator gen = LogGenerator.builder().seed(7)
 *     .window(Instant.now(), null)          // live from now, endless
 *     .build();
 * Report r = LiveWriter.of(gen)
 *     .format(LogFormats.combined())
 *     .to(Sinks.stdout())
 *     .rate(500)                            // 500 lines per second, re-timed
 *     .limit(5_000)
 *     .run();
 * }</pre>
 *
 * <h2>Pacing</h2>
 * Time is measured with a monotonic clock ({@code System.nanoTime}), never by adding up sleeps:
 * the writer compares the due time of the next line with the clock, writes every line that is
 * due in one batch, and otherwise sleeps until the next one is due, at least a millisecond and
 * at most 100 ms at a time. So a high rate is written in batches of many lines per wake-up, a
 * low one a line at a time, and after a stall (a pause of the machine, a slow disk) the writer
 * catches up at full speed: no line of the schedule is dropped and the average rate holds.
 * Buffered lines are flushed before a pause of 20 ms or more, and at least every 50 ms while
 * lines are being written.
 *
 * <h2>With a rate</h2>
 * {@link #rate(double)} asks for a fixed number of access-log lines per second: line {@code j}
 * of the live part is due at {@code start + j / rate} and is re-timed to that instant (in the
 * site's zone offset): the events keep their order and everything else (sessions, paths,
 * statuses, ground truth); their timestamps become the wall-clock schedule. {@code start} is
 * the end of history when there is history (the stamps go on where history stops, and the time
 * the history and the warm-up took is caught up at once), otherwise the moment the first event
 * is ready, or the window's start when that is later (the writer waits for it). The command-line
 * generator scales the sessions per hour so that the simulation's own pace matches the rate,
 * which keeps sessions looking real. Without a rate the events keep their timestamps and the
 * traffic's sessions per hour and daily curve set the pace.
 *
 * <p>File sinks in live mode rotate by wall time: build them with
 * {@code .timeSource(TimeSource.WALL).clock(writer.rotationClock())}; that clock gives the
 * time of the line being written (so history rotates by its own dates, and live lines, written
 * when the wall clock reaches their stamps, by wall time, each in the file of its own period
 * even when written late). A writer is a one-shot object used by one thread; its sinks are
 * closed by {@link #run()}.
 */
public final class LiveWriter {
  private static final long MIN_SLEEP_NANOS = 1_000_000L;
  private static final long MAX_SLEEP_NANOS = 100_000_000L;
  private static final long FLUSH_BEFORE_PAUSE_NANOS = 20_000_000L;
  private static final long FLUSH_INTERVAL_NANOS = 50_000_000L;

  private final LogGenerator generator;
  private @Nullable LogFormat format;
  private @Nullable LineSink sink;
  private @Nullable LogFormat errorFormat;
  private @Nullable LineSink errorSink;
  private double rate;
  private long limit = Long.MAX_VALUE;
  private BooleanSupplier stop = () -> false;
  private Clock clock = Clock.systemUTC();
  private LongSupplier ticker = System::nanoTime;
  private Listener listener = new Listener() { };
  private @Nullable Instant historyUntil;
  private boolean ran;
  /** The stamp of the line being written, {@link Long#MIN_VALUE} before the first and after. */
  private volatile long currentEventMillis = Long.MIN_VALUE;

  private LiveWriter(LogGenerator generator) {
    this.generator = Objects.requireNonNull(generator, "generator");
  }

  /**
   * A writer for {@code generator}: its window's start is where writing starts (now, or in the
   * past for history first, or in the future to wait).
   *
   * @param generator the generator
   * @return the writer
   */
  public static LiveWriter of(LogGenerator generator) {
    return new LiveWriter(generator);
  }

  /**
   * The access-log format.
   *
   * @param newFormat the format; an access-log format writes a line for every event
   * @return this writer
   * @throws IllegalArgumentException for an error-log format ({@code LogFormats.apacheError()},
   *     {@code nginxError()}): it belongs in {@link #errors}
   */
  public LiveWriter format(LogFormat newFormat) {
    this.format = AccessFormats.require(newFormat);
    return this;
  }

  /**
   * The access-log sink; {@link #run()} closes it.
   *
   * @param newSink the sink
   * @return this writer
   * @throws IllegalStateException when another sink was set before (as {@code LogWriter}: the
   *     first, which only {@link #run()} closes, would be left open)
   */
  public LiveWriter to(LineSink newSink) {
    Objects.requireNonNull(newSink, "sink");
    once("the access-log sink", sink, newSink);
    this.sink = newSink;
    return this;
  }

  /**
   * Error-log lines in {@code newFormat} for the events it accepts, into {@code newSink}.
   *
   * @param newFormat the error-log format
   * @param newSink the sink; {@link #run()} closes it
   * @return this writer
   * @throws IllegalStateException when another sink or format was set before
   */
  public LiveWriter errors(LogFormat newFormat, LineSink newSink) {
    Objects.requireNonNull(newFormat, "errors format");
    Objects.requireNonNull(newSink, "errors sink");
    once("the error-log sink", errorSink, newSink);
    once("the error-log format", errorFormat, newFormat);
    this.errorFormat = newFormat;
    this.errorSink = newSink;
    return this;
  }

  /** Refuses a second setting of {@code what} that differs from the first. */
  private static <T> void once(String what, @Nullable T current, T value) {
    if (current != null && !current.equals(value)) {
      throw new IllegalStateException(what + " was already set to " + current);
    }
  }

  /**
   * Writes {@code linesPerSecond} access-log lines per second in the live part, re-timing each
   * event to its place in the schedule.
   *
   * @param linesPerSecond above 0, at most {@link LiveSettings#MAX_RATE}
   * @return this writer
   */
  public LiveWriter rate(double linesPerSecond) {
    this.rate = LiveSettings.requireRate(linesPerSecond);
    return this;
  }

  /**
   * Stops after {@code lines} access-log lines.
   *
   * @param lines at least 1
   * @return this writer
   */
  public LiveWriter limit(long lines) {
    if (lines < 1) {
      throw new IllegalArgumentException("limit must be positive (got " + lines + ")");
    }
    this.limit = lines;
    return this;
  }

  /**
   * Stops cleanly, between two lines, once {@code condition} is true; checked before every
   * pause and every 256 lines, and also while the simulation warms up before the first line
   * (after each simulated minute without events), so that a stop is seen at once: a condition
   * that counts time from its first call counts the warm-up too (use {@link Listener#live()}
   * to learn when writing starts).
   *
   * @param condition the condition, e.g. a flag a signal handler sets
   * @return this writer
   */
  public LiveWriter stopWhen(BooleanSupplier condition) {
    this.stop = Objects.requireNonNull(condition, "condition");
    return this;
  }

  /**
   * The wall clock: where "now" is, and what re-timed lines are stamped with (the system UTC
   * clock by default).
   *
   * @param newClock the clock
   * @return this writer
   */
  public LiveWriter clock(Clock newClock) {
    this.clock = Objects.requireNonNull(newClock, "clock");
    return this;
  }

  /**
   * The monotonic clock that paces the writing, in nanoseconds ({@code System::nanoTime} by
   * default).
   *
   * @param newTicker the clock
   * @return this writer
   */
  public LiveWriter ticker(LongSupplier newTicker) {
    this.ticker = Objects.requireNonNull(newTicker, "ticker");
    return this;
  }

  /**
   * Where history ends: events before this instant are written at once with their own
   * timestamps; from it on the run is live. By default the moment writing starts (after the
   * generator produced its first event, which for busy traffic takes a few seconds of
   * simulation). A live run that asks for no history passes the generator's start, so that
   * every event is paced and, with a rate, re-timed.
   *
   * @param instant the end of history
   * @return this writer
   */
  public LiveWriter historyUntil(Instant instant) {
    this.historyUntil = Objects.requireNonNull(instant, "instant");
    return this;
  }

  /**
   * Told of progress and pauses (for a progress line or a health check).
   *
   * @param newListener the listener
   * @return this writer
   */
  public LiveWriter listener(Listener newListener) {
    this.listener = Objects.requireNonNull(newListener, "listener");
    return this;
  }

  /**
   * A clock for file sinks' {@link dev.loggen.sinks.TimeSource#WALL} rotation: while the writer
   * runs, the time of the line being written (its own, or re-timed, stamp); the wall clock
   * before the first line and after the run. History lines so rotate by their own dates; a live
   * line is written when the wall clock reaches its stamp, so live files rotate by wall time,
   * and a line written late (the time history took, caught up; a stall) still goes into the
   * file of its own period, never into the next one.
   *
   * @return the clock
   */
  public Clock rotationClock() {
    LiveWriter w = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the rotation clock is UTC");
      }

      @Override
      public long millis() {
        long t = w.currentEventMillis;
        return t != Long.MIN_VALUE ? t : w.clock.millis();
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochMilli(millis());
      }
    };
  }

  /**
   * Writes until the window ends, the limit is reached, the stop condition holds or the sink's
   * consumer is gone; then closes the sinks.
   *
   * @return what was written
   * @throws IllegalStateException when no format or sink was given (the sinks that were given
   *     are closed), or the writer already ran
   * @throws java.io.UncheckedIOException when a sink cannot write (it names the path)
   */
  public Report run() {
    if (ran) {
      throw new IllegalStateException("this writer already ran; make a new one");
    }
    ran = true;
    if (format == null || sink == null) {
      // The sinks given are closed on this failure too, as LogWriter does: a rotating file is
      // open already, and stayed locked for the rest of the JVM
      IllegalStateException missing =
          new IllegalStateException("give a format and a sink before run()");
      SinkClosing.closeAll(missing, sink, errorSink);
      throw missing;
    }
    Report.Builder report = Report.builder();
    LineSink out = sink;
    LineSink err = errorSink;
    Throwable failure = null;
    try {
      loop(report, format, out, err);
    } catch (SinkClosedException gone) {
      // the consumer went away: end quietly with what was written
    } catch (Throwable e) { // a checked exception thrown sneakily by a sink too
      failure = e;
      throw e;
    } finally {
      currentEventMillis = Long.MIN_VALUE;
      SinkClosing.closeAll(failure, out, err);
    }
    return report.build();
  }

  private void loop(Report.Builder report, LogFormat fmt, LineSink out, @Nullable LineSink err) {
    LogFormat errFmt = errorFormat;
    LogFormat.Renderer renderer = fmt.newRenderer();
    LogFormat.Renderer errRenderer = errFmt == null ? null : errFmt.newRenderer();
    LineBuffer line = new LineBuffer(1024);
    LineBuffer errLine = new LineBuffer(1024);
    // The sessions the generator tells of wait here for their first line: the report learns each
    // just before it, with that line's stamp as its start. The report counts a session once a
    // line at or after its start is counted; with --rate a line is stamped on the schedule, not
    // at its simulated time, and sessions told with their simulated starts were all dropped
    // when the simulation ran ahead of the stamps (0 sessions in a report of 500 lines).
    Map<Long, Session> told = new HashMap<>();
    // A session without requests (a scanner whose first probe comes after a short maxDuration)
    // has no first line to wait for: it goes to the report with the next line, with its own
    // start at the simulation's pace, as LogWriter tells it, or that line's stamp with a rate.
    // Kept in the map, such sessions were never counted and never let go (an endless run held
    // them all).
    ArrayDeque<Session> silent = new ArrayDeque<>();
    // a stop during the simulation's warm-up is seen at once (minutes without events ask it)
    Iterator<AccessEvent> events = generator.iterator(s -> {
      if (s.requests() == 0) {
        silent.add(s);
      } else {
        told.put(s.id(), s);
      }
    }, stop);
    ZoneId zone = generator.traffic().zone();
    // the first event costs the simulation's warm-up: the clocks start after it
    AccessEvent next = events.hasNext() ? events.next() : null;
    long wall0 = clock.millis();
    long nano0 = ticker.getAsLong();
    long liveFrom = historyUntil != null ? historyUntil.toEpochMilli() : wall0;
    // after history the schedule goes on where history ends, so that no stretch of time is left
    // without lines (the time the warm-up took is caught up); without history it starts now,
    // or at the window's start when that is ahead
    long windowStart = generator.start().toEpochMilli();
    boolean history = windowStart < liveFrom;
    long scheduleWall = history ? liveFrom : Math.max(wall0, Math.max(liveFrom, windowStart));
    long scheduleNano = nano0 + saturatedNanos(scheduleWall - wall0);
    // real time begins at the end of history, or at the window's start when that is ahead: until
    // then the writer waits, and says so once
    long liveStart = history ? liveFrom : Math.max(liveFrom, windowStart);
    long liveStartNano = nano0 + saturatedNanos(liveStart - wall0);
    boolean liveTold = false;
    boolean waitingTold = false;
    double nanosPerLine = rate > 0 ? 1e9 / rate : 0;
    double millisPerLine = rate > 0 ? 1e3 / rate : 0;
    long scheduled = 0;
    long written = 0;
    long lastStamp = 0;
    long lastFlush = nano0;
    long late = 0;
    boolean dirty = false;
    boolean live = false;
    long offsetSecond = Long.MIN_VALUE;
    ZoneOffset offset = ZoneOffset.UTC;
    while (written < limit) {
      if (next == null) {
        if (!events.hasNext()) {
          break;
        }
        next = events.next();
      }
      long ts = next.epochMillis();
      long stamp = ts;
      long due;
      if (ts < liveFrom) {
        due = Long.MIN_VALUE;
      } else {
        live = true;
        if (!liveTold) {
          if (ticker.getAsLong() - liveStartNano >= 0) {
            liveTold = true;
            listener.live();
          } else if (!waitingTold) {
            waitingTold = true;
            listener.waiting();
          }
        }
        if (rate > 0) {
          due = scheduleNano + (long) (scheduled * nanosPerLine);
          stamp = scheduleWall + (long) (scheduled * millisPerLine);
        } else {
          due = nano0 + saturatedNanos(ts - wall0);
        }
      }
      if (due != Long.MIN_VALUE) {
        long now = ticker.getAsLong();
        if (due > now) {
          if (stop.getAsBoolean()) {
            break;
          }
          if (late != 0) {
            late = 0;
            listener.behind(0);
          }
          long wait = due - now;
          if (dirty && (wait >= FLUSH_BEFORE_PAUSE_NANOS
              || now - lastFlush >= FLUSH_INTERVAL_NANOS)) {
            out.flush();
            if (err != null) {
              err.flush();
            }
            dirty = false;
            lastFlush = now;
          }
          listener.idle(written, lastStamp);
          sleep(Math.min(MAX_SLEEP_NANOS, Math.max(MIN_SLEEP_NANOS, wait)));
          if (Thread.currentThread().isInterrupted()) {
            break;
          }
          continue;
        }
        late = now - due;
      }
      AccessEvent e = next;
      next = null;
      if (live && rate > 0) {
        scheduled++;
        long second = Math.floorDiv(stamp, 1000);
        if (second != offsetSecond) {
          offsetSecond = second;
          offset = zone.getRules().getOffset(Instant.ofEpochMilli(stamp));
        }
        e = retime(e, stamp, offset);
      }
      currentEventMillis = stamp;
      line.reset();
      renderer.render(e, line);
      out.write(line.array(), 0, line.length(), stamp);
      Session first = told.remove(e.sessionId());
      if (first != null) {
        report.expectSession(startingAt(first, stamp));
      }
      while (!silent.isEmpty()) {
        Session s = silent.poll();
        report.expectSession(live && rate > 0 ? startingAt(s, stamp) : s);
      }
      report.event(e);
      if (errRenderer != null && errFmt.accepts(e)) {
        errLine.reset();
        errRenderer.render(e, errLine);
        err.write(errLine.array(), 0, errLine.length(), stamp);
        report.errorLine();
      }
      written++;
      lastStamp = stamp;
      dirty = true;
      if ((written & 255) == 0) {
        if (stop.getAsBoolean()) {
          break;
        }
        long now = ticker.getAsLong();
        if (live && now - lastFlush >= FLUSH_INTERVAL_NANOS) {
          out.flush();
          if (err != null) {
            err.flush();
          }
          dirty = false;
          lastFlush = now;
        }
        if (live) {
          listener.behind(late);
        }
        listener.progress(written, lastStamp);
      }
    }
    if (live) {
      listener.behind(late);
    }
    listener.progress(written, lastStamp);
  }

  /** {@code millis} in nanoseconds, held within a quarter of the long range either way. */
  private static long saturatedNanos(long millis) {
    long bound = Long.MAX_VALUE / 4 / 1_000_000L;
    return Math.max(-bound, Math.min(bound, millis)) * 1_000_000L;
  }

  private static void sleep(long nanos) {
    LockSupport.parkNanos(nanos);
  }

  /** {@code s} with its first line at {@code millis}, its duration kept. */
  private static Session startingAt(Session s, long millis) {
    long start = s.start().toEpochMilli();
    if (start == millis) {
      return s;
    }
    return new Session(s.id(), s.visitor(), Instant.ofEpochMilli(millis),
        Instant.ofEpochMilli(millis).plus(s.duration()), s.states(), s.requests(), s.pageViews(),
        s.endState(), s.scenario());
  }

  private static AccessEvent retime(AccessEvent e, long millis, ZoneOffset offset) {
    return new AccessEvent(millis, offset, e.clientAddress(), e.ident(), e.user(), e.method(),
        e.path(), e.protocol(), e.status(), e.bytes(), e.referrer(), e.userAgent(),
        e.responseTimeMicros(), e.host(), e.sessionId(), e.state(), e.visitorKind(),
        e.scenario());
  }

  /** Told what the writer does, on its thread; every method does nothing by default. */
  public interface Listener {
    /**
     * Every 256 lines and at the end.
     *
     * @param lines access-log lines written so far
     * @param eventMillis the timestamp of the last line
     */
    default void progress(long lines, long eventMillis) {}

    /**
     * Before each pause: the writer is ahead of the schedule and waits, which is healthy.
     *
     * @param lines access-log lines written so far
     * @param eventMillis the timestamp of the last line
     */
    default void idle(long lines, long eventMillis) {}

    /**
     * Once, when the history is written and real time begins: at once after history, or when the
     * wall clock reaches a window's start that lay in the future (after {@link #waiting()}).
     */
    default void live() {}

    /**
     * Once at most, before {@link #live()}: there is no history and the window starts in the
     * future; the writer waits for it.
     */
    default void waiting() {}

    /**
     * While live, every 256 lines, at the end, and when the writer is on time again: how late
     * the last line written was, measured against its due time. Zero when on time; a value that
     * keeps growing means the machine cannot write at the rate asked for (no line is dropped:
     * the late ones are written as fast as it can); after history or a stall it shrinks as the
     * writer catches up.
     *
     * @param nanos how far behind the schedule, in nanoseconds, 0 or more
     */
    default void behind(long nanos) {}
  }
}
