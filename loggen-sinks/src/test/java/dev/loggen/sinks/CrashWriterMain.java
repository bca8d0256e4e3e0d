package dev.loggen.sinks;

import dev.loggen.core.DataSize;
import java.nio.file.Path;

/**
 * The child process of {@link CrashTest}: writes numbered lines with size rotation and gzip
 * until it is killed. Arguments: directory, naming ({@code pattern} or {@code logrotate}),
 * first sequence number.
 */
public final class CrashWriterMain {
  private CrashWriterMain() {}

  /**
   * The sink configuration the child and the test share.
   *
   * @param dir the directory
   * @param naming {@code pattern} or {@code logrotate}
   * @return the builder
   */
  static RotatingFileSink.Builder builder(Path dir, String naming) {
    RotatingFileSink.Builder b = FileSinks.rotating(dir.resolve("access.log"))
        .maxSize(DataSize.ofKilobytes(32)).bufferSize(DataSize.ofKilobytes(4)).gzip(1);
    if (naming.equals("pattern")) {
      b.pattern("access.%i.log.gz");
    }
    return b;
  }

  /**
   * Writes until killed.
   *
   * @param args directory, naming, first sequence number
   * @throws Exception when writing fails
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long base = Long.parseLong(args[2]);
    RotatingFileSink sink = builder(dir, args[1]).warnings(w -> { }).build();
    System.out.println("READY");
    System.out.flush();
    for (long i = 0; i < 20_000_000L; i++) {
      byte[] b = TestLines.bytes(base + i);
      sink.write(b, 0, b.length, 0L);
      if (i % 100 == 99) {
        Thread.sleep(1);
      }
    }
    sink.close();
  }
}
