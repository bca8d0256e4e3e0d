package dev.loggen.core.random;

/**
 * A small, fast, seeded pseudo-random generator: SplitMix64 (Steele, Lea and Flood, OOPSLA 2014),
 * the algorithm behind {@link java.util.SplittableRandom}, written out here so the output is fixed
 * by this class alone, whatever the JDK, class loader or thread (no
 * {@code RandomGeneratorFactory} lookup, which fails inside some frameworks' task threads).
 *
 * <p>Streams are addressable: {@link #of(long, long...)} derives an independent stream from a
 * seed and a path of integers (stream kind, time block, arrival index), so any part of a run can
 * be regenerated on its own. Not thread-safe; each session owns its own instance.
 */
public final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;

  private Rng(long state) {
    this.state = state;
  }

  /** A stream started from {@code seed}. */
  public static Rng seeded(long seed) {
    return new Rng(mix(seed));
  }

  /**
   * The stream at {@code path} below {@code seed}: each path element is mixed in turn, so
   * {@code of(s, 1, 7)} and {@code of(s, 7, 1)} are unrelated, and neither depends on any other
   * stream's use.
   */
  public static Rng of(long seed, long... path) {
    return new Rng(derive(seed, path));
  }

  /** The 64-bit key of the stream at {@code path} below {@code seed} (see {@link #of}). */
  public static long derive(long seed, long... path) {
    long h = mix(seed ^ 0x5DEECE66DL);
    for (long p : path) {
      h = mix(h + GOLDEN + mix(p + 0x632BE59BD9B4E019L));
    }
    return h;
  }

  /** The SplitMix64 finaliser (a bijective 64-bit mix). */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniformly distributed 64-bit value. */
  public long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** A uniformly distributed 32-bit value. */
  public int nextInt() {
    return (int) (nextLong() >>> 32);
  }

  /** A uniform value in {@code [0, 1)}. */
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /** A uniform value in {@code (0, 1]}: safe to take the logarithm of. */
  public double nextDoubleNonZero() {
    return ((nextLong() >>> 11) + 1) * DOUBLE_UNIT;
  }

  /** A uniform integer in {@code [0, bound)}; {@code bound} must be positive. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive (got " + bound + ")");
    }
    return (int) below(bound);
  }

  /** A uniform value in {@code [0, bound)} for {@code bound} in {@code [1, 2^32]}. */
  private long below(long bound) {
    // Lemire's multiply-shift with rejection: unbiased. The product is below 2^64, read
    // unsigned.
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFFFFFFL;
      }
    }
    return m >>> 32;
  }

  /**
   * A uniform integer in {@code [lo, hi]}, for any {@code lo <= hi} (the whole {@code int}
   * range included).
   *
   * @throws IllegalArgumentException if {@code hi < lo}
   */
  public int nextInt(int lo, int hi) {
    if (hi < lo) {
      throw new IllegalArgumentException(emptyRange(lo, hi));
    }
    return (int) (lo + below((long) hi - lo + 1));
  }

  private static String emptyRange(int lo, int hi) {
    return "hi must be at least lo (got lo=" + lo + ", hi=" + hi + ")";
  }

  /** A uniform long in {@code [0, bound)}; {@code bound} must be positive. */
  public long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive (got " + bound + ")");
    }
    long r = nextLong() >>> 1;
    long m = bound - 1;
    if ((bound & m) == 0) {
      return r & m;
    }
    for (long u = r; u - (r = u % bound) + m < 0; u = nextLong() >>> 1) {
      // rejection loop, as in SplittableRandom
    }
    return r;
  }

  /** {@code true} with probability {@code p}. */
  public boolean chance(double p) {
    return nextDouble() < p;
  }

  /** A standard normal value (a ziggurat: most calls take one 64-bit value). */
  public double nextGaussian() {
    return Ziggurat.next(this);
  }

  /**
   * An exponential value with the given mean.
   *
   * @throws IllegalArgumentException if {@code mean} is negative, infinite or NaN (before
   *     any value is drawn)
   */
  public double nextExponential(double mean) {
    if (!(mean >= 0 && mean < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "mean must be a non-negative finite number (got " + mean + ")");
    }
    return -mean * Math.log(nextDoubleNonZero());
  }
}
