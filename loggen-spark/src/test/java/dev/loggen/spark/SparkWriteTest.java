package dev.loggen.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.RunSpec;
import dev.loggen.formats.LogFormats;
import dev.loggen.spark.internal.FaultHook;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkWriteTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  /** Two hours at a modest rate: about 17,000 lines (sessions got shorter with realism). */
  private static final RunSpec SPEC = RunSpec.defaults().withSeed(42).withSessionsPerHour(1_000)
      .withWindow(START, Duration.ofHours(2));

  /** What the fault hook saw, per test JVM (local mode runs the tasks in this JVM). */
  static final AtomicInteger FAILED_ATTEMPTS = new AtomicInteger();
  static final Map<String, Long> PARTIAL_TEMP_FILES = new ConcurrentHashMap<>();

  private final SparkSession spark = TestSpark.session();

  @Test
  void fourSlicesAreTheSingleMachineRun(@TempDir Path tmp) {
    Path out = tmp.resolve("out");
    Manifest m = LoggenSpark.write(spark, SPEC, 4, out.toUri().toString());
    assertEquals(List.of("access-2026-01-01T00-00.log.gz", "access-2026-01-01T00-30.log.gz",
        "access-2026-01-01T01-00.log.gz", "access-2026-01-01T01-30.log.gz"), m.files());
    assertTrue(m.gzip());
    assertTrue(m.lines() > 10_000, m.toString());
    Runs.verify(out, SPEC, LogFormats.combined(), m);
  }

  @Test
  void aFailedAttemptLeavesNoPartialOrDuplicateFile(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    // What an earlier run's killed executor left behind.
    Path stale = out.resolve("_temporary/app-dead/access-2026-01-01T01-00.log.gz.attempt-7.tmp");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "half a file");
    FAILED_ATTEMPTS.set(0);
    PARTIAL_TEMP_FILES.clear();
    String temp = out.resolve("_temporary").toString();
    FaultHook failSecondSliceOnce = (slice, attempt, lines) -> {
      if (slice == 2 && attempt == 0 && lines > 2_000) {
        try (Stream<Path> files = Files.walk(Path.of(temp))) {
          files.filter(p -> !p.toString().contains("app-dead"))
              .filter(p -> p.getFileName().toString().matches(
              "access-2026-01-01T01-00\\.log\\.gz\\.attempt-\\d+\\.tmp"))
              .forEach(p -> PARTIAL_TEMP_FILES.put(p.toString(), p.toFile().length()));
        }
        FAILED_ATTEMPTS.incrementAndGet();
        throw new IOException("simulated failure of attempt 0 of slice 2 after " + lines
            + " lines");
      }
    };

    Manifest m = LoggenSpark.write(spark, SPEC, 4, out.toUri().toString(), true,
        failSecondSliceOnce);

    assertEquals(1, FAILED_ATTEMPTS.get(), "attempt 0 of slice 2 failed, once");
    assertEquals(1, PARTIAL_TEMP_FILES.size(), PARTIAL_TEMP_FILES.toString());
    assertTrue(PARTIAL_TEMP_FILES.values().iterator().next() > 0,
        "the failed attempt had written part of its temporary file: " + PARTIAL_TEMP_FILES);
    Runs.verify(out, SPEC, LogFormats.combined(), m);
    assertFalse(Files.exists(out.resolve("_temporary")), "no temporary file is left");
  }

  @Test
  void aForeignFileFailsTheRunWithoutManifestAndARerunCompletesIt(@TempDir Path tmp)
      throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Path foreign = out.resolve("access-2026-01-01T01-00.log.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(foreign))) {
      o.write("a line of another run\n".getBytes(StandardCharsets.UTF_8));
    }
    byte[] foreignBytes = Files.readAllBytes(foreign);

    SparkException e = assertThrows(SparkException.class,
        () -> LoggenSpark.write(spark, SPEC, 4, out.toUri().toString()));
    assertTrue(String.valueOf(e.getMessage()).contains("exists with other content"),
        e.getMessage());
    assertFalse(Files.exists(out.resolve(Manifest.FILE_NAME)), "no manifest for a failed run");
    assertFalse(Files.exists(out.resolve("_temporary")), "no temporary file is left");
    assertArrayEquals(foreignBytes, Files.readAllBytes(foreign), "the foreign file is kept");

    Files.delete(foreign);
    Manifest m = LoggenSpark.write(spark, SPEC, 4, out.toUri().toString());
    Runs.verify(out, SPEC, LogFormats.combined(), m);
  }

  /**
   * A file under a slice's name that is not gzip at all (or a truncated one) is another run's
   * too, and said so. Before: "slice 2: cannot write <file>: java.util.zip.ZipException: Not in
   * GZIP format", as if the write had failed.
   */
  @Test
  void aForeignFileThatIsNoGzipIsSaidToBeAnotherRuns(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Path foreign = out.resolve("access-2026-01-01T01-00.log.gz");
    Files.writeString(foreign, "a plain line of another run\n");

    SparkException e = assertThrows(SparkException.class,
        () -> LoggenSpark.write(spark, SPEC, 4, out.toUri().toString()));
    assertTrue(String.valueOf(e.getMessage()).contains(foreign.getFileName()
        + " exists with other content (not a complete gzip file: Not in GZIP format): it is"
        + " not from this run; delete it or choose another output"), e.getMessage());
    assertFalse(Files.exists(out.resolve(Manifest.FILE_NAME)), "no manifest for a failed run");
    assertEquals("a plain line of another run\n", Files.readString(foreign), "kept");
  }

  /**
   * An earlier failed run with another slice count left a file this run would not write: the
   * run is refused on the driver, naming the file, before any task writes; without it the
   * run completes.
   */
  @Test
  void filesOfAnotherRunAreRefusedBeforeAnyTask(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Path stale = out.resolve("access-2026-01-01T00-20.log");
    Files.writeString(stale, "a line of a run with other slices\n");
    Path unrelated = out.resolve("notes.txt");
    Files.writeString(unrelated, "not a log file\n");

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> LoggenSpark.write(spark, SPEC, 4, out.toUri().toString()));
    assertTrue(e.getMessage().contains("holds 1 log file(s) this run does not write"
        + " (access-2026-01-01T00-20.log), from another run"), e.getMessage());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("access-2026-01-01T00-20.log", "notes.txt"),
          files.map(p -> p.getFileName().toString()).sorted().toList(), "nothing written");
    }

    Files.delete(stale);
    Files.delete(unrelated);
    Manifest m = LoggenSpark.write(spark, SPEC, 4, out.toUri().toString());
    Runs.verify(out, SPEC, LogFormats.combined(), m);
  }

  /**
   * Files whose names start like a log's but that no run writes are not another run's. Before:
   * "holds 2 log file(s) this run does not write (access-control.md, errors.txt)", refused.
   */
  @Test
  void otherFilesNamedLikeLogsAreLeftAlone(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    List<String> others = List.of("access-control.md", "errors.txt", "access.log",
        "error.log.1.gz", "access-2026-01-01.log.bak", "access-notes-01.log");
    for (String name : others) {
      Files.writeString(out.resolve(name), "not a slice\n");
    }
    RunSpec small = SPEC.withDuration(Duration.ofMinutes(10));
    Manifest m = LoggenSpark.write(spark, small, 2, out.toString(), false);
    assertEquals(List.of("access-2026-01-01T00-00.log", "access-2026-01-01T00-05.log"),
        m.files());
    for (String name : others) {
      assertEquals("not a slice\n", Files.readString(out.resolve(name)), name);
    }
  }

  @Test
  void aCompleteRunIsNotOverwritten(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    RunSpec small = SPEC.withDuration(Duration.ofMinutes(10));
    LoggenSpark.write(spark, small, 2, out.toUri().toString());
    String manifest = Files.readString(out.resolve(Manifest.FILE_NAME));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> LoggenSpark.write(spark, small, 2, out.toUri().toString()));
    assertTrue(e.getMessage().endsWith("already holds a complete run (_manifest.json): choose"
        + " another output or delete it"), e.getMessage());
    assertEquals(manifest, Files.readString(out.resolve(Manifest.FILE_NAME)));
  }

  @Test
  void plainFilesInAnotherFormatAndAPlainPath(@TempDir Path tmp) {
    Path out = tmp.resolve("plain");
    RunSpec json = SPEC.withFormat("json").withDuration(Duration.ofMinutes(30));
    Manifest m = LoggenSpark.write(spark, json, 3, out.toString(), false);
    assertEquals(List.of("access-2026-01-01T00-00.log", "access-2026-01-01T00-10.log",
        "access-2026-01-01T00-20.log"), m.files());
    assertFalse(m.gzip());
    Runs.verify(out, json, LogFormats.json(), m);
  }

  /**
   * A run of an error-log format writes the error log alone, in files named after it
   * ({@code error-...}, before: {@code access-...}), as the manifest lists them; a file of an
   * access-log run in its output is another run's, and refused.
   */
  @Test
  void anErrorLogAloneIsInErrorFiles(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("errors");
    RunSpec errors = SPEC.withFormat("nginx-error").withDuration(Duration.ofMinutes(30));
    Manifest m = LoggenSpark.write(spark, errors, 2, out.toString(), false);
    assertEquals(List.of("error-2026-01-01T00-00.log", "error-2026-01-01T00-15.log"), m.files());
    assertTrue(m.lines() > 0, m.toString());
    Runs.verify(out, errors, LogFormats.nginxError(), m);
    assertTrue(m.toJson().contains("\"files\": [\"error-2026-01-01T00-15.log\"]"), m.toJson());

    Path mixed = tmp.resolve("mixed");
    Files.createDirectories(mixed);
    Files.writeString(mixed.resolve("access-2026-01-01T00-00.log"), "an access line\n");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> LoggenSpark.write(spark, errors, 2, mixed.toString(), false));
    assertTrue(e.getMessage().contains("holds 1 log file(s) this run does not write"
        + " (access-2026-01-01T00-00.log), from another run"), e.getMessage());
  }

  @Test
  void eventsAsADataset() {
    RunSpec spec = SPEC.withDuration(Duration.ofMinutes(15));
    Dataset<Row> df = LoggenSpark.events(spark, spec, 3);
    assertEquals(3, df.rdd().getNumPartitions());
    assertEquals("timestamp", df.columns()[0]);
    List<Row> rows = df.collectAsList();
    List<AccessEvent> expected = spec.toGenerator().events().toList();
    assertEquals(expected.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      AccessEvent e = expected.get(i);
      Object ts = r.getAs("timestamp");
      long millis = ts instanceof Timestamp t ? t.getTime() : ((Instant) ts).toEpochMilli();
      assertEquals(e.epochMillis(), millis, "row " + i);
      assertEquals(e.epochMillis(), (long) r.getAs("epochMillis"), "row " + i);
      assertEquals(e.clientAddress(), r.getAs("clientAddress"), "row " + i);
      assertEquals(e.path(), r.getAs("path"), "row " + i);
      assertEquals(e.status(), (int) r.getAs("status"), "row " + i);
      assertEquals(e.sessionId(), (long) r.getAs("sessionId"), "row " + i);
      assertEquals(e.userAgent(), r.getAs("userAgent"), "row " + i);
      assertEquals(e.visitorKind().label(), r.getAs("visitorKind"), "row " + i);
      assertEquals(e.scenario(), r.getAs("scenario"), "row " + i);
    }
  }

  @Test
  void badOutputsAreRefusedWithTheOutputNamed(@TempDir Path tmp) throws IOException {
    RunSpec small = SPEC.withDuration(Duration.ofMinutes(10));
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "not a directory");
    String fileUri = "file:" + file;
    assertEquals("output " + fileUri + " is a file, not a directory",
        assertThrows(IllegalArgumentException.class,
            () -> LoggenSpark.write(spark, small, 2, file.toString())).getMessage());
    assertEquals("output " + fileUri + "/sub cannot be created: " + fileUri
        + " is a file, not a directory", assertThrows(IllegalArgumentException.class,
            () -> LoggenSpark.write(spark, small, 2, file.resolve("sub").toString()))
        .getMessage());
    assertEquals("output nosuchfs://bucket/logs: no file system for the scheme \"nosuchfs\""
        + " (is its Hadoop connector on the classpath?)",
        assertThrows(IllegalArgumentException.class,
            () -> LoggenSpark.write(spark, small, 2, "nosuchfs://bucket/logs")).getMessage());
    // A directory that cannot be made, even by root (before: exit 1 and a stack trace): an I/O
    // failure, as on the command line, not bad usage.
    assertEquals("output file:/proc/loggen-test/out cannot be created (is its parent directory"
        + " writable?)", assertThrows(UncheckedIOException.class,
            () -> LoggenSpark.write(spark, small, 2, "/proc/loggen-test/out")).getMessage());
    // An output whose attempts' directory cannot be made: found on the driver, in one line
    // (before: every task failed, exit 1 with Spark's stack).
    Path blocked = Files.createDirectories(tmp.resolve("blocked"));
    Files.writeString(blocked.resolve(LoggenSpark.TEMP_DIR), "a file where a directory goes");
    String message = assertThrows(UncheckedIOException.class,
        () -> LoggenSpark.write(spark, small, 2, blocked.toString())).getMessage();
    assertEquals("output file:" + blocked + " cannot be written: Parent path is not a"
        + " directory: file:" + blocked + "/_temporary", message);
    // A scheme Hadoop knows, whose connector is not on the classpath (before: exit 1 and a
    // ClassNotFoundException's stack).
    assertEquals("output s3a://bucket/logs: no file system for the scheme \"s3a\""
        + " (is its Hadoop connector on the classpath?)",
        assertThrows(IllegalArgumentException.class,
            () -> LoggenSpark.write(spark, small, 2, "s3a://bucket/logs")).getMessage());
    assertEquals("output \"a:b\" is not a path or URI: java.net.URISyntaxException: Relative"
        + " path in absolute URI: a:b", assertThrows(IllegalArgumentException.class,
            () -> LoggenSpark.write(spark, small, 2, "a:b")).getMessage());
    assertEquals("not a directory", Files.readString(file), "the file is left alone");
  }

  /**
   * The configuration's format is written only when the spec carries it. Before: a spec left at
   * the default wrote Combined lines for "format: json" (or the mapping form), its manifest said
   * combined, and nothing warned.
   */
  @Test
  void aFormatInTheConfigurationIsRefusedUnlessTheSpecCarriesIt(@TempDir Path tmp) {
    String never = tmp.resolve("never").toUri().toString();
    RunSpec json = SPEC.withDuration(Duration.ofMinutes(10)).withConfig("format: json\n",
        "json.yaml");
    assertEquals("json.yaml:1:9: format: the run is written in the spec's format, here the"
        + " default (combined), and a RunSpec does not read its configuration's format: give this"
        + " one with RunSpec.withFormat (a name, an Apache LogFormat or an nginx log_format"
        + " string)", assertThrows(IllegalArgumentException.class,
            () -> LoggenSpark.write(spark, json, 2, never)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> LoggenSpark.write(spark,
        SPEC.withConfig("seed: 1\nformat: {nginx: '$remote_addr $status'}\n"), 2, never, false))
        .getMessage().startsWith("config:2:9: format: the run is written in the spec's format"));
    assertFalse(Files.exists(tmp.resolve("never")), "nothing was written");

    Path out = tmp.resolve("json");
    RunSpec carried = json.withFormat("json");
    Manifest m = LoggenSpark.write(spark, carried, 2, out.toString(), false);
    assertEquals("json", m.format());
    Runs.verify(out, carried, LogFormats.json(), m);
  }

  @Test
  void badRequestsAreRefusedOnTheDriver(@TempDir Path tmp) {
    String uri = tmp.resolve("never").toUri().toString();
    assertEquals("slices must be positive (got 0)", assertThrows(IllegalArgumentException.class,
        () -> LoggenSpark.write(spark, SPEC, 0, uri)).getMessage());
    assertEquals("slices must be at most one per second of the window: at most 60 for PT1M"
        + " (got 61)", assertThrows(IllegalArgumentException.class,
            () -> LoggenSpark.write(spark, SPEC.withDuration(Duration.ofMinutes(1)), 61, uri))
        .getMessage());
    assertEquals("the window has no end: a run on Spark needs a duration",
        assertThrows(IllegalArgumentException.class, () -> LoggenSpark.write(spark,
            RunSpec.defaults().withConfig("window: {duration: endless}\n"), 2, uri))
        .getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> LoggenSpark.write(spark,
        SPEC.withFormat("fancy"), 2, uri)).getMessage().startsWith("unknown format 'fancy'"));
    assertFalse(Files.exists(tmp.resolve("never")), "nothing was written");
  }
}
