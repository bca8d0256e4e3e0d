package dev.loggen.core.random;

/** Integer-valued samplers: geometric and Poisson. */
public final class Discrete {
  private Discrete() {}

  /**
   * The number of failures before the first success in trials with success probability
   * {@code p}: mean {@code (1 - p) / p}, up to a cap. A count above {@link Integer#MAX_VALUE}
   * is returned as {@code Integer.MAX_VALUE}, which makes the mean
   * {@code (1 - p) / p * (1 - (1 - p)^(2^31 - 1))}: short of {@code (1 - p) / p} by less than
   * one part in a million for {@code p} above 6.5e-9, but by 12% at {@code p = 1e-9}.
   */
  public static int geometric(Rng rng, double p) {
    if (!(p > 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in (0, 1] (got " + p + ")");
    }
    if (p == 1) {
      return 0;
    }
    double v = Math.floor(Math.log(rng.nextDoubleNonZero()) / Math.log1p(-p));
    return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
  }

  /**
   * A Poisson count with mean {@code lambda}: Knuth's product method below 30, Hörmann's
   * transformed rejection (PTRS) above. A count above {@link Long#MAX_VALUE} (possible from
   * {@code lambda} a little below 2^63, about 9.22e18, on) is returned as
   * {@code Long.MAX_VALUE}, which every draw is from 9.3e18 on.
   */
  public static long poisson(Rng rng, double lambda) {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be finite and >= 0 (got " + lambda + ")");
    }
    if (lambda == 0) {
      return 0;
    }
    if (lambda < 30) {
      double limit = Math.exp(-lambda);
      long k = 0;
      double prod = rng.nextDouble();
      while (prod > limit) {
        k++;
        prod *= rng.nextDouble();
      }
      return k;
    }
    double slam = Math.sqrt(lambda);
    double loglam = Math.log(lambda);
    double b = 0.931 + 2.53 * slam;
    double a = -0.059 + 0.02483 * b;
    double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) {
        return k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
          <= -lambda + k * loglam - logFactorial(k)) {
        return k;
      }
    }
  }

  /** {@code ln(k!)}: exact below 20, Stirling's series above. */
  static double logFactorial(long k) {
    if (k < 20) {
      double r = 0;
      for (long i = 2; i <= k; i++) {
        r += Math.log(i);
      }
      return r;
    }
    double x = k + 1.0;
    return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI)
        + 1 / (12 * x) - 1 / (360 * x * x * x);
  }
}
