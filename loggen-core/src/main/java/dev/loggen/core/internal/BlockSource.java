package dev.loggen.core.internal;

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
import org.jspecify.annotations.Nullable;

/**
 * Simulates the sessions that arrive in one block of time (see {@link BlockEngine}). The
 * sessions of block {@code b} depend on (seed, b) alone, so blocks can be simulated in any order
 * and on any thread; {@link BlockMerger} then orders their events, block after block.
 *
 * <p>Not thread-safe: one source per thread (each holds its own session simulator).
 */
public final class BlockSource {
  /** Block length: one minute. */
  public static final long BLOCK_MILLIS = 60_000L;
  private static final long ARRIVALS = 0xA1L;
  private static final long SESSION = 0x5EL;
  private static final long KIND = 0x41DL;
  private static final long VISITOR = 0x7151L;
  private static final long SCENARIO = 0x5CEL;
  static final int MAX_PER_BLOCK = 1 << 24;
  private static final long[] NO_CUTS = {};
  /**
   * How long before a credential-stuffing attack its groups of attempts start (a group lasts
   * some 17 s, at most about 40): attempts before the attack's start are not made, so that the
   * attack runs at its rate from its first millisecond. Before, groups started with the attack
   * and it ramped up: a 10-second attack made 28 % of its attempts, a one-minute one 81 %.
   */
  private static final long STUFFING_LEAD_MILLIS = 60_000;
  /**
   * The most returning visitors a run has: their ids are {@code [0, RETURNING_POOL_MAX)}, and the
   * bots' ids start at 10^9 (crawlers 10^9 + k, previews 1.2 * 10^9 + k, feed readers
   * 1.5 * 10^9 + k, scanners 2 * 10^9 + k). The pool is a quarter of a day's sessions, so the cap
   * applies from 166,666,667 sessions per hour on.
   */
  static final long RETURNING_POOL_MAX = 1_000_000_000L;
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
  private final long returningPool;
  private final boolean wantSessions;
  private final int[] flashPages;
  /** Per flash crowd, the placeholder values of its one landing URL (a viral product). */
  private final @Nullable String[][] flashBindings;

  // Per-block output, reset by simulate().
  private final ArrayList<SessionRun> runs = new ArrayList<>();
  private final ArrayList<Session> sessions = new ArrayList<>();

  /**
   * A source of the blocks of a run that emits {@code [from, to)}.
   *
   * @param to exclusive end, or {@link Long#MAX_VALUE} for no end
   * @param wantSessions whether {@link Block#sessions()} is filled with the ground truth of the
   *     sessions that start in {@code [from, to)}
   */
  public BlockSource(long seed, Site site, SessionModel model, Traffic traffic,
      SessionSettings settings, Visitors visitors, List<Scenario> scenarios, long from, long to,
      boolean wantSessions) {
    this(seed, new CompiledSite(site), model, traffic, settings, visitors, scenarios, from, to,
        wantSessions, VisitorFactory.CACHE_SLOTS);
  }

