package dev.loggen.core.internal;

import dev.loggen.core.Traffic;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The busiest rate a {@link Traffic} can reach, as {@link dev.loggen.core.LogGenerator}'s build
 * bounds it and the configuration binder explains it: the base rate times the busiest hour's
 * and the busiest weekday's factors, times the multipliers of the bursts running at the
 * busiest instant of overlapping bursts, which is where one of them starts or, when a burst
 * below 1 ends while others run, where it ends.
 */
public final class TrafficPeak {
  private TrafficPeak() {}

  /** Sessions per hour times the busiest hour's factor times the busiest weekday's factor. */
  public static double withoutBursts(Traffic traffic) {
    return traffic.sessionsPerHour() * busiestHour(traffic) * busiestWeekday(traffic);
  }

  /** The largest hourly factor. */
  public static double busiestHour(Traffic traffic) {
    return Collections.max(traffic.hourly());
  }

  /** The largest weekday factor. */
  public static double busiestWeekday(Traffic traffic) {
    return Collections.max(traffic.weekday());
  }

  /**
   * The bursts other than {@code burst} that run at its start: how many, and the product of
   * their multipliers.
   */
  public record Overlap(int count, double product) {}

  /**
   * The bursts of {@code bursts} other than {@code burst} that run at its start.
   *
   * @param bursts the traffic's bursts
   * @param burst one of them
   * @return their number and the product of their multipliers (1 for none)
   */
  public static Overlap othersAtStart(List<Traffic.Burst> bursts, Traffic.Burst burst) {
    return running(bursts, burst.start().toEpochMilli(), burst);
  }

  /**
   * The bursts of {@code bursts} running at {@code burst}'s end (its own end excluded, as a
   * burst runs up to its end): how many, and the product of their multipliers. Where
   * {@code burst}'s multiplier is below 1, the traffic rises there.
   *
   * @param bursts the traffic's bursts
   * @param burst one of them
   * @return their number and the product of their multipliers (1 for none)
   */
  public static Overlap runningAtEnd(List<Traffic.Burst> bursts, Traffic.Burst burst) {
    return running(bursts, burst.start().toEpochMilli() + burst.duration().toMillis(), null);
  }

  /** The bursts of {@code bursts} other than {@code except} that run at {@code millis}. */
  private static Overlap running(List<Traffic.Burst> bursts, long millis,
      Traffic.@Nullable Burst except) {
    double product = 1;
    int count = 0;
    for (Traffic.Burst o : bursts) {
      if (o != except && o.contains(millis)) {
        product *= o.multiplier();
        count++;
      }
    }
    return new Overlap(count, product);
  }

  /**
   * The largest product of the multipliers of the bursts running at one instant (1 for none):
   * the product only changes where a burst starts or ends, so those instants are all there is
   * to look at. (Before, only the starts were: a burst below 1 that ended inside a busier
   * overlap let the traffic past the peak unchecked.)
   */
  public static double burstFactor(Traffic traffic) {
    List<Traffic.Burst> bursts = traffic.bursts();
    double factor = 1;
    for (Traffic.Burst b : bursts) {
      factor = Math.max(factor, b.multiplier() * othersAtStart(bursts, b).product());
      factor = Math.max(factor, runningAtEnd(bursts, b).product());
    }
    return factor;
  }
}
