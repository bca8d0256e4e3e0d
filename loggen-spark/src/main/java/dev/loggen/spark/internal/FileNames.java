package dev.loggen.spark.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names of the files of a sliced run: {@code access-<start>.log[.gz]} ({@code error-<start>...}
 * for a run of an error-log format), where start is the
 * slice's start in UTC at the coarsest precision that gives every slice start exactly (a day,
 * an hour, a minute, a second or a millisecond): {@code access-2026-01-01.log.gz} for daily
 * slices, {@code access-2026-01-01T06.log.gz} for hourly or six-hourly ones,
 * {@code access-2026-01-01T00-30.log.gz}, {@code access-2026-01-01T00-00-07.log.gz},
 * {@code access-2026-01-01T00-00-00.250.log.gz}. All names of a run have the same shape, so they
 * sort by name as they do by time, and no name holds a {@code ':'} (which Hadoop paths refuse).
 */
public final class FileNames {
  private static final List<DateTimeFormatter> PRECISIONS = List.of(
      pattern("uuuu-MM-dd"),
      pattern("uuuu-MM-dd'T'HH"),
      pattern("uuuu-MM-dd'T'HH-mm"),
      pattern("uuuu-MM-dd'T'HH-mm-ss"),
      pattern("uuuu-MM-dd'T'HH-mm-ss.SSS"));
  private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
  /** A start as {@link #PRECISIONS} write it, at any of them ('uuuu' signs years past 9999). */
  private static final Pattern START = Pattern.compile(
      "[+-]?\\d{4,}-\\d{2}-\\d{2}(?:T\\d{2}(?:-\\d{2}(?:-\\d{2}(?:\\.\\d{3})?)?)?)?");

  private FileNames() {}

  private static DateTimeFormatter pattern(String p) {
    return DateTimeFormatter.ofPattern(p, Locale.ROOT).withZone(ZoneOffset.UTC);
  }

  /**
   * The file names for slices starting at {@code startMillis}, in the same order.
   *
   * @param prefix the name's start, e.g. {@code access}
   * @param startMillis the slices' starts, strictly increasing, epoch milliseconds
   * @param suffix the name's end, e.g. {@code .log.gz}
   * @return one distinct name per slice
   */
  public static List<String> names(String prefix, long[] startMillis, String suffix) {
    int p = 0;
    while (p < UNIT_MILLIS.length - 1 && !allMultiples(startMillis, UNIT_MILLIS[p])) {
      p++;
    }
    DateTimeFormatter f = PRECISIONS.get(p);
    List<String> names = new ArrayList<>(startMillis.length);
    Set<String> seen = new HashSet<>();
    for (long s : startMillis) {
      String name = prefix + "-" + f.format(Instant.ofEpochMilli(s)) + suffix;
      if (!seen.add(name)) {
        throw new IllegalArgumentException("two slices would share the file name " + name
            + ": slices must start at distinct milliseconds");
      }
      names.add(name);
    }
    return names;
  }

  /**
   * Whether {@code name} is one {@link #names} could give for {@code prefix} and
   * {@code suffix}, for some slices: the prefix, {@code '-'}, a start at one of the precisions,
   * the suffix ({@code access-2026-01-01T06.log.gz}; not {@code access-control.md} or
   * {@code access.log}).
   *
   * @param name a file name
   * @param prefix the name's start, e.g. {@code access}
   * @param suffix the name's end, e.g. {@code .log.gz}
   * @return whether it has that shape
   */
  public static boolean isName(String name, String prefix, String suffix) {
    int from = prefix.length() + 1;
    int to = name.length() - suffix.length();
    return from <= to && name.startsWith(prefix + "-") && name.endsWith(suffix)
        && START.matcher(name.substring(from, to)).matches();
  }

  private static boolean allMultiples(long[] millis, long unit) {
    for (long m : millis) {
      if (Math.floorMod(m, unit) != 0) {
        return false;
      }
    }
    return true;
  }
}
