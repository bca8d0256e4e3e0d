package dev.loggen.core.random;

import java.util.Locale;

/**
 * Factories and implementations of the distributions loggen uses. Each validates its parameters
 * and says which one was wrong and what it got.
 */
public final class Distributions {
  private Distributions() {}

  /** A constant value. */
  public static Distribution constant(double value) {
    return new Constant(value);
  }

  /** Uniform on {@code [lo, hi]}. */
  public static Distribution uniform(double lo, double hi) {
    return new Uniform(lo, hi);
  }

  /** Exponential with the given mean. */
  public static Distribution exponential(double mean) {
    return new Exponential(mean);
  }

  /**
   * Lognormal given by its median and the p90/median ratio's logarithm spread: {@code sigma} is
   * the standard deviation of {@code ln X}.
   */
  public static Distribution lognormal(double median, double sigma) {
    return new LogNormal(Math.log(positive("median", median)), sigma);
  }

  /** Pareto with scale {@code xm} (the minimum) and shape {@code alpha}. */
  public static Distribution pareto(double xm, double alpha) {
    return new Pareto(xm, alpha);
  }

  /**
   * Pareto with scale {@code xm} (the minimum) and shape {@code alpha}, truncated at {@code max}:
   * values stay below {@code max}, in the proportions the unbounded one has there. Real file
   * sizes have such a bound (no product photo is a gigabyte), where an unbounded tail with
   * {@code alpha} near 1 draws one now and then.
   */
  public static Distribution pareto(double xm, double alpha, double max) {
    return new BoundedPareto(xm, alpha, max);
  }

  /**
   * A lognormal body with a Pareto tail, as web file sizes are (Barford and Crovella): with
   * probability {@code tailShare} a value from {@code Pareto(tailStart, alpha)}, otherwise from
   * the lognormal body.
   */
  public static Distribution lognormalWithParetoTail(
      double median, double sigma, double tailShare, double tailStart, double alpha) {
    return new Mixture(lognormal(median, sigma), pareto(tailStart, alpha),
        probability("tailShare", tailShare));
  }

  /**
   * As {@link #lognormalWithParetoTail(double, double, double, double, double)}, with the tail
   * truncated at {@code max} ({@link #pareto(double, double, double)}).
   */
  public static Distribution lognormalWithParetoTail(double median, double sigma,
      double tailShare, double tailStart, double alpha, double max) {
    return new Mixture(lognormal(median, sigma), pareto(tailStart, alpha, max),
        probability("tailShare", tailShare));
  }

