package dev.loggen.core.internal;

import dev.loggen.core.AccessEvent;

/**
 * Reads events ahead of their use. An event and its strings are made when its session begins,
 * long (and, in a parallel run, on another core) before the event is rendered, so they are cold
 * in the CPU's caches by then. A loop that only reads them, one event after another, issues
 * loads that do not depend on one another, which the CPU overlaps: it waits for many cache
 * misses at once, where the renderer, working through one event at a time, waits for each in
 * turn. Same output; 5 to 9 % of a parallel run ({@code PairedRuns e2e2}). A single-threaded
 * run does not read ahead: it would ask the generator (and so the run's stop condition) before
 * the lines already taken reach the sink, and lose those lines when the generator then fails.
 */
public final class CacheWarming {
  private CacheWarming() {}

  /**
   * Reads the event and the strings a renderer escapes (to their lengths, which loads each
   * string's array).
   */
  private static int touch(AccessEvent e) {
    String r = e.referrer();
    String u = e.userAgent();
    return e.path().length() + e.clientAddress().length() + (r == null ? 0 : r.length())
        + (u == null ? 0 : u.length());
  }

  /**
   * Reads {@code events[from, to)} and the strings a renderer escapes (to their lengths, which
   * loads each string's array).
   *
   * @param events the events
   * @param from the first
   * @param to after the last
   * @return a value made of what was read; the caller keeps it in a field, so that the reads
   *     are not optimised away
   */
  public static int touch(AccessEvent[] events, int from, int to) {
    int sum = 0;
    for (int i = from; i < to; i++) {
      sum += touch(events[i]);
    }
    return sum;
  }
}
