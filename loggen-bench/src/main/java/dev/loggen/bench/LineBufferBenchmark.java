package dev.loggen.bench;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The {@link LineBuffer} primitives that renderers call per field, over the fields of 10,000
 * shop events built in {@code @Setup}: ASCII text (user agent), text that may need UTF-8 (path
 * and referrer), decimal numbers (status, bytes, time). The score is events per second.
 *
 * <pre>
 * java -jar loggen-bench/target/benchmarks.jar LineBufferBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LineBufferBenchmark {
  private static final int EVENTS = 10_000;

  private AccessEvent[] events = new AccessEvent[0];
  private final LineBuffer out = new LineBuffer(4096);

  /** Generates the events. */
  @Setup
  public void setUp() {
    events = Fixtures.events(Fixtures.Profile.shop, EVENTS);
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
