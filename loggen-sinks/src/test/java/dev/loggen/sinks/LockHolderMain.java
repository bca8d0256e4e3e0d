package dev.loggen.sinks;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The child process of {@link ExclusiveFileTest}: another program that locks a file, as
 * another loggen would. It locks the file named by its argument, prints {@code LOCKED}, and
 * holds the lock until its standard input ends.
 */
public final class LockHolderMain {
  private LockHolderMain() {}

  /**
   * Locks and waits.
   *
   * @param args the file
   * @throws Exception when locking fails
   */
  public static void main(String[] args) throws Exception {
    try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
      FileLock lock = ch.lock();
      System.out.println("LOCKED");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the lock until the test closes our standard input
      }
      lock.release();
    }
  }
}
