package dev.loggen.core.internal;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.Report;
import dev.loggen.core.Session;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A run of consecutive events of a parallel run, rendered by a worker: the access-log lines one
 * after another in one byte buffer with their end offsets, the error-log lines with the index of
 * the event each belongs to, the events themselves (for their times, and to count a part of the
 * segment when a limit cuts it), the tally of the report over all its events, and the sessions
 * that start in its block (carried by the block's first segment only).
 *
 * <p>Handed from the merging worker to a rendering worker to the writer under the pipeline's
 * lock; reused once the writer has released it.
 */
public final class Segment {
  static final int NEW = 0;
  static final int RENDERING = 1;
  static final int READY = 2;

  private AccessEvent[] events = new AccessEvent[0];
  private int eventFrom;
  private int count;
  private long block;
  private List<Session> sessions = List.of();
  private final LineBuffer lines = new LineBuffer(16 * 1024);
  private int[] ends = new int[256];
  /**
   * The events' times, side by side: the writer reads them without touching the event objects
   * (a cache miss per line, on another core, long after they were made).
   */
  private long[] times = new long[256];
  private final LineBuffer errors = new LineBuffer(1024);
  private int[] errorEnds = new int[16];
  private int[] errorEvent = new int[16];
  private int errorCount;
  private final Report.Builder tally = Report.builder();
  private boolean rendered;
  private boolean failed;
  int state;
  /** The segment's number in run order (see {@link ParallelPipeline}). */
  long seq;

  Segment() {}

  void assign(long newBlock, AccessEvent[] newEvents, int from, int n, List<Session> s) {
    this.block = newBlock;
    this.events = newEvents;
    this.eventFrom = from;
    this.count = n;
    this.sessions = s;
    this.state = NEW;
  }

  /**
   * Renders the segment's events and counts them; one worker, outside the lock. When rendering
   * an event throws, the segment keeps the lines of the events before it (it holds that many
   * lines then, as the single-threaded run would have written them) and the exception goes on.
   */
  void render(dev.loggen.core.LogFormat.Renderer renderer,
      dev.loggen.core.LogFormat.@Nullable Renderer errorRenderer,
      dev.loggen.core.@Nullable LogFormat errorFormat) {
    LineBuffer out = lines.reset();
    errors.reset();
    errorCount = 0;
    if (ends.length < count) {
      ends = new int[Math.max(count, ends.length * 2)];
      times = new long[ends.length];
    }
    Report.Builder t = tally.reset();
    AccessEvent[] ev = events;
    int[] e = ends;
    long[] ts = times;
    // the events are cold in this core's caches: read them in one loop first
    touched = CacheWarming.touch(ev, eventFrom, eventFrom + count);
    for (int i = 0; i < count; i++) {
      AccessEvent event = ev[eventFrom + i];
      try {
        renderer.render(event, out);
      } catch (RuntimeException | Error x) {
        stopAt(i); // the whole lines before this event; what it half wrote lies past them
        throw x;
      }
      e[i] = out.length();
      ts[i] = event.epochMillis();
      t.event(event);
      if (errorRenderer != null) {
        try {
          if (errorFormat.accepts(event)) {
            errorRenderer.render(event, errors);
            if (errorCount == errorEnds.length) {
              errorEnds = Arrays.copyOf(errorEnds, errorCount * 2);
              errorEvent = Arrays.copyOf(errorEvent, errorCount * 2);
            }
            errorEnds[errorCount] = errors.length();
            errorEvent[errorCount++] = i;
          }
        } catch (RuntimeException | Error x) {
          stopAt(i + 1); // one thread writes an event's access line before its error line
          throw x;
        }
      }
    }
    rendered = true;
  }

  private void stopAt(int lines) {
    count = lines;
    failed = true;
    rendered = true;
  }

  /**
   * Whether rendering stopped at a failing event: the segment then holds the lines before it
   * (possibly none) and the run fails after them.
   */
  public boolean failed() {
    return failed;
  }

  /** Keeps {@link CacheWarming}'s reads from being optimised away; never read. */
  private int touched;

  /** Forgets the content, keeping the buffers. */
  void clear() {
    events = new AccessEvent[0];
    sessions = List.of();
    rendered = false;
    failed = false;
    count = 0;
    errorCount = 0;
    lines.reset();
    errors.reset();
  }

  /** The memory its buffers hold, in bytes. */
  long capacity() {
    return (long) lines.array().length + errors.array().length + 12L * ends.length
        + 8L * errorEnds.length;
  }

  /** The rendered bytes held, access and error lines. */
  long bytes() {
    return (long) lines.length() + errors.length();
  }

  /** The block the events belong to. */
  public long block() {
    return block;
  }

  /** The sessions that start in the block, when this is its first segment; else empty. */
  public List<Session> sessions() {
    return sessions;
  }

  /** The number of events, which is the number of access-log lines. */
  public int lines() {
    return count;
  }

  /** The buffer holding the access-log lines, one after another, without terminators. */
  public byte[] lineBytes() {
    return lines.array();
  }

  /** Where line {@code i} starts in {@link #lineBytes()}. */
  public int lineStart(int i) {
    return i == 0 ? 0 : ends[i - 1];
  }

  /** Where line {@code i} ends (exclusive) in {@link #lineBytes()}. */
  public int lineEnd(int i) {
    return ends[i];
  }

  /** The time of event {@code i}, epoch milliseconds. */
  public long time(int i) {
    return times[i];
  }

  /** Event {@code i}. */
  public AccessEvent event(int i) {
    return events[eventFrom + i];
  }

  /** The number of error-log lines. */
  public int errorLines() {
    return errorCount;
  }

  /** The buffer holding the error-log lines. */
  public byte[] errorBytes() {
    return errors.array();
  }

  /** Where error line {@code j} starts. */
  public int errorStart(int j) {
    return j == 0 ? 0 : errorEnds[j - 1];
  }

  /** Where error line {@code j} ends (exclusive). */
  public int errorEnd(int j) {
    return errorEnds[j];
  }

  /** The index of the event that error line {@code j} belongs to. */
  public int errorEvent(int j) {
    return errorEvent[j];
  }

  /** The report over all the segment's events (not its sessions, nor its error lines). */
  public Report.Builder tally() {
    if (!rendered) {
      throw new IllegalStateException("segment not rendered");
    }
    return tally;
  }
}
