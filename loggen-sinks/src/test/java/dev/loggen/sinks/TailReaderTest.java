package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.DataSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader tails the active file while the sink writes and rotates it, as {@code tail -F}
 * does: it reads new bytes, and when the path names another file it reads the old one to its
 * end and reopens. At a rotation the old file must end with a whole line: the reader is never
 * left holding part of one.
 */
class TailReaderTest {
  @TempDir Path dir;

  private static Object key(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** What the reader saw. */
  private static final class Tail {
    final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    long lines;
    long lastSeq = -1;
    int rotations;

    void consume(ByteBuffer buf) {
      buf.flip();
      while (buf.hasRemaining()) {
        byte b = buf.get();
        if (b == '\n') {
          long seq = TestLines.seq(partial.toString(StandardCharsets.US_ASCII));
          assertTrue(seq > lastSeq, "lines in order: " + seq + " after " + lastSeq);
          lastSeq = seq;
          lines++;
          partial.reset();
        } else {
          partial.write(b);
        }
      }
      buf.clear();
    }

    /** Reads the channel to its current end. */
    void drain(FileChannel ch, ByteBuffer buf) throws IOException {
      while (ch.read(buf) > 0) {
        consume(buf);
      }
    }
  }

  @Test
  void readerNeverSeesAPartialLineAtRotation() throws Exception {
    Path active = dir.resolve("access.log");
    int n = 150_000;
    AtomicBoolean done = new AtomicBoolean();
    RotatingFileSink sink = FileSinks.rotating(active).maxSize(DataSize.ofKilobytes(64))
        .bufferSize(DataSize.ofKilobytes(4)).pattern("access.%i.log").build();
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try (sink) {
        for (int i = 0; i < n; i++) {
          byte[] b = TestLines.bytes(i);
          sink.write(b, 0, b.length, 0L);
          if (i % 100 == 0) {
            // Give the reader a chance at every file even on a loaded machine.
            LockSupport.parkNanos(100_000);
          }
        }
      } finally {
        done.set(true);
      }
    });
    Tail tail = new Tail();
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    FileChannel ch = null;
    Object key = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (ch == null) {
        Object before = key(active);
        if (before == null) {
          LockSupport.parkNanos(20_000);
          continue;
        }
        FileChannel opened;
        try {
          opened = FileChannel.open(active, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
          continue;
        }
        if (!before.equals(key(active))) { // rotated while opening: try again
          opened.close();
          continue;
        }
        ch = opened;
        key = before;
      }
      boolean finished = done.get();
      int read = ch.read(buf);
      if (read > 0) {
        tail.consume(buf);
        continue;
      }
      Object now = key(active);
      if (now == null || !now.equals(key)) {
        tail.drain(ch, buf); // the old file is complete: read it to its end
        assertEquals(0, tail.partial.size(), "a partial line at rotation "
            + tail.rotations + ": '" + tail.partial.toString(StandardCharsets.US_ASCII) + "'");
        tail.rotations++;
        ch.close();
        ch = null;
      } else if (finished) {
        tail.drain(ch, buf);
        ch.close();
        break;
      } else {
        LockSupport.parkNanos(20_000);
      }
    }
    writer.get(60, TimeUnit.SECONDS);
    assertEquals(0, tail.partial.size(), "the active file ends with a whole line");
    assertEquals(n - 1, tail.lastSeq, "the reader saw the last line");
    assertTrue(tail.rotations > 50, "rotations seen: " + tail.rotations);
    System.out.println("tail: " + tail.lines + " lines read, " + tail.rotations
        + " rotations seen");
  }
}
