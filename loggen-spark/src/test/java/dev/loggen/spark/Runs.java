package dev.loggen.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.RunSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** What the single machine writes, and checks of what Spark wrote against it. */
final class Runs {
  private Runs() {}

  /** The bytes a single machine writes for {@code gen}: every line and its '\n'. */
  static byte[] render(LogGenerator gen, LogFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LogFormat.Renderer r = format.newRenderer();
    LineBuffer line = new LineBuffer();
    for (Iterator<AccessEvent> it = gen.iterator(); it.hasNext(); ) {
      AccessEvent e = it.next();
      if (!format.accepts(e)) {
        continue;
      }
      line.reset();
      r.render(e, line);
      line.append((byte) '\n');
      out.write(line.array(), 0, line.length());
    }
    return out.toByteArray();
  }

  static byte[] read(Path file, boolean gzip) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static long lines(byte[] b) {
    long n = 0;
    for (byte x : b) {
      if (x == '\n') {
        n++;
      }
    }
    return n;
  }

  /** Every file under {@code dir}, relative, sorted. */
  static List<String> listing(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks a written run: exactly the manifest's files and the manifest, no temporary or
   * {@code .crc} file; each file is the single machine's slice; together they are its run; the
   * manifest's counts and checksums are those of the content, and its JSON is on disk.
   */
  static void verify(Path dir, RunSpec spec, LogFormat format, Manifest m) {
    int n = m.slices();
    List<String> expectedListing = Stream.concat(m.files().stream(),
        Stream.of(Manifest.FILE_NAME)).sorted().toList();
    assertEquals(expectedListing, listing(dir), "only the final files and the manifest");
    assertEquals(m.files().stream().sorted().toList(), m.files(), "names sort as slices do");
    LogGenerator whole = spec.toGenerator();
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (int k = 0; k < n; k++) {
      Manifest.Part p = m.parts().get(k);
      Path file = dir.resolve(p.files().get(0));
      byte[] got = read(file, m.gzip());
      LogGenerator slice = whole.slice(k, n);
      byte[] expected = render(slice, format);
      assertArrayEquals(expected, got, "slice " + k + " is the single machine's slice");
      assertEquals(k, p.slice());
      assertEquals(slice.emitFrom(), p.start());
      assertEquals(slice.emitTo(), p.end());
      assertEquals(lines(expected), p.lines(), "slice " + k + " lines");
      assertEquals(expected.length, p.bytes(), "slice " + k + " bytes");
      assertEquals(sha256(expected), p.sha256(), "slice " + k + " sha256");
      try {
        assertEquals(Files.size(file), p.storedBytes(), "slice " + k + " stored bytes");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      joined.writeBytes(got);
    }
    byte[] single = render(whole, format);
    assertEquals(sha256(single), sha256(joined.toByteArray()),
        "the files together are the single-machine run");
    assertEquals(whole.start(), m.start());
    assertEquals(whole.start().plus(whole.duration()), m.end());
    assertEquals(spec.toText(), m.spec());
    try {
      assertEquals(m.toJson(), Files.readString(dir.resolve(Manifest.FILE_NAME)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertFalse(listing(dir).stream().anyMatch(f -> f.endsWith(".crc")), "no .crc files");
  }
}
