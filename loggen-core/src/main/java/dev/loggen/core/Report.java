package dev.loggen.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a run generated, or what a parsed log holds: sessions by end state, session duration and
 * page views per session (mean, median, p90), requests by status class and code, top pages,
 * bytes. Computed incrementally with bounded memory by a {@link Builder}; immutable once built.
 *
 * <p>The line figures (lines, bytes, status codes, visitor kinds, scenarios, top pages, first
 * and last time) count the lines handed to the sink. A stream whose reader went away (a closed
 * pipe) drops the lines it still buffered (at most its buffer: 64 KiB for standard output),
 * which are counted here but were never read. The session figures are the ground truth of
 * each session counted, whole: a session of a generated run that runs past the window's end,
 * or past the point where a line limit or a stop cut the run, counts all its requests, page
 * views and its whole duration, including the requests the log does not show.
 *
 * @param lines access-log lines (requests)
 * @param errorLines error-log lines
 * @param bytes response bytes, summed (at most {@link Long#MAX_VALUE}: the sum saturates)
 * @param statusCodes requests per status code, ascending
 * @param visitorKinds requests per visitor kind
 * @param scenarios requests per scenario label
 * @param sessions sessions that started in the window; of a run stopped early (a line limit, a
 *     stop condition, a closed sink), those with a line in the log it wrote
 * @param endStates sessions by end state
 * @param sessionSeconds session duration in seconds (from its first request to its last, all of
 *     them: see above)
 * @param pageViewsPerSession page views per session, as {@link Session#pageViews()} counts them
 *     (page requests, not assets, redirect hops, robots.txt or sitemap.xml; 0 for scanners,
 *     the uptime monitor and credential-stuffing attempts)
 * @param requestsPerSession requests per session
 * @param topPages the most requested paths (without query), most first, with their counts
 * @param firstMillis time of the first request (negative before 1970), or 0 when there are no
 *     lines
 * @param lastMillis time of the last request, or 0 when there are no lines
 */
public record Report(
    long lines,
    long errorLines,
    long bytes,
    Map<Integer, Long> statusCodes,
    Map<String, Long> visitorKinds,
    Map<String, Long> scenarios,
    long sessions,
    Map<String, Long> endStates,
    Summary sessionSeconds,
    Summary pageViewsPerSession,
    Summary requestsPerSession,
    List<Map.Entry<String, Long>> topPages,
    long firstMillis,
    long lastMillis) {

  /** The names of the fields {@link #toJson} writes, in order. */
  public static final List<String> JSON_FIELDS = List.of("lines", "errorLines", "bytes",
      "sessions", "firstTime", "lastTime", "statusClasses", "statusCodes", "endStates",
      "visitorKinds", "scenarios", "sessionSeconds", "pageViewsPerSession", "requestsPerSession",
      "topPages");

  /**
   * Copies the collections, whose keys and counts (and top pages' paths and counts) must not
   * be null.
   */
  public Report {
    Objects.requireNonNull(sessionSeconds, "sessionSeconds");
    Objects.requireNonNull(pageViewsPerSession, "pageViewsPerSession");
    Objects.requireNonNull(requestsPerSession, "requestsPerSession");
    statusCodes = sortedCopy(statusCodes, "statusCodes");
    visitorKinds = sortedCopy(visitorKinds, "visitorKinds");
    scenarios = sortedCopy(scenarios, "scenarios");
    endStates = sortedCopy(endStates, "endStates");
    topPages = copyOfTopPages(topPages);
  }

  /** A sorted, unmodifiable copy of {@code m}, the report's component {@code name}. */
  private static <K> Map<K, Long> sortedCopy(Map<K, Long> m, String name) {
    Objects.requireNonNull(m, name);
    Map<K, Long> copy = new TreeMap<>();
    for (Map.Entry<K, Long> e : m.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new NullPointerException(name + " must map each key to a count, neither null"
            + " (got " + e.getKey() + "=" + e.getValue() + ")");
      }
      copy.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(copy);
  }

  /** The top pages as immutable entries ({@link Map#entry}), none of them null. */
  private static List<Map.Entry<String, Long>> copyOfTopPages(
      List<Map.Entry<String, Long>> topPages) {
    Objects.requireNonNull(topPages, "topPages");
    List<Map.Entry<String, Long>> copy = new ArrayList<>(topPages.size());
    for (Map.Entry<String, Long> e : topPages) {
      if (e == null || e.getKey() == null || e.getValue() == null) {
        throw new NullPointerException("topPages[" + copy.size() + "] must be a path and its"
            + " count, neither null (got " + e + ")");
      }
      copy.add(Map.entry(e.getKey(), e.getValue()));
    }
    return List.copyOf(copy);
  }

  /** A builder that accumulates events and sessions. */
  public static Builder builder() {
    return new Builder();
  }

  /** Requests whose status is in {@code [100 * cls, 100 * cls + 99]}. */
  public long statusClass(int cls) {
    long n = 0;
    for (Map.Entry<Integer, Long> e : statusCodes.entrySet()) {
      if (e.getKey() / 100 == cls) {
        n += e.getValue();
      }
    }
    return n;
  }

  /** The share of requests with status class {@code cls} (0 when there are none). */
  public double statusClassShare(int cls) {
    return lines == 0 ? 0 : (double) statusClass(cls) / lines;
  }

  /** A readable table. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-28s %,d%n", "access-log lines", lines));
    sb.append(String.format(Locale.ROOT, "%-28s %,d%n", "error-log lines", errorLines));
    sb.append(String.format(Locale.ROOT, "%-28s %,d%n", "bytes sent", bytes));
    sb.append(String.format(Locale.ROOT, "%-28s %,d%n", "sessions", sessions));
    endStates.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-26s %,d%n",
        "ended by " + k, v)));
    sb.append(String.format(Locale.ROOT, "%-28s %s%n", "session duration (s)", sessionSeconds));
    sb.append(String.format(Locale.ROOT, "%-28s %s%n", "page views per session",
        pageViewsPerSession));
    sb.append(String.format(Locale.ROOT, "%-28s %s%n", "requests per session",
        requestsPerSession));
    sb.append("status classes\n");
    for (int c = 1; c <= 5; c++) {
      long n = statusClass(c);
      if (n > 0) {
        sb.append(String.format(Locale.ROOT, "  %dxx %,24d  %6.2f %%%n", c, n,
            100.0 * n / Math.max(1, lines)));
      }
    }
    sb.append("status codes\n");
    statusCodes.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %d %,24d  %6.2f %%%n",
        k, v, 100.0 * v / Math.max(1, lines))));
    if (!visitorKinds.isEmpty()) {
      sb.append("visitor kinds\n");
      visitorKinds.forEach((k, v) -> sb.append(String.format(Locale.ROOT,
          "  %-24s %,d%n", k, v)));
    }
    if (!scenarios.isEmpty()) {
      sb.append("scenario requests\n");
      scenarios.forEach((k, v) -> sb.append(String.format(Locale.ROOT,
          "  %-24s %,d%n", k, v)));
    }
    sb.append("top pages\n");
    for (Map.Entry<String, Long> e : topPages) {
      sb.append(String.format(Locale.ROOT, "  %,10d  %s%n", e.getValue(), e.getKey()));
    }
    return sb.toString();
  }

  /**
   * Whether a number's {@code toString()} is exact JSON whatever its value: the integral types
   * and {@link java.math.BigDecimal}. Others (Double, Float, DoubleAdder, ...) may be NaN or
   * infinite and are checked through {@code doubleValue()}.
   */
  private static boolean exact(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
        || n instanceof java.math.BigInteger || n instanceof java.math.BigDecimal
        || n instanceof java.util.concurrent.atomic.AtomicLong
        || n instanceof java.util.concurrent.atomic.AtomicInteger
        || n instanceof java.util.concurrent.atomic.LongAdder;
  }

  /** The report as one JSON object. */
  public String toJson() {
    return toJson(Map.of());
  }

  /**
   * The report as one JSON object, after the given fields: a description of the run, such as
   * its seed and site, in the same object. Strings are written as JSON strings (escaped),
   * numbers and booleans as they are, null as {@code null}, anything else as its
   * {@code toString()} in a string.
   *
   * @param header fields written first, in the map's iteration order; their names must differ
   *     from the report's own ({@link #JSON_FIELDS}), and numbers must be finite (a number that
   *     is not integral or a BigDecimal is checked through its {@code doubleValue()})
   * @return one JSON object, without a line end
   * @throws IllegalArgumentException when a header field has a report field's name, or is a
   *     number that JSON cannot hold (NaN, infinite)
   */
  public String toJson(Map<String, ?> header) {
    StringBuilder sb = new StringBuilder(1024).append('{');
    for (Map.Entry<String, ?> e : Objects.requireNonNull(header, "header").entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "header field name");
      Object v = e.getValue();
      if (JSON_FIELDS.contains(name)) {
        throw new IllegalArgumentException("header field '" + name + "' is one of the report's"
            + " own: expected a name other than " + JSON_FIELDS);
      }
      if (v instanceof Number n && !exact(n) && !Double.isFinite(n.doubleValue())) {
        throw new IllegalArgumentException("header field '" + name + "' is " + v
            + ": expected a finite number (JSON has no NaN or infinity)");
      }
      quote(sb, name);
      sb.append(':');
      if (v == null || v instanceof Number || v instanceof Boolean) {
        sb.append(v);
      } else {
        quote(sb, v.toString());
      }
      sb.append(',');
    }
    sb.append("\"lines\":").append(lines).append(",\"errorLines\":").append(errorLines)
        .append(",\"bytes\":").append(bytes).append(",\"sessions\":").append(sessions);
    sb.append(",\"firstTime\":").append(lines == 0 ? "null"
        : "\"" + java.time.Instant.ofEpochMilli(firstMillis) + "\"");
    sb.append(",\"lastTime\":").append(lines == 0 ? "null"
        : "\"" + java.time.Instant.ofEpochMilli(lastMillis) + "\"");
    sb.append(",\"statusClasses\":{");
    boolean first = true;
    for (int c = 1; c <= 5; c++) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append('"').append(c).append("xx\":").append(statusClass(c));
    }
    sb.append("},\"statusCodes\":");
    map(sb, statusCodes);
    sb.append(",\"endStates\":");
    map(sb, endStates);
    sb.append(",\"visitorKinds\":");
    map(sb, visitorKinds);
    sb.append(",\"scenarios\":");
    map(sb, scenarios);
    sb.append(",\"sessionSeconds\":").append(sessionSeconds.toJson());
    sb.append(",\"pageViewsPerSession\":").append(pageViewsPerSession.toJson());
    sb.append(",\"requestsPerSession\":").append(requestsPerSession.toJson());
    sb.append(",\"topPages\":[");
    for (int i = 0; i < topPages.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"path\":");
      quote(sb, topPages.get(i).getKey());
      sb.append(",\"requests\":").append(topPages.get(i).getValue()).append('}');
    }
    return sb.append("]}").toString();
  }

  private static void map(StringBuilder sb, Map<?, Long> m) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<?, Long> e : m.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      quote(sb, String.valueOf(e.getKey()));
      sb.append(':').append(e.getValue());
    }
    sb.append('}');
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  /**
   * Mean, median and 90th percentile of a quantity.
   *
   * @param count number of values
   * @param mean mean
   * @param median median (exact up to the histogram's resolution)
   * @param p90 90th percentile
   * @param max largest value
   */
  public record Summary(long count, double mean, double median, double p90, double max) {
    /** An empty summary. */
    public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0);

    /** Checks that the values are finite numbers: a report is written as JSON. */
    public Summary {
      requireFinite("mean", mean);
      requireFinite("median", median);
      requireFinite("p90", p90);
      requireFinite("max", max);
    }

    private static void requireFinite(String name, double v) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("summary " + name + " is " + v
            + ": expected a finite number (JSON has no NaN or infinity)");
      }
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "mean %.1f  median %.1f  p90 %.1f  max %.1f  (n=%,d)",
          mean, median, p90, max, count);
    }

    String toJson() {
      return String.format(Locale.ROOT,
          "{\"count\":%d,\"mean\":%.3f,\"median\":%.3f,\"p90\":%.3f,\"max\":%.3f}",
          count, mean, median, p90, max);
    }
  }

  /**
   * Accumulates a {@link Report} with bounded memory: status codes in an array, quantiles in a
   * histogram of whole values (capped), top pages among the first 50,000 distinct paths
   * (popular paths appear early). Events without ground truth (parsed from a file: session id
   * below 0) are grouped into sessions per client address with a 30-minute inactivity gap. Not
   * thread-safe.
   */
  public static final class Builder {
    private static final int TOP_CAPACITY = 50_000;
    /** How many paths {@link Report#topPages} lists. */
    private static final int TOP_PAGES = 10;
    private static final long GAP_MILLIS = 30 * 60_000L;

    private long lines;
    private long errorLines;
    private long bytes;
    private final long[] status = new long[600];
    private final long[] kinds = new long[VisitorKind.values().length];
    private final Map<String, Long> scenarioCounts = new HashMap<>();
    private final Sessions counted = new Sessions();
    // Insertion order is first-seen order, which merge() needs to admit paths exactly as one
    // builder seeing all events would.
    private final PathCounts top = new PathCounts(TOP_CAPACITY);
    private long firstMillis;
    private long lastMillis;
    private final LinkedHashMap<String, long[]> open = new LinkedHashMap<>(16, 0.75f, true);
    /** Sessions told by {@link #expectSession} and not yet counted, in the order told. */
    private final ArrayDeque<Session> expected = new ArrayDeque<>();
    /** The session ids of the counted lines at {@link #lastMillis} (ground truth only). */
    private long[] idsAtLast = new long[8];
    private int idsAtLastCount;

    private Builder() {}

    /** Counts one access-log line. */
    public Builder event(AccessEvent e) {
      Objects.requireNonNull(e, "e");
      if (lines++ == 0) {
        firstMillis = e.epochMillis();
        lastMillis = e.epochMillis();
      }
      bytes = sum(bytes, e.bytes());
      status[e.status()]++;
      kinds[e.visitorKind().ordinal()]++;
      if (e.scenario() != null) {
        scenarioCounts.merge(e.scenario(), 1L, Long::sum);
      }
      long t = e.epochMillis();
      if (t > lastMillis) {
        lastMillis = t;
        idsAtLastCount = 0;
      }
      top.count(e.path());
      if (e.sessionId() < 0) {
        sessionize(e);
      } else if (t == lastMillis && (idsAtLastCount == 0
          || idsAtLast[idsAtLastCount - 1] != e.sessionId())) {
        // a session's lines in the same millisecond are noted once: one entry per line grew
        // the table without bound when many lines shared a millisecond
        addIdAtLast(e.sessionId());
      }
      return this;
    }

    /** {@code a + b} for byte counts (never negative), at most {@link Long#MAX_VALUE}. */
    private static long sum(long a, long b) {
      long s = a + b;
      return s < 0 ? Long.MAX_VALUE : s;
    }

    private void addIdAtLast(long id) {
      if (idsAtLastCount == idsAtLast.length) {
        // each id once: sessions whose lines alternate in one millisecond repeat theirs, and
        // an entry per line grew the table without bound
        Arrays.sort(idsAtLast, 0, idsAtLastCount);
        int n = 0;
        for (int i = 0; i < idsAtLastCount; i++) {
          if (n == 0 || idsAtLast[n - 1] != idsAtLast[i]) {
            idsAtLast[n++] = idsAtLast[i];
          }
        }
        idsAtLastCount = n;
        if (n > idsAtLast.length / 2) {
          idsAtLast = Arrays.copyOf(idsAtLast, idsAtLast.length * 2);
        }
      }
      idsAtLast[idsAtLastCount++] = id;
    }

    /**
     * Empties the builder, keeping its tables, to count another run or part of one (the
     * parallel pipeline reuses one per segment).
     *
     * @return this builder
     */
    public Builder reset() {
      lines = 0;
      errorLines = 0;
      bytes = 0;
      Arrays.fill(status, 0);
      Arrays.fill(kinds, 0);
      scenarioCounts.clear();
      counted.clear();
      top.clear();
      firstMillis = 0;
      lastMillis = 0;
      open.clear();
      expected.clear();
      idsAtLastCount = 0;
      return this;
    }

    /** Counts one error-log line. */
    public Builder errorLine() {
      errorLines++;
      return this;
    }

    /**
     * Tells the builder of a session whose lines are still to come, as a writer learns of each
     * session from the generator before its first line. It is counted as by {@link #session} once
     * a line after its start has been counted; those still waiting when the report is built
     * count only if one of their lines was counted (a session's first line is at its start) or
     * they started before the last counted line. So a run that stops early (a line limit, a stop
     * condition, a closed sink) reports the sessions of the log it wrote, not those the
     * generator had simulated ahead. Lines must be counted in time order. Sessions are counted
     * in the order they were told.
     *
     * @param s the session
     * @return this builder
     */
    public Builder expectSession(Session s) {
      Objects.requireNonNull(s, "s");
      countExpected();
      expected.addLast(s);
      return this;
    }

    /**
     * Counts the expected sessions, in order, while they started before the last counted line;
     * at the end ({@code last}), also those that started at its time with a line counted, and
     * drops the rest.
     */
    private void countExpected() {
      while (!expected.isEmpty() && loggedByNow(expected.peekFirst())) {
        counted.add(expected.pollFirst());
      }
    }

    /**
     * Whether a line of {@code s} has been counted by now: it started before the last counted
     * line, or at its time with a line counted then.
     */
    private boolean loggedByNow(Session s) {
      long start = s.start().toEpochMilli();
      return lines > 0 && (start < lastMillis
          || start == lastMillis && hasIdAtLast(s.id()));
    }

    private boolean hasIdAtLast(long id) {
      for (int i = 0; i < idsAtLastCount; i++) {
        if (idsAtLast[i] == id) {
          return true;
        }
      }
      return false;
    }

    /** Counts one session (ground truth from the generator). */
    public Builder session(Session s) {
      Objects.requireNonNull(s, "s");
      counted.add(s);
      return this;
    }

    /**
     * Adds what {@code later} counted, as if its events and sessions had come after this
     * builder's: the parallel pipeline counts each part of a run on its own and merges the
     * parts in order. Counts, first and last time and the top pages come out exactly as one
     * builder fed everything in order would have them, as long as {@code later} saw fewer than
     * 50,000 distinct paths; the means of the session summaries are sums of partial sums, which
     * may differ from one running sum in the last bits. Parsed sessions still open in
     * {@code later} are counted as ended, and those still open here are not joined with
     * {@code later}'s lines: a client whose parsed lines fall on both sides of the split counts
     * two sessions where one builder would count one (split parsed logs at a gap of 30 minutes,
     * or count them with one builder). Sessions of the generator (ground truth) are not
     * affected. {@code later} must not be used afterwards.
     *
     * @param later the builder of the part that follows
     * @return this builder
     */
    public Builder merge(Builder later) {
      Objects.requireNonNull(later, "later");
      if (later == this) {
        throw new IllegalArgumentException("a builder cannot merge itself");
      }
      if (later.lines > 0) {
        // Times before 1970 are negative and an event can fall on 0: whether a builder saw
        // events is told by its line count, not by its times.
        firstMillis = lines == 0 ? later.firstMillis : firstMillis;
        if (lines == 0 || later.lastMillis > lastMillis) {
          lastMillis = later.lastMillis;
          idsAtLastCount = 0;
        }
        if (later.lastMillis == lastMillis) {
          for (int i = 0; i < later.idsAtLastCount; i++) {
            addIdAtLast(later.idsAtLast[i]);
          }
        }
      }
      lines += later.lines;
      errorLines += later.errorLines;
      bytes = sum(bytes, later.bytes);
      for (int i = 0; i < status.length; i++) {
        status[i] += later.status[i];
      }
      for (int i = 0; i < kinds.length; i++) {
        kinds[i] += later.kinds[i];
      }
      later.scenarioCounts.forEach((k, v) -> scenarioCounts.merge(k, v, Long::sum));
      top.merge(later.top);
      for (long[] open : later.open.values()) {
        later.counted.addParsed(open);
      }
      later.open.clear();
      expected.addAll(later.expected);
      counted.merge(later.counted);
      return this;
    }

    private void sessionize(AccessEvent e) {
      long t = e.epochMillis();
      for (Iterator<long[]> it = open.values().iterator(); it.hasNext(); ) {
        long[] s = it.next();
        if (t - s[1] <= GAP_MILLIS) {
          break;
        }
        counted.addParsed(s);
        it.remove();
      }
      long[] s = open.get(e.clientAddress());
      if (s != null && t - s[1] > GAP_MILLIS) {
        counted.addParsed(s);
        open.remove(e.clientAddress());
        s = null;
      }
      if (s == null) {
        s = new long[] {t, t, 0, 0};
        open.put(e.clientAddress(), s);
      }
      s[1] = Math.max(s[1], t);
      s[3]++;
      if (!isAsset(e.pathWithoutQuery())) {
        s[2]++;
      }
    }

    /** Whether a path names a static asset (by extension). */
    public static boolean isAsset(String path) {
      int dot = path.lastIndexOf('.');
      if (dot < 0 || dot < path.lastIndexOf('/')) {
        return false;
      }
      String ext = path.substring(dot + 1).toLowerCase(Locale.ROOT);
      return switch (ext) {
        case "css", "js", "mjs", "png", "jpg", "jpeg", "gif", "svg", "ico", "webp", "avif",
            "woff", "woff2", "ttf", "otf", "eot", "map" -> true;
        default -> false;
      };
    }

    /**
     * The report so far: open parsed sessions are counted as ended, and sessions told by
     * {@link #expectSession} as described there. The builder is not changed: it goes on
     * counting, and a later report counts those sessions as they go on and end (a snapshot
     * during a run does not change the final report).
     */
    public Report build() {
      Sessions all = counted;
      if (!expected.isEmpty() || !open.isEmpty()) {
        all = counted.copy();
        for (Session s : expected) {
          if (loggedByNow(s)) {
            all.add(s);
          }
        }
        for (long[] s : open.values()) {
          all.addParsed(s);
        }
      }
      Map<Integer, Long> codes = new TreeMap<>();
      for (int i = 0; i < status.length; i++) {
        if (status[i] > 0) {
          codes.put(i, status[i]);
        }
      }
      Map<String, Long> k = new TreeMap<>();
      for (VisitorKind v : VisitorKind.values()) {
        if (kinds[v.ordinal()] > 0) {
          k.put(v.label(), kinds[v.ordinal()]);
        }
      }
      return new Report(lines, errorLines, bytes, codes, k, scenarioCounts, all.count,
          all.endStates, summary(all.seconds), summary(all.views), summary(all.requests),
          top.top(TOP_PAGES), firstMillis,
          lastMillis);
    }
  }

  private static Summary summary(@Nullable Histogram h) {
    return h == null ? Summary.EMPTY : h.summary();
  }

  /**
   * Requests per path without query, for the first {@code capacity} distinct paths in the order
   * they were first seen (popular paths show up early; once full, paths never seen before are
   * left out, which keeps memory bounded and the hot path O(1)). An open-addressing table of
   * parallel arrays: a lookup hashes the part before {@code '?'} in place (no substring) and
   * compares the stored hash, then the key by identity, before any character.
   */
  private static final class PathCounts {
    private final int capacity;
    private String[] keys = new String[64];
    private int[] hashes = new int[64];
    private long[] counts = new long[64];
    private int[] order = new int[32];
    private int size;
    /** Recently counted path instances and their slots (direct-mapped). */
    private final String[] recent = new String[RECENT_MASK + 1];
    private final int[] recentSlots = new int[RECENT_MASK + 1];

    private static final int RECENT_MASK = 1023;
    private static final int LEFT_OUT = -1;
    private static final int MOVED = -2;

    PathCounts(int capacity) {
      this.capacity = capacity;
    }

    /** Counts one request of {@code path}, its query ignored. */
    void count(String path) {
      // Generated paths are shared string instances: a hit here skips hashing the part before
      // '?' and comparing characters (the hash of the whole string is cached in it).
      int r = spread(path.hashCode()) & RECENT_MASK;
      if (recent[r] == path) {
        int slot = recentSlots[r];
        if (slot >= 0) {
          counts[slot]++;
        }
        return;
      }
      int len = path.indexOf('?');
      int h;
      if (len < 0) {
        len = path.length();
        h = path.hashCode();
      } else {
        h = 0;
        for (int i = 0; i < len; i++) {
          h = 31 * h + path.charAt(i); // String.hashCode of the part before '?'
        }
      }
      int slot = add(path, len, h, 1);
      if (slot != MOVED) {
        recent[r] = path;
        recentSlots[r] = slot;
      }
    }

    /**
     * Adds {@code n} requests of the first {@code len} chars of {@code path}.
     *
     * @return the slot counting it, {@link #LEFT_OUT} when the table is full, or {@link #MOVED}
     *     when the table grew (slots moved)
     */
    private int add(String path, int len, int h, long n) {
      String[] k = keys;
      int mask = k.length - 1;
      int slot = spread(h) & mask;
      while (true) {
        String key = k[slot];
        if (key == null) {
          break;
        }
        if (hashes[slot] == h && (key == path || key.length() == len
            && path.regionMatches(0, key, 0, len))) {
          counts[slot] += n;
          return slot;
        }
        slot = (slot + 1) & mask;
      }
      if (size >= capacity) {
        return LEFT_OUT;
      }
      k[slot] = len == path.length() ? path : path.substring(0, len);
      hashes[slot] = h;
      counts[slot] = n;
      if (size == order.length) {
        order = Arrays.copyOf(order, size * 2);
      }
      order[size++] = slot;
      if (size * 2 > k.length) {
        grow();
        return MOVED;
      }
      return slot;
    }

    private static int spread(int h) {
      int x = h * 0x9E3779B9;
      return x ^ (x >>> 16);
    }

    private void grow() {
      Arrays.fill(recent, null);
      String[] oldKeys = keys;
      int[] oldHashes = hashes;
      long[] oldCounts = counts;
      int n = oldKeys.length * 2;
      keys = new String[n];
      hashes = new int[n];
      counts = new long[n];
      int mask = n - 1;
      for (int i = 0; i < size; i++) {
        int from = order[i];
        int slot = spread(oldHashes[from]) & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[from];
        hashes[slot] = oldHashes[from];
        counts[slot] = oldCounts[from];
        order[i] = slot;
      }
    }

    /** Forgets every path, keeping the table's size. */
    void clear() {
      for (int i = 0; i < size; i++) {
        keys[order[i]] = null;
      }
      size = 0;
      Arrays.fill(recent, null);
    }

    /** Adds {@code later}'s counts, admitting its new paths in its first-seen order. */
    void merge(PathCounts later) {
      for (int i = 0; i < later.size; i++) {
        int slot = later.order[i];
        String key = later.keys[slot];
        add(key, key.length(), later.hashes[slot], later.counts[slot]);
      }
    }

    /**
     * The {@code n} paths with the most requests, most first, equal counts in the order of
     * {@link String#compareTo}: a selection in one pass (each path is compared with the
     * {@code n}-th best so far), instead of sorting every path counted to keep ten.
     */
    List<Map.Entry<String, Long>> top(int n) {
      String[] bestKeys = new String[n];
      long[] bestCounts = new long[n];
      int found = 0;
      for (int i = 0; i < size; i++) {
        int slot = order[i];
        long c = counts[slot];
        String key = keys[slot];
        if (found == n && !ranksBefore(c, key, bestCounts[n - 1], bestKeys[n - 1])) {
          continue;
        }
        int at = found < n ? found++ : n - 1;
        while (at > 0 && ranksBefore(c, key, bestCounts[at - 1], bestKeys[at - 1])) {
          bestCounts[at] = bestCounts[at - 1];
          bestKeys[at] = bestKeys[at - 1];
          at--;
        }
        bestCounts[at] = c;
        bestKeys[at] = key;
      }
      List<Map.Entry<String, Long>> out = new ArrayList<>(found);
      for (int i = 0; i < found; i++) {
        out.add(Map.entry(bestKeys[i], bestCounts[i]));
      }
      return out;
    }

    private static boolean ranksBefore(long count, String key, long otherCount,
        String otherKey) {
      return count > otherCount || count == otherCount && key.compareTo(otherKey) < 0;
    }
  }

  /**
   * The sessions counted: how many, by end state, and the histograms of their durations, page
   * views and requests (allocated at the first session: a builder that only counts events, a
   * part of a parallel run, stays small).
   */
  private static final class Sessions {
    private long count;
    private final Map<String, Long> endStates = new HashMap<>();
    private @Nullable Histogram seconds;
    private @Nullable Histogram views;
    private @Nullable Histogram requests;

    /** Counts a session of the generator's (ground truth). */
    void add(Session s) {
      add(s.endState(), s.duration().toMillis() / 1000.0, s.pageViews(), s.requests());
    }

    /**
     * Counts a session made of parsed lines, ended: {@code {first, last, views, requests}}
     * (times in epoch milliseconds).
     */
    void addParsed(long[] s) {
      add("INACTIVE", (s[1] - s[0]) / 1000.0, s[2], s[3]);
    }

    private void add(String endState, double durationSeconds, double pageViews,
        double requestCount) {
      count++;
      endStates.merge(endState, 1L, Long::sum);
      if (seconds == null) {
        seconds = new Histogram(24 * 3600);
        views = new Histogram(10_000);
        requests = new Histogram(10_000);
      }
      seconds.add(durationSeconds);
      views.add(pageViews);
      requests.add(requestCount);
    }

    void merge(Sessions later) {
      count += later.count;
      later.endStates.forEach((k, v) -> endStates.merge(k, v, Long::sum));
      if (later.seconds != null) {
        if (seconds == null) {
          seconds = later.seconds.copy();
          views = later.views.copy();
          requests = later.requests.copy();
        } else {
          seconds.merge(later.seconds);
          views.merge(later.views);
          requests.merge(later.requests);
        }
      }
    }

    Sessions copy() {
      Sessions c = new Sessions();
      c.merge(this);
      return c;
    }

    void clear() {
      count = 0;
      endStates.clear();
      seconds = null;
      views = null;
      requests = null;
    }
  }

  /** Counts of whole values {@code 0..cap} (larger values count at {@code cap}). */
  private static final class Histogram {
    private final long[] counts;
    private long n;
    private double sum;
    private double max;

    Histogram(int cap) {
      counts = new long[cap + 1];
    }

    Histogram copy() {
      Histogram c = new Histogram(counts.length - 1);
      c.merge(this);
      return c;
    }

    void add(double v) {
      n++;
      sum += v;
      max = Math.max(max, v);
      int slot = (int) Math.min(counts.length - 1, Math.max(0, Math.round(v)));
      counts[slot]++;
    }

    void merge(Histogram other) {
      n += other.n;
      sum += other.sum;
      max = Math.max(max, other.max);
      for (int i = 0; i < counts.length; i++) {
        counts[i] += other.counts[i];
      }
    }

    Summary summary() {
      if (n == 0) {
        return Summary.EMPTY;
      }
      return new Summary(n, sum / n, quantile(0.5), quantile(0.9), max);
    }

    private double quantile(double q) {
      long rank = (long) Math.ceil(q * n);
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i];
        if (seen >= rank) {
          return i;
        }
      }
      return Arrays.stream(counts).count();
    }
  }
}
