/**
 * Seeded randomness: the {@link dev.loggen.core.random.Rng} generator with addressable streams,
 * and the samplers the engine draws from (alias tables, Zipf, lognormal, Pareto, exponential,
 * geometric, Poisson). Everything here is deterministic for a given seed and independent of the
 * JDK's random-generator registry.
 */
@NullMarked
package dev.loggen.core.random;

import org.jspecify.annotations.NullMarked;
