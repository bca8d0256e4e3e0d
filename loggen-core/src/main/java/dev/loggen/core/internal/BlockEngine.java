package dev.loggen.core.internal;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.Scenario;
import dev.loggen.core.Session;
import dev.loggen.core.SessionSettings;
import dev.loggen.core.Site;
import dev.loggen.core.Traffic;
import dev.loggen.core.Visitor;
import dev.loggen.core.Visitors;
import dev.loggen.core.engine.SessionModel;
import dev.loggen.core.random.Discrete;
import dev.loggen.core.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
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
 * <p>Not thread-safe: one engine per thread (they are cheap).
 */
public final class BlockEngine implements java.util.Iterator<AccessEvent> {
  /** Block length: one minute. */
  public static final long BLOCK_MILLIS = 60_000L;
  private static final long ARRIVALS = 0xA1L;
  private static final long SESSION = 0x5EL;
  private static final long KIND = 0x41DL;
  private static final long VISITOR = 0x7151L;
  private static final long SCENARIO = 0x5CEL;
  private static final int MAX_PER_BLOCK = 1 << 24;
  /** Share of crawler sessions that are search engines; the rest fetch one page or a feed. */
  private static final double SEARCH_CRAWLERS = 0.45;
  private static final double FEED_READERS = 0.25;

  private final long seed;
  private final Traffic traffic;
  private final Visitors visitorSettings;
  private final List<Scenario> scenarios;
  private final SessionSimulator simulator;
  private final VisitorFactory visitors;
  private final CompiledSite site;
  private final List<String> stateNames;
  private final long from;
  private final long to;
  private final long lastBlock;
  private final long returningPool;
  private final @Nullable Consumer<Session> sessionListener;
  private final int[] flashPages;
  /** Per flash crowd, the placeholder values of its one landing URL (a viral product). */
  private final @Nullable String[][] flashBindings;

  private long nextBlock;
  private final ArrayList<SessionRun> live = new ArrayList<>();
  private AccessEvent[] out = new AccessEvent[1024];
  private long[] keys = new long[1024];
  private int outPos;
  private int outLen;
  private boolean done;

  /**
   * An engine emitting the events in {@code [from, to)}.
   *
   * @param to exclusive end, or {@link Long#MAX_VALUE} for no end
   * @param sessionListener told of every session that starts in {@code [from, to)}, or null
   */
  public BlockEngine(long seed, Site site, SessionModel model, Traffic traffic,
      SessionSettings settings, Visitors visitors, List<Scenario> scenarios, long from, long to,
      @Nullable Consumer<Session> sessionListener) {
    this.seed = seed;
    this.traffic = traffic;
    this.visitorSettings = visitors;
    this.scenarios = List.copyOf(scenarios);
    this.site = new CompiledSite(site);
    this.stateNames = model.states();
    this.returningPool = Math.max(200L, (long) (traffic.sessionsPerHour() * 24 * 0.25));
    this.visitors = new VisitorFactory(seed, visitors,
        (int) Math.min(Integer.MAX_VALUE, returningPool));
    this.simulator = new SessionSimulator(seed, this.site, model, settings, this.visitors,
        traffic.zone(), this.scenarios);
    this.from = from;
    this.to = to;
    this.sessionListener = sessionListener;
    long warmup = settings.maxDuration().toMillis();
    this.nextBlock = Math.floorDiv(from - warmup, BLOCK_MILLIS);
    this.lastBlock = to == Long.MAX_VALUE ? Long.MAX_VALUE : Math.floorDiv(to - 1, BLOCK_MILLIS);
    this.flashPages = new int[this.scenarios.size()];
    this.flashBindings = new String[this.scenarios.size()][];
    for (int i = 0; i < flashPages.length; i++) {
      flashPages[i] = this.scenarios.get(i) instanceof Scenario.FlashCrowd f
          ? this.site.pageIndex(f.pageName()) : -1;
      if (flashPages[i] >= 0) {
        flashBindings[i] = this.site.bind(flashPages[i], Rng.of(seed, SCENARIO, i, -1L));
      }
    }
  }

