package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a run does when a sink or a worker fails: the same on one thread and on several. */
class RunFailureTest {
  private static LogGenerator generator() {
    return LogGenerator.builder().seed(7).traffic(Traffic.sessionsPerHour(20_000))
        .window(Instant.parse("2026-03-02T00:00:00Z"), Duration.ofHours(1)).build();
  }

  /** A sink that counts, fails its Nth write and its close as told. */
  private static final class Probe implements LineSink {
    long writes;
    int closes;
    long failAt = -1;
    RuntimeException writeFailure;
    Error closeFailure;

    @Override
    public void write(byte[] line, int offset, int length, long epochMillis) {
      if (++writes == failAt) {
        throw writeFailure;
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      closes++;
      if (closeFailure != null) {
        throw closeFailure;
      }
    }
  }

  /**
   * An Error from the access sink's close left the error sink unclosed (its lines unflushed)
   * and replaced the write failure that ended the run.
   */
  @ParameterizedTest(name = "threads {0}")
  @ValueSource(ints = {1, 2})
  void anErrorClosingOneSinkStillClosesTheOtherAndKeepsTheRunsFailure(int threads) {
    Probe out = new Probe();
    out.failAt = 5_000;
    out.writeFailure = new IllegalStateException("boom");
    out.closeFailure = new AssertionError("close failed");
    Probe err = new Probe();
    RuntimeException e = assertThrows(RuntimeException.class, () -> generator().writer()
        .format(ParallelWriterTest.TINY).to(out).errors(ParallelWriterTest.TINY_ERRORS, err)
        .threads(threads).run());
    assertSame(out.writeFailure, e);
    assertEquals(List.of("close failed"), Arrays.stream(e.getSuppressed())
        .map(Throwable::getMessage).toList());
    assertEquals(1, out.closes);
    assertEquals(1, err.closes, "the error sink is closed too");

    Probe quiet = new Probe();
    quiet.closeFailure = new AssertionError("close failed");
    Probe errors = new Probe();
    AssertionError a = assertThrows(AssertionError.class, () -> generator().writer()
        .format(ParallelWriterTest.TINY).to(quiet).errors(ParallelWriterTest.TINY_ERRORS, errors)
        .threads(threads).limit(100).run());
    assertEquals("close failed", a.getMessage());
    assertEquals(1, errors.closes, "the error sink is closed too");
    assertTrue(quiet.writes == 100, "lines: " + quiet.writes);
  }

  /** TINY, but a renderer throws for every event at or after {@code from}. */
  private static LogFormat failingFrom(long from) {
    return new LogFormat() {
      @Override
      public String name() {
        return "failing";
      }

      @Override
      public Renderer newRenderer() {
        Renderer tiny = ParallelWriterTest.TINY.newRenderer();
        return (e, out) -> {
          if (e.epochMillis() >= from) {
            throw new IllegalStateException("cannot render " + e.epochMillis());
          }
          tiny.render(e, out);
        };
      }
    };
  }

  /**
   * A worker that failed on an event ahead of the writer ended a parallel run at once: a run
   * cut by a limit before that event threw where one thread returns its report, and the lines
   * before the event were not all written (4,104 of 4,500 on two threads, none on three).
   */
  @ParameterizedTest(name = "threads {0}")
  @ValueSource(ints = {1, 2, 3})
  void aFailureAheadOfTheWriterEndsTheRunWhereOneThreadWould(int threads) {
    long t5000 = generator().events().skip(4_999).findFirst().orElseThrow().epochMillis();
    long before = generator().events().takeWhile(e -> e.epochMillis() < t5000).count();
    Probe cut = new Probe();
    Report r = generator().writer().format(failingFrom(t5000)).to(cut).threads(threads)
        .limit(4_500).run();
    assertEquals(4_500, r.lines());
    assertEquals(4_500, cut.writes);

    Probe all = new Probe();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> generator()
        .writer().format(failingFrom(t5000)).to(all).threads(threads).run());
    assertEquals(before, all.writes, "every line before the failing event: " + e);
    assertEquals(1, all.closes);
    assertTrue(String.valueOf(e.getMessage()).contains("cannot render " + t5000)
        || String.valueOf(e.getCause()).contains("cannot render " + t5000), e.toString());
  }
}
