package dev.loggen.bench;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Report;
import dev.loggen.core.Sites;
import dev.loggen.formats.LogFormats;
import dev.loggen.sinks.Sinks;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * Compares two builds of loggen in one JVM: each build's classes are loaded by a class loader of
 * their own, and the two run the same task in alternating rounds (A B, B A, ...), each round
 * timed in CPU time of the calling thread. On a machine whose speed drifts from one second to
 * the next (this one), separate JVMs cannot tell a few percent apart; rounds interleaved within
 * one process can. The first three rounds of each are warm-up; the minimum, first quartile and
 * median of the rest are printed, and B's over A's.
 *
 * <p>The build loaded first runs faster (the same build as A and as B: 264 against 321 ns per
 * rendered line at the minimum, on this machine; 1 to 4 % end to end), so one run proves
 * nothing. Run it twice with the builds swapped: the geometric mean of the new build's ratio in
 * the two runs (new over old as B, and the inverse of old over new as B) cancels the order.
 *
 * <pre>
 * java -cp loggen-bench/target/benchmarks.jar dev.loggen.bench.PairedRuns TASK LINES ROUNDS \
 *     A_CLASSES B_CLASSES
 * </pre>
 *
 * <p>TASK: {@code e2e} (the endless shop generated, rendered in Combined and written to a null
 * stream with its report, one thread, from the warm-up on); {@code e2e2} (the same on two
 * workers and the writer, timed in wall time, not CPU time); {@code gen} ({@code LINES} events
 * of the endless shop from {@link LogGenerator#iterator()}, as {@code GenerationBenchmark}, a
 * new run per round); {@code combined}, {@code json} or {@code ecs} (rendering {@code LINES}
 * pre-generated shop events, cold in the CPU caches); {@code combined-hot}, {@code json-hot} or
 * {@code ecs-hot} ({@code LINES} lines cycling through 1,000 events, hot in the caches, as
 * {@code RenderBenchmark -p distinct=1000}). A build's classes: its {@code loggen-core},
 * {@code loggen-formats} and {@code loggen-sinks}
 * {@code target/classes} (or jars), separated by {@code :}; this jar is added to each.
 */
public final class PairedRuns {
  private static final int WARM_UP_ROUNDS = 3;

  private PairedRuns() {}

  /**
   * Runs the comparison.
   *
   * @param args task, lines, rounds, A's classes, B's classes
   * @throws Exception when a build cannot be loaded
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: PairedRuns e2e|e2e2|gen|combined|json|ecs|combined-hot|json-hot"
          + "|ecs-hot LINES ROUNDS A_CLASSES B_CLASSES");
      System.exit(2);
    }
    String task = args[0];
    long lines = Long.parseLong(args[1]);
    int rounds = Integer.parseInt(args[2]);
    LongUnaryOperator[] builds = {load(task, args[3]), load(task, args[4])};
    List<List<Double>> nanos = List.of(new ArrayList<>(), new ArrayList<>());
    for (int r = 0; r < rounds + WARM_UP_ROUNDS; r++) {
      if (r == WARM_UP_ROUNDS) {
        System.gc(); // both builds' inputs exist now: start the measured rounds from a clean heap
      }
      for (int i = 0; i < 2; i++) {
        int k = (r & 1) == 0 ? i : 1 - i;
        double perLine = builds[k].applyAsLong(lines) / (double) lines;
        if (r >= WARM_UP_ROUNDS) {
          nanos.get(k).add(perLine);
        }
      }
    }
    double[][] stats = new double[2][];
    for (int k = 0; k < 2; k++) {
      List<Double> x = nanos.get(k);
      Collections.sort(x);
      stats[k] = new double[] {x.get(0), x.get(x.size() / 4), x.get(x.size() / 2)};
      System.out.printf(Locale.ROOT, "%s: min %.0f  p25 %.0f  median %.0f ns of %s per line"
          + " (%d rounds)%n", k == 0 ? "A" : "B", stats[k][0], stats[k][1], stats[k][2],
          task.equals("e2e2") ? "wall time" : "CPU", x.size());
    }
    System.out.printf(Locale.ROOT, "B/A: min %.3f  p25 %.3f  median %.3f%n",
        stats[1][0] / stats[0][0], stats[1][1] / stats[0][1], stats[1][2] / stats[0][2]);
  }

  static LongUnaryOperator load(String task, String classes) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String dir : classes.split(":")) {
      urls.add(url(Path.of(dir)));
    }
    // Last, after the build's classes: this jar (shaded, it holds loggen's classes too) for
    // this class and the fixtures, which the new loader loads again, linked against the build.
    urls.add(url(Path.of(PairedRuns.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI())));
    // Parent: the platform loader, so that no loggen class comes from the application's.
    URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]),
        ClassLoader.getPlatformClassLoader());
    String name = switch (task) {
      case "e2e", "e2e2" -> EndToEnd.class.getName();
      case "gen" -> Generate.class.getName();
      case "combined", "json", "ecs", "combined-hot", "json-hot", "ecs-hot" -> Render.class.getName();
      default -> throw new IllegalArgumentException("unknown task " + task);
    };
    return (LongUnaryOperator) loader.loadClass(name).getConstructor(String.class)
        .newInstance(task);
  }

  private static URL url(Path p) throws MalformedURLException {
    return p.toAbsolutePath().toUri().toURL();
  }

  private static long cpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return threads.getCurrentThreadCpuTime();
  }

  /** One whole single-threaded run into a null stream; the seed varies by round. */
  public static final class EndToEnd implements LongUnaryOperator {
    private long round;
    private final int threads;

    /**
     * The task.
     *
     * @param task {@code e2e} (one thread, timed in its CPU time) or {@code e2e2} (two workers
     *     and the writer, timed in wall time)
     */
    public EndToEnd(String task) {
      threads = task.equals("e2e2") ? 2 : 1;
    }

    @Override
    public long applyAsLong(long lines) {
      long start = threads == 1 ? cpu() : System.nanoTime();
      Report r = LogGenerator.builder().seed(Fixtures.SEED + round++ % 3).site(Sites.shop())
          .window(LogGenerator.DEFAULT_START, null).build().writer()
          .format(LogFormats.combined()).to(Sinks.stream(OutputStream.nullOutputStream()))
          .limit(lines).threads(threads).run();
      long used = (threads == 1 ? cpu() : System.nanoTime()) - start;
      if (r.lines() != lines) {
        throw new IllegalStateException("wrote " + r.lines() + " lines, not " + lines);
      }
      return used;
    }
  }

  /** Events of the endless shop from the iterator, a new run (and seed) per round. */
  public static final class Generate implements LongUnaryOperator {
    private long round;
    private long checksum;

    /**
     * The task.
     *
     * @param task ignored
     */
    public Generate(String task) {}

    @Override
    public long applyAsLong(long events) {
      Iterator<AccessEvent> it = LogGenerator.builder().seed(Fixtures.SEED + round++ % 3)
          .site(Sites.shop()).window(LogGenerator.DEFAULT_START, null).build().iterator();
      it.hasNext(); // the warm-up hour before the first event, as GenerationBenchmark's setup
      long start = cpu();
      for (long i = 0; i < events; i++) {
        checksum += it.next().bytes();
      }
      long used = cpu() - start;
      if (checksum == 42) {
        System.out.print(""); // keeps the events in use
      }
      return used;
    }
  }

  /** Rendering pre-generated shop events, cycling through them. */
  public static final class Render implements LongUnaryOperator {
    /** Distinct events of the {@code -hot} tasks, as {@code RenderBenchmark -p distinct=1000}. */
    static final int HOT_EVENTS = 1_000;
    private final LogFormat.Renderer renderer;
    private final boolean hot;
    private AccessEvent[] events = new AccessEvent[0];
    private final LineBuffer line = new LineBuffer(1024);
    private long checksum;

    /**
     * The task.
     *
     * @param task {@code combined}, {@code json} or {@code ecs}, with {@code -hot} for events
     *     that stay in the CPU caches
     */
    public Render(String task) {
      hot = task.endsWith("-hot");
      LogFormat format = task.startsWith("json") ? LogFormats.json()
          : task.startsWith("ecs") ? LogFormats.ecs() : LogFormats.combined();
      renderer = format.newRenderer(); // one for all rounds: its caches warm, as in a long run
    }

    @Override
    public long applyAsLong(long lines) {
      if (events.length == 0) {
        events = new AccessEvent[(int) (hot ? Math.min(lines, HOT_EVENTS) : lines)];
        Iterator<AccessEvent> it = Fixtures.endless(Fixtures.Profile.shop).iterator();
        for (int i = 0; i < events.length; i++) {
          events[i] = it.next();
        }
      }
      AccessEvent[] es = events;
      long start = cpu();
      for (long i = 0, k = 0; i < lines; i++) {
        line.reset();
        renderer.render(es[(int) k], line);
        checksum += line.length();
        if (++k == es.length) {
          k = 0;
        }
      }
      long used = cpu() - start;
      if (checksum == 42) {
        System.out.print(""); // keeps the lines' lengths in use
      }
      return used;
    }
  }
}
