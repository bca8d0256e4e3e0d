package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.loggen.core.DataSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bad settings and bad paths fail at once with a message naming the value. */
class BadInputTest {
  @TempDir Path dir;

  private RotatingFileSink.Builder builder() {
    return FileSinks.rotating(dir.resolve("access.log"));
  }

  private static void message(String expected, Class<? extends Throwable> type,
      org.junit.jupiter.api.function.Executable call) {
    Throwable e = assertThrows(type, call);
    assertEquals(expected, e.getMessage());
  }

  /** A null builder was List.of's NullPointerException without a message. */
  @Test
  void openAllNamesANullBuilder() {
    message("builders[1] is null", NullPointerException.class,
        () -> RotatingFileSink.openAll(builder(), null));
    message("builders", NullPointerException.class,
        () -> RotatingFileSink.openAll((RotatingFileSink.Builder[]) null));
    builder().build().close(); // nothing was opened
  }

  @Test
  void negativeAndZeroValues() {
    message("size must be positive (got -3 bytes)", IllegalArgumentException.class,
        () -> builder().maxSize(DataSize.ofBytes(-3)));
    message("period must be positive (got PT0S)", IllegalArgumentException.class,
        () -> builder().period(Duration.ZERO));
    message("period must be positive (got PT-1H)", IllegalArgumentException.class,
        () -> builder().period(Duration.ofHours(-1)));
    message("period must divide a day evenly or be a whole number of days (got PT7M)",
        IllegalArgumentException.class, () -> builder().period(Duration.ofMinutes(7)));
    message("keep must be positive (got 0)", IllegalArgumentException.class,
        () -> builder().keep(0));
    message("maxAge must be positive (got PT0S)", IllegalArgumentException.class,
        () -> builder().maxAge(Duration.ZERO));
    message("gzip level must be between 1 and 9 (got 10)", IllegalArgumentException.class,
        () -> builder().gzip(10));
    message("retry attempts must be at least 1 (got 0)", IllegalArgumentException.class,
        () -> builder().retry(0, Duration.ZERO));
    message("retry backoff must not be negative (got PT-0.001S)", IllegalArgumentException.class,
        () -> builder().retry(3, Duration.ofMillis(-1)));
    message("bufferSize must be between 4KB and 1GB (got 1KB)", IllegalArgumentException.class,
        () -> builder().bufferSize(DataSize.ofKilobytes(1)));
    message("fsync interval must be at least one millisecond (got PT0S)",
        IllegalArgumentException.class, () -> FsyncPolicy.every(Duration.ZERO));
    message("maxSize", NullPointerException.class, () -> builder().maxSize(null));
  }

  /**
   * A backoff whose doubling overflows a long count of milliseconds was accepted, and the first
   * retry then threw ArithmeticException (or, shifted past 63 bits, did not pause at all).
   */
  @Test
  void aBackoffThatWouldOverflowIsRefused() {
    message("retry backoff must be at most PT1H (got PT1H0.001S): the pause doubles after each"
        + " failure", IllegalArgumentException.class,
        () -> builder().retry(3, Duration.ofHours(1).plusMillis(1)));
    message("retry backoff must be at most PT1H (got PT2562047788015215H30M7S): the pause doubles"
        + " after each failure", IllegalArgumentException.class,
        () -> builder().retry(3, Duration.ofSeconds(Long.MAX_VALUE)));
    builder().retry(30, Duration.ofHours(1)); // the longest: its pauses fit
  }

  /**
   * Durations past what a long count of milliseconds holds were accepted, and build() then threw
   * ArithmeticException after opening (with truncate(): emptying) the file, which stayed locked.
   */
  @Test
  void durationsTooLongForMillisecondsAreRefusedUpFrontAndTheFileIsUntouched() throws IOException {
    Path active = dir.resolve("access.log");
    Files.writeString(active, "precious line 1\nprecious line 2\n");
    message("maxAge must be at most 106751991167 days (got PT2562047788015215H30M7S)",
        IllegalArgumentException.class,
        () -> builder().daily().maxAge(Duration.ofSeconds(Long.MAX_VALUE)).truncate().build());
    message("period must be at most 106751991167 days (got PT2562047788015215H30M7S)",
        IllegalArgumentException.class, () -> builder().period(Duration.ofSeconds(Long.MAX_VALUE)));
    assertEquals("precious line 1\nprecious line 2\n", Files.readString(active));
    builder().daily().maxAge(Duration.ofDays(106_751_991_167L)).build().close(); // not locked
    builder().period(Duration.ofDays(10_000_000_000L)).build().close();
  }

