package dev.loggen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Example output" is what the command line writes: every line of each of its code
 * blocks is a line of the run its text describes (the options of the section's first line, plus
 * the block's own {@code --format}). Written after that section had gone stale unnoticed.
 */
class ReadmeExampleTest {
  private static final Pattern FORMAT = Pattern.compile("--format (?:'([^']*)'|(\\w+))");

  @TempDir
  Path dir;

  @Test
  void everyExampleLineIsInTheRunItDescribes() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int from = readme.indexOf("## Example output");
    int to = readme.indexOf("\n## ", from + 1);
    assertTrue(from >= 0 && to > from, "README has an Example output section");
    String section = readme.substring(from, to);
    Matcher run = Pattern.compile("`(--seed [^`]*)`").matcher(section);
    assertTrue(run.find(), "the section names its run");
    List<String> options = new ArrayList<>(Arrays.asList(run.group(1).split(" ")));

    String[] parts = section.split("```");
    int blocks = 0;
    for (int i = 1; i + 1 < parts.length; i += 2) {
      String text = parts[i - 1];
      List<String> lines = parts[i].lines().filter(l -> !l.isEmpty()).toList();
      Matcher m = FORMAT.matcher(text.substring(Math.max(0, text.lastIndexOf("\n\n"))));
      String format = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : "combined";
      if (text.contains("The error log")) {
        for (String line : lines) {
          boolean apache = line.startsWith("[");
          assertContains(errorLog(options, apache ? "combined" : "$remote_addr $status"), line);
        }
      } else {
        List<String> out = accessLog(options, format);
        for (String line : lines) {
          assertContains(out, line);
        }
      }
      blocks++;
    }
    assertEquals(7, blocks, "code blocks in the section");
  }

  private static void assertContains(List<String> output, String line) {
    assertTrue(output.contains(line), () -> "README example line not in the run's output:\n"
        + line + "\nthe run's first lines:\n"
        + String.join("\n", output.subList(0, Math.min(3, output.size()))));
  }

  private List<String> accessLog(List<String> options, String format) {
    List<String> args = new ArrayList<>(options);
    args.addAll(List.of("--format", format, "--output", "-", "--quiet"));
    Cli c = Cli.run(dir, args.toArray(new String[0]));
    assertEquals(0, c.code, c::toString);
    return c.out().lines().toList();
  }

  private List<String> errorLog(List<String> options, String format) throws IOException {
    Path out = Files.createTempDirectory(dir, "run");
    List<String> args = new ArrayList<>(options);
    args.addAll(List.of("--format", format, "--output", out.toString(), "--quiet"));
    Cli c = Cli.run(dir, args.toArray(new String[0]));
    assertEquals(0, c.code, c::toString);
    return Cli.lines(out.resolve("error.log"));
  }
}
