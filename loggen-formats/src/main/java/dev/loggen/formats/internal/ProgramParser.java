package dev.loggen.formats.internal;

import dev.loggen.formats.LogParseException;
import dev.loggen.formats.LogParser;
import dev.loggen.formats.LogRecord;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Parses lines of a compiled Apache or nginx {@link Program}.
 *
 * <p>Literals must match exactly. A time ends where its pattern ends; any other field ends
 * where the next literal starts, skipping backslash escapes (a {@code \"} inside an Apache
 * {@code "%r"}), and a value that its server escapes never runs past a raw quote. Each candidate
 * end is checked against the field's syntax (a status is three digits, a time parses to a date
 * that exists, {@code %{msec_frac}t} is exactly three digits and {@code %{usec_frac}t} six, as
 * httpd prints them, nginx's {@code $msec} and {@code $request_time} have exactly three
 * decimals, ...).
 *
 * <p>A line is read twice at most (three times when {@code %l} has a field beside it, see
 * {@link #identNextToField}; three times as often when the format has a request line, see
 * below). First each field takes the first end that fits its syntax; almost every line parses
 * so. If not, every split is tried, so values that contain the delimiter (a user name with a
 * space, an nginx {@code escape=none} user agent with a quote) still parse when some split
 * fits. If none does, the error reported is where the first reading
 * went wrong: that is where a person reading the line sees the problem.
 * Fields next to each other without a literal between them (Apache {@code %U%q}) are split
 * longest-first, a decoded path stopping at {@code ?}, a field before a fixed number of digits
 * ({@code %{sec}t%{msec_frac}t}) leaving them those digits, a time ending where its pattern
 * ends and a field before a time that starts with a literal ({@code %u%t}) where that literal
 * is ({@code %h%l%u%t%r} splits so). A decoded path first tries the end
 * its server's format gives it: {@code %U%q} and {@code $uri$is_args$args} split where the query
 * starts, and without a {@code ?} a {@code -} that ends the text before the next literal is
 * nginx's unset {@code $args} ({@code /about-} reads as {@code /about} without a query string,
 * the likelier of the two requests that print so; {@code /about-?} prints the same).
 *
 * <p>A request line ({@code %r}, {@code $request}) is held to the shape the renderer prints: a
 * method, a space, the target, a space and the protocol, so a request line next to other text
 * splits where its protocol ends ({@code %f %r %{Host}i %k}, {@code $request $remote_user}). A
 * line that no split of that shape fits is read again, with the request line of an HTTP/0.9
 * request, which has no protocol and no space before it ({@code GET /}): a method, a space and
 * the target. A line that this does not fit either is read again with the request line taking
 * any text, as servers log a request line they could not read as it came ({@code -} for a
 * timed-out connection, the escaped bytes of a TLS handshake). Each of these shapes is read as
 * the full one is, first-fit and then trying every split, so that an HTTP/0.9 line too parses
 * with a user name holding a space or an nginx {@code escape=none} user agent holding a quote
 * (before, they were read first-fit only, and such lines were refused). A request
 * line of two words reads as method and target with an empty protocol; where the line prints
 * the protocol apart, Apache's {@code %H} of {@code HTTP/0.9} and nginx's unset
 * {@code $server_protocol} ({@code -}) read as the empty protocol too.
 *
 * <p>A long line that does not match costs time in proportion to its length. Each reading tries
 * at most {@value #MAX_STEPS} candidate ends and reads at most {@value #READS_PER_CHAR} chars
 * per char of the line ({@value #MIN_READS} for a short line), looking for ends and checking
 * them; then it gives up. The second reading checks only the ends that may fit a field's syntax
 * (a token ends by its first space, a status three chars on), and no reading looks again for a
 * literal that the rest of the line does not hold. Where a reading that tries every split gives
 * up and the format has fields without a literal between them, the error says that the line's
 * fields could not be told apart (column 1: the line as a whole), not where the first reading
 * went wrong: a split not tried may fit.
 */
final class ProgramParser implements LogParser {
  /** At most this many candidate ends are tried in each reading of a line. */
  private static final int MAX_STEPS = 20_000;
  /**
   * At most this many chars are read in each reading of a line, per char of the line. Without
   * a bound on them, each candidate end of a field scanned the rest of the line again, and a
   * long line that does not match took time growing with the square of its length:
   * {@code "a ".repeat(65536)} for Combined 8 s, a megabyte minutes.
   */
  private static final int READS_PER_CHAR = 8;
  /** The chars a reading of a shorter line may read. */
  private static final int MIN_READS = 1 << 20;
  /** The decimals nginx prints in {@code $msec} and {@code $request_time}. */
  private static final int DECIMALS = 3;
  /** The most chars a number in a time pattern takes: an epoch second's sign and 18 digits. */
  private static final int LONGEST_TIME_NUMBER = 19;

  /** A request line is a method, a space, the target, a space and the protocol. */
  private static final int REQUEST_FULL = 0;
  /** A request line is a method, a space and the target (HTTP/0.9), or as {@link #REQUEST_FULL}. */
  private static final int REQUEST_09 = 1;
  /** A request line is any text. */
  private static final int REQUEST_ANY = 2;

  private final String name;
  private final Item[] items;
  /** The indices of the strftime fields of the start time, and of the end time. */
  private final int[] startTimeFields;
  private final int[] endTimeFields;
  /** Whether the format prints a request line ({@code %r}, {@code $request}). */
  private final boolean hasRequestLine;
  /**
   * The format's first run of fields without a literal between them ({@code %h%l%u}), or null
   * when it has none: where a reading gives up, they are why.
   */
  private final @Nullable String adjacentFields;
  /**
   * Whether {@code %l} has a field beside it without a literal between them. Its empty value
   * (an empty remote logname, which Apache writes as nothing) is then read only where no split
   * with a value fits: else {@code %h%l%u} printing {@code 1.2.3.4--} split as client
   * {@code 1.2.3.4-}, an empty ident and no user, where the likely line, and loggen's for an
   * event without ident, is client {@code 1.2.3.4} and no ident.
   */
  private final boolean identNextToField;

  ProgramParser(String name, Program program) {
    this.name = name;
    this.items = program.items;
    this.startTimeFields = timeFields(items, false);
    this.endTimeFields = timeFields(items, true);
    this.hasRequestLine = Arrays.stream(items).anyMatch(it -> it.syntax == Item.S_REQUEST);
    this.adjacentFields = adjacentFields(items);
    this.identNextToField = IntStream.range(0, items.length).anyMatch(i -> items[i].op == Item.IDENT
        && (i > 0 && !items[i - 1].isLiteral() || i + 1 < items.length
            && !items[i + 1].isLiteral()));
  }

  private static @Nullable String adjacentFields(Item[] items) {
    for (int i = 0; i + 1 < items.length; i++) {
      if (!items[i].isLiteral() && !items[i + 1].isLiteral()) {
        StringBuilder run = new StringBuilder();
        for (int j = i; j < items.length && !items[j].isLiteral(); j++) {
          run.append(items[j].name);
        }
        return run.toString();
      }
    }
    return null;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public LogRecord parseLine(String line, long lineNumber) {
    Objects.requireNonNull(line, "line");
    // an empty %l beside another field is left to the last reading, first-fit too: else
    // "%h%l %u" printing "216.144.248.19- -" read as client "216.144.248.19-" and no ident
    Matcher first = new Matcher(line, true, REQUEST_FULL, !identNextToField);
    if (first.match(0, 0)) {
      return build(line, lineNumber, first.starts, first.ends);
    }
    boolean gaveUp = false;
    for (int shape : hasRequestLine ? new int[] {REQUEST_FULL, REQUEST_09, REQUEST_ANY}
        : new int[] {REQUEST_FULL}) {
      // each looser shape is read as the full one is, first-fit then every split (a user name
      // with a space next to an HTTP/0.9 request line needs the latter). Reading 0: first-fit
      // (the full shape's is done above); 1: every split, %l not empty; 2: every split
      for (int reading = shape == REQUEST_FULL ? 1 : 0; reading < 3; reading++) {
        // an empty %l next to another field is read only where no split with a value fits
        if (reading == 1 && !identNextToField) {
          continue;
        }
        Matcher m = new Matcher(line, reading == 0, shape,
            reading == 0 ? !identNextToField : reading == 2);
        if (m.match(0, 0)) {
          return build(line, lineNumber, m.starts, m.ends);
        }
        gaveUp |= reading > 0 && m.exhausted();
      }
    }
    if (gaveUp && adjacentFields != null) {
      // where the first reading went wrong says little when some split not tried may fit
      throw new LogParseException(lineNumber, 1, "a split of " + adjacentFields + " that fits"
          + " (gave up: fields without a separator between them split too many ways to try)",
          line);
    }
    // report where the natural reading (each field ending at the first place that fits it)
    // went wrong, not where some far-fetched split happened to get furthest
    throw new LogParseException(lineNumber, Math.max(first.bestPos, 0) + 1, first.bestExpected,
        line);
  }

  @Override
  public String toString() {
    return "LogParser[" + name + "]";
  }

  private final class Matcher {
    final String line;
    /** Whether each field takes only the first end that fits its syntax (no backtracking). */
    final boolean firstFit;
    /** The shape a request line must have: {@link #REQUEST_FULL}, ... */
    final int requestShape;
    /** Whether {@code %l} may be empty (see {@link ProgramParser#identNextToField}). */
    final boolean identMayBeEmpty;
    final int[] starts = new int[items.length];
    final int[] ends = new int[items.length];
    int bestPos = -1;
    String bestExpected = "a line of this format";
    int steps;
    /** Chars read so far, looking for ends and checking them (see {@link #READS_PER_CHAR}). */
    long reads;
    final long maxReads;
    /**
     * Where each literal item last occurs in the line (-1: nowhere), looked up once a search for
     * it found none, else {@link Integer#MAX_VALUE}; null while no search failed so.
     */
    int @Nullable [] lastIndex;

    Matcher(String line, boolean firstFit, int requestShape, boolean identMayBeEmpty) {
      this.line = line;
      this.firstFit = firstFit;
      this.requestShape = requestShape;
      this.identMayBeEmpty = identMayBeEmpty;
      this.maxReads = Math.max(MIN_READS, (long) READS_PER_CHAR * line.length());
    }

    /** Whether this reading has used up its budget (or, first-fit, has given up). */
    boolean exhausted() {
      return steps > MAX_STEPS || reads > maxReads;
    }

    /**
     * Where literal item {@code idx} last occurs in the line, if a search for it has failed
     * before ({@link #noneFound}), else {@link Integer#MAX_VALUE}.
     */
    int lastIndex(int idx) {
      return lastIndex == null ? Integer.MAX_VALUE : lastIndex[idx];
    }

    /**
     * Notes that a search for literal item {@code idx} found it nowhere after a field, and looks
     * up where it last occurs: a field cannot end before a literal that the rest of the line does
     * not hold, however the fields before it split. Without this, each split of those fields
     * would look through the rest of the line for it again.
     */
    void noneFound(int idx) {
      if (lastIndex == null) {
        lastIndex = new int[items.length];
        Arrays.fill(lastIndex, Integer.MAX_VALUE);
      }
      if (lastIndex[idx] == Integer.MAX_VALUE) {
        lastIndex[idx] = line.lastIndexOf(items[idx].name);
        reads += line.length();
      }
    }

    void fail(int pos, String expected) {
      if (pos > bestPos) {
        bestPos = pos;
        bestExpected = expected;
      }
    }

    String after(int idx) {
      return idx == 0 ? "at the start of the line" : "after " + items[idx - 1];
    }

    boolean match(int idx, int pos) {
      if (++steps > MAX_STEPS || reads > maxReads) {
        if (!firstFit) {
          fail(pos, "a line this format can split one way only (gave up after "
              + (reads > maxReads ? "reading " + maxReads + " chars" : MAX_STEPS + " attempts")
              + ")");
        }
        return false;
      }
      if (idx == items.length) {
        if (pos == line.length()) {
          return true;
        }
        fail(pos, "the end of the line " + after(idx));
        return false;
      }
      Item it = items[idx];
      if (it.isLiteral()) {
        String lit = it.name;
        if (line.startsWith(lit, pos)) {
          return match(idx + 1, pos + lit.length());
        }
        int k = 0;
        while (pos + k < line.length() && line.charAt(pos + k) == lit.charAt(k)) {
          k++;
        }
        fail(pos + k, quote(lit.charAt(k)) + " " + after(idx));
        return false;
      }
      int n = line.length();
      if (idx + 1 == items.length) {
        return tryEnd(idx, pos, n, idx + 1, n);
      }
      // The furthest end worth a check. First-fit checks every end, as what a failed check
      // records is what the error message says; the any-split reading records nothing that is
      // reported, and skips ends that cannot fit.
      int reach = firstFit ? n : reach(it, pos, n);
      Item next = items[idx + 1];
      if (!next.isLiteral()) {
        return matchBeforeField(idx, pos, n, reach);
      }
      String lit = next.name;
      if (it.syntax == Item.S_TIME && it.time != null) {
        // a time ends where its pattern ends: the literal must follow right there
        Strftime.Parsed t = it.time.parse(line, pos, n);
        if (t.end >= 0) {
          if (line.startsWith(lit, t.end)) {
            return tryEnd(idx, pos, t.end, idx + 2, t.end + lit.length());
          }
          int k = 0;
          while (t.end + k < n && line.charAt(t.end + k) == lit.charAt(k)) {
            k++;
          }
          fail(t.end + k, quote(lit.charAt(k)) + " after " + it.name);
          return false;
        }
        if (!firstFit) {
          // the pattern failed at errorIndex, and does so for every end past it, except that an
          // end inside a run of digits too long for the year or epoch there may cut it to fit
          reach = (int) Math.min(reach, (long) t.errorIndex + LONGEST_TIME_NUMBER);
        }
      }
      char first = lit.charAt(0);
      if (pos == n && firstFit) {
        // the line ends where the field starts: a field that cannot be empty (%h of an empty
        // line) says that a value was expected, before the literal after it says so
        check(it, line, pos, pos);
      }
      if (pos > lastIndex(idx + 1)) {
        fail(n, quote(first) + " after " + it.name);
        return false;
      }
      // an escaped value's '\' pairs are skipped, unless the literal itself starts with one
      // (%s\z): then every '\' is a candidate, and the field's check tells them apart
      boolean skipEscapes = (it.escaper == Escaper.APACHE || it.escaper == Escaper.NGINX
          || it.escaper == Escaper.JSON) && first != '\\';
      // a value escaped by Apache or nginx never holds a raw quote: the first one ends it
      boolean quoteEnds = skipEscapes && it.op != Item.USER_APACHE;
      boolean found = false;
      // the chars up to readTo have been counted in reads
      int readTo = pos;
      int e = pos;
      for (; e < n && e <= reach; e++) {
        char c = line.charAt(e);
        if (c == '\\' && skipEscapes) {
          e++;
          continue;
        }
        if (c == first && line.startsWith(lit, e)) {
          found = true;
          reads += e - readTo;
          readTo = e;
          if (tryEnd(idx, pos, e, idx + 2, e + lit.length())) {
            return true;
          }
          if (exhausted()) {
            return false;
          }
        }
        if (c == '"' && quoteEnds) {
          break;
        }
      }
      reads += Math.min(e, n) - readTo;
      if (!found) {
        noneFound(idx + 1);
        fail(n, quote(first) + " after " + it.name);
      }
      return false;
    }

    /**
     * Matches field {@code idx}, which another field follows without a literal between them,
     * from {@code pos}: the longest value first. A decoded path stops at {@code ?} so that
     * {@code %U%q} and {@code $uri$is_args$args} split where the query starts, and first tries
     * where the text before the next literal splits so (see {@link #pathEnd}).
     *
     * <p>Only ends that may fit are tried, as each tried end may be tried again for every split
     * of the fields before it: with every end tried, three or four such fields
     * ({@code %h%l%u%t}) used up the budget on a line that fits. A time ends where its pattern
     * ends, as before a literal, or inside a run of digits that it may leave to the next field
     * ({@code %{%s}t%D}); a field before a time that starts with a literal char ({@code [} of
     * {@code %t}) ends only where that char is.
     */
    private boolean matchBeforeField(int idx, int pos, int n, int reach) {
      Item it = items[idx];
      Item next = items[idx + 1];
      int max = n;
      int preferred = -1;
      if (it.op == Item.PATH_DECODED) {
        int q = line.indexOf('?', pos);
        max = q < 0 ? n : q;
        reads += max - pos;
        preferred = pathEnd(idx, pos, n, q);
      }
      // a next field of a fixed number of digits (%{sec}t%{msec_frac}t) must find them where
      // this field ends; ends that leave it other text are skipped, not tried: in first-fit
      // mode a tried end that fits this field but fails the next stops the reading
      int width = next.mayBeMissing() ? 0 : next.fixedDigits();
      boolean digitCutsOnly = false;
      if (it.syntax == Item.S_TIME && it.time != null && width == 0) {
        Strftime.Parsed t = it.time.parse(line, pos, n);
        reads += Math.max(t.end, t.errorIndex) - pos;
        if (t.end >= 0) {
          preferred = t.end;
          max = t.end - 1;
          digitCutsOnly = true;
        } else if (!firstFit) {
          // as before a literal: the pattern fails there for every end past it, except one
          // that cuts a run of digits too long for the year or epoch there
          reach = (int) Math.min(reach, (long) t.errorIndex + LONGEST_TIME_NUMBER);
        }
      }
      if (digitCutsOnly || (preferred >= 0 && preferred <= Math.min(max, reach))) {
        if (tryEnd(idx, pos, preferred, idx + 1, preferred)) {
          return true;
        }
        if (exhausted()) {
          return false;
        }
      }
      int timeStart = next.syntax == Item.S_TIME && next.time != null && !next.mayBeMissing()
          ? next.time.firstChar() : -1;
      for (int e = Math.min(max, reach); e >= pos; e--) {
        if (timeStart >= 0) {
          int at = line.lastIndexOf(timeStart, e);
          reads += e - Math.max(at, pos);
          if (at < pos) {
            return false;
          }
          e = at;
        }
        if (e == preferred || width > 0 && !digitsAt(e, width)
            || digitCutsOnly && !(e > pos && isDigit(line.charAt(e - 1))
                && isDigit(line.charAt(e)))) {
          continue;
        }
        if (tryEnd(idx, pos, e, idx + 1, e)) {
          return true;
        }
        if (exhausted()) {
          return false;
        }
      }
      return false;
    }

    /**
     * The furthest end {@code [pos, end)} may have and still fit field {@code it} (at most
     * {@code n}): a token ends at the first space, a number where its digits do, a status after
     * three chars, a query string at once unless it starts with {@code ?}; a field that may be
     * missing may also end after its mark for that.
     */
    private int reach(Item it, int pos, int n) {
      int end = switch (it.syntax) {
        case Item.S_TOKEN -> {
          int space = line.indexOf(' ', pos);
          reads += (space < 0 ? n : space) - pos;
          yield space < 0 ? n : space;
        }
        case Item.S_INT, Item.S_INT_OR_DASH, Item.S_DECIMAL -> {
          int i = digitsEnd(line, signEnd(it, line, pos, n), n);
          if (it.syntax == Item.S_DECIMAL && i < n && line.charAt(i) == '.') {
            i = Math.min(digitsEnd(line, i + 1, n), i + 1 + DECIMALS);
          }
          reads += i - pos;
          if (it.fixedDigits() > 0) {
            i = Math.min(i, pos + it.fixedDigits());
          }
          yield it.syntax == Item.S_INT_OR_DASH ? Math.max(i, pos + 1) : i;
        }
        case Item.S_STATUS -> pos + 3;
        case Item.S_QUERY -> pos < n && line.charAt(pos) == '?' ? n : pos;
        case Item.S_IS_ARGS -> pos + 1;
        default -> n;
      };
      if (it.mayBeMissing()) {
        end = Math.max(end, pos + it.missingText.length());
      }
      return Math.min(end, n);
    }

    /**
     * Where a decoded path ({@code %U}, {@code $uri}) followed by other fields without a literal
     * between them ends as its server prints it, in the text up to where the next literal first
     * occurs (the end of the line if none): at its first {@code ?} ({@code %q} and
     * {@code $is_args} print it before the query string); else, when the fields after it hold
     * nginx's {@code $args}, before the {@code -} that an unset {@code $args} prints at the end
     * of that text ({@code /about-} is {@code /about} without a query string, not
     * {@code /about-} with an empty one); else at the end of that text.
     */
    private int pathEnd(int idx, int pos, int n, int q) {
      String dash = null;
      int to = n;
      for (int j = idx + 1; j < items.length; j++) {
        Item after = items[j];
        if (after.isLiteral()) {
          int at = line.indexOf(after.name, pos);
          to = at < 0 ? n : at;
          break;
        }
        if (after.op == Item.ARGS && !after.missingText.isEmpty()) {
          dash = after.missingText;
        }
      }
      reads += to - pos;
      if (q >= 0 && q < to) {
        return q;
      }
      if (dash != null && to - pos >= dash.length() && line.startsWith(dash, to - dash.length())) {
        return to - dash.length();
      }
      return to;
    }

    /** Whether the line holds {@code width} digits from {@code at}. */
    private boolean digitsAt(int at, int width) {
      if (at + width > line.length()) {
        return false;
      }
      reads += width;
      return digitsEnd(line, at, at + width) == at + width;
    }

    /**
     * Checks that {@code [pos, end)} fits field {@code idx}, then matches on. In first-fit mode
     * a fitting end that leads nowhere stops the search (by exhausting the step budget).
     */
    private boolean tryEnd(int idx, int pos, int end, int nextIdx, int nextPos) {
      // Every candidate end counts against the budget, the ones that do not fit the field's
      // syntax too: else a long line with many candidates (a user agent of '" " " ...') costs
      // a check each, over and over, and the time grows with the square of its length.
      if (++steps > MAX_STEPS || reads > maxReads) {
        return false;
      }
      Item it = items[idx];
      int bad = check(it, line, pos, end);
      if (bad >= 0) {
        return false;
      }
      starts[idx] = pos;
      ends[idx] = end;
      if (match(nextIdx, nextPos)) {
        return true;
      }
      if (firstFit) {
        steps = MAX_STEPS + 1;
      }
      return false;
    }

    /**
     * Returns -1 when the text fits the field, else records the failure and returns its index.
     * Counts the chars it reads in {@link #reads}: a field's later candidate ends are checked
     * from its start again.
     */
    private int check(Item it, String s, int from, int to) {
      if (it.mayBeMissing() && regionEquals(s, from, to, it.missingText)) {
        return -1;
      }
      switch (it.syntax) {
        case Item.S_TEXT:
          if (to == from && !it.mayBeEmpty()) {
            fail(from, "a value for " + it.name);
            return from;
          }
          return -1;
        case Item.S_REQUEST: {
          if (requestShape == REQUEST_ANY) {
            return -1;
          }
          // a method, a space, the target, a space and the protocol: the first char is no
          // space and two spaces follow (one for HTTP/0.9's method and target)
          int need = requestShape == REQUEST_09 ? 1 : 2;
          int spaces = 0;
          int i = from;
          for (; i < to && spaces < need; i++) {
            if (s.charAt(i) == ' ') {
              spaces++;
            }
          }
          reads += i - from;
          if (spaces == need && s.charAt(from) != ' ') {
            return -1;
          }
          fail(from, "a request line (method, target and protocol) for " + it.name);
          return from;
        }
        case Item.S_QUERY:
          if (to == from || s.charAt(from) == '?') {
            return -1;
          }
          fail(from, "'?' starting the query string of " + it.name);
          return from;
        case Item.S_IS_ARGS:
          if (to == from || (to - from == 1 && s.charAt(from) == '?')) {
            return -1;
          }
          fail(from, "'?' or nothing for " + it.name);
          return from;
        case Item.S_TOKEN:
          // %l may be empty: Apache writes an empty remote logname as nothing
          if (to == from && (it.op != Item.IDENT || !identMayBeEmpty)) {
            fail(from, "a value for " + it.name);
            return from;
          }
          for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
              reads += i - from;
              fail(i, "a value without spaces for " + it.name);
              return i;
            }
            // Apache escapes a quote in %l as \": a bare one is the next field's (%l%u of an
            // empty user printing -"" read as ident -" and user ")
            if (c == '"' && it.op == Item.IDENT && (i == from || s.charAt(i - 1) != '\\')) {
              reads += i - from;
              fail(i, "a value without a bare '\"' for " + it.name);
              return i;
            }
          }
          reads += to - from;
          return -1;
        case Item.S_INT, Item.S_INT_OR_DASH: {
          if (it.syntax == Item.S_INT_OR_DASH && regionEquals(s, from, to, "-")) {
            return -1;
          }
          int d = signEnd(it, s, from, to);
          int i = digitsEnd(s, d, to);
          reads += i - from;
          int width = it.fixedDigits();
          if (width > 0) {
            if (i - from == width && i == to) {
              return -1;
            }
            // where the digits stop short of the width, or the first one past it
            int at = Math.min(i, from + width);
            fail(at, width + " digits for " + it.name);
            return at;
          }
          if (i > d && Numbers.digits(s, d, i, Long.MAX_VALUE) < 0) {
            // more than a long holds: that is what is wrong, whatever follows the digits
            String range = it.signed() ? Numbers.SIGNED_WHOLE : Numbers.WHOLE;
            fail(from, Numbers.tooLarge(range + " for " + it.name, s, from, i));
            return from;
          }
          if (i == to && to > d) {
            return -1;
          }
          String what = it.syntax == Item.S_INT ? "a number" : "a number or '-'";
          fail(i == to ? from : i, what + " for " + it.name);
          return from;
        }
        case Item.S_STATUS: {
          if (to - from == 3 && isDigit(s.charAt(from)) && isDigit(s.charAt(from + 1))
              && isDigit(s.charAt(from + 2))) {
            return -1;
          }
          fail(from, "a status code (3 digits) for " + it.name);
          return from;
        }
        case Item.S_DECIMAL: {
          int d = signEnd(it, s, from, to);
          int i = digitsEnd(s, d, to);
          int intEnd = i;
          int intDigits = i - d;
          int f = -1;
          if (i < to && s.charAt(i) == '.') {
            f = i + 1;
            i = digitsEnd(s, f, to);
          }
          reads += i - from;
          if (intEnd > d && Numbers.digits(s, d, intEnd, Long.MAX_VALUE) < 0) {
            String range = it.signed() ? Numbers.SIGNED_SECONDS : Numbers.SECONDS;
            fail(from, Numbers.tooLarge(range + " for " + it.name, s, from, i));
            return from;
          }
          if (intDigits == 0) {
            fail(i == to ? from : i, "seconds such as 0.123 for " + it.name);
            return from;
          }
          if (f >= 0 && i - f == DECIMALS && i == to) {
            return -1;
          }
          // nginx prints exactly three decimals ("%T.%03M")
          int at = f < 0 ? intEnd : Math.min(i, f + DECIMALS);
          fail(at, f < 0 ? "'.' and " + DECIMALS + " digits for " + it.name
              : DECIMALS + " digits for " + it.name);
          return at;
        }
        case Item.S_TIME: {
          Strftime.Parsed p = it.time.parse(s, from, to);
          if (p.errorIndex < 0) {
            if (p.hasDate() && p.toDateTime() == null) {
              fail(from, "a date that exists for " + it.name);
              return from;
            }
            return -1;
          }
          fail(p.errorIndex, p.expected + " for " + it.name);
          return p.errorIndex;
        }
        default:
          throw new AssertionError(it.syntax);
      }
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Where the digits of a number start: after a {@code -} for an epoch time (printed negative
   * before 1970), else at {@code from}.
   */
  private static int signEnd(Item it, String s, int from, int to) {
    return it.signed() && from < to && s.charAt(from) == '-' ? from + 1 : from;
  }

  private static int digitsEnd(String s, int from, int to) {
    int i = from;
    while (i < to && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean regionEquals(String s, int from, int to, String t) {
    return to - from == t.length() && s.startsWith(t, from);
  }

  private static String quote(char c) {
    return c == '\'' ? "\"'\"" : "'" + c + "'";
  }

  // ---------------------------------------------------------------- building the record

  private LogRecord build(String line, long lineNumber, int[] starts, int[] ends) {
    Map<String, String> fields = new LinkedHashMap<>();
    Parts r = new Parts();
    for (int i = 0; i < items.length; i++) {
      Item it = items[i];
      if (it.isLiteral()) {
        continue;
      }
      int from = starts[i];
      int to = ends[i];
      String value = Unescape.text(it.escaper, line, from, to);
      fields.putIfAbsent(it.name, value);
      boolean missing = it.mayBeMissing() && regionEquals(line, from, to, it.missingText);
      r.take(it, line, from, to, value, missing);
    }
    checkSplitDate(r.timeParts, startTimeFields, line, lineNumber, starts);
    checkSplitDate(r.endTimeParts, endTimeFields, line, lineNumber, starts);
    return r.record(fields);
  }

  private static int[] timeFields(Item[] items, boolean end) {
    return IntStream.range(0, items.length)
        .filter(i -> items[i].target == Item.T_TIME && items[i].time != null
            && items[i].end == end)
        .toArray();
  }

  /**
   * Refuses a date split across several fields whose parts name no day that exists (02 and 30
   * for month and day), as a date in one field is refused while the line is matched (so a
   * format with one such field costs nothing here).
   */
  private void checkSplitDate(Strftime.@Nullable Parsed parts, int[] fields, String line,
      long lineNumber, int[] starts) {
    if (fields.length < 2 || parts == null || !parts.hasDate() || parts.toDateTime() != null) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (int i : fields) {
      names.add(items[i].name);
    }
    throw new LogParseException(lineNumber, starts[fields[0]] + 1,
        "a date that exists for " + String.join(", ", names) + " together", line);
  }

  /** The record fields gathered from a line, with the precedence rules of {@link LogRecord}. */
  private static final class Parts {
    /** What the strftime fields of the start time give, put together (first given wins). */
    Strftime.@Nullable Parsed timeParts;
    @Nullable OffsetDateTime epochTime;
    /** Whether {@link #epochTime} is whole seconds ({@code %{sec}t}). */
    boolean epochWhole;
    /** {@code %{msec_frac}t} or {@code %{usec_frac}t} in nanoseconds, or -1. */
    long fracNanos = -1;
    /** The same from {@code %{end:...}t}: used only when the line has no start time. */
    Strftime.@Nullable Parsed endTimeParts;
    @Nullable OffsetDateTime endEpochTime;
    boolean endEpochWhole;
    long endFracNanos = -1;
    @Nullable String client;
    @Nullable String ident;
    @Nullable String user;
    @Nullable String request;
    @Nullable String method;
    @Nullable String protocol;
    @Nullable String requestUri;
    @Nullable String pathOnly;
    @Nullable String query;
    /** Whether {@code $is_args} printed its {@code ?}: a query string follows. */
    boolean queryMarked;
    @Nullable Integer status;
    @Nullable Long bytes;
    @Nullable Long micros;
    int microsRank = -1;
    @Nullable String referrer;
    @Nullable String agent;
    @Nullable String host;

    void take(Item it, String line, int from, int to, String value, boolean missing) {
      switch (it.target) {
        case Item.T_CLIENT -> client = first(client, missing ? null : value);
        case Item.T_IDENT -> ident = first(ident, missing ? null : value);
        case Item.T_USER -> {
          if (!missing && user == null) {
            // the printed text, not the unescaped one: a user named "" prints as \"\"
            user = it.op == Item.USER_APACHE && regionEquals(line, from, to, "\"\"") ? ""
                : value;
          }
        }
        case Item.T_TIME -> {
          if (it.time != null) {
            Strftime.Parsed p = it.time.parse(line, from, to);
            if (it.end) {
              if (endTimeParts == null) {
                endTimeParts = p;
              } else {
                endTimeParts.fillFrom(p);
              }
            } else if (timeParts == null) {
              timeParts = p;
            } else {
              timeParts.fillFrom(p);
            }
          }
        }
        case Item.T_FRAC_MS, Item.T_FRAC_US -> {
          if (!missing && (it.end ? endFracNanos : fracNanos) < 0) {
            long v = Numbers.digits(value, 0, value.length(), 999_999);
            long n = it.target == Item.T_FRAC_MS ? (v <= 999 ? v * 1_000_000 : -1) : v * 1_000;
            if (v >= 0 && n >= 0) { // a larger number is no fraction: the text stays in fields
              if (it.end) {
                endFracNanos = n;
              } else {
                fracNanos = n;
              }
            }
          }
        }
        case Item.T_EPOCH_S, Item.T_EPOCH_MS, Item.T_EPOCH_US -> {
          if (!missing && (it.end ? endEpochTime : epochTime) == null) {
            try {
              OffsetDateTime t = epoch(it, value);
              boolean whole = it.target == Item.T_EPOCH_S;
              if (it.end) {
                endEpochTime = t;
                endEpochWhole = whole;
              } else {
                epochTime = t;
                epochWhole = whole;
              }
            } catch (DateTimeException | ArithmeticException e) {
              // outside the range of an Instant: the text stays in the fields map
            }
          }
        }
        case Item.T_REQUEST -> request = first(request, missing ? null : value);
        case Item.T_METHOD -> method = first(method, missing ? null : value);
        case Item.T_PROTOCOL -> {
          // nginx's $server_protocol is unset for HTTP/0.9, httpd's %H "HTTP/0.9": no protocol
          if (protocol == null && !(missing && it.op != Item.PROTOCOL)) {
            protocol = missing || it.op == Item.PROTOCOL_APACHE
                && value.equals(ProgramRenderer.HTTP_09) ? "" : value;
          }
        }
        case Item.T_REQUEST_URI -> requestUri = first(requestUri, missing ? null : value);
        case Item.T_PATH_ONLY -> pathOnly = first(pathOnly, missing ? null : value);
        case Item.T_QUERY_MARK -> {
          if (query == null && value.startsWith("?")) {
            query = value.substring(1);
          }
        }
        // after a '?' of $is_args, a '-' is the query string, not the mark of an unset $args
        case Item.T_ARGS -> query = first(query, missing && !queryMarked ? null : value);
        case Item.T_STATUS -> {
          if (status == null && !missing) {
            status = Integer.parseInt(value);
          }
        }
        case Item.T_BYTES -> {
          // A directive its status condition left out ('-') says nothing about the size, as
          // %D, %T and %O do not; a plain %b's '-' is how Apache writes 0.
          if (bytes == null && !(missing && it.statuses != null)) {
            bytes = missing || value.equals("-") ? 0L : Long.parseLong(value);
          }
        }
        case Item.T_DUR_US -> duration(missing, value, 3, 1);
        case Item.T_DUR_MS -> duration(missing, value, 2, 1000);
        case Item.T_DUR_S_FRAC -> {
          if (!missing && microsRank < 1) {
            duration(Numbers.decimalMicrosOrNull(value), 1);
          }
        }
        case Item.T_DUR_S -> duration(missing, value, 0, 1_000_000);
        case Item.T_REFERRER -> referrer = first(referrer, missing ? null : value);
        case Item.T_AGENT -> agent = first(agent, missing ? null : value);
        case Item.T_HOST -> host = first(host, missing ? null : value);
        default -> {
          // printed, kept in the fields map only
          if (it.op == Item.IS_ARGS && !value.isEmpty()) {
            queryMarked = true;
          }
        }
      }
    }

    private void duration(boolean missing, String value, int rank, long factor) {
      if (!missing && rank > microsRank) {
        duration(Numbers.microsOrNull(Long.parseLong(value), factor), rank);
      }
    }

    /** Takes a response time, unless its microseconds overflowed a long (null). */
    private void duration(@Nullable Long m, int rank) {
      if (m != null) {
        micros = m;
        microsRank = rank;
      }
    }

    /**
     * The time an epoch field gives.
     *
     * @throws DateTimeException or {@link ArithmeticException} when it is past what an
     *     {@link Instant} or a long of milliseconds holds
     */
    private static OffsetDateTime epoch(Item it, String value) {
      long v = it.op == Item.MSEC ? Numbers.decimalToMillis(value) : Long.parseLong(value);
      Instant at = switch (it.target) {
        case Item.T_EPOCH_S -> Instant.ofEpochSecond(v);
        case Item.T_EPOCH_MS -> Instant.ofEpochMilli(v);
        default -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L),
            Math.floorMod(v, 1_000_000L) * 1000L);
      };
      return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /**
     * The time the strftime fields give, with the fraction of {@code %{msec_frac}t} or
     * {@code %{usec_frac}t} (when at least 0) where they print none: the second is printed
     * rounded down and the fraction is what lies above it, so before 1970 too the sum is the
     * instant printed.
     */
    private static @Nullable OffsetDateTime dateTime(Strftime.@Nullable Parsed parts,
        long fracNanos) {
      if (parts == null) {
        return null;
      }
      if (!parts.hasFraction && fracNanos >= 0) {
        parts.nanos = (int) fracNanos;
        parts.hasFraction = true;
      }
      return parts.toDateTime();
    }

    /**
     * The strftime time, made as precise as the epoch time on the same line when that one names
     * an instant within the same second ({@code [$time_local] $msec}, {@code %t %{usec}t}): the
     * epoch time's instant in the strftime time's offset. An epoch time in another second (a line
     * whose fields disagree) leaves the strftime time as it is.
     */
    private static @Nullable OffsetDateTime finer(@Nullable OffsetDateTime time,
        @Nullable OffsetDateTime epoch) {
      if (time == null || epoch == null || time.getNano() != 0
          || time.toEpochSecond() != epoch.toEpochSecond()) {
        return time;
      }
      return epoch.withOffsetSameInstant(time.getOffset());
    }

    /** {@code t} (of {@code %{sec}t} when {@code whole}) with the fraction printed beside it. */
    private static OffsetDateTime withFraction(OffsetDateTime t, boolean whole, long fracNanos) {
      if (!whole || fracNanos < 0) {
        return t;
      }
      try {
        return t.plusNanos(fracNanos);
      } catch (DateTimeException e) {
        return t; // within a second of the end of what a date holds: the second as printed
      }
    }

    /**
     * The start of a request whose line prints only its end (Apache's {@code %{end:...}t};
     * nginx's times are read as the start, which loggen prints there): the end less the response
     * time the line prints ({@code %D}, {@code %T}, ...), else the end, the best there is. A
     * response time that would take the time past what a date holds leaves the end.
     */
    private @Nullable OffsetDateTime startFromEnd(@Nullable OffsetDateTime end) {
      Long m = micros;
      if (end == null || m == null) {
        return end;
      }
      try {
        return end.minus(m, ChronoUnit.MICROS);
      } catch (DateTimeException | ArithmeticException e) {
        return end;
      }
    }

    private static @Nullable String first(@Nullable String have, @Nullable String v) {
      return have != null ? have : v;
    }

    LogRecord record(Map<String, String> fields) {
      String path = null;
      String m = method;
      String proto = protocol;
      if (request != null) {
        int sp1 = request.indexOf(' ');
        int sp2 = request.lastIndexOf(' ');
        if (sp1 > 0) {
          m = request.substring(0, sp1);
          if (sp2 > sp1) {
            path = request.substring(sp1 + 1, sp2);
            proto = request.substring(sp2 + 1);
          } else {
            // HTTP/0.9: "GET /" has no protocol
            path = request.substring(sp1 + 1);
            proto = "";
          }
        }
      }
      if (path == null && requestUri != null) {
        path = requestUri;
      }
      if (path == null && pathOnly != null) {
        path = query == null ? pathOnly : pathOnly + "?" + query;
      }
      OffsetDateTime epoch = epochTime == null ? null
          : withFraction(epochTime, epochWhole, fracNanos);
      OffsetDateTime endEpoch = endEpochTime == null ? null
          : withFraction(endEpochTime, endEpochWhole, endFracNanos);
      OffsetDateTime start = finer(dateTime(timeParts, fracNanos), epoch);
      OffsetDateTime end = finer(dateTime(endTimeParts, endFracNanos), endEpoch);
      OffsetDateTime t = start != null ? start
          : epoch != null ? epoch
          : startFromEnd(end != null ? end : endEpoch);
      return new LogRecord(t, client, ident, user, m, path, proto, status, bytes, referrer, agent,
          micros, host, fields);
    }
  }
}
