package dev.loggen.core.config;

import dev.loggen.core.DataSize;
import dev.loggen.core.config.internal.Suggestions;
import dev.loggen.core.config.internal.Values;
import dev.loggen.core.internal.Printable;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.Spliterator;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One node of a configuration tree: a mapping, a list, a scalar, a null, or a key that is
 * missing. Every node knows where it is: the source name, the 1-based line and column, and its
 * key path ({@code site.pages[2].path}). {@link YamlConfig} builds trees; binders read them.
 *
 * <p>Typed accessors ({@link #string()}, {@link #integer(long, long)}, {@link #probability()},
 * {@link #duration()}, ...) never throw on a bad value: they record an error in
 * {@link #diagnostics()} and return an empty result, so one pass reports every problem of a
 * file. A missing key is not an error unless it is {@link #require required}: its accessors
 * return empty results and {@link #get} on it returns further missing nodes, so optional
 * sections read naturally:
 *
 * <pre>{@code
 * ConfigNode traffic = root.get("traffic");
 * double perHour = traffic.get("sessionsPerHour").positiveNumber().orElse(2_000);
 * Optional<ZoneId> zone = traffic.get("zone").zone();
 * }</pre>
 *
 * <p>Unknown keys: each mapping remembers the keys binders asked for ({@link #get},
 * {@link #require}) or declared ({@link #claim}). After every binder has run,
 * {@link #reportUnknownKeys()} reports each remaining key of the mappings that were read, with
 * the closest known key as a suggestion ({@code unknown key 'sesion': did you mean
 * 'session'?}). So a module binds its own top-level section and claims its keys, and none of
 * them is reported as unknown.
 *
 * <p>A tree is read by one thread (it records claims); it is not thread-safe.
 */
public final class ConfigNode {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  /** What a node holds. */
  public enum Kind {
    /** Keys with values. */
    MAPPING,
    /** A list of values. */
    SEQUENCE,
    /** A single value (text, number, boolean). */
    SCALAR,
    /** An explicit empty value ({@code key:}, {@code ~}, {@code null}). */
    NULL,
    /** A key that is not in the file. */
    MISSING
  }

  private final Diagnostics diagnostics;
  private final String source;
  private final int line;
  private final int column;
  private final String path;
  private final Kind kind;
  private final @Nullable String text;
  private final List<ConfigNode> elements;
  private final Map<String, ConfigNode> entries;
  private @Nullable ConfigNode keyNode;
  private final Set<String> claimed = new LinkedHashSet<>();
  private boolean visited;
  private boolean shapeReported;

  ConfigNode(Diagnostics diagnostics, String source, int line, int column, String path,
      Kind kind, @Nullable String text, List<ConfigNode> elements,
      Map<String, ConfigNode> entries) {
    this.diagnostics = diagnostics;
    this.source = source;
    this.line = line;
    this.column = column;
    this.path = path;
    this.kind = kind;
    this.text = text;
    this.elements = elements;
    this.entries = entries;
  }

  void keyNode(ConfigNode key) {
    this.keyNode = key;
  }

  /** The path of the child {@code key} of a mapping at {@code parent}. */
  static String childPath(String parent, String key) {
    String k = PLAIN_KEY.matcher(key).matches() ? key
        : "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    if (parent.isEmpty()) {
      return k;
    }
    return k.startsWith("[") ? parent + k : parent + "." + k;
  }

  // ---- where --------------------------------------------------------------------------------

  /** {@return the source: a file name as given, or another name such as a variable} */
  public String source() {
    return source;
  }

  /** {@return the 1-based line (for a missing key: the line of its mapping)} */
  public int line() {
    return line;
  }

  /** {@return the 1-based column (for a missing key: the column of its mapping)} */
  public int column() {
    return column;
  }

  /** {@return the key path, e.g. {@code traffic.hourly[3]}; empty for the root} */
  public String path() {
    return path;
  }

  /** {@return what the node holds} */
  public Kind kind() {
    return kind;
  }

  /** {@return where errors and warnings about this tree are recorded} */
  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /** {@return whether the key is in the file (even with an empty value)} */
  public boolean isPresent() {
    return kind != Kind.MISSING;
  }

  /** {@return whether the key is not in the file} */
  public boolean isMissing() {
    return kind == Kind.MISSING;
  }

  /** {@return whether this is a mapping} */
  public boolean isMapping() {
    return kind == Kind.MAPPING;
  }

  /** {@return whether this is a list} */
  public boolean isSequence() {
    return kind == Kind.SEQUENCE;
  }

  /** {@return whether this is a scalar} */
  public boolean isScalar() {
    return kind == Kind.SCALAR;
  }

  /** {@return the text of a scalar as written, or {@code null} for any other kind} */
  public @Nullable String text() {
    return text;
  }

  /**
   * {@return the node of the key this value is stored under} Errors about a name (an unknown
   * state, say) point there rather than at the value. This node itself when it is not the value
   * of a mapping entry.
   */
  public ConfigNode keyNode() {
    return keyNode != null ? keyNode : this;
  }

  // ---- messages -----------------------------------------------------------------------------

  /**
   * Records an error at this node.
   *
   * @param message what was wrong and what was expected
   */
  public void error(String message) {
    diagnostics.error(new ConfigError(source, line, column, path, message));
  }

  /**
   * Records a warning at this node.
   *
   * @param message what is not honoured exactly
   */
  public void warning(String message) {
    diagnostics.warning(new ConfigError(source, line, column, path, message));
  }

  /**
   * {@return how the value looks, for messages: {@code 1.5}, {@code 'abc'}, {@code a list}; a
   * value longer than 100 characters is cut there: {@code 'xxx...' (3000000 characters)}}
   */
  public String describe() {
    return switch (kind) {
      case MAPPING -> "a mapping";
      case SEQUENCE -> "a list";
      case NULL -> "an empty value";
      case MISSING -> "nothing";
      case SCALAR -> shown(Objects.requireNonNull(text));
    };
  }

  private static String shown(String t) {
    if (t.length() <= Printable.QUOTED_CHARS
        && (Values.number(t).isPresent() || Values.bool(t) != null)) {
      return t;
    }
    return Printable.quoted(t);
  }

  // ---- structure ----------------------------------------------------------------------------

  /**
   * The value of {@code key} in this mapping; claims the key. Missing when the key is absent or
   * this is not a mapping (an error when this is present but not a mapping).
   *
   * @param key the key
   * @return its value, or a missing node
   */
  public ConfigNode get(String key) {
    visited = true;
    claimed.add(key);
    if (kind == Kind.MAPPING) {
      ConfigNode child = entries.get(key);
      if (child != null) {
        return child;
      }
    } else if (kind != Kind.MISSING) {
      shapeError("a mapping");
    }
    return missing(key);
  }

  /**
   * Like {@link #get}, and records an error when this is present but the key is missing.
   *
   * @param key the key
   * @return its value, or a missing node
   */
  public ConfigNode require(String key) {
    ConfigNode child = get(key);
    if (child.isMissing() && kind == Kind.MAPPING) {
      diagnostics.error(new ConfigError(source, line, column, child.path,
          "required key '" + key + "' is missing"));
    }
    return child;
  }

  private ConfigNode missing(String key) {
    return new ConfigNode(diagnostics, source, line, column, childPath(path, key), Kind.MISSING,
        null, List.of(), Map.of());
  }

  /** The value of {@code key} without claiming it or reporting anything; null when absent. */
  @Nullable ConfigNode peek(String key) {
    return kind == Kind.MAPPING ? entries.get(key) : null;
  }

  /**
   * Whether this mapping has {@code key}; does not claim it.
   *
   * @param key the key
   * @return whether the key is present
   */
  public boolean has(String key) {
    return kind == Kind.MAPPING && entries.containsKey(key);
  }

  /** {@return the keys of this mapping in file order, not claimed; empty for other kinds} */
  public Set<String> keys() {
    return kind == Kind.MAPPING ? Collections.unmodifiableSet(entries.keySet()) : Set.of();
  }

  /**
   * Declares keys as known here, so they are not reported unknown (another binder reads them).
   *
   * @param keys the keys
   * @return this node
   */
  public ConfigNode claim(String... keys) {
    return claim(Arrays.asList(keys));
  }

  /**
   * Declares keys as known here, so they are not reported unknown (another binder reads them).
   * The claimed keys are listed in messages in the order they were claimed; the keys of a
   * collection without an order of its own ({@code Set.of}, a {@code HashSet}, whose order may
   * differ from one JVM to the next) are taken in alphabetical order, so that a message is the
   * same on every run.
   *
   * @param keys the keys
   * @return this node
   */
  public ConfigNode claim(Collection<String> keys) {
    visited = true;
    if (keys.spliterator().hasCharacteristics(Spliterator.ORDERED)) {
      claimed.addAll(keys);
    } else {
      claimed.addAll(new TreeSet<>(keys));
    }
    return this;
  }

  /**
   * {@return the entries of this mapping in file order, all claimed} For mappings whose keys
   * are names (states, pages). Empty when missing; an error when present but not a mapping.
   */
  public Map<String, ConfigNode> map() {
    visited = true;
    if (kind == Kind.MAPPING) {
      claimed.addAll(entries.keySet());
      return Collections.unmodifiableMap(entries);
    }
    if (kind != Kind.MISSING) {
      shapeError("a mapping");
    }
    return Map.of();
  }

  /**
   * {@return the elements of this list} Empty when missing; an error when present but not a
   * list.
   */
  public List<ConfigNode> list() {
    visited = true;
    if (kind == Kind.SEQUENCE) {
      return elements;
    }
    if (kind != Kind.MISSING) {
      shapeError("a list");
    }
    return List.of();
  }

  /**
   * The elements of this list, with an error when there are fewer than {@code min} (at the
   * list) or more than {@code max} (at the first extra element: {@code hourly[24]: expected at
   * most 24 values (got 25)}). All elements are returned either way.
   *
   * @param min the fewest elements expected
   * @param max the most elements expected
   * @return the elements
   */
  public List<ConfigNode> list(int min, int max) {
    List<ConfigNode> l = list();
    if (kind != Kind.SEQUENCE) {
      return l;
    }
    if (l.size() > max) {
      l.get(max).error(String.format(Locale.ROOT, "expected at most %d values (got %d)", max,
          l.size()));
    } else if (l.size() < min) {
      error(String.format(Locale.ROOT, min == max ? "expected %d values (got %d)"
          : "expected at least %d values (got %d)", min, l.size()));
    }
    return l;
  }

  private void shapeError(String expected) {
    if (!shapeReported) {
      shapeReported = true;
      error("expected " + expected + " (got " + describe() + ")");
    }
  }

  // ---- unknown keys -------------------------------------------------------------------------

  /**
   * Reports as errors the keys no binder asked for or claimed, in this mapping and every mapping
   * below it that a binder read, each with the closest known key as a suggestion. Call it once,
   * after all binders have run.
   */
  public void reportUnknownKeys() {
    unknownKeys(false);
  }

  /**
   * Like {@link #reportUnknownKeys()}, but as warnings: for the old tool's files, which it read
   * leniently (its users' files must keep loading).
   */
  public void warnUnknownKeys() {
    unknownKeys(true);
  }

  private void unknownKeys(boolean asWarnings) {
    if (shapeReported) {
      // A mapping where a list or a value was expected: its keys are not "unknown" ones, the
      // error already reported says what is wrong (one mistake, one message).
      return;
    }
    if (kind == Kind.MAPPING && visited) {
      for (Map.Entry<String, ConfigNode> e : entries.entrySet()) {
        if (!claimed.contains(e.getKey())) {
          String hint = Suggestions.closest(e.getKey(), claimed)
              .map(s -> ": did you mean '" + s + "'?")
              .orElse(claimed.isEmpty() ? "" : ": expected one of " + String.join(", ", claimed));
          String msg = "unknown key '" + e.getKey() + "'" + hint;
          ConfigNode at = e.getValue().keyNode();
          if (asWarnings) {
            at.warning(msg + " (ignored)");
          } else {
            at.error(msg);
          }
        }
      }
    }
    for (ConfigNode c : kind == Kind.MAPPING ? entries.values() : elements) {
      c.unknownKeys(asWarnings);
    }
  }

  // ---- scalars ------------------------------------------------------------------------------

  /** The scalar text, or empty (an error unless missing). */
  private Optional<String> scalar(String expected) {
    visited = true;
    if (kind == Kind.SCALAR) {
      return Optional.of(text);
    }
    if (kind != Kind.MISSING) {
      // Not shapeError: every read of a wrong value records an error (binders count them),
      // folded into the first at this place. Its keys are not reported as unknown.
      shapeReported = true;
      error("expected " + expected + " (got " + describe() + ")");
    }
    return Optional.empty();
  }

  /** {@return a string; numbers and booleans are taken as written} */
  public Optional<String> string() {
    return scalar("a string");
  }

  /** {@return a non-blank string} */
  public Optional<String> nonBlankString() {
    Optional<String> s = scalar("a string");
    if (s.isPresent() && s.get().isBlank()) {
      error("expected a non-empty string (got '" + s.get() + "')");
      return Optional.empty();
    }
    return s;
  }

  /**
   * A whole number in {@code [min, max]}.
   *
   * @param min the smallest value accepted
   * @param max the largest value accepted
   * @return the number, or empty when missing or wrong
   */
  public OptionalLong integer(long min, long max) {
    String what = min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "a whole number"
        : max == Long.MAX_VALUE ? "a whole number >= " + min
        : String.format(Locale.ROOT, "a whole number between %d and %d", min, max);
    Optional<String> s = scalar(what);
    if (s.isEmpty()) {
      return OptionalLong.empty();
    }
    OptionalLong v = Values.integer(s.get());
    if (v.isEmpty() || v.getAsLong() < min || v.getAsLong() > max) {
      if (v.isEmpty() && Values.looksInteger(s.get())) {
        // digits, but more than a long holds: the range is what is wrong
        what = String.format(Locale.ROOT, "a whole number between %d and %d", min, max);
      }
      error("expected " + what + " (got " + describe() + ")");
      return OptionalLong.empty();
    }
    return v;
  }

  /** {@return a whole number (any {@code long})} */
  public OptionalLong integer() {
    return integer(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /**
   * A finite number in {@code [min, max]}; NaN and infinities are rejected.
   *
   * @param min the smallest value accepted
   * @param max the largest value accepted
   * @return the number, or empty when missing or wrong
   */
  public OptionalDouble number(double min, double max) {
    String what = min == -Double.MAX_VALUE && max == Double.MAX_VALUE ? "a finite number"
        : max == Double.MAX_VALUE ? "a finite number >= " + Values.format(min)
        : "a number between " + Values.format(min) + " and " + Values.format(max);
    return number(what, v -> v >= min && v <= max);
  }

  /** {@return a finite number} */
  public OptionalDouble number() {
    return number(-Double.MAX_VALUE, Double.MAX_VALUE);
  }

  /** {@return a probability: a number between 0 and 1; NaN and infinities are rejected} */
  public OptionalDouble probability() {
    return number("a probability between 0 and 1", v -> v >= 0 && v <= 1);
  }

  /** {@return a finite number greater than 0} */
  public OptionalDouble positiveNumber() {
    return number("a positive finite number", v -> v > 0);
  }

  /** {@return a finite number of at least 0} */
  public OptionalDouble nonNegativeNumber() {
    return number("a finite number >= 0", v -> v >= 0);
  }

  private OptionalDouble number(String what, java.util.function.DoublePredicate ok) {
    Optional<String> s = scalar(what);
    if (s.isEmpty()) {
      return OptionalDouble.empty();
    }
    OptionalDouble v = Values.number(s.get());
    if (v.isEmpty() || !Double.isFinite(v.getAsDouble()) || !ok.test(v.getAsDouble())) {
      error("expected " + what + " (got " + describe() + ")");
      return OptionalDouble.empty();
    }
    return v;
  }

  /** {@return {@code true} or {@code false}} {@code yes}/{@code no}/{@code on}/{@code off} too. */
  public Optional<Boolean> bool() {
    Optional<String> s = scalar("true or false");
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Boolean b = Values.bool(s.get());
    if (b == null) {
      error("expected true or false (got " + describe() + ")");
      return Optional.empty();
    }
    return Optional.of(b);
  }

  /**
   * A duration of at least 0: {@code 500ms}, {@code 90s}, {@code 15m}, {@code 6h}, {@code 1d},
   * {@code 7d}, {@code 2w}, {@code 1h30m}, or ISO-8601 {@code PT1H}. A bare number is an error:
   * it has no unit.
   *
   * @return the duration, or empty when missing or wrong
   */
  public Optional<Duration> duration() {
    return duration(Values.MAX_DURATION);
  }

  /**
   * A duration of at least 0 and at most {@code max} (see {@link #duration()}); a longer one,
   * however long, is an error that states {@code max}.
   *
   * @param max the longest duration accepted
   * @return the duration, or empty when missing or wrong
   */
  public Optional<Duration> duration(Duration max) {
    String what = "a duration such as 90s, 15m, 6h, 1d or PT1H";
    Optional<String> s = scalar(what);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Duration d = Values.duration(s.get());
    if (d == null && !Values.tooLongDuration(s.get())) {
      boolean bare = Values.number(s.get()).isPresent();
      error("expected " + what + " (got " + describe() + ")"
          + (bare ? ": give a unit, e.g. " + s.get().trim() + "s" : ""));
      return Optional.empty();
    }
    if (d == null || d.compareTo(max) > 0) {
      error("expected a duration of at most " + Printable.duration(max) + " (got "
          + describe() + ")");
      return Optional.empty();
    }
    return Optional.of(d);
  }

  /** {@return a duration greater than 0} */
  public Optional<Duration> positiveDuration() {
    return positiveDuration(Values.MAX_DURATION);
  }

  /**
   * A duration greater than 0 and at most {@code max}.
   *
   * @param max the longest duration accepted
   * @return the duration, or empty when missing or wrong
   */
  public Optional<Duration> positiveDuration(Duration max) {
    Optional<Duration> d = duration(max);
    if (d.isPresent() && d.get().isZero()) {
      // a positive value under half a millisecond rounds to 0: say so, not "greater than 0"
      String t = text();
      boolean positive = t != null && t.chars().anyMatch(c -> c >= '1' && c <= '9');
      error((positive ? "expected a duration of at least 1ms (durations are whole"
          + " milliseconds)" : "expected a duration greater than 0") + " (got " + describe()
          + ")");
      return Optional.empty();
    }
    return d;
  }

  /**
   * An instant in ISO-8601: {@code 2026-01-01T00:00:00Z}, with an offset
   * ({@code 2026-01-01T01:00:00+01:00}), or a date ({@code 2026-01-01}, midnight UTC).
   *
   * @return the instant, or empty when missing or wrong
   */
  public Optional<Instant> instant() {
    String what = "an ISO-8601 instant such as 2026-01-01T00:00:00Z";
    Optional<String> s = scalar(what);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Instant i = Values.instant(s.get());
    if (i == null) {
      error("expected " + what + " (got " + describe() + ")");
      return Optional.empty();
    }
    return Optional.of(i);
  }

  /**
   * {@return an amount of data: {@code 100MB}, {@code 512KB}, {@code 1GB}, or a number of bytes}
   */
  public Optional<DataSize> dataSize() {
    String what = "a size such as 100MB, 512KB or 1GB";
    Optional<String> s = scalar(what);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(DataSize.parse(s.get()));
    } catch (DataSize.ParseException e) {
      error("expected " + e.expected() + " (got " + describe() + ")");
      return Optional.empty();
    }
  }

  /**
   * {@return a time zone: a region ({@code Europe/Berlin}), {@code UTC}, or an offset
   * ({@code +02:00})}
   */
  public Optional<ZoneId> zone() {
    String what = "a time zone such as Europe/Berlin, UTC or +02:00";
    Optional<String> s = scalar(what);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(s.get().trim()));
    } catch (DateTimeException e) {
      error("expected " + what + " (got " + describe() + ")"
          + Suggestions.didYouMean(s.get().trim(), ZoneId.getAvailableZoneIds()));
      return Optional.empty();
    }
  }

  /**
   * One of {@code choices}, ignoring case; an error lists them and suggests the closest.
   *
   * @param choices the values accepted
   * @return the choice as declared, or empty when missing or wrong
   */
  public Optional<String> choice(Collection<String> choices) {
    String what = "one of " + String.join(", ", choices);
    Optional<String> s = scalar(what);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    String in = s.get().trim();
    for (String c : choices) {
      if (c.equalsIgnoreCase(in)) {
        return Optional.of(c);
      }
    }
    error("expected " + what + " (got " + describe() + ")"
        + Suggestions.didYouMean(in, choices));
    return Optional.empty();
  }

  /**
   * One of {@code choices} (see {@link #choice(Collection)}).
   *
   * @param choices the values accepted
   * @return the choice as declared, or empty when missing or wrong
   */
  public Optional<String> choice(String... choices) {
    return choice(Arrays.asList(choices));
  }

  /**
   * A constant of {@code type}, written in lower camel case ({@code loginForm} for
   * {@code LOGIN_FORM}); case, {@code _} and {@code -} are ignored.
   *
   * @param <E> the enum
   * @param type its class
   * @return the constant, or empty when missing or wrong
   */
  public <E extends Enum<E>> Optional<E> enumValue(Class<E> type) {
    Map<String, E> byName = new LinkedHashMap<>();
    for (E e : type.getEnumConstants()) {
      byName.put(camel(e.name()), e);
    }
    String what = "one of " + String.join(", ", byName.keySet());
    Optional<String> s = scalar(what);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    String folded = fold(s.get());
    for (Map.Entry<String, E> e : byName.entrySet()) {
      if (fold(e.getKey()).equals(folded)) {
        return Optional.of(e.getValue());
      }
    }
    error("expected " + what + " (got " + describe() + ")"
        + Suggestions.didYouMean(s.get().trim(), byName.keySet()));
    return Optional.empty();
  }

  /**
   * An enum constant's name in lower camel case.
   *
   * @param constant e.g. {@code LOGIN_FORM}
   * @return e.g. {@code loginForm}
   */
  public static String camel(String constant) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : constant.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : Character.toLowerCase(c));
        up = false;
      }
    }
    return b.toString();
  }

  private static String fold(String s) {
    return s.trim().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + (path.isEmpty() ? "<root>" : path) + " ("
        + kind + ")";
  }
}
