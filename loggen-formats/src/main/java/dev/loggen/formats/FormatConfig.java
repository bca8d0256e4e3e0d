package dev.loggen.formats;

import dev.loggen.core.LogFormat;
import dev.loggen.core.config.ConfigNode;
import dev.loggen.core.internal.Printable;
import dev.loggen.formats.internal.Formats;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Binds the {@code format} and {@code errorFormat} keys of a loggen YAML configuration (the
 * module-binder protocol of {@link dev.loggen.core.config.CoreConfig}):
 *
 * <pre>{@code
 * format: combined                          # common | combined | json | ecs
 * format: '%h %l %u %t "%r" %>s %b %D'      # an Apache LogFormat (it has % directives)
 * format: '$remote_addr [$time_local] "$request" $status'   # nginx (it has $variables)
 * format: {apache: '%h %l %u %t "%r" %>s %b'}
 * format: {nginx: '{"ip":"$remote_addr","ua":"$http_user_agent"}', escape: json}
 * errorFormat: apache                       # apache | nginx | none
 * }</pre>
 *
 * <p>A format string that cannot be read (an unknown directive or variable) is an error at the
 * key's line and column, carrying the formats' own message, which quotes the string and the
 * position in it. Binding creates nothing and opens nothing.
 */
public final class FormatConfig {
  /** The top-level keys this binder reads. */
  public static final Set<String> KEYS =
      Collections.unmodifiableSet(new LinkedHashSet<>(List.of("format", "errorFormat")));

  /** The names {@link #parse(String)} accepts besides format strings. */
  public static final List<String> NAMES = List.of("common", "combined", "json", "ecs");

  private static final Pattern NGINX_VARIABLE = Pattern.compile("\\$[A-Za-z_{]");

  private FormatConfig() {}

  /**
   * Binds {@code format} and {@code errorFormat} of {@code root}, recording errors in its
   * diagnostics (call {@code root.diagnostics().throwIfErrors()} after every binder ran).
   *
   * @param root the root of the configuration tree
   * @return what the keys gave (nulls for absent keys)
   */
  public static FormatSettings read(ConfigNode root) {
    Objects.requireNonNull(root, "root");
    root.claim(KEYS);
    LogFormat format = format(root.get("format"));
    ErrorFormat error = root.get("errorFormat").enumValue(ErrorFormat.class).orElse(null);
    return new FormatSettings(format, error);
  }

  private static @Nullable LogFormat format(ConfigNode node) {
    if (node.isMissing()) {
      return null;
    }
    if (node.isMapping()) {
      Map<String, ConfigNode> keys = node.map();
      boolean apache = keys.containsKey("apache");
      boolean nginx = keys.containsKey("nginx");
      for (String k : keys.keySet()) {
        if (!k.equals("apache") && !k.equals("nginx") && !k.equals("escape")) {
          keys.get(k).keyNode().error("unknown key '" + k + "': expected apache, or nginx"
              + " with an optional escape");
        }
      }
      if (apache == nginx) {
        node.error("expected exactly one of 'apache' or 'nginx' (a format string of that"
            + " server)");
        return null;
      }
      if (apache && keys.containsKey("escape")) {
        keys.get("escape").keyNode().error("'escape' applies to nginx formats only");
      }
      if (apache) {
        ConfigNode s = node.get("apache");
        return s.nonBlankString().map(f -> build(s, () -> withFields(LogFormats.apache(f), f,
            false))).orElse(null);
      }
      NginxEscape escape = NginxEscape.DEFAULT;
      ConfigNode e = node.get("escape");
      if (e.isPresent()) {
        Optional<String> v = e.choice("default", "json", "none");
        if (v.isEmpty()) {
          return null;
        }
        escape = NginxEscape.fromParameter(v.get());
      }
      NginxEscape esc = escape;
      ConfigNode s = node.get("nginx");
      return s.nonBlankString().map(f -> build(s, () -> withFields(LogFormats.nginx(f, esc), f,
          true))).orElse(null);
    }
    Optional<String> text = node.string();
    if (text.isEmpty()) {
      return null;
    }
    return build(node, () -> parse(text.get()));
  }

  /**
   * {@code format} itself, or an error when it is a format string of text alone
   * ({@link Formats#requireFields}), with a hint when the text is a format's name.
   */
  private static LogFormat withFields(LogFormat format, String spec, boolean nginx) {
    String name = spec.trim().toLowerCase(Locale.ROOT);
    return Formats.requireFields(format, spec, nginx,
        NAMES.contains(name) || Formats.isApacheNickname(name)
            ? "for the " + name + " format, write format: " + name : "");
  }

  private static @Nullable LogFormat build(ConfigNode at, Supplier<LogFormat> f) {
    try {
      return f.get();
    } catch (IllegalArgumentException e) {
      at.error(e.getMessage());
      return null;
    }
  }

  /**
   * Reads a format as the command line and the scalar form of {@code format} give it: a name
   * ({@code common}, {@code combined}, {@code json}, {@code ecs}, or one of Apache's stock
   * nicknames {@code combinedio}, {@code vhost_combined}, {@code referer}, {@code agent}), an
   * nginx {@code log_format} string (it has a {@code $variable}), or an Apache
   * {@code LogFormat} string (it has a {@code %} directive).
   *
   * @param spec the name or format string
   * @return the format
   * @throws IllegalArgumentException naming what was wrong: an unknown name, the formats'
   *     message quoting the string and the position of the bad directive or variable, or an
   *     Apache {@code LogFormat} string of text alone ({@code 100%% up}: no directive, so every
   *     line would be the same)
   */
  public static LogFormat parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    String name = spec.trim().toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("format must not be empty: expected "
          + String.join(", ", NAMES) + ", or an Apache or nginx format string");
    }
    if (NAMES.contains(name)) {
      return LogFormats.named(name);
    }
    if (name.equals("apache-error") || name.equals("nginx-error")) {
      throw new IllegalArgumentException("'" + spec.trim() + "' is an error-log format: choose"
          + " the error log with errorFormat (apache, nginx or none) and an access-log format"
          + " here");
    }
    if (NGINX_VARIABLE.matcher(spec).find()) {
      return LogFormats.nginx(spec);
    }
    if (spec.indexOf('%') >= 0) {
      return withFields(LogFormats.apache(spec), spec, false);
    }
    if (Formats.isApacheNickname(name)) {
      return LogFormats.apache(name);
    }
    throw new IllegalArgumentException("unknown format '" + Printable.of(spec) + "': expected "
        + String.join(", ", NAMES) + ", an Apache LogFormat string (with % directives, e.g."
        + " '%h %l %u %t \"%r\" %>s %b') or an nginx log_format string (with $variables, e.g."
        + " '$remote_addr [$time_local] \"$request\" $status')");
  }
}
