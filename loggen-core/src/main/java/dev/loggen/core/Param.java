package dev.loggen.core;

import dev.loggen.core.random.AliasTable;
import dev.loggen.core.random.Rng;
import dev.loggen.core.random.Zipf;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the value of a path placeholder such as {@code {item}} in {@code /products/{item}} is
 * drawn. Immutable and thread-safe.
 */
public final class Param {
  /** The largest {@link #catalogue} size: ten million ids. */
  public static final int MAX_CATALOGUE_SIZE = 10_000_000;

  private final String description;
  private final int lo;
  private final int hi;
  private final List<String> values;
  private final @Nullable Zipf zipf;
  private final @Nullable AliasTable weights;
  private final @Nullable String[] cache;

  private Param(String description, int lo, int hi, List<String> values, @Nullable Zipf zipf,
      @Nullable AliasTable weights) {
    this.description = description;
    this.lo = lo;
    this.hi = hi;
    this.values = values;
    this.zipf = zipf;
    this.weights = weights;
    int n = values.isEmpty() ? Math.min(hi - lo + 1, 100_000) : 0;
    this.cache = new String[Math.max(n, 0)];
  }

  /** A whole number uniform in {@code [lo, hi]}. */
  public static Param range(int lo, int hi) {
    if (lo < 0 || hi < lo) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "range must satisfy 0 <= lo <= hi (got lo=%d, hi=%d)", lo, hi));
    }
    return new Param("range(" + lo + ", " + hi + ")", lo, hi, List.of(), null, null);
  }

  /**
   * An id in {@code [1, size]} with Zipf-like popularity: id 1 is the most popular. Catalogues of
   * products or articles use it.
   */
  public static Param catalogue(int size, double exponent) {
    if (size < 1 || size > MAX_CATALOGUE_SIZE) {
      throw new IllegalArgumentException(
          "catalogue size must be between 1 and " + MAX_CATALOGUE_SIZE + " (got " + size + ")");
    }
    if (!(exponent >= 0 && exponent <= 10)) {
      throw new IllegalArgumentException("catalogue exponent must be between 0 and 10 (got "
          + exponent + ")");
    }
    return new Param("catalogue(" + size + ", " + exponent + ")", 1, size, List.of(),
        new Zipf(size, exponent), null);
  }

  /** One of {@code values}, equally likely. */
  public static Param oneOf(String... values) {
    return oneOf(Arrays.asList(Objects.requireNonNull(values, "values")), null);
  }

  /**
   * One of {@code values}, the first most likely, with Zipf popularity of the given exponent;
   * search terms use it. Draws follow the law to 21 bits: see {@link #probability}.
   */
  public static Param words(List<String> values, double exponent) {
    checkValues(values);
    if (!(exponent >= 0 && exponent < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("words exponent must be a finite number, 0 or more"
          + " (got " + exponent + ")");
    }
    double[] w = new double[values.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.pow(i + 1, -exponent);
    }
    return new Param("words(" + values.size() + ", " + exponent + ")", 0, values.size() - 1,
        List.copyOf(values), null, AliasTable.of(w));
  }

  /**
   * One of {@code values} with the given weights (same length), or equally likely if
   * {@code weights} is null. Draws follow the weights to 21 bits: see {@link #probability}.
   */
  public static Param oneOf(List<String> values, double @Nullable [] weights) {
    checkValues(values);
    if (weights != null && weights.length != values.size()) {
      throw new IllegalArgumentException("weights must have one entry per value (got "
          + weights.length + " weights for " + values.size() + " values)");
    }
    return new Param("oneOf" + values, 0, values.size() - 1, List.copyOf(values), null,
        weights == null ? null : AliasTable.of(weights));
  }

  private static void checkValues(List<String> values) {
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      throw new IllegalArgumentException("values must not be empty");
    }
    for (String v : values) {
      Objects.requireNonNull(v, "values must not contain null");
    }
  }

  /** Draws one value. */
  public String sample(Rng rng) {
    if (!values.isEmpty()) {
      int i = weights != null ? weights.sample(rng) : rng.nextInt(values.size());
      return values.get(i);
    }
    int v = zipf != null ? zipf.sample(rng) : uniform(rng);
    return text(v);
  }

  /**
   * Draws one value with every value equally likely, ignoring popularity: what a crawler
   * walking every link of the site requests.
   */
  public String sampleUniform(Rng rng) {
    if (!values.isEmpty()) {
      return values.get(rng.nextInt(values.size()));
    }
    return text(uniform(rng));
  }

  /** Draws one value as a number: the id or index drawn. */
  public int sampleIndex(Rng rng) {
    if (!values.isEmpty()) {
      return weights != null ? weights.sample(rng) : rng.nextInt(values.size());
    }
    return zipf != null ? zipf.sample(rng) : uniform(rng);
  }

  /**
   * Draws one value number, every value equally likely (see {@link #sampleUniform}); consumes
   * the same randomness as {@link #sampleUniform}.
   */
  public int sampleUniformIndex(Rng rng) {
    if (!values.isEmpty()) {
      return rng.nextInt(values.size());
    }
    return uniform(rng);
  }

  /** A whole number uniform in {@code [lo, hi]}, also for the 2^31 numbers of range(0, MAX). */
  private int uniform(Rng rng) {
    int span = hi - lo + 1;
    return span > 0 ? lo + rng.nextInt(span) : lo + (int) rng.nextLong(hi - (long) lo + 1);
  }

  /**
   * The exact probability that {@link #sampleIndex} draws the value numbered {@code v} (0
   * outside {@code [minIndex(), maxIndex()]}). For {@link #range} and an unweighted
   * {@link #oneOf(String...)} it is {@link #share}; the samplers of {@link #catalogue},
   * {@link #words} and weighted {@link #oneOf(List, double[])} resolve shares to 21 bits
   * ({@link AliasTable#drawProbability}), so it differs from {@link #share} by up to about
   * {@code 2^-21} (4.8e-7), and a value with a positive weight is drawn at least about
   * {@code 2^-21 / n} of the time, n the number of values, however small its share. The first
   * call for such a Param takes time and memory in proportion to n.
   */
  public double probability(int v) {
    return chance(v, true);
  }

  /**
   * The share of the value numbered {@code v} in the law it follows: its weight over the sum of
   * the weights (for {@link #catalogue} and {@link #words}, Zipf's law), 0 outside
   * {@code [minIndex(), maxIndex()]}. {@link #probability} is what the draws actually follow.
   */
  public double share(int v) {
    return chance(v, false);
  }

  /** {@link #probability} when {@code drawn}, else {@link #share}: they differ in weighted laws. */
  private double chance(int v, boolean drawn) {
    if (v < minIndex() || v > maxIndex()) {
      return 0;
    }
    if (!values.isEmpty()) {
      if (weights == null) {
        return 1.0 / values.size();
      }
      return drawn ? weights.drawProbability(v) : weights.probability(v);
    }
    if (zipf == null) {
      return 1.0 / ((double) hi - lo + 1);
    }
    return drawn ? zipf.drawProbability(v) : zipf.probability(v);
  }

  /** Whether the values are whole numbers (ranges and catalogues) rather than a list of words. */
  public boolean isNumeric() {
    return values.isEmpty();
  }

  /** The smallest value number {@link #sampleIndex} returns (0 for a list of values). */
  public int minIndex() {
    return values.isEmpty() ? lo : 0;
  }

  /** The largest value number {@link #sampleIndex} returns. */
  public int maxIndex() {
    return values.isEmpty() ? hi : values.size() - 1;
  }

  /** The text of the value numbered {@code v} (see {@link #sampleIndex}). */
  public String text(int v) {
    if (!values.isEmpty()) {
      if (v < 0 || v >= values.size()) {
        throw new IndexOutOfBoundsException(String.format(Locale.ROOT,
            "value number must be between 0 and %d for this list of values (got %d)",
            values.size() - 1, v));
      }
      return values.get(v);
    }
    int slot = v - lo;
    if (slot >= 0 && slot < cache.length) {
      String s = cache[slot];
      if (s == null) {
        s = Integer.toString(v);
        cache[slot] = s; // benign race: every thread computes the same string
      }
      return s;
    }
    return Integer.toString(v);
  }

  @Override
  public String toString() {
    return description;
  }
}
