package dev.loggen.formats;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Whether a program that reads our logs (a log analyser, a ban filter) is installed here. */
final class ExternalTool {
  private ExternalTool() {}

  /**
   * Runs {@code command} (such as {@code goaccess --version}) and tells whether it exited 0
   * within 30 seconds.
   *
   * @param command the program and its arguments
   * @return true when the program ran and succeeded
   */
  static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
