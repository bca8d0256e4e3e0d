package dev.loggen.spark;

import dev.loggen.core.RunSpec;
import dev.loggen.spark.internal.Json;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a sliced run wrote: the run's spec and window, and for every slice its part of the window,
 * its line and byte counts, the SHA-256 of its uncompressed content and its file. The driver
 * writes it as {@code _manifest.json} next to the files once every slice has succeeded, and only
 * then: a directory with a manifest holds a complete run; one without is incomplete.
 *
 * <p>The JSON ({@link #toJson()}) has the fields of this record and of {@link Part}, in this
 * order:
 *
 * <pre>{@code
 * {
 *   "manifest": "loggen-spark",
 *   "version": 1,
 *   "spec": "loggen-run-spec=1\nseed=42\n...",
 *   "format": "combined",
 *   "start": "2026-01-01T00:00:00Z",
 *   "end": "2026-01-01T02:00:00Z",
 *   "gzip": true,
 *   "slices": 4,
 *   "lines": 102345,
 *   "bytes": 26945120,
 *   "parts": [
 *     {"slice": 0, "start": "2026-01-01T00:00:00Z", "end": "2026-01-01T00:30:00Z",
 *      "lines": 25012, "bytes": 6581234, "sha256": "9f86d0...", "files": ["access-...log.gz"],
 *      "storedBytes": 1032345},
 *     ...
 *   ]
 * }
 * }</pre>
 *
 * {@code bytes} and {@code sha256} are those of the uncompressed lines (each ended by
 * {@code '\n'}); {@code storedBytes} is the size of the file as stored (compressed when
 * {@code gzip}). Concatenating the uncompressed files in {@code parts} order gives, byte for
 * byte, the single-machine run of {@code spec}.
 *
 * @param spec the run's spec in its text form ({@link RunSpec#toText()})
 * @param format the format, as the spec gives it (an error-log format's files are named
 *     {@code error-...}, an access-log format's {@code access-...})
 * @param start the start of the window
 * @param end the end of the window
 * @param gzip whether the files are gzip-compressed
 * @param parts one entry per slice, in slice order
 * @serial exclude (serialisable so that tasks can return it; {@link #toJson()} is the stable form)
 */
public record Manifest(String spec, String format, Instant start, Instant end, boolean gzip,
    List<Part> parts) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The name of the manifest file in the output directory. */
  public static final String FILE_NAME = "_manifest.json";

  /**
   * Checks the fields and copies the list.
   *
   * @param spec the spec text
   * @param format the format
   * @param start the window start
   * @param end the window end
   * @param gzip whether the files are compressed
   * @param parts the slices, in order
   */
  public Manifest {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    parts = List.copyOf(parts);
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).slice() != i) {
        throw new IllegalArgumentException("parts must be in slice order: part " + i
            + " is slice " + parts.get(i).slice());
      }
    }
  }

  /** {@return the number of slices} */
  public int slices() {
    return parts.size();
  }

  /** {@return the number of lines of all slices} */
  public long lines() {
    return parts.stream().mapToLong(Part::lines).sum();
  }

  /** {@return the number of uncompressed bytes of all slices} */
  public long bytes() {
    return parts.stream().mapToLong(Part::bytes).sum();
  }

  /** {@return the number of bytes stored, compressed when {@link #gzip}} */
  public long storedBytes() {
    return parts.stream().mapToLong(Part::storedBytes).sum();
  }

  /** {@return the file names of all slices, in order, relative to the output directory} */
  public List<String> files() {
    return parts.stream().flatMap(p -> p.files().stream()).toList();
  }

  /** {@return the manifest as JSON, as written to {@link #FILE_NAME}, ending with a newline} */
  public String toJson() {
    StringBuilder sb = new StringBuilder(512 + 256 * parts.size());
    sb.append("{\n  \"manifest\": \"loggen-spark\",\n  \"version\": 1,\n  \"spec\": ");
    Json.string(spec, sb).append(",\n  \"format\": ");
    Json.string(format, sb).append(",\n  \"start\": ");
    Json.string(start.toString(), sb).append(",\n  \"end\": ");
    Json.string(end.toString(), sb).append(",\n  \"gzip\": ").append(gzip)
        .append(",\n  \"slices\": ").append(parts.size())
        .append(",\n  \"lines\": ").append(lines())
        .append(",\n  \"bytes\": ").append(bytes())
        .append(",\n  \"parts\": [");
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      sb.append(i == 0 ? "\n" : ",\n").append("    {\"slice\": ").append(p.slice())
          .append(", \"start\": ");
      Json.string(p.start().toString(), sb).append(", \"end\": ");
      Json.string(p.end().toString(), sb).append(", \"lines\": ").append(p.lines())
          .append(", \"bytes\": ").append(p.bytes()).append(", \"sha256\": ");
      Json.string(p.sha256(), sb).append(", \"files\": [");
      for (int f = 0; f < p.files().size(); f++) {
        if (f > 0) {
          sb.append(", ");
        }
        Json.string(p.files().get(f), sb);
      }
      sb.append("], \"storedBytes\": ").append(p.storedBytes()).append('}');
    }
    return sb.append(parts.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
  }

  /** Shows the totals, not every part. */
  @Override
  public String toString() {
    return "Manifest[format=" + format + ", start=" + start + ", end=" + end + ", gzip=" + gzip
        + ", slices=" + parts.size() + ", lines=" + lines() + ", bytes=" + bytes()
        + ", storedBytes=" + storedBytes() + "]";
  }

  /**
   * One slice of the run and its file.
   *
   * @param slice the slice index, from 0
   * @param start the first instant of the slice's part of the window
   * @param end the instant the part ends before
   * @param lines the number of lines
   * @param bytes the number of uncompressed bytes, line terminators included
   * @param sha256 the SHA-256 of the uncompressed content, in lower-case hex
   * @param files the slice's files, relative to the output directory (one file per slice)
   * @param storedBytes the size of the files as stored
   * @serial exclude
   */
  public record Part(int slice, Instant start, Instant end, long lines, long bytes,
      String sha256, List<String> files, long storedBytes) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Checks the fields and copies the list.
     *
     * @param slice the index
     * @param start the start
     * @param end the end
     * @param lines the line count
     * @param bytes the uncompressed byte count
     * @param sha256 the checksum
     * @param files the files
     * @param storedBytes the stored size
     */
    public Part {
      if (slice < 0) {
        throw new IllegalArgumentException("slice must not be negative (got " + slice + ")");
      }
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      Objects.requireNonNull(sha256, "sha256");
      files = List.copyOf(files);
      if (lines < 0 || bytes < 0 || storedBytes < 0) {
        throw new IllegalArgumentException("counts must not be negative (got lines=" + lines
            + ", bytes=" + bytes + ", storedBytes=" + storedBytes + ")");
      }
    }
  }
}
