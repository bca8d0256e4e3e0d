package dev.loggen.bench;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;

/**
 * A line shaped like Apache's Combined format (same fields, similar length) with the time
 * printed as epoch milliseconds: the sink, end-to-end and parallel benchmarks use it while
 * {@code loggen-formats} has not landed, so they measure the pipeline, not a format.
 */
public final class StandInFormat implements LogFormat {
  /** The instance. */
  public static final StandInFormat INSTANCE = new StandInFormat();

  private StandInFormat() {}

  @Override
  public String name() {
    return "stand-in";
  }

  @Override
  public Renderer newRenderer() {
    return StandInFormat::render;
  }

  private static void render(AccessEvent e, LineBuffer out) {
    out.appendAscii(e.clientAddress()).appendAscii(" - ");
    String user = e.user();
    out.appendUtf8(user == null ? "-" : user).appendAscii(" [").append(e.epochMillis())
        .appendAscii("] \"").appendAscii(e.method()).append((byte) ' ').appendUtf8(e.path())
        .append((byte) ' ').appendAscii(e.protocol()).appendAscii("\" ").append(e.status())
        .append((byte) ' ').append(e.bytes()).appendAscii(" \"");
    String ref = e.referrer();
    out.appendUtf8(ref == null ? "-" : ref).appendAscii("\" \"");
    String ua = e.userAgent();
    out.appendUtf8(ua == null ? "-" : ua).append((byte) '"');
  }
}
