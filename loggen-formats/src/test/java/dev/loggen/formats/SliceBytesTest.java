package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.LineSink;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract scale-out rests on: the slices 0..n-1 of a run, rendered and concatenated, are
 * byte for byte the single-machine run, for every n. Hashes the rendered Combined bytes.
 */
class SliceBytesTest {

  static Stream<Arguments> cases() {
    return Stream.of(1, 3, 7).map(n -> Arguments.of(42L, n));
  }

  @ParameterizedTest(name = "seed {0}, {1} slices")
  @MethodSource("cases")
  void concatenatedSlicesHashLikeTheWholeRun(long seed, int n) {
    // An unaligned start, a zone with a DST change inside the window, several hours.
    LogGenerator whole = LogGenerator.builder().seed(seed).site(Sites.shop())
        .traffic(Traffic.sessionsPerHour(1_000).withZone("Europe/Berlin"))
        .window(Instant.parse("2026-03-29T00:17:00Z"), Duration.ofHours(2)).build();

    HashingSink expected = new HashingSink();
    whole.writer().format(LogFormats.combined()).to(expected).run();

    HashingSink joined = new HashingSink();
    for (int k = 0; k < n; k++) {
      LogGenerator slice = whole.slice(k, n);
      HashingSink part = new HashingSink();
      slice.writer().format(LogFormats.combined()).to(part).run();
      joined.append(part);
      assertTrue(part.firstMillis >= slice.emitFrom().toEpochMilli() || part.lines == 0,
          "slice " + k + " starts inside its part");
    }
    assertTrue(expected.lines > 10_000, "a run of some size (" + expected.lines + " lines)");
    assertEquals(expected.lines, joined.lines, "seed " + seed + ", " + n + " slices: lines");
    assertEquals(expected.bytes, joined.bytes, "seed " + seed + ", " + n + " slices: bytes");
    assertArrayEquals(expected.digest.digest(), joined.digest.digest(),
        "seed " + seed + ", " + n + " slices: SHA-256 of the rendered bytes");
  }

  /** Hashes every line with its terminator, as a file sink would write it. */
  private static final class HashingSink implements LineSink {
    final MessageDigest digest = sha256();
    final java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
    long lines;
    long bytes;
    long firstMillis = Long.MIN_VALUE;

    @Override
    public void write(byte[] line, int offset, int length, long epochMillis) {
      if (lines == 0) {
        firstMillis = epochMillis;
      }
      digest.update(line, offset, length);
      digest.update((byte) '\n');
      content.write(line, offset, length);
      content.write('\n');
      lines++;
      bytes += length + 1;
    }

    void append(HashingSink part) {
      byte[] b = part.content.toByteArray();
      digest.update(b);
      content.write(b, 0, b.length);
      lines += part.lines;
      bytes += part.bytes;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    private static MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new AssertionError(e);
      }
    }
  }
}
