package dev.loggen.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Runs the command-line generator in-process and keeps what it printed. */
final class Cli {
  final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  final Main main;
  int code = -1;

  Cli(Path dir, Map<String, String> env) {
    main = new Main(new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8), env, dir, Clock.systemUTC(),
        System::nanoTime, false);
  }

  static Cli run(Path dir, String... args) {
    return run(dir, Map.of(), args);
  }

  static Cli run(Path dir, Map<String, String> env, String... args) {
    Cli c = new Cli(dir, env);
    c.code = c.main.execute(args);
    return c;
  }

  String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stderr\n" + err() + "--- stdout (first 2000 chars)\n"
        + out().substring(0, Math.min(2000, out().length()));
  }

  /** Every file below {@code dir}, relative names, sorted. */
  static List<String> files(Path dir) {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The names in {@code dir} (not below it), read without looking at each file: safe while a
   * running loggen renames its archives ({@link #files} looks at each file, and a file renamed
   * between the listing and the look is a NoSuchFileException).
   */
  static List<String> names(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of a file, gunzipped when its name ends in .gz. */
  static byte[] content(Path file) {
    try (InputStream in = file.toString().endsWith(".gz")
        ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }

  /** The lines of a log (gunzipped when needed); fails unless it ends with a newline. */
  static List<String> lines(Path file) {
    byte[] b = content(file);
    if (b.length > 0 && b[b.length - 1] != '\n') {
      throw new AssertionError(file + " does not end with a newline: a torn line");
    }
    return new ArrayList<>(new String(b, StandardCharsets.UTF_8).lines().toList());
  }

  /** The lines of every file of one log in a directory (archives and the active file). */
  static List<String> allLines(Path dir, String log) {
    List<String> all = new ArrayList<>();
    for (String f : files(dir)) {
      if (f.startsWith(log + ".") || f.startsWith(log + "-")) {
        all.addAll(lines(dir.resolve(f)));
      }
    }
    return all;
  }
}
