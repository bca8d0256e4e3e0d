package dev.loggen.formats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The decimal writers of {@link Bytes} against {@link Long#toString} and String.format. */
class BytesNumbersTest {

  /** Every power of ten, its neighbours, the int and long limits, and their halves. */
  static LongStream boundaries() {
    LongStream.Builder b = LongStream.builder();
    for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10 * 10; p *= 10) {
      b.add(p - 1).add(p).add(p + 1);
      if (p > Long.MAX_VALUE / 10) {
        break;
      }
    }
    long[] limits = {0, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Integer.MAX_VALUE - 1L,
        2L * Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE / 2,
        -1, -9, -10, -99, -100, Integer.MIN_VALUE, Integer.MIN_VALUE - 1L, Long.MIN_VALUE,
        Long.MIN_VALUE + 1};
    for (long v : limits) {
      b.add(v);
    }
    return b.build();
  }

  @ParameterizedTest
  @MethodSource("boundaries")
  void putLongWritesWhatLongToStringWrites(long v) {
    Bytes o = new Bytes(16);
    o.put((byte) '>');
    o.putLong(v);
    assertEquals(">" + v, o.toString(), "value " + v);
  }

  @Test
  void putLongOverRandomValuesOfEveryLength() {
    SplittableRandom rnd = new SplittableRandom(20261127L);
    Bytes o = new Bytes(16);
    StringBuilder want = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      long v = rnd.nextLong() >> rnd.nextInt(64);
      o.putLong(v);
      o.put((byte) ' ');
      want.append(v).append(' ');
    }
    assertEquals(want.toString(), o.toString());
  }

  @Test
  void putPaddedZeroPadsAndKeepsTheLowDigitsOfWideValues() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      int width = 1 + rnd.nextInt(18);
      long v = rnd.nextLong(Long.MAX_VALUE) >> rnd.nextInt(63);
      String digits = Long.toString(v);
      String want = digits.length() >= width ? digits.substring(digits.length() - width)
          : "0".repeat(width - digits.length()) + digits;
      Bytes o = new Bytes(4);
      o.put((byte) '[');
      o.putPadded(v, width);
      o.put((byte) ']');
      assertEquals("[" + want + "]", o.toString(), "value " + v + " width " + width);
    }
  }

  @Test
  void setPaddedOverwritesInPlace() {
    Bytes o = new Bytes(16);
    o.putAscii("ab:cdef:gh");
    o.setPadded(3, 7, 4);
    assertEquals("ab:0007:gh", o.toString());
    o.setPadded(3, 123_456, 4);
    assertEquals("ab:3456:gh", o.toString());
    o.setPadded(3, 98_765_432_109L, 4);
    assertEquals("ab:2109:gh", o.toString());
  }
}
