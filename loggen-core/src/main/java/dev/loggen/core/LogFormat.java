package dev.loggen.core;

import java.util.Objects;

/**
 * A port: renders one {@link AccessEvent} as one log line. Implementations live in
 * {@code loggen-formats} ({@code LogFormats.combined()}, ...) or in user code.
 *
 * <p>A rendered line never contains a line terminator: values that hold one are escaped as the
 * server being imitated would escape them. Implementations are immutable and thread-safe; any
 * per-thread state (a timestamp cache) lives in the {@link Renderer} that {@link #newRenderer()}
 * returns.
 */
public interface LogFormat {

  /** A short name for messages and reports, e.g. {@code combined}. */
  String name();

  /**
   * A renderer for one thread. Renderers may cache (the timestamp of the last second, say) and
   * are not thread-safe.
   */
  Renderer newRenderer();

  /**
   * Whether this format writes a line for {@code event} at all. Access-log formats write every
   * event; error-log formats only those that a server would log as an error.
   * {@link LogWriter#format} tells them apart by this: it refuses a format that does not accept
   * an ordinary {@code 200} response.
   */
  default boolean accepts(AccessEvent event) {
    return true;
  }

  /**
   * Renders one event as a string, without a line terminator. A convenience for tests and small
   * jobs; the pipeline uses {@link #newRenderer()} and a reused {@link LineBuffer}.
   */
  default String format(AccessEvent event) {
    Objects.requireNonNull(event, "event");
    LineBuffer buffer = new LineBuffer();
    newRenderer().render(event, buffer);
    return buffer.toString();
  }

  /** Renders events of one thread into a caller-owned buffer. */
  @FunctionalInterface
  interface Renderer {
    /**
     * Appends the line for {@code event} to {@code out}, without a line terminator.
     *
     * @param event the event to render
     * @param out the buffer to append to; its existing content is kept
     */
    void render(AccessEvent event, LineBuffer out);
  }
}
