package dev.loggen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.config.ConfigException;
import dev.loggen.core.config.ConfigNode;
import dev.loggen.core.config.CoreConfig;
import dev.loggen.core.config.CoreSettings;
import dev.loggen.core.config.YamlConfig;
import dev.loggen.formats.FormatConfig;
import dev.loggen.formats.FormatSettings;
import dev.loggen.sinks.OutputConfig;
import dev.loggen.sinks.OutputSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example in {@link CoreConfig}'s Javadoc (every module's binder over one tree, then one
 * report of unknown keys and errors), as written there: it named classes that do not exist.
 */
class ConfigBindersExampleTest {
  @TempDir
  Path dir;

  @Test
  void theJavadocExampleBindsEveryModuleAndReportsOnce() throws IOException {
    Path path = Files.writeString(dir.resolve("shop.yaml"), """
        seed: 7
        profile: shop
        format: json
        output: {directory: logs, rotation: {time: hourly}}
        """);
    ConfigNode root = YamlConfig.load(path);
    CoreSettings core = CoreConfig.read(root);
    FormatSettings format = FormatConfig.read(root); // claims "format"
    OutputSettings output = OutputConfig.read(root); // claims "output"
    root.reportUnknownKeys();                        // "trafic": did you mean "traffic"?
    root.diagnostics().throwIfErrors();              // every error of every section at once
    assertEquals(7L, core.seed());
    assertEquals("json", format.formatOrDefault().name());
    assertEquals("logs", output.directory());

    Path bad = Files.writeString(dir.resolve("bad.yaml"), """
        trafic: {sessionsPerHour: 10}
        format: jsn
        """);
    ConfigNode badRoot = YamlConfig.load(bad);
    CoreConfig.read(badRoot);
    FormatConfig.read(badRoot);
    OutputConfig.read(badRoot);
    badRoot.reportUnknownKeys();
    String message = assertThrows(ConfigException.class,
        () -> badRoot.diagnostics().throwIfErrors()).getMessage();
    assertTrue(message.contains("did you mean 'traffic'?") && message.contains("jsn"), message);
  }
}
