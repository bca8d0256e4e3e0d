package dev.loggen.sinks;

import dev.loggen.core.DataSize;
import dev.loggen.core.LineSink;
import dev.loggen.core.SinkClosedException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LineSink} that writes to an {@link OutputStream}: standard output, a socket, a
 * compressing stream. Lines are gathered in a buffer (64 KiB by default) and handed to the
 * stream in chunks of that size, so the stream sees few, large writes; a line longer than the
 * buffer is handed over on its own, with its line end, in one write.
 *
 * <p>When the consumer goes away ({@code loggen | head} exits: the stream throws an
 * {@link IOException} saying {@code Broken pipe}, {@code Stream closed}, {@code EPIPE} or
 * similar, or a {@link ClosedChannelException}), the sink throws {@link SinkClosedException}
 * and the run ends cleanly; every later call throws it again, except {@link #close()}, which
 * then only releases the stream. Other I/O errors throw {@link UncheckedIOException} naming the
 * stream (by its class and identity hash, {@code ByteArrayOutputStream@1b6d3586}, or
 * {@code stdout}), and the sink refuses further lines ({@link IllegalStateException});
 * {@link #close()} then only releases the stream. A stream does not say how much of a failed
 * write it took, so writing the buffer again could repeat or tear lines; the lines still
 * buffered are dropped.
 *
 * <p>{@link #close()} writes what is buffered, flushes, and closes the stream for sinks made
 * by {@link #of(OutputStream)}; {@link #stdout()} and sinks made with {@code closeStream}
 * false are flushed but left open. Not thread-safe: one writing thread, as for every sink.
 */
public final class StreamSink implements LineSink {
  /** The default buffer size, 64 KiB. */
  public static final DataSize DEFAULT_BUFFER = DataSize.ofKilobytes(64);

  private final OutputStream out;
  private final String name;
  private final boolean closeStream;
  private final byte[] buf;
  private int pos;
  private boolean closed;
  private @Nullable SinkClosedException gone;
  private @Nullable RuntimeException failed;

  private StreamSink(OutputStream out, String name, DataSize bufferSize, boolean closeStream) {
    this.out = Objects.requireNonNull(out, "out");
    this.name = name;
    Objects.requireNonNull(bufferSize, "bufferSize");
    if (bufferSize.bytes() < 16 || bufferSize.bytes() > (1L << 30)) {
      throw new IllegalArgumentException("bufferSize must be between 16B and 1GB (got "
          + bufferSize + ")");
    }
    this.buf = new byte[(int) bufferSize.bytes()];
    this.closeStream = closeStream;
  }

  /**
   * A sink that writes to {@code out} with a 64 KiB buffer and closes it on {@link #close()}.
   *
   * @param out the stream; the sink owns it from now on
   * @return the sink
   */
  public static StreamSink of(OutputStream out) {
    return of(out, DEFAULT_BUFFER, true);
  }

  /**
   * A sink that writes to {@code out}.
   *
   * @param out the stream
   * @param bufferSize the buffer size, 16 bytes to 1 GB
   * @param closeStream whether {@link #close()} closes {@code out} (it is flushed either way)
   * @return the sink
   */
  public static StreamSink of(OutputStream out, DataSize bufferSize, boolean closeStream) {
    Objects.requireNonNull(out, "out");
    return new StreamSink(out, nameOf(out), bufferSize, closeStream);
  }

  /**
   * How messages name a stream: its class's simple name (the binary name for an anonymous
   * class) and its identity hash, {@code ByteArrayOutputStream@1b6d3586}. Not its
   * {@code toString()}, which for some streams is their content.
   */
  private static String nameOf(OutputStream out) {
    Class<?> type = out.getClass();
    String simple = type.getSimpleName();
    return (simple.isEmpty() ? type.getName() : simple) + "@"
        + Integer.toHexString(System.identityHashCode(out));
  }

  /**
   * A sink that writes to the process's standard output, never closing it. It writes to file
   * descriptor 1 directly, not through {@link System#out} (a {@link java.io.PrintStream} hides
   * I/O errors, so a closed pipe could not be seen): {@link System#setOut} does not redirect
   * it. {@code System.out} is flushed first, so what was printed before comes first. To write
   * to a replaced {@code System.out}, use {@code of(System.out, bufferSize, false)}.
   *
   * <p>Each call gives a new sink, for one thread as every sink; the sinks of several threads
   * (tests run in parallel) may write at once: they hand their chunks of whole lines to the
   * descriptor one at a time, so none splits a line of another's. (A pipe with less room than
   * a chunk takes it in parts, and another writer's bytes could fall between them; what other
   * code writes to standard output, not through such a sink, still can.)
   *
   * @return the sink
   */
  public static StreamSink stdout() {
    System.out.flush();
    return new StreamSink(new Stdout(), "stdout", DEFAULT_BUFFER, false);
  }

  /**
   * File descriptor 1, written by one {@link #stdout()} sink at a time: a write is the whole
   * chunk, even where the descriptor takes it in parts (a pipe with less room than a chunk),
   * so no other sink's chunk falls inside one of its lines. One lock per chunk of 64 KiB.
   */
  private static final class Stdout extends FileOutputStream {
    private static final Object LOCK = new Object();

    Stdout() {
      super(FileDescriptor.out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      synchronized (LOCK) {
        super.write(b, off, len);
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException when {@code line} is null
   * @throws IndexOutOfBoundsException when {@code offset} and {@code length} do not lie within
   *     {@code line}
   * @throws SinkClosedException when the consumer went away
   * @throws IllegalStateException when the sink is closed or failed earlier
   * @throws UncheckedIOException naming the stream when writing failed
   */
  @Override
  public void write(byte[] line, int offset, int length, long epochMillis) {
    Objects.requireNonNull(line, "line");
    Objects.checkFromIndexSize(offset, length, line.length);
    if (closed || gone != null || failed != null) {
      throw unusable();
    }
    if (length >= buf.length - pos) {
      drain();
      if (length >= buf.length) {
        // the line and its end in one call: a failure of a later write cannot leave the
        // stream with a line that has no end
        byte[] whole = Arrays.copyOfRange(line, offset, offset + length + 1);
        whole[length] = '\n';
        send(whole, whole.length);
        return;
      }
    }
    System.arraycopy(line, offset, buf, pos, length);
    pos += length;
    buf[pos++] = '\n';
  }

  private void drain() {
    if (pos == 0) {
      return;
    }
    send(buf, pos);
    pos = 0;
  }

  /**
   * Hands {@code bytes[0, length)} to the stream. Whatever the stream throws, an exception it
   * does not declare included, leaves the sink failed and its buffer dropped: written again, it
   * could repeat or tear lines.
   */
  private void send(byte[] bytes, int length) {
    try {
      out.write(bytes, 0, length);
    } catch (IOException e) {
      throw failure(e);
    } catch (Throwable e) {
      pos = 0;
      failed = new IllegalStateException("write failed for " + name + ": " + e, e);
      throw e;
    }
  }

  @Override
  public void flush() {
    if (closed || gone != null || failed != null) {
      throw unusable();
    }
    drain();
    try {
      out.flush();
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /**
   * Writes what is buffered, flushes, and closes the stream unless it is standard output or
   * {@code closeStream} was false. Idempotent. After the consumer went away, only releases the
   * stream.
   *
   * @throws SinkClosedException when the consumer went away during this last write
   * @throws UncheckedIOException when the last write or the close failed otherwise
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    RuntimeException error = null;
    if (gone == null && failed == null) {
      try {
        flush();
      } catch (RuntimeException e) {
        error = e;
      }
    }
    closed = true;
    if (closeStream) {
      try {
        out.close();
      } catch (IOException e) {
        if (error == null && !isClosedConsumer(e)) {
          error = new UncheckedIOException("close failed for " + name + ": " + e, e);
        }
      }
    }
    if (error != null) {
      throw error;
    }
  }

  private RuntimeException unusable() {
    SinkClosedException g = gone;
    if (g != null) {
      return new SinkClosedException(g.getMessage(), g.getCause());
    }
    RuntimeException f = failed;
    if (f != null && !closed) {
      return new IllegalStateException("sink for " + name + " failed earlier: "
          + f.getMessage(), f);
    }
    return new IllegalStateException("sink for " + name + " is closed");
  }

  private RuntimeException failure(IOException e) {
    if (isClosedConsumer(e)) {
      pos = 0;
      SinkClosedException g = new SinkClosedException(
          "the consumer of " + name + " went away (" + e.getMessage() + ")", e);
      gone = g;
      return g;
    }
    pos = 0;
    UncheckedIOException f = new UncheckedIOException("write failed for " + name + ": " + e, e);
    failed = f;
    return f;
  }

  /**
   * Whether {@code e} says that the reading end is gone: a broken pipe, a closed stream or
   * channel, a reset connection.
   *
   * @param e the error
   * @return {@code true} when it does
   */
  static boolean isClosedConsumer(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClosedChannelException) {
        return true;
      }
      String m = t.getMessage();
      if (m != null) {
        String s = m.toLowerCase(Locale.ROOT);
        if (s.contains("broken pipe") || s.contains("stream closed")
            || s.contains("stream is closed") || s.contains("epipe")
            || s.contains("pipe is being closed") || s.contains("pipe has been ended")
            || s.contains("connection reset")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "StreamSink[" + name + ", buffer=" + buf.length + "B, closeStream=" + closeStream
        + "]";
  }
}
