package dev.loggen.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GoAccess, the terminal and HTML log analyser, reads our Common, Combined, Apache
 * {@code vhost_combined} and nginx combined files with its built-in COMMON, COMBINED and
 * VCOMBINED formats: every line valid, none failed, and its totals (requests, bandwidth, status
 * classes) equal to what we wrote. Runs where {@code goaccess} is installed
 * (Debian: {@code apt-get install goaccess}) and is skipped, saying so, elsewhere.
 */
class GoAccessTest {
  private static final int LINES = 20_000;

  @TempDir Path dir;

  @BeforeAll
  static void needsGoAccess() {
    Assumptions.assumeTrue(ExternalTool.runs("goaccess", "--version"),
        "goaccess is not installed; skipping the GoAccess test");
  }

  private static final String NGINX_COMBINED = "$remote_addr - $remote_user [$time_local]"
      + " \"$request\" $status $body_bytes_sent \"$http_referer\" \"$http_user_agent\"";

  /**
   * Our format, the GoAccess format that reads it, the site. Apache's {@code vhost_combined}
   * logs {@code %O} (headers included), so its bandwidth is not the body bytes and is not
   * compared.
   */
  @ParameterizedTest(name = "{0} as {1}, {2}")
  @CsvSource({"combined, COMBINED, shop", "combined, COMBINED, blog", "combined, COMBINED, api",
      "common, COMMON, shop", "vhost_combined, VCOMBINED, shop", "nginx, COMBINED, blog"})
  void readsEveryLineAndAddsUpTheSame(String format, String theirs, String site)
      throws Exception {
    LogFormat ours = switch (format) {
      case "common" -> LogFormats.common();
      case "combined" -> LogFormats.combined();
      case "nginx" -> LogFormats.nginx(NGINX_COMBINED);
      default -> LogFormats.apache(format);
    };
    Path log = dir.resolve(site + ".log");
    long bytes = 0;
    long[] classes = new long[6];
    try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      Iterator<AccessEvent> it = TestEvents.generatedWithScenarios(7, site);
      for (int i = 0; i < LINES; i++) {
        AccessEvent e = it.next();
        w.write(ours.format(e));
        w.write('\n');
        bytes += e.bytes();
        classes[e.status() / 100]++;
      }
    }
    Path report = dir.resolve(site + ".json");
    Process p = new ProcessBuilder("goaccess", log.toString(),
        "--log-format=" + theirs, "--no-progress",
        "-o", report.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("goaccess.out").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "goaccess finished");
    assertEquals(0, p.exitValue(), () -> "goaccess failed: " + read(dir.resolve("goaccess.out")));

    JsonNode general = new ObjectMapper().readTree(report.toFile()).get("general");
    assertEquals(LINES, general.get("total_requests").asLong(), general::toString);
    assertEquals(LINES, general.get("valid_requests").asLong(), general::toString);
    assertEquals(0, general.get("failed_requests").asLong(), general::toString);
    if (!format.equals("vhost_combined")) {
      assertEquals(bytes, general.get("bandwidth").asLong(), general::toString);
    }
    JsonNode statuses = new ObjectMapper().readTree(report.toFile()).at("/status_codes/data");
    for (JsonNode s : statuses) {
      int cls = s.get("data").asText().charAt(0) - '0';
      assertEquals(classes[cls], s.at("/hits/count").asLong(), s::toString);
    }
    assertTrue(statuses.size() >= 3, statuses::toString);
  }

  private static String read(Path p) {
    try {
      List<String> lines = Files.readAllLines(p);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }
}
