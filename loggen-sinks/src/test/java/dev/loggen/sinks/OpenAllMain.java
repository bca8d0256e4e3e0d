package dev.loggen.sinks;

import dev.loggen.core.DataSize;
import java.nio.file.Path;

/**
 * A child process of {@link BadInputTest}, run with a small heap (and so little direct
 * memory): opens {@code access.log} (truncate) and {@code error.log} with a 64 MB buffer in the
 * directory named by its argument, prints what {@link RotatingFileSink#openAll} threw, then
 * whether both files open again in this JVM.
 */
public final class OpenAllMain {
  private OpenAllMain() {}

  /**
   * Opens and reports.
   *
   * @param args the directory
   */
  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    Path access = dir.resolve("access.log");
    Path error = dir.resolve("error.log");
    try {
      RotatingFileSink.openAll(FileSinks.rotating(access).truncate(),
          FileSinks.rotating(error).bufferSize(DataSize.ofMegabytes(64)));
      System.out.println("opened");
    } catch (Throwable e) {
      System.out.println(e.getClass().getName() + ": " + e.getMessage());
    }
    FileSinks.rotating(access).build().close();
    FileSinks.rotating(error).build().close();
    System.out.println("both open again");
  }
}
