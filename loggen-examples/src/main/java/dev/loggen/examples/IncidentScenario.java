package dev.loggen.examples;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Report;
import dev.loggen.core.Scenario;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.FileSinks;
import dev.loggen.sinks.RotatingFileSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An incident to test alerting and detection rules against (a SIEM, a log pipeline): six hours
 * of the shop with a database outage (502/503/504 for 15 minutes) and a credential-stuffing
 * attack on the login (hundreds of {@code POST /login} a minute from a dozen addresses, almost
 * all 401). Besides {@code access.log} and {@code error.log} it writes the ground truth,
 * {@code labels.csv}: one row per labelled request, its time always with milliseconds (so the
 * rows sort as text in time order),
 *
 * <pre>
 * time,client,method,path,status,label
 * 2026-01-05T10:00:00.412Z,203.0.113.7,GET,/cart,503,db-outage
 * </pre>
 *
 * so a test can check that a rule fires on exactly those requests. The outage's label is on
 * every request made while it lasts, failed or not (a detection rule for it should fire on its
 * failures, which are the 502, 503 and 504 among them); the attack's on every request of the
 * attack's sessions.
 *
 * <pre>{@code java -cp loggen.jar dev.loggen.examples.IncidentScenario [dir] [seed]}</pre>
 */
public final class IncidentScenario {
  /** ISO-8601 in UTC with milliseconds always ({@code Instant.toString} drops {@code .000}). */
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** Start of the six hours. */
  public static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  /** The outage: 10:00 to 10:15. */
  public static final Scenario OUTAGE = new Scenario.Outage("db-outage",
      START.plus(Duration.ofHours(2)), Duration.ofMinutes(15), 0.6);
  /** The attack: 11:00 to 11:45, 300 attempts a minute from 12 addresses. */
  public static final Scenario ATTACK = new Scenario.CredentialStuffing("credential-stuffing",
      START.plus(Duration.ofHours(3)), Duration.ofMinutes(45), 300, 12);

  private IncidentScenario() {}

  /**
   * Writes the incident into {@code logs/incident} (or the directory given).
   *
   * @param args optional directory and seed (default {@code logs/incident}, 99)
   */
  public static void main(String[] args) {
    ExampleMain.run(IncidentScenario.class, "[dir] [seed]", 2, args, a -> {
      Path dir = a.path(0, "dir", "logs/incident");
      long seed = a.whole(1, "seed", 99);
      Map<String, Long> labels = run(dir, seed, 3_000);
      System.out.println("labelled requests: " + labels + " (ground truth in "
          + dir.resolve("labels.csv") + ")");
    });
  }

  /**
   * The generator of the incident.
   *
   * @param seed the seed
   * @param sessionsPerHour ordinary traffic around the incident
   * @return the generator
   */
  public static LogGenerator generator(long seed, double sessionsPerHour) {
    return LogGenerator.builder()
        .seed(seed)
        .site(Sites.shop())
        .traffic(Traffic.sessionsPerHour(sessionsPerHour).withZone("Europe/Berlin"))
        .scenario(OUTAGE)
        .scenario(ATTACK)
        .window(START, Duration.ofHours(6))
        .build();
  }

  /**
   * Writes {@code access.log}, {@code error.log} and {@code labels.csv} into {@code dir}.
   *
   * @param dir the directory (created if needed; files in it are replaced)
   * @param seed the seed
   * @param sessionsPerHour ordinary traffic around the incident
   * @return labelled requests per label
   */
  public static Map<String, Long> run(Path dir, long seed, double sessionsPerHour) {
    LogGenerator gen = generator(seed, sessionsPerHour);
    // openAll: both files locked before either is emptied, so that an error log another
    // program writes refuses the run with the access log as it was; run() closes both
    List<RotatingFileSink> logs = RotatingFileSink.openAll(
        FileSinks.rotating(dir.resolve("access.log")).truncate(),
        FileSinks.rotating(dir.resolve("error.log")).truncate());
    Report report = gen.writer()
        .format(LogFormats.combined())
        .to(logs.get(0))
        .errors(LogFormats.apacheError(), logs.get(1))
        .run();
    // The same seed gives the same events: a second pass picks out the labelled ones.
    Map<String, Long> counts = new TreeMap<>();
    Path labels = dir.resolve("labels.csv");
    try (BufferedWriter w = Files.newBufferedWriter(labels, StandardCharsets.UTF_8)) {
      w.write("time,client,method,path,status,label\n");
      for (Iterator<AccessEvent> it = gen.iterator(); it.hasNext(); ) {
        AccessEvent e = it.next();
        if (e.scenario() == null) {
          continue;
        }
        counts.merge(e.scenario(), 1L, Long::sum);
        w.write(MILLIS.format(e.instant()) + "," + csv(e.clientAddress()) + "," + e.method() + ","
            + csv(e.path()) + "," + e.status() + "," + csv(e.scenario()) + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + labels, e);
    }
    if (!counts.equals(report.scenarios())) {
      throw new IllegalStateException("labels " + counts + " differ from the report "
          + report.scenarios());
    }
    return counts;
  }

  private static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
