package dev.loggen.sinks.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs a file-system operation, retrying {@link IOException}s with exponential backoff, then
 * fails with an {@link UncheckedIOException} that names the operation, the path and the cause.
 * A missing file or an existing target ({@link NoSuchFileException},
 * {@link FileAlreadyExistsException}) is not transient and fails at once.
 *
 * <p>Interrupts do not stop an operation: a sink must not lose the lines it accepted because its
 * thread was interrupted (a live run stopped by Ctrl-C, a task cancelled). The thread's interrupt
 * status is cleared while the operation and its pauses run, so that an interruptible channel does
 * not close itself, and set again before {@link #call} returns or throws, for the caller to act on.
 * An interrupt that comes during an attempt ({@link ClosedByInterruptException}) does not count
 * as one of the attempts, up to {@value #MAX_INTERRUPTS} times per operation; the
 * {@link Recovery} prepares the next attempt as after any failure (a closed channel is opened
 * again).
 *
 * @param attempts how many times an operation is tried in all, at least 1
 * @param backoff the pause after the first failure, at most {@link #MAX_BACKOFF}; it doubles
 *     after each further one (up to 2<sup>20</sup> times the backoff)
 */
public record Retrier(int attempts, Duration backoff) {

  /** How many interrupts during one operation are retried without counting as attempts. */
  public static final int MAX_INTERRUPTS = 8;

  /**
   * The longest backoff. The pause doubles after each failure, up to 2<sup>20</sup> times the
   * backoff (about 120 years for this one), so that it always fits a long count of milliseconds.
   */
  public static final Duration MAX_BACKOFF = Duration.ofHours(1);

  /** Three attempts, 10 ms then 20 ms apart. */
  public static final Retrier DEFAULT = new Retrier(3, Duration.ofMillis(10));

  /**
   * Checks the values.
   *
   * @param attempts attempts in all, at least 1
   * @param backoff the first pause, zero to {@link #MAX_BACKOFF}
   * @throws IllegalArgumentException for attempts below 1, or a backoff outside that range
   */
  public Retrier {
    Objects.requireNonNull(backoff, "backoff");
    if (attempts < 1) {
      throw new IllegalArgumentException("retry attempts must be at least 1 (got " + attempts
          + ")");
    }
    if (backoff.isNegative()) {
      throw new IllegalArgumentException("retry backoff must not be negative (got " + backoff
          + ")");
    }
    if (backoff.compareTo(MAX_BACKOFF) > 0) {
      // it doubles after each failure: a longer one would overflow the pause's milliseconds
      throw new IllegalArgumentException("retry backoff must be at most " + MAX_BACKOFF
          + " (got " + backoff + "): the pause doubles after each failure");
    }
  }

  /** An I/O operation that returns a value. */
  @FunctionalInterface
  public interface IoCall<T> {
    /**
     * Runs the operation once.
     *
     * @return its result
     * @throws IOException when it fails
     */
    T call() throws IOException;
  }

  /** An I/O operation without a result. */
  @FunctionalInterface
  public interface IoRun {
    /**
     * Runs the operation once.
     *
     * @throws IOException when it fails
     */
    void run() throws IOException;
  }

  /** Something to do between two attempts, such as truncating a file back. */
  @FunctionalInterface
  public interface Recovery {
    /**
     * Prepares the next attempt after {@code failure}.
     *
     * @param failure what the last attempt threw
     */
    void recover(IOException failure);
  }

  /**
   * Runs {@code call}, retrying as configured.
   *
   * @param operation what is done, for the message: {@code write}, {@code rename}, ...
   * @param path the file it is done to
   * @param call the operation
   * @param <T> its result type
   * @return its result
   * @throws UncheckedIOException when every attempt failed
   */
  public <T> T call(String operation, Path path, IoCall<T> call) {
    return call(operation, path, call, e -> { });
  }

  /**
   * Runs {@code call}, calling {@code recovery} after each failed attempt before the pause.
   *
   * @param operation what is done, for the message
   * @param path the file it is done to
   * @param call the operation
   * @param recovery what to do after a failed attempt
   * @param <T> its result type
   * @return its result
   * @throws UncheckedIOException when every attempt failed
   */
  public <T> T call(String operation, Path path, IoCall<T> call, Recovery recovery) {
    boolean interrupted = Thread.interrupted();
    try {
      @Nullable IOException last = null;
      int interrupts = 0;
      for (int attempt = 1; attempt <= attempts; attempt++) {
        try {
          return call.call();
        } catch (IOException e) {
          if (last != null) {
            e.addSuppressed(last);
          }
          last = e;
          if (Thread.interrupted()) {
            interrupted = true;
          }
          recovery.recover(e);
          if (e instanceof FileAlreadyExistsException || e instanceof NoSuchFileException) {
            throw failure(operation, path, attempt, e);
          }
          if (e instanceof ClosedByInterruptException && interrupts < MAX_INTERRUPTS) {
            interrupts++;
            attempt--; // the interrupt closed the channel: not a failure of the operation
          } else if (attempt < attempts) {
            interrupted |= pause(attempt);
          }
        }
      }
      throw failure(operation, path, attempts, Objects.requireNonNull(last));
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Runs {@code run}, retrying as configured.
   *
   * @param operation what is done, for the message
   * @param path the file it is done to
   * @param run the operation
   * @throws UncheckedIOException when every attempt failed
   */
  public void run(String operation, Path path, IoRun run) {
    call(operation, path, () -> {
      run.run();
      return Boolean.TRUE;
    });
  }

  /** Sleeps the backoff before attempt {@code attempt + 1}; returns whether it was interrupted. */
  private boolean pause(int attempt) {
    long millis = backoff.toMillis() << Math.min(attempt - 1, 20);
    if (millis <= 0) {
      return false;
    }
    boolean interrupted = false;
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException e) {
        interrupted = true; // the pause is part of the operation: the caller sees the interrupt
      }
    }
    return interrupted;
  }

  /**
   * The exception for an operation that failed for good.
   *
   * @param operation what was done
   * @param path the file it was done to
   * @param attempts how often it was tried
   * @param cause the last failure
   * @return an exception whose message names all of them
   */
  public static UncheckedIOException failure(String operation, Path path, int attempts,
      IOException cause) {
    return new UncheckedIOException(String.format(Locale.ROOT, "%s failed for %s after %d %s: %s",
        operation, path, attempts, attempts == 1 ? "attempt" : "attempts", cause), cause);
  }
}
