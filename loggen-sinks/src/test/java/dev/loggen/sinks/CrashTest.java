package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A child JVM writes with size rotation and gzip and is killed at random moments; after each
 * kill the sink is opened again (appending, repairing) and writes on. In the end every file is
 * whole, every {@code .gz} valid, and no line appears twice or torn.
 */
class CrashTest {
  private static final long ROUND = 1_000_000_000L;
  private static final long FINISH = 900_000_000L;
  private static final int FINISH_LINES = 50;

  @TempDir Path dir;

  static Stream<Arguments> cases() {
    return Stream.of(Arguments.of("pattern", 4, 11L), Arguments.of("logrotate", 3, 12L));
  }

  @ParameterizedTest(name = "{0} naming, {1} rounds, seed {2}")
  @MethodSource("cases")
  void killedWritersLeaveWholeFilesAndNoDuplicates(String naming, int rounds, long seed)
      throws Exception {
    System.out.println("CrashTest naming=" + naming + " seed=" + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    Path active = dir.resolve("access.log");
    long tornSeen = 0;
    for (int round = 0; round < rounds; round++) {
      long base = round * ROUND;
      Process child = startChild(naming, base);
      Thread.sleep(100 + rnd.nextInt(500));
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child ended");
      // whatever the moment of the kill: no .gz under its final name is invalid
      for (String name : TestLines.names(dir)) {
        if (name.endsWith(".gz") && !name.startsWith(".")) {
          assertTrue(TestLines.validGzip(dir.resolve(name)),
              "round " + round + ": " + name + " is valid");
        }
      }
      if (rnd.nextBoolean() && tornBytes(active) == 0) {
        // A kill in the middle of a large write(2) leaves part of a line at the end; the
        // kernel rarely tears our small writes, so half a line is added here as such a kill
        // would leave it.
        String half = TestLines.line(base + FINISH - 1);
        Files.writeString(active, half.substring(0, half.length() / 2),
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      }
      long torn = tornBytes(active);
      tornSeen += torn;
      List<String> warnings = new ArrayList<>();
      try (RotatingFileSink sink = CrashWriterMain.builder(dir, naming).warnings(warnings::add)
          .build()) {
        assertEquals(torn, sink.recovery().tornBytesCut(), "reported torn bytes were cut");
        assertTrue(Files.size(active) == 0
            || Files.readAllBytes(active)[(int) Files.size(active) - 1] == '\n');
        for (int i = 0; i < FINISH_LINES; i++) {
          byte[] b = TestLines.bytes(base + FINISH + i);
          sink.write(b, 0, b.length, 0L);
        }
      }
      System.out.println("round " + round + ": torn=" + torn + " repairs=" + warnings);
    }
    System.out.println("torn bytes cut over all rounds: " + tornSeen);
    verify(rounds);
  }

  private Process startChild(String naming, long base) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:+IgnoreUnrecognizedVMOptions",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        CrashWriterMain.class.getName(), dir.toString(), naming, Long.toString(base))
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      if (line.equals("READY")) {
        return child;
      }
      seen.append(line).append('\n');
    }
    fail("the child ended before it was ready:\n" + seen);
    return child;
  }

  private static long tornBytes(Path active) throws IOException {
    if (!Files.exists(active)) {
      return 0;
    }
    byte[] b = Files.readAllBytes(active);
    int end = b.length;
    while (end > 0 && b[end - 1] != '\n') {
      end--;
    }
    return b.length - end;
  }

  private void verify(int rounds) {
    List<String> names = TestLines.names(dir);
    assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp")), "no temporary files left: "
        + names);
    Set<Long> seen = new HashSet<>();
    TreeMap<Long, Long> perRound = new TreeMap<>();
    for (String name : names) {
      Path p = dir.resolve(name);
      assertNotNull(TestLines.content(p));
      if (name.endsWith(".gz")) {
        assertTrue(TestLines.validGzip(p), name);
      } else {
        assertTrue(name.equals("access.log") || !name.contains(".gz"), name);
      }
      for (String line : TestLines.lines(p)) { // whole, and ending with a line end
        long seq = TestLines.seq(line);
        assertTrue(seen.add(seq), "line " + seq + " appears twice (in " + name + ")");
        if (seq % ROUND < FINISH) {
          perRound.merge(seq / ROUND, 1L, Long::sum);
        }
      }
    }
    for (int r = 0; r < rounds; r++) {
      long count = perRound.getOrDefault((long) r, 0L);
      // the child's lines of a round are a prefix: only what was still buffered is lost
      for (long i = 0; i < count; i++) {
        assertTrue(seen.contains(r * ROUND + i), "round " + r + " lost line " + i + " of "
            + count + " (a gap, not a lost tail)");
      }
      for (int i = 0; i < FINISH_LINES; i++) {
        assertTrue(seen.contains(r * ROUND + FINISH + i), "finishing line " + i + " of " + r);
      }
      System.out.println("round " + r + ": " + count + " lines of the child survive");
    }
  }
}
