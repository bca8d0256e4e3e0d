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
  private int[] offsets = new int[1024];
  private int[] scratch = new int[1024];
  private int[] scratch2 = new int[1024];
  private final int[] histogram = new int[256];

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
        long[] times = s.times;
        int c = s.cursor;
        while (c < s.size && times[c] < blockEnd) {
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
    int[] off = offsets;
    for (int r = 0; r < liveCount; r++) {
      SessionRun s = live[r];
      long[] times = s.times;
      int c = s.cursor;
      int size = s.size;
      while (c < size) {
        long t = times[c];
        if (t >= blockEnd) {
          break;
        }
        if (t >= lo && t < hi) {
          if (count == out.length) {
            out = gathered = Arrays.copyOf(out, count * 2);
            off = offsets = Arrays.copyOf(off, count * 2);
          }
          off[count] = (int) (t - blockStart);
          out[count++] = s.events[c];
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
    sort(out, off, count, sorted);
    Arrays.fill(out, 0, count, null);
    return sorted;
  }

  /**
   * Orders {@code events[0, n)} by their time offset in the block, keeping the gathering order
   * (session arrival order, then position in the session) among equal times: a stable sort.
   * Offsets are below 2^16 (a block is 60,000 ms), so a least-significant-digit radix sort in
   * two passes of 8 bits does it in linear time; short blocks use an insertion sort.
   */
  private void sort(AccessEvent[] events, int[] off, int n, AccessEvent[] sorted) {
    if (n < 48) {
      int[] idx = ensure(n);
      for (int i = 0; i < n; i++) {
        int o = off[i];
        int j = i - 1;
        while (j >= 0 && off[idx[j]] > o) {
          idx[j + 1] = idx[j];
          j--;
        }
        idx[j + 1] = i;
      }
      for (int i = 0; i < n; i++) {
        sorted[i] = events[idx[i]];
      }
      return;
    }
    int[] idx = ensure(n);
    int[] tmp = scratch2;
    int[] counts = histogram;
    // Pass 1: by the low byte, from gathering order into tmp.
    Arrays.fill(counts, 0);
    for (int i = 0; i < n; i++) {
      counts[off[i] & 0xFF]++;
    }
    prefix(counts);
    for (int i = 0; i < n; i++) {
      tmp[counts[off[i] & 0xFF]++] = i;
    }
    // Pass 2: by the high byte, stable, from tmp into idx.
    Arrays.fill(counts, 0);
    for (int i = 0; i < n; i++) {
      counts[off[i] >>> 8]++;
    }
    prefix(counts);
    for (int i = 0; i < n; i++) {
      int k = tmp[i];
      idx[counts[off[k] >>> 8]++] = k;
    }
    for (int i = 0; i < n; i++) {
      sorted[i] = events[idx[i]];
    }
  }

  private static void prefix(int[] counts) {
    int sum = 0;
    for (int b = 0; b < counts.length; b++) {
      int c = counts[b];
      counts[b] = sum;
      sum += c;
    }
  }

  private int[] ensure(int n) {
    if (scratch.length < n) {
      int size = Math.max(n, scratch.length * 2);
      scratch = new int[size];
      scratch2 = new int[size];
    }
    return scratch;
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
