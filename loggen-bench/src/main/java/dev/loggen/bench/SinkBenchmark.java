package dev.loggen.bench;

import dev.loggen.core.DataSize;
import dev.loggen.core.LineSink;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.FileSinks;
import dev.loggen.sinks.StreamSink;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Sink writes: lines per second handed to a sink, from 100,000 lines of the shop rendered in
 * Combined in {@code @Setup} (mean length printed at setup: multiply for bytes per second). Sinks: a
 * rotating plain file (64 MiB files, 3 kept), the same with gzip-compressed archives (the
 * compression runs on the sink's background thread; the writer waits when it falls behind), and
 * a {@link StreamSink} into {@link OutputStream#nullOutputStream()}. A fresh sink (and directory
 * in {@code java.io.tmpdir}) per iteration, closed at its end.
 *
 * <pre>
 * java -jar loggen-bench/target/benchmarks.jar SinkBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SinkBenchmark {
  private static final int LINES = 100_000;

  /** Which sinks. */
  public enum Kind {
    /** Rotating plain file. */
    plain,
    /** Rotating file with gzip archives. */
    gzip,
    /** A stream sink to a null output stream. */
    nullStream
  }

  /** The sink. */
  @Param
  public Kind sink = Kind.plain;

  private Fixtures.Lines lines = Fixtures.render(new dev.loggen.core.AccessEvent[0],
      LogFormats.combined());
  private Path dir = Path.of(".");
  private LineSink out = StreamSink.of(OutputStream.nullOutputStream());

  /** Renders the lines once. */
  @Setup(Level.Trial)
  public void render() {
    lines = Fixtures.render(Fixtures.events(Fixtures.Profile.shop, LINES),
        LogFormats.combined());
    System.out.printf(java.util.Locale.ROOT, "%nmean line length %.1f bytes%n",
        lines.meanLength());
  }

  /** A fresh sink. */
  @Setup(Level.Iteration)
  public void open() {
    dir = Fixtures.tempDir("loggen-sink-bench");
    out = switch (sink) {
      case plain -> FileSinks.rotating(dir.resolve("access.log"))
          .maxSize(DataSize.ofMegabytes(64)).keep(3).build();
      case gzip -> FileSinks.rotating(dir.resolve("access.log"))
          .maxSize(DataSize.ofMegabytes(64)).keep(3).gzip().build();
      case nullStream -> StreamSink.of(OutputStream.nullOutputStream());
    };
  }

  /** Closes the sink (waiting for compression) and deletes its files. */
  @TearDown(Level.Iteration)
  public void close() {
    out.close();
    Fixtures.deleteTree(dir);
  }

  /** Writes the {@value #LINES} lines; the score is lines per second. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public void write() {
    Fixtures.Lines l = lines;
    byte[] b = l.bytes;
    int[] ends = l.ends;
    long[] times = l.times;
    LineSink s = out;
    int start = 0;
    for (int i = 0; i < ends.length; i++) {
      s.write(b, start, ends[i] - start, times[i]);
      start = ends[i];
    }
  }
}
