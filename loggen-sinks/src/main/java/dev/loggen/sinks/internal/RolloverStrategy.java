package dev.loggen.sinks.internal;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a rollover does with a finished file: moves it to its archive name, compresses it and
 * deletes old archives. When to roll over is the {@link TriggeringPolicy}'s business.
 */
public interface RolloverStrategy {

  /**
   * Archives the finished active file. The file is closed and ends with a whole line; when this
   * returns, the active path is free for a new file. Compression and retention may go on in
   * the background.
   *
   * @param active the active file
   * @param nameMillis the instant whose date names the archive (the period start, or the
   *     file's first line without time rotation)
   * @param lastLineMillis the time of the file's last line, which becomes the archive's
   *     modification time, or {@link Long#MIN_VALUE} to leave it as it is
   * @param now the current time (event or wall), against which {@code maxAge} is measured
   * @return the archive's final path (with {@code .gz} when compressed)
   * @throws UncheckedIOException naming the operation and the path when a step failed, or when
   *     background work failed earlier
   */
  Path rollover(Path active, long nameMillis, long lastLineMillis, long now);

  /**
   * The archives this strategy manages, oldest first, once pending background work is done.
   *
   * @return their paths
   */
  List<Path> archives();

  /**
   * Throws when background work (compression, deletion) failed.
   *
   * @throws UncheckedIOException naming the operation and the path
   */
  void checkHealth();

  /**
   * Waits for background work to finish and stops the background thread. Idempotent.
   *
   * @throws UncheckedIOException when background work failed
   */
  void close();
}
