package dev.loggen.formats.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loggen.core.LineBuffer;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Short literals appended as one 8-byte store ({@link Bytes#putWord}), and pieces of 8 to 32
 * bytes appended as overlapping 8-byte loads and stores, give the bytes a copy gives, standalone
 * or attached to a caller's buffer, at every position relative to the end of the array (where
 * the store must grow it first), and what follows overwrites the spill.
 */
class BytesWordTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 100);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void wordsAppendTheBytesACopyAppends(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Bytes standalone = new Bytes(16);
    LineBuffer target = new LineBuffer(16);
    target.append(new byte[] {'>'}, 0, 1);
    Bytes attached = new Bytes(16);
    attached.attach(target);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < 400; i++) {
      byte[] piece = new byte[r.nextInt(0, 40)];
      for (int k = 0; k < piece.length; k++) {
        piece[k] = (byte) r.nextInt(256); // any byte value, sign bit included
      }
      expected.write(piece, 0, piece.length);
      for (Bytes b : new Bytes[] {standalone, attached}) {
        if (piece.length <= 8 && r.nextBoolean()) {
          b.putWord(Bytes.word(piece, 0, piece.length), piece.length);
        } else if (r.nextBoolean()) {
          b.put(piece); // 8 to 32 bytes as words, others as a copy
        } else {
          // the same bytes from the middle of a larger array
          int off = r.nextInt(0, 5);
          byte[] wider = new byte[off + piece.length + r.nextInt(0, 3)];
          Arrays.fill(wider, (byte) '#');
          System.arraycopy(piece, 0, wider, off, piece.length);
          b.put(wider, off, piece.length);
        }
      }
    }
    attached.detach();
    byte[] want = expected.toByteArray();
    assertArrayEquals(want, Arrays.copyOf(standalone.buf, standalone.len), "seed " + seed);
    byte[] got = Arrays.copyOf(target.array(), target.length());
    assertEquals('>', got[0], "seed " + seed);
    assertArrayEquals(want, Arrays.copyOfRange(got, 1, got.length), "seed " + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aWordHoldsAtMostEightBytes(long seed) {
    assertThrows(IllegalArgumentException.class, () -> Bytes.word(new byte[9 + (int) seed], 0,
        9 + (int) seed));
  }
}
