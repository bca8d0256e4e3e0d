package dev.loggen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickStartTest {
  private static List<String> run(long seed) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QuickStart.run(seed, 20, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void printsTwentyCombinedLinesReproducibly() {
    List<String> lines = run(42);
    assertEquals(20, lines.size());
    for (String l : lines) {
      assertTrue(l.matches("\\S+ - \\S+ \\[01/Jan/2026:12:\\d\\d:\\d\\d \\+0000\\] \"[A-Z]+ /\\S* HTTP/[0-9.]+\" \\d{3} (\\d+|-) \"[^\"]*\" \"[^\"]*\""), l);
    }
    assertEquals(lines, run(42));
  }

  /**
   * A negative count was Stream.limit's bare "IllegalArgumentException: -1", and no stream an
   * NPE without a name.
   */
  @Test
  void badArgumentsAreNamed() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals("lines must not be negative (got -1)", assertThrows(
        IllegalArgumentException.class, () -> QuickStart.run(42, -1, out)).getMessage());
    assertEquals("lines must not be negative (got -1)", assertThrows(
        IllegalArgumentException.class, () -> CustomSite.print(42, -1, out)).getMessage());
    assertEquals("out", assertThrows(NullPointerException.class,
        () -> QuickStart.run(42, 1, null)).getMessage());
    assertEquals("out", assertThrows(NullPointerException.class,
        () -> CustomSite.print(42, 1, null)).getMessage());
    QuickStart.run(42, 0, out); // nothing printed, no error
  }
}
