package dev.loggen.core.internal;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LogFormat;
import dev.loggen.core.VisitorKind;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Tells an access-log format from an error-log format, for the writers' {@code format(..)}
 * setters: by {@link LogFormat#accepts}, whose contract is that an access-log format writes a
 * line for every event and an error-log format only for failed requests.
 */
public final class AccessFormats {
  /**
   * An ordinary request, answered 200: an access-log format writes a line for it as for every
   * event, an error-log format none.
   */
  private static final AccessEvent ORDINARY = new AccessEvent(0, ZoneOffset.UTC, "192.0.2.1",
      null, null, "GET", "/", "HTTP/1.1", 200, 1, null, null, 1, "localhost", 1, "BROWSING",
      VisitorKind.HUMAN, null);

  private AccessFormats() {}

  /**
   * Returns {@code format} if it is an access-log format.
   *
   * @throws NullPointerException for null
   * @throws IllegalArgumentException for an error-log format, naming it and where it belongs
   */
  public static LogFormat require(LogFormat format) {
    Objects.requireNonNull(format, "format");
    if (!format.accepts(ORDINARY)) {
      throw new IllegalArgumentException("format " + format.name() + " is an error-log format"
          + " (it writes no line for an ordinary 200 response): give it to errors(format, sink)"
          + " and an access-log format, such as LogFormats.combined(), to format(...)");
    }
    return format;
  }
}
