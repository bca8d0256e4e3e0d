package dev.loggen.sinks.internal;

import java.util.Comparator;

/**
 * What an archive's file name says, as read by {@link NameTemplate#parse(String)}.
 *
 * @param plainName the name without {@code .gz}
 * @param dateText the date part as written, {@code ""} without a date
 * @param dateMillis the instant the date stands for, 0 without a date
 * @param index the index, -1 without one
 * @param gz whether the name ends in {@code .gz}
 */
public record ArchiveName(String plainName, String dateText, long dateMillis, int index,
    boolean gz) {

  /**
   * Orders archives oldest first: by date, then by index (ascending, or descending for
   * logrotate's shifting numbers, where 1 is the newest), then by name.
   *
   * @param shifting whether a higher index means an older archive
   * @return the comparator
   */
  public static Comparator<ArchiveName> oldestFirst(boolean shifting) {
    Comparator<ArchiveName> byIndex = shifting
        ? Comparator.comparingInt(ArchiveName::index).reversed()
        : Comparator.comparingInt(ArchiveName::index);
    return Comparator.comparingLong(ArchiveName::dateMillis).thenComparing(byIndex)
        .thenComparing(ArchiveName::plainName);
  }
}
