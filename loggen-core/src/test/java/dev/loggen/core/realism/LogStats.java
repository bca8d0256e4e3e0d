package dev.loggen.core.realism;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.VisitorKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The statistics of REALISM.md, computed the same way from generated events and from a parsed
 * real log: status mix, methods, assets, popularity, sizes, sessions (by ground truth and by
 * client address with a 30-minute gap), think times, the daily curve, bots and referrers.
 *
 * <p>Conventions: paths are counted without their query string; a size of 0 is what Apache
 * prints as {@code -} and counts as a {@code -} size; size quantiles are over the numeric
 * (positive) sizes; gaps between requests are in whole seconds, as a log shows them.
 */
final class LogStats {
  /** Bots by user agent, for the real log and for comparison (generated logs also have truth). */
  private static final Pattern BOT_AGENT = Pattern.compile(
      "(?i)bot|crawl|spider|slurp|archiver|curl|wget|python|go-http|java/|libwww|zgrab|nuclei"
          + "|scan|uptime|monitor|feed|fetcher|http-client|perl|ruby|okhttp|axios|postman|^-$");
  private static final Pattern COMBINED = Pattern.compile(
      "^(\\S+) \\S+ (\\S+) \\[([^\\]]+)] \"(\\S+) (\\S+)(?: (\\S+))?\" (\\d{3}) (\\d+|-)"
          + "(?: \"([^\"]*)\" \"([^\"]*)\"?)?");
  private static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);
  private static final long GAP_MILLIS = 30 * 60_000L;

  /**
   * One request, as much of it as a log line shows plus optional ground truth.
   *
   * @param bytes response size; 0 is a {@code -}
   * @param referrer {@code null} for {@code -}
   * @param sessionId ground-truth session, or -1
   * @param kind ground-truth visitor kind, or null
   */
  record Line(long millis, int localHour, String address, String method, String path,
      String protocol, int status, long bytes, @Nullable String referrer,
      @Nullable String userAgent, long sessionId, @Nullable VisitorKind kind,
      @Nullable String scenario, long micros) {

    static Line of(AccessEvent e) {
      long localMillis = e.epochMillis() + e.offset().getTotalSeconds() * 1000L;
      int hour = (int) Math.floorMod(Math.floorDiv(localMillis, 3_600_000L), 24L);
      return new Line(e.epochMillis(), hour, e.clientAddress(), e.method(), e.path(),
          e.protocol(), e.status(), e.bytes(), e.referrer(), e.userAgent(), e.sessionId(),
          e.visitorKind(), e.scenario(), e.responseTimeMicros());
    }

    /** A Combined (or Common) line, or null when it does not parse. */
    static @Nullable Line parse(String text) {
      Matcher m = COMBINED.matcher(text);
      if (!m.find()) {
        return null;
      }
      OffsetDateTime t = OffsetDateTime.parse(m.group(3), CLF);
      String bytes = m.group(8);
      String ref = m.group(9);
      String ua = m.group(10);
      return new Line(t.toInstant().toEpochMilli(), t.getHour(), m.group(1), m.group(4),
          m.group(5), m.group(6) == null ? "HTTP/1.0" : m.group(6), Integer.parseInt(m.group(7)),
          bytes.equals("-") ? 0 : Long.parseLong(bytes), ref == null || ref.equals("-") ? null
          : ref, ua == null || ua.equals("-") ? null : ua, -1, null, null, -1);
    }

    String pathOnly() {
      int q = path.indexOf('?');
      return q < 0 ? path : path.substring(0, q);
    }

    boolean isBot() {
      if (kind != null) {
        return kind == VisitorKind.CRAWLER || kind == VisitorKind.SCANNER
            || kind == VisitorKind.MONITOR;
      }
      return isBotAgent(userAgent);
    }
  }

  /** Reads a Combined log, skipping lines that do not parse (counted in {@link #unparsed}). */
  static LogStats ofFile(Path file) {
    List<String> text;
    try {
      text = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
    List<Line> lines = new ArrayList<>(text.size());
    int bad = 0;
    for (String s : text) {
      Line l = Line.parse(s);
      if (l == null) {
        bad++;
      } else {
        lines.add(l);
      }
    }
    LogStats st = new LogStats(lines);
    st.unparsed = bad;
    return st;
  }

  static LogStats ofEvents(List<AccessEvent> events) {
    List<Line> lines = new ArrayList<>(events.size());
    for (AccessEvent e : events) {
      lines.add(Line.of(e));
    }
    return new LogStats(lines);
  }

  final List<Line> lines;
  int unparsed;
  final long n;
  final boolean groundTruth;

  LogStats(List<Line> lines) {
    this.lines = lines;
    this.n = lines.size();
    this.groundTruth = !lines.isEmpty() && lines.get(0).kind() != null;
  }

  // ------------------------------------------------------------------ shares

  double share(java.util.function.Predicate<Line> p) {
    long c = 0;
    for (Line l : lines) {
      if (p.test(l)) {
        c++;
      }
    }
    return n == 0 ? 0 : (double) c / n;
  }

  double statusClass(int cls) {
    return share(l -> l.status() / 100 == cls);
  }

  double status(int code) {
    return share(l -> l.status() == code);
  }

  double method(String m) {
    return share(l -> l.method().equals(m));
  }

  double assetShare() {
    return share(l -> isAsset(l.pathOnly()));
  }

  double dashBytesShare() {
    return share(l -> l.bytes() == 0);
  }

  double referrerDashShare() {
    return share(l -> l.referrer() == null);
  }

  double botShare() {
    return share(Line::isBot);
  }

  double botShareByAgent() {
    return share(l -> isBotAgent(l.userAgent()));
  }

  private static final Map<String, Boolean> BOT_AGENTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Whether a user agent names a bot (or is absent); remembered per distinct agent. */
  static boolean isBotAgent(@Nullable String agent) {
    return agent == null
        || BOT_AGENTS.computeIfAbsent(agent, a -> BOT_AGENT.matcher(a).find());
  }

  double http11Share() {
    return share(l -> l.protocol().equals("HTTP/1.1"));
  }

  static boolean isAsset(String path) {
    int dot = path.lastIndexOf('.');
    if (dot < 0 || dot < path.lastIndexOf('/')) {
      return false;
    }
    String ext = path.substring(dot + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "css", "js", "png", "jpg", "jpeg", "gif", "svg", "ico", "webp", "woff", "woff2",
          "ttf" -> true;
      default -> false;
    };
  }

  // ------------------------------------------------------------------ popularity

  private long @Nullable [] pathCounts;
  private double @Nullable [] sizes;
  private @Nullable List<long[]> addressSessions;

  private long[] pathCountsDescending() {
    if (pathCounts != null) {
      return pathCounts;
    }
    Map<String, long[]> c = new HashMap<>();
    for (Line l : lines) {
      c.computeIfAbsent(l.pathOnly(), k -> new long[1])[0]++;
    }
    long[] counts = new long[c.size()];
    int i = 0;
    for (long[] v : c.values()) {
      counts[i++] = v[0];
    }
    Arrays.sort(counts);
    for (int a = 0, b = counts.length - 1; a < b; a++, b--) {
      long t = counts[a];
      counts[a] = counts[b];
      counts[b] = t;
    }
    pathCounts = counts;
    return counts;
  }

  int distinctPaths() {
    return pathCountsDescending().length;
  }

  /** Share of requests that go to the top 10 % of distinct paths. */
  double top10PercentShare() {
    long[] c = pathCountsDescending();
    int top = Math.max(1, (int) Math.ceil(c.length * 0.1));
    long sum = 0;
    for (int i = 0; i < top; i++) {
      sum += c[i];
    }
    return (double) sum / n;
  }

  /** Share of distinct paths requested once. */
  double onceShare() {
    long[] c = pathCountsDescending();
    long once = Arrays.stream(c).filter(v -> v == 1).count();
    return (double) once / c.length;
  }

  /** The Zipf exponent: minus the least-squares slope of ln(count) on ln(rank), top 100 ranks. */
  double zipfSlope() {
    long[] c = pathCountsDescending();
    int k = Math.min(100, c.length);
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int r = 1; r <= k; r++) {
      double x = Math.log(r);
      double y = Math.log(c[r - 1]);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    return -(k * sxy - sx * sy) / (k * sxx - sx * sx);
  }

  // ------------------------------------------------------------------ sizes

  private double[] positiveSizes() {
    if (sizes == null) {
      sizes = lines.stream().mapToLong(Line::bytes).filter(b -> b > 0).mapToDouble(b -> b)
          .sorted().toArray();
    }
    return sizes;
  }

  double sizeQuantile(double p) {
    return quantile(positiveSizes(), p);
  }

  /** The Hill estimate of the Pareto tail index over the largest 10 % of positive sizes. */
  double paretoIndex() {
    double[] s = positiveSizes();
    int k = Math.max(2, s.length / 10);
    double xmin = s[s.length - k - 1];
    double sum = 0;
    for (int i = s.length - k; i < s.length; i++) {
      sum += Math.log(s[i] / xmin);
    }
    return k / sum;
  }

  // ------------------------------------------------------------------ sessions

  /** Requests per session; ground truth by session id (uptime checks are not visits). */
  double[] requestsPerTrueSession() {
    Map<Long, int[]> c = new HashMap<>();
    for (Line l : lines) {
      if (l.kind() != VisitorKind.MONITOR) {
        c.computeIfAbsent(l.sessionId(), k -> new int[1])[0]++;
      }
    }
    return c.values().stream().mapToDouble(v -> v[0]).sorted().toArray();
  }

  /** Sessions as an analyst sees them: per client address, cut at 30 minutes of silence. */
  List<long[]> addressSessions() {
    if (addressSessions != null) {
      return addressSessions;
    }
    Map<String, long[]> byAddress = new HashMap<>();
    Map<String, int[]> sizeOf = new HashMap<>();
    for (Line l : lines) {
      int[] c = sizeOf.computeIfAbsent(l.address(), k -> new int[1]);
      long[] a = byAddress.get(l.address());
      if (a == null || c[0] == a.length) {
        a = a == null ? new long[4] : Arrays.copyOf(a, a.length * 2);
        byAddress.put(l.address(), a);
      }
      a[c[0]++] = l.millis();
    }
    List<long[]> sessions = new ArrayList<>();
    for (Map.Entry<String, long[]> e : byAddress.entrySet()) {
      long[] t = Arrays.copyOf(e.getValue(), sizeOf.get(e.getKey())[0]);
      Arrays.sort(t);
      int from = 0;
      for (int i = 1; i <= t.length; i++) {
        if (i == t.length || t[i] - t[i - 1] > GAP_MILLIS) {
          sessions.add(Arrays.copyOfRange(t, from, i));
          from = i;
        }
      }
    }
    addressSessions = sessions;
    return sessions;
  }

  double[] requestsPerAddressSession() {
    return addressSessions().stream().mapToDouble(s -> s.length).sorted().toArray();
  }

  /** Gaps between consecutive requests of address sessions, in whole seconds. */
  double[] gapsSeconds() {
    int count = 0;
    for (long[] s : addressSessions()) {
      count += Math.max(0, s.length - 1);
    }
    double[] g = new double[count];
    int k = 0;
    for (long[] s : addressSessions()) {
      for (int i = 1; i < s.length; i++) {
        g[k++] = Math.floorDiv(s[i], 1000) - Math.floorDiv(s[i - 1], 1000);
      }
    }
    Arrays.sort(g);
    return g;
  }

  double sessionsPerClient() {
    Set<String> clients = new HashSet<>();
    lines.forEach(l -> clients.add(l.address()));
    return (double) addressSessions().size() / clients.size();
  }

  // ------------------------------------------------------------------ time of day

  /** Requests in the busiest local hour over those in the quietest. */
  double busiestToQuietestHour() {
    long[] h = new long[24];
    lines.forEach(l -> h[l.localHour()]++);
    long max = Arrays.stream(h).max().orElse(0);
    long min = Arrays.stream(h).min().orElse(0);
    return min == 0 ? Double.POSITIVE_INFINITY : (double) max / min;
  }

  // ------------------------------------------------------------------ agents

  int distinctAgents() {
    Set<String> s = new HashSet<>();
    lines.forEach(l -> s.add(String.valueOf(l.userAgent())));
    return s.size();
  }

  double topAgentShare() {
    Map<String, Long> c = new HashMap<>();
    lines.forEach(l -> c.merge(String.valueOf(l.userAgent()), 1L, Long::sum));
    return c.values().stream().mapToLong(Long::longValue).max().orElse(0) / (double) n;
  }

  // ------------------------------------------------------------------ helpers

  static double quantile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.length - 1, Math.floor(p * sorted.length));
    return sorted[i];
  }

  static double shareOf(double[] values, java.util.function.DoublePredicate p) {
    return values.length == 0 ? 0
        : (double) Arrays.stream(values).filter(p).count() / values.length;
  }

  /** Every figure by name, in a fixed order, for printing side by side. */
  Map<String, Double> figures() {
    Map<String, Double> f = new LinkedHashMap<>();
    f.put("requests", (double) n);
    f.put("2xx %", 100 * statusClass(2));
    f.put("3xx %", 100 * statusClass(3));
    f.put("4xx %", 100 * statusClass(4));
    f.put("5xx %", 100 * statusClass(5));
    f.put("304 %", 100 * status(304));
    f.put("429 %", 100 * status(429));
    f.put("GET %", 100 * method("GET"));
    f.put("POST %", 100 * method("POST"));
    f.put("HEAD %", 100 * method("HEAD"));
    f.put("asset %", 100 * assetShare());
    f.put("distinct paths", (double) distinctPaths());
    f.put("top-10% paths %", 100 * top10PercentShare());
    f.put("paths once %", 100 * onceShare());
    f.put("zipf slope", zipfSlope());
    f.put("size median kB", sizeQuantile(0.5) / 1000);
    f.put("size p90 kB", sizeQuantile(0.9) / 1000);
    f.put("size p99 kB", sizeQuantile(0.99) / 1000);
    f.put("pareto index", paretoIndex());
    f.put("'-' bytes %", 100 * dashBytesShare());
    double[] as = requestsPerAddressSession();
    f.put("req/session median (addr)", quantile(as, 0.5));
    f.put("req/session p90 (addr)", quantile(as, 0.9));
    f.put("single-req sessions % (addr)", 100 * shareOf(as, v -> v == 1));
    if (groundTruth) {
      double[] ts = requestsPerTrueSession();
      f.put("req/session median (truth)", quantile(ts, 0.5));
      f.put("req/session p90 (truth)", quantile(ts, 0.9));
      f.put("req/session p99 (truth)", quantile(ts, 0.99));
      f.put("single-req sessions % (truth)", 100 * shareOf(ts, v -> v == 1));
    }
    f.put("sessions/client", sessionsPerClient());
    double[] g = gapsSeconds();
    f.put("gap median s", quantile(g, 0.5));
    f.put("gap p90 s", quantile(g, 0.9));
    f.put("zero gaps %", 100 * shareOf(g, v -> v == 0));
    f.put("busiest/quietest hour", busiestToQuietestHour());
    f.put("bots %", 100 * botShare());
    f.put("bots by agent %", 100 * botShareByAgent());
    f.put("referrer '-' %", 100 * referrerDashShare());
    f.put("HTTP/1.1 %", 100 * http11Share());
    f.put("distinct agents", (double) distinctAgents());
    f.put("top agent %", 100 * topAgentShare());
    return f;
  }

  /** A table of several logs' figures, one column each. */
  static String table(Map<String, LogStats> logs) {
    List<Map<String, Double>> cols = logs.values().stream().map(LogStats::figures).toList();
    Set<String> rows = new java.util.LinkedHashSet<>();
    cols.forEach(c -> rows.addAll(c.keySet()));
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-30s", "figure"));
    logs.keySet().forEach(k -> sb.append(String.format(Locale.ROOT, "%14s", k)));
    sb.append('\n');
    for (String r : rows) {
      sb.append(String.format(Locale.ROOT, "%-30s", r));
      for (Map<String, Double> c : cols) {
        Double v = c.get(r);
        sb.append(v == null ? String.format(Locale.ROOT, "%14s", "")
            : String.format(Locale.ROOT, "%14.2f", v));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
