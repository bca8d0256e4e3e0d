package dev.loggen.core.config.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt keys and names: the closest candidate by edit distance. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code input}, if one is close enough to be a likely typo. Case,
   * {@code _} and {@code -} are ignored ({@code min_browsing} matches {@code minBrowsing}); then
   * up to 1 edit is allowed for words of up to 4 letters, 2 up to 8 letters and 3 beyond.
   */
  public static Optional<String> closest(String input, Collection<String> candidates) {
    String in = fold(input);
    int limit = in.length() <= 4 ? 1 : in.length() <= 8 ? 2 : 3;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(in, fold(c));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= limit && !best.equals(input)
        ? Optional.of(best) : Optional.empty();
  }

  /** " did you mean 'x'?" or an empty string. */
  public static String didYouMean(String input, Collection<String> candidates) {
    return closest(input, candidates).map(s -> ": did you mean '" + s + "'?").orElse("");
  }

  private static String fold(String s) {
    return s.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** The Levenshtein distance (insertions, deletions, substitutions). */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
