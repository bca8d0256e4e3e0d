package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loggen.core.LineSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sink checks the arguments of {@code write} before it touches anything, in the same
 * words: a null array is a {@link NullPointerException} naming {@code line}, an offset or length
 * out of range an {@link IndexOutOfBoundsException} with the values; the sink takes lines as
 * before afterwards.
 */
class WriteArgumentsTest {
  @TempDir Path dir;

  /** A sink under test and how to read back what it holds after close. */
  private record Flavour(String name, LineSink sink, Supplier<String> content) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<String> flavours() {
    return Stream.of("memory", "stream", "rotating file", "rotating file, daily");
  }

  private Flavour open(String name) {
    switch (name) {
      case "memory" -> {
        MemorySink sink = Sinks.memory();
        return new Flavour(name, sink, sink::text);
      }
      case "stream" -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return new Flavour(name, Sinks.stream(out),
            () -> out.toString(StandardCharsets.US_ASCII));
      }
      default -> {
        Path active = dir.resolve("access.log");
        RotatingFileSink.Builder b = FileSinks.rotating(active);
        if (name.endsWith("daily")) {
          b.daily();
        }
        return new Flavour(name, b.build(), () -> {
          try {
            return Files.readString(active, StandardCharsets.US_ASCII);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
  }

  private static void write(LineSink sink, String line) {
    byte[] b = line.getBytes(StandardCharsets.US_ASCII);
    sink.write(b, 0, b.length, 0L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flavours")
  void badArgumentsAreRefusedUpFrontAndDamageNothing(String name) {
    Flavour f = open(name);
    LineSink sink = f.sink();
    byte[] four = "abcd".getBytes(StandardCharsets.US_ASCII);
    // before the first line (the rotating sink's slow path) and after it (its fast path)
    for (int round = 0; round < 2; round++) {
      NullPointerException npe = assertThrows(NullPointerException.class,
          () -> sink.write(null, 0, 1, 0L));
      assertEquals("line", npe.getMessage(), name);
      npe = assertThrows(NullPointerException.class, () -> sink.write(null, 0, 0, 0L));
      assertEquals("line", npe.getMessage(), name);
      IndexOutOfBoundsException ioobe = assertThrows(IndexOutOfBoundsException.class,
          () -> sink.write(four, 2, 5, 0L));
      assertEquals("Range [2, 2 + 5) out of bounds for length 4", ioobe.getMessage(), name);
      ioobe = assertThrows(IndexOutOfBoundsException.class, () -> sink.write(four, -1, 2, 0L));
      assertEquals("Range [-1, -1 + 2) out of bounds for length 4", ioobe.getMessage(), name);
      ioobe = assertThrows(IndexOutOfBoundsException.class, () -> sink.write(four, 1, -2, 0L));
      assertEquals("Range [1, 1 + -2) out of bounds for length 4", ioobe.getMessage(), name);
      write(sink, "line " + round);
    }
    sink.close();
    assertEquals("line 0\nline 1\n", f.content().get(), name);
  }
}
