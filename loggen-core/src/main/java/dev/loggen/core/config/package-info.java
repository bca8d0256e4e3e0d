/**
 * YAML configuration: everything the fluent API can set, read from a file with every error
 * located by file, line, column and key path.
 *
 * <ul>
 *   <li>{@link dev.loggen.core.config.YamlConfig} reads YAML safely (no object construction,
 *       limits on size, aliases and nesting) into a {@link dev.loggen.core.config.ConfigNode}
 *       tree that remembers where every value is;
 *   <li>{@link dev.loggen.core.config.ConfigNode}'s typed accessors record errors in
 *       {@link dev.loggen.core.config.Diagnostics} instead of throwing at the first, and report
 *       unknown keys with a suggestion; a {@link dev.loggen.core.config.ConfigException} lists
 *       them all;
 *   <li>{@link dev.loggen.core.config.CoreConfig} binds the core sections; other modules bind
 *       theirs ({@code format}, {@code output}) from the same tree;
 *   <li>{@link dev.loggen.core.config.LegacyConfig} reads the old Python tool's files with the
 *       same meaning, and {@link dev.loggen.core.config.ConfigSource} finds them the way that
 *       tool did (environment variables first).
 * </ul>
 *
 * <p>Reading and binding are pure: nothing is created or written, so a run that fails on its
 * configuration leaves no trace. The key reference is {@code docs/config-reference.md}.
 */
@NullMarked
package dev.loggen.core.config;

import org.jspecify.annotations.NullMarked;
