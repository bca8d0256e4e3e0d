package dev.loggen.core.random;

/**
 * A real-valued distribution the engine samples from: response sizes, response times, think
 * times. {@link Distributions} has the factories; they give immutable records.
 *
 * <p>A custom implementation must be immutable and thread-safe, and draw all randomness from
 * the {@link Rng} it is given, as a {@link dev.loggen.core.engine.SessionModel} must: a
 * parallel run ({@code LogWriter.threads}) samples one instance on several threads at once,
 * and a seed gives the same output, whatever the thread count or the slices, only if each
 * value depends on the {@code Rng} alone (a field that counts the draws, or a
 * {@link java.util.Random} of its own, gives other lines at every run).
 *
 * <p>How the engine uses a sample, including values a custom implementation should not return
 * (NaN, negative, infinite). It does not check them one by one (that would be work on every
 * request); it converts them as follows, so that a bad value ends as a bound rather than an
 * error:
 * <ul>
 *   <li><b>Sizes</b> (bytes, of pages, files and static assets): the sample is cut to a whole
 *       number of bytes, then raised to a floor: 20 bytes for a page's successful response, 43
 *       for a file or a static asset, 0 for a redirect's body. NaN, negative values and
 *       negative infinity therefore give that floor. <b>There is no ceiling</b>: a sample of
 *       2^63 (about 9.2e18) or more, positive infinity included, is a response of
 *       {@link Long#MAX_VALUE} bytes. A heavy tail that can draw such values (a Pareto shape
 *       near 0, such as {@code Distributions.pareto(1, 0.001)}) should be truncated:
 *       {@link Distributions#pareto(double, double, double)}.
 *   <li><b>Page response times</b> (seconds) are kept between 50 microseconds and 300 seconds:
 *       NaN and negative values give 50 microseconds, positive infinity 300 seconds. Static
 *       assets' response times have the same floor but no ceiling.
 *   <li><b>Think times</b> (seconds), times the engine's scale for the action, are cut at
 *       1800 seconds (30 minutes; positive infinity gives that) and converted to whole
 *       milliseconds, NaN to 0. Short or negative gaps are raised to the engine's floors: 50
 *       milliseconds after the previous request between pages of a browsing walk, 0.3 seconds
 *       before other actions. NaN, negative values and negative infinity therefore give those
 *       floors, which makes sessions far busier than the distribution meant (many times the
 *       events).
 * </ul>
 */
public interface Distribution {

  /** One value drawn with {@code rng}. */
  double sample(Rng rng);

  /** The analytic mean ({@link Double#POSITIVE_INFINITY} where it does not exist). */
  double mean();

  /** The analytic quantile at {@code p} in {@code (0, 1)}. */
  double quantile(double p);
}
