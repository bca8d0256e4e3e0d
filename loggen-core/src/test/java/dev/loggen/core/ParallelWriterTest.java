package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A parallel run writes exactly what the single-threaded run writes: the same bytes (compared by
 * SHA-256) in both logs, the same event times handed to the sinks, the same report and the same
 * progress calls, for several seeds, thread counts, limits and memory budgets.
 */
class ParallelWriterTest {
  /** Not aligned to a block, and 67 min 13.5 s long: the window does not divide evenly. */
  private static final Instant START = Instant.parse("2026-03-02T07:59:47.250Z");
  private static final Duration WINDOW = Duration.ofMillis(67 * 60_000 + 13_500);

  /** A tiny access-log format, so core can be tested without the formats module. */
  static final LogFormat TINY = new LogFormat() {
    @Override
    public String name() {
      return "tiny";
    }

    @Override
    public Renderer newRenderer() {
      return (e, out) -> out.append(e.epochMillis()).append((byte) ' ')
          .appendAscii(e.clientAddress()).append((byte) ' ').appendUtf8(e.path())
          .append((byte) ' ').append(e.status());
    }
  };

  /** A tiny error-log format: server errors only. */
  static final LogFormat TINY_ERRORS = new LogFormat() {
    @Override
    public String name() {
      return "tiny-errors";
    }

    @Override
    public boolean accepts(AccessEvent event) {
      return event.status() >= 500;
    }

    @Override
    public Renderer newRenderer() {
      return (e, out) -> out.appendAscii("[error] ").append(e.epochMillis()).append((byte) ' ')
          .appendUtf8(e.path());
    }
  };

  @AfterEach
  void noWorkerOutlivesItsRun() {
    assertEquals(List.of(), workerThreads(), "worker threads left running");
  }

