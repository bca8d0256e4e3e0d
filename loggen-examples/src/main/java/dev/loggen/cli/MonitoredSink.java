package dev.loggen.cli;

import dev.loggen.core.LineSink;
import dev.loggen.core.SinkClosedException;
import java.util.Objects;

/**
 * Passes lines on to a sink and tells a {@link HealthState} how it goes: the count every 1,024
 * lines and at every flush, and the failure when the sink throws (a {@link SinkClosedException},
 * the reader going away, is no failure). Costs a counter per line.
 */
final class MonitoredSink implements LineSink {
  private final LineSink delegate;
  private final HealthState health;
  private long lines;
  private volatile boolean readerGone;

  MonitoredSink(LineSink delegate, HealthState health) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.health = Objects.requireNonNull(health, "health");
  }

  @Override
  public void write(byte[] line, int offset, int length, long epochMillis) {
    try {
      delegate.write(line, offset, length, epochMillis);
    } catch (RuntimeException e) {
      throw failure(e);
    }
    if ((++lines & 1023) == 0) {
      health.wrote(lines);
    }
  }

  @Override
  public void flush() {
    try {
      delegate.flush();
    } catch (RuntimeException e) {
      throw failure(e);
    }
    health.wrote(lines);
  }

  @Override
  public void close() {
    try {
      delegate.close();
    } catch (RuntimeException e) {
      throw failure(e);
    }
    health.wrote(lines);
  }

  /**
   * Tells the health state of {@code e}, unless it says that the reader went away (a pipe's
   * reader is usually found gone on a flush): that is an end, not a failure.
   */
  private RuntimeException failure(RuntimeException e) {
    if (e instanceof SinkClosedException) {
      readerGone = true;
    } else {
      health.failed(e);
    }
    return e;
  }

  /** {@return whether the sink said that its reader went away} */
  boolean readerGone() {
    return readerGone;
  }

  /** {@return the lines written through this sink} */
  long lines() {
    return lines;
  }
}
