package dev.loggen.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM, shared by every test class of the fork: local mode with
 * two threads and up to four attempts per task ({@code local[2,4]}), so retries happen as on a
 * cluster; no UI; bound to the loopback address.
 */
final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .appName("loggen-spark-tests")
          .master("local[2,4]")
          .config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.default.parallelism", "2")
          .config("spark.sql.debug.maxToStringFields", "100")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
    }
    return session;
  }
}
