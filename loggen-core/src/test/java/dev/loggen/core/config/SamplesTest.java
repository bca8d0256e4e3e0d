package dev.loggen.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogGenerator;
import dev.loggen.core.Scenario;
import dev.loggen.core.Sites;
import dev.loggen.core.Visitors;
import dev.loggen.core.engine.TransitionMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sample configurations shipped in loggen-examples load and generate. */
class SamplesTest {
  /** Keys of the samples that loggen-formats and loggen-sinks bind. */
  static final Set<String> OTHER_MODULES = Set.of("format", "output");

  static Path samples() {
    Path p = Path.of("../loggen-examples/src/main/resources/samples");
    assertTrue(Files.isDirectory(p), "samples directory missing: " + p.toAbsolutePath());
    return p;
  }

  static LogGenerator load(String name) {
    return CoreConfig.load(samples().resolve(name), OTHER_MODULES).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop.yaml", "blog.yaml", "api.yaml", "custom-site.yaml",
      "incident.yaml"})
  void sampleLoadsAndGenerates(String name) {
    LogGenerator gen = load(name);
    List<AccessEvent> events = gen.events().limit(2_000).toList();
    assertFalse(events.isEmpty(), name + " generated nothing: " + gen);
    Instant start = gen.start();
    for (AccessEvent e : events) {
      assertFalse(e.instant().isBefore(start), name + ": " + e);
    }
  }

  @Test
  void everySampleIsTested() throws Exception {
    try (Stream<Path> files = Files.list(samples())) {
      Set<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml")).collect(Collectors.toSet());
      assertEquals(Set.of("shop.yaml", "blog.yaml", "api.yaml", "custom-site.yaml",
          "incident.yaml"), names);
    }
  }

  @Test
  void sameSampleSameEvents() {
    assertEquals(load("shop.yaml").events().limit(500).toList(),
        load("shop.yaml").events().limit(500).toList());
  }

  @Test
  void shopSample() {
    LogGenerator gen = load("shop.yaml");
    assertEquals(42, gen.seed());
    assertEquals("shop", gen.site().name());
    assertEquals(Instant.parse("2026-01-05T00:00:00Z"), gen.start());
    assertEquals(Duration.ofDays(1), gen.duration());
    assertEquals(2000, gen.traffic().sessionsPerHour());
    assertEquals("Europe/Berlin", gen.traffic().zone().getId());
    // Its comment says these are the shop's own settings, written out.
    assertEquals(Sites.shop().sessions(), gen.sessions());
    assertEquals(Visitors.DEFAULT, gen.visitors());
  }

  @Test
  void customSiteUsesItsOwnPagesAndStates() {
    LogGenerator gen = load("custom-site.yaml");
    assertEquals("www.example.io", gen.site().host());
    assertNotNull(gen.site().page("dashboard"));
    TransitionMatrix m = (TransitionMatrix) gen.model();
    assertTrue(m.states().containsAll(List.of("pricing", "signup", "dashboard")), m.toString());
    assertEquals(0.85, m.probability("START", "DIRECT_ACCESS"), 1e-12);
    assertEquals(0.2, m.probability("pricing", "signup"), 1e-12);
    Set<String> paths = new HashSet<>();
    Set<String> states = new HashSet<>();
    gen.events().limit(20_000).forEach(e -> {
      paths.add(e.path().replaceAll("\\?.*", ""));
      states.add(e.state());
    });
    assertTrue(paths.contains("/pricing"), paths.toString());
    assertTrue(paths.contains("/app/dashboard"), paths.toString());
    assertTrue(states.contains("pricing"), states.toString());
  }

  @Test
  void incidentHasItsScenariosAndTheirLabels() {
    LogGenerator gen = load("incident.yaml");
    List<Scenario> sc = gen.scenarios();
    assertEquals(3, sc.size());
    Scenario.Outage outage = (Scenario.Outage) sc.get(1);
    assertEquals("db-outage", outage.label());
    assertEquals(Instant.parse("2026-01-05T10:00:00Z"), outage.start());
    Scenario.CredentialStuffing cs = (Scenario.CredentialStuffing) sc.get(2);
    assertEquals(Instant.parse("2026-01-05T11:00:00Z"), cs.start());
    assertEquals(300, cs.attemptsPerMinute());
    assertEquals(Instant.parse("2026-01-05T12:00:00Z"), gen.traffic().bursts().get(0).start());
    // The window cut in 24 slices of 15 minutes: the outage is in slice 8, the attack in 12.
    Set<String> labels = Stream.of(gen.slice(8, 24), gen.slice(12, 24))
        .flatMap(LogGenerator::events).map(AccessEvent::scenario)
        .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    assertTrue(labels.containsAll(Set.of("db-outage", "credential-stuffing")), labels.toString());
  }
}
