package dev.loggen.core;

/**
 * Thrown by a {@link LineSink} when its consumer is gone for good (the reader of a pipe exited,
 * as {@code loggen | head} does). The pipeline ends the run cleanly when it sees this.
 */
public final class SinkClosedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was closed
   * @param cause the I/O error that said so
   */
  public SinkClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}
