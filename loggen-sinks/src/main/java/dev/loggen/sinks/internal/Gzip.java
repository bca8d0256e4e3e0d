package dev.loggen.sinks.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.io.IOUtils;
import org.apache.commons.io.output.CountingOutputStream;

/** Gzip compression of archives, and checking that a {@code .gz} file is whole. */
public final class Gzip {
  private static final int BUFFER = 64 * 1024;

  private Gzip() {}

  /**
   * Compresses {@code source} into {@code target}, replacing what {@code target} held.
   *
   * @param source the file to read
   * @param target the file to write, usually a temporary name
   * @param level the deflate level, 1 (fast) to 9 (small)
   * @param channels opens {@code target}
   * @param force whether to force the data to the device before returning
   * @return the compressed size in bytes
   * @throws IOException when reading or writing fails
   */
  public static long compress(Path source, Path target, int level, ChannelFactory channels,
      boolean force) throws IOException {
    try (InputStream in = Files.newInputStream(source);
        FileChannel ch = channels.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      CountingOutputStream counting = new CountingOutputStream(Channels.newOutputStream(ch));
      try (GZIPOutputStream gz = new LevelGzipOutputStream(counting, level)) {
        IOUtils.copyLarge(in, gz, new byte[BUFFER]);
        gz.finish();
        gz.flush();
        if (force) {
          ch.force(true);
        }
      }
      return counting.getByteCount();
    }
  }

  /**
   * Whether {@code file} is a complete, valid gzip stream (every member's CRC and length
   * check).
   *
   * @param file the file to read
   * @return {@code true} when it reads to the end without error
   */
  public static boolean isValid(Path file) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), BUFFER);
        OutputStream sink = OutputStream.nullOutputStream()) {
      IOUtils.copyLarge(in, sink, new byte[BUFFER]);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether {@code gz} is a complete, valid gzip file that holds exactly the bytes of
   * {@code plain}: only then is it {@code plain}'s compressed copy, which compression leaves
   * beside its source when a crash comes between the rename of the {@code .gz} and the delete
   * of the source. Reads both files to the end (repair on open only).
   *
   * @param gz the compressed file
   * @param plain the uncompressed file
   * @return {@code true} when {@code gz} decompresses to {@code plain}'s bytes
   */
  public static boolean isCopyOf(Path gz, Path plain) {
    try (InputStream unzipped = new GZIPInputStream(Files.newInputStream(gz), BUFFER);
        InputStream in = new BufferedInputStream(Files.newInputStream(plain), BUFFER)) {
      return IOUtils.contentEquals(unzipped, in);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static final class LevelGzipOutputStream extends GZIPOutputStream {
    LevelGzipOutputStream(OutputStream out, int level) throws IOException {
      super(out, BUFFER);
      def.setLevel(level);
    }
  }
}
