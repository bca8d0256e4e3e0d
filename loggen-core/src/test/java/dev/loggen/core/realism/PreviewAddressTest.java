package dev.loggen.core.realism;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.Sites;
import dev.loggen.core.VisitorKind;
import dev.loggen.core.Visitors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Link-preview fetchers come from their operator's own range: one /24 per operator, no address
 * shared by two operators (WhatsApp fetches from the sender's phone: an ordinary address).
 */
class PreviewAddressTest {
  private static final List<String> OPERATORS = List.of("facebookexternalhit", "Slackbot",
      "Discordbot", "TelegramBot", "Twitterbot", "LinkedInBot", "WhatsApp");

  static LongStream seeds() {
    return LongStream.of(1, 7, 42, 1_000_003, -123_456_789);
  }

  private static String operator(String agent) {
    for (String o : OPERATORS) {
      if (agent.contains(o)) {
        return o;
      }
    }
    return null;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void eachOperatorFetchesFromItsOwnRange(long seed) {
    Map<String, Set<String>> networks = new TreeMap<>();
    Map<String, Set<String>> operatorsOf = new HashMap<>();
    for (AccessEvent e : TrafficPropertiesTest.run(seed, Sites.shop(),
        Visitors.DEFAULT.withBots(0.5, 0.02)).events()) {
      String agent = e.userAgent();
      String op = e.visitorKind() == VisitorKind.CRAWLER && agent != null ? operator(agent) : null;
      if (op == null) {
        continue;
      }
      operatorsOf.computeIfAbsent(e.clientAddress(), k -> new TreeSet<>()).add(op);
      if (!op.equals("WhatsApp")) {
        String a = e.clientAddress();
        networks.computeIfAbsent(op, k -> new TreeSet<>()).add(a.substring(0, a.lastIndexOf('.')));
      }
    }
    List<String> shared = operatorsOf.entrySet().stream().filter(x -> x.getValue().size() > 1)
        .map(x -> x.getKey() + "=" + x.getValue()).limit(5).toList();
    assertAll(
        () -> assertTrue(networks.size() >= 4, "seed " + seed + ": few preview operators: "
            + networks.keySet()),
        () -> assertTrue(networks.values().stream().allMatch(n -> n.size() == 1),
            "seed " + seed + ": an operator fetches from several networks: " + networks),
        () -> assertEquals(List.of(), shared, "seed " + seed
            + ": addresses used by several operators"));
  }
}
