package dev.loggen.core.internal;

import dev.loggen.core.AccessEvent;
import java.util.Arrays;

/**
 * Orders the events of a run block by block (see {@link BlockEngine}): it keeps the sessions
 * that are still alive and, given the simulated sessions of the next block, returns that
 * block's events in the run's total order (time, then session arrival order, then position in
 * the session), which does not depend on where generation started.
 *
 * <p>Blocks must be given in order, every one from the run's first (warm-up) block on. Not
 * thread-safe; one thread at a time (the parallel pipeline hands it from worker to worker
 * under a lock).
 */
public final class BlockMerger {
  private static final AccessEvent[] NONE = new AccessEvent[0];

  private final long from;
  private final long to;
  private SessionRun[] live = new SessionRun[256];
  private int liveCount;
  private AccessEvent[] gathered = new AccessEvent[1024];
  private long[] keys = new long[1024];

  /**
   * A merger for the events in {@code [from, to)}.
   *
   * @param to exclusive end, or {@link Long#MAX_VALUE} for no end
   */
  public BlockMerger(long from, long to) {
    this.from = from;
    this.to = to;
  }

  /**
   * Adds the sessions of {@code block} and returns the events that fall in it and in the
   * range, in order. The array is the caller's.
   */
  public AccessEvent[] merge(BlockSource.Block block) {
    SessionRun[] runs = block.runs;
    if (liveCount + runs.length > live.length) {
      live = Arrays.copyOf(live, Math.max(live.length * 2, liveCount + runs.length));
    }
    System.arraycopy(runs, 0, live, liveCount, runs.length);
    liveCount += runs.length;
    long blockStart = block.index() * BlockSource.BLOCK_MILLIS;
    long blockEnd = blockStart + BlockSource.BLOCK_MILLIS;
    if (blockEnd <= from) {
      // Warm-up: advance cursors past events before the emitted range.
      for (int r = 0; r < liveCount; r++) {
        SessionRun s = live[r];
        AccessEvent[] ev = s.events;
        int c = s.cursor;
        while (c < s.size && ev[c].epochMillis() < blockEnd) {
          c++;
        }
        s.cursor = c;
      }
      prune();
      return NONE;
    }
    long lo = Math.max(blockStart, from);
    long hi = Math.min(blockEnd, to);
    int count = 0;
    AccessEvent[] out = gathered;
    long[] k = keys;
    for (int r = 0; r < liveCount; r++) {
      SessionRun s = live[r];
      AccessEvent[] ev = s.events;
      int c = s.cursor;
      int size = s.size;
      while (c < size) {
        AccessEvent e = ev[c];
        long t = e.epochMillis();
        if (t >= blockEnd) {
          break;
        }
        if (t >= lo && t < hi) {
          if (count == out.length) {
            out = gathered = Arrays.copyOf(out, count * 2);
            k = keys = Arrays.copyOf(k, count * 2);
          }
          k[count] = ((t - blockStart) << 40) | count;
          out[count++] = e;
        }
        c++;
      }
      s.cursor = c;
    }
    prune();
    if (count == 0) {
      return NONE;
    }
    AccessEvent[] sorted = new AccessEvent[count];
    if (count > 1) {
      Arrays.sort(k, 0, count);
      for (int i = 0; i < count; i++) {
        sorted[i] = out[(int) (k[i] & 0xFF_FFFF_FFFFL)];
      }
    } else {
      sorted[0] = out[0];
    }
    Arrays.fill(out, 0, count, null);
    return sorted;
  }

  /** The number of sessions alive after the last block. */
  public int liveSessions() {
    return liveCount;
  }

  private void prune() {
    SessionRun[] l = live;
    int w = 0;
    for (int r = 0; r < liveCount; r++) {
      SessionRun s = l[r];
      if (s.cursor < s.size) {
        l[w++] = s;
      }
    }
    Arrays.fill(l, w, liveCount, null);
    liveCount = w;
  }
}
