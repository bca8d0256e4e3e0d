/**
 * Implementation of the formats and parsers: byte buffers, escaping, the per-second timestamp
 * cache, the compiled Apache and nginx format programs and the line matcher. Not an API: the
 * classes are public only so that {@code dev.loggen.formats} can reach them, and may change
 * without notice.
 */
@NullMarked
package dev.loggen.formats.internal;

import org.jspecify.annotations.NullMarked;
