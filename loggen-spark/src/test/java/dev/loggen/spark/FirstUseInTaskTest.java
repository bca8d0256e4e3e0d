package dev.loggen.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.loggen.core.RunSpec;
import dev.loggen.formats.LogFormats;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first generation of this JVM happens inside a Spark task: on JDK 17 a framework's task
 * thread (its context class loader) is where {@code RandomGeneratorFactory.of} lookups fail, and
 * the failure then sticks for the JVM. loggen's own {@code Rng} does no lookup. Runs in a
 * surefire fork of its own (execution {@code first-use-in-task}), where nothing generates on the
 * driver before the jobs (tagged {@code own-jvm}, which the default execution excludes).
 */
@Tag("own-jvm")
class FirstUseInTaskTest {
  private static final RunSpec SPEC = RunSpec.defaults().withSeed(5).withSessionsPerHour(600)
      .withWindow(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofHours(1));

  @Test
  void theFirstGenerationOfTheJvmIsInsideASparkTask(@TempDir Path tmp) throws Exception {
    SparkSession spark = TestSpark.session();
    assertNull(loaded("dev.loggen.core.internal.BlockEngine"),
        "nothing generated in this JVM before the job");
    assertNull(loaded("dev.loggen.core.random.Rng"), "no random stream made before the job");

    // First job: generate inside the tasks under a context class loader that sees nothing but
    // the JDK, as hostile as a framework's can be.
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Long> counts = jsc.parallelize(List.of(0, 1), 2).map(k -> {
      Thread t = Thread.currentThread();
      ClassLoader saved = t.getContextClassLoader();
      t.setContextClassLoader(new URLClassLoader(new URL[0], null));
      try {
        return SPEC.toGenerator().slice(k, 2).events().count();
      } finally {
        t.setContextClassLoader(saved);
      }
    }).collect();

    // Second job: the real thing, in Spark's own task threads.
    Path out = tmp.resolve("out");
    Manifest m = LoggenSpark.write(spark, SPEC, 2, out.toUri().toString());

    assertNotNull(loaded("dev.loggen.core.internal.BlockEngine"), "the tasks generated");
    assertEquals(m.parts().get(0).lines(), counts.get(0));
    assertEquals(m.parts().get(1).lines(), counts.get(1));
    Runs.verify(out, SPEC, LogFormats.combined(), m);
  }

  /** The class if this JVM's application class loader has loaded it, else null. */
  private static Class<?> loaded(String name) throws ReflectiveOperationException {
    Method find = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
    find.setAccessible(true); // java.lang is open to the tests, as spark-submit opens it
    return (Class<?>) find.invoke(ClassLoader.getSystemClassLoader(), name);
  }
}
