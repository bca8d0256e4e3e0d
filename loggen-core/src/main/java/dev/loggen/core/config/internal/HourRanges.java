package dev.loggen.core.config.internal;

import dev.loggen.core.config.ConfigNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The old tool's {@code traffic_patterns}: a list of {@code {time: "S-E", multiplier: m}}. A
 * range covers the local hours {@code S <= h < E}, wrapping past midnight when {@code S > E}
 * ({@code "21-2"} is 21, 22, 23, 0 and 1); hours no range covers get {@link #UNCOVERED}.
 */
public final class HourRanges {
  /** The multiplier of hours no range covers. */
  public static final double UNCOVERED = 0.2;
  private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,2})\\s*-\\s*(\\d{1,2})\\s*");

  private HourRanges() {}

  /**
   * Reads the ranges.
   *
   * @param list the {@code traffic_patterns} list
   * @return the 24 multipliers, or null when the list is wrong (errors recorded)
   */
  public static double @Nullable [] read(ConfigNode list) {
    int before = list.diagnostics().errorCount();
    double[] hourly = new double[24];
    Arrays.fill(hourly, UNCOVERED);
    ConfigNode[] owner = new ConfigNode[24];
    for (ConfigNode e : list.list()) {
      ConfigNode time = e.require("time");
      OptionalDouble m = e.require("multiplier").nonNegativeNumber();
      List<Integer> hours = hours(time);
      if (hours == null) {
        continue;
      }
      List<Integer> overlap = new ArrayList<>();
      ConfigNode other = null;
      for (int h : hours) {
        if (owner[h] != null) {
          overlap.add(h);
          other = other == null ? owner[h] : other;
        }
      }
      if (other != null) {
        time.error(String.format(Locale.ROOT,
            "\"%s\" overlaps %s (\"%s\", line %d) at hours %s: every hour may be in one range"
                + " only", time.text().trim(), parentPath(other), other.text().trim(),
            other.line(), overlap));
        continue;
      }
      for (int h : hours) {
        owner[h] = time;
        hourly[h] = m.orElse(Double.NaN);
      }
    }
    if (list.diagnostics().errorCount() > before) {
      return null;
    }
    return hourly;
  }

  private static String parentPath(ConfigNode time) {
    String p = time.path();
    return p.endsWith(".time") ? p.substring(0, p.length() - 5) : p;
  }

  /** The hours of a range, or null (error recorded). */
  static @Nullable List<Integer> hours(ConfigNode time) {
    if (!time.isScalar()) {
      time.string();
      return null;
    }
    Matcher m = RANGE.matcher(time.text());
    if (!m.matches()) {
      time.error("expected a range of hours such as \"9-17\" (got " + time.describe() + ")");
      return null;
    }
    int s = Integer.parseInt(m.group(1));
    int e = Integer.parseInt(m.group(2));
    if (s > 23) {
      time.error("start hour " + s + " is out of range: expected 0 to 23 (got \""
          + time.text().trim() + "\")");
      return null;
    }
    if (e > 24) {
      time.error("end hour " + e + " is out of range: expected 0 to 24 (got \""
          + time.text().trim() + "\")");
      return null;
    }
    if (s == e) {
      time.error("\"" + time.text().trim() + "\" is an empty range: for the whole day write"
          + " \"0-24\"");
      return null;
    }
    List<Integer> out = new ArrayList<>();
    if (s < e) {
      for (int h = s; h < e; h++) {
        out.add(h);
      }
    } else {
      for (int h = s; h < 24; h++) {
        out.add(h);
      }
      for (int h = 0; h < e; h++) {
        out.add(h);
      }
    }
    return out;
  }
}
