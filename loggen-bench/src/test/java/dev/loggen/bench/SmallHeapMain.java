package dev.loggen.bench;

import dev.loggen.core.LogFormat;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Report;
import dev.loggen.core.Traffic;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.StreamSink;
import java.io.OutputStream;
import java.util.Arrays;

/** A child JVM's main for {@link SmallHeapTest}: a parallel run of the shop. */
public final class SmallHeapMain {
  private SmallHeapMain() {}

  /**
   * Writes {@code args[1]} lines of the shop in format {@code args[2]} on {@code args[0]}
   * threads to nowhere and prints the line count; with {@code args[3]}, at that many sessions
   * per hour. The format {@code long:N} is Combined with N bytes more on every line.
   *
   * @param args thread count, line count, format name, optionally sessions per hour
   */
  public static void main(String[] args) {
    LogGenerator.Builder b = LogGenerator.builder().seed(64)
        .window(LogGenerator.DEFAULT_START, null);
    if (args.length > 3) {
      b.traffic(Traffic.sessionsPerHour(Double.parseDouble(args[3])));
    }
    Report r = b.build()
        .writer().format(args[2].startsWith("long:")
            ? padded(Integer.parseInt(args[2].substring("long:".length())))
            : LogFormats.named(args[2]))
        .to(StreamSink.of(OutputStream.nullOutputStream()))
        .errors(LogFormats.apacheError(), StreamSink.of(OutputStream.nullOutputStream()))
        .limit(Long.parseLong(args[1])).threads(Integer.parseInt(args[0])).run();
    System.out.println(r.lines());
  }

  /** Combined, with {@code extra} more bytes on every line. */
  private static LogFormat padded(int extra) {
    byte[] pad = new byte[extra];
    Arrays.fill(pad, (byte) 'x');
    return new LogFormat() {
      @Override
      public String name() {
        return "long";
      }

      @Override
      public Renderer newRenderer() {
        Renderer combined = LogFormats.combined().newRenderer();
        return (e, out) -> {
          combined.render(e, out);
          out.append(pad);
        };
      }
    };
  }
}
