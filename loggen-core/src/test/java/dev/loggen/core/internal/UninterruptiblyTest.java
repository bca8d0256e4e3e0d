package dev.loggen.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An interrupt neither cuts the wait short nor is lost. */
class UninterruptiblyTest {
  @AfterEach
  void clearStatus() {
    Thread.interrupted();
  }

  /** A thread that interrupts the caller a few times, then lets {@code release} go. */
  private static Thread interrupter(Thread caller, CountDownLatch release) {
    Thread t = new Thread(() -> {
      for (int i = 0; i < 3; i++) {
        pause();
        caller.interrupt();
      }
      pause();
      release.countDown();
    });
    t.setDaemon(true);
    return t;
  }

  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void joinWaitsForTheThreadThroughInterrupts() {
    CountDownLatch release = new CountDownLatch(1);
    Thread worker = new Thread(() -> awaitQuietly(release));
    worker.start();
    interrupter(Thread.currentThread(), release).start();
    Uninterruptibly.join(worker);
    assertFalse(worker.isAlive());
    assertTrue(Thread.interrupted(), "the interrupt status is kept");
  }

  @Test
  void getWaitsForTheResultThroughInterrupts() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> {
      awaitQuietly(release);
      return "done";
    });
    interrupter(Thread.currentThread(), release).start();
    assertEquals("done", Uninterruptibly.get(f));
    assertTrue(Thread.interrupted(), "the interrupt status is kept");
    CompletableFuture<String> failed = CompletableFuture.failedFuture(new IllegalStateException());
    assertThrows(ExecutionException.class, () -> Uninterruptibly.get(failed));
    assertFalse(Thread.interrupted(), "no interrupt, none set");
  }

  @Test
  void awaitTerminationWaitsForTheLastTaskThroughInterrupts() {
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    executor.submit(() -> awaitQuietly(release));
    executor.shutdown();
    interrupter(Thread.currentThread(), release).start();
    Uninterruptibly.awaitTermination(executor);
    assertTrue(executor.isTerminated());
    assertTrue(Thread.interrupted(), "the interrupt status is kept");
  }
}
