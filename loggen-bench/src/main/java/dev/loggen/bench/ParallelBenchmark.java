package dev.loggen.bench;

import dev.loggen.core.Report;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.StreamSink;
import java.io.OutputStream;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The parallel pipeline without I/O: a run of the shop (default traffic, warm-up included) until
 * 1,000,000 Combined lines into a stream sink over {@link OutputStream#nullOutputStream()}, on 1
 * or 2 worker threads. The score is lines per second; the ratio of the two is the pipeline's
 * speed-up.
 *
 * <p>The class's defaults are the settings the README's figures were taken with,
 * {@code -f 1 -wi 3 -w 1s -i 5 -r 1s}; options on the command line override them.
 *
 * <pre>
 * java -jar loggen-bench/target/benchmarks.jar ParallelBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class ParallelBenchmark {
  private static final int LINES = 1_000_000;

  /** Worker threads. */
  @Param({"1", "2"})
  public int threads = 1;

  /** One run of {@value #LINES} lines. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public Report run() {
    return Fixtures.endless(Fixtures.Profile.shop).writer().format(LogFormats.combined())
        .to(StreamSink.of(OutputStream.nullOutputStream())).limit(LINES).threads(threads).run();
  }
}
