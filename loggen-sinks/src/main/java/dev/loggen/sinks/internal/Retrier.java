package dev.loggen.sinks.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs a file-system operation, retrying {@link IOException}s with exponential backoff, then
 * fails with an {@link UncheckedIOException} that names the operation, the path and the cause.
 * A missing file or an existing target ({@link NoSuchFileException},
 * {@link FileAlreadyExistsException}) is not transient and fails at once.
 *
 * @param attempts how many times an operation is tried in all, at least 1
 * @param backoff the pause after the first failure; it doubles after each further one
 */
public record Retrier(int attempts, Duration backoff) {

  /** Three attempts, 10 ms then 20 ms apart. */
  public static final Retrier DEFAULT = new Retrier(3, Duration.ofMillis(10));

  /**
   * Checks the values.
   *
   * @param attempts attempts in all, at least 1
   * @param backoff the first pause, zero or more
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
    @Nullable IOException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        return call.call();
      } catch (IOException e) {
        if (last != null) {
          e.addSuppressed(last);
        }
        last = e;
        recovery.recover(e);
        if (e instanceof FileAlreadyExistsException || e instanceof NoSuchFileException) {
          throw failure(operation, path, attempt, e);
        }
        if (attempt < attempts) {
          pause(attempt, operation, path);
        }
      }
    }
    throw failure(operation, path, attempts, last);
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

  private void pause(int attempt, String operation, Path path) {
    long millis = backoff.toMillis() << Math.min(attempt - 1, 20);
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException ie = new InterruptedIOException("interrupted while retrying");
      throw new UncheckedIOException(
          String.format(Locale.ROOT, "%s failed for %s: interrupted while retrying", operation,
              path), ie);
    }
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
