package dev.loggen.core.config.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for misspelt keys and names: the closest candidate by edit distance
 * (Levenshtein with transpositions).
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code input}, if one is close enough to be a likely typo. Case,
   * {@code _} and {@code -} are ignored ({@code min_browsing} matches {@code minBrowsing}); then
   * up to 1 edit is allowed for words of up to 4 letters, 2 up to 8 letters and 3 beyond.
   *
   * @param input what was written
   * @param candidates the known names
   * @return the closest known name, if it is close enough
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

  /**
   * A hint for a message.
   *
   * @param input what was written
   * @param candidates the known names
   * @return {@code ": did you mean 'x'?"} or an empty string
   */
  public static String didYouMean(String input, Collection<String> candidates) {
    return closest(input, candidates).map(s -> ": did you mean '" + s + "'?").orElse("");
  }

  private static String fold(String s) {
    return s.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /**
   * The edit distance with adjacent transpositions (optimal string alignment): insertions,
   * deletions, substitutions and swaps of two neighbouring letters ({@code itme} to
   * {@code item}) cost 1 each.
   *
   * @param a one word
   * @param b another word
   * @return the number of edits from one to the other
   */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
