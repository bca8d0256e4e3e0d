package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A simulated week at 20,000 sessions per hour streams through a JVM with a 48 MiB heap: memory
 * holds only the live sessions, whatever the length of the window.
 */
class BoundedMemoryTest {

  /** Child main: streams the week and prints the event count and the heap used at each day. */
  public static void main(String[] args) {
    LogGenerator g = LogGenerator.builder().seed(7)
        .traffic(Traffic.sessionsPerHour(20_000))
        .window(Instant.parse("2026-03-02T00:00:00Z"), Duration.ofDays(7)).build();
    Iterator<AccessEvent> it = g.iterator();
    long n = 0;
    long nextDay = Instant.parse("2026-03-03T00:00:00Z").toEpochMilli();
    Runtime rt = Runtime.getRuntime();
    while (it.hasNext()) {
      AccessEvent e = it.next();
      n++;
      if (e.epochMillis() >= nextDay) {
        System.gc();
        System.out.println("heap " + (rt.totalMemory() - rt.freeMemory()));
        nextDay += 86_400_000L;
      }
    }
    System.out.println("events " + n);
  }

  @Test
  void aWeekAtTwentyThousandSessionsPerHourFitsInASmallHeap() throws IOException,
      InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx48m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), BoundedMemoryTest.class.getName())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "child did not finish");
    assertEquals(0, p.exitValue(), out);
    List<Long> heaps = out.lines().filter(l -> l.startsWith("heap "))
        .map(l -> Long.parseLong(l.substring(5))).toList();
    assertEquals(6, heaps.size(), out);
    long events = out.lines().filter(l -> l.startsWith("events ")).mapToLong(
        l -> Long.parseLong(l.substring(7))).sum();
    assertTrue(events > 10_000_000, "a busy week: " + events + " events");
    // No growth from day to day: the last day's live heap is within 8 MiB of the first day's.
    assertTrue(heaps.get(5) - heaps.get(0) < 8 << 20, "heap after each day: " + heaps);
  }
}
