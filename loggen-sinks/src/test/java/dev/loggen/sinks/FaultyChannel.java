package dev.loggen.sinks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file channel that fails writes on demand: each failing write first writes part of its
 * bytes (as a real disk filling up does) and then throws {@code IOException("No space left on
 * device")}. {@code failures} counts the writes still to fail; a negative count fails for ever.
 * {@code forces} counts calls of {@link #force(boolean)}; while {@code forceFails} is set, they
 * throw {@code IOException("Input/output error")}. A {@link #stalling} channel takes nothing:
 * every write returns 0; one {@link #withoutLocks} has no locks.
 */
final class FaultyChannel extends FileChannel {
  private final FileChannel delegate;
  private boolean stalls;
  private boolean lockless;
  private final AtomicInteger failures;
  private final AtomicInteger failed;
  private final AtomicInteger forces;
  private final AtomicBoolean forceFails;
  private AtomicInteger interrupts = new AtomicInteger();
  private long delayMillis;

  FaultyChannel(FileChannel delegate, AtomicInteger failures, AtomicInteger failed) {
    this(delegate, failures, failed, new AtomicInteger());
  }

  FaultyChannel(FileChannel delegate, AtomicInteger failures, AtomicInteger failed,
      AtomicInteger forces) {
    this(delegate, failures, failed, forces, new AtomicBoolean());
  }

  FaultyChannel(FileChannel delegate, AtomicInteger failures, AtomicInteger failed,
      AtomicInteger forces, AtomicBoolean forceFails) {
    this.forceFails = forceFails;
    this.delegate = delegate;
    this.failures = failures;
    this.failed = failed;
    this.forces = forces;
  }

  /** A channel whose writes return 0 without writing, as if nothing were left to write. */
  static FaultyChannel stalling(FileChannel delegate) {
    FaultyChannel ch = new FaultyChannel(delegate, new AtomicInteger(), new AtomicInteger());
    ch.stalls = true;
    return ch;
  }

  /** A channel on a file system without locks: {@code tryLock} throws an IOException. */
  static FaultyChannel withoutLocks(FileChannel delegate) {
    FaultyChannel ch = new FaultyChannel(delegate, new AtomicInteger(), new AtomicInteger());
    ch.lockless = true;
    return ch;
  }

  /**
   * A channel whose next {@code interrupts} writes interrupt the writing thread first, as another
   * thread's {@code interrupt()} arriving then would: the delegate, a real file channel, closes
   * itself and throws a {@link java.nio.channels.ClosedByInterruptException}.
   */
  static FaultyChannel interrupting(FileChannel delegate, AtomicInteger interrupts) {
    FaultyChannel ch = new FaultyChannel(delegate, new AtomicInteger(), new AtomicInteger());
    ch.interrupts = interrupts;
    return ch;
  }

  /** A channel whose writes each take {@code millis} longer, as a slow disk's would. */
  static FaultyChannel slow(FileChannel delegate, long millis) {
    FaultyChannel ch = new FaultyChannel(delegate, new AtomicInteger(), new AtomicInteger());
    ch.delayMillis = millis;
    return ch;
  }

  private void beforeWrite() {
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (interrupts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean shouldFail() {
    int left = failures.get();
    if (left == 0) {
      return false;
    }
    if (left > 0) {
      failures.decrementAndGet();
    }
    failed.incrementAndGet();
    return true;
  }

  private IOException partialThenFail(ByteBuffer src) throws IOException {
    int half = src.remaining() / 2;
    if (half > 0) {
      ByteBuffer part = src.duplicate();
      part.limit(part.position() + half);
      delegate.write(part);
      src.position(src.position() + half);
    }
    return new IOException("No space left on device");
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    beforeWrite();
    if (stalls) {
      return 0;
    }
    if (shouldFail()) {
      throw partialThenFail(src);
    }
    return delegate.write(src);
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    beforeWrite();
    if (stalls) {
      return 0;
    }
    if (shouldFail()) {
      for (int i = offset; i < offset + length; i++) {
        if (srcs[i].hasRemaining()) {
          throw partialThenFail(srcs[i]);
        }
      }
      throw new IOException("No space left on device");
    }
    return delegate.write(srcs, offset, length);
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    if (shouldFail()) {
      throw new IOException("No space left on device");
    }
    return delegate.write(src, position);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    return delegate.read(dst);
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    return delegate.read(dsts, offset, length);
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    return delegate.read(dst, position);
  }

  @Override
  public long position() throws IOException {
    return delegate.position();
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    delegate.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return delegate.size();
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    delegate.truncate(size);
    return this;
  }

  @Override
  public void force(boolean metaData) throws IOException {
    forces.incrementAndGet();
    if (forceFails.get()) {
      throw new IOException("Input/output error");
    }
    delegate.force(metaData);
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target)
      throws IOException {
    return delegate.transferTo(position, count, target);
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count)
      throws IOException {
    return delegate.transferFrom(src, position, count);
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
    return delegate.map(mode, position, size);
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) throws IOException {
    return delegate.lock(position, size, shared);
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    if (lockless) {
      throw new IOException("Function not implemented");
    }
    return delegate.tryLock(position, size, shared);
  }

  @Override
  protected void implCloseChannel() throws IOException {
    delegate.close();
  }
}
