package dev.loggen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line on a terminal, and what else stderr shows while it is drawn. */
class ProgressTest {
  @TempDir Path dir;

  /**
   * What a terminal shows of one line of output: {@code \r} returns to the left and what follows
   * overwrites; trailing blanks are not seen.
   */
  static String shown(String line) {
    StringBuilder screen = new StringBuilder();
    int at = 0;
    for (char c : line.toCharArray()) {
      if (c == '\r') {
        at = 0;
      } else if (at < screen.length()) {
        screen.setCharAt(at++, c);
      } else {
        screen.append(c);
        at++;
      }
    }
    return screen.toString().stripTrailing();
  }

  /**
   * The progress line is drawn when stderr is a terminal, as /proc/self/fd/2 tells on Linux.
   * Before, System.console() decided, which asks of stdin and stdout: "2>err.txt" on a terminal
   * got the progress in err.txt, and "--report - >r.json" none on the terminal.
   */
  @Test
  void theProgressLineFollowsStderr() {
    assertTrue(Main.terminal("/dev/pts/3", false), "stderr on a terminal, stdout redirected");
    assertTrue(Main.terminal("/dev/tty2", false), "a virtual console");
    assertFalse(Main.terminal("/home/u/err.txt", true), "2>err.txt on a terminal");
    assertFalse(Main.terminal("pipe:[81734]", true), "2>&1 | less");
    assertFalse(Main.terminal("/dev/null", true), "2>/dev/null");
    assertTrue(Main.terminal(null, true), "no /proc: the console decides");
    assertFalse(Main.terminal(null, false), "no /proc: the console decides");
  }

  /**
   * A sink's warning during the run (the file system cannot keep a modification time in the
   * year 1) starts a line of its own. Before, it was glued onto the progress line: "... 147,182
   * lines/s  ETA 0:00:07loggen: the file system keeps 1970-01-01T00:00:00Z as ...".
   */
  @Test
  void aWarningDuringTheRunIsNotGluedOntoTheProgressLine() {
    long[] ticks = {System.nanoTime()};
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main main = new Main(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(),
        dir, Clock.systemUTC(), () -> ticks[0] += 300_000_000L, true);
    int code = main.execute(new String[] {"--seed", "3", "--start", "0001-01-01", "--duration",
        "3h", "--sessions-per-hour", "3000", "--rotate-time", "2h", "--threads", "1",
        "--output", "out"});
    String e = err.toString(StandardCharsets.UTF_8);
    assertEquals(Main.OK, code, e);
    assertTrue(e.contains(" lines/s"), "a progress line was drawn:\n" + e);
    List<String> warnings = e.lines().filter(l -> l.contains("the file system keeps"))
        .map(ProgressTest::shown).toList();
    assertFalse(warnings.isEmpty(), e);
    for (String w : warnings) {
      assertTrue(w.startsWith("loggen: the file system keeps "), w);
    }
  }
}
