/**
 * Sinks: where rendered lines go. {@link dev.loggen.sinks.StreamSink} writes to any output
 * stream (standard output included), {@link dev.loggen.sinks.MemorySink} collects lines for
 * tests, and {@link dev.loggen.sinks.FileSinks#rotating(java.nio.file.Path)} builds a
 * {@link dev.loggen.sinks.RotatingFileSink} with size and time rotation, logrotate or logback
 * naming, background gzip, retention, crash repair and retries. {@link dev.loggen.sinks.Sinks}
 * gathers the factories in one place.
 *
 * <p>All sinks implement {@link dev.loggen.core.LineSink}: they take whole lines, append the
 * {@code '\n'}, buffer internally and write large chunks, and never split or drop a line.
 */
@NullMarked
package dev.loggen.sinks;

import org.jspecify.annotations.NullMarked;
