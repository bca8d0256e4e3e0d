package dev.loggen.formats.internal;

import dev.loggen.formats.LogParseException;
import dev.loggen.formats.LogParser;
import dev.loggen.formats.ParseResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/** Lazy line-by-line parsing of a reader into {@link ParseResult}s. */
public final class LineResults {
  private LineResults() {}

  /**
   * A lazy stream of results, one per line; closing it closes the reader.
   *
   * @param parser the parser for each line
   * @param reader the text
   * @return the results in line order
   */
  public static Stream<ParseResult> stream(LogParser parser, Reader reader) {
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
            throw new UncheckedIOException("cannot read line " + (lineNumber + 1), e);
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
            throw new UncheckedIOException("cannot close the reader", e);
          }
        });
  }

  /**
   * Opens a UTF-8 file, replacing malformed bytes.
   *
   * @param file the file
   * @return a reader
   */
  public static Reader open(Path file) {
    try {
      return new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }
}
