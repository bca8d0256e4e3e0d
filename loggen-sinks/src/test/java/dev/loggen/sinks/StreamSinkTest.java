package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.DataSize;
import dev.loggen.core.SinkClosedException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StreamSinkTest {

  /** Counts calls and bytes; can be told to fail. */
  static final class CountingStream extends OutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int writes;
    int flushes;
    boolean closed;
    IOException failWith;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (failWith != null) {
        throw failWith;
      }
      writes++;
      bytes.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      if (failWith != null) {
        throw failWith;
      }
      flushes++;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void writesLargeBufferedChunksAndFlushesOnClose() {
    CountingStream out = new CountingStream();
    StringBuilder expected = new StringBuilder();
    int lines = 10_000;
    try (StreamSink sink = StreamSink.of(out)) {
      for (int i = 0; i < lines; i++) {
        byte[] b = TestLines.bytes(i);
        sink.write(b, 0, b.length, 0L);
        expected.append(TestLines.line(i)).append('\n');
      }
      assertTrue(out.writes > 0, "full buffers are written while lines come");
    }
    byte[] all = expected.toString().getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(all, out.bytes.toByteArray());
    int chunk = (int) StreamSink.DEFAULT_BUFFER.bytes();
    assertTrue(out.writes <= all.length / (chunk - 200) + 1,
        out.writes + " writes for " + all.length + " bytes: chunks of about 64 KiB");
    assertTrue(out.closed, "of(out) closes the stream");
    assertTrue(out.flushes >= 1);
  }

  @Test
  void lineLongerThanTheBufferIsWrittenWhole() {
    CountingStream out = new CountingStream();
    byte[] big = new byte[100];
    Arrays.fill(big, (byte) 'y');
    try (StreamSink sink = StreamSink.of(out, DataSize.ofBytes(32), false)) {
      sink.write("ab".getBytes(StandardCharsets.US_ASCII), 0, 2, 0L);
      sink.write(big, 0, big.length, 0L);
      sink.write("cd".getBytes(StandardCharsets.US_ASCII), 0, 2, 0L);
    }
    assertEquals("ab\n" + "y".repeat(100) + "\ncd\n",
        out.bytes.toString(StandardCharsets.US_ASCII));
    assertFalse(out.closed, "closeStream=false leaves the stream open");
  }

  /** A line longer than the buffer goes to the stream with its end: a later failure keeps it. */
  @Test
  void aLineLongerThanTheBufferIsWrittenWithItsLineEnd() {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    OutputStream out = new OutputStream() {
      private int calls;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (++calls > 1) {
          throw new IOException("Input/output error");
        }
        got.write(b, off, len);
      }
    };
    StreamSink sink = StreamSink.of(out, DataSize.ofBytes(16), true);
    byte[] big = new byte[40];
    Arrays.fill(big, (byte) 'y');
    sink.write(big, 0, big.length, 0L);
    assertEquals("y".repeat(40) + "\n", got.toString(StandardCharsets.US_ASCII));
    sink.write("ab".getBytes(StandardCharsets.US_ASCII), 0, 2, 0L);
    assertThrows(UncheckedIOException.class, sink::close);
    assertEquals("y".repeat(40) + "\n", got.toString(StandardCharsets.US_ASCII));
  }

  @Test
  void brokenPipeEndsTheRunWithSinkClosedException() {
    CountingStream out = new CountingStream();
    StreamSink sink = StreamSink.of(out);
    out.failWith = new IOException("Broken pipe");
    byte[] b = TestLines.bytes(1);
    SinkClosedException e = assertThrows(SinkClosedException.class, () -> {
      for (int i = 0; i < 100_000; i++) {
        sink.write(b, 0, b.length, 0L);
      }
    });
    assertTrue(e.getMessage().contains("went away"), e.getMessage());
    assertTrue(e.getCause() instanceof IOException);
    assertThrows(SinkClosedException.class, () -> sink.write(b, 0, b.length, 0L));
    assertThrows(SinkClosedException.class, sink::flush);
    sink.close(); // quiet: the consumer is gone, nothing to report again
    sink.close();
    assertTrue(out.closed);
  }

  @Test
  void brokenPipeOnFlushAndOnClose() {
    CountingStream out = new CountingStream();
    StreamSink sink = StreamSink.of(out);
    byte[] b = TestLines.bytes(1);
    sink.write(b, 0, b.length, 0L);
    out.failWith = new IOException("Stream closed");
    assertThrows(SinkClosedException.class, sink::close);
    sink.close();
  }

  @Test
  void otherErrorsAreUncheckedIoExceptionsNamingTheStream() {
    CountingStream out = new CountingStream();
    StreamSink sink = StreamSink.of(out);
    byte[] b = TestLines.bytes(1);
    sink.write(b, 0, b.length, 0L);
    out.failWith = new IOException("Input/output error");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, sink::flush);
    assertTrue(e.getMessage().startsWith("write failed for CountingStream@"
        + Integer.toHexString(System.identityHashCode(out)) + ": "), e.getMessage());
  }

  /**
   * After a write that failed part way (the stream took half of the chunk, then reported an
   * error), the sink writes nothing more: what the stream holds is whole lines followed by at
   * most one torn line, never the chunk again; later calls name the first failure.
   */
  @Test
  void afterAFailedWriteTheSinkRefusesLinesAndWritesNothingAgain() {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    boolean[] failOnce = {true};
    OutputStream out = new OutputStream() {
      @Override
      public void write(int b) {
        got.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (failOnce[0]) {
          failOnce[0] = false;
          got.write(b, off, len / 2);
          throw new IOException("No space left on device");
        }
        got.write(b, off, len);
      }
    };
    StreamSink sink = StreamSink.of(out, DataSize.ofKilobytes(1), true);
    int i = 0;
    UncheckedIOException first = null;
    while (first == null) {
      byte[] b = TestLines.bytes(i++);
      try {
        sink.write(b, 0, b.length, 0L);
      } catch (UncheckedIOException e) {
        first = e;
      }
    }
    byte[] more = TestLines.bytes(i);
    IllegalStateException later = assertThrows(IllegalStateException.class,
        () -> sink.write(more, 0, more.length, 0L));
    assertTrue(later.getMessage().contains("failed earlier")
        && later.getMessage().contains("No space left on device"), later.getMessage());
    assertThrows(IllegalStateException.class, sink::flush);
    sink.close(); // releases the stream, writes nothing
    String text = got.toString(StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    for (int k = 0; k < lines.length - 1; k++) {
      assertEquals(new String(TestLines.bytes(k), StandardCharsets.UTF_8), lines[k],
          "line " + k);
    }
    assertTrue(lines.length - 1 < i, "no line twice: " + lines.length);
  }

  @Test
  void recognisesTheWaysAConsumerGoesAway() {
    assertTrue(StreamSink.isClosedConsumer(new IOException("Broken pipe")));
    assertTrue(StreamSink.isClosedConsumer(new IOException("write failed: EPIPE (Broken pipe)")));
    assertTrue(StreamSink.isClosedConsumer(new IOException("Stream Closed")));
    assertTrue(StreamSink.isClosedConsumer(new ClosedChannelException()));
    assertTrue(StreamSink.isClosedConsumer(new IOException("x", new IOException("Broken pipe"))));
    assertFalse(StreamSink.isClosedConsumer(new IOException("No space left on device")));
  }

  @Test
  void writeAfterCloseIsAnIllegalState() {
    StreamSink sink = StreamSink.of(new CountingStream());
    sink.close();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> sink.write(new byte[1], 0, 1, 0L));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  /**
   * A stream is named by its class and identity, never by its {@code toString()}: for a
   * {@link ByteArrayOutputStream} that is its content, which made messages unreadable.
   */
  @Test
  void namesTheStreamByItsClassNotByWhatItHolds() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write("GET /index.html 200\n".getBytes(StandardCharsets.US_ASCII));
    String name = "ByteArrayOutputStream@" + Integer.toHexString(System.identityHashCode(out));
    StreamSink sink = StreamSink.of(out);
    assertEquals("StreamSink[" + name + ", buffer=65536B, closeStream=true]", sink.toString());
    sink.close();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> sink.write(new byte[1], 0, 1, 0L));
    assertEquals("sink for " + name + " is closed", e.getMessage());
    // an anonymous class has no simple name: its binary name stands in
    OutputStream anonymous = new OutputStream() {
      @Override
      public void write(int b) {}
    };
    assertEquals("StreamSink[" + anonymous.getClass().getName() + "@"
        + Integer.toHexString(System.identityHashCode(anonymous))
        + ", buffer=16B, closeStream=false]",
        StreamSink.of(anonymous, DataSize.ofBytes(16), false).toString());
  }

  /**
   * Sinks of their own from {@link Sinks#stdout()} on four threads at once (parallel tests, say:
   * one sink per thread, as every sink is used) never split a line of each other's: each hands
   * its 64 KiB chunks to the descriptor whole. A chunk written to a pipe that has less room is
   * taken in parts, and the JDK wrote the rest in a second call, between which another sink's
   * chunk could fall: before, thousands of the 400,000 lines came out torn, in every run.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void stdoutSinksOnSeveralThreadsNeverSplitALine() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:+IgnoreUnrecognizedVMOptions",
        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
        StdoutWritersMain.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    int[] next = new int[StdoutWritersMain.THREADS];
    long lines = 0;
    long torn = 0;
    String firstTorn = null;
    Thread.sleep(200); // the pipe fills: the sinks' writes are taken in parts from then on
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
      for (String line; (line = in.readLine()) != null; ) {
        lines++;
        String[] f = line.split(" ", -1);
        int k = f.length == 3 && f[0].matches("t[0-9]") ? f[0].charAt(1) - '0' : -1;
        if (k >= 0 && k < next.length && f[1].equals(Integer.toString(next[k]))
            && f[2].equals(StdoutWritersMain.PADDING)) {
          next[k]++; // whole, and the next line of its thread
        } else {
          torn++;
          firstTorn = firstTorn == null ? line : firstTorn;
          if (k >= 0 && k < next.length && f[1].matches("[0-9]+")) {
            next[k] = Integer.parseInt(f[1]) + 1; // count each torn line once
          }
        }
      }
    }
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ends");
    assertEquals(0, child.exitValue(), "the child's exit status");
    assertEquals(0, torn, torn + " of " + lines + " lines torn, the first: " + firstTorn);
    assertEquals((long) StdoutWritersMain.THREADS * StdoutWritersMain.LINES, lines);
  }

  @Test
  void stdoutIsNeverClosed() {
    StreamSink sink = Sinks.stdout();
    sink.close();
    sink.close();
    System.out.println("stdout still open");
    assertFalse(System.out.checkError());
  }

  /**
   * A stream that throws an unchecked exception (or a checked one it does not declare) after
   * taking half a write: the sink dropped nothing, kept its buffer and wrote it again on close,
   * so the stream got the lines twice and one glued to the half line before it.
   */
  @Test
  void aStreamThatThrowsAnythingLeavesTheSinkFailedWithItsBufferDropped() {
    for (boolean sneaky : new boolean[] {false, true}) {
      ByteArrayOutputStream taken = new ByteArrayOutputStream();
      RuntimeException boom = new UncheckedIOException(new IOException("boom"));
      OutputStream flaky = new OutputStream() {
        boolean failedOnce;

        @Override
        public void write(int b) {
          taken.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          if (!failedOnce) {
            failedOnce = true;
            taken.write(b, off, len / 2);
            if (sneaky) {
              StreamSinkTest.<RuntimeException>sneakyThrow(new IOException("sneaky"));
            }
            throw boom;
          }
          taken.write(b, off, len);
        }
      };
      StreamSink sink = StreamSink.of(flaky, DataSize.ofBytes(64), true);
      byte[] line = "0123456789".repeat(4).getBytes(StandardCharsets.US_ASCII);
      sink.write(line, 0, line.length, 0);
      Throwable first = assertThrows(Throwable.class, () -> sink.write(line, 0, line.length, 0));
      assertTrue(sneaky ? first instanceof UncheckedIOException
          && first.getMessage().endsWith("java.io.IOException: sneaky") : first == boom,
          first.toString());
      IllegalStateException later = assertThrows(IllegalStateException.class,
          () -> sink.write(line, 0, line.length, 0));
      assertTrue(later.getMessage().contains("failed earlier"), later.getMessage());
      sink.close();
      assertEquals(20, taken.size(), "half of the first line's 41 bytes, and nothing again: "
          + taken.toString(StandardCharsets.US_ASCII));
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }
}
