package dev.loggen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line: every bad flag is exit 2 with one line on stderr, and writes nothing. */
class UsageTest {
  @TempDir Path dir;

  static Stream<Arguments> bad() {
    return Stream.of(
        Arguments.of(List.of("--sed", "1"),
            "unknown option '--sed': did you mean '--seed'? (see --help)"),
        Arguments.of(List.of("--colour"), "unknown option '--colour' (see --help)"),
        // What the user gave is quoted with the characters that would act on a terminal (an
        // escape sequence, a right-to-left override, a line break) escaped: on one line, visible.
        Arguments.of(List.of("--format", "x\033[31my\u202e"),
            "--format: unknown format 'x\\u001B[31my\\u202E'"),
        Arguments.of(List.of("--profile", "sh\nop"),
            "--profile: 'sh\\u000Aop' is not a built-in site"),
        Arguments.of(List.of("--seed"), "--seed needs a value: --seed N"),
        // a forgotten value is not taken from the next option ("--output --quiet" once wrote
        // into a directory named --quiet)
        Arguments.of(List.of("--output", "--quiet"), "--output needs a value: --output DIR|-"
            + " (got the option --quiet; write --output=--quiet for a value that starts with --)"),
        Arguments.of(List.of("--format", "--seed=3"), "--format needs a value: --format F"),
        // ... nor from a mistyped option ("--output --quite" wrote into a directory --quite)
        Arguments.of(List.of("--output", "--quite", "--seed", "1"), "--output needs a value:"
            + " --output DIR|- (got --quite: did you mean '--quiet'?; write --output=--quite"
            + " for a value that starts with --)"),
        Arguments.of(List.of("--report", "--seeed=2"), "--report needs a value: --report FILE"
            + " (got --seeed=2: did you mean '--seed'?; write --report=--seeed=2 for a value"
            + " that starts with --)"),
        Arguments.of(List.of("--config", "--colour"), "--config needs a value: --config FILE"
            + " (got --colour; write --config=--colour for a value that starts with --)"),
        Arguments.of(List.of("--seed", "x"), "--seed: expected a whole number (got 'x')"),
        // ASCII digits only, as in the configuration: Long.parseLong took any script's digits
        Arguments.of(List.of("--seed", "\uff14\uff12"),
            "--seed: expected a whole number (got '\uff14\uff12')"),
        Arguments.of(List.of("--threads", "\u0662", "--count", "3"),
            "--threads: expected a whole number (got '\u0662')"),
        Arguments.of(List.of("--count", "-\u0663"),
            "--count: expected a whole number (got '-\u0663')"),
        Arguments.of(List.of("--seed", "99999999999999999999"), "--seed: expected a whole number"
            + " from -9223372036854775808 to 9223372036854775807 (got 99999999999999999999)"),
        Arguments.of(List.of("--count", "99999999999999999999"), "--count: expected a whole"
            + " number from 1 to 9223372036854775807 (got 99999999999999999999)"),
        Arguments.of(List.of("--count", "-99999999999999999999"),
            "--count: expected a whole number of at least 1 (got -99999999999999999999)"),
        Arguments.of(List.of("--health-port", "-99999999999999999999"),
            "--health-port: expected a whole number from 0 to 65535 (got -99999999999999999999)"),
        Arguments.of(List.of("--seed=1", "--seed=2"), "--seed was given twice"),
        Arguments.of(List.of("--count", "0"),
            "--count: expected a whole number of at least 1 (got 0)"),
        Arguments.of(List.of("--duration", "0s"), "--duration: expected a positive duration"
            + " such as 90s, 15m, 6h, 1d or 7d (got '0s')"),
        Arguments.of(List.of("--duration", "ten minutes"), "--duration: expected a positive"
            + " duration such as 90s, 15m, 6h, 1d or 7d (got 'ten minutes')"),
        Arguments.of(List.of("--start", "yesterday"), "--start: expected an ISO-8601 instant"
            + " such as 2026-01-01T00:00:00Z, with an offset (2026-01-01T01:00:00+01:00), or a"
            + " date (2026-01-01, midnight UTC) (got 'yesterday')"),
        Arguments.of(List.of("--format", "%h %Z"), "--format: invalid Apache LogFormat"
            + " \"%h %Z\": unknown directive '%Z' at position 4"),
        Arguments.of(List.of("--format", "$remote_adr"), "--format: invalid nginx log_format"),
        Arguments.of(List.of("--format", "fancy"), "--format: unknown format 'fancy'"),
        Arguments.of(List.of("--profile", "shopp"),
            "--profile: 'shopp' is not a built-in site: expected one of api, blog, shop"),
        Arguments.of(List.of("--sessions-per-hour", "0"),
            "--sessions-per-hour: expected a positive number up to 240000000 (got '0')"),
        Arguments.of(List.of("--rotate-size", "big"),
            "--rotate-size: expected a size such as 100MB, 512KB or 1GB, or none (got 'big')"),
        Arguments.of(List.of("--rotate-size", "9999999999GB"),
            "--rotate-size: expected a size of at most 8388607TB, or none (got '9999999999GB')"),
        Arguments.of(List.of("--rotate-size", "99999999999999999999"),
            "--rotate-size: expected a size of at most 8388607TB, or none"),
        Arguments.of(List.of("--rotate-size", "0MB"),
            "--rotate-size: expected a positive size such as 100MB, or none (got '0MB')"),
        Arguments.of(List.of("--rotate-time", "fortnightly"), "--rotate-time: expected hourly,"
            + " daily, weekly, none or a positive period such as 15m or 6h (got 'fortnightly')"),
        Arguments.of(List.of("--rotate-time", "0m"), "--rotate-time: expected hourly,"
            + " daily, weekly, none or a positive period such as 15m or 6h (got '0m')"),
        Arguments.of(List.of("--rotate-time", "7h"), "--rotate-time: a period must divide a day"
            + " evenly (such as 15m or 6h) or be whole days (such as 2d) (got '7h')"),
        Arguments.of(List.of("--keep", "0"),
            "--keep: expected a whole number from 1 to 2147483647 (got 0)"),
        Arguments.of(List.of("--gzip", "--no-gzip"), "--gzip and --no-gzip contradict each"
            + " other"),
        Arguments.of(List.of("--rotate-size", "none", "--rotate-time", "none", "--gzip"),
            "--gzip needs rotation, and --rotate-size none with --rotate-time none turns it off"),
        Arguments.of(List.of("--output", "-", "--keep", "3"), "rotation options apply to"
            + " files, and --output - writes the access log to stdout"),
        Arguments.of(List.of("--rate", "100"), "--rate applies to live runs: add --live (a"
            + " simulated run writes as fast as it can)"),
        Arguments.of(List.of("--live", "--rate", "-5"),
            "--rate: expected a positive number up to 10000000 (got '-5')"),
        Arguments.of(List.of("--live", "--start", "2026-01-01", "--duration", "1h"),
            "--live goes on from now: give --start (history from then) or --duration (that"
                + " much history), not both"),
        Arguments.of(List.of("--live=yes"), "--live takes no value (got 'yes')"),
        Arguments.of(List.of("--health-port", "70000"),
            "--health-port: expected a whole number from 0 to 65535 (got 70000)"),
        Arguments.of(List.of("--health-bind", "0.0.0.0"), "--health-bind needs --health-port"),
        // the server could not bind there: was exit 1 once the run had started
        Arguments.of(List.of("--health-port", "0", "--health-bind", "no-such-host.invalid"),
            "--health-bind: expected an IP address or host name of this machine, such as"
                + " 127.0.0.1 or 0.0.0.0 (got 'no-such-host.invalid': unknown host)"),
        Arguments.of(List.of("--health-port", "0", "--health-bind", "192.0.2.1"),
            "--health-bind: expected an IP address or host name of this machine, such as"
                + " 127.0.0.1 or 0.0.0.0 (got '192.0.2.1': 192.0.2.1 is not an address of this"
                + " machine)"),
        Arguments.of(List.of("--threads", "0"),
            "--threads: expected a whole number from 1 to 256 (got 0)"),
        Arguments.of(List.of("--report", "no/such/dir/r.json"), "--report: directory "),
        Arguments.of(List.of("--output", "-", "--report", "-"), "--report - and --output -"
            + " would both write to stdout: give --report a file name"),
        Arguments.of(List.of("--start", "+12026-01-01T00:00:00Z"),
            "--start: window start must be between years 1 and 9999"),
        Arguments.of(List.of("--start", "9999-12-31T23:59:00Z", "--duration", "5m"),
            "--start, --duration: window must end by the end of the year 9999"),
        Arguments.of(List.of("--start", "9999-12-31T23:00:00Z"),
            "--start: window must end by the end of the year 9999"),
        Arguments.of(List.of("--config", "missing.yaml"),
            "configuration file missing.yaml does not exist"),
        Arguments.of(List.of("shop.yaml"), "unexpected argument 'shop.yaml' (give a"
            + " configuration file with --config shop.yaml) (see --help)"));
  }

