package dev.loggen.core.internal;

import dev.loggen.core.LineSink;
import dev.loggen.core.SinkClosedException;
import org.jspecify.annotations.Nullable;

/** Closing the sinks of a run: every sink, whatever another one's close threw. */
public final class SinkClosing {
  private SinkClosing() {}

  /**
   * Closes every sink given (nulls are skipped), each whatever the others' closes threw, an
   * {@link Error} too; a {@link SinkClosedException} (the consumer is gone) is ignored. With a
   * run's {@code failure}, what closing throws is added to it as suppressed and nothing is
   * thrown; else the first is thrown, with the later ones suppressed.
   *
   * @param failure what ended the run, or {@code null}
   * @param sinks the sinks, in the order to close them
   */
  public static void closeAll(@Nullable Throwable failure, @Nullable LineSink... sinks) {
    Throwable first = null;
    for (LineSink s : sinks) {
      if (s == null) {
        continue;
      }
      try {
        s.close();
      } catch (SinkClosedException ignored) {
        // nothing more can reach a closed consumer
      } catch (RuntimeException | Error e) {
        if (failure != null) {
          failure.addSuppressed(e);
        } else if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first instanceof RuntimeException r) {
      throw r;
    }
    if (first instanceof Error e) {
      throw e;
    }
  }
}
