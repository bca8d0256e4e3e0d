package dev.loggen.bench;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rendering on one thread, per format: lines per second rendered into one reused
 * {@link LineBuffer} from 100,000 shop events generated in {@code @Setup} (about 1.7 hours of
 * traffic, so the per-second timestamp cache sees realistic time steps). Run with
 * {@code -prof gc} for the allocation per line ({@code gc.alloc.rate.norm} is per operation,
 * that is per line).
 *
 * <pre>
 * java -jar loggen-bench/target/benchmarks.jar RenderBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RenderBenchmark {
  private static final int EVENTS = 100_000;

  /** The format. */
  @Param
  public Formats format = Formats.combined;

  private AccessEvent[] events = new AccessEvent[0];
  private LogFormat.Renderer renderer = (e, out) -> { };
  private final LineBuffer line = new LineBuffer(4096);

  /** Generates the events and makes the renderer. */
  @Setup
  public void setUp() {
    events = Fixtures.events(Fixtures.Profile.shop, EVENTS);
    renderer = format.format().newRenderer();
  }

  /** Renders the {@value #EVENTS} events; the score is lines per second. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int render() {
    LogFormat.Renderer r = renderer;
    LineBuffer b = line;
    int total = 0;
    for (AccessEvent e : events) {
      b.reset();
      r.render(e, b);
      total += b.length();
    }
    return total;
  }
}
