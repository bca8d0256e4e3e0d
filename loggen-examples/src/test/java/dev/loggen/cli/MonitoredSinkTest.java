package dev.loggen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loggen.core.LineSink;
import dev.loggen.core.SinkClosedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the health endpoint learns from the sink: a reader going away is no failure. */
class MonitoredSinkTest {
  /** A sink whose every operation throws what it is given. */
  private static LineSink throwing(RuntimeException e) {
    return new LineSink() {
      @Override
      public void write(byte[] line, int offset, int length, long epochMillis) {
        throw e;
      }

      @Override
      public void flush() {
        throw e;
      }

      @Override
      public void close() {
        throw e;
      }
    };
  }

  private static HealthState state() {
    HealthState h = new HealthState(Clock.systemUTC(), System::nanoTime, Duration.ofSeconds(30));
    h.phase(HealthState.Phase.LIVE);
    return h;
  }

  @Test
  void theReaderGoingAwayIsAnEndNotAFailure() {
    SinkClosedException gone = new SinkClosedException("stdout was closed",
        new IOException("Broken pipe"));
    HealthState health = state();
    MonitoredSink sink = new MonitoredSink(throwing(gone), health);
    byte[] line = "x".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThrows(SinkClosedException.class, () -> sink.write(line, 0, 1, 0));
    assertThrows(SinkClosedException.class, sink::flush); // a pipe is found closed on flush
    assertThrows(SinkClosedException.class, sink::close);
    assertEquals("ok", health.snapshot().status(), health.snapshot().json());
    assertEquals(200, health.snapshot().httpStatus());
  }

  @Test
  void aFailingWriteFlushOrCloseIsAFailure() {
    UncheckedIOException broken = new UncheckedIOException("write /x failed",
        new IOException("No space left on device"));
    for (int op = 0; op < 3; op++) {
      HealthState health = state();
      MonitoredSink sink = new MonitoredSink(throwing(broken), health);
      int which = op;
      assertThrows(UncheckedIOException.class, () -> {
        switch (which) {
          case 0 -> sink.write(new byte[] {'x'}, 0, 1, 0);
          case 1 -> sink.flush();
          default -> sink.close();
        }
      });
      assertEquals("failing", health.snapshot().status(), "operation " + op);
      assertEquals(503, health.snapshot().httpStatus());
    }
  }
}
