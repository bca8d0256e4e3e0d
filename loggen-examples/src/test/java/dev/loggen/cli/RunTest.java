package dev.loggen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.LineSink;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.SessionSettings;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import dev.loggen.sinks.FileSinks;
import dev.loggen.sinks.RotatingFileSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Simulated runs of the command-line generator, in-process, on small windows. */
class RunTest {
  private static final Pattern LINES = Pattern.compile("access-log lines\\s+([\\d,]+)");
  @TempDir Path dir;

  static long reportedLines(String report) {
    Matcher m = LINES.matcher(report);
    assertTrue(m.find(), report);
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  @Test
  void aRateTheMachineCannotKeepUpWithIsReported() {
    // the monotonic clock races ahead: 10 ms pass at every look, a line is due every 1 ms
    long[] ticks = {System.nanoTime()};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), dir,
        java.time.Clock.systemUTC(), () -> ticks[0] += 10_000_000L, false);
    int code = main.execute(new String[] {"--live", "--rate", "1000", "--count", "2000",
        "--seed", "4", "--sessions-per-hour", "3000", "--output", "-", "--quiet"});
    String e = err.toString(StandardCharsets.UTF_8);
    assertEquals(Main.OK, code, e);
    assertTrue(e.contains("behind the schedule of 1,000 lines/s"), e);
    // 2,000 lines due within 2 s, written some 20 s in
    double behind = behindSeconds(main.healthState.snapshot().json());
    assertTrue(behind > 10 && behind < 30, "behind: " + behind);
  }

  private static double behindSeconds(String health) {
    Matcher m = Pattern.compile("\"behindSeconds\":([\\d.]+),").matcher(health);
    assertTrue(m.find(), health);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void aFractionalRateIsPrintedAsGiven() {
    Cli c = Cli.run(dir, "--live", "--rate", "0.5", "--count", "1", "--seed", "2",
        "--output", "-");
    assertEquals(Main.OK, c.code, c.toString());
    assertTrue(c.err().contains(" at 0.5 lines/s, site shop"), c.err());
    assertTrue(c.err().contains("loggen: 0.5 lines/s: traffic set to "), c.err());
    assertFalse(c.err().contains(" 1 lines/s"), c.err());
  }

  @Test
  void aRateTheMachineKeepsUpWithIsNotReportedAsBehind() {
    Cli c = Cli.run(dir, "--live", "--rate", "50", "--count", "20", "--seed", "4",
        "--output", "-");
    assertEquals(Main.OK, c.code, c.toString());
    assertTrue(!c.err().contains("behind"), c.err());
    // on time, give or take a late wake-up on a busy machine
    assertTrue(behindSeconds(c.main.healthState.snapshot().json()) < 1,
        c.main.healthState.snapshot().json());
  }

  @Test
  void withoutOptionsItWritesThePreviousDayIntoLogs() {
    // the defaults, with little traffic so the day is quick
    Cli c = Cli.run(dir, "--sessions-per-hour", "20");
    assertEquals(Main.OK, c.code, c.toString());
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    Instant start = yesterday.atStartOfDay(ZoneOffset.UTC).toInstant();
    assertTrue(c.err().contains("(random), window " + start + " to "
        + start.plusSeconds(86_400)), c.err());
    assertTrue(c.err().contains("repeat with --seed "), c.err());
    int cores = Runtime.getRuntime().availableProcessors();
    assertTrue(c.err().contains(", on " + cores + (cores == 1 ? " thread;" : " threads;")),
        c.err());
    Path logs = dir.resolve("logs");
    assertEquals(List.of("access.log", "error.log"), Cli.files(logs));
    List<String> lines = Cli.lines(logs.resolve("access.log"));
    assertEquals(reportedLines(c.out()), lines.size());
    String day = String.format(java.util.Locale.ROOT, "%02d/%s/%d", yesterday.getDayOfMonth(),
        yesterday.getMonth().getDisplayName(java.time.format.TextStyle.SHORT,
            java.util.Locale.ENGLISH), yesterday.getYear());
    assertTrue(lines.stream().allMatch(l -> l.contains("[" + day + ":")), lines.get(0));
    assertTrue(c.out().contains("loggen report: seed "), c.out());
    assertTrue(c.out().contains("top pages"), c.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"combined", "json", "ecs", "common",
      "$remote_addr [$time_local] \"$request\" $status $request_time",
      "%h %l %u %t \"%r\" %>s %b %D \"%{User-agent}i\""})
  void sameSeedAndStartGiveTheSameBytes(String format) throws Exception {
    String[] args = {"--seed", "42", "--start", "2026-03-01T10:00:00Z", "--duration", "10m",
        "--format", format, "--quiet"};
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Files.createDirectories(a);
    Files.createDirectories(b);
    assertEquals(Main.OK, Cli.run(a, args).code);
    assertEquals(Main.OK, Cli.run(b, args).code);
    for (String f : List.of("logs/access.log", "logs/error.log")) {
      byte[] x = Files.readAllBytes(a.resolve(f));
      assertTrue(x.length > 0 || f.contains("error"), f);
      assertArrayEquals(x, Files.readAllBytes(b.resolve(f)), f + " differs for " + format);
    }
    assertTrue(Files.size(a.resolve("logs/access.log")) > 10_000);
  }

  @Test
  void threadsDoNotChangeTheBytes() throws Exception {
    String[] args = {"--seed", "6", "--start", "2026-04-01", "--duration", "30m"};
    Map<String, Path> runs = new LinkedHashMap<>();
    for (String threads : new String[] {"1", null, "3"}) { // null: the default, one per core
      Path out = Files.createDirectories(dir.resolve("threads-" + threads));
      String[] a = threads == null ? args : concat(args, "--threads", threads);
      Cli c = Cli.run(out, a);
      assertEquals(Main.OK, c.code, c.toString());
      int expected = threads == null ? Runtime.getRuntime().availableProcessors()
          : Integer.parseInt(threads);
      assertTrue(c.err().contains(", on " + expected + (expected == 1 ? " thread" : " threads")),
          c.err());
      runs.put(String.valueOf(threads), out);
    }
    Path one = runs.get("1");
    for (Map.Entry<String, Path> run : runs.entrySet()) {
      for (String f : List.of("logs/access.log", "logs/error.log")) {
        assertArrayEquals(Files.readAllBytes(one.resolve(f)),
            Files.readAllBytes(run.getValue().resolve(f)), f + " with --threads " + run.getKey());
      }
    }
  }

  private static String[] concat(String[] a, String... more) {
    String[] all = java.util.Arrays.copyOf(a, a.length + more.length);
    System.arraycopy(more, 0, all, a.length, more.length);
    return all;
  }

  @Test
  void outputDashWritesTheAccessLogToStdoutAndTheReportToStderr() {
    Cli c = Cli.run(dir, "--seed", "1", "--start", "2026-01-01", "--duration", "5m",
        "--output", "-");
    assertEquals(Main.OK, c.code, c.toString());
    List<String> lines = c.out().lines().toList();
    assertEquals(reportedLines(c.err()), lines.size());
    assertTrue(lines.get(0).contains("[01/Jan/2026:00:0"), lines.get(0));
    assertEquals(List.of(), Cli.files(dir), "no files with --output -");
    assertFalse(Files.exists(dir.resolve("logs")));
  }

  @Test
  void reportDashWritesTheJsonReportToStdoutAndTheTableToStderr() {
    Cli c = Cli.run(dir, "--seed", "1", "--start", "2026-01-01", "--duration", "5m",
        "--output", "out", "--report", "-");
    assertEquals(Main.OK, c.code, c.toString());
    assertFalse(Files.exists(dir.resolve("-")), "no file named '-'");
    List<String> out = c.out().lines().toList();
    assertEquals(1, out.size(), c.toString());
    assertTrue(out.get(0).startsWith("{\"seed\":1,\"mode\":\"simulated\","), out.get(0));
    assertTrue(out.get(0).contains("\"lines\":" + reportedLines(c.err()) + ","), c.toString());
    assertEquals(reportedLines(c.err()), Cli.lines(dir.resolve("out/access.log")).size());
  }

  /**
   * --profile wins over the file's site, so a scenario's page is one of the profile's: it was
   * checked against the file's site (the shop when the file names none), 'list' of the api was
   * refused and the shop's 'home' passed, to fail later without its place in the file.
   */
  @Test
  void scenarioPagesAreCheckedAgainstTheCommandLinesProfile() throws Exception {
    String scenario = "scenarios: [{type: flash-crowd, start: 10m, duration: 5m,"
        + " sessionsPerHour: 3000, page: %s}]\n";
    Files.writeString(dir.resolve("api.yaml"), String.format(scenario, "list"));
    Cli ok = Cli.run(dir, "--config", "api.yaml", "--profile", "api", "--seed", "1", "--start",
        "2026-01-01", "--duration", "20m", "--output", "-", "--quiet");
    assertEquals(Main.OK, ok.code, ok.toString());
    Files.writeString(dir.resolve("shop.yaml"), String.format(scenario, "home"));
    Cli refused = Cli.run(dir, "--config", "shop.yaml", "--profile", "api", "--seed", "1",
        "--start", "2026-01-01", "--duration", "20m", "--output", "-", "--quiet");
    assertEquals(Main.USAGE, refused.code, refused.toString());
    assertTrue(refused.err().contains("shop.yaml:1:88: scenarios[0].page: 'home' is not a page"
        + " of site api"), refused.err());
  }

  /**
   * --sessions-per-hour and --start win over the file, so the file's bursts and window are
   * checked with them: a burst that peaks too high at the file's rate but not at the command
   * line's was refused, and so was a window start the command line replaces.
   */
  @Test
  void theFileIsCheckedWithTheCommandLinesRateAndStart() throws Exception {
    Files.writeString(dir.resolve("peak.yaml"), "traffic: {sessionsPerHour: 200000000,"
        + " bursts: [{start: 1h, duration: 10m, multiplier: 3}]}\n");
    Cli ok = Cli.run(dir, "--config", "peak.yaml", "--sessions-per-hour", "1000", "--seed", "1",
        "--start", "2026-01-01", "--duration", "1m", "--output", "-", "--quiet");
    assertEquals(Main.OK, ok.code, ok.toString());
    Cli refused = Cli.run(dir, "--config", "peak.yaml", "--seed", "1", "--start", "2026-01-01",
        "--duration", "1m", "--output", "-", "--quiet");
    assertEquals(Main.USAGE, refused.code, refused.toString());
    assertTrue(refused.err().contains("traffic.bursts[0].multiplier: expected at most 1.48"),
        refused.err());
    Files.writeString(dir.resolve("late.yaml"), "window: {start: 9999-12-31T12:00:00Z,"
        + " duration: 1h}\ntraffic: {zone: Pacific/Kiritimati}\n");
    Cli moved = Cli.run(dir, "--config", "late.yaml", "--start", "2026-01-01", "--seed", "1",
        "--count", "1", "--output", "-", "--quiet");
    assertEquals(Main.OK, moved.code, moved.toString());
  }

  /**
   * An old tool's file describes the shop (its error rates name shop pages): --profile dropped
   * its settings without a word (global_500 0.2 gave a handful of 500s on the blog) and its
   * warnings named the shop the run did not use. Refused now, before anything is read further.
   */
  @Test
  void aProfileIsRefusedWithAnOldToolsFile() throws Exception {
    Files.writeString(dir.resolve("old.yaml"), "output: {directory: ./oldlogs, rate: 0.5,"
        + " pre_warm: false}\nerror_rates: {global_500: 0.2}\n");
    Cli c = Cli.run(dir, "--config", "old.yaml", "--profile", "blog", "--seed", "1", "--start",
        "2026-01-01", "--duration", "10m", "--output", "-");
    assertEquals(Main.USAGE, c.code, c.toString());
    assertEquals("loggen: --profile cannot replace the site of old.yaml, a file of the old tool:"
        + " its error rates, pages and landing paths describe the shop; drop --profile, or give"
        + " the settings in a loggen configuration\n", c.err());
  }

  /**
   * Messages name where a setting came from: standard output chosen by the file or by
   * LOG_DIR_OVERRIDE, rotation turned off by the file, were blamed on --output - and on
   * --rotate-size none with --rotate-time none, which were not given.
   */
  @Test
  void messagesNameTheSettingsSourceNotAnOptionNotGiven() throws Exception {
    Files.writeString(dir.resolve("stdout.yaml"), "output: {directory: '-'}\n");
    Cli rotate = Cli.run(dir, "--config", "stdout.yaml", "--rotate-size", "10MB", "--count",
        "1", "--seed", "1");
    assertEquals("loggen: rotation options apply to files, and output.directory - writes the"
        + " access log to stdout\n", rotate.err());
    Cli report = Cli.run(dir, "--config", "stdout.yaml", "--report", "-", "--count", "1",
        "--seed", "1");
    assertEquals("loggen: --report - and output.directory - would both write to stdout: give"
        + " --report a file name\n", report.err());
    Cli env = Cli.run(dir, Map.of("LOG_DIR_OVERRIDE", "-"), "--report", "-", "--count", "1",
        "--seed", "1");
    assertEquals("loggen: --report - and LOG_DIR_OVERRIDE - would both write to stdout: give"
        + " --report a file name\n", env.err());
    Files.writeString(dir.resolve("norot.yaml"), "output: {rotation: {}}\n");
    Cli keep = Cli.run(dir, "--config", "norot.yaml", "--keep", "3", "--start", "2026-01-01",
        "--duration", "1m", "--seed", "1", "--output", "od");
    assertEquals("loggen: --keep needs rotation, and the configuration's output.rotation turns"
        + " it off\n", keep.err());
    assertEquals(List.of(), Cli.files(dir).stream().filter(f -> f.startsWith("od")).toList());
    // a file's pattern that an option makes wrong: both named, in the file's words
    Files.writeString(dir.resolve("pattern.yaml"), "output: {rotation: {time: daily,"
        + " pattern: '{log}-%d{yyyy-MM-dd}.log'}}\n");
    Cli gzip = Cli.run(dir, "--config", "pattern.yaml", "--gzip", "--start", "2026-01-01",
        "--duration", "1m", "--seed", "1", "--output", "od");
    assertEquals("loggen: the configuration's output.rotation with --gzip: pattern"
        + " '{log}-%d{yyyy-MM-dd}.log' does not end in .gz but gzip is on; end the pattern with"
        + " .gz\n", gzip.err());
    Cli size = Cli.run(dir, "--config", "pattern.yaml", "--rotate-size", "10MB", "--keep", "2",
        "--start", "2026-01-01", "--duration", "1m", "--seed", "1", "--output", "od");
    assertEquals("loggen: the configuration's output.rotation with --rotate-size 10MB, --keep 2:"
        + " pattern '{log}-%d{yyyy-MM-dd}.log' has no %i, which size rotation needs to name"
        + " several files in one period\n", size.err());
    assertEquals(List.of(), Cli.files(dir).stream().filter(f -> f.startsWith("od")).toList());
  }

  @Test
  void aConfigurationsFileSettingsAreNotSilentlyDroppedForStdout() throws Exception {
    Files.writeString(dir.resolve("so.yaml"), "output:\n  directory: '-'\n"
        + "  rotation: {size: 1MB, gzip: true, keep: 3}\n  onExisting: fail\n");
    Cli c = Cli.run(dir, "--config", "so.yaml", "--seed", "1", "--start", "2026-01-01",
        "--duration", "1m");
    assertEquals(Main.OK, c.code, c.toString());
    assertTrue(c.err().contains("loggen: the configuration's output.rotation and"
        + " output.onExisting apply to files; the access log goes to stdout, so they are not"
        + " used"), c.err());
    // the error log's format too: standard output takes the access log alone
    Files.writeString(dir.resolve("so.yaml"), "output:\n  directory: '-'\n"
        + "  rotation: {size: 1MB}\n  onExisting: fail\nerrorFormat: nginx\n");
    Cli e = Cli.run(dir, "--config", "so.yaml", "--seed", "1", "--start", "2026-01-01",
        "--duration", "1m");
    assertEquals(Main.OK, e.code, e.toString());
    assertTrue(e.err().contains("loggen: the configuration's output.rotation, output.onExisting"
        + " and errorFormat apply to files; the access log goes to stdout, so they are not used"),
        e.err());
    Files.writeString(dir.resolve("so.yaml"), "errorFormat: none\n");
    Cli none = Cli.run(dir, "--config", "so.yaml", "--seed", "1", "--start", "2026-01-01",
        "--duration", "1m", "--output", "-");
    assertFalse(none.err().contains("to files"), none.err());
  }

  /**
   * The notice names the settings the file has: an old tool's file has output.log_rotation (on
   * by default), not output.rotation or output.onExisting, which the notice named before.
   */
  @ParameterizedTest
  @ValueSource(strings = {"legacy", "legacy without rotation", "rotation only"})
  void theStdoutNoticeNamesTheSettingsTheFileHas(String kind) throws Exception {
    String yaml = switch (kind) {
      case "legacy" -> "output: {directory: logs, rate: 1, pre_warm: false}\n";
      case "legacy without rotation" -> "output: {directory: logs, rate: 1, pre_warm: false,"
          + " log_rotation: {enabled: false}}\n";
      default -> "output: {rotation: {size: 1MB}}\n";
    };
    Files.writeString(dir.resolve("so.yaml"), yaml);
    Cli c = Cli.run(dir, "--config", "so.yaml", "--seed", "1", "--start", "2026-01-01",
        "--duration", "1m", "--output", "-");
    assertEquals(Main.OK, c.code, c.toString());
    List<String> notices = c.err().lines().filter(l -> l.contains(" apply to files")
        || l.contains(" applies to files")).toList();
    assertEquals(switch (kind) {
      case "legacy" -> List.of("loggen: the configuration's output.log_rotation applies to"
          + " files; the access log goes to stdout, so it is not used");
      case "legacy without rotation" -> List.of();
      default -> List.of("loggen: the configuration's output.rotation applies to files; the"
          + " access log goes to stdout, so it is not used");
    }, notices, c.err());
  }

  @Test
  void aCountCutShortByTheEndOfTimeSaysSo() throws Exception {
    Cli c = Cli.run(dir, "--seed", "1", "--start", "9999-12-31T23:59:00Z", "--count", "100000",
        "--output", "out", "--report", "-", "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    long lines = Cli.lines(dir.resolve("out/access.log")).size();
    assertTrue(lines > 0 && lines < 100_000, "lines: " + lines);
    assertTrue(c.out().contains("\"cutShort\":\"end of time\""), c.out());
  }

  @Test
  void theJsonReportEscapesTheSiteName() throws Exception {
    Files.writeString(dir.resolve("site.yaml"), "site:\n  name: 'my \"shop\" \\ 2'\n"
        + "  host: shop.example.com\n  pages:\n    - {name: home, path: /}\n"
        + "  landing: {home: 1}\n");
    Cli c = Cli.run(dir, "--config", "site.yaml", "--seed", "1", "--start", "2026-01-01",
        "--duration", "5m", "--output", "out", "--report", "-", "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    assertTrue(c.out().contains(",\"site\":\"my \\\"shop\\\" \\\\ 2\",\"format\":"),
        c.out());
  }

  @Test
  void aReportNamingALogIsRefusedAndTheLogKept() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("access.log"), "an existing line\n");
    Files.createSymbolicLink(dir.resolve("link"), out);
    Files.writeString(dir.resolve("c.yaml"), "output: {directory: out}\n");
    Map<List<String>, String> runs = new LinkedHashMap<>();
    runs.put(List.of("--output", "out", "--report", "out/access.log"),
        "--report out/access.log and --output out");
    runs.put(List.of("--output", "out", "--report", "out/error.log"),
        "--report out/error.log and --output out");
    runs.put(List.of("--output", dir + "/out/", "--report", "./out/../out/access.log"),
        "--report ./out/../out/access.log and --output " + dir + "/out/");
    runs.put(List.of("--output", "out", "--report", "link/access.log"),
        "--report link/access.log and --output out");
    runs.put(List.of("--config", "c.yaml", "--report", "link/error.log"),
        "--report link/error.log and output.directory out");
    // a dangling link to the log the run is about to write: it would be written through
    Files.createSymbolicLink(dir.resolve("to-error.log"), Path.of("out/error.log"));
    runs.put(List.of("--output", "out", "--report", "to-error.log"),
        "--report to-error.log and --output out");
    for (Map.Entry<List<String>, String> run : runs.entrySet()) {
      List<String> args = new ArrayList<>(List.of("--seed", "1", "--start",
          "2026-01-01", "--duration", "10m"));
      args.addAll(run.getKey());
      Cli c = Cli.run(dir, args.toArray(String[]::new));
      assertEquals(Main.USAGE, c.code, c.toString());
      String log = run.getKey().get(run.getKey().size() - 1).endsWith("access.log") ? "access"
          : "error";
      assertEquals(List.of("loggen: " + run.getValue() + " name the same file, "
          + out.toRealPath().resolve(log + ".log") + ": the report would replace the " + log
          + " log; give --report another file name"), c.err().lines().toList(), c.toString());
      assertEquals("an existing line\n", Files.readString(out.resolve("access.log")));
      assertEquals(List.of("access.log"), Cli.files(out), "nothing written");
    }
  }

  @Test
  void aReportNamedLikeAnArchiveOrTheConfigurationIsRefused() throws Exception {
    // Before: accepted; the report replaced the configuration file, or took an archive's name
    // (which rotation and --keep manage: an archive of that name would be deleted or kept out).
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("access.log.2026-01-01.1.gz"), "an archive\n");
    String config = "output: {directory: out}\n";
    Files.writeString(dir.resolve("c.yaml"), config);
    Cli archive = Cli.run(dir, "--seed", "1", "--start", "2026-01-01", "--duration", "10m",
        "--output", "out", "--report", "out/access.log.2026-01-01.1.gz");
    assertEquals(Main.USAGE, archive.code, archive.toString());
    assertEquals(List.of("loggen: --report out/access.log.2026-01-01.1.gz is named like an"
        + " archive of the access log in --output out (access.log.*): rotation and --keep manage"
        + " those names; give --report another file name"), archive.err().lines().toList());
    assertEquals("an archive\n", Files.readString(out.resolve("access.log.2026-01-01.1.gz")));
    Cli conf = Cli.run(dir, "--seed", "1", "--start", "2026-01-01", "--duration", "10m",
        "--config", "c.yaml", "--report", "./c.yaml");
    assertEquals(Main.USAGE, conf.code, conf.toString());
    assertEquals(List.of("loggen: --report ./c.yaml names the configuration file, "
        + dir.toRealPath().resolve("c.yaml") + ": the report would replace it; give --report"
        + " another file name"), conf.err().lines().toList());
    assertEquals(config, Files.readString(dir.resolve("c.yaml")));
    assertEquals(List.of("access.log.2026-01-01.1.gz"), Cli.files(out), "nothing written");
  }

  /**
   * A report named by a symbolic link is written where the link points, through a chain of
   * links and to a file not there yet too. Before, the link was replaced by a regular file.
   */
  @Test
  void aReportThroughASymbolicLinkIsWrittenWhereItPoints() throws Exception {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Files.writeString(reports.resolve("existing.json"), "an old report\n");
    Files.createSymbolicLink(dir.resolve("existing"), Path.of("reports/existing.json"));
    Files.createSymbolicLink(dir.resolve("dangling"), Path.of("reports/new.json"));
    Files.createSymbolicLink(reports.resolve("chain2"), Path.of("../reports/chained.json"));
    Files.createSymbolicLink(dir.resolve("chain1"), reports.resolve("chain2"));
    for (String link : List.of("existing", "dangling", "chain1")) {
      Cli c = Cli.run(dir, "--seed", "1", "--start", "2026-01-01", "--duration", "10m",
          "--output", "out-" + link, "--report", link, "--quiet");
      assertEquals(Main.OK, c.code, c.toString());
      assertTrue(Files.isSymbolicLink(dir.resolve(link)), link + " is still a link");
    }
    assertTrue(Files.isSymbolicLink(reports.resolve("chain2")), "chain2 is still a link");
    assertEquals(List.of("chain2", "chained.json", "existing.json", "new.json"),
        Cli.names(reports), "no temporary file left");
    for (String report : List.of("existing.json", "new.json", "chained.json")) {
      String json = Files.readString(reports.resolve(report), StandardCharsets.UTF_8);
      assertTrue(json.startsWith("{\"seed\":1,\"mode\":\"simulated\""), report + ": " + json);
    }
  }

  /**
   * A report path with '..' after a symbolic link goes where the OS resolves it, as the logs
   * do. Before, the logs went to y/out (the link's target's parent) and the report, '..' dropped
   * as text, to x/r.json.
   */
  @Test
  void aReportThroughLinkDotDotGoesWhereTheLogsDo() throws Exception {
    Files.createDirectories(dir.resolve("x"));
    Files.createDirectories(dir.resolve("y/real"));
    Files.createSymbolicLink(dir.resolve("x/link"), Path.of("../y/real"));
    Cli c = Cli.run(dir, "--seed", "1", "--count", "10", "--output", "x/link/../out",
        "--report", "x/link/../r.json", "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    assertTrue(Files.exists(dir.resolve("y/out/access.log")), "the logs where the OS says");
    assertTrue(Files.exists(dir.resolve("y/r.json")), "the report beside them");
    assertFalse(Files.exists(dir.resolve("x/r.json")), "not where '..' is dropped as text");
    assertFalse(Files.exists(dir.resolve("x/out")), "not where '..' is dropped as text");
  }

  /** A link to a directory that does not exist, or a loop of links, is refused before the run. */
  @Test
  void aReportLinkThatLeadsNowhereIsRefused() throws Exception {
    Files.createSymbolicLink(dir.resolve("nowhere"), Path.of("no/such/dir/r.json"));
    Files.createSymbolicLink(dir.resolve("loop1"), Path.of("loop2"));
    Files.createSymbolicLink(dir.resolve("loop2"), Path.of("loop1"));
    Cli nowhere = Cli.run(dir, "--seed", "1", "--duration", "1m", "--output", "out",
        "--report", "nowhere");
    assertEquals(Main.USAGE, nowhere.code, nowhere.toString());
    assertEquals("loggen: --report: directory " + dir.toRealPath().resolve("no/such/dir")
        + " does not exist\n", nowhere.err());
    Cli loop = Cli.run(dir, "--seed", "1", "--duration", "1m", "--output", "out",
        "--report", "loop1");
    assertEquals(Main.USAGE, loop.code, loop.toString());
    assertEquals("loggen: --report: loop1: too many levels of symbolic links (a loop?)\n",
        loop.err());
    assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    assertTrue(Files.isSymbolicLink(dir.resolve("nowhere")), "the link is kept");
  }

  @Test
  void aReportThatIsADirectoryIsRefused() throws Exception {
    Files.createDirectories(dir.resolve("reports"));
    Cli c = Cli.run(dir, "--seed", "1", "--duration", "1m", "--output", "out", "--report",
        "reports");
    assertEquals(Main.USAGE, c.code, c.toString());
    assertEquals("loggen: --report: reports is a directory; give a file name\n", c.err());
    assertFalse(Files.exists(dir.resolve("out")), "nothing written");
  }

  @ParameterizedTest
  @ValueSource(strings = {"signal", "reader gone"})
  void aRunCutShortSaysSoInTheReportAndExitsZero(String why) throws Exception {
    Cli c = new Cli(dir, Map.of());
    c.main.sinkDecorator = s -> before(3000, s, () -> {
      if (why.equals("signal")) {
        c.main.requestStop(); // what SIGTERM does; seen within 1,024 lines
      } else {
        throw new dev.loggen.core.SinkClosedException("stdout", new java.io.IOException(
            "Broken pipe")); // what the reader of a pipe going away looks like
      }
    });
    c.code = c.main.execute(new String[] {"--seed", "1", "--start", "2026-01-01", "--duration",
        "1h", "--output", "-", "--report", "r.json"});
    assertEquals(Main.OK, c.code, c.toString());
    long lines = c.out().lines().count();
    assertTrue(lines >= 2999 && lines < 5000, "lines " + lines);
    String json = Files.readString(dir.resolve("r.json"));
    assertTrue(json.contains("\"windowEnd\":\"2026-01-01T01:00:00Z\",\"cutShort\":\"" + why
        + "\",\"lines\":" + reportedLines(c.err()) + ","), json);
    Matcher last = Pattern.compile("\"lastTime\":\"([^\"]+)\"").matcher(json);
    assertTrue(last.find(), json);
    assertTrue(Instant.parse(last.group(1)).isBefore(Instant.parse("2026-01-01T00:30:00Z")),
        json);
    assertTrue(c.err().contains("\nwindow cut short at " + last.group(1) + " ("
        + (why.equals("signal") ? "stopped by a signal: SIGTERM, SIGINT or SIGHUP"
            : "the reader of the access log went away")
        + "): it was to end at 2026-01-01T01:00:00Z\n"), c.err());
  }

  /**
   * Both logs failing (a full disk): each failure is said, with its path. Before, the error
   * log's (its lost lines) was attached to the access log's as a suppressed exception and never
   * printed: error.log stayed empty without a word.
   */
  @Test
  void whenBothLogsFailEachFailureIsSaid() throws Exception {
    Cli c = new Cli(dir, Map.of());
    c.main.sinkDecorator = s -> before(3000, s, () -> {
      throw new java.io.UncheckedIOException("write failed for out/access.log: no space left on"
          + " device", new java.io.IOException("No space left on device"));
    });
    c.main.errorSinkDecorator = s -> new dev.loggen.core.LineSink() {
      @Override
      public void write(byte[] line, int offset, int length, long epochMillis) {
        s.write(line, offset, length, epochMillis);
      }

      @Override
      public void flush() {
        s.flush();
      }

      @Override
      public void close() {
        s.close();
        throw new java.io.UncheckedIOException("write failed for out/error.log: no space left"
            + " on device; 12 accepted lines were not written",
            new java.io.IOException("No space left on device"));
      }
    };
    c.code = c.main.execute(new String[] {"--seed", "1", "--start", "2026-01-01", "--duration",
        "1h", "--output", "out", "--quiet"});
    assertEquals(Main.IO_FAILURE, c.code, c.toString());
    assertTrue(c.err().contains("loggen: write failed for out/access.log: no space left on"
        + " device\n"), c.err());
    assertTrue(c.err().contains("loggen: write failed for out/error.log: no space left on"
        + " device; 12 accepted lines were not written\n"), c.err());
  }

  /**
   * A directory without write permission is to be given it, not removed (the permission itself
   * cannot be tested as root, which writes anyway: the advice is).
   */
  @Test
  void aDirectoryWithoutWritePermissionIsNotToBeRemoved() {
    assertEquals("give it write permission, or choose another --output",
        Main.advice("directory /tmp/x is not writable"));
    assertEquals("remove it, or choose another --output",
        Main.advice("path /tmp/x/access.log is not a regular file"));
  }

  @Test
  void aSignalSeenAtTheLastLineOfACountIsNotACutShortRun() throws Exception {
    // The stop is seen every 1,024 lines: here at line 2,048, which is the count asked for.
    Cli c = new Cli(dir, Map.of());
    c.main.sinkDecorator = s -> before(2000, s, c.main::requestStop);
    c.code = c.main.execute(new String[] {"--seed", "1", "--start", "2026-01-01", "--count",
        "2048", "--threads", "1", "--output", "-", "--report", "r.json"});
    assertEquals(Main.OK, c.code, c.toString());
    assertEquals(2048, c.out().lines().count());
    String json = Files.readString(dir.resolve("r.json"));
    assertTrue(json.contains("\"cutShort\":null"), json);
    assertFalse(c.err().contains("cut short"), c.err());
  }

  @Test
  void countWithoutDurationRunsUntilThatManyLines() {
    Cli c = Cli.run(dir, "--seed", "3", "--start", "2026-01-01", "--count", "40000",
        "--sessions-per-hour", "20", "--output", "-", "--format", "common", "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    List<String> lines = c.out().lines().toList();
    assertEquals(40_000, lines.size());
    // 20 sessions an hour write far fewer than that in a day: the window went on past it
    assertFalse(lines.get(lines.size() - 1).contains("[01/Jan/2026"), lines.get(lines.size() - 1));
  }

  @Test
  void countAndDurationStopAtWhicheverComesFirst() {
    Cli c = Cli.run(dir, "--seed", "3", "--start", "2026-01-01", "--duration", "2m",
        "--count", "1000000", "--output", "-", "--quiet");
    assertEquals(Main.OK, c.code);
    long n = c.out().lines().count();
    assertTrue(n > 10 && n < 1_000_000, "lines: " + n);
  }

  @Test
  void countKeepsTheWindowOfTheConfigurationFile() throws Exception {
    Files.writeString(dir.resolve("c.yaml"),
        "window: {start: 2026-01-01T00:00:00Z, duration: 10m}\n");
    Cli c = Cli.run(dir, "--config", "c.yaml", "--seed", "3", "--count", "100000",
        "--output", "-", "--format", "common", "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    List<String> lines = c.out().lines().toList();
    assertTrue(lines.size() > 10 && lines.size() < 100_000, "lines: " + lines.size());
    assertTrue(lines.stream().allMatch(l -> l.contains("[01/Jan/2026:00:0")),
        "every line in the file's 10 minutes: " + lines.get(lines.size() - 1));
  }

  @Test
  void hourlyRotationGzipAndKeep() throws Exception {
    Cli c = Cli.run(dir, "--seed", "8", "--start", "2026-02-01T00:00:00Z", "--duration", "4h",
        "--sessions-per-hour", "300", "--rotate-time", "hourly", "--rotate-size", "none",
        "--keep", "2", "--gzip",
        "--report", "report.json");
    assertEquals(Main.OK, c.code, c.toString());
    Path logs = dir.resolve("logs");
    assertEquals(List.of("access.log", "access.log.2026-02-01-01.1.gz",
        "access.log.2026-02-01-02.1.gz", "error.log", "error.log.2026-02-01-01.1.gz",
        "error.log.2026-02-01-02.1.gz"), Cli.files(logs));
    for (String f : Cli.files(logs)) {
      Cli.lines(logs.resolve(f)); // whole lines, valid gzip
    }
    assertTrue(Cli.lines(logs.resolve("access.log")).stream()
        .allMatch(l -> l.contains("01/Feb/2026:03:")));
    String json = Files.readString(dir.resolve("report.json"), StandardCharsets.UTF_8);
    assertTrue(json.startsWith("{\"seed\":8,\"mode\":\"simulated\",\"site\":\"shop\","
        + "\"format\":\"combined\",\"windowStart\":\"2026-02-01T00:00:00Z\",\"windowEnd\":"
        + "\"2026-02-01T04:00:00Z\",\"cutShort\":null,\"lines\":" + reportedLines(c.out())
        + ","), json);
    assertFalse(c.out().contains("cut short"), c.out());
    assertTrue(json.endsWith("]}\n"), json);
  }

  /**
   * The file's rotation.time takes weekly; --rotate-time refused it. Saturday 23:00 to Monday
   * 23:00 crosses two midnights but one week boundary (Monday 00:00): one archive per log.
   */
  @Test
  void weeklyRotationOnTheCommandLineAsInTheFile() {
    Cli c = Cli.run(dir, "--seed", "8", "--start", "2026-01-10T23:00:00Z", "--duration", "2d",
        "--sessions-per-hour", "20", "--rotate-time", "weekly", "--rotate-size", "none",
        "--no-gzip", "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    assertEquals(List.of("access.log", "access.log.2026-01-05.1", "error.log",
        "error.log.2026-01-05.1"), Cli.files(dir.resolve("logs")));
  }

  @Test
  void sizeRotationByDefaultNamesArchivesByDateAndNumber() {
    Cli c = Cli.run(dir, "--seed", "8", "--start", "2026-02-01T00:00:00Z", "--duration", "1h",
        "--rotate-size", "1MB", "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    List<String> files = Cli.files(dir.resolve("logs"));
    assertTrue(files.contains("access.log.2026-02-01.1.gz"), files.toString());
    long total = Cli.allLines(dir.resolve("logs"), "access.log").size();
    assertTrue(total > 1000, "lines " + total);
  }

  @Test
  void aConfigFileWithCommandLineOverrides() throws Exception {
    Path samples = Path.of("src/main/resources/samples").toAbsolutePath();
    Cli c = Cli.run(dir, "--config", samples.resolve("incident.yaml").toString(), "--duration",
        "3h", "--sessions-per-hour", "200", "--output", "out", "--report", "r.json", "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    String json = Files.readString(dir.resolve("r.json"));
    assertTrue(json.contains("\"seed\":99"), json);
    assertTrue(json.contains("\"windowStart\":\"2026-01-05T08:00:00Z\""), json);
    assertTrue(json.contains("\"db-outage\":"), "the outage at 10:00 is in the 3 hours: " + json);
    assertTrue(Files.exists(dir.resolve("out/access.log")));
  }

  @Test
  void startMovesTheScenariosOfTheFileWithTheWindow() throws Exception {
    Path samples = Path.of("src/main/resources/samples").toAbsolutePath();
    Cli c = Cli.run(dir, "--config", samples.resolve("incident.yaml").toString(), "--start",
        "2026-06-01T08:00:00Z", "--duration", "3h", "--sessions-per-hour", "200", "--output", "-",
        "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    String log = c.out();
    assertTrue(log.contains("01/Jun/2026:10:0") && log.contains("\" 503 "),
        "the outage moved to 10:00 of the new day");
  }

  @Test
  void withoutAWindowInTheFileScenarioInstantsStayWhereTheyAre() throws Exception {
    Files.writeString(dir.resolve("abs.yaml"), """
        traffic: {sessionsPerHour: 300}
        scenarios:
          - {type: outage, start: 2026-11-26T10:00:00Z, duration: 15m, failureShare: 0.9}
          - {type: slow-backend, label: relative, start: 2h, duration: 10m, factor: 5}
        """);
    Cli c = Cli.run(dir, "--config", "abs.yaml", "--seed", "1", "--output", "-", "--format",
        "json", "--start", "2026-11-26T09:00:00Z", "--duration", "2h30m", "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    List<String> outage = c.out().lines().filter(l -> l.contains("\"loggen_scenario\":\"outage\""))
        .toList();
    assertFalse(outage.isEmpty(), "the outage at 10:00 is in the window");
    assertTrue(outage.stream().allMatch(l -> l.startsWith("{\"time\":\"2026-11-26T10:0")
        || l.startsWith("{\"time\":\"2026-11-26T10:1")), outage.get(outage.size() - 1));
    List<String> relative = c.out().lines()
        .filter(l -> l.contains("\"loggen_scenario\":\"relative\"")).toList();
    assertFalse(relative.isEmpty(), "2h after the start: 11:00");
    assertTrue(relative.stream().allMatch(l -> l.startsWith("{\"time\":\"2026-11-26T11:0")),
        relative.get(0));
    assertEquals("", c.err(), "nothing outside the window");
  }

  @Test
  void aScenarioOrBurstWhollyOutsideTheWindowIsAWarningEvenWhenQuiet() throws Exception {
    Files.writeString(dir.resolve("early.yaml"), """
        traffic:
          sessionsPerHour: 300
          bursts: [{start: 2026-01-01T12:00:00Z, duration: 1h, multiplier: 3}]
        scenarios:
          - {type: outage, start: 2026-01-01T10:00:00Z, duration: 15m, failureShare: 0.9}
        """);
    Cli c = Cli.run(dir, "--config", "early.yaml", "--seed", "1", "--output", "-", "--format",
        "json", "--start", "2026-11-26T09:00:00Z", "--duration", "2h", "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    assertFalse(c.out().contains("\"loggen_scenario\":\"outage\""), "not moved to the window");
    assertEquals(List.of("loggen: scenario outage (2026-01-01T10:00:00Z to"
        + " 2026-01-01T10:15:00Z) lies wholly outside the window 2026-11-26T09:00:00Z to"
        + " 2026-11-26T11:00:00Z: no line shows it (warning)",
        "loggen: traffic burst x3 (2026-01-01T12:00:00Z to 2026-01-01T13:00:00Z) lies wholly"
        + " outside the window 2026-11-26T09:00:00Z to 2026-11-26T11:00:00Z: no line shows it"
        + " (warning)"), c.err().lines().toList());
  }

  @Test
  void aBadConfigExitsTwoWithEveryErrorAndWritesNothing() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("access.log"), "an existing line\n");
    Files.writeString(dir.resolve("bad.yaml"), """
        seed: many
        traffic: {sessionsPerHour: 100, zone: Mars/Olympus}
        format: '%h %Q'
        output: {directory: fresh, rotation: {time: 7h}}
        """);
    Cli c = Cli.run(dir, "--config", "bad.yaml");
    assertEquals(Main.USAGE, c.code, c.toString());
    List<String> errors = c.err().lines().toList();
    assertEquals(4, errors.size(), c.err());
    assertTrue(errors.get(0).startsWith("bad.yaml:1:7: seed: expected a whole number"), c.err());
    assertTrue(errors.get(1).startsWith("bad.yaml:2:39: traffic.zone:"), c.err());
    assertTrue(errors.get(2).startsWith("bad.yaml:3:9: format:"), c.err());
    assertTrue(errors.get(3).startsWith("bad.yaml:4:"), c.err());
    assertTrue(errors.get(3).contains(": output.rotation.time:"), c.err());
    assertEquals("an existing line\n", Files.readString(logs.resolve("access.log")));
    assertEquals(List.of("bad.yaml", "logs/access.log"), Cli.files(dir));
    assertFalse(Files.exists(dir.resolve("fresh")));
  }

  @Test
  void anUnwritableOutputIsAnIoFailureNamingThePath() throws Exception {
    Files.writeString(dir.resolve("plain-file"), "x");
    Cli c = Cli.run(dir, "--seed", "1", "--duration", "1m", "--output", "plain-file/logs");
    assertEquals(Main.IO_FAILURE, c.code, c.toString());
    assertTrue(c.err().contains(dir.resolve("plain-file").toString()), c.err());
    assertEquals(1, c.err().lines().filter(l -> l.startsWith("loggen: ") && !l.contains("seed"))
        .count(), c.err());
  }

  /** {@code sink}, running {@code action} before it writes its {@code n}-th line. */
  static LineSink before(int n, LineSink sink, Runnable action) {
    return new LineSink() {
      private int lines;

      @Override
      public void write(byte[] line, int offset, int length, long epochMillis) {
        if (++lines == n) {
          action.run();
        }
        sink.write(line, offset, length, epochMillis);
      }

      @Override
      public void flush() {
        sink.flush();
      }

      @Override
      public void close() {
        sink.close();
      }
    };
  }

  /** Permission checks do not apply to root: tests of them need another user. */
  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Takes away the write permission of a directory (skipping the test when run as root). */
  static Path readOnly(Path directory) {
    Assumptions.assumeFalse(isRoot(), "root writes into a directory without write permission");
    try {
      return Files.setPosixFilePermissions(directory,
          PosixFilePermissions.fromString("r-xr-xr-x"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void ioFailuresAreDescribedInWordsNotJavaClassNames() throws Exception {
    Files.writeString(dir.resolve("afile"), "x");
    Cli out = Cli.run(dir, "--seed", "1", "--duration", "1m", "--output", "afile/sub");
    assertEquals(Main.IO_FAILURE, out.code, out.toString());
    assertTrue(out.err().contains("loggen: directory " + dir.resolve("afile/sub") + " of path "
        + dir.resolve("afile/sub/access.log") + " cannot be created: not a directory\n"),
        out.err());
    assertFalse(out.err().contains("java."), out.err());
    Cli config = Cli.run(dir, "--config", "afile/c.yaml");
    assertEquals(Main.USAGE, config.code, config.toString());
    assertEquals("loggen: cannot read configuration file afile/c.yaml: not a directory\n",
        config.err());
  }

  @Test
  void aConfigurationWithoutReadPermissionSaysSo() throws Exception {
    Assumptions.assumeFalse(isRoot(), "root reads a file without read permission");
    Path c = Files.writeString(dir.resolve("c.yaml"), "seed: 1\n");
    Files.setPosixFilePermissions(c, PosixFilePermissions.fromString("-w-------"));
    Cli config = Cli.run(dir, "--config", "c.yaml");
    assertEquals(Main.USAGE, config.code, config.toString());
    assertEquals("loggen: cannot read configuration file c.yaml: permission denied\n",
        config.err());
  }

  @Test
  void anOutputDirectoryThatRefusesNewFilesEvenToRootSaysSoInWords() {
    Path sys = Path.of("/sys/kernel");
    Assumptions.assumeTrue(Files.isDirectory(sys), "sysfs, where no one creates a file");
    Cli c = Cli.run(dir, "--seed", "1", "--duration", "1m", "--output", sys.toString());
    assertEquals(Main.IO_FAILURE, c.code, c.toString());
    assertTrue(c.err().contains(isRoot() ? "loggen: open failed for " + sys.resolve("access.log")
        + " after 3 attempts: permission denied\n" : "loggen: directory " + sys
        + " is not writable"), c.err());
    assertFalse(c.err().contains("java."), c.err());
  }

  @Test
  void aReportDirectoryWithoutWritePermissionIsRefusedBeforeAnythingIsWritten()
      throws Exception {
    Path ro = readOnly(Files.createDirectories(dir.resolve("ro")));
    Cli c = Cli.run(dir, "--seed", "1", "--duration", "1m", "--output", "out", "--report",
        "ro/r.json");
    assertEquals(Main.USAGE, c.code, c.toString());
    assertEquals("loggen: --report: cannot create a file in directory " + ro
        + ": permission denied\n", c.err());
    assertFalse(Files.exists(dir.resolve("out")), "nothing written");
  }

  @Test
  void aReportDirectoryThatRefusesNewFilesEvenToRootIsRefusedBeforeAnythingIsWritten() {
    Path sys = Path.of("/sys/kernel");
    Assumptions.assumeTrue(Files.isDirectory(sys), "sysfs, where no one creates a file");
    Cli c = Cli.run(dir, "--seed", "1", "--duration", "1m", "--output", "out", "--report",
        sys.resolve("r.json").toString());
    assertEquals(Main.USAGE, c.code, c.toString());
    assertTrue(c.err().startsWith("loggen: --report: cannot create a file in directory "
        + sys + ": "), c.err());
    assertFalse(c.err().contains("java."), c.err());
    assertFalse(Files.exists(dir.resolve("out")), "nothing written");
  }

  @Test
  void aReportThatCannotBeWrittenAfterAllGivesTheReason() throws Exception {
    Assumptions.assumeFalse(isRoot(), "root writes into a directory without write permission");
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Cli c = new Cli(dir, Map.of());
    c.main.sinkDecorator = s -> {
      readOnly(reports); // once the run is under way
      return s;
    };
    c.code = c.main.execute(new String[] {"--seed", "1", "--duration", "1m", "--output", "out",
        "--report", "reports/r.json", "--quiet"});
    assertEquals(Main.IO_FAILURE, c.code, c.toString());
    assertEquals("loggen: cannot write the report " + reports.resolve("r.json")
        + ": permission denied\n", c.err());
  }

  /**
   * The heap suggested is larger than the one that ran out. Before, it was 4g always, even
   * after a 6 GiB heap had run out.
   */
  @Test
  void theHeapSuggestedWhenMemoryRunsOutIsLargerThanTheOneThatDid() {
    long gib = 1L << 30;
    String six = Main.outOfMemory(6 * gib);
    assertTrue(six.contains("the Java heap (at most 6144 MiB)"), six);
    assertTrue(six.contains("give Java a larger heap (java -Xmx12g -jar loggen.jar ...), or"
        + " lower the traffic (--sessions-per-hour, or traffic.sessionsPerHour in the"
        + " configuration) or the sessions' length (session.maxDuration,"
        + " session.maxRequests)"), six);
    assertEquals(4, Main.largerHeapGib(256L << 20));
    assertEquals(4, Main.largerHeapGib(2 * gib));
    assertEquals(5, Main.largerHeapGib(2 * gib + 1));
    assertEquals(Long.MAX_VALUE / gib + 1, Main.largerHeapGib(Long.MAX_VALUE));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void runningOutOfMemoryIsExplainedAndKeepsTheLinesWritten(int threads) throws Exception {
    Cli c = new Cli(dir, Map.of());
    c.main.sinkDecorator = s -> before(101, s, () -> {
      throw new OutOfMemoryError("Java heap space"); // what the heap does on a busy site
    });
    c.code = c.main.execute(new String[] {"--seed", "1", "--duration", "1h", "--no-gzip",
        "--threads", String.valueOf(threads)});
    assertEquals(Main.IO_FAILURE, c.code, c.toString());
    assertEquals(List.of("loggen: " + Main.outOfMemory(Runtime.getRuntime().maxMemory())),
        c.err().lines().filter(l -> !l.startsWith("loggen: seed ")).toList(), c.err());
    assertTrue(c.err().contains("give Java a larger heap (java -Xmx4g"), c.err());
    List<String> written = Cli.lines(dir.resolve("logs/access.log"));
    assertEquals(100, written.size());
    assertTrue(written.stream().allMatch(l -> l.endsWith("\"")), written.toString());
  }

  @Test
  void aHighTrafficLevelSaysWhyTheFirstLineTakesAWhile() {
    LogGenerator.Builder b = LogGenerator.builder().seed(1).site(Sites.shop())
        .window(Instant.parse("2026-03-02T12:00:00Z"), Duration.ofHours(1));
    assertNull(Main.warmUpNotice(b.build()), "the default traffic level");
    assertNull(Main.warmUpNotice(b.traffic(Traffic.sessionsPerHour(400_000).flat()).build()));
    assertEquals("the first line comes after the sessions of the 1h before the window are"
        + " simulated (about 1,000,000 sessions; those still under way at its start belong in"
        + " it): at this traffic level that takes a while",
        Main.warmUpNotice(b.traffic(Traffic.sessionsPerHour(1_000_000).flat()).build()));
    // the rate of the hour before the start counts, and the longest session sets the hour
    Traffic burst = Traffic.sessionsPerHour(100_000).flat()
        .withBurst(Instant.parse("2026-03-02T11:30:00Z"), Duration.ofMinutes(30), 20);
    assertEquals("the first line comes after the sessions of the 1h before the window are"
        + " simulated (about 1,050,000 sessions; those still under way at its start belong in"
        + " it): at this traffic level that takes a while",
        Main.warmUpNotice(b.traffic(burst).build()));
    assertNull(Main.warmUpNotice(b.traffic(Traffic.sessionsPerHour(1_000_000).flat())
        .sessions(SessionSettings.DEFAULT.withLimits(Duration.ofMinutes(20), 2_000)).build()));
    assertTrue(Main.warmUpNotice(b.traffic(Traffic.sessionsPerHour(4_000_000).flat()).build())
        .contains("the 20m before the window are simulated (about 1,333,333 sessions"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"access", "error"})
  void aLogPathThatIsADirectoryIsRefusedBeforeEitherLogIsOpened(String log) throws Exception {
    Path ed = Files.createDirectories(dir.resolve("ed"));
    Files.createDirectories(ed.resolve(log + ".log"));
    Cli c = Cli.run(dir, "--seed", "1", "--duration", "1m", "--output", "ed");
    assertEquals(Main.USAGE, c.code, c.toString());
    assertEquals(List.of("loggen: --output ed: " + ed.resolve(log + ".log") + " is a directory,"
        + " where the " + log + " log is to be written: remove it, or choose another --output"),
        c.err().lines().toList());
    assertEquals(List.of(), Cli.files(ed), "neither log created");
  }

  /**
   * An existing log the user cannot write is refused before either log is opened. Before, the
   * access log was created first, so a run refused for its error.log left a new, empty
   * access.log behind.
   */
  @ParameterizedTest
  @ValueSource(strings = {"access", "error"})
  void aLogWithoutWritePermissionIsRefusedBeforeEitherLogIsOpened(String log) throws Exception {
    Assumptions.assumeFalse(isRoot(), "root writes a file without write permission");
    Path ro = Files.createDirectories(dir.resolve("ro"));
    Path file = Files.writeString(ro.resolve(log + ".log"), "old\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    Cli c = Cli.run(dir, "--seed", "1", "--duration", "1m", "--output", "ro");
    assertEquals(Main.USAGE, c.code, c.toString());
    assertEquals(List.of("loggen: --output ro: " + file + " is not writable, where the " + log
        + " log is to be written: give it write permission, remove it, or choose another"
        + " --output"), c.err().lines().toList());
    assertEquals(List.of(log + ".log"), Cli.files(ro), "the other log not created");
    assertEquals("old\n", Files.readString(file));
  }

  /**
   * An existing log with onExisting fail is a refused configuration: exit 2 before the run
   * starts (no banner, no health server). Before, the run started and then exited 1.
   */
  @Test
  void onExistingFailTouchesNothing() throws Exception {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("error.log"), "old\n");
    Files.writeString(dir.resolve("c.yaml"), "output: {directory: logs, onExisting: fail}\n");
    Cli c = Cli.run(dir, "--config", "c.yaml", "--seed", "1", "--duration", "1m",
        "--health-port", "0");
    assertEquals(Main.USAGE, c.code, c.toString());
    assertEquals(List.of("loggen: output.directory logs: " + logs.resolve("error.log")
        + " already exists and output.onExisting is fail: remove it, set output.onExisting to"
        + " append or truncate, or choose another --output"), c.err().lines().toList());
    assertEquals(List.of("error.log"), Cli.files(logs), "access.log not created");
  }

  /**
   * An error.log that opening would refuse (not a regular file) is refused before either log is
   * opened. Before, the check was the sink's only: with onExisting truncate the access log had
   * been emptied by then.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/dev/null", "dangling", "fifo"})
  void anErrorLogThatIsNotARegularFileIsRefusedBeforeTheAccessLogIsEmptied(String kind)
      throws Exception {
    Path tr = Files.createDirectories(dir.resolve("tr"));
    Path access = Files.writeString(tr.resolve("access.log"), "old line\n");
    Path error = tr.resolve("error.log");
    switch (kind) {
      case "fifo" -> {
        Process p = new ProcessBuilder("mkfifo", error.toString()).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo");
      }
      case "dangling" -> Files.createSymbolicLink(error, tr.resolve("gone"));
      default -> Files.createSymbolicLink(error, Path.of(kind));
    }
    Files.writeString(dir.resolve("c.yaml"), "output: {directory: tr, onExisting: truncate}\n");
    Cli c = Cli.run(dir, "--config", "c.yaml", "--seed", "1", "--duration", "1m");
    assertEquals(Main.USAGE, c.code, c.toString());
    assertEquals(List.of("loggen: output.directory tr: the error log cannot be written: path "
        + error + " is not a regular file (remove it, or choose another --output)"),
        c.err().lines().toList());
    assertEquals("old line\n", Files.readString(access), "the access log untouched");
    Files.delete(error); // not what it points at
  }

  /** LOG_DIR_OVERRIDE gives the directory with a loggen file, and without a file. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void logDirOverrideGivesTheDirectoryOfALoggenRun(boolean withFile) throws Exception {
    Files.writeString(dir.resolve("c.yaml"), "output: {directory: fromfile}\n");
    Path elsewhere = dir.resolve("elsewhere");
    List<String> args = new ArrayList<>(List.of("--seed", "1", "--duration", "1m",
        "--quiet"));
    if (withFile) {
      args.addAll(List.of("--config", "c.yaml"));
    }
    Cli c = Cli.run(dir, Map.of("LOG_DIR_OVERRIDE", elsewhere.toString()),
        args.toArray(new String[0]));
    assertEquals(Main.OK, c.code, c.toString());
    assertTrue(Files.size(elsewhere.resolve("access.log")) > 0);
    assertFalse(Files.exists(dir.resolve("fromfile")), "the file's directory was overridden");
    assertFalse(Files.exists(dir.resolve("logs")), "the default directory was overridden");
    Cli o = Cli.run(dir, Map.of("LOG_DIR_OVERRIDE", elsewhere.toString()), "--seed", "1",
        "--duration", "1m", "--quiet", "--config", "c.yaml", "--output", "cli");
    assertEquals(Main.OK, o.code, o.toString());
    assertTrue(Files.exists(dir.resolve("cli").resolve("access.log")), "--output wins");
  }

  @Test
  void theOldToolsConfigWithAWindowOnTheCommandLine() throws Exception {
    Path legacy = Path.of("src/test/resources/legacy/legacy-config.yaml").toAbsolutePath();
    Path elsewhere = dir.resolve("elsewhere");
    Cli c = Cli.run(dir, Map.of("LOG_DIR_OVERRIDE", elsewhere.toString()), "--config",
        legacy.toString(), "--seed", "4", "--start", "2026-01-01", "--duration", "30m");
    assertEquals(Main.OK, c.code, c.toString());
    assertTrue(c.err().contains("the configuration asks for a live run; the window on the"
        + " command line makes this a simulated run"), c.err());
    assertTrue(Files.size(elsewhere.resolve("access.log")) > 0);
    assertFalse(Files.exists(dir.resolve("logs")), "./logs of the file was overridden");
  }

  @ParameterizedTest
  @ValueSource(strings = {"error_rates: {global_500: 0.01}",
      "session: {min_browsing_duration: 10}", "state_transitions: {}",
      "Seed: 1\nmin_browsing: 1\nsession: {min_browsing: 10s}"})
  void anOldToolsFileWithoutOutputOrAMistypedFileIsALocatedError(String yaml) throws Exception {
    Files.writeString(dir.resolve("m.yaml"), yaml + "\n");
    Cli c = Cli.run(dir, "--config", "m.yaml");
    assertEquals(Main.USAGE, c.code, c.toString());
    List<String> errors = c.err().lines().toList();
    if (yaml.startsWith("Seed")) {
      assertEquals(List.of("m.yaml:1:1: Seed: unknown key 'Seed': did you mean 'seed'?",
          "m.yaml:2:1: min_browsing: unknown key 'min_browsing': expected one of seed, window,"
              + " profile, site, states, normalize, traffic, session, visitors, scenarios,"
              + " format, errorFormat, output, live, health",
          "m.yaml:3:11: session.min_browsing: unknown key 'min_browsing': did you mean"
              + " 'minBrowsing'?"), errors);
    } else {
      assertEquals(1, errors.size(), c.err());
      assertTrue(errors.get(0).startsWith("m.yaml:1:1: output: required key 'output' is missing:"
          + " a file of the old Python generator (this one has '"), c.err());
    }
    assertEquals(List.of("m.yaml"), Cli.files(dir), "nothing written");
  }

  @Test
  void outputOnTheCommandLineStandsInForTheOldToolsRequiredDirectory() throws Exception {
    Path legacy = Path.of("src/test/resources/legacy/legacy-config.yaml").toAbsolutePath();
    String yaml = Files.readString(legacy).replaceAll("(?m)^  directory:.*\n", "");
    assertFalse(yaml.contains("directory:"), yaml);
    Files.writeString(dir.resolve("old.yaml"), yaml);
    Cli c = Cli.run(dir, "--config", "old.yaml", "--seed", "4", "--start", "2026-01-01",
        "--duration", "10m", "--output", "out", "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    assertTrue(Files.size(dir.resolve("out/access.log")) > 0);
    Cli none = Cli.run(dir, "--config", "old.yaml", "--seed", "4", "--start", "2026-01-01",
        "--duration", "10m", "--quiet");
    assertEquals(Main.USAGE, none.code, none.toString());
    assertTrue(none.err().startsWith("old.yaml:"), none.err());
    assertTrue(none.err().contains(": output.directory: required key 'directory' is missing"),
        none.err());
  }

  @Test
  void theOldToolsEnvironmentVariablesGiveTheConfiguration() throws Exception {
    String yaml = "output: {directory: envlogs, rate: 0.5, pre_warm: false}\n";
    String b64 = java.util.Base64.getEncoder().encodeToString(yaml.getBytes(
        StandardCharsets.UTF_8));
    Cli c = Cli.run(dir, Map.of("LOG_GENERATOR_CONFIG_YAML_B64", b64), "--seed", "4",
        "--start", "2026-01-01", "--duration", "2m", "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    assertTrue(Files.size(dir.resolve("envlogs/access.log")) > 0);
    Cli bad = Cli.run(dir, Map.of("LOG_GENERATOR_CONFIG_YAML",
        "output: {directory: x, rate: fast}\n"),
        "--duration", "1m");
    assertEquals(Main.USAGE, bad.code, bad.toString());
    assertTrue(bad.err().startsWith("LOG_GENERATOR_CONFIG_YAML:1:30: output.rate:"), bad.err());
  }

  @Test
  void aConfigurationPathFromTheEnvironmentIsNamedWhenItCannotBeRead() throws Exception {
    Path missing = dir.resolve("nonexistent.yaml");
    Cli c = Cli.run(dir, Map.of("LOG_GENERATOR_CONFIG_PATH", missing.toString()));
    assertEquals(Main.USAGE, c.code, c.toString());
    assertEquals(List.of("loggen: configuration file " + missing + " (from"
        + " LOG_GENERATOR_CONFIG_PATH) does not exist"), c.err().lines().toList());
    Files.createDirectories(dir.resolve("a-directory.yaml"));
    Cli d = Cli.run(dir, Map.of("LOG_GENERATOR_CONFIG_PATH", "a-directory.yaml"), "--config",
        "a-directory.yaml");
    assertEquals(Main.USAGE, d.code, d.toString());
    assertTrue(d.err().startsWith("loggen: cannot read configuration file a-directory.yaml"
        + " (from LOG_GENERATOR_CONFIG_PATH): "), d.err());
    assertEquals(List.of(), Cli.files(dir), "nothing written");
  }

  @Test
  void aVariableThatWinsOverConfigSaysSo() throws Exception {
    Files.writeString(dir.resolve("mine.yaml"), "seed: 7\n");
    Cli c = Cli.run(dir, Map.of("LOG_GENERATOR_CONFIG_YAML", "seed: 5\n"), "--config",
        "mine.yaml", "--start", "2026-01-01", "--duration", "1m", "--output", "-", "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    assertEquals("loggen: LOG_GENERATOR_CONFIG_YAML is set and gives the configuration (the"
        + " old tool's order): --config mine.yaml is not read (warning)",
        c.err().lines().findFirst().orElse(""), c.toString());
    Cli file = Cli.run(dir, Map.of("LOG_GENERATOR_CONFIG_PATH", "mine.yaml"), "--config",
        "mine.yaml", "--start", "2026-01-01", "--duration", "1m", "--output", "-", "--quiet");
    assertEquals("", file.err(), "the same file either way: nothing to warn about");
    Files.writeString(dir.resolve("other.yaml"), "seed: 6\n");
    Cli other = Cli.run(dir, Map.of("LOG_GENERATOR_CONFIG_PATH", "other.yaml"), "--config",
        "./mine.yaml", "--start", "2026-01-01", "--duration", "1m", "--output", "-", "--quiet");
    assertEquals("loggen: LOG_GENERATOR_CONFIG_PATH is set and gives the configuration (the"
        + " old tool's order): --config ./mine.yaml is not read (warning)",
        other.err().lines().findFirst().orElse(""), other.toString());
  }

  /**
   * A second loggen writing the directory of a running one failed with "internal error (please
   * report it)" and a stack trace: the sink's refusal of a locked file is an I/O failure told in
   * its own words.
   */
  @ParameterizedTest
  @ValueSource(strings = {"access.log", "error.log"})
  void aLogAnotherLoggenWritesIsAnIoFailureNotAnInternalError(String log) throws Exception {
    Path out = dir.resolve("busy");
    try (RotatingFileSink other = FileSinks.rotating(out.resolve(log)).build()) {
      Cli c = Cli.run(dir, "--seed", "1", "--count", "10", "--output", "busy", "--quiet");
      assertEquals(Main.IO_FAILURE, c.code, c.toString());
      assertTrue(c.err().contains(out.resolve(log) + " is being written by another sink"),
          c.err());
      // the command line's advice, not the sink's for code ("give each sink a file")
      assertTrue(c.err().endsWith("; stop that run, or give this one another --output\n"),
          c.err());
      assertFalse(c.err().contains("internal error") || c.err().contains("\tat "), c.err());
      assertEquals(1, c.err().lines().count(), c.err());
      assertTrue(other.toString().contains(log), "the other sink is untouched");
    }
  }

  /**
   * With onExisting: truncate, access.log was emptied before the error log's sink found the
   * error.log another loggen writes: both logs are locked before either is emptied.
   */
  @Test
  void anErrorLogAnotherLoggenWritesLeavesTheAccessLogAsItWas() throws Exception {
    Path tr = Files.createDirectories(dir.resolve("tr"));
    Path access = Files.writeString(tr.resolve("access.log"), "old line\n");
    Files.writeString(dir.resolve("c.yaml"), "output: {directory: tr, onExisting: truncate}\n");
    try (RotatingFileSink other = FileSinks.rotating(tr.resolve("error.log")).build()) {
      Cli c = Cli.run(dir, "--config", "c.yaml", "--seed", "1", "--duration", "1m",
          "--quiet");
      assertEquals(Main.IO_FAILURE, c.code, c.toString());
      assertTrue(c.err().contains(tr.resolve("error.log") + " is being written by another sink"),
          c.err());
      assertEquals("old line\n", Files.readString(access), "the access log untouched");
      assertTrue(other.toString().contains("error.log"), "the other sink is untouched");
    }
    Cli again = Cli.run(dir, "--config", "c.yaml", "--seed", "1", "--duration", "1m",
        "--quiet");
    assertEquals(Main.OK, again.code, "the locks were let go: " + again);
    assertFalse(Files.readString(access).startsWith("old line"), "emptied, then written");
  }

  /**
   * A live run waits for a --start ahead of now; one in the year 2400 overflowed the wait in
   * nanoseconds and wrote at once, then warned it was 6.7e9 s behind.
   */
  @Test
  void aLiveStartYearsAheadIsRefused() throws Exception {
    Cli c = Cli.run(dir, "--live", "--start", "2400-01-01T00:00:00Z", "--count", "3",
        "--output", "-", "--seed", "1");
    assertEquals(Main.USAGE, c.code, c.toString());
    assertTrue(c.err().startsWith("loggen: --start 2400-01-01T00:00:00Z is more than 366 days"
        + " ahead: a live run waits for its start"), c.err());
    assertEquals("", c.out(), "nothing written");
  }
}
