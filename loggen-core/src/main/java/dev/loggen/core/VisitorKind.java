package dev.loggen.core;

/** What kind of client made a request: the ground truth behind an {@link AccessEvent}. */
public enum VisitorKind {
  /** A person using a browser. */
  HUMAN,
  /** A search-engine or other crawler that reads {@code robots.txt} and walks many pages. */
  CRAWLER,
  /** A vulnerability scanner probing for well-known paths, mostly collecting 404s. */
  SCANNER,
  /** An uptime monitor that fetches one URL at a fixed interval. */
  MONITOR,
  /** A programmatic API client (the {@code api} profile). */
  API_CLIENT;

  private final String label = name().toLowerCase(java.util.Locale.ROOT);

  /** The lower-case name used in JSON output and configuration, e.g. {@code "crawler"}. */
  public String label() {
    return label;
  }
}
