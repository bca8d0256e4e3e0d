package dev.loggen.core.random;

import java.util.Locale;

/**
 * Zipf's law over ranks {@code 1..n}: rank {@code k} has probability proportional to
 * {@code 1 / k^exponent}. Catalogue popularity, search terms and client activity follow it.
 * Sampling is O(1) through an {@link AliasTable}. Immutable and thread-safe.
 */
public final class Zipf {
  private final int n;
  private final double exponent;
  private final AliasTable table;

  /**
   * A Zipf distribution.
   *
   * @param n number of ranks, 1 to 10,000,000
   * @param exponent skew, 0 (uniform) to 10
   */
  public Zipf(int n, double exponent) {
    if (n < 1 || n > 10_000_000) {
      throw new IllegalArgumentException("n must be between 1 and 10000000 (got " + n + ")");
    }
    if (!(exponent >= 0 && exponent <= 10)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "exponent must be between 0 and 10 (got %s)", exponent));
    }
    this.n = n;
    this.exponent = exponent;
    double[] w = new double[n];
    for (int k = 1; k <= n; k++) {
      w[k - 1] = Math.pow(k, -exponent);
    }
    this.table = AliasTable.of(w);
  }

  /** The number of ranks. */
  public int size() {
    return n;
  }

  /** The exponent. */
  public double exponent() {
    return exponent;
  }

  /**
   * The probability of {@code rank} (1-based) under Zipf's law; {@link #sample} draws it with
   * {@link #drawProbability}, which differs by up to about {@code 2^-21}.
   */
  public double probability(int rank) {
    return table.probability(rank - 1);
  }

  /**
   * The exact probability that {@link #sample} returns {@code rank} (1-based): see
   * {@link AliasTable#drawProbability}.
   */
  public double drawProbability(int rank) {
    return table.drawProbability(rank - 1);
  }

  /** One rank in {@code [1, n]}. */
  public int sample(Rng rng) {
    return table.sample(rng) + 1;
  }

  @Override
  public String toString() {
    return "Zipf[n=" + n + ", exponent=" + exponent + "]";
  }
}
