package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.loggen.core.LogFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
}
