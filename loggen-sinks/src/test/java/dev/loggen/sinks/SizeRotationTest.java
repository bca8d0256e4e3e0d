package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.DataSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Size-based rotation. */
class SizeRotationTest {
  @TempDir Path dir;

  @Test
  void millionLinesAt64KibEveryLineOnceWholeNoFileAboveTheLimit() throws IOException {
    long limit = DataSize.ofKilobytes(64).bytes();
    int n = 1_000_000;
    Path active = dir.resolve("access.log");
    int longest = 0;
    try (RotatingFileSink sink = FileSinks.rotating(active).maxSize(DataSize.ofKilobytes(64))
        .pattern("access.%i.log").build()) {
      for (int i = 0; i < n; i++) {
        byte[] b = TestLines.bytes(i);
        longest = Math.max(longest, b.length + 1);
        sink.write(b, 0, b.length, 0L);
      }
    }
    BitSet seen = new BitSet(n);
    List<String> names = TestLines.names(dir);
    int files = 0;
    for (String name : names) {
      Path p = dir.resolve(name);
      long size = Files.size(p);
      assertTrue(size <= limit, name + " has " + size + " bytes, above the limit");
      assertTrue(size > limit - longest || name.equals("access.log"),
          name + " was rotated early at " + size + " bytes");
      for (String line : TestLines.lines(p)) {
        long seq = TestLines.seq(line);
        assertTrue(!seen.get((int) seq), "line " + seq + " appears twice");
        seen.set((int) seq);
      }
      files++;
    }
    assertEquals(n, seen.cardinality(), "every line present");
    assertTrue(files > 1000, "rotated " + files + " times");
  }

  @Test
  void logrotateNumbersShiftAndKeepWithGzip() {
    Path active = dir.resolve("access.log");
    int n = 20_000;
    try (RotatingFileSink sink = FileSinks.rotating(active).maxSize(DataSize.ofKilobytes(32))
        .gzip(1).keep(5).build()) {
      for (int i = 0; i < n; i++) {
        byte[] b = TestLines.bytes(i);
        sink.write(b, 0, b.length, 0L);
      }
    }
    assertEquals(List.of("access.log", "access.log.1.gz", "access.log.2.gz", "access.log.3.gz",
        "access.log.4.gz", "access.log.5.gz"), TestLines.names(dir));
    List<Path> order = new ArrayList<>();
    for (int i = 5; i >= 1; i--) {
      Path p = dir.resolve("access.log." + i + ".gz");
      assertTrue(TestLines.validGzip(p), p.toString());
      order.add(p);
    }
    order.add(active);
    List<Long> seqs = TestLines.seqs(TestLines.lines(order));
    long first = seqs.get(0);
    assertEquals(TimeRotationTest.LongsRange.of(first, n), seqs,
        "the newest lines, in order, oldest archive first");
  }

  @Test
  void lineLongerThanBufferAndLimitIsWrittenWholeInAFileOfItsOwn() {
    Path active = dir.resolve("access.log");
    byte[] big = new byte[20_000];
    Arrays.fill(big, (byte) 'x');
    try (RotatingFileSink sink = FileSinks.rotating(active).maxSize(DataSize.ofKilobytes(8))
        .bufferSize(DataSize.ofKilobytes(4)).build()) {
      byte[] a = TestLines.bytes(1);
      sink.write(a, 0, a.length, 0L);
      sink.write(big, 0, big.length, 0L);
      sink.write(a, 0, a.length, 0L);
    }
    assertEquals(List.of("access.log", "access.log.1", "access.log.2"), TestLines.names(dir));
    byte[] alone = TestLines.content(dir.resolve("access.log.1"));
    assertEquals(big.length + 1, alone.length);
    assertArrayEquals(big, Arrays.copyOf(alone, big.length));
    assertEquals(TestLines.line(1) + "\n",
        new String(TestLines.content(active), StandardCharsets.US_ASCII));
  }

  @Test
  void offsetAndLengthSelectTheLine() {
    Path active = dir.resolve("access.log");
    byte[] b = "xxhello worldyy".getBytes(StandardCharsets.US_ASCII);
    try (RotatingFileSink sink = FileSinks.rotating(active).build()) {
      sink.write(b, 2, 11, 0L);
      sink.write(new dev.loggen.core.LineBuffer().appendAscii("second"), 0L);
    }
    assertEquals(List.of("hello world", "second"), TestLines.lines(active));
  }

  /** A cron job deletes an archive: the next rollover shifts the others on, with a warning. */
  @Test
  void anArchiveDeletedFromOutsideDoesNotStopTheSink() throws IOException {
    Path active = dir.resolve("access.log");
    List<String> warnings = new ArrayList<>();
    List<Long> deleted = new ArrayList<>();
    List<Path> archives;
    try (RotatingFileSink sink = FileSinks.rotating(active).maxSize(DataSize.ofKilobytes(4))
        .warnings(warnings::add).build()) {
      for (int i = 0; i < 2000; i++) {
        if (i == 1000) {
          for (String name : List.of("access.log.1", "access.log.5")) {
            deleted.addAll(TestLines.seqs(TestLines.lines(dir.resolve(name))));
            Files.delete(dir.resolve(name));
          }
        }
        byte[] b = TestLines.bytes(i);
        sink.write(b, 0, b.length, 0L);
      }
      archives = sink.archives();
    }
    assertEquals(2, warnings.size(), warnings::toString);
    assertTrue(warnings.get(0).endsWith(" was deleted by another program; it is no longer"
        + " counted among this sink's archives"), warnings.get(0));
    List<String> names = TestLines.names(dir);
    assertEquals(names.size() - 1, archives.size(), names::toString);
    List<Path> files = new ArrayList<>(archives);
    files.add(active);
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < 2000; i++) {
      if (!deleted.contains(i)) {
        expected.add(i);
      }
    }
    assertTrue(deleted.size() > 20, deleted::toString);
    assertEquals(expected, TestLines.seqs(TestLines.lines(files)),
        "every line once, in order, but those of the two files deleted");
  }
}
