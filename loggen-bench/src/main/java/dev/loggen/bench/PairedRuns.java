package dev.loggen.bench;

import com.sun.management.OperatingSystemMXBean;
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
import java.util.function.LongFunction;

/**
 * Compares two builds of loggen in one JVM: each build's classes are loaded by a class loader of
 * their own, and the two run the same task in alternating rounds (A B, B A, ...). Each round is
 * timed three ways: the calling thread's CPU time (the task's own measure, but for
 * {@code e2e2}), the process's CPU time ({@code com.sun.management.OperatingSystemMXBean
 * .getProcessCpuTime()}: all threads, so the collector's and the JIT compilers' work too, which
 * the thread's CPU time does not see: in the review below, under {@code -Xmx64m}, the process
 * used 15 to 20 % more CPU than the thread) and wall time. The first three rounds of each are
 * warm-up; for each measure the minimum, first quartile and median of the rest are printed, and
 * B's over A's. The process CPU time is counted in clock ticks (10 ms on Linux), so it resolves
 * 1 % only in rounds of a second of CPU or more.
 *
 * <p>The build loaded first runs faster (the same build as A and as B: 264 against 321 ns per
 * rendered line at the minimum, on this machine; 1 to 4 % end to end), so one run proves
 * nothing. Run it twice with the builds swapped: the geometric mean of the new build's ratio in
 * the two runs (new over old as B, and the inverse of old over new as B) cancels the order.
 *
 * <p><b>How much to trust a ratio.</b> Within one run the minimum, first quartile and median
 * agree to about 0.5 %, which makes the output look precise; most of the variance is between
 * JVMs. A/A runs (the same build as A and as B, a new JVM for each run; measured by a reviewer
 * on 2026-11-28 on this 2-core machine with other work running) gave B/A medians from 0.97 to
 * 1.36 for {@code combined-hot 300000 20} (8 runs), minimums from 0.955 to 1.069 for
 * {@code e2e 300000 10} and medians from 0.965 to 1.193 for {@code gen 300000 10}. A ratio
 * inside its task's A/A spread shows nothing, however steady its rounds. A decision needs the
 * ratio outside that spread in several fresh JVMs, with both load orders; measure the A/A
 * spread again when the machine, the task or its sizes change.
 *
 * <pre>
 * java -cp loggen-bench/target/benchmarks.jar dev.loggen.bench.PairedRuns TASK LINES ROUNDS \
 *     A_CLASSES B_CLASSES
 * </pre>
 *
 * <p>TASK: {@code e2e} (the endless shop generated, rendered in Combined and written to a null
 * stream with its report, one thread, from the warm-up on); {@code e2e2} (the same on two
 * workers and the writer, its own measure wall time, not CPU time); {@code gen}
 * ({@code LINES} events of the endless shop from {@link LogGenerator#iterator()}, as
 * {@code GenerationBenchmark}, a new run per round); {@code combined}, {@code json} or
 * {@code ecs} (rendering {@code LINES} pre-generated shop events, cold in the L1 and L2 caches);
 * {@code combined-hot}, {@code json-hot} or {@code ecs-hot} ({@code LINES} lines cycling
 * through 1,000 events, hot in the caches, as {@code RenderBenchmark -p distinct=1000}). A
 * build's classes: its {@code loggen-core}, {@code loggen-formats} and {@code loggen-sinks}
 * {@code target/classes} (or jars), separated by {@code :}; this jar is added to each.
 */
