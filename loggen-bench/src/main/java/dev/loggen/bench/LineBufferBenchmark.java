package dev.loggen.bench;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import dev.loggen.formats.LogFormats;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@link LineBuffer} primitives that renderers call per field, over the fields of 10,000
 * shop events built in {@code @Setup}: ASCII text (user agent), text that may need UTF-8 (path
 * and referrer), decimal numbers (status, bytes, time). The score is events per second.
 *
 * <p>{@code wholeLines} and {@code linePieces} are the floor under any renderer: the same
 * pre-rendered Combined lines appended as one array each, or in pieces split after each space:
 * 237,987 pieces over the 10,000 lines, about 24 per line (user agents, and the request line,
 * contain spaces). That is not how a renderer cuts a line (its pieces are its fields and the
 * literals between them, fewer and of other lengths): it stands for assembling a line from
 * variable-length parts. Their ratio is the cost of that, before any field is looked at or
 * escaped. The pieces are separate arrays, so {@code linePieces} includes cache misses; over a
 * handful of lines that stay in the first-level cache they still cost about 6 ns each here
 * (140 ns per line, measured when this said 14 pieces and 10 ns each).
 *
 * <p>The class's defaults are the settings the README's figures were taken with,
 * {@code -f 1 -wi 3 -w 1s -i 5 -r 1s}; options on the command line override them.
 *
 * <pre>
 * java -jar loggen-bench/target/benchmarks.jar LineBufferBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class LineBufferBenchmark {
  private static final int EVENTS = 10_000;

  private AccessEvent[] events = new AccessEvent[0];
  private byte[][] lines = new byte[0][];
  private byte[][][] pieces = new byte[0][][];
  private final LineBuffer out = new LineBuffer(4096);

  /** Generates the events and renders them in Combined, whole and in pieces. */
  @Setup
  public void setUp() {
    events = Fixtures.events(Fixtures.Profile.shop, EVENTS);
    LogFormat combined = LogFormats.combined();
    lines = new byte[EVENTS][];
    pieces = new byte[EVENTS][][];
    for (int i = 0; i < EVENTS; i++) {
      String line = combined.format(events[i]);
      lines[i] = line.getBytes(StandardCharsets.UTF_8);
      String[] parts = line.split("(?<= )");
      pieces[i] = new byte[parts.length][];
      for (int k = 0; k < parts.length; k++) {
        pieces[i][k] = parts[k].getBytes(StandardCharsets.UTF_8);
      }
    }
  }

  /** Each pre-rendered line appended as one array. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int wholeLines() {
    LineBuffer b = out;
    int n = 0;
    for (byte[] line : lines) {
      b.reset();
      b.append(line);
      n += b.length();
    }
    return n;
  }

  /** Each pre-rendered line appended as its pieces (split after each space, ~24 per line). */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int linePieces() {
    LineBuffer b = out;
    int n = 0;
    for (byte[][] line : pieces) {
      b.reset();
      for (byte[] piece : line) {
        b.append(piece);
      }
      n += b.length();
    }
    return n;
  }

  /** The user agent, as known ASCII. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int ascii() {
    LineBuffer b = out;
    int n = 0;
    for (AccessEvent e : events) {
      b.reset();
      String ua = e.userAgent();
      b.appendAscii(ua == null ? "-" : ua);
      n += b.length();
    }
    return n;
  }

  /** Path and referrer, as text that may need UTF-8. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int utf8() {
    LineBuffer b = out;
    int n = 0;
    for (AccessEvent e : events) {
      b.reset();
      String ref = e.referrer();
      b.appendUtf8(e.path()).appendUtf8(ref == null ? "-" : ref);
      n += b.length();
    }
    return n;
  }

  /** Status, bytes and epoch milliseconds as decimal numbers. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int numbers() {
    LineBuffer b = out;
    int n = 0;
    for (AccessEvent e : events) {
      b.reset();
      b.append(e.status()).append(e.bytes()).append(e.epochMillis());
      n += b.length();
    }
    return n;
  }
}
