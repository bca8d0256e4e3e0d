package dev.loggen.core.config;

import dev.loggen.core.internal.Printable;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a configuration comes from: a file, or YAML text with a name for messages (an
 * environment variable, say).
 *
 * @param name the name messages give the source: the file as given, or e.g.
 *     {@code LOG_GENERATOR_CONFIG_YAML}
 * @param file the file, or null for text
 * @param text the YAML text, or null for a file
 */
public record ConfigSource(String name, @Nullable Path file, @Nullable String text) {

  /**
   * Checks that exactly one of file and text is given.
   *
   * @param name the name messages give the source
   * @param file the file, or null for text
   * @param text the YAML text, or null for a file
   */
  public ConfigSource {
    Objects.requireNonNull(name, "name");
    if ((file == null) == (text == null)) {
      throw new IllegalArgumentException("give either a file or a text");
    }
  }

  /**
   * A file.
   *
   * @param path the file
   * @return the source, named as the path is written
   */
  public static ConfigSource file(Path path) {
    return new ConfigSource(path.toString(), path, null);
  }

  /**
   * YAML text.
   *
   * @param name what messages call the text
   * @param yaml the text
   * @return the source
   */
  public static ConfigSource text(String name, String yaml) {
    return new ConfigSource(name, null, Objects.requireNonNull(yaml, "yaml"));
  }

  /**
   * Reads the source (see {@link YamlConfig}).
   *
   * @return the root of the configuration tree
   * @throws ConfigException when it is not a YAML mapping or breaks a limit
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public ConfigNode load() {
    return file != null ? YamlConfig.load(file) : YamlConfig.parse(text, name);
  }

  /**
   * The decoded bytes of the base64 variable as text, refused when they are not UTF-8 (decoded
   * leniently, a Latin-1 file's 'é' became U+FFFD and a whole binary file one odd scalar, which
   * was then reported as "expected a mapping").
   */
  /**
   * The error for a base64 variable the decoder refused: at the first character outside the
   * alphabet, which it names (the decoder's own words gave its code in hex: "Illegal base64
   * character 21"), else for a length that is not a multiple of four, else in the decoder's words.
   */
  private static ConfigException notBase64(String b64, IllegalArgumentException e) {
    int letters = 0;
    for (int i = 0; i < b64.length(); ) {
      int c = b64.codePointAt(i);
      boolean alphabet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '+' || c == '/' || c == '=';
      if (!alphabet && !Character.isWhitespace(c)) {
        return new ConfigException(YamlConfig.errorAt(LegacyConfig.ENV_YAML_B64, b64, i,
            "is not valid base64: '" + Printable.of(new String(Character.toChars(c)))
                + "' is not a base64 character (expected A-Z, a-z, 0-9, + and /, with = at the"
                + " end)"));
      }
      if (alphabet) {
        letters++;
      }
      i += Character.charCount(c);
    }
    String problem = letters % 4 != 0
        ? "its " + letters + " characters (spaces and line breaks aside) are not a multiple of"
            + " 4: cut short, or its = padding left out?"
        : String.valueOf(e.getMessage());
    return new ConfigException(new ConfigError(LegacyConfig.ENV_YAML_B64, 1, 1, "",
        "is not valid base64: " + problem));
  }

  private static String utf8(byte[] bytes) {
    return YamlConfig.utf8(bytes, LegacyConfig.ENV_YAML_B64,
        "decodes to bytes that are not UTF-8 text", "encode the configuration saved as UTF-8");
  }

  /**
   * The configuration the old Python generator would read, highest precedence first:
   * {@code LOG_GENERATOR_CONFIG_YAML_B64} (base64 of the YAML), {@code LOG_GENERATOR_CONFIG_YAML}
   * (the YAML itself), {@code LOG_GENERATOR_CONFIG_PATH} (a file), then {@code positional}.
   * Blank variables count as unset. ({@code LOG_DIR_OVERRIDE} is applied by
   * {@link LegacyConfig#read}.)
   *
   * @param env the environment: {@code System.getenv()}, or a map in tests
   * @param positional the file named on the command line, or null
   * @return the source, or empty when there is none
   * @throws ConfigException when a variable's value is not valid base64, decodes to bytes that
   *     are not UTF-8, or is not a path
   */
  public static Optional<ConfigSource> fromEnvironment(Map<String, String> env,
      @Nullable Path positional) {
    Objects.requireNonNull(env, "env");
    String b64 = env.get(LegacyConfig.ENV_YAML_B64);
    if (b64 != null && !b64.isBlank()) {
      byte[] bytes;
      try {
        // line breaks (base64 wraps at 76 columns) and spaces are fine; anything else outside
        // the alphabet is an error: the MIME decoder would skip it and decode the rest
        bytes = Base64.getDecoder().decode(b64.replaceAll("\\s+", ""));
      } catch (IllegalArgumentException e) {
        throw notBase64(b64, e);
      }
      return Optional.of(text(LegacyConfig.ENV_YAML_B64, utf8(bytes)));
    }
    String yaml = env.get(LegacyConfig.ENV_YAML);
    if (yaml != null && !yaml.isBlank()) {
      return Optional.of(text(LegacyConfig.ENV_YAML, yaml));
    }
    String path = env.get(LegacyConfig.ENV_PATH);
    if (path != null && !path.isBlank()) {
      try {
        return Optional.of(file(Path.of(path.trim())));
      } catch (InvalidPathException e) {
        throw new ConfigException(new ConfigError(LegacyConfig.ENV_PATH, 1, 1, "",
            "is not a path: " + e.getMessage()));
      }
    }
    return Optional.ofNullable(positional).map(ConfigSource::file);
  }
}
