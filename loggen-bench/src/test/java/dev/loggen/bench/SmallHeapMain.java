package dev.loggen.bench;

import dev.loggen.core.LogGenerator;
import dev.loggen.core.Report;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.StreamSink;
import java.io.OutputStream;

/** A child JVM's main for {@link SmallHeapTest}: a parallel run of the shop. */
public final class SmallHeapMain {
  private SmallHeapMain() {}

  /**
   * Writes {@code args[1]} Combined lines of the shop on {@code args[0]} threads to nowhere and
   * prints the line count.
   *
   * @param args thread count, line count, format name
   */
  public static void main(String[] args) {
    Report r = LogGenerator.builder().seed(64).window(LogGenerator.DEFAULT_START, null).build()
        .writer().format(LogFormats.named(args[2]))
        .to(StreamSink.of(OutputStream.nullOutputStream()))
        .errors(LogFormats.apacheError(), StreamSink.of(OutputStream.nullOutputStream()))
        .limit(Long.parseLong(args[1])).threads(Integer.parseInt(args[0])).run();
    System.out.println(r.lines());
  }
}