  @Test
  void patternWithAControlCharacterIsRefused() {
    message("pattern 'a-%d\\u0000.log' holds the control character U+0000 at position 5: file"
        + " names cannot hold it", IllegalArgumentException.class,
        () -> builder().daily().pattern("a-%d\u0000.log"));
  }

  @Test
  void conflictingSecondSettings() {
    message("period was already set to PT1H", IllegalStateException.class,
        () -> builder().hourly().daily());
    message("maxSize was already set to 1MB", IllegalStateException.class,
        () -> builder().maxSize(DataSize.ofMegabytes(1)).maxSize(DataSize.ofMegabytes(2)));
    message("open mode was already set to TRUNCATE", IllegalStateException.class,
        () -> builder().truncate().failIfExists());
    message("keep was already set to 3", IllegalStateException.class,
        () -> builder().keep(3).keep(4));
    builder().daily().daily().keep(3).keep(3); // the same value twice is no conflict
  }

  @Test
  void patternsThatCannotNameTheFilesTheTriggersNeed() {
    message("pattern 'access-%d{yyyy-MM-dd}.log.gz' has no %i, which size rotation needs to"
        + " name several files in one period", IllegalArgumentException.class,
        () -> builder().maxSize(DataSize.ofMegabytes(1)).pattern("access-%d{yyyy-MM-dd}.log.gz")
            .build());
    message("pattern 'access.%i.log' has no %d, which time rotation needs to name each"
        + " period's file", IllegalArgumentException.class,
        () -> builder().daily().pattern("access.%i.log").build());
    message("pattern 'access-%d{yyyy-MM-dd}.log' gives consecutive PT1H periods the same name"
        + " (2026-01-01); add finer date fields to %d{...} or add %i",
        IllegalArgumentException.class,
        () -> builder().hourly().pattern("access-%d{yyyy-MM-dd}.log").build());
    message("pattern 'access.%i.log' does not end in .gz but gzip() was set; end the pattern"
        + " with .gz", IllegalArgumentException.class,
        () -> builder().maxSize(DataSize.ofMegabytes(1)).pattern("access.%i.log").gzip().build());
    message("pattern 'access-%q.log' has an unknown conversion %q (known: %d, %d{format}, %i,"
        + " %%)", IllegalArgumentException.class, () -> builder().pattern("access-%q.log"));
    message("pattern 'logs/access.%i.log' must be a file name without a directory: archives"
        + " are written next to the active file", IllegalArgumentException.class,
        () -> builder().pattern("logs/access.%i.log"));
    message("pattern 'a-%d{yyyy-MM-dd' has a %d{ without its closing }",
        IllegalArgumentException.class, () -> builder().pattern("a-%d{yyyy-MM-dd"));
    message("pattern 'a.%i.%i' has more than one %i", IllegalArgumentException.class,
        () -> builder().pattern("a.%i.%i"));
  }

  @Test
  void settingsThatNeedATrigger() {
    message("gzip, keep set without a trigger: without maxSize, hourly(), daily() or period()"
        + " no file is ever rotated", IllegalArgumentException.class,
        () -> builder().gzip().keep(3).build());
  }

  @Test
  void patternWhoseDatesCannotBeReadBack() {
    message("pattern 'access-%d{HH}.log' makes names it cannot read back, such as"
        + " access-03.log (its date needs year, month and day), so retention and repair could"
        + " not find its files", IllegalArgumentException.class,
        () -> builder().hourly().pattern("access-%d{HH}.log").build());
  }

