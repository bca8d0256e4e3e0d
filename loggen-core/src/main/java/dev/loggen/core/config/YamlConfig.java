package dev.loggen.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads YAML into a {@link ConfigNode} tree, safely: snakeyaml-engine composes a node tree and
 * nothing is ever constructed from tags, so a file cannot make the reader create objects. Limits
 * reject hostile or accidental input fast and with a clear message:
 *
 * <ul>
 *   <li>at most {@link #MAX_BYTES} (10 MiB): a larger file is rejected from its size, before it
 *       is read;
 *   <li>at most {@link #MAX_ALIASES} aliases of lists or mappings (a "billion laughs" alias
 *       bomb needs many), at most {@link #MAX_NODES} values after aliases are expanded, and
 *       nesting at most {@link #MAX_DEPTH} levels deep;
 *   <li>exactly one document, whose top level is a mapping.
 * </ul>
 *
 * <p>YAML syntax errors, an empty file or a top level that is not a mapping throw a
 * {@link ConfigException} at once. Problems of structure that do not stop reading (a duplicate
 * key, an unsupported tag or merge key) are recorded in the tree's {@link Diagnostics}, to be
 * reported with the binders' errors.
 *
 * <p>Reading is pure: it opens the file for reading and touches nothing else.
 */
public final class YamlConfig {
  /** The largest configuration read: 10 MiB. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;
  /** The most aliases of lists or mappings in one file. */
  public static final int MAX_ALIASES = 50;
  /** The deepest nesting of lists and mappings. */
  public static final int MAX_DEPTH = 64;
  /** The most values in one file, counting each use of an alias in full. */
  public static final int MAX_NODES = 200_000;

  private YamlConfig() {}

  /**
   * Reads the file as UTF-8 YAML. Its name in messages is {@code file} as given.
   *
   * @param file the file
   * @return the root of the tree, a mapping
   * @throws ConfigException when the file is too large, not UTF-8, not YAML, empty, or not a
   *     mapping at the top level
   * @throws UncheckedIOException when the file cannot be read, naming it
   */
  public static ConfigNode load(Path file) {
    Objects.requireNonNull(file, "file");
    return load(file, file.toString());
  }

  /**
   * Like {@link #load(Path)}, with another name in messages: a file read from a directory of the
   * caller's ({@code workDir.resolve(file)}) is still called as its user wrote it. A file larger
   * than {@link #MAX_BYTES} is rejected from its size, before it is read.
   *
   * @param file the file
   * @param sourceName the name messages give the file
   * @return the root of the tree, a mapping
   * @throws ConfigException as {@link #load(Path)} does
   * @throws UncheckedIOException when the file cannot be read, naming it; its cause is the
   *     {@link IOException} ({@link NoSuchFileException} for a missing file)
   */
  public static ConfigNode load(Path file, String sourceName) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sourceName, "sourceName");
    String name = sourceName;
    try {
      if (Files.isRegularFile(file)) {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
          throw tooLarge(name, size);
        }
      }
      try (InputStream in = Files.newInputStream(file)) {
        return read(in, name);
      }
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("cannot read configuration " + file + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read configuration " + file + ": " + e, e);
    }
  }

  /**
   * Reads a stream of UTF-8 YAML, at most {@link #MAX_BYTES} of it (a longer stream is rejected
   * after that many bytes). Does not close the stream.
   *
   * @param in the stream
   * @param sourceName the name messages give the source
   * @return the root of the tree, a mapping
   * @throws ConfigException as {@link #load(Path)} does
   * @throws UncheckedIOException when the stream cannot be read
   */
  public static ConfigNode read(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read configuration " + sourceName + ": " + e, e);
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(sourceName, -1);
    }
    return parse(utf8(bytes, sourceName, "is not UTF-8 text",
        "save the configuration as UTF-8"), sourceName);
  }

  /**
   * {@code bytes} as UTF-8 text, or an error at the line and column of the first byte that is
   * not UTF-8, naming it: {@code what (byte 0xE9): advice}.
   */
  static String utf8(byte[] bytes, String sourceName, String what, String advice) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // never more chars than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    if (result.isError()) {
      String before = out.toString();
      throw new ConfigException(errorAt(sourceName, before, before.length(),
          String.format(Locale.ROOT, "%s (byte 0x%02X): %s", what, bytes[in.position()] & 0xFF,
              advice)));
    }
    return out.toString();
  }

  /**
   * Parses YAML text.
   *
   * @param text the YAML text
   * @param sourceName the name messages give the source (a file name, an environment variable)
   * @return the root of the tree, a mapping
   * @throws ConfigException as {@link #load(Path)} does
   */
  public static ConfigNode parse(String text, String sourceName) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sourceName, "sourceName");
    if (text.length() > MAX_BYTES) {
      throw tooLarge(sourceName, -1);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    LoadSettings settings = LoadSettings.builder()
        .setLabel(sourceName)
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        // let a list or mapping as key through: TreeBuilder reports it at its position (the
        // engine's own refusal has no position: it was reported at 1:1)
        .setAllowNonScalarKeys(true)
        .setMaxAliasesForCollections(MAX_ALIASES)
        .setCodePointLimit(MAX_BYTES)
        .setUseMarks(true)
        .build();
    Optional<Node> root;
    try {
      // one pass: the composer takes the events through DepthLimit (parsing first to check
      // the depth read the text twice, 5 s for a value of 4 million characters)
      root = new Composer(settings, new DepthLimit(new ParserImpl(settings,
          new StreamReader(settings, text)), sourceName)).getSingleNode();
    } catch (MarkedYamlEngineException e) {
      throw syntaxError(sourceName, text, e);
    } catch (ReaderException e) {
      // a character YAML does not allow (a control character, U+FFFE): at its code point
      int at = text.offsetByCodePoints(0, Math.min(Math.max(e.getPosition(), 0),
          text.codePointCount(0, text.length())));
      throw new ConfigException(errorAt(sourceName, text, at, String.format(Locale.ROOT,
          "invalid YAML: character U+%04X is not allowed in YAML text%s", e.getCodePoint(),
          Character.isISOControl(e.getCodePoint())
              ? " (of the control characters only tab and line breaks are)" : "")));
    } catch (YamlVersionException e) {
      Matcher directive = YAML_DIRECTIVE.matcher(text);
      int at = directive.find() ? directive.start() : 0;
      throw new ConfigException(errorAt(sourceName, text, at, "unsupported YAML version "
          + e.getSpecVersion().getRepresentation() + " (expected 1.1 or 1.2)"));
    } catch (YamlEngineException e) {
      String msg = String.valueOf(e.getMessage());
      if (msg.contains("aliases")) {
        throw fileError(sourceName, String.format(Locale.ROOT,
            "too many aliases: more than %d aliases of lists or mappings (an alias bomb?)",
            MAX_ALIASES));
      }
      if (msg.contains("code points")) {
        throw tooLarge(sourceName, -1);
      }
      throw fileError(sourceName, "cannot be read as YAML: " + msg);
    }
    if (root.isEmpty()) {
      throw fileError(sourceName, EMPTY_FILE);
    }
    Diagnostics diagnostics = new Diagnostics();
    ConfigNode tree = new TreeBuilder(diagnostics, sourceName).build(root.get());
    if (!tree.isMapping()) {
      throw new ConfigException(new ConfigError(sourceName, tree.line(), tree.column(), "",
          "expected a mapping of settings at the top level (got " + tree.describe() + ")"));
    }
    return tree;
  }

  /**
   * Passes the parser's events on, and rejects nesting deeper than {@link #MAX_DEPTH} before the
   * recursive composer goes deeper.
   */
  private static final class DepthLimit implements Parser {
    private final Parser parser;
    private final String sourceName;
    private int depth;

    DepthLimit(Parser parser, String sourceName) {
      this.parser = parser;
      this.sourceName = sourceName;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
      return parser.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
      return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
      return parser.hasNext();
    }

    @Override
    public Event next() {
      Event e = parser.next();
      switch (e.getEventId()) {
        case MappingStart, SequenceStart -> {
          if (++depth > MAX_DEPTH) {
            Mark m = e.getStartMark().orElse(null);
            throw new ConfigException(new ConfigError(sourceName,
                m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1, "",
                "lists and mappings are nested more than " + MAX_DEPTH + " levels deep"));
          }
        }
        case MappingEnd, SequenceEnd -> depth--;
        default -> { }
      }
      return e;
    }
  }

  private static final Pattern YAML_DIRECTIVE = Pattern.compile("^%YAML\\b",
      Pattern.MULTILINE);
  /** The engine's problem with a value starting with a reserved indicator ({@code % @ `}). */
  private static final Pattern RESERVED_START =
      Pattern.compile("^found character '(.)' that cannot start any token");

  /**
   * An error at {@code text}'s char {@code index}, its line and column counted as the YAML
   * reader counts them (a line ends at LF, CRLF or CR; a byte order mark takes no column).
   */
  static ConfigError errorAt(String sourceName, String text, int index, String message) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < index; ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n' || c == '\r' && (i >= text.length() || text.charAt(i) != '\n')) {
        line++;
        column = 1;
      } else if (c != '\uFEFF') {
        column++;
      }
    }
    return new ConfigError(sourceName, line, column, "", message);
  }

  /** Whether the text on line {@code line} (from 0) before code point {@code column} is a key. */
  private static boolean afterKey(String text, int line, int column) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    if (line >= lines.length) {
      return false;
    }
    String l = lines[line];
    int end = l.offsetByCodePoints(0, Math.min(column, l.codePointCount(0, l.length())));
    return l.substring(0, end).stripTrailing().endsWith(":");
  }

  private static ConfigException syntaxError(String sourceName, String text,
      MarkedYamlEngineException e) {
    Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
    String problem = e.getProblem() == null ? "" : e.getProblem().trim();
    if (problem.contains("\\t(TAB)")) {
      return new ConfigException(new ConfigError(sourceName, m == null ? 1 : m.getLine() + 1,
          m == null ? 1 : m.getColumn() + 1, "",
          "invalid YAML: a tab cannot indent YAML: indent with spaces"));
    }
    if (problem.contains("another document")) {
      return new ConfigException(new ConfigError(sourceName, m == null ? 1 : m.getLine() + 1,
          m == null ? 1 : m.getColumn() + 1, "",
          "a configuration is one YAML document, but a second one starts here"));
    }
    Matcher reserved = RESERVED_START.matcher(problem);
    if (reserved.find()) { // '%h %l %u ...' unquoted: an Apache format is the common case
      char c = reserved.group(1).charAt(0);
      return new ConfigException(new ConfigError(sourceName, m == null ? 1 : m.getLine() + 1,
          m == null ? 1 : m.getColumn() + 1, "", "invalid YAML: a value cannot start with '" + c
              + "', which YAML reserves: put the whole value in quotes ('" + c + "...', doubling"
              + " any ' inside)"));
    }
    if (problem.equals("sequence entries are not allowed here") && m != null
        && afterKey(text, m.getLine(), m.getColumn())) {
      // "directory: -": a dash after a key on its line starts a list entry, not a value
      problem += " (a '-' after a key starts a list; for a '-' as the value, quote it: '-')";
    }
    String context = e.getContext() == null ? "" : e.getContext().trim();
    StringBuilder msg = new StringBuilder("invalid YAML: ").append(problem.isEmpty()
        ? String.valueOf(e.getMessage()).trim() : problem);
    if (!context.isEmpty()) {
      msg.append(" (").append(context);
      e.getContextMark().filter(c -> m == null || c.getLine() != m.getLine()
          || c.getColumn() != m.getColumn()).ifPresent(c -> msg.append(" started at line ")
          .append(c.getLine() + 1).append(", column ").append(c.getColumn() + 1));
      msg.append(')');
    }
    return new ConfigException(new ConfigError(sourceName, m == null ? 1 : m.getLine() + 1,
        m == null ? 1 : m.getColumn() + 1, "", msg.toString()));
  }

  private static ConfigException tooLarge(String sourceName, long size) {
    return fileError(sourceName, String.format(Locale.ROOT,
        "the file is %s: larger than the limit of %d bytes (10 MiB) for a configuration",
        size < 0 ? "too large" : size + " bytes", MAX_BYTES));
  }

  /** The message of an empty file (see {@link LegacyConfig}, which names its own keys). */
  static final String EMPTY_FILE =
      "the file is empty: expected a mapping of settings such as 'seed: 42'";

  private static ConfigException fileError(String sourceName, String message) {
    return new ConfigException(new ConfigError(sourceName, 1, 1, "", message));
  }
}
