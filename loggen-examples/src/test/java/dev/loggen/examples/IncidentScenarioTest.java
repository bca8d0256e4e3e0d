package dev.loggen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentScenarioTest {
  @TempDir Path dir;

  @Test
  void labelsAreTheGroundTruthOfTheLog() throws Exception {
    Map<String, Long> counts = IncidentScenario.run(dir, 99, 300);
    assertEquals(Set.of("credential-stuffing", "db-outage"), counts.keySet());
    assertTrue(counts.get("credential-stuffing") > 10_000, counts.toString());
    List<String> rows = Files.readAllLines(dir.resolve("labels.csv"));
    assertEquals("time,client,method,path,status,label", rows.get(0));
    assertEquals(counts.values().stream().mapToLong(Long::longValue).sum(), rows.size() - 1);

    Set<String> attackers = new HashSet<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      Instant t = Instant.parse(f[0]);
      // always with milliseconds: the rows sort as text in time order
      assertEquals(24, f[0].length(), row);
      String label = f[f.length - 1];
      int status = Integer.parseInt(f[f.length - 2]);
      if (label.equals("db-outage")) {
        assertTrue(IncidentScenario.OUTAGE.covers(t.toEpochMilli()), row);
      } else {
        assertTrue(IncidentScenario.ATTACK.covers(t.toEpochMilli()), row);
        assertEquals("POST", f[2], row);
        attackers.add(f[1]);
        assertTrue(status == 401 || status == 302 || status == 200, row);
      }
    }
    assertEquals(12, attackers.size(), "the attack's addresses");

    // every labelled request is in the access log, and outage failures are in the error log
    String access = Files.readString(dir.resolve("access.log"));
    long outage5xx = 0;
    for (String row : rows.subList(1, Math.min(rows.size(), 400))) {
      String[] f = row.split(",");
      assertTrue(access.contains(f[1] + " ") && access.contains(" " + f[3] + " "), row);
    }
    for (String row : rows) {
      if (row.endsWith(",db-outage") && row.matches(".*,50[234],db-outage")) {
        outage5xx++;
      }
    }
    assertTrue(outage5xx > 0);
    assertTrue(Files.readString(dir.resolve("error.log")).contains("AH01114"),
        "the outage's 503s are in the error log");
  }
}
