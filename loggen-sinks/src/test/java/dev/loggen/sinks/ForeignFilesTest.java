package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.DataSize;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files in the sink's directory whose names look like archives but are not names the sink
 * makes (logrotate's numbers start at 1): never renamed, compressed over or deleted.
 */
class ForeignFilesTest {
  private static final long DAY = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  private static final List<String> FOREIGN = List.of("access.log.0", "access.log.0.gz",
      "access.log.00", "access.log.01", "access.log.2026-01-01.0", "access.log.2026-01-01.0.gz",
      "access.log.2026-01-01.01");

  @TempDir Path dir;

  @ParameterizedTest(name = "gzip={0} daily={1}")
  @CsvSource({"false,false", "true,false", "false,true", "true,true"})
  void filesNumberedZeroAreNeitherRenamedNorDeleted(boolean gzip, boolean daily)
      throws IOException {
    for (String name : FOREIGN) {
      write(dir.resolve(name), "USER FILE " + name + "\n");
    }
    Path active = dir.resolve("access.log");
    RotatingFileSink.Builder b = FileSinks.rotating(active).maxSize(DataSize.ofBytes(300))
        .keep(2).warnings(w -> {
          throw new AssertionError(w);
        });
    if (gzip) {
      b.gzip(1);
    }
    if (daily) {
      b.daily();
    }
    List<Path> archives;
    try (RotatingFileSink sink = b.build()) {
      for (int i = 0; i < 40; i++) {
        byte[] l = TestLines.bytes(i);
        sink.write(l, 0, l.length, DAY);
      }
      archives = sink.archives();
    }
    assertEquals(2, archives.size(), archives::toString);
    for (Path a : archives) {
      String n = a.getFileName().toString();
      assertTrue(n.matches("access\\.log\\.(2026-01-01\\.)?[1-9][0-9]*(\\.gz)?"), n);
      assertEquals(gzip, n.endsWith(".gz"), n);
    }
    for (String name : FOREIGN) {
      assertEquals(List.of("USER FILE " + name), TestLines.lines(dir.resolve(name)), name);
    }
    assertTrue(TestLines.names(dir).stream().noneMatch(n -> n.endsWith(".tmp")),
        () -> TestLines.names(dir).toString());
    // the newest lines are all there, in order, whole
    List<Path> files = new ArrayList<>(archives);
    files.add(active);
    List<Long> seqs = TestLines.seqs(TestLines.lines(files));
    assertEquals(39L, seqs.get(seqs.size() - 1));
    for (int i = 1; i < seqs.size(); i++) {
      assertEquals(seqs.get(i - 1) + 1, seqs.get(i), seqs::toString);
    }
  }

  @Test
  void aValidGzipThatIsNotTheArchivesCopyDeletesNothing() throws IOException {
    Path active = dir.resolve("access.log");
    Path plain = dir.resolve("access.log.4");
    Path gz = dir.resolve("access.log.4.gz");
    write(plain, TestLines.line(1) + "\n" + TestLines.line(2) + "\n");
    write(gz, "USER FILE\n");
    for (boolean gzip : new boolean[] {false, true}) {
      RotatingFileSink.Builder b = FileSinks.rotating(active).maxSize(DataSize.ofBytes(100))
          .warnings(w -> {
            throw new AssertionError(w);
          });
      if (gzip) {
        b.gzip(1);
      }
      UncheckedIOException e = assertThrows(UncheckedIOException.class, b::build);
      assertTrue(e.getMessage().startsWith("repair failed for " + plain + ": " + gz
          + " is a valid gzip file but does not hold the bytes of " + plain), e.getMessage());
      assertEquals(List.of(TestLines.line(1), TestLines.line(2)), TestLines.lines(plain));
      assertEquals(List.of("USER FILE"), TestLines.lines(gz));
    }
    // a .gz that does hold the archive's bytes is its copy: the uncompressed one goes
    Files.delete(gz);
    write(gz, TestLines.line(1) + "\n" + TestLines.line(2) + "\n");
    List<String> warnings = new ArrayList<>();
    try (RotatingFileSink sink = FileSinks.rotating(active).maxSize(DataSize.ofBytes(100))
        .warnings(warnings::add).build()) {
      assertEquals(List.of(plain), sink.recovery().removedCopies());
      assertEquals(List.of(gz), sink.archives());
    }
    assertEquals(1, warnings.size(), warnings::toString);
  }

  /** Writes {@code text}, gzipped when the name ends in {@code .gz}. */
  private static void write(Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    if (!file.getFileName().toString().endsWith(".gz")) {
      Files.write(file, bytes);
      return;
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(bytes);
    }
  }
}
