package dev.loggen.bench;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Site;
import dev.loggen.core.Sites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Inputs shared by the benchmarks: the seed, the profiles, pre-generated events and lines. */
public final class Fixtures {
  /** The seed of every benchmark input. */
  public static final long SEED = 20_260_101L;

  private Fixtures() {}

  /** The built-in sites, as a benchmark parameter. */
  public enum Profile {
    /** The default web shop. */
    shop(Sites::shop),
    /** The blog. */
    blog(Sites::blog),
    /** The JSON API. */
    api(Sites::api);

    private final Supplier<Site> site;

    Profile(Supplier<Site> site) {
      this.site = site;
    }

    /** The site. */
    public Site site() {
      return site.get();
    }
  }

  /** A generator of the profile with default traffic and a window without end. */
  public static LogGenerator endless(Profile profile) {
    return LogGenerator.builder().seed(SEED).site(profile.site())
        .window(LogGenerator.DEFAULT_START, null).build();
  }

  /** The first {@code n} events of the endless shop run. */
  public static AccessEvent[] events(Profile profile, int n) {
    AccessEvent[] out = new AccessEvent[n];
    Iterator<AccessEvent> it = endless(profile).iterator();
    for (int i = 0; i < n; i++) {
      out[i] = it.next();
    }
    return out;
  }

  /** Lines rendered one after another into one array, with their end offsets and times. */
  public static final class Lines {
    /** The bytes of all lines, without terminators. */
    public final byte[] bytes;
    /** End offset (exclusive) of each line. */
    public final int[] ends;
    /** Event time of each line. */
    public final long[] times;

    Lines(byte[] bytes, int[] ends, long[] times) {
      this.bytes = bytes;
      this.ends = ends;
      this.times = times;
    }

    /** The number of lines. */
    public int count() {
      return ends.length;
    }

    /** The mean line length with its newline, in bytes. */
    public double meanLength() {
      return (double) (bytes.length + ends.length) / ends.length;
    }
  }

  /** Renders events with a format, for the sink benchmarks. */
  public static Lines render(AccessEvent[] events, LogFormat format) {
    LineBuffer all = new LineBuffer(Math.max(1024, events.length * 256));
    int[] ends = new int[events.length];
    long[] times = new long[events.length];
    LogFormat.Renderer r = format.newRenderer();
    for (int i = 0; i < events.length; i++) {
      r.render(events[i], all);
      ends[i] = all.length();
      times[i] = events[i].epochMillis();
    }
    return new Lines(all.toByteArray(), ends, times);
  }

  /** A fresh temporary directory for a benchmark's files. */
  public static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("create a temporary directory", e);
    }
  }

  /** Deletes a directory and everything in it. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException("delete " + p, e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("delete " + dir, e);
    }
  }
}
