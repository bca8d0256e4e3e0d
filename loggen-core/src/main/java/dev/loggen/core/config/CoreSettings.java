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
import java.util.List;
import java.util.Objects;
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
 */
public record CoreSettings(@Nullable Long seed, @Nullable Window window, @Nullable Site site,
    @Nullable SessionModel model, @Nullable Traffic traffic, @Nullable SessionSettings sessions,
    @Nullable Visitors visitors, List<Scenario> scenarios) {

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
   */
  public CoreSettings {
    scenarios = List.copyOf(Objects.requireNonNull(scenarios, "scenarios"));
  }

  /**
   * {@return a copy with another seed}
   *
   * @param newSeed the seed
   */
  public CoreSettings withSeed(long newSeed) {
    return new CoreSettings(newSeed, window, site, model, traffic, sessions, visitors, scenarios);
  }

  /**
   * {@return a copy with another window}
   *
   * @param newWindow the window
   */
  public CoreSettings withWindow(Window newWindow) {
    return new CoreSettings(seed, Objects.requireNonNull(newWindow, "window"), site, model,
        traffic, sessions, visitors, scenarios);
  }

  /**
   * {@return a copy with another site}
   *
   * @param newSite the site
   */
  public CoreSettings withSite(Site newSite) {
    return new CoreSettings(seed, window, Objects.requireNonNull(newSite, "site"), model,
        traffic, sessions, visitors, scenarios);
  }

  /**
   * {@return a copy with other traffic}
   *
   * @param newTraffic the traffic
   */
  public CoreSettings withTraffic(Traffic newTraffic) {
    return new CoreSettings(seed, window, site, model,
        Objects.requireNonNull(newTraffic, "traffic"), sessions, visitors, scenarios);
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
