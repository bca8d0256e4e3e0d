package dev.loggen.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.Page;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CustomSiteTest {
  @Test
  void printsReproducibly() {
    assertEquals(print(1234), print(1234));
    List<String> lines = print(1234).lines().toList();
    assertEquals(30, lines.size());
    assertTrue(lines.stream().allMatch(l -> l.contains("[02/Feb/2026:")), lines.get(0));
  }

  @Test
  void sessionsWalkTheCustomStatesAndTheSitesPages() {
    List<AccessEvent> events = CustomSite.generator(1234).events().limit(20_000).toList();
    Set<String> states = events.stream().map(AccessEvent::state).collect(Collectors.toSet());
    assertTrue(states.containsAll(Set.of("pricing", "signup", "dashboard", "BROWSING")),
        states.toString());
    Set<String> prefixes = Set.of("/", "/pricing", "/docs/", "/changelog/", "/signup",
        "/login", "/logout", "/app/dashboard", "/admin/", "/assets/", "/favicon.ico");
    for (AccessEvent e : events) {
      if (e.visitorKind() == dev.loggen.core.VisitorKind.HUMAN) {
        assertTrue(prefixes.stream().anyMatch(p -> e.path().startsWith(p)), e.path());
      }
    }
    assertTrue(events.stream().anyMatch(e -> e.path().equals("/app/dashboard")));
    assertTrue(CustomSite.site().pages().stream().map(Page::name).toList()
        .contains("dashboard"));
  }

  private static String print(long seed) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    CustomSite.print(seed, 30, new PrintStream(b, true, StandardCharsets.UTF_8));
    return b.toString(StandardCharsets.UTF_8);
  }
}