  static double positive(String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s must be a positive finite number (got %s)", name, v));
    }
    return v;
  }

  static double probability(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s must be a probability between 0 and 1 (got %s)", name, v));
    }
    return v;
  }

  static void checkP(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1) (got " + p + ")");
    }
  }

  /**
   * The inverse of the standard normal distribution function (Acklam's rational approximation,
   * relative error below 1.15e-9).
   */
  public static double normalQuantile(double p) {
    checkP(p);
    final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    double q;
    if (p < 0.02425) {
      q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - 0.02425) {
      q = Math.sqrt(-2 * Math.log(1 - p));
      return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }

  /**
   * A constant.
   *
   * @param value the value
   */
  public record Constant(double value) implements Distribution {
    /** Checks the value is finite and not negative. */
    public Constant {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("value must be finite and >= 0 (got " + value + ")");
      }
    }

    @Override
    public double sample(Rng rng) {
      return value;
    }

    @Override
    public double mean() {
      return value;
    }

    @Override
    public double quantile(double p) {
      checkP(p);
      return value;
    }
  }

  /**
   * Uniform on {@code [lo, hi]}.
   *
   * @param lo lower bound, at least 0
   * @param hi upper bound, at least {@code lo}
   */
  public record Uniform(double lo, double hi) implements Distribution {
    /** Checks the bounds. */
    public Uniform {
      if (!(lo >= 0) || !(hi >= lo) || Double.isInfinite(hi)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "uniform bounds must satisfy 0 <= lo <= hi < infinity (got lo=%s, hi=%s)", lo, hi));
      }
    }

    @Override
    public double sample(Rng rng) {
      return lo + (hi - lo) * rng.nextDouble();
    }

    @Override
    public double mean() {
      return (lo + hi) / 2;
    }

    @Override
    public double quantile(double p) {
      checkP(p);
      return lo + (hi - lo) * p;
    }
  }

  /**
   * Exponential.
   *
   * @param mean the mean, positive
   */
  public record Exponential(double mean) implements Distribution {
    /** Checks the mean. */
    public Exponential {
      positive("mean", mean);
    }

    @Override
    public double sample(Rng rng) {
      return rng.nextExponential(mean);
    }

    @Override
    public double quantile(double p) {
      checkP(p);
      return -mean * Math.log(1 - p);
    }
  }

  /**
   * Lognormal: {@code ln X ~ Normal(mu, sigma)}.
   *
   * @param mu mean of {@code ln X}
   * @param sigma standard deviation of {@code ln X}, positive
   */
  public record LogNormal(double mu, double sigma) implements Distribution {
    /** Checks the parameters. */
    public LogNormal {
      if (!Double.isFinite(mu)) {
        throw new IllegalArgumentException("mu must be finite (got " + mu + ")");
      }
      positive("sigma", sigma);
    }

    @Override
    public double sample(Rng rng) {
      return Math.exp(mu + sigma * rng.nextGaussian());
    }

    @Override
    public double mean() {
      return Math.exp(mu + sigma * sigma / 2);
    }

    @Override
    public double quantile(double p) {
      return Math.exp(mu + sigma * normalQuantile(p));
    }
  }

  /**
   * Pareto (type I).
   *
   * @param xm scale, the smallest value, positive
   * @param alpha shape (tail index), positive; smaller is heavier
   */
  public record Pareto(double xm, double alpha) implements Distribution {
    /** Checks the parameters. */
    public Pareto {
      positive("xm", xm);
      positive("alpha", alpha);
    }

    @Override
    public double sample(Rng rng) {
      return xm / Math.pow(rng.nextDoubleNonZero(), 1 / alpha);
    }

    @Override
    public double mean() {
      return alpha <= 1 ? Double.POSITIVE_INFINITY : alpha * xm / (alpha - 1);
    }

    @Override
    public double quantile(double p) {
      checkP(p);
      return xm / Math.pow(1 - p, 1 / alpha);
    }
  }

  /**
   * Pareto truncated at {@code max}: the distribution of a Pareto value given that it is below
   * {@code max}, drawn by inverting its distribution function
   * {@code F(x) = (1 - (xm/x)^alpha) / (1 - (xm/max)^alpha)}.
   *
   * @param xm the minimum
   * @param alpha the shape
   * @param max the bound, above {@code xm}
   */
  public record BoundedPareto(double xm, double alpha, double max) implements Distribution {
    /** Checks the parameters. */
    public BoundedPareto {
      positive("xm", xm);
      positive("alpha", alpha);
      positive("max", max);
      if (!(max > xm)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "max must be above xm (got xm=%s, max=%s)", xm, max));
      }
    }

    /**
     * {@code (xm/max)^alpha}: the untruncated tail's probability beyond {@code max}. A ratio
     * below the normal doubles (a window wider than about e^708) has lost its digits, or is 0:
     * {@code e^(-alpha L)} then.
     */
    private double beyond() {
      double ratio = xm / max;
      return ratio >= Double.MIN_NORMAL ? Math.pow(ratio, alpha) : Math.exp(-alpha * span());
    }

    /** {@code L = ln(max/xm)}, without overflow or rounding for a ratio near 1. */
    private double span() {
      double ratio = max / xm;
      return ratio < 2 ? Math.log1p((max - xm) / xm)
          : Double.isInfinite(ratio) ? Math.log(max) - Math.log(xm) : Math.log(ratio);
    }

    /**
     * Whether {@code d = (xm/max)^alpha} is so near 1 ({@code alpha L} so small) that
     * {@code 1 - d} keeps too few of its bits for the closed form (none at all when
     * {@code alpha L} is below about 1e-16: the draws then take a handful of values, or only
     * {@code xm}). Above this the closed form loses at most 10 bits, and keeps the values it
     * has always given.
     */
    private static boolean cancels(double d) {
      return 1 - d < 0x1p-10;
    }

    /**
     * The quantile at {@code q} in {@code [0, 1)} for a small {@code alpha L}, in logarithms:
     * {@code ln(x/xm) = -ln(1 - q c)/alpha} with {@code c = 1 - (xm/max)^alpha}, which tends
     * to {@code q L} (log-uniform) as {@code alpha L} tends to 0.
     */
    private double smallShapeQuantile(double q) {
      double l = span();
      double t = alpha * l;
      double y = t < 1e-20 ? q * l : -Math.log1p(q * Math.expm1(-t)) / alpha;
      double e = Math.exp(y);
      return Math.min(max, Double.isInfinite(e) ? Math.exp(Math.log(xm) + y) : xm * e);
    }

    @Override
    public double sample(Rng rng) {
      double d = beyond();
      if (cancels(d)) {
        // u in (0, 1] is the closed form's 1 - q; 1 - u is exact
        return smallShapeQuantile(1 - rng.nextDoubleNonZero());
      }
      return Math.min(max, xm / Math.pow(d + (1 - d) * rng.nextDoubleNonZero(), 1 / alpha));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Finite for every valid parameter: with {@code L = ln(max/xm)}, the mean is
     * {@code xm * alpha/(1 - e^(-alpha L)) * (e^((1-alpha) L) - 1)/(1 - alpha)}, computed
     * with {@code expm1} so that neither a shape near 0 or near 1 nor a bound far above
     * {@code xm} loses it to rounding or overflow (at {@code alpha = 1} the last factor is
     * {@code L}).
     */
    @Override
    public double mean() {
      double l = span();
      double t = alpha * l;
      // alpha / (1 - (xm/max)^alpha), which tends to 1/L as alpha*L tends to 0
      double head = t < 1e-20 ? 1 / l : alpha / -Math.expm1(-t);
      double s = (1 - alpha) * l;
      if (s > 700) {
        // e^s overflows: xm * (e^s - 1) is xm^alpha * max^(1-alpha), below max
        return Math.exp(Math.log(xm) + s) * (head / (1 - alpha));
      }
      // (e^s - 1) / (1 - alpha), which is L at alpha = 1
      double tail = alpha == 1 ? l : Math.expm1(s) / (1 - alpha);
      return xm * (head * tail);
    }

    @Override
    public double quantile(double p) {
      checkP(p);
      double d = beyond();
      if (cancels(d)) {
        return smallShapeQuantile(p);
      }
      return Math.min(max, xm / Math.pow(1 - p * (1 - d), 1 / alpha));
    }
  }

  /**
   * With probability {@code share} a value from {@code tail}, else from {@code body}.
   *
   * @param body the common case
   * @param tail the rare case
   * @param share probability of the tail
   */
  public record Mixture(Distribution body, Distribution tail, double share)
      implements Distribution {
    /** Checks the parameters. */
    public Mixture {
      java.util.Objects.requireNonNull(body, "body");
      java.util.Objects.requireNonNull(tail, "tail");
      probability("share", share);
    }

    @Override
    public double sample(Rng rng) {
      return rng.nextDouble() < share ? tail.sample(rng) : body.sample(rng);
    }

    /** The weighted means; a component never drawn (share 0 or 1) does not count. */
    @Override
    public double mean() {
      if (share == 0) {
        return body.mean();
      }
      if (share == 1) {
        return tail.mean();
      }
      return (1 - share) * body.mean() + share * tail.mean();
    }

    /**
     * Solved numerically by bisection on the mixture's distribution function, between the
     * components' own quantiles at {@code p} (the mixture's lies between them), halving the
     * ratio of the ends rather than their difference, so that a heavy tail's end far above
     * the body does not leave the body's values to the last few steps. Infinite where the
     * quantile is beyond the largest double.
     */
    @Override
    public double quantile(double p) {
      checkP(p);
      double a = body.quantile(p);
      double b = tail.quantile(p);
      double lo = Math.min(a, b);
      double hi = Math.min(Math.max(Math.max(a, b), Double.MIN_VALUE), Double.MAX_VALUE);
      // the components' distribution functions are approximate: widen until they agree
      while (!(cdf(hi) >= p)) {
        if (!(hi < Double.MAX_VALUE)) {
          return Double.POSITIVE_INFINITY;
        }
        lo = hi;
        hi = Math.min(2 * hi, Double.MAX_VALUE);
      }
      while (lo > 0 && cdf(lo) >= p) {
        hi = lo;
        lo /= 2;
      }
      for (int i = 0; i < 200; i++) {
        // the geometric midpoint; the arithmetic one while the lower end is 0
        double mid = lo > 0 ? Math.exp((Math.log(lo) + Math.log(hi)) / 2) : hi / 2;
        if (!(mid > lo && mid < hi)) {
          break;
        }
        if (cdf(mid) < p) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return lo + (hi - lo) / 2;
    }

    private double cdf(double x) {
      return (1 - share) * cdfOf(body, x) + share * cdfOf(tail, x);
    }

    private static double cdfOf(Distribution d, double x) {
      double lo = 1e-12;
      double hi = 1 - 1e-12;
      if (x <= d.quantile(lo)) {
        return 0;
      }
      if (x >= d.quantile(hi)) {
        return 1;
      }
      for (int i = 0; i < 60; i++) {
        double mid = (lo + hi) / 2;
        if (d.quantile(mid) < x) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return (lo + hi) / 2;
    }
  }
}
