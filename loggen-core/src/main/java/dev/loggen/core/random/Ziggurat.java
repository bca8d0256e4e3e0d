package dev.loggen.core.random;

/**
 * Standard normal values by Marsaglia and Tsang's ziggurat (J. Stat. Softw. 5(8), 2000) with 128
 * layers: about 99% of draws take one 64-bit value, a table look-up and a multiplication, where
 * Box-Muller takes two values, a logarithm, a square root and a cosine. Every response time and
 * file size is lognormal, so this is on the generator's hot path.
 *
 * <p>The layer comes from the low 7 bits and the value from the high 32, so the two are
 * independent (the original took both from one 32-bit value).
 */
final class Ziggurat {
  private static final int LAYERS = 128;
  /** Where the tail starts: the right edge of the base layer. */
  private static final double R = 3.442619855899;
  /** The area of each layer. */
  private static final double AREA = 9.91256303526217e-3;
  private static final double SCALE = 0x1.0p31;

  /** Per layer: below this magnitude of the 32-bit value, the point is under the curve. */
  private static final long[] K = new long[LAYERS];
  /** Per layer: its width over 2^31 (the 32-bit value times it gives x). */
  private static final double[] W = new double[LAYERS];
  /** Per layer: the density at its upper edge. */
  private static final double[] F = new double[LAYERS];

  static {
    double x = R;
    double q = AREA / density(R);
    K[0] = (long) (R / q * SCALE);
    K[1] = 0;
    W[0] = q / SCALE;
    W[LAYERS - 1] = R / SCALE;
    F[0] = 1;
    F[LAYERS - 1] = density(R);
    for (int i = LAYERS - 2; i >= 1; i--) {
      double next = Math.sqrt(-2 * Math.log(AREA / x + density(x)));
      K[i + 1] = (long) (next / x * SCALE);
      x = next;
      F[i] = density(x);
      W[i] = x / SCALE;
    }
  }

  private Ziggurat() {}

  /** The unnormalised standard normal density. */
  private static double density(double x) {
    return Math.exp(-0.5 * x * x);
  }

  /** One standard normal value from {@code rng}. */
  static double next(Rng rng) {
    while (true) {
      long bits = rng.nextLong();
      int layer = (int) (bits & (LAYERS - 1));
      long hz = bits >> 32;
      double x = hz * W[layer];
      if (Math.abs(hz) < K[layer]) {
        return x; // inside the layer's rectangle that lies wholly under the curve
      }
      if (layer == 0) {
        return tail(rng, hz > 0);
      }
      // The wedge between the rectangle and the curve: accept by the density.
      if (F[layer] + rng.nextDouble() * (F[layer - 1] - F[layer]) < density(x)) {
        return x;
      }
    }
  }

  /** A value beyond {@link #R} (Marsaglia's tail method), with the given sign. */
  private static double tail(Rng rng, boolean positive) {
    double x;
    double y;
    do {
      x = -Math.log(rng.nextDoubleNonZero()) / R;
      y = -Math.log(rng.nextDoubleNonZero());
    } while (y + y < x * x);
    return positive ? R + x : -R - x;
  }
}
