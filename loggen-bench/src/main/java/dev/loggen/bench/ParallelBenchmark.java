package dev.loggen.bench;

import dev.loggen.core.Report;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.StreamSink;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The parallel pipeline without I/O: a run of the shop (default traffic, warm-up included) until
 * 1,000,000 Combined lines into a stream sink over {@link OutputStream#nullOutputStream()}, on 1 or 2
 * worker threads. The score is lines per second; the ratio of the two is the pipeline's
 * speed-up.
 *
 * <pre>
 * java -jar loggen-bench/target/benchmarks.jar ParallelBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
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
