package dev.loggen.core.random;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Rng#nextGaussian()} (a ziggurat) against the standard normal: mean, variance, and the
 * share of draws below points of the distribution function, and the shape of the tail beyond
 * the ziggurat's base layer (3.44), which takes a separate path. Tolerances are five binomial
 * standard deviations, so a correct sampler fails about once in a few million runs.
 */
class GaussianTest {
  private static final int N = 400_000;
  /** Points and the standard normal distribution function there. */
  private static final double[] X = {-3.6, -3.0, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0, 3.6};
  private static final double[] PHI = {1.591e-4, 1.3499e-3, 2.27501e-2, 0.158655, 0.308538,
      0.5, 0.691462, 0.841345, 0.977250, 0.998650, 0.999841};

  /** The ziggurat's base-layer edge: draws beyond it come from the separate tail method. */
  private static final double R = 3.442619855899;
  /** E[|Z| - R given |Z| > R] and its standard deviation, for the standard normal. */
  private static final double TAIL_EXCESS_MEAN = 0.2546972;
  private static final double TAIL_EXCESS_SD = 0.2414616;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 12);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void matchesTheStandardNormal(long seed) {
    Rng rng = Rng.seeded(seed);
    long[] below = new long[X.length];
    double sum = 0;
    double sumSq = 0;
    long tail = 0;
    double tailExcess = 0;
    for (int i = 0; i < N; i++) {
      double z = rng.nextGaussian();
      sum += z;
      sumSq += z * z;
      if (Math.abs(z) > R) {
        tail++;
        tailExcess += Math.abs(z) - R;
      }
      for (int k = 0; k < X.length; k++) {
        if (z < X[k]) {
          below[k]++;
        }
      }
    }
    double mean = sum / N;
    double variance = sumSq / N - mean * mean;
    assertTrue(Math.abs(mean) < 5 / Math.sqrt(N), "seed " + seed + ": mean " + mean);
    assertTrue(Math.abs(variance - 1) < 5 * Math.sqrt(2.0 / N),
        "seed " + seed + ": variance " + variance);
    double excess = tailExcess / tail;
    assertTrue(tail > 100 && Math.abs(excess - TAIL_EXCESS_MEAN) < 5 * TAIL_EXCESS_SD
        / Math.sqrt(tail), "seed " + seed + ": " + tail + " draws beyond " + R
        + ", mean excess " + excess + ", expected " + TAIL_EXCESS_MEAN);
    for (int k = 0; k < X.length; k++) {
      double p = PHI[k];
      double share = below[k] / (double) N;
      double sd = Math.sqrt(p * (1 - p) / N);
      assertTrue(Math.abs(share - p) < 5 * sd, "seed " + seed + ": P(z < " + X[k] + ") = "
          + share + ", expected " + p + " +- " + 5 * sd);
    }
  }
}
