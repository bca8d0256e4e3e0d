package dev.loggen.bench;

import dev.loggen.core.AccessEvent;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Event generation on one thread, per profile: events per second pulled from
 * {@link dev.loggen.core.LogGenerator#iterator()} (session simulation and the block merge) in its
 * steady state, at the default traffic of 2,000 sessions per hour.
 *
 * <p>The class's defaults are the settings the README's figures were taken with,
 * {@code -f 1 -wi 3 -w 1s -i 5 -r 1s}; options on the command line override them.
 *
 * <pre>
 * java -jar loggen-bench/target/benchmarks.jar GenerationBenchmark
 * java -jar loggen-bench/target/benchmarks.jar GenerationBenchmark -p profile=shop -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class GenerationBenchmark {
  private static final int BATCH = 10_000;

  /** The site profile. */
  @Param
  public Fixtures.Profile profile = Fixtures.Profile.shop;

  private Iterator<AccessEvent> events = java.util.Collections.emptyIterator();

  /** Starts an endless run and gets past its warm-up. */
  @Setup
  public void setUp() {
    events = Fixtures.endless(profile).iterator();
    events.hasNext();
  }

  /** Pulls {@value #BATCH} events; the score is events per second. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void generate(Blackhole bh) {
    Iterator<AccessEvent> it = events;
    for (int i = 0; i < BATCH; i++) {
      bh.consume(it.next());
    }
  }
}
