package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: the first 20 lines of every format for {@link TestEvents} seed 42 (for the
 * error formats, the first 20 events they accept), compared byte for byte with
 * {@code src/test/resources/golden/<case>.log}. The files were checked by eye once.
 *
 * <p>To regenerate them after an intended change, run
 * {@code mvn -pl loggen-formats test -Dtest=GoldenFileTest -Dloggen.golden.update=true}, then
 * read the diff ({@code git diff src/test/resources/golden}) before committing it.
 */
class GoldenFileTest {
  static final long SEED = 42;
  static final int LINES = 20;

  static Stream<FormatCases.Case> cases() {
    return Stream.concat(FormatCases.access().stream(), FormatCases.errors().stream());
  }

  /** The golden content for a format: 20 lines, each ended by LF. */
  static byte[] render(LogFormat format) {
    List<AccessEvent> events = TestEvents.events(SEED, 2_000);
    LogFormat.Renderer renderer = format.newRenderer();
    LineBuffer line = new LineBuffer();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int written = 0;
    for (AccessEvent e : events) {
      if (written == LINES) {
        break;
      }
      if (!format.accepts(e)) {
        continue;
      }
      line.reset();
      renderer.render(e, line);
      out.write(line.array(), 0, line.length());
      out.write('\n');
      written++;
    }
    assertEquals(LINES, written, "not enough accepted events for " + format);
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGoldenFile(FormatCases.Case c) throws IOException {
    byte[] actual = render(c.format());
    if (Boolean.getBoolean("loggen.golden.update")) {
      Path dir = goldenSourceDir();
      Files.createDirectories(dir);
      Files.write(dir.resolve(c.name() + ".log"), actual);
      return;
    }
    byte[] expected;
    try (InputStream in = GoldenFileTest.class.getResourceAsStream("/golden/" + c.name() + ".log")) {
      assertNotNull(in, "missing golden file golden/" + c.name()
          + ".log; generate it with -Dloggen.golden.update=true and review it");
      expected = in.readAllBytes();
    }
    String[] want = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
    String[] got = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < Math.min(want.length, got.length); i++) {
      assertEquals(want[i], got[i], c.name() + " line " + (i + 1));
    }
    assertArrayEquals(expected, actual, c.name() + ": bytes differ");
  }

  /** {@code src/test/resources/golden} of this module, from the module or the repository root. */
  static Path goldenSourceDir() {
    Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    Path module = Files.isDirectory(here.resolve("loggen-formats")) ? here.resolve("loggen-formats")
        : here;
    return module.resolve("src/test/resources/golden");
  }
}
