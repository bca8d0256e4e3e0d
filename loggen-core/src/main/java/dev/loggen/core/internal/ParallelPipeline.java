package dev.loggen.core.internal;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogFormat;
import dev.loggen.core.Scenario;
import dev.loggen.core.Session;
import dev.loggen.core.SessionSettings;
import dev.loggen.core.Site;
import dev.loggen.core.Traffic;
import dev.loggen.core.Visitors;
import dev.loggen.core.engine.SessionModel;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Generates and renders a run on {@code n} worker threads while the caller writes, producing
 * exactly the lines, in exactly the order, of the single-threaded run.
 *
 * <p>The run is a sequence of one-minute blocks (see {@link BlockEngine}). Three kinds of work
 * flow through it:
 * <ol>
 *   <li><b>simulate</b> block {@code b} ({@link BlockSource}): any worker, any order, a bounded
 *       distance ahead of the merge;
 *   <li><b>merge</b> block {@code b} ({@link BlockMerger}): strictly in block order, by one
 *       worker at a time; cuts the block's ordered events into {@link Segment}s of at most
 *       {@code segmentEvents} events;
 *   <li><b>render</b> a segment: any worker, with its own {@link LogFormat.Renderer}s, into the
 *       segment's buffers, counting the report of its events on the way.
 * </ol>
 * The caller takes rendered segments strictly in order ({@link #next()}), writes them and gives
 * them back ({@link #release}). Each block's simulation is shared by every segment that needs
 * it, so, unlike cutting the window into slices that each warm up for a whole session length,
 * no session is simulated twice.
 *
 * <p>Memory is bounded: simulation runs at most {@code 2n + 2} blocks ahead of the merge, and
 * beyond the block the merge needs next only while the blocks simulated and not yet merged hold
 * fewer events than the budget's worth ({@value #AHEAD_EVENT_BYTES} bytes an event; a busy
 * site's minute holds a hundred thousand), the merge stops while {@code min(4n + 4, 64)}
 * segments are not yet written, a worker starts rendering a segment that is not the writer's
 * next one only while the rendered bytes waiting for the writer are below the budget, and
 * written segments keep their buffers for reuse only up to half the budget. Workers wait on a
 * condition (they never spin) when nothing is allowed.
 *
 * <p>A worker's failure stops the run where the single-threaded run would stop: the work of
 * the blocks (and the segments of the failing block) before the failing one goes on, the writer
 * gets every segment before it, and {@link #next()} then throws the failure, naming the worker
 * and the block. A run cut short before that point (a limit, a stop condition, a closed sink)
 * ends as the single-threaded one does, without the failure. {@link #close()} stops the workers
 * and waits for them; call it in a {@code finally}.
 */
public final class ParallelPipeline implements AutoCloseable {
  private final long lastBlock;
  private final int segmentEvents;
  private final long budgetBytes;
  private final int maxSimAhead;
  private final int maxSegments;
  /** The events that blocks simulated ahead of the merge may hold. */
  private final long maxAheadEvents;
  /**
   * What an event and its strings take in memory, about, to count the blocks simulated ahead
   * against the budget.
   */
  static final int AHEAD_EVENT_BYTES = 256;
  private final List<Thread> workers = new ArrayList<>();
  /**
   * Rendered bytes a segment aims at: well below half a G1 region of a small heap (1 MiB
   * regions under {@code -Xmx64m}), so segment buffers are never humongous objects.
   */
  private static final int SEGMENT_TARGET_BYTES = 192 * 1024;
  /** The most segments a block is cut into. */
  private static final int MAX_BLOCK_SEGMENTS = 128;
  /**
   * Mean rendered line length seen so far; sizes segments only, never changes the output. Until
   * a segment is rendered it is unknown, and taken as a quarter of the target: the first
   * segments hold a few events each, so that a format of very long lines (a custom renderer's
   * 64 KiB or 5 MiB) cannot fill the heap before its length is known (768 events of 64 KiB on
   * each worker ran a two-thread run out of {@code -Xmx64m}, where one thread fits).
   */
  private volatile long meanLine = SEGMENT_TARGET_BYTES / 4;

  private final ReentrantLock lock = new ReentrantLock();
  /** Workers wait on it for work they are allowed to take. */
  private final Condition changed = lock.newCondition();
  /**
   * The writer waits on it for its next segment: signalled only when that segment is ready, the
   * run is complete or failed, so that the writer is not woken by every step of the workers.
   */
  private final Condition ready = lock.newCondition();
  // Everything below is guarded by lock.
  private long simNext;
  private final Map<Long, BlockSource.Block> simulated = new HashMap<>();
  /** The events of the blocks in {@link #simulated}. */
  private long aheadEvents;
  /** Blocks being simulated now, and the events of the last one simulated. */
  private int simulating;
  private long lastBlockEvents;
  private long mergeNext;
  private boolean merging;
  private final BlockMerger merger;
  private final ArrayDeque<Segment> toRender = new ArrayDeque<>();
  private final ArrayDeque<Segment> queue = new ArrayDeque<>();
  private final ArrayDeque<Segment> pool = new ArrayDeque<>();
  private long pooledBytes;
  private int inFlight;
  private long renderedBytes;
  private boolean exhausted;
  private boolean closed;
  private @Nullable Throwable failure;
  /**
   * Where the earliest failure is: the segments of blocks before {@code failBlock}, and those of
   * {@code failBlock} numbered below {@code failSeq}, come before it; no other work is done.
   */
  private long failBlock = Long.MAX_VALUE;
  private long failSeq = Long.MAX_VALUE;
  /** The number the next segment gets, in run order. */
  private long nextSeq;

  /**
   * Starts the workers of a run emitting {@code [from, to)}.
   *
   * @param seed the generator's seed
   * @param site the generator's site
   * @param model the generator's session model
   * @param traffic the generator's traffic
   * @param settings the generator's session settings
   * @param visitors the generator's visitor settings
   * @param scenarios the generator's scenarios
   * @param from first emitted instant, epoch milliseconds
   * @param to end of the emitted range (exclusive), or {@link Long#MAX_VALUE} for none
   * @param format the access-log format
   * @param errorFormat the error-log format, or {@code null} for no error log
   * @param threads worker threads, at least 1
   * @param budgetBytes rendered bytes allowed to wait for the writer beyond its next segment
   * @param segmentEvents most events per segment (fewer when lines are long: a segment aims
   *     at 192 KiB of rendered lines, down to one event a segment for lines that long)
   */
  public ParallelPipeline(long seed, Site site, SessionModel model, Traffic traffic,
      SessionSettings settings, Visitors visitors, List<Scenario> scenarios, long from, long to,
      LogFormat format, @Nullable LogFormat errorFormat, int threads, long budgetBytes,
      int segmentEvents) {
    Objects.requireNonNull(format, "format");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive (got " + threads + ")");
    }
    this.lastBlock = BlockSource.lastBlock(to);
    this.simNext = BlockSource.firstBlock(from, settings);
    this.mergeNext = simNext;
    this.merger = new BlockMerger(from, to);
    this.segmentEvents = segmentEvents;
    this.budgetBytes = budgetBytes;
    this.maxSimAhead = 2 * threads + 2;
    this.maxSegments = Math.min(4 * threads + 4, 64);
    this.maxAheadEvents = Math.max(budgetBytes / AHEAD_EVENT_BYTES, 1);
    // One compiled site for all workers: its cached paths are then the same instances
    // whichever worker simulated a session, and the renderers' caches and the report's path
    // table, which compare identity before text, hit on them.
    CompiledSite compiled = new CompiledSite(site);
    // The workers share one run's worth of returning visitors' cache slots (each slot holds
    // a visitor and its strings): a full cache per worker made memory grow with the thread
    // count, 56 MiB of live heap on eight workers at 200,000 sessions an hour against 42 on two.
    int visitorSlots = Math.max(VisitorFactory.CACHE_SLOTS / 8,
        Integer.highestOneBit(VisitorFactory.CACHE_SLOTS / threads));
    for (int k = 1; k <= threads; k++) {
      // Each worker builds its own source and renderers (in its own thread, so a failure there
      // is reported like any other).
      Runnable body = () -> work(new BlockSource(seed, compiled, model, traffic, settings,
          visitors, scenarios, from, to, true, visitorSlots), format.newRenderer(),
          errorFormat == null ? null : errorFormat.newRenderer(), errorFormat);
      Thread t = new Thread(() -> guarded(body), "loggen-worker-" + k);
      t.setDaemon(true);
      workers.add(t);
    }
    for (Thread t : workers) {
      t.start();
    }
  }

  private void guarded(Runnable body) {
    try {
      body.run();
    } catch (Throwable e) {
      fail(e, "starting", Long.MIN_VALUE, -1);
    }
  }

  /**
   * The next segment in run order, rendered; blocks until it is. The caller must
   * {@link #release} it once written.
   *
   * @return the segment, or {@code null} when the run is complete
   * @throws RuntimeException what a worker threw, wrapped in an exception naming the worker
   *     and the block it was working on
   * @throws InterruptedException when the calling thread is interrupted while it waits
   */
  public @Nullable Segment next() throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        Segment head = queue.peekFirst();
        if (failure != null && (head != null ? !beforeFailure(head) : mergeNext >= failBlock
            && !merging)) {
          rethrowFailure();
        }
        if (head != null && head.state == Segment.READY) {
          queue.pollFirst();
          return head;
        }
        if (head == null && exhausted) {
          return null;
        }
        ready.await();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Gives a written segment back: its memory counts no more and is reused.
   *
   * @param s a segment {@link #next()} returned, written
   */
  public void release(Segment s) {
    lock.lock();
    try {
      inFlight--;
      renderedBytes -= s.bytes();
      s.clear();
      // Keep buffers for reuse, but never more than half the budget's worth of them.
      long capacity = s.capacity();
      if (pool.size() < maxSegments && pooledBytes + capacity <= Math.max(budgetBytes / 2,
          1 << 20)) {
        pool.push(s);
        pooledBytes += capacity;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Stops the workers (they finish the piece of work at hand) and waits for them to end. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
      ready.signalAll();
    } finally {
      lock.unlock();
    }
    for (Thread t : workers) {
      Uninterruptibly.join(t);
    }
  }

  private void rethrowFailure() {
    Throwable f = failure;
    if (f instanceof RuntimeException r) {
      throw r;
    }
    if (f instanceof Error e) {
      throw e;
    }
  }

  // ------------------------------------------------------------------ workers

  private static final int SIMULATE = 1;
  private static final int MERGE = 2;
  private static final int RENDER = 3;

  private void work(BlockSource source, LogFormat.Renderer renderer,
      LogFormat.@Nullable Renderer errorRenderer, @Nullable LogFormat errorFormat) {
    while (true) {
      int task;
      long block = 0;
      BlockSource.Block toMerge = null;
      Segment segment = null;
      lock.lock();
      try {
        while (true) {
          if (closed) {
            return;
          }
          Segment head = queue.peekFirst();
          if (head != null && head.state == Segment.NEW && beforeFailure(head)) {
            toRender.remove(head);
            head.state = Segment.RENDERING;
            segment = head;
            task = RENDER;
            break;
          }
          if (!merging && inFlight < maxSegments && simulated.containsKey(mergeNext)
              && mergeNext < failBlock) {
            merging = true;
            block = mergeNext;
            toMerge = simulated.remove(mergeNext);
            aheadEvents -= toMerge.events();
            task = MERGE;
            break;
          }
          if (!toRender.isEmpty() && renderedBytes < budgetBytes
              && beforeFailure(toRender.peekFirst())) {
            segment = toRender.pollFirst();
            segment.state = Segment.RENDERING;
            task = RENDER;
            break;
          }
          if (simNext <= lastBlock && simNext - mergeNext < maxSimAhead && simNext < failBlock
              && (simNext == mergeNext
                  || aheadEvents + (simulating + 1L) * lastBlockEvents <= maxAheadEvents)) {
            block = simNext++;
            simulating++;
            task = SIMULATE;
            break;
          }
          changed.awaitUninterruptibly();
        }
      } finally {
        lock.unlock();
      }
      try {
        switch (task) {
          case SIMULATE -> simulate(source, block);
          case MERGE -> merge(Objects.requireNonNull(toMerge));
          default -> render(Objects.requireNonNull(segment), renderer, errorRenderer,
              errorFormat);
        }
      } catch (Throwable e) {
        // the worker goes on with the work before the failure, which the writer still needs
        switch (task) {
          case SIMULATE -> fail(e, "simulating the sessions of block " + describe(block), block,
              -1);
          case MERGE -> fail(e, "merging block " + describe(block), block, -1);
          default -> fail(e, "rendering events of block " + describe(segment.block()),
              segment.block(), segment.seq);
        }
      }
    }
  }

  private static String describe(long block) {
    Instant s = Instant.ofEpochMilli(block * BlockSource.BLOCK_MILLIS);
    return String.format(Locale.ROOT, "[%s, %s)", s, s.plusMillis(BlockSource.BLOCK_MILLIS));
  }

  private void simulate(BlockSource source, long b) {
    BlockSource.Block block = null;
    try {
      block = source.simulate(b);
    } finally {
      lock.lock();
      try {
        simulating--;
        if (block != null) {
          simulated.put(b, block);
          aheadEvents += block.events();
          lastBlockEvents = block.events();
        }
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private void merge(BlockSource.Block block) {
    AccessEvent[] events = merger.merge(block);
    List<Session> sessions = block.sessions();
    lock.lock();
    try {
      int n = events.length;
      if (n == 0) {
        // an empty segment still: the writer asks its stop condition after each minute without
        // lines, as the single-threaded engine does (a stop during the warm-up)
        add(block.index(), events, 0, 0, sessions);
      }
      // as many events as make the target's bytes, but no more than MAX_BLOCK_SEGMENTS
      // segments a block (each holds buffers of some 30 KiB: a first block of 100,000 events cut
      // in fours before any line length was known took 500 MiB)
      int per = (int) Math.max(Math.max(1, Math.min(segmentEvents,
          SEGMENT_TARGET_BYTES / meanLine)), (n + MAX_BLOCK_SEGMENTS - 1) / MAX_BLOCK_SEGMENTS);
      for (int from = 0; from < n; from += per) {
        add(block.index(), events, from, Math.min(per, n - from),
            from == 0 ? sessions : List.of());
      }
      mergeNext++;
      merging = false;
      if (mergeNext > lastBlock) {
        exhausted = true;
      }
      changed.signalAll();
      Segment head = queue.peekFirst();
      if (exhausted || failure != null || head != null && head.state == Segment.READY) {
        ready.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  private void add(long block, AccessEvent[] events, int from, int n, List<Session> sessions) {
    Segment s;
    if (pool.isEmpty()) {
      s = new Segment();
    } else {
      s = pool.pop();
      pooledBytes -= s.capacity();
    }
    s.assign(block, events, from, n, sessions);
    s.seq = nextSeq++;
    if (n == 0) {
      s.state = Segment.READY;
    } else {
      toRender.addLast(s);
    }
    queue.addLast(s);
    inFlight++;
  }

  /**
   * Renders {@code s}. When an event fails, the segment goes to the writer with the lines
   * before it, and the failure is recorded just after the segment: the writer writes them, as
   * the single-threaded run would, and fails at the next segment it asks for.
   */
  private void render(Segment s, LogFormat.Renderer renderer,
      LogFormat.@Nullable Renderer errorRenderer, @Nullable LogFormat errorFormat) {
    Throwable failed = null;
    try {
      s.render(renderer, errorRenderer, errorFormat);
    } catch (RuntimeException | Error e) {
      failed = e;
    }
    if (failed == null && s.lines() > 0) {
      meanLine = Math.max(16, s.bytes() / s.lines());
    }
    if (failed != null) {
      fail(failed, "rendering events of block " + describe(s.block()), s.block(), s.seq + 1);
    }
    lock.lock();
    try {
      s.state = Segment.READY;
      renderedBytes += s.bytes();
      changed.signalAll();
      if (queue.peekFirst() == s) {
        ready.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Records a failure at {@code block} (at its segment {@code seq}, or before its segments when
   * {@code seq} is -1), unless an earlier one is recorded: the single-threaded run would have
   * met the earliest.
   */
  private void fail(Throwable e, String what, long block, long seq) {
    String message = Thread.currentThread().getName() + " failed " + what + ": " + e;
    Throwable wrapped;
    if (e instanceof Error err) {
      err.addSuppressed(new IllegalStateException(message));
      wrapped = err;
    } else {
      wrapped = new IllegalStateException(message, e);
    }
    lock.lock();
    try {
      if (failure == null || block < failBlock || block == failBlock && seq < failSeq) {
        failure = wrapped;
        failBlock = block;
        failSeq = seq;
      }
      if (seq == -1 && block == mergeNext) {
        merging = false; // a merge that failed: no other comes after it
      }
      changed.signalAll();
      ready.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@code s} comes before the recorded failure (always, without one). */
  private boolean beforeFailure(Segment s) {
    return s.block() < failBlock || s.block() == failBlock && s.seq < failSeq;
  }

}