  @Test
  void pathThatIsADirectory() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("access.log"));
    message("path " + sub + " is a directory, not a file", IllegalArgumentException.class,
        () -> FileSinks.rotating(sub).build());
  }

  @Test
  void directoryThatCannotBeCreated() throws IOException {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    Path path = file.resolve("access.log");
    message("directory " + file + " of path " + path + " is not a directory",
        IllegalArgumentException.class, () -> FileSinks.rotating(path).build());
    Path deeper = file.resolve("logs").resolve("access.log");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FileSinks.rotating(deeper).build());
    assertEquals(true, e.getMessage().startsWith("directory " + deeper.getParent() + " of path "
        + deeper + " cannot be created"), e.getMessage());
  }

  @Test
  void unwritableDirectory() throws IOException {
    assumeFalse("root".equals(System.getProperty("user.name")),
        "root may write anywhere: permissions cannot be tested");
    Path ro = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      message("directory " + ro + " is not writable", IllegalArgumentException.class,
          () -> FileSinks.rotating(ro.resolve("access.log")).build());
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void existingFileWithFailIfExists() throws IOException {
    Path active = Files.writeString(dir.resolve("access.log"), "old\n");
    message("path " + active + " already exists and failIfExists() was set",
        IllegalArgumentException.class, () -> builder().failIfExists().build());
    assertEquals("old\n", Files.readString(active), "left alone");
  }

  /**
   * checkFileSystem() refuses what build() refuses, and creates, opens and empties nothing: a
   * program writing two files checks both before it opens (and truncates) either.
   */
  @Test
  void checkFileSystemRefusesWhatBuildRefusesWithoutTouchingAnything() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("error.log"), dir.resolve("gone"));
    message("path " + link + " is not a regular file", IllegalArgumentException.class,
        () -> FileSinks.rotating(link).truncate().checkFileSystem());
    message("path " + link + " is not a regular file", IllegalArgumentException.class,
        () -> FileSinks.rotating(link).truncate().build());
    Path active = Files.writeString(dir.resolve("access.log"), "old\n");
    message("path " + active + " already exists and failIfExists() was set",
        IllegalArgumentException.class, () -> builder().failIfExists().checkFileSystem());
    builder().truncate().checkFileSystem();
    assertEquals("old\n", Files.readString(active), "not emptied");
    Path later = dir.resolve("later").resolve("access.log");
    FileSinks.rotating(later).checkFileSystem();
    assertEquals(false, Files.exists(later.getParent()), "no directory created");
    message("pattern 'x' has no %i, which size rotation needs to name several files in one"
        + " period", IllegalArgumentException.class, () -> builder().maxSize(DataSize
        .ofMegabytes(1)).pattern("x").checkFileSystem());
  }

  /**
   * openAll() empties no file while one of them cannot be locked: build() one after the other
   * emptied the first before the second was refused.
   */
  @Test
  void openAllEmptiesNothingWhenOneFileIsLocked() throws IOException {
    Path access = Files.writeString(dir.resolve("access.log"), "old access\n");
    Path error = Files.writeString(dir.resolve("error.log"), "old error\n");
    String taken = " is being written by another sink in this JVM; a RotatingFileSink owns its"
        + " file: give each sink a file of its own";
    try (RotatingFileSink other = FileSinks.rotating(error).build()) {
      message("path " + error + taken, IllegalStateException.class,
          () -> RotatingFileSink.openAll(builder().truncate(), FileSinks.rotating(error)
              .truncate()));
      assertEquals("old access\n", Files.readString(access), "not emptied");
      assertEquals("old error\n", Files.readString(error), "not emptied");
      other.write("held".getBytes(StandardCharsets.UTF_8), 0, 4, 0L);
    }
    // the first file's lock was let go: it opens again, and openAll empties both now
    List<RotatingFileSink> both = RotatingFileSink.openAll(builder().truncate(),
        FileSinks.rotating(error).truncate());
    try {
      assertEquals(List.of(access, error), both.stream().map(RotatingFileSink::path).toList());
      assertEquals(0, Files.size(access));
      assertEquals(0, Files.size(error));
      both.get(1).write("new".getBytes(StandardCharsets.UTF_8), 0, 3, 0L);
    } finally {
      both.forEach(RotatingFileSink::close);
    }
    assertEquals("new\n", Files.readString(error));
    message("path " + access + " is named by two builders (numbers 1 and 2 of openAll); a"
        + " RotatingFileSink owns its file: give each sink a file of its own",
        IllegalStateException.class, () -> RotatingFileSink.openAll(builder(), builder()));
    message("path " + dir.resolve("x") + " is a directory, not a file",
        IllegalArgumentException.class, () -> RotatingFileSink.openAll(builder().truncate(),
            FileSinks.rotating(Files.createDirectory(dir.resolve("x")))));
    assertEquals(0, Files.size(access), "checked before anything was opened");
  }

  /**
   * openAll() empties no file while a later one is refused when it is checked: a file with no
   * line end near its end, archives it cannot repair. The sink for the first file had emptied
   * it before the second was checked.
   */
  @Test
  void openAllEmptiesNothingWhenALaterFileOrItsArchivesAreRefused() throws IOException {
    Path access = Files.writeString(dir.resolve("access.log"), "old access\n");
    Path error = Files.write(dir.resolve("error.log"), new byte[(2 << 20) + 1]); // no line end
    message("path " + error + " has no line end in its last 1048576 bytes: it does not look"
        + " like a log this sink wrote, and is not cut; use truncate() to overwrite it",
        IllegalArgumentException.class, () -> RotatingFileSink.openAll(builder().truncate(),
            FileSinks.rotating(error)));
    assertEquals("old access\n", Files.readString(access), "not emptied");
    assertEquals((2 << 20) + 1, Files.size(error), "not cut");
    Files.writeString(error, "old error\n");
    Files.writeString(dir.resolve("error.log.1"), "archived\n");
    try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(
        dir.resolve("error.log.1.gz")))) {
      gz.write("something else\n".getBytes(StandardCharsets.US_ASCII));
    }
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> RotatingFileSink.openAll(builder().truncate(), FileSinks.rotating(error)
            .maxSize(DataSize.ofKilobytes(4))));
    assertTrue(e.getMessage().startsWith("repair failed for " + dir.resolve("error.log.1")),
        e.getMessage());
    assertEquals("old access\n", Files.readString(access), "not emptied");
    // every file was let go
    RotatingFileSink.openAll(builder(), FileSinks.rotating(error)).forEach(
        RotatingFileSink::close);
  }

  /** Two builders of one file are refused before anything is created. */
  @Test
  void openAllRefusesTwoBuildersOfOneFileBeforeCreatingIt() {
    Path access = dir.resolve("access.log");
    message("path " + access + " is named by two builders (numbers 1 and 2 of openAll); a"
        + " RotatingFileSink owns its file: give each sink a file of its own",
        IllegalStateException.class, () -> RotatingFileSink.openAll(builder(),
            FileSinks.rotating(dir.resolve("x/../access.log")).failIfExists()));
    assertFalse(Files.exists(access), "not created");
  }

  /**
   * A bufferSize the JVM cannot reserve as direct memory is an IllegalArgumentException naming
   * it, before any file is opened (it was an OutOfMemoryError after the first file was
   * emptied, and left the files locked).
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void openAllRefusesABufferItCannotReserveBeforeOpeningAnything() throws Exception {
    Path access = Files.writeString(dir.resolve("access.log"), "old access\n");
    Process child = ExclusiveFileTest.startJava(OpenAllMain.class, dir);
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ends");
    assertTrue(out.startsWith("java.lang.IllegalArgumentException: bufferSize 64MB for "
        + dir.resolve("error.log") + ": cannot reserve 64MB of direct memory ("), out);
    assertTrue(out.endsWith("both open again\n"), out);
    assertEquals("old access\n", Files.readString(access), "not emptied");
  }

  @Test
  void writeAfterCloseIsAnIllegalState() {
    RotatingFileSink sink = builder().build();
    sink.close();
    sink.close();
    message("sink for " + dir.resolve("access.log") + " is closed", IllegalStateException.class,
        () -> sink.write(new byte[1], 0, 1, 0L));
  }
}
