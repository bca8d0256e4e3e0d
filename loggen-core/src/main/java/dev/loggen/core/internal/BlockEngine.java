package dev.loggen.core.internal;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.Scenario;
import dev.loggen.core.Session;
import dev.loggen.core.SessionSettings;
import dev.loggen.core.Site;
import dev.loggen.core.Traffic;
import dev.loggen.core.Visitors;
import dev.loggen.core.engine.SessionModel;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The generator's engine. Time is cut into fixed blocks of one minute, aligned to the epoch. The
 * sessions arriving in block {@code b} are drawn from a stream derived from (seed, b) alone, and
 * session {@code i} of block {@code b} walks a stream derived from (seed, b, i) alone. So any range
 * of the timeline can be generated on its own and gives exactly the events the whole run has
 * there: this is what slices, parallel generation and sharding rest on.
 *
 * <p>To emit the events of {@code [from, to)}, the engine simulates the sessions of every block
 * from {@code from - maxSessionDuration} on (sessions are cut at that duration, so none older can
 * reach {@code from}), then merges block by block: the events of all live sessions that fall in
 * the block are ordered by (time, session arrival order, position in the session), a total order
 * that does not depend on where generation started.
 *
 * <p>The two halves are separate classes: {@link BlockSource} simulates a block (any block, on
 * any thread) and {@link BlockMerger} orders the events (block after block). This iterator
 * chains them on one thread; the parallel pipeline spreads the simulation over threads.
 *
 * <p>Not thread-safe: one engine per thread (they are cheap).
 */
public final class BlockEngine implements java.util.Iterator<AccessEvent> {
  /** Block length: one minute. */
  public static final long BLOCK_MILLIS = BlockSource.BLOCK_MILLIS;

  private final BlockSource source;
  private final BlockMerger merger;
  private final long lastBlock;
  private final @Nullable Consumer<Session> sessionListener;
  private final BooleanSupplier stop;

  private long nextBlock;
  private AccessEvent[] out = new AccessEvent[0];
  private int outPos;
  private boolean done;

  /**
   * An engine emitting the events in {@code [from, to)}.
   *
   * @param to exclusive end, or {@link Long#MAX_VALUE} for no end
   * @param sessionListener told of every session that starts in {@code [from, to)}, or null
   * @param stop asked after each block (minute) without events, such as those of the warm-up
   *     before {@code from}: when it is true the engine ends there, as if the range had ended
   */
  public BlockEngine(long seed, Site site, SessionModel model, Traffic traffic,
      SessionSettings settings, Visitors visitors, List<Scenario> scenarios, long from, long to,
      @Nullable Consumer<Session> sessionListener, BooleanSupplier stop) {
    this.stop = Objects.requireNonNull(stop, "stop");
    this.source = new BlockSource(seed, site, model, traffic, settings, visitors, scenarios, from,
        to, sessionListener != null);
    this.merger = new BlockMerger(from, to);
    this.sessionListener = sessionListener;
    this.nextBlock = BlockSource.firstBlock(from, settings);
    this.lastBlock = BlockSource.lastBlock(to);
  }

  @Override
  public boolean hasNext() {
    while (outPos == out.length) {
      if (done || nextBlock > lastBlock) {
        done = true;
        return false;
      }
      step();
      if (outPos == out.length && stop.getAsBoolean()) {
        done = true;
        return false;
      }
    }
    return true;
  }

  @Override
  public AccessEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more events");
    }
    AccessEvent e = out[outPos];
    out[outPos++] = null;
    return e;
  }

  /** Simulates the arrivals of the next block and collects the events that fall in it. */
  private void step() {
    BlockSource.Block block = source.simulate(nextBlock++);
    if (sessionListener != null) {
      for (Session s : block.sessions()) {
        sessionListener.accept(s);
      }
    }
    out = merger.merge(block);
    outPos = 0;
  }
}
