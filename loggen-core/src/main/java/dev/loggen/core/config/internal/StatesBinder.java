package dev.loggen.core.config.internal;

import dev.loggen.core.config.ConfigNode;
import dev.loggen.core.engine.States;
import dev.loggen.core.engine.TransitionMatrix;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a transition matrix ({@code states} in loggen's files, {@code state_transitions} in the
 * old tool's) and checks every entry with its own position: probabilities, names of states, row
 * sums, END reachable from every state, every state reachable from START.
 */
public final class StatesBinder {
  /** The built-in state names, the old tool's. */
  public static final List<String> BUILT_IN = List.of(States.START, States.LOGIN,
      States.DIRECT_ACCESS, States.BROWSING, States.LOGOUT, States.ABANDON, States.LEAVE,
      States.ERROR, States.END);

  /** The old tool's states that end a session there, but END (which has no row anywhere). */
  private static final Set<String> OLD_TERMINAL = Set.of(States.LOGOUT, States.ABANDON,
      States.LEAVE, States.ERROR);

  private StatesBinder() {}

  /**
   * Reads rows of {@code state: {next: probability}}.
   *
   * @param states the section
   * @param base rows that apply unless {@code states} gives a row of the same state (the old
   *     tool's defaults); empty for none
   * @param normalize whether rows are weights to scale (else they must sum to 1 within 0.01)
   * @param customStates whether states other than the built-in ones may be declared
   * @return the matrix, or null when missing or wrong
   */
  public static @Nullable TransitionMatrix read(ConfigNode states,
      Map<String, Map<String, Double>> base, boolean normalize, boolean customStates) {
    if (states.isMissing()) {
      return null;
    }
    int before = states.diagnostics().errorCount();
    Map<String, ConfigNode> rowNodes = states.map();
    if (!states.isMapping()) {
      return null;
    }
    Set<String> known = new LinkedHashSet<>(BUILT_IN);
    if (customStates) {
      known.addAll(rowNodes.keySet());
    }
    Map<String, Map<String, Double>> rows = new LinkedHashMap<>(base);
    for (Map.Entry<String, ConfigNode> r : rowNodes.entrySet()) {
      String from = r.getKey();
      ConfigNode rowNode = r.getValue();
      if (from.isBlank()) {
        rowNode.keyNode().error("a state name must not be blank");
        continue;
      }
      if (!known.contains(from)) {
        rowNode.keyNode().error("unknown state '" + from + "'" + hint(from, known, false));
        continue;
      }
      Map<String, Double> row = new LinkedHashMap<>();
      Map<String, ConfigNode> entries = rowNode.kind() == ConfigNode.Kind.NULL ? Map.of()
          : rowNode.map();
      if (from.equals(States.END) && !entries.isEmpty()) {
        rowNode.keyNode().error("END is terminal: it must not have transitions");
        continue;
      }
      double sum = 0;
      boolean ok = rowNode.kind() == ConfigNode.Kind.NULL || rowNode.isMapping();
      for (Map.Entry<String, ConfigNode> t : entries.entrySet()) {
        String to = t.getKey();
        ConfigNode p = t.getValue();
        if (!known.contains(to)) {
          p.keyNode().error("unknown state '" + to + "'" + hint(to, known, customStates));
          ok = false;
          continue;
        }
        OptionalDouble v = normalize ? p.nonNegativeNumber() : p.probability();
        if (v.isEmpty()) {
          ok = false;
          continue;
        }
        row.put(to, v.getAsDouble());
        sum += v.getAsDouble();
      }
      if (ok && entries.isEmpty() && !customStates && !from.equals(States.END)) {
        // the old tool required every row to sum to 1: an empty row is loggen's own meaning
        rowNode.warning("an empty row: the old tool required the probabilities of each state"
            + " to sum to 1; loggen ends the session in state " + from
            + (from.equals(States.START) ? ", so no session makes a request" : "")
            + " (give its next states, or leave the row out to keep the default row)");
      }
      if (ok && !entries.isEmpty()) {
        if (normalize && !(sum > 0)) {
          rowNode.error("the weights of state " + from + " are all 0");
          ok = false;
        } else if (!normalize && Math.abs(sum - 1) > TransitionMatrix.ROW_SUM_TOLERANCE) {
          rowNode.error(String.format(Locale.ROOT,
              "the probabilities of state %s must sum to 1 (within %s) but sum to %s%s", from,
              TransitionMatrix.ROW_SUM_TOLERANCE, Values.format(round(sum)),
              customStates ? "; or set 'normalize: true' to scale every row" : ""));
          ok = false;
        }
      }
      if (ok && !entries.isEmpty() && !customStates && OLD_TERMINAL.contains(from)) {
        // the old tool's file may hold such a row, but the old tool ended the session there
        rowNode.warning(from + " ends a session in the old tool, which follows rows only for"
            + " START, LOGIN, DIRECT_ACCESS and BROWSING; loggen follows this row, so sessions"
            + " go on from " + from + " (leave the row out to end sessions in " + from + ")");
      }
      if (ok) {
        rows.put(from, row);
      }
    }
    if (!rows.containsKey(States.START) && !rowNodes.containsKey(States.START)) {
      String start = rowNodes.keySet().stream()
          .filter(k -> k.trim().equalsIgnoreCase(States.START)).findFirst().orElse(null);
      if (start != null) { // a row of its own makes it a custom state, not START
        rowNodes.get(start).keyNode().error("there is no row for START (every session starts"
            + " there): did you mean 'START'? State names are case-sensitive");
      } else {
        states.keyNode().error("there is no row for START: every session starts there");
      }
    }
    if (states.diagnostics().errorCount() > before) {
      return null;
    }
    // A base row the file did not write is dropped when the file's rows no longer lead to its
    // state: the file's rows must be valid on their own, not against rows it never saw.
    Set<String> fromStart = reach(States.START, edges(rows));
    rows.keySet().removeIf(s -> !rowNodes.containsKey(s) && !fromStart.contains(s));
    checkReachability(states, rowNodes, rows);
    if (states.diagnostics().errorCount() > before) {
      return null;
    }
    return Specs.construct(states, before, () -> {
      TransitionMatrix.Builder b = TransitionMatrix.builder();
      rows.forEach((from, row) -> {
        b.from(from);
        row.forEach(b::to);
      });
      if (normalize) {
        b.normalize();
      }
      return b.build();
    });
  }

  private static double round(double v) {
    return Math.round(v * 1e9) / 1e9;
  }

  private static String hint(String name, Set<String> known, boolean canDeclare) {
    String s = Suggestions.closest(name, known).map(c -> ": did you mean '" + c + "'?")
        .orElse(": expected one of " + String.join(", ", known));
    return canDeclare ? s + " (a new state needs a row of its own, e.g. '" + name + ": {}')" : s;
  }

  private static void checkReachability(ConfigNode states, Map<String, ConfigNode> rowNodes,
      Map<String, Map<String, Double>> rows) {
    Map<String, Set<String>> next = edges(rows);
    Set<String> names = next.keySet();
    Set<String> fromStart = reach(States.START, next);
    Map<String, Set<String>> prev = new LinkedHashMap<>();
    names.forEach(s -> prev.put(s, new LinkedHashSet<>()));
    next.forEach((s, out) -> out.forEach(t -> prev.get(t).add(s)));
    Set<String> toEnd = reach(States.END, prev);
    for (String s : names) {
      ConfigNode at = rowNodes.containsKey(s) ? rowNodes.get(s).keyNode() : states.keyNode();
      if (!toEnd.contains(s)) {
        at.error("END is not reachable from state " + s
            + ": sessions in it would never end (give it a way towards END, e.g. LEAVE)");
      } else if (!fromStart.contains(s) && !s.equals(States.END)) {
        at.error("state " + s + " is not reachable from START: no path of non-zero"
            + " probabilities leads to it");
      }
    }
  }

  /**
   * Every state the rows name (START and END always), in order, with the states it goes to with
   * a non-zero probability (a state without a row goes to END).
   */
  private static Map<String, Set<String>> edges(Map<String, Map<String, Double>> rows) {
    Set<String> names = new LinkedHashSet<>();
    names.add(States.START);
    names.addAll(rows.keySet());
    rows.values().forEach(r -> names.addAll(r.keySet()));
    names.add(States.END);
    Map<String, Set<String>> next = new LinkedHashMap<>();
    for (String s : names) {
      Set<String> out = new LinkedHashSet<>();
      Map<String, Double> row = rows.get(s);
      if (row == null || row.isEmpty()) {
        if (!s.equals(States.END)) {
          out.add(States.END);
        }
      } else {
        row.forEach((t, p) -> {
          if (p > 0) {
            out.add(t);
          }
        });
      }
      next.put(s, out);
    }
    return next;
  }

  private static Set<String> reach(String origin, Map<String, Set<String>> edges) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    seen.add(origin);
    todo.add(origin);
    while (!todo.isEmpty()) {
      for (String t : edges.getOrDefault(todo.poll(), Set.of())) {
        if (seen.add(t)) {
          todo.add(t);
        }
      }
    }
    return seen;
  }
}
