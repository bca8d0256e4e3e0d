package dev.loggen.bench;

import dev.loggen.core.LogGenerator;
import dev.loggen.core.Report;
import dev.loggen.core.Traffic;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.StreamSink;
import java.io.OutputStream;

/** A child JVM's main for {@link SmallHeapTest}: a parallel run of the shop. */
public final class SmallHeapMain {
  private SmallHeapMain() {}

  /**
   * Writes {@code args[1]} lines of the shop in format {@code args[2]} on {@code args[0]}
   * threads to nowhere and prints the line count; with {@code args[3]}, at that many sessions
   * per hour.
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
        .writer().format(LogFormats.named(args[2]))
        .to(StreamSink.of(OutputStream.nullOutputStream()))
        .errors(LogFormats.apacheError(), StreamSink.of(OutputStream.nullOutputStream()))
        .limit(Long.parseLong(args[1])).threads(Integer.parseInt(args[0])).run();
    System.out.println(r.lines());
  }
}
