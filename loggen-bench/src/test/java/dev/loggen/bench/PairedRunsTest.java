package dev.loggen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.LogGenerator;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.Sinks;
import java.nio.file.Path;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The paired-runs harness loads a build apart from the application's and runs its tasks. */
class PairedRunsTest {

  /** The classes of the build under test, as the test's class path has them. */
  private static String thisBuild() throws Exception {
    // commons-io: what the sinks module uses, from wherever the class path has it
    Class<?> commonsIo = Class.forName("org.apache.commons.io.IOUtils");
    return Stream.of(LogGenerator.class, LogFormats.class, Sinks.class, commonsIo)
        .map(c -> {
          try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
          } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
          }
        })
        .distinct().collect(Collectors.joining(":"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"e2e", "e2e2", "gen", "combined", "json", "ecs", "combined-hot",
      "json-hot", "ecs-hot"})
  void aTaskRunsOnItsOwnCopyOfTheBuild(String task) throws Exception {
    LongFunction<long[]> op = PairedRuns.load(task, thisBuild());
    ClassLoader loader = op.getClass().getClassLoader();
    assertNotSame(PairedRunsTest.class.getClassLoader(), loader);
    assertNotSame(LogGenerator.class, loader.loadClass(LogGenerator.class.getName()),
        "the build's classes come from its own loader, not from the application's");
    long[] nanos = op.apply(3_000);
    assertEquals(3, nanos.length, "thread CPU, process CPU, wall");
    assertTrue(nanos[0] > 0, "thread CPU time " + nanos[0]);
    // the process's CPU time counts in clock ticks (10 ms on Linux): 3,000 lines may take none
    assertTrue(nanos[1] >= 0, "process CPU time " + nanos[1]);
    assertTrue(nanos[2] > 0, "wall time " + nanos[2]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"e2e3", "gen-hot", ""})
  void anUnknownTaskIsRefused(String task) {
    assertThrows(IllegalArgumentException.class, () -> PairedRuns.load(task, "."));
  }
}
