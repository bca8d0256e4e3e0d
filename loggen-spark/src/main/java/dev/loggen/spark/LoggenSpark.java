package dev.loggen.spark;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogFormat;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.RunSpec;
import dev.loggen.core.config.ConfigNode;
import dev.loggen.core.config.LegacyConfig;
import dev.loggen.core.config.YamlConfig;
import dev.loggen.spark.internal.FaultHook;
import dev.loggen.spark.internal.FileNames;
import dev.loggen.spark.internal.FormatSpec;
import dev.loggen.spark.internal.HadoopConf;
import dev.loggen.spark.internal.SliceWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Generates a run on Apache Spark, one task per slice of the window. Use it inside your own
 * Spark job; {@link SparkMain} is the same for {@code spark-submit}.
 *
 * <pre>{@code
 * RunSpec spec = RunSpec.defaults().withSeed(42)
 *     .withWindow(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(365));
 * Manifest m = LoggenSpark.write(spark, spec, 365, "s3a://bucket/logs/2026");
 * }</pre>
 *
 * <p>Each task rebuilds the generator from the {@link RunSpec}, takes its
 * {@link LogGenerator#slice slice}, renders it with loggen's own renderer and writes it through
 * Hadoop's {@code FileSystem} API, so any file system Hadoop reaches works ({@code hdfs://},
 * {@code s3a://}, {@code gs://}, {@code abfs://}, {@code file://}). Lines never pass through a
 * DataFrame. The files are named by their slice's start (see {@link #write(SparkSession, RunSpec,
 * int, String, boolean)}); a retried or speculative task never leaves a partial or second file;
 * {@code _manifest.json} is written when every slice has succeeded, and only then.
 */
public final class LoggenSpark {
  /** The directory, under the output, where attempts write before they commit. */
  public static final String TEMP_DIR = "_temporary";
  /** The name every file of an access log starts with. */
  public static final String FILE_PREFIX = "access";
  /**
   * The name every file starts with when the run writes the error log alone (the format
   * {@code apache-error} or {@code nginx-error}).
   */
  public static final String ERROR_FILE_PREFIX = "error";
  /** The deflate level of the files: 6, gzip's default. */
  public static final int GZIP_LEVEL = 6;
  /**
   * The most slices a run takes: 1,000,000, as many Spark tasks and files (a minute each for a
   * year, an hour each for a century). The driver holds a name, a task and a manifest entry
   * for each; more would be more files than a store lists comfortably, and a driver that
   * plans them runs short of memory.
   */
  public static final int MAX_SLICES = 1_000_000;

