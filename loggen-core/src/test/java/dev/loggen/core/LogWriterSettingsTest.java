package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loggen.core.LogWriter.Progress;
import dev.loggen.core.ParallelWriterTest.CollectingSink;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Each setting of a {@link LogWriter} is made once (STYLE.md: a second, conflicting setting is
 * an {@link IllegalStateException}): a writer passed through several hands must not silently
 * lose a limit or a thread count that was set first.
 */
class LogWriterSettingsTest {
  private static final LogFormat OTHER = new LogFormat() {
    @Override
    public Renderer newRenderer() {
      return ParallelWriterTest.TINY.newRenderer();
    }

    @Override
    public String name() {
      return "other";
    }
  };

  private static LogWriter writer() {
    return LogGenerator.builder().seed(5).build().writer();
  }

  private static String refused(Runnable secondCall) {
    return assertThrows(IllegalStateException.class, secondCall::run).getMessage();
  }

  @Test
  void aSecondConflictingSettingIsRefusedNamingTheFirst() {
    assertEquals("limit was already set to 10",
        refused(() -> writer().limit(10).limit(20)));
    assertEquals("threads was already set to 2",
        refused(() -> writer().threads(2).threads(1)));
    assertEquals("format was already set to " + ParallelWriterTest.TINY,
        refused(() -> writer().format(ParallelWriterTest.TINY).format(OTHER)));
    assertEquals("a stop condition was already set: combine the two into one condition",
        refused(() -> writer().stopWhen(() -> false).stopWhen(() -> true)));
    assertEquals("a progress listener was already set: combine the two into one listener",
        refused(() -> writer().progress((lines, time) -> { })
            .progress((lines, time) -> { })));
    CollectingSink first = new CollectingSink(-1, false);
    assertEquals("the access-log sink was already set to " + first,
        refused(() -> writer().to(first).to(new CollectingSink(-1, false))));
    assertEquals("the error-log sink was already set to " + first,
        refused(() -> writer().errors(ParallelWriterTest.TINY, first)
            .errors(ParallelWriterTest.TINY, new CollectingSink(-1, false))));
    CollectingSink errors = new CollectingSink(-1, false);
    assertEquals("the error-log format was already set to " + ParallelWriterTest.TINY,
        refused(() -> writer().errors(ParallelWriterTest.TINY, errors).errors(OTHER, errors)));
  }

  @Test
  void theSameSettingAgainIsAllowed() {
    BooleanSupplier never = () -> false;
    Progress quiet = (lines, time) -> { };
    CollectingSink sink = new CollectingSink(-1, false);
    Report r = writer().limit(7).limit(7).threads(2).threads(2)
        .format(ParallelWriterTest.TINY).format(ParallelWriterTest.TINY)
        .stopWhen(never).stopWhen(never).progress(quiet).progress(quiet).to(sink).to(sink)
        .run();
    assertEquals(7, r.lines());
    assertEquals(7, sink.lines);
  }

  @Test
  void aRefusedSettingLeavesTheFirstInForce() {
    CollectingSink sink = new CollectingSink(-1, false);
    LogWriter w = writer().format(ParallelWriterTest.TINY).to(sink).limit(3);
    assertThrows(IllegalStateException.class, () -> w.limit(1_000));
    assertEquals(3, w.run().lines());
    assertEquals(3, sink.lines);
  }
}
