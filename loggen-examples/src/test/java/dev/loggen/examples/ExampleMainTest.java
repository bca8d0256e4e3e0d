package dev.loggen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example main classes run as their Javadoc shows, in a JVM of their own: a bad argument
 * was a NumberFormatException's stack trace ({@code QuickStart abc}), a bad rate an
 * IllegalArgumentException's, and a directory that cannot be created the sink's, all with exit
 * status 1; now one line naming the argument, its value and what was expected, the usage, and
 * exit status 2, or the library's message alone and exit status 1 for a run that fails.
 */
class ExampleMainTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(Class<?> example, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), example.getName()));
    command.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ends");
    } finally {
      p.destroyForcibly();
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private void refused(Class<?> example, String usage, String message, String... args)
      throws Exception {
    Run r = run(example, args);
    assertEquals(example.getSimpleName() + ": " + message + "\nusage: java -cp loggen.jar "
        + example.getName() + " " + usage + "\n", r.err().replace("\r\n", "\n"));
    assertEquals(2, r.code(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aBadArgumentIsOneLineAndTheUsage() throws Exception {
    refused(QuickStart.class, "[seed]", "seed: expected a whole number (got 'abc')", "abc");
    // what would act on the terminal is escaped, as the command line escapes it
    refused(QuickStart.class, "[seed]", "seed: expected a whole number (got '\\u001B[2J1"
        + "\\u000A2')", "\u001b[2J1\n2");
    refused(CustomSite.class, "[seed]", "expected at most 1 argument (got 2)", "1", "2");
    refused(LiveTraffic.class, "[rate] [seconds] [seed]",
        "rate: expected a number above 0 and at most 10000000 (got '-5')", "-5");
    refused(LiveTraffic.class, "[rate] [seconds] [seed]",
        "seconds: expected a whole number, 0 or more (got '-3')", "10", "-3");
    refused(LogFixtures.class, "[dir] [seed]", "seed: expected a whole number (got '1.5')",
        dir.resolve("fixture").toString(), "1.5");
    assertFalse(Files.exists(dir.resolve("fixture")), "nothing written");
  }

  @Test
  void aRunThatFailsIsTheLibrarysMessage() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Run r = run(IncidentScenario.class, file.resolve("incident").toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().startsWith("IncidentScenario: directory " + file.resolve("incident")
        + " of path " + file.resolve("incident").resolve("access.log") + " cannot be created"),
        r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals("x", Files.readString(file));
  }
}
