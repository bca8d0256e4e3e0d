package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rendering allocates nothing per line once warm (the hot path's promise): measured with
 * HotSpot's per-thread allocation counter, skipped on JVMs without one.
 */
class AllocationTest {
  static Stream<FormatCases.Case> cases() {
    return Stream.concat(FormatCases.access().stream(), FormatCases.errors().stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void warmRendererAllocatesNothingPerLine(FormatCases.Case c) {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
        "no per-thread allocation counter on this JVM");
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
    Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported()
        && mx.isThreadAllocatedMemoryEnabled(), "allocation counting is off");
    List<AccessEvent> events = TestEvents.events(11, 512).stream()
        .filter(c.format()::accepts).toList();
    LogFormat.Renderer r = c.format().newRenderer();
    LineBuffer b = new LineBuffer(4096);
    long sink = 0;
    for (int round = 0; round < 20; round++) { // warm up: caches, JIT
      for (AccessEvent e : events) {
        b.reset();
        r.render(e, b);
        sink += b.length();
      }
    }
    long thread = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(thread);
    int lines = 0;
    for (int round = 0; round < 20; round++) {
      for (AccessEvent e : events) {
        b.reset();
        r.render(e, b);
        sink += b.length();
        lines++;
      }
    }
    long allocated = mx.getThreadAllocatedBytes(thread) - before;
    // a few hundred bytes of noise (the counter call itself) are tolerated, not a byte per line
    assertTrue(allocated < lines / 4 + 1024, c.name() + " allocated " + allocated + " bytes for "
        + lines + " lines (" + sink + ")");
  }
}
