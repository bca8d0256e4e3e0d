package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogFormat;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * fail2ban's stock filters, the rules many servers ban attackers with, find exactly the error
 * lines they are written for in our Apache and nginx error logs: {@code apache-auth} every
 * failed basic-auth login and every denied request, {@code nginx-http-auth} every failed
 * basic-auth login, {@code nginx-limit-req} every rate-limited (503) request. Runs where
 * {@code fail2ban-regex} and the filters are installed (Debian: {@code apt-get install
 * fail2ban}) and is skipped, saying so, elsewhere.
 */
class Fail2banTest {
  private static final Path FILTERS = Path.of("/etc/fail2ban/filter.d");
  private static final Pattern LINES =
      Pattern.compile("Lines: (\\d+) lines, (\\d+) ignored, (\\d+) matched, (\\d+) missed");

  @TempDir Path dir;

  @BeforeAll
  static void needsFail2ban() {
    Assumptions.assumeTrue(Files.isRegularFile(FILTERS.resolve("apache-auth.conf"))
        && ExternalTool.runs("fail2ban-regex", "--version"), "fail2ban-regex or its filters in "
        + FILTERS + " are not installed; skipping the fail2ban test");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"apache-auth, apache", "nginx-http-auth, nginx", "nginx-limit-req, nginx"})
  void stockFilterMatchesExactlyTheLinesItIsFor(String filter, String server) throws Exception {
    LogFormat errors = server.equals("apache") ? LogFormats.apacheError()
        : LogFormats.nginxError();
    Predicate<AccessEvent> meant = switch (filter) {
      case "apache-auth" -> e -> e.status() == 403 || e.status() == 401 && e.user() != null;
      case "nginx-http-auth" -> e -> e.status() == 401 && e.user() != null;
      default -> e -> e.status() == 503;
    };
    Path log = dir.resolve(filter + ".log");
    int lines = 0;
    int expected = 0;
    int failedLogins = 0;
    try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      Iterator<AccessEvent> it = TestEvents.generatedWithScenarios(3, "shop");
      for (int i = 0; i < 30_000; i++) {
        AccessEvent e = it.next();
        // A signed-in visitor whose browser sends a wrong password: a failed basic-auth login.
        if (e.user() != null && e.status() == 200 && i % 7 == 0) {
          e = e.withStatus(401, 381);
          failedLogins++;
        }
        if (errors.accepts(e)) {
          w.write(errors.format(e));
          w.write('\n');
          lines++;
          if (meant.test(e)) {
            expected++;
          }
        }
      }
    }
    assertTrue(failedLogins > 0 && expected > 0, filter + ": nothing to find");

    Process p = new ProcessBuilder("fail2ban-regex", log.toString(),
        FILTERS.resolve(filter + ".conf").toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "fail2ban-regex finished");
    Matcher m = LINES.matcher(out);
    assertTrue(m.find(), () -> "no summary in fail2ban-regex output:\n" + out);
    assertEquals(lines, Integer.parseInt(m.group(1)), out);
    assertEquals(0, Integer.parseInt(m.group(2)), out);
    assertEquals(expected, Integer.parseInt(m.group(3)), filter + " matched\n" + out);
  }
}
