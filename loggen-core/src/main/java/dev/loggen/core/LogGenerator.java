package dev.loggen.core;

import dev.loggen.core.engine.SessionModel;
import dev.loggen.core.internal.BlockEngine;
import dev.loggen.core.internal.Printable;
import dev.loggen.core.internal.TrafficPeak;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Generates the access log of a simulated site: sessions of visitors arrive over a time window,
 * walk the site's session model, and make requests; {@link #events()} streams them in timestamp
 * order. One seed determines the whole output, whatever the thread count or the way the window
 * is cut into {@link #slice slices}.
 *
 * <pre>{@code
 * LogGenerator gen = LogGenerator.builder()
 *     .seed(42)
 *     .site(Sites.shop())
 *     .traffic(Traffic.sessionsPerHour(2_000))
 *     .window(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(1))
 *     .build();
 * gen.events().limit(10).forEach(System.out::println);
 * }</pre>
 *
 * <p>What the seed reproduces is the output of the same settings, and the order of the
 * {@link Builder#scenario scenarios} is part of them: each scenario draws from a random stream
 * keyed by its place in the list, so the same seed with the same scenarios added in the same
 * order gives the same output, and another order gives other sessions.
 *
 * <p>Immutable and thread-safe: every call to {@link #events()} starts a fresh, independent
 * generation.
 */
public final class LogGenerator {
  /** The start of the window when none is given: 2026-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START =
      Instant.ofEpochSecond(1_767_225_600L); // 2026-01-01T00:00:00Z, without loading a parser
  /** The length of the window when none is given: one day. */
  public static final Duration DEFAULT_DURATION = Duration.ofDays(1);
  /**
   * The longest window: 1000 years of 366 days ({@code 366000d}). A window must also lie within
   * the years 1 to 9999.
   */
  public static final Duration MAX_DURATION = Duration.ofDays(366L * 1000);
  /**
   * The most sessions per hour the traffic may reach at its busiest (sessions per hour times the
   * busiest hour's and weekday's multipliers and the bursts running then): 8,000,000 a minute,
   * safely below the 2^23 arrivals a one-minute block holds.
   */
  public static final double MAX_PEAK_PER_HOUR = 480_000_000;
  /**
   * The most sessions per hour a run may start at any instant, everything together: the
   * traffic's peak (see {@link #MAX_PEAK_PER_HOUR}), the sessions of the scenarios whose windows
   * overlap then (flash crowds, credential stuffing) and the uptime monitor's checks. 16,000,000
   * a minute, safely below the 2^24 session ids a one-minute block has: more would give two
   * sessions the same {@link AccessEvent#sessionId()}.
   */
  public static final double MAX_COMBINED_PER_HOUR = 960_000_000;

  private final long seed;
  private final Site site;
  private final SessionModel model;
  /** The model the builder was given, or null for the site's own. */
  private final @Nullable SessionModel modelSetting;
  private final Traffic traffic;
  private final SessionSettings sessions;
  /** The session settings the builder was given, or null for the site's own. */
  private final @Nullable SessionSettings sessionsSetting;
  private final Visitors visitors;
  private final List<Scenario> scenarios;
  private final Instant start;
  private final @Nullable Duration duration;
  private final long emitFrom;
  private final long emitTo;
  /** Where emitting stops: {@link #emitTo}, or the end of the year 9999 for an open window. */
  private final long stopMillis;
  private final int sliceIndex;
  private final int sliceCount;

  private LogGenerator(Builder b, long emitFrom, long emitTo, int sliceIndex, int sliceCount) {
    this.seed = b.seed;
    this.site = b.site;
    this.model = b.model != null ? b.model : b.site.model();
    this.modelSetting = b.model;
    this.traffic = b.traffic;
    this.sessions = b.sessions != null ? b.sessions : b.site.sessions();
    this.sessionsSetting = b.sessions;
    this.visitors = b.visitors;
    this.scenarios = List.copyOf(b.scenarios);
    this.start = b.start;
    this.duration = b.duration;
    this.emitFrom = emitFrom;
    this.emitTo = emitTo;
    // An open window stops with the year 9999 in the traffic's zone: formats print four-digit
    // years (a window with an end was checked to end by then).
    ZoneRules rules = b.traffic.zone().getRules();
    this.stopMillis = Math.min(emitTo,
        Builder.END_MILLIS - Builder.offsetMillis(rules, Builder.END_MILLIS - 1));
    this.sliceIndex = sliceIndex;
    this.sliceCount = sliceCount;
  }

  /** A builder with every setting at its default: one day of the {@code shop} site. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The events of the window (or of this slice), in non-decreasing timestamp order, generated
   * lazily: memory holds only the sessions alive at the current time. The stream is infinite
   * when the window has no end; use {@code limit}.
   */
  public Stream<AccessEvent> events() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
        Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
  }

  /** The events as an iterator (see {@link #events()}). */
  public Iterator<AccessEvent> iterator() {
    return engine(null, () -> false);
  }

  /**
   * The events as an iterator that also tells {@code sessions} of every session that starts
   * in the window (or slice), with its ground truth, before the session's first event. The
   * slices of a window tell the same sessions as the whole run, but not always in the same
   * order: within a minute, sessions are told by kind (the uptime monitor's, the ordinary
   * ones, the scenarios' own), so a slice border inside a minute regroups them. Sort by
   * {@link Session#start()} and {@link Session#id()} to compare.
   */
  public Iterator<AccessEvent> iterator(Consumer<Session> sessionListener) {
    return engine(Objects.requireNonNull(sessionListener, "sessionListener"), () -> false);
  }

  /**
   * {@link #iterator(Consumer)} that also ends, as if the window had, once {@code stop} is true
   * after a minute of simulated time without events (the warm-up before the window, a quiet
   * night): a stop is honoured while no line is due, so that a caller asked to stop need not
   * wait for the warm-up, which takes seconds at hundreds of thousands of sessions an hour.
   *
   * @param sessionListener told of every session that starts in the window, as for
   *     {@link #iterator(Consumer)}
   * @param stop asked after each minute of simulated time without events
   * @return the events
   */
  public Iterator<AccessEvent> iterator(Consumer<Session> sessionListener, BooleanSupplier stop) {
    return engine(Objects.requireNonNull(sessionListener, "sessionListener"),
        Objects.requireNonNull(stop, "stop"));
  }

  private BlockEngine engine(@Nullable Consumer<Session> listener, BooleanSupplier stop) {
    return new BlockEngine(seed, site, model, traffic, sessions, visitors, scenarios, emitFrom,
        stopMillis, listener, stop);
  }

  /**
   * Slice {@code k} of {@code n}: the events whose timestamps fall in the {@code k}-th of
   * {@code n} equal parts of the window, exactly as the whole run has them. Concatenating the
   * slices 0 to n-1 gives, event for event, the whole run. A slice generates the sessions that
   * start up to {@link SessionSettings#maxDuration()} before its part (its warm-up) and emits
   * only the events inside it. The warm-up is extra work: each slice simulates
   * {@code maxDuration} of sessions that it does not emit, so slicing costs about
   * {@code maxDuration / slice length} more simulation than the single run (4 % for one-day
   * slices with the default hour, 100 % for one-hour slices); rendering and writing are not
   * repeated.
   *
   * @throws IllegalArgumentException when {@code k} or {@code n} is out of range
   * @throws IllegalStateException when the window has no end, or this is already a slice
   */
  public LogGenerator slice(int k, int n) {
    long from = sliceFrom(k, n);
    long to = start.toEpochMilli() + sliceOffset(Objects.requireNonNull(duration).toMillis(),
        k + 1, n);
    return new LogGenerator(toBuilder(), from, to, k, n);
  }

  /**
   * Where {@link #slice(int, int) slice(k, n)} starts emitting (that slice's
   * {@link #emitFrom()}), without building the slice: to plan many slices cheaply, such as
   * naming each slice's file before any is generated.
   *
   * @param k the slice's index, from 0
   * @param n the number of slices
   * @return the slice's start
   * @throws IllegalArgumentException when {@code k} or {@code n} is out of range
   * @throws IllegalStateException when the window has no end, or this is already a slice
   */
  public Instant sliceStart(int k, int n) {
    return Instant.ofEpochMilli(sliceFrom(k, n));
  }

  /** Checks {@code k} of {@code n} as {@link #slice} does; the slice's start. */
  private long sliceFrom(int k, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("slice count must be positive (got " + n + ")");
    }
    if (k < 0 || k >= n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "slice index must be between 0 and %d (got %d)", n - 1, k));
    }
    if (duration == null) {
      throw new IllegalStateException("a window without end cannot be sliced: give a duration");
    }
    if (sliceCount != 1) {
      throw new IllegalStateException("this is already slice " + sliceIndex + " of "
          + sliceCount + "; slice the whole generator");
    }
    return start.toEpochMilli() + sliceOffset(duration.toMillis(), k, n);
  }

  private static long sliceOffset(long len, int k, int n) {
    // floor(len * k / n), exact and without overflow: (len / n) * k + (len % n) * k / n.
    return (len / n) * k + (len % n) * k / n;
  }

  /** A pipeline that renders this generator's events and writes them to sinks. */
  public LogWriter writer() {
    return new LogWriter(this);
  }

  /**
   * A builder holding this generator's settings, to derive another. A model or session
   * settings this generator took from its site are not fixed in it: with another
   * {@link Builder#site site}, the derived generator takes that site's. The seed and the
   * window are carried over and may each be set once more in the derived builder.
   *
   * <p>A slice is not: a builder has no setting for one, so the builder of
   * {@link #slice(int, int) slice(k, n)} builds the whole run ({@link #start()} and
   * {@link #duration()}, not the slice's {@link #emitFrom()} and {@link #emitTo()}). Call
   * {@code slice(k, n)} again on what it builds to get the slice back.
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.seed = seed;
    b.site = site;
    b.model = modelSetting;
    b.traffic = traffic;
    b.sessions = sessionsSetting;
    b.visitors = visitors;
    b.scenarios.addAll(scenarios);
    b.start = start;
    b.duration = duration;
    return b;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The site. */
  public Site site() {
    return site;
  }

  /** The session model. */
  public SessionModel model() {
    return model;
  }

  /** The traffic. */
  public Traffic traffic() {
    return traffic;
  }

  /** The session settings in effect: the builder's, or else the site's. */
  public SessionSettings sessions() {
    return sessions;
  }

  /** The visitor settings. */
  public Visitors visitors() {
    return visitors;
  }

  /** The scenarios. */
  public List<Scenario> scenarios() {
    return scenarios;
  }

  /** The start of the window. */
  public Instant start() {
    return start;
  }

  /** The length of the window, or {@code null} when it has no end. */
  public @Nullable Duration duration() {
    return duration;
  }

  /** The first instant this generator (or slice) emits. */
  public Instant emitFrom() {
    return Instant.ofEpochMilli(emitFrom);
  }

  /** The instant this generator (or slice) stops before, or {@code null} for no end. */
  public @Nullable Instant emitTo() {
    return emitTo == Long.MAX_VALUE ? null : Instant.ofEpochMilli(emitTo);
  }

  /**
   * Where emitting stops, in epoch milliseconds: {@link #emitTo()}, or for a window without
   * end the end of the year 9999 in the traffic's zone (formats print four-digit years).
   */
  long stopMillis() {
    return stopMillis;
  }

  /** Which slice this is (0 for the whole run). */
  public int sliceIndex() {
    return sliceIndex;
  }

  /** How many slices the run was cut into (1 for the whole run). */
  public int sliceCount() {
    return sliceCount;
  }

  @Override
  public String toString() {
    return "LogGenerator[seed=" + seed + ", site=" + site.name() + ", sessionsPerHour="
        + traffic.sessionsPerHour() + ", zone=" + traffic.zone() + ", start=" + start
        + ", duration=" + (duration == null ? "endless" : duration)
        + (sliceCount > 1 ? ", slice=" + sliceIndex + "/" + sliceCount : "")
        + ", scenarios=" + scenarios.size() + "]";
  }

  /**
   * Builds a {@link LogGenerator}. Setters check their argument at once; a second call of
   * {@link #seed} or {@link #window} on one builder is an error (a builder from
   * {@link LogGenerator#toBuilder()} holds the original's values, which may be set once).
   * The other setters replace an earlier value, so that settings can be laid over a builder
   * (as {@link dev.loggen.core.config.CoreSettings#applyTo} lays a configuration file's), and
   * {@link #scenario} adds to the list.
   * Every setting has a default: seed 0, the {@code shop} site and its model, 2,000 sessions
   * per hour, one day from {@link #DEFAULT_START}.
   */
  public static final class Builder {
    /** 0001-01-01T00:00:00Z, the first instant the formats print. */
    private static final long MIN_MILLIS = -62_135_596_800_000L;
    /** 10000-01-01T00:00:00Z, the first instant the formats cannot print (five-digit year). */
    static final long END_MILLIS = 253_402_300_800_000L;

    private long seed;
    private boolean seedSet;
    private Site site = Sites.shop();
    private @Nullable SessionModel model;
    private Traffic traffic = Traffic.sessionsPerHour(2_000);
    private @Nullable SessionSettings sessions;
    private Visitors visitors = Visitors.DEFAULT;
    private final List<Scenario> scenarios = new ArrayList<>();
    private Instant start = DEFAULT_START;
    private @Nullable Duration duration = DEFAULT_DURATION;
    private boolean windowSet;

    private Builder() {}

    /** The seed that determines the whole output (default 0). */
    public Builder seed(long newSeed) {
      if (seedSet) {
        throw new IllegalStateException("seed was already set to " + seed);
      }
      seedSet = true;
      this.seed = newSeed;
      return this;
    }

    /** The site (default {@link Sites#shop()}). */
    public Builder site(Site newSite) {
      this.site = Objects.requireNonNull(newSite, "site");
      return this;
    }

    /** The session model (default: the site's own). */
    public Builder model(SessionModel newModel) {
      this.model = Objects.requireNonNull(newModel, "model");
      return this;
    }

    /** The traffic (default 2,000 sessions per hour, diurnal, UTC). */
    public Builder traffic(Traffic newTraffic) {
      this.traffic = Objects.requireNonNull(newTraffic, "traffic");
      return this;
    }

    /** Session lengths, think times and hard bounds (default: the site's own). */
    public Builder sessions(SessionSettings newSessions) {
      this.sessions = Objects.requireNonNull(newSessions, "sessions");
      return this;
    }

    /** Who visits: returning share, IPv6, bots. */
    public Builder visitors(Visitors newVisitors) {
      this.visitors = Objects.requireNonNull(newVisitors, "visitors");
      return this;
    }

    /**
     * Adds a scenario (an outage, an attack, ...) at the end of the list. The order matters to
     * the output: each scenario draws from a random stream keyed by its place in the list, so the
     * same seed and the same scenarios in the same order give the same output, and the same
     * scenarios added in another order give other sessions (as another seed would).
     *
     * <p>{@link #build()} refuses scenarios that start sessions of their own (flash crowds,
     * credential stuffing) whose rates, added up where their windows overlap, with the traffic's
     * peak and the uptime monitor exceed {@link LogGenerator#MAX_COMBINED_PER_HOUR}.
     */
    public Builder scenario(Scenario scenario) {
      scenarios.add(Objects.requireNonNull(scenario, "scenario"));
      return this;
    }

    /**
     * The simulated window {@code [start, start + duration)}. {@link #build()} checks that it
     * lies within the years 1 to 9999 in the traffic's zone (the formats print four-digit
     * years); a window without end stops at the end of the year 9999. Events have millisecond
     * times, and so has the window: a finer part of the start or the duration (as
     * {@code Instant.now()} has) is cut off, and {@link #start()} and {@link #duration()} give
     * the window used.
     *
     * @param newDuration a positive length, or {@code null} for a window without end (use a
     *     line limit then)
     */
    public Builder window(Instant newStart, @Nullable Duration newDuration) {
      if (windowSet) {
        throw new IllegalStateException("window was already set to " + start + " + "
            + duration);
      }
      Objects.requireNonNull(newStart, "start");
      if (newDuration != null && (newDuration.isZero() || newDuration.isNegative())) {
        throw new IllegalArgumentException("window duration must be positive (got "
            + newDuration + ")");
      }
      if (newDuration != null && newDuration.compareTo(Duration.ofMillis(1)) < 0) {
        // Events have millisecond times: a shorter window could hold none.
        throw new IllegalArgumentException("window duration must be at least 1 ms (got "
            + newDuration + ")");
      }
      if (newDuration != null && newDuration.compareTo(MAX_DURATION) > 0) {
        throw new IllegalArgumentException("window duration must be at most 1000 years (got "
            + newDuration + ")");
      }
      windowSet = true;
      this.start = newStart.truncatedTo(ChronoUnit.MILLIS);
      this.duration = newDuration == null ? null : newDuration.truncatedTo(ChronoUnit.MILLIS);
      return this;
    }

    /**
     * Checks the settings together and builds the generator.
     *
     * @throws IllegalArgumentException naming the setting, its value and what was expected
     */
    public LogGenerator build() {
      SessionModel m = model != null ? model : site.model();
      List<String> stateNames = Objects.requireNonNull(m.states(), "model.states");
      for (int i = 0; i < stateNames.size(); i++) {
        if (stateNames.get(i) == null) {
          throw new IllegalArgumentException("model.states[" + i + "] is null: expected a state"
              + " name (model " + m + ")");
        }
      }
      if (m.startState() < 0 || m.startState() >= m.states().size()) {
        throw new IllegalArgumentException("model.startState must index model.states (got "
            + m.startState() + " for " + m.states().size() + " states)");
      }
      long s;
      try {
        s = start.toEpochMilli();
        if (duration != null) {
          Math.addExact(s, duration.toMillis());
        }
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("window " + start + " + " + duration
            + " is outside the representable time range", e);
      }
      ZoneRules rules = traffic.zone().getRules();
      long localStart = s < MIN_MILLIS || s >= END_MILLIS ? s : s + offsetMillis(rules, s);
      if (localStart < MIN_MILLIS || localStart >= END_MILLIS) {
        throw new IllegalArgumentException("window start must be between years 1 and 9999 (got "
            + start + (localStart == s ? "" : ", which is " + local(start, traffic.zone()))
            + ")");
      }
      long to = Long.MAX_VALUE;
      if (duration != null) {
        to = s + duration.toMillis();
        long last = to - 1;
        if (last + offsetMillis(rules, last) >= END_MILLIS) {
          Instant end = Instant.ofEpochMilli(to);
          throw new IllegalArgumentException("window must end by the end of the year 9999"
              + " (got " + start + " + " + Printable.duration(duration) + ", which ends at "
              + (offsetMillis(rules, last) == 0 ? end : local(end, traffic.zone())) + ")");
        }
      }
      double perBlock = traffic.sessionsPerHour() / 60;
      if (perBlock > 4_000_000) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "sessionsPerHour must be at most 240000000 (got %s)",
            compact(traffic.sessionsPerHour(), "%.0f")));
      }
      double peak = checkPeak(traffic);
      for (Scenario sc : scenarios) {
        if (sc instanceof Scenario.FlashCrowd f && site.page(f.pageName()) == null) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "scenario %s: page '%s' is not a page of site %s: expected one of %s", f.label(),
              f.pageName(), site.name(),
              site.pages().stream().map(Page::name).collect(Collectors.joining(", "))));
        }
      }
      checkCombined(peak, visitors, scenarios);
      return new LogGenerator(this, s, to, 0, 1);
    }

    /**
     * Checks that the busiest minute the traffic can have fits in one block: arrivals beyond
     * what a block holds would be left out, and the log must not drop traffic silently.
     */
    private static double checkPeak(Traffic traffic) {
      double hour = TrafficPeak.busiestHour(traffic);
      double day = TrafficPeak.busiestWeekday(traffic);
      double bursts = TrafficPeak.burstFactor(traffic);
      double peak = traffic.sessionsPerHour() * hour * day * bursts;
      if (peak > MAX_PEAK_PER_HOUR) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "traffic peaks at %s sessions per hour (sessionsPerHour %.0f x busiest hour %.2f"
                + " x busiest weekday %.2f x bursts %s): at most %.0f per hour can be"
                + " generated", compact(peak, "%.0f"), traffic.sessionsPerHour(), hour, day,
            compact(bursts, "%.2f"), MAX_PEAK_PER_HOUR));
      }
      return peak;
    }

    /**
     * Checks that the sessions that may start in one block, the traffic at its peak, the
     * monitor's checks and the scenarios whose windows overlap added up, stay within
     * {@link #MAX_COMBINED_PER_HOUR}: a block numbers its sessions within 2^24 ids, and the
     * sessions past those would share ids with the next block's.
     */
    private static void checkCombined(double peak, Visitors visitors, List<Scenario> scenarios) {
      long interval = visitors.monitorInterval().toMillis();
      double monitor = interval > 0 ? 3_600_000.0 / interval : 0;
      double[] rates = new double[scenarios.size()];
      for (int i = 0; i < rates.length; i++) {
        rates[i] = sessionsPerHour(scenarios.get(i));
      }
      for (Scenario at : scenarios) {
        // The busiest instant of overlapping windows is where one of them starts.
        long t = at.start().toEpochMilli();
        double total = peak + monitor;
        for (int i = 0; i < rates.length; i++) {
          if (rates[i] > 0 && scenarios.get(i).covers(t)) {
            total += rates[i];
          }
        }
        if (total > MAX_COMBINED_PER_HOUR) {
          StringBuilder named = new StringBuilder();
          for (int i = 0; i < rates.length; i++) {
            Scenario sc = scenarios.get(i);
            if (rates[i] > 0 && sc.covers(t)) {
              named.append(named.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                  "scenarios[%d] %s (%.0f sessions per hour)", i, sc.label(), rates[i]));
            }
          }
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "scenarios overlapping at %s start %s sessions per hour: %s, with the traffic's"
                  + " peak of %s and the monitor's %.0f; at most %.0f sessions per hour can be"
                  + " generated at any instant (a one-minute block has 2^24 session ids)",
              at.start(), compact(total, "%.0f"), named, compact(peak, "%.0f"), monitor,
              MAX_COMBINED_PER_HOUR));
        }
      }
    }

    /** The sessions per hour a scenario starts of its own (0 for those that change others). */
    private static double sessionsPerHour(Scenario sc) {
      if (sc instanceof Scenario.FlashCrowd f) {
        return f.sessionsPerHour();
      }
      if (sc instanceof Scenario.CredentialStuffing c) {
        // One session per burst of about 35 attempts (see the block source's arrivals).
        return c.attemptsPerMinute() / 35.0 * 60;
      }
      return 0;
    }

    /** {@code v} in {@code format}, or in scientific notation when that would be very long. */
    private static String compact(double v, String format) {
      return String.format(Locale.ROOT, v < 1e12 ? format : "%.3e", v);
    }

    /** The zone offset at {@code millis}, in milliseconds. */
    static long offsetMillis(ZoneRules rules, long millis) {
      return rules.getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds() * 1000L;
    }

    /**
     * {@code t} in {@code zone}, for messages: {@code 9999-12-31T22:00:00Z} in {@code +05:00}
     * is {@code +10000-01-01T03:00:00+05:00}, past the year 9999 where UTC is not.
     */
    private static String local(Instant t, ZoneId zone) {
      return t.atZone(zone).toOffsetDateTime() + (zone instanceof ZoneOffset ? ""
          : " (" + zone + ")");
    }
  }
}
