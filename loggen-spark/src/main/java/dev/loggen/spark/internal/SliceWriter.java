package dev.loggen.spark.internal;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.RunSpec;
import dev.loggen.spark.Manifest;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.jspecify.annotations.Nullable;

/**
 * Writes one slice of a run to its own file, as one Spark task does; safe when the task is
 * retried or runs twice (speculation).
 *
 * <p><b>Protocol.</b> The attempt renders the slice into
 * {@code <output>/_temporary/<application>/<name>.attempt-<taskAttemptId>.tmp}, a name no other
 * attempt uses, hashing the uncompressed bytes (SHA-256) on the way. When the file is complete
 * and closed, the attempt renames it to {@code <output>/<name>}. If that name exists already, an
 * earlier attempt of the same slice committed it: the attempt reads it back, and succeeds (after
 * deleting its own temporary file) only when the content's SHA-256 is its own; otherwise it
 * fails, naming the file, because the file does not belong to this run. An attempt that fails
 * before the rename deletes its temporary file; whatever a killed attempt leaves behind lies
 * under {@code _temporary}, which the driver deletes at the end of the job. So a final name only
 * ever holds a complete file, and each slice has exactly one.
 */
public final class SliceWriter {
  /** Lines are handed to the (compressing) stream in chunks of this many bytes. */
  static final int CHUNK_BYTES = 256 * 1024;

  private SliceWriter() {}

