package dev.loggen.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Text a site's configuration gives, encoded as a browser sends it. */
class UrlEncodingTest {
  @ParameterizedTest(name = "[{0}] {1} -> {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '^', value = {
      "path  | /café/menü         | /caf%C3%A9/men%C3%BC",
      "path  | /a b               | /a%20b",
      "path  | /x\"<y>`           | /x%22%3Cy%3E%60",
      "path  | /50%25/a+b         | /50%25/a+b",
      "path  | /it's/~me/!$&()*,;=:@ | /it's/~me/!$&()*,;=:@",
      "path  | /😀                 | /%F0%9F%98%80",
      "query | ?q=it's            | ?q=it%27s",
      "query | ?q={x}`            | ?q={x}`",
      "query | ?q=a b&r=c\"d       | ?q=a%20b&r=c%22d",
      "path  | /a?b#c              | /a?b#c",
      "pathValue  | a?b#c/d       | a%3Fb%23c/d",
      "queryValue | a?b#c/d       | a?b%23c/d",
      "queryValue | iced coffee   | iced%20coffee",
      "queryValue | salt & pepper | salt%20%26%20pepper",
      "pathValue  | salt&pepper   | salt&pepper",
      "queryValue | crème brûlée  | cr%C3%A8me%20br%C3%BBl%C3%A9e",
  })
  void encodesAsABrowserDoes(String where, String text, String expected) {
    boolean query = where.startsWith("query");
    boolean value = where.endsWith("Value");
    assertEquals(expected, UrlEncoding.encode(text, query, value));
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 200);
  }

  /**
   * Over random text (ASCII punctuation, controls, Latin-1, other planes, lone surrogates): the
   * result is printable ASCII without space, quote or angle brackets; encoding twice changes
   * nothing; text that needs nothing is returned as the same instance; and decoding gives the
   * text back (a lone surrogate comes back as '?').
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void encodedTextIsSafeStableAndDecodesBack(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(40);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(6)) {
        case 0 -> sb.append((char) r.nextInt(0x20, 0x7F)); // printable ASCII
        case 1 -> sb.append((char) r.nextInt(0, 0x20)); // controls
        case 2 -> sb.append((char) r.nextInt(0x7F, 0x100));
        case 3 -> sb.appendCodePoint(r.nextInt(0x100, 0x10FFFF + 1)); // any plane, lone surrogates too
        case 4 -> sb.append(" \"<>`{}'#?&".charAt(r.nextInt(11)));
        default -> sb.append((char) ('a' + r.nextInt(26)));
      }
    }
    String text = sb.toString().replace("%", "");
    for (int mode = 0; mode < 4; mode++) {
      boolean query = (mode & 1) != 0;
      boolean value = (mode & 2) != 0;
      String e = UrlEncoding.encode(text, query, value);
      String why = "seed " + seed + ", query " + query + ", value " + value + ": " + e;
      for (int i = 0; i < e.length(); i++) {
        char c = e.charAt(i);
        assertTrue(c > ' ' && c < 0x7F && c != '"' && c != '<' && c != '>', why);
      }
      assertEquals(e, UrlEncoding.encode(e, query, value), why);
      if (e.equals(text)) {
        assertSame(text, e, why);
      }
      String decoded = URLDecoder.decode(e.replace("+", "%2B"), StandardCharsets.UTF_8);
      assertEquals(withoutLoneSurrogates(text), decoded, why);
    }
  }

  private static String withoutLoneSurrogates(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else {
        sb.append(Character.isSurrogate(c) ? '?' : c);
      }
    }
    return sb.toString();
  }
}
