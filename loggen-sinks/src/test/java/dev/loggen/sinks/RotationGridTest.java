package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.DataSize;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every naming x compression x trigger combination, over seeds: after rotation and gunzip,
 * every line written is present exactly once, whole, and in order when the archives are read
 * oldest first.
 */
class RotationGridTest {
  private static final long START = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

  @TempDir Path dir;

  enum Trigger { SIZE, TIME, BOTH }

  static Stream<Arguments> grid() {
    List<Arguments> out = new ArrayList<>();
    long seed = 100;
    for (String naming : List.of("logrotate", "pattern")) {
      for (boolean gzip : List.of(false, true)) {
        for (Trigger trigger : Trigger.values()) {
          out.add(Arguments.of(naming, gzip, trigger, seed++));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} gzip={1} {2} seed={3}")
  @MethodSource("grid")
  void everyLineOnceWholeAndInOrder(String naming, boolean gzip, Trigger trigger, long seed) {
    System.out.println("grid " + naming + " gzip=" + gzip + " " + trigger + " seed=" + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    RotatingFileSink.Builder b = FileSinks.rotating(dir.resolve("access.log"))
        .bufferSize(DataSize.ofKilobytes(4 + rnd.nextInt(16)));
    if (trigger != Trigger.TIME) {
      b.maxSize(DataSize.ofBytes(2000 + rnd.nextInt(20_000)));
    }
    if (trigger != Trigger.SIZE) {
      b.period(Duration.ofHours(6));
    }
    if (gzip) {
      b.gzip(1);
    }
    if (naming.equals("pattern")) {
      String p = switch (trigger) {
        case SIZE -> "access.%i.log";
        case TIME -> "access-%d{yyyy-MM-dd-HH}.log";
        case BOTH -> "access-%d{yyyy-MM-dd-HH}.%i.log";
      };
      b.pattern(gzip ? p + ".gz" : p);
    }
    int n = 2000 + rnd.nextInt(3000);
    long t = START;
    List<Path> archives;
    try (RotatingFileSink sink = b.build()) {
      for (int i = 0; i < n; i++) {
        t += rnd.nextInt(120_000);
        byte[] line = TestLines.bytes(i);
        sink.write(line, 0, line.length, t);
      }
      archives = sink.archives();
    }
    assertTrue(archives.size() > 1, "rotated: " + archives);
    List<Path> files = new ArrayList<>(archives);
    files.add(dir.resolve("access.log"));
    for (Path p : archives) {
      assertEquals(gzip, p.toString().endsWith(".gz"), p.toString());
    }
    assertEquals(files.size(), TestLines.names(dir).size(), () -> "nothing else on disk: "
        + TestLines.names(dir));
    assertEquals(TimeRotationTest.LongsRange.of(0, n), TestLines.seqs(TestLines.lines(files)),
        "seed " + seed);
  }
}
