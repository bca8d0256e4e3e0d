package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loggen.core.LogFormat;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A format is shared by threads, each with its own renderer: every thread gets the bytes a
 * single thread gets (no shared mutable state in formats, per-thread state in renderers).
 */
class ConcurrencyTest {
  @Test
  void sharedFormatsRenderTheSameBytesOnEveryThread() throws Exception {
    List<FormatCases.Case> cases = Stream.concat(FormatCases.access().stream(),
        FormatCases.errors().stream()).toList();
    List<byte[]> expected = new ArrayList<>();
    for (FormatCases.Case c : cases) {
      expected.add(GoldenFileTest.render(c.format()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<byte[]>>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> {
          List<byte[]> out = new ArrayList<>();
          for (int round = 0; round < 5; round++) {
            out.clear();
            for (FormatCases.Case c : cases) {
              LogFormat f = c.format();
              out.add(GoldenFileTest.render(f));
            }
          }
          return out;
        }));
      }
      for (Future<List<byte[]>> f : futures) {
        List<byte[]> got = f.get();
        for (int i = 0; i < cases.size(); i++) {
          assertArrayEquals(expected.get(i), got.get(i), cases.get(i).name());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * {@code records(reader, onMalformed)} made parallel (to parse a big log on every core) still
   * tells {@code onMalformed} of each bad line in line order, one call at a time, so a plain
   * list can collect them. It was called from the stream's worker threads at once, out of
   * order: every round here failed before, with a callback that takes a moment (as writing a
   * warning does) so that the workers' batches overlap.
   */
  @Test
  void aParallelRecordsStreamTellsMalformedLinesInOrderOneAtATime() throws Exception {
    String good = "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1";
    int lines = 5_000;
    StringBuilder text = new StringBuilder();
    List<Long> expected = new ArrayList<>();
    for (int i = 1; i <= lines; i++) {
      if (i % 3 == 0) {
        text.append("not a line ").append(i).append('\n');
        expected.add((long) i);
      } else {
        text.append(good).append('\n');
      }
    }
    ForkJoinPool pool = new ForkJoinPool(4);
    try {
      for (int round = 0; round < 10; round++) {
        List<Long> told = new ArrayList<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        long records = pool.submit(() -> LogParsers.common()
            .records(new StringReader(text.toString()), e -> {
              most.accumulateAndGet(inside.incrementAndGet(), Math::max);
              told.add(e.lineNumber());
              LockSupport.parkNanos(20_000);
              inside.decrementAndGet();
            })
            .parallel()
            .filter(r -> r.status() == 200)
            .count()).get();
        assertEquals(lines - expected.size(), records, "round " + round);
        assertEquals(1, most.get(), "round " + round + ": calls at once");
        int wrong = 0;
        while (wrong < Math.min(told.size(), expected.size())
            && expected.get(wrong).equals(told.get(wrong))) {
          wrong++;
        }
        assertEquals(expected.size(), wrong, "round " + round + ": " + told.size()
            + " lines told, the first out of order at position " + wrong);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
