package dev.loggen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.loggen.core.LogGenerator;
import dev.loggen.core.Report;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.FileSinks;
import dev.loggen.sinks.RotatingFileSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a fixture does when the directory or the generator is not what it needs. */
class FixtureMisuseTest {
  @TempDir Path dir;

  /**
   * The access log's sink was built and never closed when the error log's failed, so the
   * directory's access.log stayed locked for the rest of the JVM: the next fixture there failed
   * with "is being written by another sink in this JVM".
   */
  @Test
  void aFailedFixtureLeavesNothingLockedForTheNext() throws Exception {
    Files.createDirectory(dir.resolve("error.log"));
    assertThrows(IllegalArgumentException.class, () -> LogFixtures.day(dir, 42));
    assertThrows(IllegalArgumentException.class, () -> LogFixtures.rotatedDay(dir, 42));
    Files.delete(dir.resolve("error.log"));
    Report r = LogFixtures.day(dir, 42);
    assertEquals(r.lines(), Files.lines(dir.resolve("access.log")).count());
    assertTrue(LogFixtures.rotatedDay(dir, 42).lines() > 0);
  }

  /**
   * An error-log format given as the access log's was refused only after both files had been
   * opened: the day written before was emptied, and both files stayed locked for the rest of
   * the JVM (the next fixture in the directory failed).
   */
  @Test
  void anErrorFormatForTheAccessLogIsRefusedBeforeTheFilesAreTouched() throws Exception {
    LogFixtures.day(dir, 42);
    byte[] before = Files.readAllBytes(dir.resolve("access.log"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LogFixtures.day(dir, 42, 100, LogFormats.apacheError()));
    assertTrue(e.getMessage().startsWith("format apache-error is an error-log format"),
        e.getMessage());
    assertTrue(Arrays.equals(before, Files.readAllBytes(dir.resolve("access.log"))),
        "the access log is as it was");
    assertEquals(LogFixtures.day(dir, 42).lines(), Files.lines(dir.resolve("access.log")).count());
  }

  /** An open window made write() fill the disk until the year 9999. */
  @Test
  @Timeout(60)
  void aGeneratorWithoutEndIsRefused() {
    LogGenerator endless = LogGenerator.builder().seed(1)
        .window(Instant.parse("2026-01-01T00:00:00Z"), null).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LogFixtures.write(dir, endless, LogFormats.common()));
    assertTrue(e.getMessage().startsWith("generator's window has no end"), e.getMessage());
    assertEquals(0, dir.toFile().list().length, "nothing written");
  }

  /** The examples that write two logs opened them outside a try and leaked the first. */
  @Test
  void aFailedExampleLeavesNothingLockedForTheNext() throws Exception {
    Files.createDirectory(dir.resolve("error.log"));
    assertThrows(IllegalArgumentException.class, () -> IncidentScenario.run(dir, 1, 50));
    assertThrows(IllegalArgumentException.class, () -> BackfillWeek.run(dir, 1, 5));
    Files.delete(dir.resolve("error.log"));
    assertTrue(IncidentScenario.run(dir, 1, 50).size() > 0);
    assertTrue(BackfillWeek.run(dir, 1, 5).lines() > 0);
  }

  /**
   * What a run killed while compressing leaves (an uncompressed hourly archive) was kept, then
   * compressed by the sink into this run's name: 25 access files, with a foreign hour.
   */
  @Test
  void aRotatedDayRemovesAnInterruptedRunsUncompressedArchive() throws Exception {
    Files.writeString(dir.resolve("access.log.2026-01-01-03.1"), "foreign line\n");
    LogFixtures.rotatedDay(dir, 42);
    try (var files = Files.list(dir)) {
      List<String> names = files.map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith("access.log")).sorted().toList();
      assertEquals(24, names.size(), names.toString());
      assertTrue(names.stream().allMatch(n -> n.equals("access.log") || n.endsWith(".1.gz")),
          names.toString());
    }
  }

  static Stream<Arguments> examplesThatDeleteArchives() {
    Consumer<Path> rotatedDay = d -> LogFixtures.rotatedDay(d, 42);
    Consumer<Path> backfillWeek = d -> BackfillWeek.run(d, 1, 5);
    return Stream.of(
        arguments("rotatedDay", rotatedDay, "access.log", "access.log.2025-12-31-23.1.gz"),
        arguments("rotatedDay", rotatedDay, "error.log", "error.log.2025-12-31-23.1.gz"),
        arguments("BackfillWeek", backfillWeek, "access.log", "access-2025-12-31.0.log.gz"),
        arguments("BackfillWeek", backfillWeek, "error.log", "error-2025-12-31.0.log.gz"));
  }

  /**
   * A fixture run into a directory whose log another sink was writing deleted that sink's
   * archives first, and only then failed on the lock: what another run had written was lost.
   */
  @ParameterizedTest(name = "{0} beside a sink writing {2}")
  @MethodSource("examplesThatDeleteArchives")
  void aDirectoryAnotherSinkWritesLosesNoArchive(String example, Consumer<Path> run,
      String log, String archive) throws Exception {
    Path archived = dir.resolve(archive);
    Files.writeString(archived, "another run's archive\n");
    // the log beside the busy one: it was emptied before the busy one's lock was tried
    Path beside = dir.resolve(log.equals("access.log") ? "error.log" : "access.log");
    Files.writeString(beside, "an earlier run's line\n");
    try (RotatingFileSink other = FileSinks.rotating(dir.resolve(log)).build()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> run.accept(dir));
      assertTrue(e.getMessage().contains(dir.resolve(log) + " is being written by another sink"),
          e.getMessage());
      assertEquals("another run's archive\n", Files.readString(archived), example);
      assertEquals("an earlier run's line\n", Files.readString(beside), example + ": " + beside);
      byte[] line = "the other sink still writes".getBytes(StandardCharsets.US_ASCII);
      other.write(line, 0, line.length, 0);
    }
    assertTrue(Files.readString(dir.resolve(log)).endsWith("the other sink still writes\n"));
    run.accept(dir); // once the other sink is closed, the example runs
    assertTrue(Files.notExists(archived), archive + " is the earlier run's, deleted");
  }

  /**
   * The fixtures' own check of the logs' paths let a dangling link as error.log through: the
   * access log was emptied (and the earlier run's archives deleted) before its sink refused it.
   */
  @Test
  void anErrorLogNoSinkCanOpenIsRefusedBeforeAnythingIsEmptiedOrDeleted() throws Exception {
    Files.writeString(dir.resolve("access.log"), "an earlier run's line\n");
    Path archive = dir.resolve("access.log.2025-12-31-23.1.gz");
    Files.writeString(archive, "an earlier run's archive\n");
    Path weekArchive = dir.resolve("access-2025-12-31.0.log.gz");
    Files.writeString(weekArchive, "an earlier week's archive\n");
    Files.createSymbolicLink(dir.resolve("error.log"), dir.resolve("nowhere/error.log"));
    assertThrows(IllegalArgumentException.class, () -> LogFixtures.day(dir, 42));
    assertThrows(IllegalArgumentException.class, () -> LogFixtures.rotatedDay(dir, 42));
    assertThrows(IllegalArgumentException.class, () -> BackfillWeek.run(dir, 1, 5));
    assertEquals("an earlier run's line\n", Files.readString(dir.resolve("access.log")));
    assertTrue(Files.exists(archive) && Files.exists(weekArchive), "archives deleted");
  }
}
