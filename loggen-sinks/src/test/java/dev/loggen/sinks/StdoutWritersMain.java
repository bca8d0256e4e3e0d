package dev.loggen.sinks;

import java.util.ArrayList;
import java.util.List;

/**
 * Child JVM of {@link StreamSinkTest}: four threads, each with a sink of its own from
 * {@link Sinks#stdout()}, write lines of their own ({@code t<k> <i> <padding>}) at once.
 */
public final class StdoutWritersMain {
  /** The threads, each with its sink. */
  static final int THREADS = 4;
  /** The lines each thread writes. */
  static final int LINES = 100_000;
  /** What follows a line's thread and number, to make it long. */
  static final String PADDING = "x".repeat(60);

  private StdoutWritersMain() {}

  /**
   * Writes the lines.
   *
   * @param args none
   * @throws InterruptedException never
   */
  public static void main(String[] args) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int k = 0; k < THREADS; k++) {
      String prefix = "t" + k + " ";
      Thread t = new Thread(() -> {
        StreamSink sink = Sinks.stdout();
        for (int i = 0; i < LINES; i++) {
          byte[] line = (prefix + i + " " + PADDING).getBytes();
          sink.write(line, 0, line.length, 0L);
        }
        sink.close();
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
  }
}
