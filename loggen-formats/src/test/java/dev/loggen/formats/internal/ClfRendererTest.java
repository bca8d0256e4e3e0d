package dev.loggen.formats.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import dev.loggen.core.VisitorKind;
import dev.loggen.formats.LogFormats;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The straight-line Common/Combined renderer against the general program interpreter: the same
 * bytes for every event, hostile values included, and used only for programs it can render.
 */
class ClfRendererTest {
  private static final String COMBINED = ApacheCompiler.NICKNAMES.get("combined");
  private static final String COMMON = ApacheCompiler.NICKNAMES.get("common");
  private static final String[] PIECES = {
      "a", "Z", "0", "/", "?", "&", "=", "%2F", " ", "-", ".", ":", "\"", "\\", "\n", "\r",
      "\t", "\u000b", "\b", "\u0000", "\u001f", "\u007f", "\u00e9", "\u00ff", "\u0141",
      "\u20ac", "\ud83d\ude00", "\ud800", "\udc00", "caf\u00e9", "\u4e2d\u6587"};
  /** The pieces an event's client and method may hold (never empty): anything but a space. */
  private static final String[] WORD_PIECES = Arrays.stream(PIECES)
      .filter(p -> p.indexOf(' ') < 0)
      .toArray(String[]::new);

  /**
   * Combined spelt with literals too long to pack with the dashes, the status or a missing
   * referrer into one 8-byte store: the renderer's general paths.
   */
  private static final String LONG_LITERALS = "%h  ::  %l  ::  %u  ::  %t \"%r\"  :::  %>s"
      + "  :::  %b \"%{Referer}i\" :: \"%{User-agent}i\"";
  /** Packed where it fits: the dashes and the status, not a missing referrer. */
  private static final String SOME_LONG_LITERALS = "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\""
      + " ::: \"%{User-agent}i\"";

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 120);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void rendersWhatTheProgramRenders(long seed) {
    for (String source : new String[] {COMBINED, COMMON, LONG_LITERALS, SOME_LONG_LITERALS}) {
      Program program = ApacheCompiler.compile(source);
      LogFormat.Renderer general = new ProgramRenderer(program);
      LogFormat.Renderer fast = ClfRenderer.forProgram(program);
      assertNotNull(fast, source);
      SplittableRandom r = new SplittableRandom(seed);
      LineBuffer want = new LineBuffer(16);
      LineBuffer got = new LineBuffer(16);
      got.appendAscii("prefix ");
      want.appendAscii("prefix ");
      for (int i = 0; i < 300; i++) {
        AccessEvent e = event(r, i);
        general.render(e, want);
        fast.render(e, got);
        String w = text(want);
        String g = text(got);
        assertEquals(w, g, "seed " + seed + ", event " + i + " of " + source + ": " + e);
        assertFalse(g.indexOf('\n') >= 0 || g.indexOf('\r') >= 0, "one line, seed " + seed);
        want.truncate(7);
        got.truncate(7);
      }
    }
  }

  @Test
  void builtInFormatsAndTheirSpellingsUseIt() {
    for (LogFormat f : new LogFormat[] {LogFormats.combined(), LogFormats.common(),
        LogFormats.apache("combined"), LogFormats.apache("%a %l %u %t \"%r\" %>s %b")}) {
      assertInstanceOf(ClfRenderer.class, f.newRenderer(), f.toString());
    }
  }

  /** Programs that differ from Common/Combined in any step keep the general renderer. */
  @ParameterizedTest
  @ValueSource(strings = {
      "%h %l %u %{%d/%b/%Y:%H:%M:%S %z}t \"%r\" %>s %b",
      "%h %l %u %{end:%d/%b/%Y:%H:%M:%S %z}t \"%r\" %>s %b",
      "%h %l %u %t \"%r\" %200s %b",
      "%h %l %u %t \"%r\" %>s %B",
      "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\"",
      "%h %l %u %t \"%r\" %>s %b \"%{User-agent}i\" \"%{Referer}i\"",
      "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-agent}i\" %D",
      "%v %h %l %u %t \"%r\" %>s %b"})
  void otherProgramsKeepTheGeneralRenderer(String source) {
    Program program = ApacheCompiler.compile(source);
    assertNull(ClfRenderer.forProgram(program), source);
    assertFalse(LogFormats.apache(source).newRenderer() instanceof ClfRenderer, source);
  }

  @Test
  void anNginxProgramNeverMatches() {
    Program p = NginxCompiler.compile("$remote_addr - $remote_user [$time_local] \"$request\" "
        + "$status $body_bytes_sent \"$http_referer\" \"$http_user_agent\"",
        dev.loggen.formats.NginxEscape.DEFAULT);
    assertFalse(ClfRenderer.matches(p.items));
  }

  /** Literals come from the program: other separators render as written. */
  @Test
  void literalsComeFromTheProgram() {
    Program p = ApacheCompiler.compile("%h  %l|%u %t \"%r\"\t%>s %b [%{Referer}i] <%{User-agent}i>");
    LogFormat.Renderer fast = ClfRenderer.forProgram(p);
    assertNotNull(fast);
    SplittableRandom r = new SplittableRandom(3);
    LineBuffer want = new LineBuffer(16);
    LineBuffer got = new LineBuffer(16);
    for (int i = 0; i < 200; i++) {
      AccessEvent e = event(r, i);
      want.reset();
      got.reset();
      new ProgramRenderer(p).render(e, want);
      fast.render(e, got);
      assertEquals(text(want), text(got), "event " + i);
    }
    assertTrue(text(got).contains("\t"));
  }

  private static String text(LineBuffer b) {
    return new String(b.array(), 0, b.length(), StandardCharsets.UTF_8);
  }

  /** Mostly plain values, with hostile ones often enough to reach every escape. */
  private static AccessEvent event(SplittableRandom r, int i) {
    long t = 1_700_000_000_000L + i * 997L + r.nextLong(0, 3_000_000L);
    ZoneOffset offset = r.nextInt(10) == 0
        ? ZoneOffset.ofTotalSeconds(r.nextInt(-18, 19) * 1800) : ZoneOffset.ofHours(2);
    String client = r.nextInt(6) == 0 ? hostile(r, WORD_PIECES, 1, 20)
        : "198.51.100." + r.nextInt(256);
    String ident = r.nextInt(8) == 0 ? hostile(r, 6) : null;
    int u = r.nextInt(10);
    String user = u == 0 ? "" : u == 1 ? hostile(r, 12) : u < 4 ? "alice" : null;
    String method = r.nextInt(8) == 0 ? hostile(r, WORD_PIECES, 1,
        r.nextInt(4) == 0 ? 80 : 6)
        : r.nextBoolean() ? "GET" : "POST";
    String path = r.nextInt(3) == 0 ? "/" + hostile(r, r.nextInt(20) == 0 ? 5_000 : 40)
        : "/products/" + r.nextInt(1, 20_000);
    String protocol = r.nextInt(10) == 0
        ? hostile(r, WORD_PIECES, 0, r.nextInt(3) == 0 ? 60 : 8)
        : r.nextBoolean() ? "HTTP/1.1" : "HTTP/2.0";
    long bytes = r.nextInt(8) == 0 ? 0 : r.nextInt(50) == 0 ? r.nextLong(Long.MAX_VALUE)
        : r.nextLong(1, 3_000_000);
    String referrer = r.nextInt(4) == 0 ? null
        : r.nextInt(5) == 0 ? hostile(r, 300) : "https://shop.example.com/p/" + r.nextInt(50);
    String agent = r.nextInt(12) == 0 ? null
        : r.nextInt(5) == 0 ? hostile(r, r.nextInt(10) == 0 ? 3_000 : 120)
        : "Mozilla/5.0 (X11; Linux x86_64; rv:" + r.nextInt(100, 130) + ".0) Firefox";
    return new AccessEvent(t, offset, client, ident, user, method, path, protocol,
        r.nextInt(100, 600), bytes, referrer, agent, r.nextLong(0, 5_000_000), "h", i,
        "BROWSING", VisitorKind.HUMAN, (String) null);
  }

  private static String hostile(SplittableRandom r, int maxPieces) {
    return hostile(r, PIECES, 0, maxPieces);
  }

  /** {@code minPieces} to {@code maxPieces} of {@code pieces}. */
  private static String hostile(SplittableRandom r, String[] pieces, int minPieces,
      int maxPieces) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(minPieces, maxPieces + 1);
    for (int k = 0; k < n; k++) {
      sb.append(pieces[r.nextInt(pieces.length)]);
    }
    return sb.toString();
  }
}
