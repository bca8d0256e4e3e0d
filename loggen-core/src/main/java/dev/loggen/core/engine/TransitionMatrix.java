package dev.loggen.core.engine;

import dev.loggen.core.random.AliasTable;
import dev.loggen.core.random.Rng;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The default {@link SessionModel}: a Markov chain over named states, sampled in O(1) per step
 * with one alias table per row.
 *
 * <pre>{@code
 * TransitionMatrix m = TransitionMatrix.builder()
 *     .from("START").to("LOGIN", 0.7).to("DIRECT_ACCESS", 0.3)
 *     .from("LOGIN").to("BROWSING", 0.9).to("ABANDON", 0.1)
 *     .build();
 * }</pre>
 *
 * <p>Validation at {@link Builder#build()}: no negative, NaN or infinite probability; every row
 * sums to 1 within 0.01 (rows are then scaled to sum to exactly 1), or, with
 * {@link Builder#normalize()}, any positive row is scaled; every target is a known state; every
 * state is reachable from {@code START}; {@code END} is reachable from every state. A state
 * without a row of its own (LOGOUT, ABANDON, LEAVE, ERROR and any state only named as a target)
 * goes to {@code END}. {@code END} is the only terminal state.
 */
public final class TransitionMatrix implements SessionModel {
  /** Tolerance for a row sum when rows are not normalised. */
  public static final double ROW_SUM_TOLERANCE = 0.01;

  private final List<String> states;
  private final double[][] probabilities;
  private final AliasTable[] rows;
  private final int[][] targets;
  private final int start;
  private final int end;

  private TransitionMatrix(List<String> states, double[][] probabilities) {
    this.states = states;
    this.probabilities = probabilities;
    int n = states.size();
    this.rows = new AliasTable[n];
    this.targets = new int[n][];
    for (int i = 0; i < n; i++) {
      int nz = 0;
      for (double p : probabilities[i]) {
        if (p > 0) {
          nz++;
        }
      }
      double[] w = new double[nz];
      int[] t = new int[nz];
      int k = 0;
      for (int j = 0; j < n; j++) {
        if (probabilities[i][j] > 0) {
          w[k] = probabilities[i][j];
          t[k++] = j;
        }
      }
      targets[i] = t;
      rows[i] = nz == 0 ? null : AliasTable.of(w);
    }
    this.start = states.indexOf(States.START);
    this.end = states.indexOf(States.END);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The Python generator's default matrix: START to LOGIN 0.7 or DIRECT_ACCESS 0.3; LOGIN to
   * BROWSING 0.9 or ABANDON 0.1; DIRECT_ACCESS to BROWSING 0.8 or LEAVE 0.2; BROWSING to LOGOUT
   * 0.4, ABANDON 0.3, ERROR 0.05 or BROWSING 0.25.
   */
  public static TransitionMatrix legacyDefault() {
    return builder()
        .from(States.START).to(States.LOGIN, 0.7).to(States.DIRECT_ACCESS, 0.3)
        .from(States.LOGIN).to(States.BROWSING, 0.9).to(States.ABANDON, 0.1)
        .from(States.DIRECT_ACCESS).to(States.BROWSING, 0.8).to(States.LEAVE, 0.2)
        .from(States.BROWSING).to(States.LOGOUT, 0.4).to(States.ABANDON, 0.3)
        .to(States.ERROR, 0.05).to(States.BROWSING, 0.25)
        .build();
  }

  @Override
  public List<String> states() {
    return states;
  }

  @Override
  public int startState() {
    return start;
  }

  @Override
  public int next(int state, Rng rng) {
    AliasTable row = rows[state];
    return row == null ? end : targets[state][row.sample(rng)];
  }

  @Override
  public boolean isTerminal(int state) {
    return state == end;
  }

  /**
   * The probability of going from state {@code from} to state {@code to} (names), as the
   * matrix was built (its row normalised where the builder normalises). {@link #next} draws
   * it with {@link #drawProbability}, which differs by up to about {@code 2^-21}.
   */
  public double probability(String from, String to) {
    int i = indexOrThrow(from);
    int j = indexOrThrow(to);
    return probabilities[i][j];
  }

  /**
   * The exact probability that {@link #next} goes from state {@code from} to state {@code to}
   * (names): {@link #probability} resolved to 21 bits, see
   * {@link AliasTable#drawProbability}; 0 from a state without transitions.
   */
  public double drawProbability(String from, String to) {
    int i = indexOrThrow(from);
    int j = indexOrThrow(to);
    int[] t = targets[i];
    for (int k = 0; k < t.length; k++) {
      if (t[k] == j) {
        return rows[i].drawProbability(k);
      }
    }
    return 0;
  }

  /** The rows as a map of state to (target to probability), in state order; for reports. */
  public Map<String, Map<String, Double>> asMap() {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (int i = 0; i < states.size(); i++) {
      Map<String, Double> row = new LinkedHashMap<>();
      for (int j = 0; j < states.size(); j++) {
        if (probabilities[i][j] > 0) {
          row.put(states.get(j), probabilities[i][j]);
        }
      }
      out.put(states.get(i), Collections.unmodifiableMap(row));
    }
    return Collections.unmodifiableMap(out);
  }

  private int indexOrThrow(String name) {
    int i = states.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          "unknown state '" + name + "': known states are " + states);
    }
    return i;
  }

  @Override
  public String toString() {
    return "TransitionMatrix" + asMap();
  }

  /** Builds a {@link TransitionMatrix}; validation happens in {@link #build()}. */
  public static final class Builder {
    private final Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
    private final Set<String> declared = new LinkedHashSet<>();
    private String current;
    private boolean normalize;

    private Builder() {}

    /** Starts (or continues) the row of state {@code state}. */
    public Builder from(String state) {
      checkName("state", state);
      current = state;
      rows.computeIfAbsent(state, k -> new LinkedHashMap<>());
      return this;
    }

    /**
     * Adds the transition from the current row to {@code state} with probability {@code p}.
     *
     * @throws IllegalStateException when no row was started or the transition is already set
     */
    public Builder to(String state, double p) {
      checkName("target state", state);
      if (current == null) {
        throw new IllegalStateException("call from(state) before to(\"" + state + "\", " + p + ")");
      }
      if (!(p >= 0) || Double.isInfinite(p)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "probability of %s -> %s must be a finite number >= 0 (got %s)", current, state, p));
      }
      Double old = rows.get(current).putIfAbsent(state, p);
      if (old != null) {
        throw new IllegalStateException(String.format(Locale.ROOT,
            "transition %s -> %s was already set to %s", current, state, old));
      }
      return this;
    }

    /** Declares a state that has no row and may only be a target (it goes to END). */
    public Builder state(String state) {
      checkName("state", state);
      declared.add(state);
      return this;
    }

    /** Scales every row to sum to exactly 1 instead of requiring a sum of 1 within 0.01. */
    public Builder normalize() {
      normalize = true;
      return this;
    }

    private static void checkName(String what, String name) {
      Objects.requireNonNull(name, what);
      if (name.isBlank()) {
        throw new IllegalArgumentException(what + " name must not be blank (got '" + name + "')");
      }
    }

    /**
     * Validates and builds the matrix.
     *
     * @throws IllegalArgumentException naming the state, the value and what was expected
     */
    public TransitionMatrix build() {
      if (!rows.containsKey(States.START)) {
        throw new IllegalArgumentException(
            "transition matrix has no row for START: every session starts there (rows: "
                + rows.keySet() + ")");
      }
      Set<String> names = new LinkedHashSet<>();
      names.add(States.START);
      names.addAll(rows.keySet());
      names.addAll(declared);
      for (Map<String, Double> row : rows.values()) {
        names.addAll(row.keySet());
      }
      names.add(States.END);
      // A target that is neither a row, a declared state nor a built-in is most likely a typo.
      Set<String> builtIn = Set.of(States.START, States.LOGIN, States.DIRECT_ACCESS,
          States.BROWSING, States.LOGOUT, States.ABANDON, States.LEAVE, States.ERROR, States.END);
      for (Map.Entry<String, Map<String, Double>> row : rows.entrySet()) {
        for (String target : row.getValue().keySet()) {
          if (!rows.containsKey(target) && !declared.contains(target)
              && !builtIn.contains(target)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "state %s has a transition to unknown state '%s': expected one of %s"
                    + " (declare a custom state with from(...) or state(...))",
                row.getKey(), target, new TreeMap<>(knownNames(builtIn)).keySet()));
          }
        }
      }
      if (rows.containsKey(States.END) && !rows.get(States.END).isEmpty()) {
        throw new IllegalArgumentException(
            "END is terminal and must not have transitions (got " + rows.get(States.END) + ")");
      }
      List<String> list = List.copyOf(names);
      int n = list.size();
      double[][] p = new double[n][n];
      for (int i = 0; i < n; i++) {
        Map<String, Double> row = rows.get(list.get(i));
        if (row == null || row.isEmpty()) {
          if (!list.get(i).equals(States.END)) {
            p[i][list.indexOf(States.END)] = 1.0;
          }
          continue;
        }
        double sum = 0;
        double max = 0;
        for (double v : row.values()) {
          sum += v;
          max = Math.max(max, v);
        }
        // Weights near Double.MAX_VALUE overflow the sum: scaled by the largest first, their
        // proportions survive. Other rows are divided as before, to the same bits.
        double scale = normalize && Double.isInfinite(sum) ? max : 1;
        if (scale != 1) {
          sum = 0;
          for (double v : row.values()) {
            sum += v / scale;
          }
        }
        if (normalize ? !(sum > 0) : Math.abs(sum - 1.0) > ROW_SUM_TOLERANCE) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "probabilities of state %s must sum to 1 (within %s) but sum to %s: %s",
              list.get(i), normalize ? "any positive sum, normalised" : ROW_SUM_TOLERANCE,
              sum, row));
        }
        for (Map.Entry<String, Double> e : row.entrySet()) {
          p[i][list.indexOf(e.getKey())] = e.getValue() / scale / sum;
        }
      }
      checkReachability(list, p);
      return new TransitionMatrix(list, p);
    }

    private Map<String, Boolean> knownNames(Set<String> builtIn) {
      Map<String, Boolean> m = new LinkedHashMap<>();
      builtIn.forEach(s -> m.put(s, true));
      rows.keySet().forEach(s -> m.put(s, true));
      declared.forEach(s -> m.put(s, true));
      return m;
    }

    private static void checkReachability(List<String> list, double[][] p) {
      int n = list.size();
      boolean[] toEnd = reach(p, list.indexOf(States.END), true);
      List<String> stuck = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!toEnd[i]) {
          stuck.add(list.get(i));
        }
      }
      if (!stuck.isEmpty()) {
        throw new IllegalArgumentException(
            "END is not reachable from states " + stuck + ": sessions in them would never end");
      }
      boolean[] fromStart = reach(p, list.indexOf(States.START), false);
      List<String> unreachable = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!fromStart[i]) {
          unreachable.add(list.get(i));
        }
      }
      if (!unreachable.isEmpty()) {
        throw new IllegalArgumentException(
            "states " + unreachable + " are not reachable from START: every state needs a path"
                + " from START with non-zero probabilities");
      }
    }

    private static boolean[] reach(double[][] p, int origin, boolean reverse) {
      int n = p.length;
      boolean[] seen = new boolean[n];
      Deque<Integer> todo = new ArrayDeque<>();
      seen[origin] = true;
      todo.add(origin);
      while (!todo.isEmpty()) {
        int s = todo.poll();
        for (int t = 0; t < n; t++) {
          double w = reverse ? p[t][s] : p[s][t];
          if (w > 0 && !seen[t]) {
            seen[t] = true;
            todo.add(t);
          }
        }
      }
      return seen;
    }
  }
}