  @Override
  public boolean hasNext() {
    while (outPos == outLen) {
      if (done || nextBlock > lastBlock) {
        done = true;
        return false;
      }
      step();
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
    long b = nextBlock++;
    long blockStart = b * BLOCK_MILLIS;
    long blockEnd = blockStart + BLOCK_MILLIS;
    arrivals(b, blockStart);
    outPos = 0;
    outLen = 0;
    if (blockEnd <= from) {
      // Warm-up: advance cursors past events before the emitted range.
      for (SessionRun s : live) {
        while (s.cursor < s.size && s.events[s.cursor].epochMillis() < blockEnd) {
          s.cursor++;
        }
      }
      prune();
      return;
    }
    long lo = Math.max(blockStart, from);
    long hi = Math.min(blockEnd, to);
    int count = 0;
    for (SessionRun s : live) {
      AccessEvent[] ev = s.events;
      int c = s.cursor;
      while (c < s.size) {
        long t = ev[c].epochMillis();
        if (t >= blockEnd) {
          break;
        }
        if (t >= lo && t < hi) {
          if (count == out.length) {
            out = Arrays.copyOf(out, count * 2);
            keys = Arrays.copyOf(keys, count * 2);
          }
          keys[count] = ((t - blockStart) << 40) | count;
          out[count++] = ev[c];
        }
        c++;
      }
      s.cursor = c;
    }
    prune();
    if (count > 1) {
      Arrays.sort(keys, 0, count);
      AccessEvent[] sorted = new AccessEvent[Math.max(count, 16)];
      for (int i = 0; i < count; i++) {
        sorted[i] = out[(int) (keys[i] & 0xFF_FFFF_FFFFL)];
      }
      AccessEvent[] old = out;
      out = sorted.length >= old.length ? sorted : copyInto(sorted, old, count);
    }
    outLen = count;
  }

  private static AccessEvent[] copyInto(AccessEvent[] src, AccessEvent[] dst, int count) {
    System.arraycopy(src, 0, dst, 0, count);
    return dst;
  }

  private void prune() {
    int w = 0;
    for (int r = 0; r < live.size(); r++) {
      SessionRun s = live.get(r);
      if (s.cursor < s.size) {
        live.set(w++, s);
      }
    }
    for (int i = live.size() - 1; i >= w; i--) {
      live.remove(i);
    }
  }

  /** Draws and simulates the sessions that arrive in block {@code b}. */
  private void arrivals(long b, long blockStart) {
    int index = 0;
    // 1. The uptime monitor, at fixed times.
    long interval = visitorSettings.monitorInterval().toMillis();
    if (interval > 0) {
      long first = Math.floorDiv(blockStart + interval - 1, interval) * interval;
      for (long t = first; t < blockStart + BLOCK_MILLIS; t += interval) {
        long id = sessionId(b, index);
        Rng rng = Rng.of(seed, SESSION, b, index++);
        add(simulator.monitor(id, t, rng, visitors.monitor()));
      }
    }
    // 2. Ordinary sessions: a Poisson number at the block's rate, uniform times, sorted.
    Rng arrivals = Rng.of(seed, ARRIVALS, b);
    double expected = traffic.rateAt(blockStart) * BLOCK_MILLIS / 3_600_000.0;
    long k = Math.min(Discrete.poisson(arrivals, expected), MAX_PER_BLOCK / 2);
    long[] times = new long[(int) k];
    for (int i = 0; i < k; i++) {
      times[i] = blockStart + arrivals.nextLong(BLOCK_MILLIS);
    }
    Arrays.sort(times);
    for (int i = 0; i < k; i++) {
      long id = sessionId(b, index);
      Rng rng = Rng.of(seed, SESSION, b, index++);
      add(ordinary(id, times[i], rng, b, i));
    }
    // 3. Scenario sessions, each scenario from its own stream.
    for (int s = 0; s < scenarios.size(); s++) {
      Scenario sc = scenarios.get(s);
      long scStart = sc.start().toEpochMilli();
      long scEnd = scStart + sc.duration().toMillis();
      long lo = Math.max(blockStart, scStart);
      long hi = Math.min(blockStart + BLOCK_MILLIS, scEnd);
      if (lo >= hi) {
        continue;
      }
      Rng r = Rng.of(seed, SCENARIO, s, b);
      if (sc instanceof Scenario.CredentialStuffing cr) {
        double bursts = cr.attemptsPerMinute() / 35.0 * (hi - lo) / 60_000.0;
        long m = Discrete.poisson(r, bursts);
        long[] ts = sortedTimes(r, m, lo, hi);
        for (long t : ts) {
          long id = sessionId(b, index);
          Rng rng = Rng.of(seed, SESSION, b, index++);
          Visitor v = visitors.attacker(id, rng.nextInt(cr.addresses()),
              UserAgents.browser(rng));
          add(simulator.stuffing(id, t, rng, v, cr));
        }
      } else if (sc instanceof Scenario.FlashCrowd fc && flashPages[s] >= 0) {
        long m = Discrete.poisson(r, fc.sessionsPerHour() * (hi - lo) / 3_600_000.0);
        long[] ts = sortedTimes(r, m, lo, hi);
        for (long t : ts) {
          long id = sessionId(b, index);
          Rng rng = Rng.of(seed, SESSION, b, index++);
          Visitor v = visitors.human(Long.MIN_VALUE + id, false, false);
          add(cut(simulator.human(id, t, rng, v, fc.label(), flashPages[s],
              flashBindings[s]), scEnd));
        }
      }
    }
  }

  private static long[] sortedTimes(Rng r, long m, long lo, long hi) {
    long[] ts = new long[(int) Math.min(m, MAX_PER_BLOCK / 4)];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = lo + r.nextLong(hi - lo);
    }
    Arrays.sort(ts);
    return ts;
  }

