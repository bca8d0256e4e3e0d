package dev.loggen.cli;

import dev.loggen.core.LogGenerator;
import dev.loggen.core.Report;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.Sinks;
import java.time.Duration;
import java.time.Instant;

/** The command-line generator (interim: one simulated hour of the shop site to stdout). */
public final class Main {
  private Main() {}

  /**
   * Runs the generator.
   *
   * @param args ignored for now
   */
  public static void main(String[] args) {
    Report r = LogGenerator.builder().seed(42)
        .window(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofHours(1)).build()
        .writer().format(LogFormats.combined()).to(Sinks.stdout()).run();
    System.err.print(r);
  }
}
