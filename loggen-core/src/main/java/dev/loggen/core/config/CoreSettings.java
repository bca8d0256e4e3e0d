package dev.loggen.core.config;

import dev.loggen.core.LogGenerator;
import dev.loggen.core.Scenario;
import dev.loggen.core.SessionSettings;
import dev.loggen.core.Site;
import dev.loggen.core.Traffic;
import dev.loggen.core.Visitors;
import dev.loggen.core.engine.SessionModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The core settings a configuration gave: what it sets is non-null, what it leaves out is null
 * (the builder's default applies). A command-line tool applies its options on top with the
 * {@code withX} methods, then {@link #applyTo applies} the result to a
 * {@link LogGenerator.Builder} (whose seed and window can be set only once).
 *
 * @param seed the seed
 * @param window the simulated window
 * @param site the site (a built-in profile or a custom site)
 * @param model the session model given by {@code states}; null for the site's own
 * @param traffic the traffic
 * @param sessions the session settings
 * @param visitors the visitor settings
 * @param scenarios the scenarios, in file order
 * @param relativeStarts which scenario and burst starts the configuration wrote relative to the
 *     window start ({@code start: 6h}), for {@link #movedTo}
 */
public record CoreSettings(@Nullable Long seed, @Nullable Window window, @Nullable Site site,
    @Nullable SessionModel model, @Nullable Traffic traffic, @Nullable SessionSettings sessions,
    @Nullable Visitors visitors, List<Scenario> scenarios, RelativeStarts relativeStarts) {

  /** Nothing set: every default applies. */
  public static final CoreSettings EMPTY =
      new CoreSettings(null, null, null, null, null, null, null, List.of());

  /**
   * Copies the list.
   *
   * @param seed the seed, or null
   * @param window the window, or null
   * @param site the site, or null
   * @param model the session model, or null
   * @param traffic the traffic, or null
   * @param sessions the session settings, or null
   * @param visitors the visitor settings, or null
   * @param scenarios the scenarios
   * @param relativeStarts the starts given relative to the window start
   */
  public CoreSettings {
    scenarios = List.copyOf(Objects.requireNonNull(scenarios, "scenarios"));
    Objects.requireNonNull(relativeStarts, "relativeStarts");
  }

  /**
   * Settings whose scenario and burst starts are all instants.
   *
   * @param seed the seed, or null
   * @param window the window, or null
   * @param site the site, or null
   * @param model the session model, or null
   * @param traffic the traffic, or null
   * @param sessions the session settings, or null
   * @param visitors the visitor settings, or null
   * @param scenarios the scenarios
   */
  public CoreSettings(@Nullable Long seed, @Nullable Window window, @Nullable Site site,
      @Nullable SessionModel model, @Nullable Traffic traffic, @Nullable SessionSettings sessions,
      @Nullable Visitors visitors, List<Scenario> scenarios) {
    this(seed, window, site, model, traffic, sessions, visitors, scenarios, RelativeStarts.NONE);
  }

  /**
   * {@return a copy with another seed}
   *
   * @param newSeed the seed
   */
  public CoreSettings withSeed(long newSeed) {
    return new CoreSettings(newSeed, window, site, model, traffic, sessions, visitors, scenarios,
        relativeStarts);
  }

  /**
   * {@return a copy with another window}
   *
   * @param newWindow the window
   */
  public CoreSettings withWindow(Window newWindow) {
    return new CoreSettings(seed, Objects.requireNonNull(newWindow, "window"), site, model,
        traffic, sessions, visitors, scenarios, relativeStarts);
  }

  /**
   * {@return a copy with another site}
   *
   * @param newSite the site
   */
  public CoreSettings withSite(Site newSite) {
    return new CoreSettings(seed, window, Objects.requireNonNull(newSite, "site"), model,
        traffic, sessions, visitors, scenarios, relativeStarts);
  }

  /**
   * {@return a copy with other traffic} {@link #relativeStarts} keeps counting its bursts by
   * position: give it the same bursts (as {@link Traffic#withSessionsPerHour} and
   * {@link Traffic#flat} do), or none.
   *
   * @param newTraffic the traffic
   */
  public CoreSettings withTraffic(Traffic newTraffic) {
    return new CoreSettings(seed, window, site, model,
        Objects.requireNonNull(newTraffic, "traffic"), sessions, visitors, scenarios,
        relativeStarts);
  }

  /**
   * A copy for a run in {@code newWindow}, with the scenarios and bursts moved to keep their
   * place. When these settings have a window, every scenario and burst moves by the distance
   * between its start and the new one: the configuration describes that stretch of time, and it
   * moves as a whole. Without one, the starts given relative to the window start
   * ({@code start: 6h}, see {@link #relativeStarts}) count from the new start, and those given as
   * instants stay where they are.
   *
   * @param newWindow the window of the run
   * @return the moved settings, with {@code newWindow}
   */
  public CoreSettings movedTo(Window newWindow) {
    Objects.requireNonNull(newWindow, "newWindow");
    Duration shift = Duration.between(window != null ? window.start()
        : LogGenerator.DEFAULT_START, newWindow.start());
    List<Scenario> moved = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      Scenario sc = scenarios.get(i);
      moved.add(window != null || relativeStarts.scenarios().contains(i)
          ? sc.withStart(sc.start().plus(shift)) : sc);
    }
    Traffic t = traffic;
    if (t != null && !t.bursts().isEmpty()) {
      List<Traffic.Burst> bursts = new ArrayList<>();
      for (int i = 0; i < t.bursts().size(); i++) {
        Traffic.Burst b = t.bursts().get(i);
        bursts.add(window != null || relativeStarts.bursts().contains(i)
            ? b.withStart(b.start().plus(shift)) : b);
      }
      t = new Traffic(t.sessionsPerHour(), t.hourly(), t.weekday(), t.zone(), bursts);
    }
    return new CoreSettings(seed, newWindow, site, model, t, sessions, visitors, moved,
        relativeStarts);
  }

  /**
   * Sets on {@code builder} everything these settings give.
   *
   * @param builder the builder
   * @return {@code builder}
   * @throws IllegalStateException when the builder's seed or window was already set and these
   *     settings set it too
   */
  public LogGenerator.Builder applyTo(LogGenerator.Builder builder) {
    Objects.requireNonNull(builder, "builder");
    if (seed != null) {
      builder.seed(seed);
    }
    if (window != null) {
      builder.window(window.start(), window.duration());
    }
    if (site != null) {
      builder.site(site);
    }
    if (model != null) {
      builder.model(model);
    }
    if (traffic != null) {
      builder.traffic(traffic);
    }
    if (sessions != null) {
      builder.sessions(sessions);
    }
    if (visitors != null) {
      builder.visitors(visitors);
    }
    scenarios.forEach(builder::scenario);
    return builder;
  }

  /** {@return a new {@link LogGenerator.Builder} with these settings} */
  public LogGenerator.Builder toBuilder() {
    return applyTo(LogGenerator.builder());
  }

  /**
   * Which scenario and burst starts a configuration wrote as a duration after the window start
   * ({@code start: 6h}) rather than as an instant: by position in {@link #scenarios()} and in the
   * traffic's {@link Traffic#bursts()}. They count from the start of whatever window the run has
   * ({@link #movedTo}).
   *
   * @param scenarios positions in the scenarios
   * @param bursts positions in the bursts
   */
  public record RelativeStarts(Set<Integer> scenarios, Set<Integer> bursts) {
    /** Every start an instant. */
    public static final RelativeStarts NONE = new RelativeStarts(Set.of(), Set.of());

    /**
     * Copies the sets.
     *
     * @param scenarios positions in the scenarios
     * @param bursts positions in the bursts
     */
    public RelativeStarts {
      scenarios = Set.copyOf(scenarios);
      bursts = Set.copyOf(bursts);
    }
  }

  /**
   * The simulated window {@code [start, start + duration)}.
   *
   * @param start the start
   * @param duration a positive length, or null for a window without end
   */
  public record Window(Instant start, @Nullable Duration duration) {
    /**
     * Checks the fields.
     *
     * @param start the start
     * @param duration a positive length, or null for no end
     */
    public Window {
      Objects.requireNonNull(start, "start");
      if (duration != null && (duration.isZero() || duration.isNegative())) {
        throw new IllegalArgumentException("window duration must be positive (got " + duration
            + ")");
      }
    }
  }
}
