package dev.loggen.examples;

import dev.loggen.core.LogGenerator;
import dev.loggen.core.Sites;
import dev.loggen.core.Traffic;
import dev.loggen.formats.LogFormats;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The fluent API in a few lines: ten minutes of the shop site, the first lines printed in
 * Combined format.
 *
 * <pre>{@code java -cp loggen.jar dev.loggen.examples.QuickStart [seed]}</pre>
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Prints 20 lines.
   *
   * @param args optional seed (default 42)
   */
  public static void main(String[] args) {
    ExampleMain.run(QuickStart.class, "[seed]", 1, args,
        a -> run(a.whole(0, "seed", 42), 20, System.out));
  }

  /**
   * Prints {@code lines} lines of ten simulated minutes of the shop site.
   *
   * @param seed the seed
   * @param lines how many lines to print, 0 or more
   * @param out where to print them
   * @throws IllegalArgumentException when {@code lines} is negative
   */
  public static void run(long seed, int lines, PrintStream out) {
    Objects.requireNonNull(out, "out");
    if (lines < 0) {
      throw new IllegalArgumentException("lines must not be negative (got " + lines + ")");
    }
    LogGenerator gen = LogGenerator.builder()
        .seed(seed)
        .site(Sites.shop())
        .traffic(Traffic.sessionsPerHour(2_000))
        .window(Instant.parse("2026-01-01T12:00:00Z"), Duration.ofMinutes(10))
        .build();
    var combined = LogFormats.combined();
    gen.events().limit(lines).map(combined::format).forEach(out::println);
  }
}
