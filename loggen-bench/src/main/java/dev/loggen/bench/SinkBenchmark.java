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
 * Sink writes: the time to hand {@value #SHOT_LINES} lines to a fresh sink and close it, per
 * line. The lines are 100,000 lines of the shop rendered in Combined in {@code @Setup} (mean
 * length with the newline printed at setup), written eleven times over. Sinks: a rotating plain
 * file (64 MiB files, 3 kept), the same with gzip-compressed archives (the compression runs on
 * the sink's background thread; the writer waits when more than two archives wait for it), and
 * a {@link StreamSink} into {@link OutputStream#nullOutputStream()}.
 *
 * <p>Each measured call gets a fresh sink (and directory in {@code java.io.tmpdir}), made before
 * the call and deleted after it, outside the timed part. The call writes the lines and closes
 * the sink; closing a gzip sink waits for the compressions still queued, so the score includes
 * all the compression the lines caused. (Before, the sink was closed in an iteration's
 * tear-down: up to two archives' compression fell outside the timed part, and the gzip score
 * depended on the iteration time: about 30 % too high at {@code -r 1s}, 12 % at 2 to 3 s.) With
 * lines of about 259 bytes a shot writes about 270 MiB: four 64 MiB files are archived, and
 * compressed within the shot; the last 16 MiB or so stay in the active file, plain, as at the
 * end of a run. All three sinks are timed the same way, so the plain file and the null stream
 * stay comparable with the gzip sink.
 *
 * <p>The mode is single-shot time ({@code ss}): the score is nanoseconds per line over the shot
 * ({@code @OperationsPerInvocation}); lines per second are 10^9 / score, bytes per second that
 * times the mean line length. {@code -w} and {@code -r} do not apply (one iteration is one
 * shot); keep the batch size at 1. The class's defaults are one fork, 3 warm-up and 5 measured
 * shots; command-line options override them:
 *
 * <pre>
 * java -jar loggen-bench/target/benchmarks.jar SinkBenchmark
 * java -jar loggen-bench/target/benchmarks.jar SinkBenchmark -p sink=gzip -wi 2 -i 3
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class SinkBenchmark {
  private static final int LINES = 100_000;
  /** Lines per measured call: the rendered lines eleven times over. */
  private static final int SHOT_LINES = 11 * LINES;

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

  /** A fresh sink, before each measured call (not timed). */
  @Setup(Level.Invocation)
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

  /** Deletes the sink's files, after each measured call (not timed). */
  @TearDown(Level.Invocation)
  public void delete() {
    out.close(); // a no-op after write(); closes the sink if write() failed
    Fixtures.deleteTree(dir);
  }

  /**
   * Writes {@value #SHOT_LINES} lines (the rendered ones, pass after pass) and closes the sink,
   * waiting for its compression; the score is the time per line.
   */
  @Benchmark
  @OperationsPerInvocation(SHOT_LINES)
  public void write() {
    Fixtures.Lines l = lines;
    byte[] b = l.bytes;
    int[] ends = l.ends;
    long[] times = l.times;
    LineSink s = out;
    for (int pass = 0; pass < SHOT_LINES / LINES; pass++) {
      int start = 0;
      for (int i = 0; i < ends.length; i++) {
        s.write(b, start, ends[i] - start, times[i]);
        start = ends[i];
      }
    }
    s.close();
  }
}