  static List<String> workerThreads() {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("loggen-worker-") && t.isAlive()) {
        names.add(t.getName());
      }
    }
    return names;
  }

  private static LogGenerator generator(long seed, @Nullable Duration window, double perHour) {
    // Sessions of at most 20 minutes: a short warm-up keeps the test fast.
    return LogGenerator.builder().seed(seed).traffic(Traffic.sessionsPerHour(perHour))
        .sessions(SessionSettings.DEFAULT.withLimits(Duration.ofMinutes(20), 2_000))
        .scenario(Scenario.outage(START.plus(Duration.ofMinutes(30)), Duration.ofMinutes(5), 0.5))
        .window(START, window).build();
  }

  /** Everything a run produced. */
  record Output(String access, String errors, List<Long> times, Report report,
      List<String> progress, long lines) {}

  static Output run(LogGenerator g, UnaryOperator<LogWriter> settings) {
    CollectingSink access = new CollectingSink(-1, false);
    CollectingSink errors = new CollectingSink(-1, false);
    List<String> progress = new ArrayList<>();
    Report r = settings.apply(g.writer().format(TINY).to(access).errors(TINY_ERRORS, errors)
        .progress((lines, t) -> progress.add(lines + "@" + t))).run();
    assertTrue(access.closed && errors.closed, "sinks closed");
    return new Output(sha256(access.bytes.toByteArray()), sha256(errors.bytes.toByteArray()),
        access.times, r, progress, access.lines);
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static void assertSameOutput(Output expected, Output actual, String what) {
    assertEquals(expected.lines(), actual.lines(), what + ": lines");
    assertEquals(expected.access(), actual.access(), what + ": access-log bytes");
    assertEquals(expected.errors(), actual.errors(), what + ": error-log bytes");
    assertEquals(expected.times(), actual.times(), what + ": event times given to the sink");
    assertEquals(expected.report(), actual.report(), what + ": report");
    assertEquals(expected.progress(), actual.progress(), what + ": progress calls");
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    long[] seeds = {7, -123_456_789L, 0x5EED_CAFEL};
    for (long seed : seeds) {
      for (long limit : new long[] {0, 1, 4_095, 12_345}) {
        out.add(Arguments.of(seed, limit));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "seed {0}, limit {1}")
  @MethodSource("cases")
  void parallelOutputIsByteIdentical(long seed, long limit) {
    LogGenerator g = generator(seed, WINDOW, 1_500);
    UnaryOperator<LogWriter> lim = w -> limit > 0 ? w.limit(limit) : w;
    Output single = run(g, lim);
    assertTrue(single.lines() > 0, "seed " + seed + " wrote nothing");
    for (int threads = 1; threads <= 4; threads++) {
      int n = threads;
      // Default budget, then a tiny one with small segments: workers wait on back-pressure and
      // blocks are cut into many segments.
      assertSameOutput(single, run(g, w -> lim.apply(w).threads(n)),
          "seed " + seed + ", " + n + " threads, limit " + limit);
      if (n >= 2) {
        assertSameOutput(single, run(g, w -> lim.apply(w).threads(n).memoryBudget(1)
            .segmentEvents(97 * n)), "seed " + seed + ", " + n + " threads, tiny budget, limit "
            + limit);
      }
    }
  }

  @Test
  void endlessWindowWithLimitAndNoBudget() {
    LogGenerator g = generator(99, null, 2_000);
    Output single = run(g, w -> w.limit(30_001));
    assertEquals(30_001, single.lines());
    assertSameOutput(single, run(g, w -> w.limit(30_001).threads(3).memoryBudget(0)
        .segmentEvents(1_000)), "endless, 3 threads");
  }

  @Test
  void stopConditionStopsAtTheSameLine() {
    LogGenerator g = generator(5, WINDOW, 1_500);
    // Asked once per minute of the 20-minute warm-up (no lines), then every 1,024 lines.
    for (int asks : new int[] {3, 28, 35}) {
      AtomicInteger a = new AtomicInteger();
      AtomicInteger b = new AtomicInteger();
      Output single = run(g, w -> w.stopWhen(() -> a.incrementAndGet() >= asks));
      assertSameOutput(single, run(g, w -> w.threads(2).segmentEvents(300)
          .stopWhen(() -> b.incrementAndGet() >= asks)), "stopWhen after " + asks + " asks");
      assertEquals(0, single.lines() % 1024, asks + " asks: stopped between minutes");
      assertEquals(asks, a.get(), "asked until true");
      assertEquals(asks, b.get(), "asked until true, 2 threads");
    }
  }

  @Test
  void aStopIsHonouredDuringTheWarmUp() {
    LogGenerator g = generator(5, WINDOW, 1_500);
    for (int threads : new int[] {1, 2}) {
      AtomicInteger calls = new AtomicInteger();
      Output out = run(g, w -> w.threads(threads).stopWhen(() -> calls.incrementAndGet() >= 1));
      assertEquals(0, out.lines(), threads + " threads: no line after a stop before the first");
      assertEquals(1, calls.get(), threads + " threads: asked after the first minute simulated");
      assertEquals(0, out.report().sessions(), threads + " threads: sessions");
    }
  }

  @Test
  void aStopIsHonouredInAMinuteWithoutLines() {
    // Ten quiet minutes inside the window (no session can reach them), then traffic again.
    LogGenerator g = LogGenerator.builder().seed(3).traffic(Traffic.sessionsPerHour(3_000)
            .withBurst(START.plus(Duration.ofMinutes(10)), Duration.ofMinutes(10), 0.0))
        .sessions(SessionSettings.DEFAULT.withLimits(Duration.ofMinutes(2), 100))
        .visitors(Visitors.DEFAULT.withMonitorInterval(Duration.ZERO)) // a line a minute
        .window(START, Duration.ofMinutes(30)).build();
    Output whole = run(g, w -> w);
    for (int threads : new int[] {1, 2}) {
      long[] before = {-1};
      CollectingSink sink = new CollectingSink(-1, false);
      // true when asked twice with no line written in between: only minutes without lines
      // are asked about so close together
      Report r = g.writer().format(TINY).to(sink).threads(threads)
          .stopWhen(() -> {
            boolean again = sink.lines > 0 && sink.lines == before[0];
            before[0] = sink.lines;
            return again;
          }).run();
      assertTrue(r.lines() > 0 && r.lines() < whole.lines(),
          threads + " threads: stopped in the quiet minutes, " + r.lines() + " of "
              + whole.lines());
      long last = sink.times.get(sink.times.size() - 1);
      assertTrue(last < START.toEpochMilli() + 20 * 60_000,
          threads + " threads: no line after the quiet minutes (last at " + last + ")");
    }
  }

  @Test
  void anInterruptStopsTheRunClosesTheSinksAndStaysSet() {
    LogGenerator g = generator(5, WINDOW, 1_500);
    long all = run(g, UnaryOperator.identity()).lines();
    for (int threads : new int[] {1, 2}) {
      CollectingSink sink = new CollectingSink(-1, false);
      LineSink interrupting = new LineSink() {
        @Override
        public void write(byte[] line, int offset, int length, long epochMillis) {
          sink.write(line, offset, length, epochMillis);
          if (sink.lines == 3_000) {
            Thread.currentThread().interrupt(); // as another thread's interrupt would
          }
        }

        @Override
        public void flush() {
          sink.flush();
        }

        @Override
        public void close() {
          sink.close();
        }
      };
      LogWriter w = g.writer().format(TINY).to(interrupting).threads(threads);
      try {
        IllegalStateException e = assertThrows(IllegalStateException.class, w::run);
        assertTrue(e.getMessage().startsWith("interrupted"), e.getMessage());
        assertTrue(Thread.currentThread().isInterrupted(), threads + " threads: status kept");
      } finally {
        Thread.interrupted();
      }
      assertTrue(sink.closed, "closed");
      assertTrue(sink.lines >= 3_000 && sink.lines < all, sink.lines + " of " + all);
    }
  }

  @Test
  void aClosedConsumerEndsBothRunsAtTheSameLine() {
    LogGenerator g = generator(11, WINDOW, 1_500);
    List<Report> reports = new ArrayList<>();
    List<String> bytes = new ArrayList<>();
    for (int threads : new int[] {1, 3}) {
      CollectingSink sink = new CollectingSink(12_345, false);
      reports.add(g.writer().format(TINY).to(sink).threads(threads).run());
      bytes.add(sha256(sink.bytes.toByteArray()));
      assertEquals(12_345, sink.lines);
      assertTrue(sink.closed);
    }
    assertEquals(reports.get(0), reports.get(1));
    assertEquals(bytes.get(0), bytes.get(1));
    assertEquals(12_345, reports.get(1).lines());
  }

  @Test
  void aWorkerFailureStopsTheRunNamingTheBlock() {
    long boom = START.plus(Duration.ofMinutes(41)).toEpochMilli();
    LogFormat failing = new LogFormat() {
      @Override
      public String name() {
        return "failing";
      }

      @Override
      public Renderer newRenderer() {
        Renderer r = TINY.newRenderer();
        return (e, out) -> {
          if (e.epochMillis() >= boom) {
            throw new IllegalArgumentException("cannot render " + e.epochMillis());
          }
          r.render(e, out);
        };
      }
    };
    CollectingSink access = new CollectingSink(-1, false);
    CollectingSink errors = new CollectingSink(-1, false);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> generator(3, WINDOW, 1_500).writer().format(failing).to(access)
            .errors(TINY_ERRORS, errors).threads(2).run());
    assertTrue(e.getMessage().startsWith("loggen-worker-"), e.getMessage());
    // Whichever worker fails first names its block: the one holding the first bad event, or a
    // later one rendered at the same time.
    assertTrue(e.getMessage().matches("loggen-worker-\\d+ failed rendering events of block "
        + "\\[2026-03-02T08:4\\d:00Z, 2026-03-02T08:4\\d:00Z\\): .*"), e.getMessage());
    assertTrue(e.getCause() instanceof IllegalArgumentException, String.valueOf(e.getCause()));
    assertTrue(access.closed && errors.closed, "sinks closed");
    assertTrue(access.lines > 0);
    for (long t : access.times) {
      assertTrue(t < boom);
    }
  }

  @Test
  void aSinkFailureStopsTheWorkers() {
    CollectingSink access = new CollectingSink(5_000, true);
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> generator(4, WINDOW, 1_500).writer().format(TINY).to(access).threads(4).run());
    assertEquals("disk full", e.getCause().getMessage());
    assertTrue(access.closed);
  }

  @Test
  void aFailureWhileStartingIsReported() {
    LogFormat broken = new LogFormat() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public Renderer newRenderer() {
        if (Thread.currentThread().getName().startsWith("loggen-worker-")) {
          throw new IllegalStateException("no renderer today");
        }
        return TINY.newRenderer();
      }
    };
    CollectingSink access = new CollectingSink(-1, false);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> generator(4, WINDOW, 500).writer().format(broken).to(access).threads(2).run());
    assertTrue(e.getMessage().contains("failed starting"), e.getMessage());
    assertTrue(access.closed);
  }

  @Test
  void threadsAreChecked() {
    LogWriter w = generator(1, WINDOW, 100).writer();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.threads(0));
    assertEquals("threads must be between 1 and 256 (got 0)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> w.threads(257));
    assertEquals("threads must be between 1 and 256 (got 257)", e.getMessage());
    assertSame(w, w.threads(256));
  }

  @Test
  void aRunWithoutFormatOrSinkStillClosesTheSinksItWasGiven() {
    // Before: run() threw before its try block, so an opened rotating file (and its
    // compression thread) stayed open.
    CollectingSink out = new CollectingSink(-1, false);
    CollectingSink err = new CollectingSink(-1, false);
    LogWriter noFormat = generator(1, WINDOW, 100).writer().to(out).errors(TINY_ERRORS, err);
    assertEquals("no format: call format(LogFormats.combined()) or similar",
        assertThrows(IllegalStateException.class, noFormat::run).getMessage());
    assertTrue(out.closed && err.closed, "both sinks closed");
    assertEquals(0, out.lines + err.lines);
    assertEquals("this writer already ran; get a new one from writer()",
        assertThrows(IllegalStateException.class, noFormat::run).getMessage());

    CollectingSink errOnly = new CollectingSink(-1, false);
    LogWriter noSink = generator(1, WINDOW, 100).writer().format(TINY).errors(TINY_ERRORS,
        errOnly);
    assertEquals("no sink: call to(...) with a LineSink",
        assertThrows(IllegalStateException.class, noSink::run).getMessage());
    assertTrue(errOnly.closed, "the error sink closed");
  }

  @Test
  void anErrorLogFormatAsTheAccessFormatIsRefusedAtOnce() {
    // Before: accepted, and the run failed at its first event, which the format does not log.
    LogWriter w = generator(1, WINDOW, 100).writer();
    assertEquals("format tiny-errors is an error-log format (it writes no line for an ordinary"
        + " 200 response): give it to errors(format, sink) and an access-log format, such as"
        + " LogFormats.combined(), to format(...)",
        assertThrows(IllegalArgumentException.class, () -> w.format(TINY_ERRORS)).getMessage());
    CollectingSink out = new CollectingSink(-1, false);
    CollectingSink err = new CollectingSink(-1, false);
    Report r = w.format(TINY).to(out).errors(TINY_ERRORS, err).run();
    assertEquals(r.lines(), out.lines);
    assertEquals(r.errorLines(), err.lines);
    assertTrue(out.lines > 0, "the writer was left as it was");
  }

  @Test
  void errorsWithANullArgumentLeavesTheWriterAsItWas() {
    // Before: errors(format, null) kept the format, and run() then failed inside runSingle
    // ("Cannot invoke LineSink.write because err is null").
    LogWriter w = generator(1, WINDOW, 100).writer().format(TINY);
    assertEquals("errors sink",
        assertThrows(NullPointerException.class, () -> w.errors(TINY_ERRORS, null))
            .getMessage());
    assertEquals("errors format",
        assertThrows(NullPointerException.class,
            () -> w.errors(null, new CollectingSink(-1, false))).getMessage());
    CollectingSink out = new CollectingSink(-1, false);
    Report r = w.to(out).run();
    assertEquals(r.lines(), out.lines);
    assertEquals(0, r.errorLines());
    assertTrue(out.lines > 0, "lines written");
  }

  @Test
  void mergedReportsEqualOneReportOverEverything() {
    LogGenerator g = generator(8, Duration.ofMinutes(15), 2_000);
    Report.Builder whole = Report.builder();
    Report.Builder merged = Report.builder();
    Report.Builder part = Report.builder();
    int i = 0;
    for (var it = g.iterator(); it.hasNext(); i++) {
      AccessEvent e = it.next();
      whole.event(e);
      part.event(e);
      if (i % 1_000 == 999) {
        merged.merge(part);
        part = Report.builder();
      }
    }
    merged.merge(part);
    assertEquals(whole.build(), merged.build());
    Report.Builder self = Report.builder();
    assertThrows(IllegalArgumentException.class, () -> self.merge(self));
  }

  /** Collects lines (with '\n') and their times; optionally closes or fails after some lines. */
  static final class CollectingSink implements LineSink {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Long> times = new ArrayList<>();
    final long failAfter;
    final boolean ioFailure;
    long lines;
    boolean closed;

    CollectingSink(long failAfter, boolean ioFailure) {
      this.failAfter = failAfter;
      this.ioFailure = ioFailure;
    }

    @Override
    public void write(byte[] line, int offset, int length, long epochMillis) {
      assertFalse(closed, "write after close");
      if (lines == failAfter) {
        if (ioFailure) {
          throw new UncheckedIOException("write test sink", new IOException("disk full"));
        }
        throw new SinkClosedException("consumer gone", new IOException("Broken pipe"));
      }
      bytes.write(line, offset, length);
      bytes.write('\n');
      times.add(epochMillis);
      lines++;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void tinyFormatIsWhatTheTestThinks() {
    AccessEvent e = generator(1, WINDOW, 600).events().findFirst().orElseThrow();
    assertArrayEquals((e.epochMillis() + " " + e.clientAddress() + " " + e.path() + " "
        + e.status()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
        TINY.format(e).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
