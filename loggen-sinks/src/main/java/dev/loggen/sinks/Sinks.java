package dev.loggen.sinks;

import dev.loggen.core.DataSize;
import java.io.OutputStream;
import java.nio.file.Path;

/** The sinks in one place: streams, standard output, memory and rotating files. */
public final class Sinks {
  private Sinks() {}

  /**
   * A sink writing to {@code out} with a 64 KiB buffer, closing it on close; see
   * {@link StreamSink#of(OutputStream)}.
   *
   * @param out the stream
   * @return the sink
   */
  public static StreamSink stream(OutputStream out) {
    return StreamSink.of(out);
  }

  /**
   * A sink writing to standard output, never closing it; see {@link StreamSink#stdout()}.
   *
   * @return the sink
   */
  public static StreamSink stdout() {
    return StreamSink.stdout();
  }

  /**
   * A sink keeping lines in memory with the default caps; see {@link MemorySink#create()}.
   *
   * @return the sink
   */
  public static MemorySink memory() {
    return MemorySink.create();
  }

  /**
   * A sink keeping lines in memory with the given caps.
   *
   * @param maxLines the most lines it holds
   * @param maxBytes the most bytes it holds
   * @return the sink
   */
  public static MemorySink memory(int maxLines, DataSize maxBytes) {
    return MemorySink.withCaps(maxLines, maxBytes);
  }

  /**
   * A builder of a rotating file sink; see {@link FileSinks#rotating(Path)}.
   *
   * @param path the active file
   * @return the builder
   */
  public static RotatingFileSink.Builder rotating(Path path) {
    return FileSinks.rotating(path);
  }
}
