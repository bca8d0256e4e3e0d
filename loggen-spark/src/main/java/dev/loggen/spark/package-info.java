/**
 * loggen on Apache Spark: one task per slice of a run, each writing its own file through
 * Hadoop's {@code FileSystem} API with loggen's own renderer, then a manifest.
 * {@link dev.loggen.spark.LoggenSpark} is the Java API for a user's Spark job,
 * {@link dev.loggen.spark.SparkMain} the main class for {@code spark-submit}, and
 * {@link dev.loggen.spark.Manifest} what a run wrote. Spark and Hadoop are {@code provided}: the
 * cluster brings them. Classes in {@code dev.loggen.spark.internal} are not part of the API.
 */
@NullMarked
package dev.loggen.spark;

import org.jspecify.annotations.NullMarked;
