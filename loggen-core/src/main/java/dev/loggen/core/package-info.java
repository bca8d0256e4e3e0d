/**
 * The public API of loggen: the {@link dev.loggen.core.LogGenerator} and its builder, the
 * {@link dev.loggen.core.AccessEvent} it produces, the site and traffic models, the
 * {@link dev.loggen.core.Report}, and the two ports that formats and sinks implement:
 * {@link dev.loggen.core.LogFormat} and {@link dev.loggen.core.LineSink}.
 */
@NullMarked
package dev.loggen.core;

import org.jspecify.annotations.NullMarked;