  /**
   * A source over a compiled site that other sources may share (thread-safe: its path caches
   * tolerate concurrent filling). Sources of one run that share it hand out the same path
   * instances, so that the renderers' caches and the report, which compare identity first,
   * hit whichever worker simulated the session.
   *
   * @param visitorCacheSlots slots of the cache of returning visitors, a power of two (see
   *     {@link VisitorFactory})
   */
  BlockSource(long seed, CompiledSite site, SessionModel model, Traffic traffic,
      SessionSettings settings, Visitors visitors, List<Scenario> scenarios, long from, long to,
      boolean wantSessions, int visitorCacheSlots) {
    this.seed = seed;
    this.traffic = traffic;
    this.visitorSettings = visitors;
    this.scenarios = List.copyOf(scenarios);
    this.site = site;
    this.stateNames = model.states();
    this.returningPool = returningPool(traffic.sessionsPerHour());
    this.visitors = new VisitorFactory(seed, visitors,
        (int) Math.min(Integer.MAX_VALUE, returningPool), visitorCacheSlots);
    this.simulator = new SessionSimulator(seed, this.site, model, settings, this.visitors,
        traffic.zone(), this.scenarios);
    this.from = from;
    this.to = to;
    this.wantSessions = wantSessions;
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

  /**
   * The number of returning visitors of a run: a quarter of a day's sessions, at least 200 and
   * at most {@link #RETURNING_POOL_MAX}.
   */
  static long returningPool(double sessionsPerHour) {
    return Math.min(RETURNING_POOL_MAX, Math.max(200L, (long) (sessionsPerHour * 24 * 0.25)));
  }

  /** The first block a run emitting from {@code from} must simulate: its warm-up included. */
  public static long firstBlock(long from, SessionSettings settings) {
    return Math.floorDiv(from - settings.maxDuration().toMillis(), BLOCK_MILLIS);
  }

  /** The last block a run emitting up to {@code to} (exclusive) simulates. */
  public static long lastBlock(long to) {
    return to == Long.MAX_VALUE ? Long.MAX_VALUE : Math.floorDiv(to - 1, BLOCK_MILLIS);
  }

  /**
   * Simulates the sessions that arrive in block {@code b}.
   *
   * @return the sessions that can still emit events in the range, in arrival order, and the
   *     ground truth of those that start in it
   */
  public Block simulate(long b) {
    runs.clear();
    sessions.clear();
    arrivals(b, b * BLOCK_MILLIS);
    Block block = new Block(b, runs.toArray(new SessionRun[0]),
        sessions.isEmpty() ? List.of() : List.copyOf(sessions));
    runs.clear();
    sessions.clear();
    return block;
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
    long[] times = arrivalTimes(Rng.of(seed, ARRIVALS, b), blockStart);
    int k = times.length;
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
      // an attack's groups of attempts start before it too, their attempts from its start on
      long lead = sc instanceof Scenario.CredentialStuffing ? STUFFING_LEAD_MILLIS : 0;
      long lo = Math.max(blockStart, scStart - lead);
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
          SessionRun run = simulator.stuffing(id, t, rng, v, cr);
          if (run.size > 0) { // a group over before the attack starts is no session of it
            add(run);
          }
        }
      } else if (sc instanceof Scenario.FlashCrowd fc && flashPages[s] >= 0) {
        long m = Discrete.poisson(r, fc.sessionsPerHour() * (hi - lo) / 3_600_000.0);
        long[] ts = sortedTimes(r, m, lo, hi);
        for (long t : ts) {
          long id = sessionId(b, index);
          Rng rng = Rng.of(seed, SESSION, b, index++);
          Visitor v = visitors.human(Long.MIN_VALUE + id, false, false);
          add(simulator.human(id, t, rng, v, fc.label(), flashPages[s], flashBindings[s],
              scEnd));
        }
      }
    }
  }

  /**
   * The arrival times of the ordinary sessions of the block starting at {@code blockStart}: a
   * Poisson number at the block's rate, at uniform times, sorted. Where a burst starts or ends
   * inside the block, the block is cut there and each piece has its own rate (its share of the
   * arrivals, and uniform times within it): a burst holds to the millisecond. (Before, the
   * block's rate at its start held for the whole minute: a burst from 10:00:30 began at 10:01,
   * one shorter than a minute not on a minute's start did nothing.) The hourly curve is taken at
   * each piece's start: it changes on a minute's start in zones of whole-minute offsets (all of
   * today's); with an offset of seconds (a historic local mean time, {@code +05:30:15}) the
   * minute in which the local hour changes keeps the rate of its start.
   */
  private long[] arrivalTimes(Rng arrivals, long blockStart) {
    long[] cuts = burstCuts(blockStart);
    if (cuts.length == 0) {
      double expected = traffic.rateAt(blockStart) * BLOCK_MILLIS / 3_600_000.0;
      long k = Math.min(Discrete.poisson(arrivals, expected), MAX_PER_BLOCK / 2);
      long[] times = new long[(int) k];
      for (int i = 0; i < k; i++) {
        times[i] = blockStart + arrivals.nextLong(BLOCK_MILLIS);
      }
      Arrays.sort(times);
      return times;
    }
    // pieces [from[j], from[j + 1]) with the rate at each piece's start
    long[] from = new long[cuts.length + 2];
    from[0] = blockStart;
    System.arraycopy(cuts, 0, from, 1, cuts.length);
    from[from.length - 1] = blockStart + BLOCK_MILLIS;
    double[] upTo = new double[cuts.length + 1];
    double expected = 0;
    for (int j = 0; j < upTo.length; j++) {
      expected += traffic.rateAt(from[j]) * (from[j + 1] - from[j]) / 3_600_000.0;
      upTo[j] = expected;
    }
    long k = expected > 0 ? Math.min(Discrete.poisson(arrivals, expected), MAX_PER_BLOCK / 2)
        : 0;
    long[] times = new long[(int) k];
    for (int i = 0; i < k; i++) {
      double u = arrivals.nextDouble() * expected;
      int j = 0;
      while (j < upTo.length - 1 && !(u < upTo[j])) {
        j++;
      }
      while (j > 0 && upTo[j] == upTo[j - 1]) {
        j--; // a u rounded up to the total: the last piece with a rate above 0
      }
      times[i] = from[j] + arrivals.nextLong(from[j + 1] - from[j]);
    }
    Arrays.sort(times);
    return times;
  }

  /**
   * The instants strictly inside the block starting at {@code blockStart} where a burst starts
   * or ends, ascending, without repeats.
   */
  private long[] burstCuts(long blockStart) {
    List<Traffic.Burst> bursts = traffic.bursts();
    if (bursts.isEmpty()) {
      return NO_CUTS;
    }
    long end = blockStart + BLOCK_MILLIS;
    long[] cuts = new long[2 * bursts.size()];
    int n = 0;
    for (Traffic.Burst burst : bursts) {
      long start = burst.start().toEpochMilli();
      for (long t : new long[] {start, start + burst.duration().toMillis()}) {
        if (t > blockStart && t < end) {
          cuts[n++] = t;
        }
      }
    }
    if (n == 0) {
      return NO_CUTS;
    }
    Arrays.sort(cuts, 0, n);
    int distinct = 1;
    for (int i = 1; i < n; i++) {
      if (cuts[i] != cuts[distinct - 1]) {
        cuts[distinct++] = cuts[i];
      }
    }
    return Arrays.copyOf(cuts, distinct);
  }

  private static long[] sortedTimes(Rng r, long m, long lo, long hi) {
    long[] ts = new long[(int) Math.min(m, MAX_PER_BLOCK / 4)];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = lo + r.nextLong(hi - lo);
    }
    Arrays.sort(ts);
    return ts;
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
    return simulator.human(id, t, rng, v, null, -1, null, Long.MAX_VALUE);
  }

  private void add(SessionRun s) {
    // told by its start (its first request), not by its arrival: a scanner arriving at the end
    // of one slice may probe first in the next one, which alone counts it
    long start = s.firstMillis();
    if (wantSessions && start >= from && start < to) {
      sessions.add(s.toSession(stateNames));
    }
    if (s.size > 0 && s.lastMillis() >= from) {
      runs.add(s);
    }
  }

  private static long sessionId(long block, int index) {
    return block * MAX_PER_BLOCK + index;
  }

  /** The simulated sessions of one block, handed from a {@link BlockSource} to a merger. */
  public static final class Block {
    private final long index;
    final SessionRun[] runs;
    private final List<Session> sessions;
    private final long events;

    Block(long index, SessionRun[] runs, List<Session> sessions) {
      this.index = index;
      this.runs = runs;
      this.sessions = sessions;
      long n = 0;
      for (SessionRun r : runs) {
        n += r.size;
      }
      this.events = n;
    }

    /** The events of the block's sessions, the memory it holds until it is merged. */
    public long events() {
      return events;
    }

    /** The block: it starts at {@code index * BLOCK_MILLIS}. */
    public long index() {
      return index;
    }

    /** Ground truth of the sessions that start in the range, in arrival order (if asked). */
    public List<Session> sessions() {
      return sessions;
    }

    /** The number of sessions that may still emit events. */
    public int liveSessions() {
      return runs.length;
    }
  }
}