  private static final StructType EVENT_SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("epochMillis", DataTypes.LongType, false),
      DataTypes.createStructField("offset", DataTypes.StringType, false),
      DataTypes.createStructField("clientAddress", DataTypes.StringType, false),
      DataTypes.createStructField("ident", DataTypes.StringType, true),
      DataTypes.createStructField("user", DataTypes.StringType, true),
      DataTypes.createStructField("method", DataTypes.StringType, false),
      DataTypes.createStructField("path", DataTypes.StringType, false),
      DataTypes.createStructField("protocol", DataTypes.StringType, false),
      DataTypes.createStructField("status", DataTypes.IntegerType, false),
      DataTypes.createStructField("bytes", DataTypes.LongType, false),
      DataTypes.createStructField("referrer", DataTypes.StringType, true),
      DataTypes.createStructField("userAgent", DataTypes.StringType, true),
      DataTypes.createStructField("responseTimeMicros", DataTypes.LongType, false),
      DataTypes.createStructField("host", DataTypes.StringType, false),
      DataTypes.createStructField("sessionId", DataTypes.LongType, false),
      DataTypes.createStructField("state", DataTypes.StringType, false),
      DataTypes.createStructField("visitorKind", DataTypes.StringType, false),
      DataTypes.createStructField("scenario", DataTypes.StringType, true)});

  private LoggenSpark() {}

  /**
   * Writes the run in {@code slices} gzip-compressed files under {@code outputUri}; same as
   * {@code write(spark, spec, slices, outputUri, true)}.
   *
   * <p>When a slice fails for good (after {@code spark.task.maxFailures} attempts), Spark's
   * {@code SparkException} propagates (undeclared, as from any Spark action) and no manifest is
   * written.
   *
   * @param spark the session
   * @param spec the run; its window must have an end
   * @param slices the number of slices (and tasks and files), at most {@link #MAX_SLICES}
   * @param outputUri the output directory, any URI Hadoop's {@code FileSystem} reaches
   * @return the manifest, as written to {@code _manifest.json}
   * @throws IllegalArgumentException when the spec, the slice count or the format is bad (or
   *     left at the default while the configuration names another, see
   *     {@link #write(SparkSession, RunSpec, int, String, boolean)}), or the output is not a
   *     path, has no file system, or is (or lies under) a file
   * @throws IllegalStateException when the output already holds a complete run
   * @throws UncheckedIOException when the output cannot be reached, created or written
   */
  public static Manifest write(SparkSession spark, RunSpec spec, int slices, String outputUri) {
    return write(spark, spec, slices, outputUri, true);
  }

  /**
   * Writes the run in {@code slices} files under {@code outputUri}, one Spark task per slice.
   *
   * <p>Slice k holds the lines whose timestamps fall in the k-th of {@code slices} equal parts
   * of the window; its file is {@code access-<start>.log.gz} (or {@code .log}), where start is
   * the part's start in UTC at the coarsest precision that writes every part's start exactly:
   * {@code access-2026-01-01.log.gz} for daily slices, {@code access-2026-01-01T06.log.gz},
   * {@code access-2026-01-01T00-30.log.gz}, {@code access-2026-01-01T00-00-07.log.gz} or
   * {@code access-2026-01-01T00-00-00.250.log.gz}; a run of an error-log format
   * ({@code apache-error}, {@code nginx-error}) writes the error log alone, in files named
   * {@code error-<start>.log.gz} alike. The names sort as the slices do, and the files,
   * uncompressed and concatenated in that order, are byte for byte the single-machine run.
   *
   * <p>Each attempt writes under {@code _temporary/} and renames its file when complete; a
   * final name that exists already is accepted only when its content's SHA-256 is the
   * attempt's own. When every task has succeeded the driver writes {@code _manifest.json} (see
   * {@link Manifest}) and deletes {@code _temporary}. An output that holds a
   * {@code _manifest.json} already is refused; files left by an earlier, failed run of the same
   * spec are regenerated, checked and kept. When a slice fails for good (after
   * {@code spark.task.maxFailures} attempts), Spark's {@code SparkException} propagates
   * (undeclared, as from any Spark action) and no manifest is written.
   *
   * <p>The lines are in the spec's {@link RunSpec#format() format}, one string; a spec does not
   * read its configuration's {@code format} section. A format given with
   * {@link RunSpec#withFormat} wins over the configuration's, as {@code --format} does on the
   * command line; a spec left at the default format whose configuration names another one
   * (plain, {@code format: json}, or the mapping form) is refused, naming the key, so that the
   * configuration's format is never dropped without a word: give that format with
   * {@code withFormat} (a name, an Apache {@code LogFormat} or an nginx {@code log_format}
   * string).
   *
   * @param spark the session
   * @param spec the run; its window must have an end
   * @param slices the number of slices, at most one per second of the window (or 1) and at
   *     most {@link #MAX_SLICES}
   * @param outputUri the output directory
   * @param gzip whether to compress the files (gzip, level {@value #GZIP_LEVEL})
   * @return the manifest, as written to {@code _manifest.json}
   * @throws IllegalArgumentException when the spec, the slice count or the format is bad, the
   *     spec's format is the default while its configuration names another, or the output is
   *     not a path, has no file system, or is (or lies under) a file
   * @throws IllegalStateException when the output already holds a complete run
   * @throws UncheckedIOException when the output cannot be reached, created or written
   */
  public static Manifest write(SparkSession spark, RunSpec spec, int slices, String outputUri,
      boolean gzip) {
    refuseTheConfigurationsFormat(spec);
    return write(spark, spec, slices, outputUri, gzip, null);
  }

  /**
   * Refuses a spec left at the default format whose configuration names another format: the
   * run would be written in Combined while its configuration says otherwise. ({@link SparkMain}
   * resolves the configuration's format itself, where {@code --format} wins, and does not call
   * this.)
   *
   * @throws IllegalArgumentException naming the configuration's {@code format} key
   */
  static void refuseTheConfigurationsFormat(RunSpec spec) {
    Objects.requireNonNull(spec, "spec");
    if (spec.config() == null || !spec.format().equals(RunSpec.DEFAULT_FORMAT)) {
      return;
    }
    ConfigNode root = YamlConfig.parse(spec.config(),
        spec.configSource() != null ? spec.configSource() : "config");
    if (!root.isMapping() || !root.has("format") || LegacyConfig.isLegacy(root)) {
      return;
    }
    ConfigNode f = root.get("format");
    if (f.isScalar() && f.text() != null
        && f.text().trim().equalsIgnoreCase(RunSpec.DEFAULT_FORMAT)) {
      return;
    }
    throw new IllegalArgumentException(f.source() + ":" + f.line() + ":" + f.column()
        + ": format: the run is written in the spec's format, here the default (combined), and"
        + " a RunSpec does not read its configuration's format: give this one with"
        + " RunSpec.withFormat (a name, an Apache LogFormat or an nginx log_format string)");
  }

  static Manifest write(SparkSession spark, RunSpec spec, int slices, String outputUri,
      boolean gzip, @Nullable FaultHook hook) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(outputUri, "outputUri");
    Plan plan = plan(spec, slices);
    String prefix = FormatSpec.isErrorLog(spec.format()) ? ERROR_FILE_PREFIX : FILE_PREFIX;
    List<String> names = FileNames.names(prefix, plan.starts(), gzip ? ".log.gz" : ".log");

    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Path out = outputPath(outputUri);
    try (FileSystem fs = fileSystem(out, hadoop)) {
      SliceWriter.noChecksumFiles(fs);
      Path dir = fs.makeQualified(out);
      Path manifestPath = new Path(dir, Manifest.FILE_NAME);
      if (fs.exists(manifestPath)) {
        throw new IllegalStateException(dir + " already holds a complete run (" + Manifest.FILE_NAME
            + "): choose another output or delete it");
      }
      makeOutputDirectory(fs, dir);
      refuseOtherRunsFiles(fs, dir, names);
      String app = spark.sparkContext().applicationId();
      String tempDir = TEMP_DIR + "/" + app;
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      Broadcast<SliceWriter.Job> job = jsc.broadcast(new SliceWriter.Job(spec, slices,
          dir.toString(), tempDir, gzip, GZIP_LEVEL, new HadoopConf(hadoop), hook));
      Throwable failure = null;
      try {
        makeTempDirectory(fs, dir, new Path(dir, tempDir));
        List<SliceWriter.Task> tasks = IntStream.range(0, slices)
            .mapToObj(k -> new SliceWriter.Task(k, names.get(k))).toList();
        List<Manifest.Part> parts = new ArrayList<>(jsc.parallelize(tasks, slices)
            .map(t -> writeSlice(job.value(), t)).collect());
        parts.sort(Comparator.comparingInt(Manifest.Part::slice));
        Manifest manifest = new Manifest(spec.toText(), spec.format(), plan.start(), plan.end(),
            gzip, parts);
        commitManifest(fs, dir, tempDir, manifest);
        return manifest;
      } catch (IOException | RuntimeException | Error e) {
        failure = e;
        throw e;
      } finally {
        job.destroy();
        deleteTemp(fs, dir, failure);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run to " + outputUri + ": " + e, e);
    }
  }

  /**
   * The output as a Hadoop path.
   *
   * @throws IllegalArgumentException quoting the output when it is not a path or URI
   */
  static Path outputPath(String outputUri) {
    try {
      return new Path(outputUri);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("output \"" + outputUri + "\" is not a path or URI: "
          + e.getMessage(), e);
    }
  }

  private static FileSystem fileSystem(Path out, Configuration hadoop) throws IOException {
    try {
      return FileSystem.newInstance(out.toUri(), hadoop);
    } catch (UnsupportedFileSystemException e) {
      throw noFileSystem(out, e);
    } catch (RuntimeException e) {
      // A scheme Hadoop knows (s3a, gs, abfs) whose connector class is missing: Hadoop's
      // Configuration.getClass wraps the ClassNotFoundException in a RuntimeException.
      if (e.getCause() instanceof ClassNotFoundException) {
        throw noFileSystem(out, e);
      }
      throw e;
    }
  }

  private static IllegalArgumentException noFileSystem(Path out, Exception e) {
    return new IllegalArgumentException("output " + out + ": no file system for the scheme \""
        + out.toUri().getScheme() + "\" (is its Hadoop connector on the classpath?)", e);
  }

  /** Creates the output directory; an output, or a parent of it, that is a file is refused. */
  private static void makeOutputDirectory(FileSystem fs, Path dir) throws IOException {
    if (fs.exists(dir)) {
      if (!fs.getFileStatus(dir).isDirectory()) {
        throw new IllegalArgumentException("output " + dir + " is a file, not a directory");
      }
      return;
    }
    for (Path p = dir.getParent(); p != null; p = p.getParent()) {
      if (fs.exists(p)) {
        if (!fs.getFileStatus(p).isDirectory()) {
          throw new IllegalArgumentException("output " + dir + " cannot be created: " + p
              + " is a file, not a directory");
        }
        break;
      }
    }
    // An output that cannot be created or written is an I/O failure, as on the command line
    // (exit code 1 from SparkMain), not bad usage.
    boolean made;
    try {
      made = fs.mkdirs(dir);
    } catch (IOException e) { // HDFS: permission denied, quota, ...
      throw new UncheckedIOException("output " + dir + " cannot be created: "
          + e.getMessage(), e);
    }
    if (!made) { // the local file system says no more than that
      String m = "output " + dir + " cannot be created (is its parent directory writable?)";
      throw new UncheckedIOException(m, new IOException(m));
    }
  }

  /**
   * Creates the attempts' directory on the driver, so that an output the run cannot write into
   * is found before any task starts, in one line, rather than in every task's failure.
   */
  private static void makeTempDirectory(FileSystem fs, Path dir, Path temp) {
    boolean made;
    try {
      made = fs.mkdirs(temp);
    } catch (IOException e) {
      throw new UncheckedIOException("output " + dir + " cannot be written: "
          + e.getMessage(), e);
    }
    if (!made) {
      String m = "output " + dir + " cannot be written: " + temp + " cannot be created (is the"
          + " directory writable?)";
      throw new UncheckedIOException(m, new IOException(m));
    }
  }

  /**
   * Refuses an output that holds log files this run would not write (a failed earlier run with
   * another slice count, window or compression): they would sort among this run's files, and
   * the files in name order would no longer be the run. A log file is one named as a run names
   * its files ({@code access-<start>.log[.gz]}, {@code error-<start>.log[.gz]}); other files
   * ({@code access-control.md}, {@code errors.txt}) are left alone. Files of this run's names
   * are left to the tasks, which keep an identical one and fail on a different one.
   */
  private static void refuseOtherRunsFiles(FileSystem fs, Path dir, List<String> names)
      throws IOException {
    Set<String> ours = new HashSet<>(names);
    List<String> others = new ArrayList<>();
    for (FileStatus st : fs.listStatus(dir)) {
      String n = st.getPath().getName();
      if (!ours.contains(n) && isLogFileName(n)) {
        others.add(n);
      }
    }
    if (!others.isEmpty()) {
      Collections.sort(others);
      throw new IllegalStateException(String.format(Locale.ROOT,
          "%s holds %d log file(s) this run does not write (%s%s), from another run: delete"
              + " them or choose another output", dir, others.size(),
          String.join(", ", others.subList(0, Math.min(3, others.size()))),
          others.size() > 3 ? ", ..." : ""));
    }
  }

  /** Whether a run, of any slices, format or compression, could have written {@code name}. */
  private static boolean isLogFileName(String name) {
    for (String prefix : List.of(FILE_PREFIX, ERROR_FILE_PREFIX)) {
      for (String suffix : List.of(".log", ".log.gz")) {
        if (FileNames.isName(name, prefix, suffix)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Manifest.Part writeSlice(SliceWriter.Job job, SliceWriter.Task task) {
    TaskContext tc = TaskContext.get();
    return SliceWriter.write(job, task, tc.taskAttemptId(), tc.attemptNumber());
  }

  private static void commitManifest(FileSystem fs, Path dir, String tempDir, Manifest manifest)
      throws IOException {
    Path temp = new Path(new Path(dir, tempDir), Manifest.FILE_NAME + ".tmp");
    try (OutputStream o = fs.create(temp, true)) {
      o.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
    }
    Path target = new Path(dir, Manifest.FILE_NAME);
    if (fs.exists(target) || !fs.rename(temp, target)) {
      throw new IllegalStateException("cannot commit " + target
          + ": another run wrote one meanwhile (or the rename failed)");
    }
  }

  private static void deleteTemp(FileSystem fs, Path dir, @Nullable Throwable failure)
      throws IOException {
    // Ours, and whatever killed attempts of earlier runs into this output left behind (an
    // output directory takes one run at a time).
    try {
      fs.delete(new Path(dir, TEMP_DIR), true);
    } catch (IOException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }

  /**
   * The events of the run as a {@code Dataset<Row>}, one partition per slice, in timestamp order
   * within each partition and partitions in slice order: for processing inside Spark without
   * writing logs first. Columns: {@code timestamp} (timestamp), {@code epochMillis},
   * {@code offset} (e.g. {@code +01:00}), {@code clientAddress}, {@code ident}, {@code user},
   * {@code method}, {@code path}, {@code protocol}, {@code status} (int), {@code bytes},
   * {@code referrer}, {@code userAgent}, {@code responseTimeMicros}, {@code host},
   * {@code sessionId}, {@code state}, {@code visitorKind}, {@code scenario} (the fields of
   * {@link AccessEvent}; absent values are null). The events are generated lazily, when an
   * action runs, and again for every action (cache the Dataset to keep them).
   *
   * @param spark the session
   * @param spec the run; its window must have an end
   * @param slices the number of slices (partitions), at most {@link #MAX_SLICES}
   * @return the events
   * @throws IllegalArgumentException when the spec or the slice count is bad
   */
  public static Dataset<Row> events(SparkSession spark, RunSpec spec, int slices) {
    Objects.requireNonNull(spark, "spark");
    plan(spec, slices);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Integer> indices = IntStream.range(0, slices).boxed().toList();
    JavaRDD<Row> rows = jsc.parallelize(indices, slices)
        .mapPartitions(it -> rows(spec, slices, it));
    Dataset<Row> df = spark.createDataFrame(rows, EVENT_SCHEMA);
    List<org.apache.spark.sql.Column> columns = new ArrayList<>();
    columns.add(functions.timestamp_millis(functions.col("epochMillis")).as("timestamp"));
    for (String name : EVENT_SCHEMA.fieldNames()) {
      columns.add(functions.col(name));
    }
    return df.select(columns.toArray(new org.apache.spark.sql.Column[0]));
  }

  private static Iterator<Row> rows(RunSpec spec, int slices, Iterator<Integer> indices) {
    if (!indices.hasNext()) {
      return java.util.Collections.emptyIterator();
    }
    Iterator<AccessEvent> events =
        spec.toGenerator().slice(indices.next(), slices).iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return events.hasNext();
      }

      @Override
      public Row next() {
        AccessEvent e = events.next();
        return RowFactory.create(e.epochMillis(), e.offset().getId(), e.clientAddress(),
            e.ident(), e.user(), e.method(), e.path(), e.protocol(), e.status(), e.bytes(),
            e.referrer(), e.userAgent(), e.responseTimeMicros(), e.host(), e.sessionId(),
            e.state(), e.visitorKind().label(), e.scenario());
      }
    };
  }

  /**
   * The access-log format a spec's {@code format} names: a registered name ({@code combined},
   * ...), {@code apache:} or {@code nginx:} followed by a format string, or a bare format string
   * (with a {@code $variable}, an nginx {@code log_format}, whatever {@code %} it also holds;
   * else with a {@code %} directive, an Apache {@code LogFormat}).
   *
   * @param format the format as given
   * @return the format
   * @throws IllegalArgumentException when it names no format
   */
  public static LogFormat format(String format) {
    return FormatSpec.resolve(format);
  }

  /** The window and slice starts of a run, checked on the driver before any task starts. */
  private record Plan(Instant start, Instant end, long[] starts) {}

  /**
   * Checks a run and its slice count as {@link #write} does before any task starts, without
   * writing anything: for {@link SparkMain}, to refuse bad usage before Spark starts.
   *
   * @throws IllegalArgumentException when the spec, the slice count or the format is bad
   */
  static void check(RunSpec spec, int slices) {
    plan(spec, slices);
  }

  /**
   * The length of a spec's window, checked to have an end.
   *
   * @throws IllegalArgumentException when the window has no end
   */
  static Duration duration(LogGenerator gen) {
    Duration d = gen.duration();
    if (d == null) {
      throw new IllegalArgumentException(
          "the window has no end: a run on Spark needs a duration");
    }
    return d;
  }

  /**
   * The most slices a window of length {@code d} takes: one per second, and one whatever the
   * window's length (a window shorter than a second is one slice).
   */
  static long maxSlices(Duration d) {
    return Math.max(1, d.toMillis() / 1000);
  }

  private static Plan plan(RunSpec spec, int slices) {
    Objects.requireNonNull(spec, "spec");
    if (slices < 1) {
      throw new IllegalArgumentException("slices must be positive (got " + slices + ")");
    }
    if (slices > MAX_SLICES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "slices must be at most %d,"
          + " one Spark task and one file each (got %d)", MAX_SLICES, slices));
    }
    FormatSpec.resolve(spec.format());
    // Builds (and so checks) the generator; generates nothing: that happens in the tasks.
    LogGenerator gen = spec.toGenerator();
    Duration d = duration(gen);
    long seconds = maxSlices(d);
    if (slices > seconds) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "slices must be at most one per second of the window: at most %d for %s (got %d)",
          seconds, d, slices));
    }
    long[] starts = new long[slices];
    for (int k = 0; k < slices; k++) {
      // not slice(k, slices).emitFrom(): building a generator per slice took milliseconds
      // each, so a million slices hung the driver before any task started
      starts[k] = gen.sliceStart(k, slices).toEpochMilli();
    }
    return new Plan(gen.start(), gen.start().plus(d), starts);
  }
}
