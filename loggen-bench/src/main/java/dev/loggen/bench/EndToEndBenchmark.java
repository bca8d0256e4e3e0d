package dev.loggen.bench;

import dev.loggen.core.DataSize;
import dev.loggen.core.LogFormat;
import dev.loggen.core.Report;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.FileSinks;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End to end: a whole run of the shop (default traffic, from its one-hour warm-up on) generated,
 * rendered in Combined and written to a rotating plain file (64 MiB files, 3 kept) until
 * 1,000,000 lines, with the report, on 1 or 2 worker threads ({@code threads=1} runs everything
 * on the calling thread). The score is lines per second.
 *
 * <p>The class's defaults are the settings the README's figures were taken with,
 * {@code -f 1 -wi 3 -w 1s -i 5 -r 1s}; options on the command line override them.
 *
 * <pre>
 * java -jar loggen-bench/target/benchmarks.jar EndToEndBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class EndToEndBenchmark {
  private static final int LINES = 1_000_000;

  /** Worker threads. */
  @Param({"1", "2"})
  public int threads = 1;

  private Path dir = Path.of(".");
  private final LogFormat format = LogFormats.combined();

  /** A fresh directory. */
  @Setup(Level.Iteration)
  public void open() {
    dir = Fixtures.tempDir("loggen-e2e-bench");
  }

  /** Deletes the files. */
  @TearDown(Level.Iteration)
  public void close() {
    Fixtures.deleteTree(dir);
  }

  /** One run of {@value #LINES} lines. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public Report run() {
    return Fixtures.endless(Fixtures.Profile.shop).writer().format(format)
        .to(FileSinks.rotating(dir.resolve("access.log")).maxSize(DataSize.ofMegabytes(64))
            .keep(3).truncate().build())
        .limit(LINES).threads(threads).run();
  }
}
