package dev.loggen.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.LogGenerator;
import dev.loggen.core.LogWriter;
import dev.loggen.core.Report;
import dev.loggen.core.SessionSettings;
import dev.loggen.core.Traffic;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.StreamSink;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With the real formats: a parallel run writes the same Combined access log and Apache error
 * log, byte for byte, and the same report as the single-threaded run. (Core's
 * {@code ParallelWriterTest} covers limits, memory budgets and failures with a tiny format.)
 */
class ParallelCombinedTest {

  static Stream<Arguments> cases() {
    return Stream.of(Arguments.of(1L, 0L), Arguments.of(2L, 0L), Arguments.of(-77L, 12_345L),
        Arguments.of(31_337L, 15_000L));
  }

  record Out(String access, String errors, Report report) {}

  static Out run(LogGenerator g, UnaryOperator<LogWriter> settings) {
    ByteArrayOutputStream access = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    Report r = settings.apply(g.writer().format(LogFormats.combined())
        .to(StreamSink.of(access)).errors(LogFormats.apacheError(), StreamSink.of(errors)))
        .run();
    return new Out(sha256(access.toByteArray()), sha256(errors.toByteArray()), r);
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "seed {0}, limit {1}")
  @MethodSource("cases")
  void combinedIsByteIdenticalOnAnyThreadCount(long seed, long limit) {
    LogGenerator g = LogGenerator.builder().seed(seed).traffic(Traffic.sessionsPerHour(1_500))
        .sessions(SessionSettings.DEFAULT.withLimits(Duration.ofMinutes(20), 2_000))
        .window(Instant.parse("2026-06-30T23:31:07Z"), Duration.ofMinutes(61)).build();
    UnaryOperator<LogWriter> lim = w -> limit > 0 ? w.limit(limit) : w;
    Out single = run(g, lim);
    assertTrue(single.report().lines() > 0, "seed " + seed);
    assertTrue(single.report().errorLines() > 0, "seed " + seed + ": no error lines");
    for (int threads : new int[] {2, 3}) {
      Out parallel = run(g, w -> lim.apply(w).threads(threads));
      String what = "seed " + seed + ", limit " + limit + ", " + threads + " threads";
      assertEquals(single.access(), parallel.access(), what + ": access log");
      assertEquals(single.errors(), parallel.errors(), what + ": error log");
      assertEquals(single.report(), parallel.report(), what + ": report");
    }
  }
}
