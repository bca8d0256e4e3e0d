package dev.loggen.formats.internal;

/**
 * The civil (calendar) fields of one second in one zone offset, computed from epoch seconds with
 * integer arithmetic (the days-from-civil algorithm of Howard Hinnant), so rendering needs no
 * {@code java.time} objects and no locale. Mutable; owned by one renderer.
 */
final class Civil {
  long epochSecond;
  int offsetSeconds;
  long year;
  int month;
  int day;
  int hour;
  int minute;
  int second;
  /** 0 = Sunday ... 6 = Saturday. */
  int dayOfWeek;
  /** 1 ... 366. */
  int dayOfYear;

  private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304,
      334};

  void set(long epochSec, int offsetSec) {
    this.epochSecond = epochSec;
    this.offsetSeconds = offsetSec;
    long local = epochSec + offsetSec;
    long days = Math.floorDiv(local, 86_400L);
    int secondOfDay = (int) Math.floorMod(local, 86_400L);
    hour = secondOfDay / 3600;
    minute = secondOfDay / 60 % 60;
    second = secondOfDay % 60;
    dayOfWeek = (int) Math.floorMod(days + 4, 7L);
    long z = days + 719_468L;
    long era = Math.floorDiv(z, 146_097L);
    long doe = z - era * 146_097L;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doyFromMarch = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doyFromMarch + 2) / 153;
    day = (int) (doyFromMarch - (153 * mp + 2) / 5 + 1);
    month = (int) (mp < 10 ? mp + 3 : mp - 9);
    year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    dayOfYear = DAYS_BEFORE_MONTH[month - 1] + day + (month > 2 && isLeap(year) ? 1 : 0);
  }

  static boolean isLeap(long y) {
    return (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
  }
}
