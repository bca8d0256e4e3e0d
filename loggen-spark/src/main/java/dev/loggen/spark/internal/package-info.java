/**
 * Internals of loggen-spark, not part of the API: the task-side slice writer and its
 * commit protocol, file names, the serialisable Hadoop configuration and JSON output.
 */
@NullMarked
package dev.loggen.spark.internal;

import org.jspecify.annotations.NullMarked;
