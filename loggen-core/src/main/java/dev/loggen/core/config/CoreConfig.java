package dev.loggen.core.config;

import dev.loggen.core.LogGenerator;
import dev.loggen.core.Site;
import dev.loggen.core.config.internal.CoreBinder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Binds the core sections of a loggen YAML configuration: {@code seed}, {@code window},
 * {@code profile}, {@code site}, {@code states} and {@code normalize}, {@code traffic},
 * {@code session}, {@code visitors} and {@code scenarios} (every key is listed in
 * {@code docs/config-reference.md}).
 *
 * <p><b>Core only:</b> {@link #load(Path)} reads a file and returns a ready
 * {@link LogGenerator.Builder}, or throws a {@link ConfigException} listing every error of the
 * file ({@code shop.yaml:12:5: traffic.hourly[24]: expected at most 24 values (got 25)}).
 *
 * <p><b>With other modules:</b> sections such as {@code format} (loggen-formats) and
 * {@code output} (loggen-sinks) are bound by their modules. Each binder takes the root
 * {@link ConfigNode}, claims its top-level keys by reading them (or with
 * {@link ConfigNode#claim}), and records its errors in the tree's {@link Diagnostics}. The
 * caller runs every binder, then reports the keys nobody claimed and throws once:
 *
 * <pre>{@code
 * ConfigNode root = YamlConfig.load(path);
 * CoreSettings core = CoreConfig.read(root);
 * FormatSettings format = FormatConfig.read(root); // claims "format"
 * OutputSettings output = OutputConfig.read(root); // claims "output"
 * root.reportUnknownKeys();                        // "trafic": did you mean "traffic"?
 * root.diagnostics().throwIfErrors();              // every error of every section at once
 * }</pre>
 *
 * <p>The command-line generator's {@code LoggenConfig.load(path)} (loggen-examples) does exactly
 * that for core, formats and sinks, and reads the old Python tool's files through
 * {@link LegacyConfig}. A caller that only wants core can pass the keys other modules own to
 * {@link #load(Path, Set)} so they are not reported unknown.
 *
 * <p><b>Pure:</b> reading and validating never create a directory or file or touch anything but
 * the configuration itself, so a run that fails on its configuration has written nothing; a
 * command-line tool must finish all configuration (every binder, then
 * {@link Diagnostics#throwIfErrors()}) before it opens any output.
 */
public final class CoreConfig {
  /** The top-level keys core binds. */
  public static final Set<String> KEYS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
      "seed", "window", "profile", "site", "states", "normalize", "traffic", "session",
      "visitors", "scenarios")));

  private CoreConfig() {}

  /**
   * Binds the core sections of {@code root}, claiming {@link #KEYS}. Errors are recorded in
   * {@code root.diagnostics()}; the result is meaningful only when there are none. Unknown keys
   * are not reported here (other binders may still claim them): call
   * {@link ConfigNode#reportUnknownKeys()} after the last binder.
   *
   * @param root the root of the tree
   * @return the core settings the tree gives
   */
  public static CoreSettings read(ConfigNode root) {
    Objects.requireNonNull(root, "root");
    return CoreBinder.read(root, Instead.NOTHING);
  }

  /**
   * What a run takes from elsewhere in place of a file's settings: a command line's options,
   * which win over the file. The file's other settings are checked against these, where they are
   * written: the scenarios' pages against {@code site}, the bursts' peak against
   * {@code sessionsPerHour}, the window against {@code start}.
   *
   * @param site the site the run uses instead of the file's, or null
   * @param sessionsPerHour the sessions per hour it uses instead of the file's, or null
   * @param start the window start it uses instead of the file's, or null
   */
  public record Instead(@Nullable Site site, @Nullable Double sessionsPerHour,
      @Nullable Instant start) {
    /** Nothing in place of the file's settings. */
    public static final Instead NOTHING = new Instead(null, null, null);
  }

  /**
   * Like {@link #read(ConfigNode)}, for a run that takes some settings from elsewhere
   * ({@code instead}): the file is checked against them. The result still holds the file's own
   * values: apply {@code instead}'s with {@link CoreSettings#withSite} and the like.
   *
   * @param root the root of the tree
   * @param instead what the run uses in place of the file's settings
   * @return the core settings the tree gives
   */
  public static CoreSettings read(ConfigNode root, Instead instead) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(instead, "instead");
    return CoreBinder.read(root, instead);
  }

  /**
   * Reads a configuration with only core sections into a builder.
   *
   * @param file the YAML file
   * @return a builder with the file's settings
   * @throws ConfigException listing every error of the file
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static LogGenerator.Builder load(Path file) {
    return load(file, Set.of());
  }

  /**
   * Reads the core sections of a configuration into a builder; the top-level keys in
   * {@code otherKeys} belong to other modules and are left alone (neither read nor reported
   * unknown).
   *
   * @param file the YAML file
   * @param otherKeys top-level keys bound by other modules
   * @return a builder with the file's core settings
   * @throws ConfigException listing every error of the file
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static LogGenerator.Builder load(Path file, Set<String> otherKeys) {
    return bindAll(YamlConfig.load(file), otherKeys);
  }

  /**
   * Like {@link #load(Path, Set)} for YAML text.
   *
   * @param yaml the YAML text
   * @param sourceName the name messages give the text
   * @param otherKeys top-level keys bound by other modules
   * @return a builder with the text's core settings
   * @throws ConfigException listing every error of the text
   */
  public static LogGenerator.Builder parse(String yaml, String sourceName,
      Set<String> otherKeys) {
    return bindAll(YamlConfig.parse(yaml, sourceName), otherKeys);
  }

  private static LogGenerator.Builder bindAll(ConfigNode root, Set<String> otherKeys) {
    Objects.requireNonNull(otherKeys, "otherKeys");
    if (LegacyConfig.isLegacy(root)) {
      root.claim(root.keys());
      root.error("this is a configuration of the old Python generator (it has "
          + LegacyConfig.markers(root) + "): read it with LegacyConfig.load or the command-line"
          + " generator's --config");
      root.diagnostics().throwIfErrors();
    }
    root.claim(otherKeys);
    CoreSettings settings = read(root);
    root.reportUnknownKeys();
    root.diagnostics().throwIfErrors();
    return settings.toBuilder();
  }
}
