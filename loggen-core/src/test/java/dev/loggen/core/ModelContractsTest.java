package dev.loggen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Contracts of the public model as a library user meets them: a bad value fails where it is
 * given, with a message naming the field, the value and what was expected, not later inside
 * the generator.
 */
class ModelContractsTest {
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  private static String iae(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void aPlaceholderThatIsNotANameFailsWhereThePathIsGiven() {
    // Before: accepted by Page and Site, then a NullPointerException from events().
    assertEquals("page a: path has placeholder {item-id}, but a placeholder name must be"
        + " letters, digits or '_' (got '/x/{item-id}')",
        iae(() -> Page.html("a", "/x/{item-id}")));
    assertEquals("page a: path has placeholder {}, but a placeholder name must be letters,"
        + " digits or '_' (got '/x/{}')", iae(() -> Page.html("a", "/x/{}")));
    assertEquals("asset path has placeholder {i.d}, but a placeholder name must be letters,"
        + " digits or '_' (got '/i/{i.d}.jpg')",
        iae(() -> Asset.of("/i/{i.d}.jpg", ContentType.IMAGE)));
  }
}
