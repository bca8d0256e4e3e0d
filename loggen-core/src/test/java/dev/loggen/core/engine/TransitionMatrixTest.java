package dev.loggen.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.random.Rng;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TransitionMatrixTest {

  static LongStream seeds() {
    return LongStream.range(0, 100).map(i -> i * 7919 + 13);
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void legacyDefaultHasTheOldToolsProbabilities() {
    TransitionMatrix m = TransitionMatrix.legacyDefault();
    assertEquals(0.7, m.probability("START", "LOGIN"), 1e-12);
    assertEquals(0.3, m.probability("START", "DIRECT_ACCESS"), 1e-12);
    assertEquals(0.9, m.probability("LOGIN", "BROWSING"), 1e-12);
    assertEquals(0.2, m.probability("DIRECT_ACCESS", "LEAVE"), 1e-12);
    assertEquals(0.05, m.probability("BROWSING", "ERROR"), 1e-12);
    assertEquals(1.0, m.probability("LOGOUT", "END"), 1e-12);
    assertEquals(1.0, m.probability("ERROR", "END"), 1e-12);
    assertTrue(m.isTerminal(m.indexOf("END")));
  }

  @Test
  void everyRowSumsToOne() {
    TransitionMatrix m = TransitionMatrix.legacyDefault();
    for (String from : m.states()) {
      if (from.equals("END")) {
        continue;
      }
      double sum = m.asMap().get(from).values().stream().mapToDouble(Double::doubleValue).sum();
      assertEquals(1.0, sum, 1e-12, "row " + from);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void walksTakeOnlyNonZeroEdgesAndEnd(long seed) {
    TransitionMatrix m = TransitionMatrix.legacyDefault();
    Rng rng = Rng.seeded(seed);
    for (int walk = 0; walk < 200; walk++) {
      int s = m.startState();
      int steps = 0;
      while (!m.isTerminal(s)) {
        int next = m.next(s, rng);
        assertTrue(m.probability(m.states().get(s), m.states().get(next)) > 0,
            "seed " + seed + ": took a zero-probability edge " + m.states().get(s) + " -> "
                + m.states().get(next));
        s = next;
        assertTrue(++steps < 10_000, "seed " + seed + ": walk did not end");
      }
    }
  }

  @Test
  void empiricalFrequenciesMatchTheMatrix() {
    TransitionMatrix m = TransitionMatrix.legacyDefault();
    Rng rng = Rng.seeded(2026);
    int browsing = m.indexOf("BROWSING");
    int n = 400_000;
    int[] counts = new int[m.states().size()];
    for (int i = 0; i < n; i++) {
      counts[m.next(browsing, rng)]++;
    }
    for (String to : List.of("LOGOUT", "ABANDON", "ERROR", "BROWSING")) {
      double p = m.probability("BROWSING", to);
      double sd = Math.sqrt(p * (1 - p) / n);
      assertEquals(p, (double) counts[m.indexOf(to)] / n, 5 * sd, "BROWSING -> " + to);
    }
  }

  @Test
  void rowsMustSumToOneWithinTolerance() {
    assertEquals("probabilities of state START must sum to 1 (within 0.01) but sum to 0.9:"
            + " {LOGIN=0.5, DIRECT_ACCESS=0.4}",
        message(() -> TransitionMatrix.builder().from("START").to("LOGIN", 0.5)
            .to("DIRECT_ACCESS", 0.4).build()));
    // within 0.01 is accepted and scaled to exactly 1
    TransitionMatrix m = TransitionMatrix.builder().from("START").to("LOGIN", 0.695)
        .to("DIRECT_ACCESS", 0.3).build();
    assertEquals(1.0, m.probability("START", "LOGIN") + m.probability("START", "DIRECT_ACCESS"),
        1e-12);
  }

  @Test
  void normalizeScalesAnyPositiveRow() {
    TransitionMatrix m = TransitionMatrix.builder().normalize().from("START").to("LOGIN", 3)
        .to("DIRECT_ACCESS", 1).build();
    assertEquals(0.75, m.probability("START", "LOGIN"), 1e-12);
  }

  @Test
  void negativeAndNanProbabilitiesAreRejected() {
    assertEquals("probability of START -> LOGIN must be a finite number >= 0 (got -0.1)",
        message(() -> TransitionMatrix.builder().from("START").to("LOGIN", -0.1)));
    assertEquals("probability of START -> LOGIN must be a finite number >= 0 (got NaN)",
        message(() -> TransitionMatrix.builder().from("START").to("LOGIN", Double.NaN)));
  }

  @Test
  void unknownTargetIsNamed() {
    String msg = message(() -> TransitionMatrix.builder().from("START").to("BROWSNG", 1.0)
        .build());
    assertTrue(msg.startsWith("state START has a transition to unknown state 'BROWSNG'"), msg);
    assertTrue(msg.contains("BROWSING"), msg);
  }

  @Test
  void unreachableStateIsNamed() {
    assertEquals("states [CHECKOUT] are not reachable from START: every state needs a path from"
            + " START with non-zero probabilities",
        message(() -> TransitionMatrix.builder().from("START").to("BROWSING", 1.0)
            .from("CHECKOUT").to("END", 1.0).build()));
  }

  @Test
  void endUnreachableIsNamed() {
    assertEquals("END is not reachable from states [START, LOOP]: sessions in them would never"
            + " end",
        message(() -> TransitionMatrix.builder().from("START").to("LOOP", 1.0)
            .from("LOOP").to("LOOP", 1.0).build()));
  }

  @Test
  void missingStartRowAndDuplicateTransitionAreReported() {
    assertTrue(message(() -> TransitionMatrix.builder().from("LOGIN").to("END", 1.0).build())
        .startsWith("transition matrix has no row for START"));
    assertEquals("transition START -> LOGIN was already set to 0.5",
        assertThrows(IllegalStateException.class, () -> TransitionMatrix.builder().from("START")
            .to("LOGIN", 0.5).to("LOGIN", 0.5)).getMessage());
  }

  @Test
  void customStatesWork() {
    TransitionMatrix m = TransitionMatrix.builder()
        .from("START").to("CHECKOUT", 1.0)
        .from("CHECKOUT").to("END", 0.5).to("CHECKOUT", 0.5)
        .build();
    assertEquals(List.of("START", "CHECKOUT", "END"), m.states());
  }

  /**
   * Two weights of Double.MAX_VALUE made the row's sum infinite, every probability 0, and the
   * build failed with "END is not reachable". Scaled by the largest weight first, the row gets
   * its proportions.
   */
  @Test
  void normalizeKeepsTheProportionsOfWeightsWhoseSumOverflows() {
    TransitionMatrix m = TransitionMatrix.builder().normalize()
        .from(States.START).to("BROWSING", Double.MAX_VALUE).to(States.END, Double.MAX_VALUE)
        .from("BROWSING").to(States.END, Double.MAX_VALUE).to("BROWSING",
            Double.MAX_VALUE / 4)
        .build();
    assertEquals(0.5, m.probability(States.START, "BROWSING"));
    assertEquals(0.5, m.probability(States.START, States.END));
    assertEquals(0.8, m.probability("BROWSING", States.END), 1e-15);
    assertEquals(0.2, m.probability("BROWSING", "BROWSING"), 1e-15);
    // ordinary weights give the same probabilities as ever
    TransitionMatrix small = TransitionMatrix.builder().normalize()
        .from(States.START).to("BROWSING", 3).to(States.END, 1)
        .from("BROWSING").to(States.END, 1).build();
    assertEquals(3.0 / 4, small.probability(States.START, "BROWSING"));
  }

  @Test
  void drawProbabilitiesAreTheRowsResolvedTo21Bits() {
    TransitionMatrix m = TransitionMatrix.legacyDefault();
    // START: two columns; LOGIN's 0.7 * 2 leaves DIRECT_ACCESS's column 0.6, rounded up to
    // ceil(0.6 * 2^21) / 2^21, half the time
    double direct = 0.5 * Math.ceil(0.6 * 0x1.0p21) / 0x1.0p21;
    assertEquals(direct, m.drawProbability("START", "DIRECT_ACCESS"));
    assertEquals(1 - direct, m.drawProbability("START", "LOGIN"));
    assertEquals(0.3, m.probability("START", "DIRECT_ACCESS"), 1e-12);
    for (String from : m.states()) {
      double sum = 0;
      for (String to : m.states()) {
        double drawn = m.drawProbability(from, to);
        assertEquals(m.probability(from, to), drawn, 0x1.0p-20, from + " -> " + to);
        sum += drawn;
      }
      assertEquals(m.isTerminal(m.indexOf(from)) ? 0 : 1, sum, 1e-12, from);
    }
  }
}
