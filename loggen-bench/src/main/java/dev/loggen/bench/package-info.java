/**
 * JMH benchmarks of loggen: one class per stage (generation, rendering, sinks) plus end to end
 * and the parallel pipeline. Build with
 * {@code mvn -B -q package -pl loggen-bench -am -DskipTests} and run
 * {@code java -jar loggen-bench/target/benchmarks.jar}; each class says the exact command.
 * Inputs are built in {@code @Setup} from the fixed seed in {@link dev.loggen.bench.Fixtures}.
 */
@NullMarked
package dev.loggen.bench;

import org.jspecify.annotations.NullMarked;