public final class PairedRuns {
  private static final int WARM_UP_ROUNDS = 3;
  /** The measures a round is timed in, in the order of {@link #now()}. */
  private static final String[] MEASURES = {"thread CPU", "process CPU", "wall"};
  private static final int THREAD_CPU = 0;
  private static final int WALL = 2;

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
    List<LongFunction<long[]>> builds = List.of(load(task, args[3]), load(task, args[4]));
    // nanos.get(side).get(measure): per-line figures of each measured round
    List<List<List<Double>>> nanos = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      nanos.add(List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
    }
    for (int r = 0; r < rounds + WARM_UP_ROUNDS; r++) {
      if (r == WARM_UP_ROUNDS) {
        System.gc(); // both builds' inputs exist now: start the measured rounds from a clean heap
      }
      for (int i = 0; i < 2; i++) {
        int k = (r & 1) == 0 ? i : 1 - i;
        long[] used = builds.get(k).apply(lines);
        if (r >= WARM_UP_ROUNDS) {
          for (int m = 0; m < MEASURES.length; m++) {
            nanos.get(k).get(m).add(used[m] / (double) lines);
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "ns per line over %d rounds each; %s is the task's own"
        + " measure%n", rounds, MEASURES[task.equals("e2e2") ? WALL : THREAD_CPU]);
    for (int m = 0; m < MEASURES.length; m++) {
      double[][] stats = new double[2][];
      for (int k = 0; k < 2; k++) {
        List<Double> x = nanos.get(k).get(m);
        Collections.sort(x);
        stats[k] = new double[] {x.get(0), x.get(x.size() / 4), x.get(x.size() / 2)};
        System.out.printf(Locale.ROOT, "%-16s min %.1f  p25 %.1f  median %.1f%n",
            (k == 0 ? "A " : "B ") + MEASURES[m], stats[k][0], stats[k][1], stats[k][2]);
      }
      System.out.printf(Locale.ROOT, "%-16s min %.3f  p25 %.3f  median %.3f%n",
          "B/A " + MEASURES[m], stats[1][0] / stats[0][0], stats[1][1] / stats[0][1],
          stats[1][2] / stats[0][2]);
    }
    System.out.println("(process CPU is counted in clock ticks, 10 ms on Linux: it resolves 1 %"
        + " only in rounds of a second of CPU or more)");
  }

  @SuppressWarnings("unchecked") // each task class is a LongFunction<long[]>
  static LongFunction<long[]> load(String task, String classes) throws Exception {
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
      case "combined", "json", "ecs", "combined-hot", "json-hot", "ecs-hot" ->
          Render.class.getName();
      default -> throw new IllegalArgumentException("unknown task " + task);
    };
    return (LongFunction<long[]>) loader.loadClass(name).getConstructor(String.class)
        .newInstance(task);
  }

  private static URL url(Path p) throws MalformedURLException {
    return p.toAbsolutePath().toUri().toURL();
  }

  /**
   * The calling thread's CPU time, the process's CPU time (all threads: the JIT compilers, the
   * collector, other workers) and the wall clock, in nanoseconds, in {@link #MEASURES} order.
   */
  static long[] now() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean();
    return new long[] {threads.getCurrentThreadCpuTime(), os.getProcessCpuTime(),
        System.nanoTime()};
  }

  /** What has elapsed in each measure since {@code start}, a value of {@link #now()}. */
  static long[] since(long[] start) {
    long[] used = now();
    for (int m = 0; m < used.length; m++) {
      used[m] -= start[m];
    }
    return used;
  }

  /** One whole single-threaded run into a null stream; the seed varies by round. */
  public static final class EndToEnd implements LongFunction<long[]> {
    private long round;
    private final int threads;

    /**
     * The task.
     *
     * @param task {@code e2e} (one thread; its own measure is that thread's CPU time) or
     *     {@code e2e2} (two workers and the writer; its own measure is wall time)
     */
    public EndToEnd(String task) {
      threads = task.equals("e2e2") ? 2 : 1;
    }

    @Override
    public long[] apply(long lines) {
      long[] start = now();
      Report r = LogGenerator.builder().seed(Fixtures.SEED + round++ % 3).site(Sites.shop())
          .window(LogGenerator.DEFAULT_START, null).build().writer()
          .format(LogFormats.combined()).to(Sinks.stream(OutputStream.nullOutputStream()))
          .limit(lines).threads(threads).run();
      long[] used = since(start);
      if (r.lines() != lines) {
        throw new IllegalStateException("wrote " + r.lines() + " lines, not " + lines);
      }
      return used;
    }
  }

  /** Events of the endless shop from the iterator, a new run (and seed) per round. */
  public static final class Generate implements LongFunction<long[]> {
    private long round;
    private long checksum;

    /**
     * The task.
     *
     * @param task ignored
     */
    public Generate(String task) {}

    @Override
    public long[] apply(long events) {
      Iterator<AccessEvent> it = LogGenerator.builder().seed(Fixtures.SEED + round++ % 3)
          .site(Sites.shop()).window(LogGenerator.DEFAULT_START, null).build().iterator();
      it.hasNext(); // the warm-up hour before the first event, as GenerationBenchmark's setup
      long[] start = now();
      for (long i = 0; i < events; i++) {
        checksum += it.next().bytes();
      }
      long[] used = since(start);
      if (checksum == 42) {
        System.out.print(""); // keeps the events in use
      }
      return used;
    }
  }

  /** Rendering pre-generated shop events, cycling through them. */
  public static final class Render implements LongFunction<long[]> {
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
    public long[] apply(long lines) {
      if (events.length == 0) {
        events = new AccessEvent[(int) (hot ? Math.min(lines, HOT_EVENTS) : lines)];
        Iterator<AccessEvent> it = Fixtures.endless(Fixtures.Profile.shop).iterator();
        for (int i = 0; i < events.length; i++) {
          events[i] = it.next();
        }
      }
      AccessEvent[] es = events;
      long[] start = now();
      for (long i = 0, k = 0; i < lines; i++) {
        line.reset();
        renderer.render(es[(int) k], line);
        checksum += line.length();
        if (++k == es.length) {
          k = 0;
        }
      }
      long[] used = since(start);
      if (checksum == 42) {
        System.out.print(""); // keeps the lines' lengths in use
      }
      return used;
    }
  }
}
