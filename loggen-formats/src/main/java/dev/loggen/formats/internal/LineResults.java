package dev.loggen.formats.internal;

import dev.loggen.formats.LogParseException;
import dev.loggen.formats.LogParser;
import dev.loggen.formats.LogRecord;
import dev.loggen.formats.ParseResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/** Lazy line-by-line parsing of a reader into {@link ParseResult}s. */
public final class LineResults {
  private LineResults() {}

  /**
   * A lazy stream of results, one per line; closing it closes the reader. A read error is
   * thrown from the stream as {@link UncheckedIOException} naming the line, the file if there
   * is one, and the cause.
   *
   * @param parser the parser for each line
   * @param reader the text
   * @param file the file the reader reads, for messages, or null
   * @return the results in line order
   */
  public static Stream<ParseResult> stream(LogParser parser, Reader reader, @Nullable Path file) {
    String of = file == null ? "" : " of " + file;
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 65_536);
    Iterator<ParseResult> it = new Iterator<>() {
      private long lineNumber;
      private @Nullable String next;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next == null && !done) {
          try {
            next = in.readLine();
          } catch (IOException e) {
            throw new UncheckedIOException(
                "cannot read line " + (lineNumber + 1) + of + ": " + reason(e), e);
          }
          done = next == null;
        }
        return next != null;
      }

      @Override
      public ParseResult next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        String line = next;
        next = null;
        long n = ++lineNumber;
        try {
          return new ParseResult.Parsed(n, parser.parseLine(line, n));
        } catch (LogParseException e) {
          return new ParseResult.Malformed(n, e);
        }
      }
    };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(() -> {
          try {
            in.close();
          } catch (IOException e) {
            throw new UncheckedIOException(
                "cannot close " + (file == null ? "the reader" : file) + ": " + reason(e), e);
          }
        });
  }

  /**
   * The records of the parsed lines of {@code results}, lazily, telling {@code onMalformed} of
   * each malformed line as the lines are read: in line order and one call at a time, also when
   * the stream is made parallel (whose worker threads would otherwise call it at once, out of
   * order). Closing the stream closes {@code results}.
   *
   * @param results the results of every line, in line order
   * @param onMalformed receives the error of each malformed line
   * @return the records of the good lines, in line order
   */
  public static Stream<LogRecord> records(Stream<ParseResult> results,
      Consumer<? super LogParseException> onMalformed) {
    Iterator<ParseResult> all = results.iterator();
    Iterator<LogRecord> good = new Iterator<>() {
      private @Nullable LogRecord next;

      @Override
      public boolean hasNext() {
        while (next == null && all.hasNext()) {
          ParseResult r = all.next();
          if (r instanceof ParseResult.Parsed p) {
            next = p.record();
          } else if (r instanceof ParseResult.Malformed m) {
            onMalformed.accept(m.error());
          }
        }
        return next != null;
      }

      @Override
      public LogRecord next() {
        LogRecord r = hasNext() ? next : null;
        if (r == null) {
          throw new NoSuchElementException();
        }
        next = null;
        return r;
      }
    };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(good, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(results::close);
  }

  /**
   * Opens a UTF-8 file, replacing malformed bytes.
   *
   * @param file the file
   * @return a reader
   * @throws UncheckedIOException naming the file and the cause: no such file, a directory, ...
   */
  public static Reader open(Path file) {
    try {
      if (Files.isDirectory(file)) {
        // opening one succeeds on Linux; only the first read would fail
        throw new UncheckedIOException("cannot read " + file + ": it is a directory",
            new IOException(file + " is a directory"));
      }
      return new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + reason(e), e);
    }
  }

  /** What went wrong, without repeating the path that the file-system exceptions hold. */
  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.toString();
  }
}