  /**
   * The reference says a larger file is rejected from its size, before it is read; the command
   * line read 10 MiB of it first ("the file is too large"). A sparse 100 MB file: its size alone.
   */
  @Test
  void anOversizedConfigurationIsRefusedFromItsSize() throws Exception {
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(
        dir.resolve("huge.yaml").toFile(), "rw")) {
      f.write("seed: 1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      f.setLength(100L * 1024 * 1024);
    }
    Cli c = Cli.run(dir, "--config", "huge.yaml");
    assertEquals(Main.USAGE, c.code, c.toString());
    assertEquals(List.of("huge.yaml:1:1: the file is 104857600 bytes: larger than the limit of"
        + " 10485760 bytes (10 MiB) for a configuration"), c.err().lines().toList());
    assertEquals(List.of("huge.yaml"), Cli.files(dir), "nothing written");
  }

  /** Durations longer than the longest window, however long, are told the limit. */
  static Stream<Arguments> tooLong() {
    return Stream.of(List.of("--duration", "3000000d"), List.of("--duration", "P3000000D"),
        List.of("--duration", "99999999999999999999d"), List.of("--live", "--duration", "400000d"),
        List.of("--rotate-time", "3000000d")).map(args -> {
          String option = args.get(args.size() - 2);
          return Arguments.of(args, option + ": expected a "
              + (option.equals("--duration") ? "duration" : "period") + " of at most 366000d"
              + " (1000 years) (got '" + args.get(args.size() - 1) + "')");
        });
  }

