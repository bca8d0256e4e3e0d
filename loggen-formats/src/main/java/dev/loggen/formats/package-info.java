/**
 * Log formats and parsers for loggen: {@link dev.loggen.formats.LogFormats} renders
 * {@link dev.loggen.core.AccessEvent}s as NCSA Common and Combined lines, flat JSON and Elastic
 * Common Schema lines, any Apache {@code LogFormat} or nginx {@code log_format} string, and
 * Apache and nginx error-log lines; {@link dev.loggen.formats.LogParsers} reads such lines back
 * into {@link dev.loggen.formats.LogRecord}s.
 *
 * <p>Everything in this package is immutable and thread-safe except the renderers that
 * {@link dev.loggen.core.LogFormat#newRenderer()} returns, which belong to one thread. Nothing
 * takes null but what is marked {@code @Nullable}: a null argument elsewhere is a
 * {@link NullPointerException} naming the parameter, thrown before anything is done. Classes in
 * {@code dev.loggen.formats.internal} are not part of the API.
 */
@NullMarked
package dev.loggen.formats;

import org.jspecify.annotations.NullMarked;
