package dev.loggen.sinks;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child process of {@link ExclusiveFileTest}: another program that tries to lock a file, as
 * another loggen would. It prints {@code ACQUIRED} when it got the lock (and releases it), else
 * {@code REFUSED}.
 */
public final class TryLockMain {
  private TryLockMain() {}

  /**
   * Tries the lock once.
   *
   * @param args the file
   * @throws Exception when the file cannot be opened
   */
  public static void main(String[] args) throws Exception {
    try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
      FileLock lock = ch.tryLock();
      System.out.println(lock == null ? "REFUSED" : "ACQUIRED");
    }
  }
}
