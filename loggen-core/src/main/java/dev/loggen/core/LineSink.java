package dev.loggen.core;

import java.io.Closeable;

/**
 * A port: accepts whole lines and stores them somewhere. Implementations live in
 * {@code loggen-sinks} (stream, memory, rotating files) or in user code.
 *
 * <p>The caller hands over one line at a time, without its terminator; the sink appends
 * {@code '\n'} and must never split a line or write part of one. Sinks buffer internally and
 * write to the operating system in large chunks. A sink is used by one thread at a time; the
 * pipeline never calls it concurrently.
 *
 * <p>A sink never drops a line silently: when it cannot store one it throws
 * {@link java.io.UncheckedIOException} (naming the operation and the path) or
 * {@link SinkClosedException} when the consumer is gone (a closed pipe), which ends the run
 * cleanly.
 */
public interface LineSink extends Closeable {

  /**
   * Accepts one line.
   *
   * @param line the buffer holding the line
   * @param offset index of the line's first byte
   * @param length number of bytes in the line, without terminator
   * @param epochMillis the event time of the line; time-based rotation in simulated runs
   *     follows it
   */
  void write(byte[] line, int offset, int length, long epochMillis);

  /** Accepts the whole content of {@code line} as one line. */
  default void write(LineBuffer line, long epochMillis) {
    write(line.array(), 0, line.length(), epochMillis);
  }

  /** Pushes buffered lines to the underlying storage. */
  void flush();

  /**
   * Flushes and releases the sink, waiting for background work (compression) to finish.
   * Idempotent.
   */
  @Override
  void close();
}
