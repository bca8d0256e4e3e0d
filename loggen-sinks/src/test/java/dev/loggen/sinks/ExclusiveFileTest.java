package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.DataSize;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rotating sink owns its file: a second sink on the same path, in this JVM or in another
 * process, is refused when it opens, before it touches the file or its archives.
 */
class ExclusiveFileTest {
  private static final String OWNS = "; a RotatingFileSink owns its file: give each sink a file"
      + " of its own";

  @TempDir Path dir;

  private static void write(RotatingFileSink sink, long seq) {
    byte[] b = TestLines.bytes(seq);
    sink.write(b, 0, b.length, 0L);
  }

  /** What a refused second sink must leave as it found it: the file and a compression's tmp. */
  private record Snapshot(String content, List<String> names) {}

  private Snapshot snapshot(Path active) throws IOException {
    return new Snapshot(Files.readString(active, StandardCharsets.US_ASCII),
        TestLines.names(dir));
  }

  @Test
  void aSecondSinkOnTheSameFileInThisJvmIsRefusedAndTouchesNothing() throws IOException {
    Path active = dir.resolve("access.log");
    String refused = "path " + active + " is being written by another sink in this JVM" + OWNS;
    try (RotatingFileSink first = FileSinks.rotating(active).build()) {
      write(first, 0);
      first.flush();
      // what a second sink would repair if it went ahead: a torn line, an interrupted gzip
      Files.writeString(active, "seq=00", StandardOpenOption.APPEND);
      Files.writeString(dir.resolve(".access.log.1.gz.tmp"), "partial");
      Snapshot before = snapshot(active);
      for (RotatingFileSink.Builder second : List.of(FileSinks.rotating(active),
          FileSinks.rotating(active).truncate(),
          FileSinks.rotating(active).maxSize(DataSize.ofKilobytes(4)).gzip(1),
          FileSinks.rotating(active).daily().gzip(1))) {
        IllegalStateException e = assertThrows(IllegalStateException.class, second::build,
            second::toString);
        assertEquals(refused, e.getMessage());
        assertEquals(before, snapshot(active), "untouched by " + second);
      }
    }
    // once the first is closed, the file is free: the next sink repairs and appends
    try (RotatingFileSink next = FileSinks.rotating(active).warnings(w -> { }).build()) {
      assertEquals(6, next.recovery().tornBytesCut());
      write(next, 1);
    }
    assertEquals(TimeRotationTest.LongsRange.of(0, 2), TestLines.seqs(TestLines.lines(active)));
  }

