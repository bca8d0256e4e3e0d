package dev.loggen.core.random;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Weighted choice among {@code n} outcomes in O(1) per draw: Walker's alias method with Vose's
 * numerically stable construction. Immutable and thread-safe once built.
 */
public final class AliasTable {
  /**
   * Per column, its acceptance threshold in the high 32 bits and its alias in the low 32: a draw
   * reads one array element, so a large table (a 20,000-item catalogue) costs one cache miss per
   * draw instead of two.
   */
  private final long[] columns;
  private final double[] normalised;
  /** {@link #drawProbability}'s values, computed at its first call. */
  private volatile double @Nullable [] drawn;

  private AliasTable(double[] probability, int[] alias, double[] normalised) {
    this.columns = new long[probability.length];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = threshold(probability[i]) << 32 | (alias[i] & 0xFFFFFFFFL);
    }
    this.normalised = normalised;
  }

  /**
   * The column's threshold on the draw's 21 low bits {@code k}: {@code k * 2^-21 < p} exactly
   * when {@code k < ceil(p * 2^21)} ({@code p * 2^21} is exact: a power-of-two scaling), so the
   * integer comparison picks the same outcomes as comparing doubles would.
   */
  private static long threshold(double p) {
    return (long) Math.ceil(p * 0x1.0p21);
  }

  /**
   * A table for the given weights, which need not sum to 1.
   *
   * @param weights non-negative finite weights, at least one positive
   * @throws IllegalArgumentException naming the index and value of a bad weight
   */
  public static AliasTable of(double... weights) {
    int n = weights.length;
    if (n == 0) {
      throw new IllegalArgumentException("weights must not be empty");
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double w = weights[i];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "weights[%d] must be a non-negative finite number (got %s)", i, w));
      }
      sum += w;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("weights must have a positive sum (all are 0)");
    }
    if (Double.isInfinite(sum)) {
      // Finite weights whose sum overflows (several near Double.MAX_VALUE): scaled by the
      // largest first, or every probability would be 0 and the draws uniform. Only then, so
      // that ordinary weights give exactly the tables they always gave.
      double max = 0;
      for (double w : weights) {
        max = Math.max(max, w);
      }
      double[] scaled = new double[n];
      sum = 0;
      for (int i = 0; i < n; i++) {
        scaled[i] = weights[i] / max;
        sum += scaled[i];
      }
      weights = scaled;
    }
    double[] norm = new double[n];
    double[] scaled = new double[n];
    for (int i = 0; i < n; i++) {
      norm[i] = weights[i] / sum;
      scaled[i] = norm[i] * n;
    }
    double[] prob = new double[n];
    int[] alias = new int[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = n - 1; i >= 0; i--) {
      if (scaled[i] < 1) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      prob[s] = scaled[s];
      alias[s] = l;
      scaled[l] = (scaled[l] + scaled[s]) - 1;
      if (scaled[l] < 1) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      prob[large[--nl]] = 1;
    }
    while (ns > 0) {
      prob[small[--ns]] = 1;
    }
    return new AliasTable(prob, alias, norm);
  }

  /** The number of outcomes. */
  public int size() {
    return columns.length;
  }

  /**
   * Outcome {@code i}'s share of the weights (its weight over the sum). {@link #sample} draws
   * it with {@link #drawProbability}, which differs by up to about {@code 2^-21}.
   */
  public double probability(int i) {
    return normalised[i];
  }

  /**
   * The exact probability that {@link #sample} returns {@code i}. A draw picks one of the
   * {@link #size()} columns with 32 random bits, then keeps the column's own outcome or takes
   * its alias by comparing 21 more bits with a threshold rounded up to a multiple of
   * {@code 2^-21}; this sums those chances, exactly (a multiple of {@code 2^-53}; the values
   * sum to 1). It differs from {@link #probability} by up to about {@code 2^-21} (4.8e-7):
   * an outcome with a positive weight is drawn at least about {@code 2^-21 / size()} of the
   * time however small its share. The first call takes time and memory in proportion to
   * {@link #size()}.
   */
  public double drawProbability(int i) {
    double[] d = drawn;
    if (d == null) {
      d = drawProbabilities();
      drawn = d; // benign race: every thread computes the same values
    }
    return d[i];
  }

  private double[] drawProbabilities() {
    int n = columns.length;
    long[] mass = new long[n];
    long full = 1L << 21;
    long start = 0;
    for (int c = 0; c < n; c++) {
      // the 32-bit draws x with (x * n) >>> 32 == c: from ceil(c 2^32 / n) on
      long end = (((long) c + 1 << 32) + n - 1) / n;
      long count = end - start;
      start = end;
      long threshold = columns[c] >>> 32;
      mass[c] += count * threshold;
      mass[(int) columns[c]] += count * (full - threshold);
    }
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = mass[i] * 0x1.0p-53;
    }
    return d;
  }

  /** One outcome index in {@code [0, size())}. */
  public int sample(Rng rng) {
    long bits = rng.nextLong();
    long[] c = columns;
    int column = (int) (((bits >>> 32) * c.length) >>> 32);
    long entry = c[column];
    return (bits & 0x1FFFFFL) < entry >>> 32 ? column : (int) entry;
  }
}