  /** Cuts a session's events at {@code end} (a scenario's window). */
  private static SessionRun cut(SessionRun s, long end) {
    int size = s.size;
    while (size > 0 && s.events[size - 1].epochMillis() >= end) {
      size--;
    }
    if (size == s.size) {
      return s;
    }
    return new SessionRun(s.id, s.startMillis, s.visitor, s.events, size, s.states, s.stateCount,
        s.endState, s.pageViews, s.scenario);
  }

  private SessionRun ordinary(long id, long t, Rng rng, long block, int i) {
    double u = Rng.of(seed, KIND, block, i).nextDouble();
    double crawlers = visitorSettings.crawlerShare();
    if (u < crawlers) {
      // Crawler sessions: search engines walking the site, link previews, feed readers.
      double style = u / crawlers;
      if (style < SEARCH_CRAWLERS) {
        return simulator.crawler(id, t, rng, visitors.crawler(1_000_000_000L + rng.nextInt(40)));
      }
      if (style < SEARCH_CRAWLERS + FEED_READERS && site.feed >= 0) {
        return simulator.fetcher(id, t, rng, visitors.feedReader(1_500_000_000L
            + rng.nextInt(60)), true);
      }
      return simulator.fetcher(id, t, rng, visitors.preview(1_200_000_000L + rng.nextInt(200)),
          false);
    }
    if (u < visitorSettings.crawlerShare() + visitorSettings.scannerShare()) {
      return simulator.scanner(id, t, rng, visitors.scanner(2_000_000_000L + rng.nextInt(400)));
    }
    Rng vr = Rng.of(seed, VISITOR, block, i);
    boolean returning = vr.chance(visitorSettings.returningShare());
    long visitorId;
    if (returning) {
      // Popular returning visitors come back often: a skewed draw over the returning pool.
      visitorId = (long) Math.floor(returningPool * Math.pow(vr.nextDouble(), 1.6));
    } else {
      visitorId = (1L << 40) + id; // a first-time visitor, unique to this session
    }
    Visitor v;
    if (site.site.isApi()) {
      v = visitors.apiClient(returning ? visitorId % 400 : visitorId, true);
    } else {
      boolean named = returning && Rng.mix(visitorId ^ seed) % 1000
          < visitorSettings.loggedInShare() * 1000;
      v = visitors.human(visitorId, returning, named);
    }
    return simulator.human(id, t, rng, v, null, -1, null);
  }

  private void add(SessionRun s) {
    if (sessionListener != null && s.startMillis >= from && s.startMillis < to) {
      sessionListener.accept(s.toSession(stateNames));
    }
    if (s.size > 0 && s.lastMillis() >= from) {
      live.add(s);
    }
  }

  private static long sessionId(long block, int index) {
    return block * MAX_PER_BLOCK + index;
  }
}
