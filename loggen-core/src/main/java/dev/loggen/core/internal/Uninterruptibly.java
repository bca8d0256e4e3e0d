package dev.loggen.core.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Waits that an interrupt does not cut short: closing a sink or a pipeline must wait for the work
 * it started (compression, workers), or a file is left half written or a thread outlives the
 * close. An interrupt that comes during the wait is kept: the status is set again when the wait
 * ends, for the caller to see.
 */
public final class Uninterruptibly {
  private Uninterruptibly() {}

  /**
   * Waits until {@code t} ends.
   *
   * @param t the thread
   */
  public static void join(Thread t) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          t.join();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      reinterrupt(interrupted);
    }
  }

  /**
   * Waits until {@code f} is done and gives its result.
   *
   * @param f the task
   * @param <T> the result's type
   * @return the result
   * @throws ExecutionException when the task failed
   */
  public static <T> T get(Future<T> f) throws ExecutionException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      reinterrupt(interrupted);
    }
  }

  /**
   * Waits until {@code executor}, shut down, has run its last task.
   *
   * @param executor an executor that was shut down
   */
  public static void awaitTermination(ExecutorService executor) {
    boolean interrupted = false;
    try {
      while (!executor.isTerminated()) {
        try {
          executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      reinterrupt(interrupted);
    }
  }

  private static void reinterrupt(boolean interrupted) {
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
