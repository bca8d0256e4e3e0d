package dev.loggen.sinks;

import dev.loggen.core.DataSize;
import dev.loggen.core.LineSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link LineSink} that keeps lines in memory, for tests. It holds at most
 * {@code maxLines} lines and {@code maxBytes} bytes (line ends included); a line beyond either
 * cap throws an {@link IllegalStateException} that names the cap, so a runaway test fails
 * instead of eating the heap.
 *
 * <p>Lines are stored back to back in one growing array. Not thread-safe: read it from the
 * writing thread, or after the writer has finished.
 */
public final class MemorySink implements LineSink {
  /** The default line cap: one million lines. */
  public static final int DEFAULT_MAX_LINES = 1_000_000;
  /** The default byte cap: 256 MB. */
  public static final DataSize DEFAULT_MAX_BYTES = DataSize.ofMegabytes(256);

  private final int maxLines;
  private final long maxBytes;
  private byte[] data = new byte[4096];
  private int size;
  private int[] ends = new int[64];
  private long[] times = new long[64];
  private int lines;
  private int flushes;
  private boolean closed;

  private MemorySink(int maxLines, DataSize maxBytes) {
    if (maxLines <= 0) {
      throw new IllegalArgumentException("maxLines must be positive (got " + maxLines + ")");
    }
    Objects.requireNonNull(maxBytes, "maxBytes");
    if (maxBytes.bytes() > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxBytes must be below 2GB (got " + maxBytes + ")");
    }
    this.maxLines = maxLines;
    this.maxBytes = maxBytes.bytes();
  }

  /**
   * A sink with the default caps, {@value #DEFAULT_MAX_LINES} lines and 256 MB.
   *
   * @return the sink
   */
  public static MemorySink create() {
    return new MemorySink(DEFAULT_MAX_LINES, DEFAULT_MAX_BYTES);
  }

  /**
   * A sink with the given caps.
   *
   * @param maxLines the most lines it holds, positive
   * @param maxBytes the most bytes it holds, line ends included, below 2 GB
   * @return the sink
   */
  public static MemorySink withCaps(int maxLines, DataSize maxBytes) {
    return new MemorySink(maxLines, maxBytes);
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException when {@code line} is null
   * @throws IndexOutOfBoundsException when {@code offset} and {@code length} do not lie within
   *     {@code line}
   * @throws IllegalStateException when the sink is closed or a cap is reached
   */
  @Override
  public void write(byte[] line, int offset, int length, long epochMillis) {
    Objects.requireNonNull(line, "line");
    Objects.checkFromIndexSize(offset, length, line.length);
    if (closed) {
      throw new IllegalStateException("MemorySink is closed");
    }
    if (lines >= maxLines) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "MemorySink is full: maxLines cap of %d lines reached; raise it with"
              + " MemorySink.withCaps(...)", maxLines));
    }
    long need = (long) size + length + 1;
    if (need > maxBytes) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "MemorySink is full: maxBytes cap of %s reached (%d bytes held, a line of %d more);"
              + " raise it with MemorySink.withCaps(...)", DataSize.ofBytes(maxBytes), size,
          length + 1));
    }
    if (need > data.length) {
      data = Arrays.copyOf(data, (int) Math.min(Math.max(need, 2L * data.length), maxBytes));
    }
    System.arraycopy(line, offset, data, size, length);
    size += length;
    data[size++] = '\n';
    if (lines == ends.length) {
      ends = Arrays.copyOf(ends, lines * 2);
      times = Arrays.copyOf(times, lines * 2);
    }
    ends[lines] = size;
    times[lines] = epochMillis;
    lines++;
  }

  /** Counts the call; lines are stored as they come. */
  @Override
  public void flush() {
    flushes++;
  }

  /** Marks the sink closed; the lines stay readable. Idempotent. */
  @Override
  public void close() {
    closed = true;
  }

  /**
   * Whether {@link #close()} was called.
   *
   * @return {@code true} after close
   */
  public boolean isClosed() {
    return closed;
  }

  /**
   * How often {@link #flush()} was called.
   *
   * @return the count
   */
  public int flushCount() {
    return flushes;
  }

  /**
   * The number of lines held.
   *
   * @return the count
   */
  public int lineCount() {
    return lines;
  }

  /**
   * The number of bytes held, line ends included.
   *
   * @return the count
   */
  public long byteCount() {
    return size;
  }

  private int start(int index) {
    Objects.checkIndex(index, lines);
    return index == 0 ? 0 : ends[index - 1];
  }

  /**
   * One line, decoded as UTF-8, without its line end.
   *
   * @param index the line's position, from 0
   * @return the line
   */
  public String line(int index) {
    int s = start(index);
    return new String(data, s, ends[index] - 1 - s, StandardCharsets.UTF_8);
  }

  /**
   * One line's bytes, without its line end.
   *
   * @param index the line's position, from 0
   * @return a copy of the bytes
   */
  public byte[] lineBytes(int index) {
    int s = start(index);
    return Arrays.copyOfRange(data, s, ends[index] - 1);
  }

  /**
   * The event time passed with one line.
   *
   * @param index the line's position, from 0
   * @return its {@code epochMillis}
   */
  public long epochMillis(int index) {
    Objects.checkIndex(index, lines);
    return times[index];
  }

  /**
   * All lines, decoded as UTF-8, without line ends.
   *
   * @return an unmodifiable list
   */
  public List<String> lines() {
    List<String> out = new ArrayList<>(lines);
    for (int i = 0; i < lines; i++) {
      out.add(line(i));
    }
    return List.copyOf(out);
  }

  /**
   * All lines' bytes, without line ends.
   *
   * @return an unmodifiable list of copies
   */
  public List<byte[]> lineBytes() {
    List<byte[]> out = new ArrayList<>(lines);
    for (int i = 0; i < lines; i++) {
      out.add(lineBytes(i));
    }
    return List.copyOf(out);
  }

  /**
   * Everything written, as a file would hold it: each line followed by {@code '\n'}.
   *
   * @return a copy of the bytes
   */
  public byte[] toByteArray() {
    return Arrays.copyOf(data, size);
  }

  /**
   * Everything written, decoded as UTF-8, each line followed by {@code '\n'}.
   *
   * @return the text
   */
  public String text() {
    return new String(data, 0, size, StandardCharsets.UTF_8);
  }

  /** Forgets all lines; the caps stay. */
  public void clear() {
    size = 0;
    lines = 0;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "MemorySink[%d lines, %d bytes, caps %d lines / %s]",
        lines, size, maxLines, DataSize.ofBytes(maxBytes));
  }
}