  /**
   * What every task of a job shares.
   *
   * @param spec the run
   * @param slices the number of slices
   * @param output the qualified URI of the output directory
   * @param tempDir the temporary directory of this job, relative to {@code output}
   * @param gzip whether to compress
   * @param gzipLevel the deflate level, 1 to 9
   * @param conf the Hadoop configuration
   * @param hook a test seam, or null
   * @serial exclude
   */
  public record Job(RunSpec spec, int slices, String output, String tempDir, boolean gzip,
      int gzipLevel, HadoopConf conf, @Nullable FaultHook hook) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Checks the fields.
     *
     * @param spec the run
     * @param slices the number of slices
     * @param output the output URI
     * @param tempDir the temporary directory
     * @param gzip whether to compress
     * @param gzipLevel the deflate level
     * @param conf the Hadoop configuration
     * @param hook the test seam
     */
    public Job {
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(tempDir, "tempDir");
      Objects.requireNonNull(conf, "conf");
      if (gzipLevel < 1 || gzipLevel > 9) {
        throw new IllegalArgumentException("gzipLevel must be between 1 and 9 (got " + gzipLevel
            + ")");
      }
    }
  }

  /**
   * One slice to write.
   *
   * @param slice the slice index
   * @param fileName its file name, relative to the output directory
   * @serial exclude
   */
  public record Task(int slice, String fileName) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Writes one slice and commits its file.
   *
   * @param job the job
   * @param task the slice
   * @param taskAttemptId an id no other attempt of the application shares
   * @param attemptNumber which attempt of this task this is, from 0
   * @return the slice's manifest entry
   * @throws UncheckedIOException naming the file when it cannot be written
   * @throws IllegalStateException when the final file exists with other content
   */
  public static Manifest.Part write(Job job, Task task, long taskAttemptId, int attemptNumber) {
    LogGenerator slice = job.spec().toGenerator().slice(task.slice(), job.slices());
    LogFormat format = FormatSpec.resolve(job.spec().format());
    Path out = new Path(job.output());
    Path target = new Path(out, task.fileName());
    Path temp = new Path(new Path(out, job.tempDir()),
        task.fileName() + ".attempt-" + taskAttemptId + ".tmp");
    Configuration conf = job.conf().get();
    try (FileSystem fs = FileSystem.newInstance(out.toUri(), conf)) {
      noChecksumFiles(fs);
      Counts counts;
      try {
        counts = render(slice, format, fs.create(temp, true, 1 << 20), job, task.slice(),
            attemptNumber);
        commit(fs, temp, target, counts.sha256, job.gzip());
      } catch (IOException | RuntimeException | Error e) {
        deleteQuietly(fs, temp, e);
        throw e;
      }
      long stored = fs.getFileStatus(target).getLen();
      return new Manifest.Part(task.slice(), slice.emitFrom(),
          Objects.requireNonNull(slice.emitTo()), counts.lines, counts.bytes, counts.sha256,
          List.of(task.fileName()), stored);
    } catch (IOException e) {
      throw new UncheckedIOException("slice " + task.slice() + ": cannot write " + target + ": "
          + e, e);
    }
  }

  /**
   * Turns Hadoop's {@code .crc} side files off: the manifest carries the checksums.
   *
   * @param fs the file system, an instance of this caller's own (not the shared cache's)
   */
  public static void noChecksumFiles(FileSystem fs) {
    fs.setWriteChecksum(false);
    fs.setVerifyChecksum(false);
  }

  private record Counts(long lines, long bytes, String sha256) {}

  private static Counts render(LogGenerator slice, LogFormat format, OutputStream file, Job job,
      int sliceIndex, int attemptNumber) throws IOException {
    MessageDigest sha = sha256();
    long lines = 0;
    long bytes = 0;
    try (OutputStream out = job.gzip() ? new LevelGzip(file, job.gzipLevel()) : file) {
      LogFormat.Renderer renderer = format.newRenderer();
      LineBuffer buf = new LineBuffer(CHUNK_BYTES + 8 * 1024);
      Iterator<AccessEvent> events = slice.iterator();
      FaultHook hook = job.hook();
      while (events.hasNext()) {
        AccessEvent e = events.next();
        if (!format.accepts(e)) {
          continue;
        }
        renderer.render(e, buf);
        buf.append((byte) '\n');
        lines++;
        if (buf.length() >= CHUNK_BYTES) {
          sha.update(buf.array(), 0, buf.length());
          out.write(buf.array(), 0, buf.length());
          bytes += buf.length();
          buf.reset();
          if (hook != null) {
            out.flush();
            hook.afterChunk(sliceIndex, attemptNumber, lines);
          }
        }
      }
      sha.update(buf.array(), 0, buf.length());
      out.write(buf.array(), 0, buf.length());
      bytes += buf.length();
    }
    return new Counts(lines, bytes, HexFormat.of().formatHex(sha.digest()));
  }

  private static void commit(FileSystem fs, Path temp, Path target, String sha256, boolean gzip)
      throws IOException {
    if (!fs.exists(target) && fs.rename(temp, target)) {
      return;
    }
    // The final name exists: another attempt of this slice (a retry after a lost result, or a
    // speculative copy) got there first. Keep its file if it holds exactly our content.
    String existing;
    try {
      existing = sha256Of(fs, target, gzip);
    } catch (FileNotFoundException e) {
      throw new IOException("cannot rename " + temp + " to " + target, e);
    } catch (ZipException | EOFException e) {
      // Not a whole gzip file, so not one a run committed (before: "slice k: cannot write
      // <file>: java.util.zip.ZipException: Not in GZIP format", as if writing had failed).
      fs.delete(temp, false);
      throw new IllegalStateException(target + " exists with other content (not a complete"
          + " gzip file: " + e.getMessage() + "): it is not from this run; delete it or choose"
          + " another output");
    }
    fs.delete(temp, false);
    if (!existing.equals(sha256)) {
      throw new IllegalStateException(target + " exists with other content (SHA-256 " + existing
          + ", this run's slice has " + sha256 + "): it is not from this run; delete it or choose"
          + " another output");
    }
  }

  /**
   * The SHA-256 of a file's (uncompressed) content, in lower-case hex.
   *
   * @param fs the file system
   * @param file the file
   * @param gzip whether it is gzip-compressed
   * @return the checksum
   * @throws IOException when it cannot be read
   */
  public static String sha256Of(FileSystem fs, Path file, boolean gzip) throws IOException {
    MessageDigest sha = sha256();
    try (InputStream raw = fs.open(file, 1 << 20);
        InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
      byte[] b = new byte[1 << 16];
      for (int n; (n = in.read(b)) > 0; ) {
        sha.update(b, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * Deletes a path, adding a failure to delete to {@code cause}'s suppressed exceptions.
   *
   * @param fs the file system
   * @param path the path (a file, or a directory with its content)
   * @param cause the failure being reported
   */
  public static void deleteQuietly(FileSystem fs, Path path, Throwable cause) {
    try {
      fs.delete(path, true);
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** A gzip stream with a chosen deflate level; its header is fixed (no time, no name). */
  private static final class LevelGzip extends GZIPOutputStream {
    LevelGzip(OutputStream out, int level) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(level);
    }
  }
}
