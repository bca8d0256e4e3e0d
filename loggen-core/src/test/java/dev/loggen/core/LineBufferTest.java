package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;

import java.nio.charset.StandardCharsets;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineBufferTest {
  /**
   * Sizes the JVM cannot allocate gave OutOfMemoryError ("Requested array size exceeds VM
   * limit"); null arguments gave NPEs naming no parameter.
   */
  @Test
  void hugeSizesAndNullsAreArgumentErrors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LineBuffer().appendPadded(5, Integer.MAX_VALUE));
    assertEquals("a line cannot grow past 2 GiB (0 + 2147483647 bytes)", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new LineBuffer().ensureCapacity(Integer.MAX_VALUE - 7));
    assertThrows(IllegalArgumentException.class, () -> new LineBuffer(Integer.MAX_VALUE));
    assertEquals("s", assertThrows(NullPointerException.class,
        () -> new LineBuffer().appendAscii((String) null)).getMessage());
    assertEquals("s", assertThrows(NullPointerException.class,
        () -> new LineBuffer().appendUtf8(null)).getMessage());
    assertEquals("src", assertThrows(NullPointerException.class,
        () -> new LineBuffer().append((byte[]) null)).getMessage());
    assertEquals("src", assertThrows(NullPointerException.class,
        () -> new LineBuffer().append(null, 0, 0)).getMessage());
    assertEquals("other", assertThrows(NullPointerException.class,
        () -> new LineBuffer().append((LineBuffer) null)).getMessage());
  }


  static LongStream numbers() {
    LongStream.Builder b = LongStream.builder();
    long p = 1;
    for (int i = 0; i < 19; i++) {
      b.add(p).add(p - 1).add(p + 1).add(-p).add(2 * p - 1).add(9 * p);
      p *= 10;
    }
    b.add(Long.MAX_VALUE).add(Long.MIN_VALUE).add(Long.MIN_VALUE + 1).add(0).add(-1);
    long seed = 42;
    for (int i = 0; i < 200; i++) {
      seed = dev.loggen.core.random.Rng.mix(seed + i);
      b.add(seed).add(seed >>> (i % 63));
    }
    return b.build();
  }

  @ParameterizedTest
  @MethodSource("numbers")
  void decimalNumbersAreLongToString(long v) {
    assertEquals(Long.toString(v), new LineBuffer(16).append(v).toString(), "value " + v);
  }

  /** The static writers renderers use on {@link LineBuffer#array()}, straight into an array. */
  @ParameterizedTest
  @MethodSource("numbers")
  void decimalWritersForRenderers(long v) {
    if (v < 0) {
      assertEquals("v must not be negative (got " + v + ")",
          assertThrows(IllegalArgumentException.class, () -> LineBuffer.decimalDigits(v))
              .getMessage());
      assertThrows(IllegalArgumentException.class, () -> LineBuffer.writeDecimal(new byte[32],
          20, v));
      assertThrows(IllegalArgumentException.class, () -> LineBuffer.writePadded(new byte[32], 0,
          v, 3));
      return;
    }
    String s = Long.toString(v);
    assertEquals(s.length(), LineBuffer.decimalDigits(v), "value " + v);
    byte[] b = "abcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.US_ASCII);
    int first = LineBuffer.writeDecimal(b, 25, v);
    assertEquals(25 - s.length(), first, "value " + v);
    String all = new String(b, StandardCharsets.US_ASCII);
    assertEquals("abcdefghijklmnopqrstuvwxy".substring(0, first) + s + "z0123456789", all,
        "value " + v + ": only the digits are written");
  }

  /**
   * The raw-array writers into an array too small for the digits: an
   * ArrayIndexOutOfBoundsException from inside the loop, after some digits were written.
   */
  @Test
  void decimalWritersOutsideTheArrayNameTheRange() {
    byte[] b = "abcd".getBytes(StandardCharsets.US_ASCII);
    assertEquals("the digits of 12345 (length 5) need indexes [-2, 3), outside an array of"
        + " length 4", outside(() -> LineBuffer.writeDecimal(b, 3, 12_345)));
    assertEquals("the digits of 7 (length 1) need indexes [4, 5), outside an array of length 4",
        outside(() -> LineBuffer.writeDecimal(b, 5, 7)));
    assertEquals("the digits of 9223372036854775807 (length 19) need indexes [-2147483667,"
        + " -2147483648), outside an array of length 4",
        outside(() -> LineBuffer.writeDecimal(b, Integer.MIN_VALUE, Long.MAX_VALUE)));
    assertEquals("the digits of 0 (length 1) need indexes [2147483646, 2147483647), outside an"
        + " array of length 4", outside(() -> LineBuffer.writeDecimal(b, Integer.MAX_VALUE, 0)));
    assertEquals("the digits of 42 (length 3) need indexes [2, 5), outside an array of length 4",
        outside(() -> LineBuffer.writePadded(b, 2, 42, 3)));
    assertEquals("the digits of 42 (length 3) need indexes [-1, 2), outside an array of length 4",
        outside(() -> LineBuffer.writePadded(b, -1, 42, 3)));
    assertEquals("the digits of 42 (length 2147483647) need indexes [2147483647, 4294967294),"
        + " outside an array of length 4",
        outside(() -> LineBuffer.writePadded(b, Integer.MAX_VALUE, 42, Integer.MAX_VALUE)));
    assertEquals("abcd", new String(b, StandardCharsets.US_ASCII), "nothing written");
    assertEquals("dst", assertThrows(NullPointerException.class,
        () -> LineBuffer.writeDecimal(null, 3, 1)).getMessage());
    assertEquals("dst", assertThrows(NullPointerException.class,
        () -> LineBuffer.writePadded(null, 0, 1, 2)).getMessage());
  }

  private static String outside(Runnable r) {
    return assertThrowsExactly(IndexOutOfBoundsException.class, r::run).getMessage();
  }

  /**
   * Every end in and around a small array: the digits are written exactly where they fit,
   * right up to both ends of the array, and refused without a write where they do not.
   */
  @ParameterizedTest
  @MethodSource("numbers")
  void decimalWritersUseTheWholeArrayAndNoMore(long v) {
    if (v < 0) {
      return;
    }
    String s = Long.toString(v);
    for (int size : new int[] {1, 5, 19, 20, 24}) {
      for (int end = -2; end <= size + 2; end++) {
        byte[] b = new byte[size];
        int at = end;
        if (end - s.length() >= 0 && end <= size) {
          assertEquals(end - s.length(), LineBuffer.writeDecimal(b, end, v));
          assertEquals(s, new String(b, end - s.length(), s.length(),
              StandardCharsets.US_ASCII), "value " + v + ", end " + end);
        } else {
          assertThrowsExactly(IndexOutOfBoundsException.class,
              () -> LineBuffer.writeDecimal(b, at, v), "value " + v + ", end " + end);
          assertArrayEquals(new byte[size], b, "value " + v + ", end " + end + ": no write");
        }
        for (int width = 1; width <= 3; width++) {
          byte[] p = new byte[size];
          int w = width;
          if (at >= 0 && at + width <= size) {
            LineBuffer.writePadded(p, at, v, width);
            String digits = "0".repeat(Math.max(0, width - s.length()))
                + s.substring(Math.max(0, s.length() - width));
            assertEquals(digits, new String(p, at, width, StandardCharsets.US_ASCII));
          } else {
            assertThrowsExactly(IndexOutOfBoundsException.class,
                () -> LineBuffer.writePadded(p, at, v, w), "value " + v + ", at " + at);
            assertArrayEquals(new byte[size], p, "value " + v + ", at " + at + ": no write");
          }
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("numbers")
  void paddedNumbersKeepTheirLowDigits(long v) {
    if (v < 0) {
      return;
    }
    for (int width = 1; width <= 20; width++) {
      String s = Long.toString(v);
      String expected = s.length() >= width ? s.substring(s.length() - width)
          : "0".repeat(width - s.length()) + s;
      assertEquals(expected, new LineBuffer(16).appendAscii("x").appendPadded(v, width)
          .toString().substring(1), "value " + v + ", width " + width);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "GET /index.html HTTP/1.1", "héllo wörld", "日本語のパス",
      "emoji \uD83D\uDE00 end", "mixed é and 中", "Mozilla/5.0 (X11; Linux x86_64)"})
  void utf8IsTheJdkEncoding(String s) {
    LineBuffer b = new LineBuffer(16).appendAscii("<").appendUtf8(s).appendAscii(">");
    assertArrayEquals(("<" + s + ">").getBytes(StandardCharsets.UTF_8), b.toByteArray(), s);
  }

  @Test
  void unpairedSurrogatesBecomeQuestionMarks() {
    assertEquals("a?b?", new LineBuffer(16).appendUtf8("a\uD800b\uDC00").toString());
    assertEquals("a?b", new LineBuffer(16).appendUtf8(new StringBuilder("a\uD800b")).toString());
  }

  @Test
  void asciiKeepsTheLowEightBits() {
    assertArrayEquals(new byte[] {'a', (byte) 0xE9, (byte) 0x2D},
        new LineBuffer(16).appendAscii("a\u00E9\u4E2D").toByteArray());
  }

  @Test
  void growsAndAdvances() {
    LineBuffer b = new LineBuffer(16);
    String long1 = "x".repeat(1000);
    b.appendAscii(long1).appendUtf8(long1).append(123_456_789_012L);
    assertEquals(long1 + long1 + "123456789012", b.toString());
    b.reset();
    b.ensureCapacity(3);
    b.array()[0] = 'a';
    b.array()[1] = 'b';
    b.advance(2);
    assertEquals("ab", b.toString());
    assertThrows(IllegalArgumentException.class, () -> b.advance(-1));
    assertThrows(IllegalArgumentException.class, () -> b.advance(b.array().length));
  }
}
