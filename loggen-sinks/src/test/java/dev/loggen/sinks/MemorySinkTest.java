package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.DataSize;
import dev.loggen.core.LineBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemorySinkTest {

  @Test
  void collectsLinesBytesAndTimes() {
    MemorySink sink = Sinks.memory();
    sink.write(new LineBuffer().appendUtf8("héllo"), 5L);
    byte[] b = "xxworldxx".getBytes(StandardCharsets.US_ASCII);
    sink.write(b, 2, 5, 7L);
    sink.flush();
    sink.close();
    assertEquals(List.of("héllo", "world"), sink.lines());
    assertEquals(2, sink.lineCount());
    assertEquals("héllo\nworld\n", sink.text());
    assertArrayEquals("world".getBytes(StandardCharsets.US_ASCII), sink.lineBytes(1));
    assertEquals(7L, sink.epochMillis(1));
    assertEquals(1, sink.flushCount());
    assertTrue(sink.isClosed());
    assertEquals(sink.byteCount(), sink.toByteArray().length);
  }

  @Test
  void lineCapThrowsNamingTheCap() {
    MemorySink sink = MemorySink.withCaps(3, DataSize.ofKilobytes(1));
    for (int i = 0; i < 3; i++) {
      sink.write(new byte[] {'a'}, 0, 1, 0L);
    }
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> sink.write(new byte[] {'a'}, 0, 1, 0L));
    assertEquals("MemorySink is full: maxLines cap of 3 lines reached; raise it with"
        + " MemorySink.withCaps(...)", e.getMessage());
  }

  @Test
  void byteCapThrowsNamingTheCap() {
    MemorySink sink = Sinks.memory(1000, DataSize.ofBytes(10));
    sink.write(new byte[8], 0, 8, 0L);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> sink.write(new byte[2], 0, 2, 0L));
    assertTrue(e.getMessage().startsWith("MemorySink is full: maxBytes cap of 10B reached"),
        e.getMessage());
    assertEquals(1, sink.lineCount(), "the rejected line is not kept");
  }

  @Test
  void badCapsAndClosedWrites() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MemorySink.withCaps(0, DataSize.ofBytes(10)));
    assertEquals("maxLines must be positive (got 0)", e.getMessage());
    MemorySink sink = MemorySink.create();
    sink.close();
    assertThrows(IllegalStateException.class, () -> sink.write(new byte[1], 0, 1, 0L));
  }
}
