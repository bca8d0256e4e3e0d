package dev.loggen.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who made a session's requests. A visitor's attributes are a pure function of the run's seed and
 * the visitor id, so the same visitor looks the same in every session and every slice of a run.
 *
 * @param id the visitor id, unique within a run
 * @param address client address (IPv4 or IPv6 text)
 * @param userAgent the {@code User-Agent} header, or {@code null} for none
 * @param user the name a logged-in visitor uses, or {@code null}
 * @param kind what kind of client this is
 * @param returning whether the visitor has been here before (and has assets cached)
 */
public record Visitor(long id, String address, @Nullable String userAgent, @Nullable String user,
    VisitorKind kind, boolean returning) {
  /** Checks the fields. */
  public Visitor {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(kind, "kind");
  }
}