  @ParameterizedTest
  @MethodSource({"bad", "tooLong"})
  void badCommandLinesExitWithTwoAndOneLine(List<String> args, String message) throws Exception {
    Cli c = Cli.run(dir, args.toArray(String[]::new));
    assertEquals(Main.USAGE, c.code, c.toString());
    List<String> lines = c.err().lines().toList();
    assertEquals(1, lines.size(), c.toString());
    assertTrue(lines.get(0).startsWith("loggen: " + message), c.toString());
    assertEquals("", c.out());
    assertEquals(List.of(), Cli.files(dir), "nothing written");
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(0, s.count(), "no directory created");
    }
  }

  @Test
  void helpListsEveryOptionAndExitsZero() {
    Cli c = Cli.run(dir, "--help");
    assertEquals(Main.OK, c.code);
    for (String o : List.of("--config FILE", "--profile NAME", "--seed N", "--format F",
        "--start INSTANT", "--duration D", "--count N", "--sessions-per-hour N",
        "--output DIR|-", "--rotate-size SIZE", "--rotate-time WHEN", "--gzip", "--keep N",
        "--live", "--rate N", "--report FILE", "--health-port N", "--health-bind ADDR",
        "--quiet", "--threads N", "--help", "--version")) {
      assertTrue(c.out().contains("  " + o + " "), o + " missing from\n" + c.out());
    }
    assertTrue(c.out().lines().allMatch(l -> l.length() <= 80), c.out());
    assertEquals("", c.err());
    assertEquals(Main.OK, Cli.run(dir, "-h").code);
  }

  /**
   * The help states what README's option table and exit codes state: the limits of --duration,
   * --count's end at the window's, periods of whole days for --rotate-time, SIGHUP's exit 0 and
   * a too small heap's exit 1.
   */
  @Test
  void helpStatesTheLimitsAndExitCodesReadmeStates() {
    String help = String.join(" ", Cli.run(dir, "--help").out().split("\\s+"));
    for (String s : List.of("1h30m (default 1d; at most 366000d, and the window ends by the end"
        + " of the year 9999)", "or at the window's end if that comes first",
        "a period dividing a day (15m, 6h) or of whole days (2d)",
        "SIGTERM, SIGINT (Ctrl-C) or SIGHUP", "1 an I/O failure or a heap too small")) {
      assertTrue(help.contains(s), s + " missing from\n" + help);
    }
  }

  /** A value that starts with one dash is a value: a negative number, or - for stdout. */
  @Test
  void negativeNumbersAndADashAreValues() {
    Cli c = Cli.run(dir, "--seed", "-5", "--start", "2026-01-01", "--duration", "1m",
        "--output", "-", "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    assertTrue(c.out().lines().count() > 10, c.toString());
    assertEquals(List.of(), Cli.files(dir), "the access log went to stdout");
  }

  @Test
  void versionExitsZero() {
    Cli c = Cli.run(dir, "--version");
    assertEquals(Main.OK, c.code);
    assertTrue(c.out().startsWith("loggen "), c.out());
  }

  @Test
  void bothSpellingsOfValuesWork() {
    Cli a = Cli.run(dir, "--seed=5", "--start=2026-01-01T00:00:00Z", "--duration=2m",
        "--output=-", "--quiet");
    Cli b = Cli.run(dir, "--seed", "5", "--start", "2026-01-01T00:00:00Z", "--duration",
        "2m", "--output", "-", "--quiet");
    assertEquals(Main.OK, a.code, a.toString());
    assertEquals(a.out(), b.out());
    assertTrue(a.out().lines().count() > 50, a.toString());
  }
}