  /**
   * A path with {@code ..} after a symbolic link names the directory the OS resolves: the
   * link's target's parent. Before, it was dropped as text: {@code link/../out} wrote into
   * {@code dir/out} while {@code ls link/../out} showed {@code dir/real/out}. And a second sink
   * on the file under another spelling is refused as on the same spelling.
   */
  @Test
  void aPathThroughALinkAndDotDotIsTheFileTheSystemNames() throws IOException {
    Files.createDirectories(dir.resolve("real/deep"));
    Files.createSymbolicLink(dir.resolve("link"), Path.of("real/deep"));
    for (String out : List.of("out", "new/out")) {
      Path given = dir.resolve("link/../" + out + "/access.log");
      try (RotatingFileSink sink = FileSinks.rotating(given).build()) {
        write(sink, 0);
        Path real = dir.toRealPath().resolve("real/" + out + "/access.log");
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> FileSinks.rotating(real).build());
        assertEquals("path " + real + " is being written by another sink in this JVM" + OWNS,
            e.getMessage());
      }
      assertEquals(List.of(TestLines.line(0)),
          TestLines.lines(dir.resolve("real/" + out + "/access.log")), out);
      assertFalse(Files.exists(dir.resolve(out)), out + " written beside the link");
    }
  }

  @Test
  void theLockMovesToTheNewFileAtEveryRollover() {
    Path active = dir.resolve("access.log");
    try (RotatingFileSink first = FileSinks.rotating(active).maxSize(DataSize.ofKilobytes(4))
        .build()) {
      for (long i = 0; i < 200; i++) {
        write(first, i);
      }
      first.flush();
      assertTrue(first.archives().size() > 2, first.archives()::toString);
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> FileSinks.rotating(active).build());
      assertTrue(e.getMessage().contains("another sink in this JVM"), e.getMessage());
      // an archive is no sink's file: it is not locked
      try (RotatingFileSink onArchive = FileSinks.rotating(first.archives().get(0)).build()) {
        assertTrue(onArchive.activeFileBytes() > 0);
      }
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aFileLockedByAnotherProcessIsRefusedAndLeftAlone() throws Exception {
    Path active = dir.resolve("access.log");
    Files.writeString(active, TestLines.line(0) + "\nseq=00");
    Process child = startJava(LockHolderMain.class, active);
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("LOCKED", out.readLine());
      Snapshot before = snapshot(active);
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> FileSinks.rotating(active).truncate().build());
      assertEquals("path " + active + " is being written by another process (it holds a lock"
          + " on the file: another loggen?)" + OWNS, e.getMessage());
      assertEquals(before, snapshot(active), "neither truncated nor cut");
    } finally {
      child.getOutputStream().close();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ends");
    }
    try (RotatingFileSink sink = FileSinks.rotating(active).warnings(w -> { }).build()) {
      assertEquals(6, sink.recovery().tornBytesCut());
    }
  }

  /** Starts a child JVM running {@code main} with the test class path and {@code file}. */
  static Process startJava(Class<?> main, Path file) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx32m", "-XX:+IgnoreUnrecognizedVMOptions",
        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
        main.getName(), file.toString()).redirectErrorStream(true).start();
  }

  /** What another process gets when it tries to lock {@code file}: ACQUIRED or REFUSED. */
  private static String lockFromAnotherProcess(Path file) throws Exception {
    Process child = startJava(TryLockMain.class, file);
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ends");
    return out.strip();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void theLockIsStillHeldAfterAWriteThatSetsTheFileTime() throws Exception {
    Path active = dir.resolve("access.log");
    long time = 1_700_000_000_123L;
    try (RotatingFileSink sink = FileSinks.rotating(active).build()) {
      byte[] b = TestLines.bytes(0);
      sink.write(b, 0, b.length, time);
      sink.flush(); // event time: sets the file's modification time to the line's
      assertEquals(time, Files.getLastModifiedTime(active).toMillis());
      assertEquals("REFUSED", lockFromAnotherProcess(active), "locked after the write");
      sink.write(b, 0, b.length, time + 1);
      sink.flush();
      assertEquals("REFUSED", lockFromAnotherProcess(active), "locked after two writes");
    }
    assertEquals("ACQUIRED", lockFromAnotherProcess(active), "free once closed");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aSinkRefusedInThisJvmLeavesTheFirstSinksLockInPlace() throws Exception {
    Path active = dir.resolve("access.log");
    Path hardLink = dir.resolve("hard.log");
    Path symbolicLink = dir.resolve("symbolic.log");
    try (RotatingFileSink first = FileSinks.rotating(active).build()) {
      write(first, 0);
      first.flush();
      Files.createLink(hardLink, active);
      Files.createSymbolicLink(symbolicLink, active);
      for (Path second : List.of(active, hardLink, symbolicLink)) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> FileSinks.rotating(second).truncate().build());
        assertEquals("path " + second + " is being written by another sink in this JVM" + OWNS,
            e.getMessage());
        assertEquals("REFUSED", lockFromAnotherProcess(active), "still locked after " + second);
      }
      write(first, 1);
    }
    assertEquals(TimeRotationTest.LongsRange.of(0, 2), TestLines.seqs(TestLines.lines(active)));
    assertEquals("ACQUIRED", lockFromAnotherProcess(active), "free once closed");
    // closed, the file is free for a sink of this JVM again
    FileSinks.rotating(active).build().close();
  }

  @Test
  void whereTheFileSystemHasNoLocksTheSinkGoesOnWithout() throws IOException {
    Path active = dir.resolve("access.log");
    RotatingFileSink.Builder noLocks = FileSinks.rotating(active).channelFactory((p, o) ->
        FaultyChannel.withoutLocks(FileChannel.open(p, o)));
    try (RotatingFileSink sink = noLocks.maxSize(DataSize.ofKilobytes(4)).build()) {
      for (long i = 0; i < 100; i++) {
        write(sink, i);
      }
    }
    List<String> names = TestLines.names(dir);
    assertTrue(names.size() > 2, names::toString);
  }

  /**
   * A sink releases the file's lock around each rollover (the file is renamed and a new one
   * opened): a cleaner of the directory that looked for the lock then (a fixture deleting old
   * archives) found the log free, or even missing, and deleted the archive the sink had just
   * made. The path stays held in this JVM through the rollover, also when it is spelled
   * through a symbolic link to its directory (before, the sink held its real path and the
   * cleaner asked with the link's spelling: not held during the rollovers).
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void thePathStaysHeldInThisJvmThroughARollover(boolean throughALink) throws IOException {
    Path logs = dir;
    if (throughALink) {
      Files.createDirectories(dir.resolve("real"));
      logs = Files.createSymbolicLink(dir.resolve("link"), Path.of("real"));
    }
    Path log = logs.resolve("access.log");
    List<Boolean> heldWhileRenamed = new java.util.ArrayList<>();
    dev.loggen.sinks.internal.ChannelFactory watching = new dev.loggen.sinks.internal
        .ChannelFactory() {
      @Override
      public FileChannel open(Path path, java.nio.file.OpenOption... options)
          throws IOException {
        return FileChannel.open(path, options);
      }

      @Override
      public void moveAtomically(Path from, Path to) throws IOException {
        dev.loggen.sinks.internal.ChannelFactory.super.moveAtomically(from, to);
        if (from.getFileName().toString().equals("access.log")) {
          heldWhileRenamed.add(dev.loggen.sinks.internal.ActiveFile.heldInThisJvm(log));
        }
      }
    };
    try (RotatingFileSink sink = FileSinks.rotating(log).maxSize(DataSize.ofKilobytes(1))
        .channelFactory(watching).build()) {
      byte[] line = "x".repeat(300).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 10; i++) {
        sink.write(line, 0, line.length, 0L);
      }
      assertTrue(dev.loggen.sinks.internal.ActiveFile.heldInThisJvm(log));
    }
    assertTrue(!heldWhileRenamed.isEmpty(), "no rollover seen");
    assertEquals(java.util.Collections.nCopies(heldWhileRenamed.size(), true), heldWhileRenamed);
    assertTrue(!dev.loggen.sinks.internal.ActiveFile.heldInThisJvm(log), "released on close");
  }
}
