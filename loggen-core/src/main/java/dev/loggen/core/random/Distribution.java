package dev.loggen.core.random;

/**
 * A real-valued distribution the engine samples from: response sizes, response times, think
 * times. Implementations are immutable records; {@link Distributions} has the factories.
 */
public interface Distribution {

  /** One value drawn with {@code rng}. */
  double sample(Rng rng);

  /** The analytic mean ({@link Double#POSITIVE_INFINITY} where it does not exist). */
  double mean();

  /** The analytic quantile at {@code p} in {@code (0, 1)}. */
  double quantile(double p);
}
