package dev.loggen.sinks;

import dev.loggen.core.DataSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.io.file.PathUtils;

/**
 * Not a test: a rough throughput check of the rotating sink writing pre-rendered lines (the
 * JMH benchmarks live in loggen-bench). Run with
 * {@code java -cp <test classpath> dev.loggen.sinks.ThroughputCheck [dir] [MB] [maxSizeMB]}.
 */
public final class ThroughputCheck {
  private ThroughputCheck() {}

  /**
   * Writes the given amount and prints the rate.
   *
   * @param args directory, megabytes to write, rotation size in megabytes
   * @throws Exception when writing fails
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/throughput");
    long mb = args.length > 1 ? Long.parseLong(args[1]) : 2048;
    long rotate = args.length > 2 ? Long.parseLong(args[2]) : 256;
    byte[][] lines = new byte[1024][];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = ("203.0.113." + (i % 250) + " - - [01/Jan/2026:00:00:00 +0000] \"GET /product/"
          + i + "?ref=home HTTP/1.1\" 200 " + (1000 + i) + " \"https://shop.example/\""
          + " \"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36\"")
          .getBytes(StandardCharsets.US_ASCII);
    }
    for (int round = 0; round < 3; round++) {
      if (Files.exists(dir)) {
        PathUtils.deleteDirectory(dir);
      }
      long target = mb << 20;
      long bytes = 0;
      long t0 = System.nanoTime();
      RotatingFileSink.Builder builder = FileSinks.rotating(dir.resolve("access.log"))
          .maxSize(DataSize.ofMegabytes(rotate));
      if (Boolean.getBoolean("devnull")) {
        // measures the sink's own cost: every file it opens is /dev/null
        builder.channelFactory((p, o) -> java.nio.channels.FileChannel.open(Path.of("/dev/null"),
            java.nio.file.StandardOpenOption.WRITE));
      }
      try (RotatingFileSink sink = builder.build()) {
        long time = 0;
        int i = 0;
        while (bytes < target) {
          byte[] l = lines[i++ & 1023];
          sink.write(l, 0, l.length, time++);
          bytes += l.length + 1;
        }
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "round %d: %d MB in %.2f s = %.0f MB/s%n", round,
          bytes >> 20, s, (bytes >> 20) / s);
    }
    PathUtils.deleteDirectory(dir);
  }
}
