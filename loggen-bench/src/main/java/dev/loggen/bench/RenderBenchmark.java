package dev.loggen.bench;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
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

/**
 * Rendering on one thread, per format: lines per second rendered into one reused
 * {@link LineBuffer} from shop events generated in {@code @Setup}. Run with {@code -prof gc} for
 * the allocation per line ({@code gc.alloc.rate.norm} is per operation, that is per line).
 *
 * <p>{@code distinct} sets how many different events the 100,000 rendered lines cycle through:
 * {@code 100000} (the shop's default traffic from 2026-01-01 00:00 to 07:18, about 7.3 hours of
 * night and early-morning traffic) measures events that miss the first- and second-level CPU
 * caches, as when a renderer works through a large pre-generated batch: the events and their
 * strings hold about 10 to 12 MiB, more than the 1 MiB of L2 per core here but less than the
 * 32 MiB L3, so they come mostly from L3, not from memory; {@code 1000} measures events that
 * are hot in the CPU caches and whose values all hit the renderer's caches of escaped bytes: the
 * renderer's own cost. The end-to-end path lies between the two: an event is rendered when its
 * time comes, after its whole session was simulated, and its values miss the renderer's caches
 * more often (in a million shop lines of the default traffic, about 4 paths in 10, 1 client
 * address and 1 referrer in 10 are escaped anew).
 *
 * <p>The class's defaults are the settings the README's figures were taken with,
 * {@code -f 1 -wi 3 -w 1s -i 5 -r 1s}; options on the command line override them.
 *
 * <pre>
 * java -jar loggen-bench/target/benchmarks.jar RenderBenchmark -prof gc
 * java -jar loggen-bench/target/benchmarks.jar RenderBenchmark -p format=json
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class RenderBenchmark {
  private static final int LINES = 100_000;

  /** The format. */
  @Param
  public Formats format = Formats.combined;

  /** How many different events the lines cycle through (cold: 100000, hot: 1000). */
  @Param({"100000", "1000"})
  public int distinct = LINES;

  private AccessEvent[] events = new AccessEvent[0];
  private LogFormat.Renderer renderer = (e, out) -> { };
  private final LineBuffer line = new LineBuffer(4096);

  /** Generates the events and makes the renderer. */
  @Setup
  public void setUp() {
    events = Fixtures.events(Fixtures.Profile.shop, distinct);
    renderer = format.format().newRenderer();
  }

  /** Renders {@value #LINES} lines; the score is lines per second. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public int render() {
    LogFormat.Renderer r = renderer;
    LineBuffer b = line;
    AccessEvent[] es = events;
    int total = 0;
    for (int i = 0, k = 0; i < LINES; i++) {
      b.reset();
      r.render(es[k], b);
      total += b.length();
      if (++k == es.length) {
        k = 0;
      }
    }
    return total;
  }
}
