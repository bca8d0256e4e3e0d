package dev.loggen.sinks;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.io.IOUtils;

/**
 * Test lines that carry a sequence number and a payload derived from it, so a torn, corrupt or
 * duplicated line is recognised; and helpers that read back what a sink wrote.
 */
final class TestLines {
  private TestLines() {}

  private static final String ALPHABET;

  static {
    StringBuilder sb = new StringBuilder();
    long h = 42;
    for (int i = 0; i < 512; i++) {
      h = mix(h);
      sb.append((char) ('a' + Long.remainderUnsigned(h, 26)));
    }
    ALPHABET = sb.toString();
  }

  /** The line for {@code seq}: {@code seq=000000000000042 <payload> end}. */
  static String line(long seq) {
    long h = mix(seq);
    int len = 20 + (int) Long.remainderUnsigned(h, 100);
    int off = (int) Long.remainderUnsigned(h >>> 20, ALPHABET.length() - len);
    String digits = Long.toString(seq);
    StringBuilder sb = new StringBuilder(24 + len);
    sb.append("seq=");
    for (int i = digits.length(); i < 15; i++) {
      sb.append('0');
    }
    return sb.append(digits).append(' ').append(ALPHABET, off, off + len).append(" end")
        .toString();
  }

  static byte[] bytes(long seq) {
    return line(seq).getBytes(StandardCharsets.US_ASCII);
  }

  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The sequence number of a whole, uncorrupted line; fails the test for anything else. */
  static long seq(String line) {
    if (!line.startsWith("seq=") || line.length() < 19) {
      fail("not a whole test line: '" + abbreviate(line) + "'");
    }
    long seq;
    try {
      seq = Long.parseLong(line.substring(4, 19));
    } catch (NumberFormatException e) {
      throw new AssertionError("not a whole test line: '" + abbreviate(line) + "'", e);
    }
    if (!line.equals(line(seq))) {
      fail("torn or corrupt line for seq " + seq + ": '" + abbreviate(line) + "'");
    }
    return seq;
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  /** The content of a file, gunzipped when its name ends in {@code .gz}. */
  static byte[] content(Path file) {
    try (InputStream raw = Files.newInputStream(file)) {
      InputStream in = file.getFileName().toString().endsWith(".gz")
          ? new GZIPInputStream(raw) : raw;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      IOUtils.copy(in, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Whether {@code file} is a complete, valid gzip file. */
  static boolean validGzip(Path file) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The lines of a file (gunzipped), checking that it ends with a line end. */
  static List<String> lines(Path file) {
    String text = new String(content(file), StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return List.of();
    }
    assertTrue(text.endsWith("\n"), () -> file + " does not end with a line end");
    return List.of(text.substring(0, text.length() - 1).split("\n", -1));
  }

  /** The lines of several files, in the order given. */
  static List<String> lines(List<Path> files) {
    List<String> all = new ArrayList<>();
    for (Path f : files) {
      all.addAll(lines(f));
    }
    return all;
  }

  /** File names in a directory, sorted. */
  static List<String> names(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sequence numbers of lines, checked whole. */
  static List<Long> seqs(List<String> lines) {
    List<Long> out = new ArrayList<>(lines.size());
    for (String l : lines) {
      out.add(seq(l));
    }
    return out;
  }
}
