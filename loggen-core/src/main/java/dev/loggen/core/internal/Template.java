package dev.loggen.core.internal;

import dev.loggen.core.Param;
import dev.loggen.core.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A compiled path template: literal parts and placeholder slots. Expansion fills a slot from the
 * binding when the page already drew it, otherwise draws it and records it in the binding.
 * Literal parts and values are percent-encoded as a browser sends them ({@link UrlEncoding}):
 * the binding holds values as drawn, so one value can serve a path and a query.
 */
final class Template {
  private final String text;
  private final String[] literals;
  private final int[] slots;
  private final Param[] params;
  /** Per placeholder: whether its values need encoding, and whether it is in the query. */
  private final boolean[] encoded;
  private final boolean[] inQuery;
  /**
   * For a template with one placeholder over at most {@link #CACHE_LIMIT} values, while the
   * site's budget ({@link #SITE_CACHE_LIMIT}) has room for them all: the expanded path of each
   * value number (minus {@link #cacheBase}), filled lazily. Paths are then shared
   * strings with their hash cached, instead of a new concatenation per request. A benign race:
   * every thread computes the same immutable string, and a slot is read once per use.
   */
  private final @Nullable String @Nullable [] cache;
  /**
   * The hash code of each cached path (0: not known yet), so that a caller can key a table by a
   * cached path without reading the string, which is rarely still in the CPU's caches. Written
   * after the path; a reader that sees 0 computes the hash from the string, which gives the same.
   */
  private final int @Nullable [] cacheHashes;
  private final int cacheBase;
  /**
   * Which placeholder (0-based, in the order of the text) names the resource, or -1 for a
   * constant template: the first catalogue-like one (values ranked by popularity), else the
   * first. Whether a URL is gone (404) is a property of its value ({@link #expand(Rng, String[],
   * boolean, int[], int[])} reports it).
   */
  private final int keyPlaceholder;
  private static final int CACHE_LIMIT = 1 << 18;
  /**
   * How many paths the templates of one site cache in all: each cache fills as the run goes
   * on (some 70 bytes a path), so a site of many large catalogues made memory grow with the
   * line count, past a small heap. The templates compiled first take their caches while the
   * budget lasts; the others expand each path anew (the same text).
   */
  static final int SITE_CACHE_LIMIT = 1 << 18;

  private Template(String text, String[] literals, int[] slots, Param[] params,
      boolean[] encoded, boolean[] inQuery, int[] cacheBudget) {
    this.text = text;
    this.literals = literals;
    this.slots = slots;
    this.params = params;
    this.encoded = encoded;
    this.inQuery = inQuery;
    if (slots.length == 1) {
      Param p = params[slots[0]];
      long count = (long) p.maxIndex() - p.minIndex() + 1;
      boolean cached = count <= Math.min(CACHE_LIMIT, cacheBudget[0]);
      if (cached) {
        cacheBudget[0] -= (int) count;
      }
      this.cache = cached ? new String[(int) count] : null;
      this.cacheHashes = cached ? new int[(int) count] : null;
      this.cacheBase = p.minIndex();
    } else {
      this.cache = null;
      this.cacheHashes = null;
      this.cacheBase = 0;
    }
    int key = slots.length == 0 ? -1 : 0;
    for (int k = 0; k < slots.length; k++) {
      if (rankedByPopularity(params[slots[k]])) {
        key = k;
        break;
      }
    }
    this.keyPlaceholder = key;
  }

  /**
   * Whether the values of {@code p} are numbers ranked by popularity, the most popular first (a
   * catalogue): the first value is likelier than the last.
   */
  static boolean rankedByPopularity(Param p) {
    return p.isNumeric() && p.maxIndex() > p.minIndex()
        && p.share(p.minIndex()) > p.share(p.maxIndex());
  }

  /** The number of distinct paths the template expands to (capped at 2^31 - 1). */
  long distinctValues() {
    long count = 1;
    for (int slot : slots) {
      Param p = params[slot];
      count = Math.min(Integer.MAX_VALUE, count * ((long) p.maxIndex() - p.minIndex() + 1));
    }
    return count;
  }

  /** The param of the key placeholder (see {@link #keyPlaceholder}), or null if constant. */
  @Nullable Param keyParam() {
    return keyPlaceholder < 0 ? null : params[slots[keyPlaceholder]];
  }

  /**
   * Compiles a path template.
   *
   * @param cacheBudget in {@code [0]}: how many more paths the site's templates may cache; the
   *     template takes its cache's share out of it ({@link #SITE_CACHE_LIMIT} for a site)
   */
  static Template compile(String text, Map<String, Integer> slotOf, Param[] paramBySlot,
      int[] cacheBudget) {
    List<String> lits = new ArrayList<>();
    List<Integer> sl = new ArrayList<>();
    List<Boolean> queries = new ArrayList<>();
    StringBuilder encodedText = new StringBuilder(text.length());
    boolean query = false; // past the '?' that starts the query
    int i = 0;
    while (true) {
      int open = text.indexOf('{', i);
      String raw = text.substring(i, open < 0 ? text.length() : open);
      int mark = query ? 0 : raw.indexOf('?');
      String lit = mark < 0 ? UrlEncoding.encode(raw, false, false)
          : UrlEncoding.encode(raw.substring(0, mark), false, false)
              + UrlEncoding.encode(raw.substring(mark), true, false);
      query |= mark >= 0;
      lits.add(lit);
      encodedText.append(lit);
      if (open < 0) {
        break;
      }
      int close = text.indexOf('}', open);
      sl.add(slotOf.get(text.substring(open + 1, close)));
      queries.add(query);
      encodedText.append(text, open, close + 1);
      i = close + 1;
    }
    int[] slots = sl.stream().mapToInt(Integer::intValue).toArray();
    boolean[] encoded = new boolean[slots.length];
    boolean[] inQuery = new boolean[slots.length];
    for (int k = 0; k < slots.length; k++) {
      encoded[k] = needsEncoding(paramBySlot[slots[k]]);
      inQuery[k] = queries.get(k);
    }
    return new Template(encodedText.toString(), lits.toArray(new String[0]), slots, paramBySlot,
        encoded, inQuery, cacheBudget);
  }

  /** Whether any value of {@code p} changes when encoded (numbers never do). */
  private static boolean needsEncoding(Param p) {
    if (p.isNumeric()) {
      return false;
    }
    for (int v = p.minIndex(); v <= p.maxIndex(); v++) {
      if (UrlEncoding.needsEncoding(p.text(v))) {
        return true;
      }
    }
    return false;
  }

  /** Value {@code v} of placeholder {@code k}, as it goes into the request target. */
  private String encode(int k, String v) {
    return encoded[k] ? UrlEncoding.encode(v, inQuery[k], true) : v;
  }

  /** The parameter slot of each placeholder, in the order of the text (not to be changed). */
  int[] slots() {
    return slots;
  }

  /** Whether one of the placeholders is filled from parameter slot {@code slot}. */
  boolean uses(int slot) {
    for (int k : slots) {
      if (k == slot) {
        return true;
      }
    }
    return false;
  }

  boolean isConstant() {
    return slots.length == 0;
  }

  String text() {
    return text;
  }

  /**
   * Expands the template.
   *
   * @param binding values drawn so far for this page view, by slot; filled in here, so a
   *     placeholder that comes twice in the path takes one value
   * @param uniform draw catalogue ids uniformly instead of by popularity (crawlers)
   */
  String expand(Rng rng, @Nullable String[] binding, boolean uniform) {
    return expand(rng, binding, uniform, null);
  }

  /**
   * {@link #expand(Rng, String[], boolean)}, also giving the path's hash code in
   * {@code hash[0]} when {@code hash} is not null: for a cached path from the table of hash
   * codes, without reading the string.
   */
  String expand(Rng rng, @Nullable String[] binding, boolean uniform,
      int @Nullable [] hash) {
    return expand(rng, binding, uniform, hash, null);
  }

  /**
   * {@link #expand(Rng, String[], boolean, int[])}, also giving in {@code key[0]}, when
   * {@code key} is not null, the value number of the key placeholder (0 for a constant
   * template), which names the resource the URL shows: a number, not a hash of the path.
   */
  String expand(Rng rng, @Nullable String[] binding, boolean uniform,
      int @Nullable [] hash, int @Nullable [] key) {
    if (slots.length == 0) {
      if (key != null) {
        key[0] = 0;
      }
      return hashed(text, hash);
    }
    String[] c = cache;
    int[] ch = cacheHashes;
    if (c != null && ch != null) {
      int slot = slots[0];
      Param p = params[slot];
      String bound = binding[slot];
      int i;
      // The slot is read once: with the racy sharing of the cache (see there), a second read
      // may see null where the first saw the path.
      String s;
      if (bound != null) {
        int v = p.isNumeric() ? parse(bound) : -1;
        if (key != null) {
          key[0] = v >= 0 ? v : valueNumber(p, bound);
        }
        i = v - cacheBase;
        if (i < 0 || i >= c.length || (s = c[i]) == null) {
          return hashed(literals[0] + encode(0, bound) + literals[1], hash);
        }
      } else {
        int v = uniform ? p.sampleUniformIndex(rng) : p.sampleIndex(rng);
        if (key != null) {
          key[0] = v;
        }
        binding[slot] = p.text(v);
        i = v - cacheBase;
        s = c[i];
        if (s == null) {
          s = literals[0] + encode(0, p.text(v)) + literals[1];
          c[i] = s;
          ch[i] = s.hashCode();
        }
      }
      if (hash != null) {
        int h = ch[i];
        hash[0] = h != 0 ? h : s.hashCode();
      }
      return s;
    }
    if (slots.length == 1 && literals[1].isEmpty()) {
      return hashed(literals[0].concat(encode(0, value(0, rng, binding, uniform, key))),
          hash);
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int k = 0; k < slots.length; k++) {
      sb.append(literals[k]).append(encode(k, value(k, rng, binding, uniform,
          k == keyPlaceholder ? key : null)));
    }
    return hashed(sb.append(literals[slots.length]).toString(), hash);
  }

  private static String hashed(String s, int @Nullable [] hash) {
    if (hash != null) {
      hash[0] = s.hashCode();
    }
    return s;
  }

  private static int parse(String digits) {
    int v = 0;
    int n = digits.length();
    if (n == 0 || n > 9) {
      return -1;
    }
    for (int i = 0; i < n; i++) {
      char ch = digits.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }

  /**
   * The value of placeholder {@code k}: the bound one, or a new draw. With {@code key} not null,
   * its value number goes to {@code key[0]}.
   */
  private String value(int k, Rng rng, @Nullable String[] binding, boolean uniform,
      int @Nullable [] key) {
    int slot = slots[k];
    Param p = params[slot];
    String bound = binding[slot];
    if (bound != null) {
      if (key != null) {
        key[0] = valueNumber(p, bound);
      }
      return bound;
    }
    // sample(rng) is text(sampleIndex(rng)): the same draws either way.
    int n = uniform ? p.sampleUniformIndex(rng) : p.sampleIndex(rng);
    if (key != null) {
      key[0] = n;
    }
    String v = p.text(n);
    binding[slot] = v;
    return v;
  }

  /**
   * The value number of {@code text}, a bound value (rare: a scenario's preset URL), or -1: a
   * number parse() does not read (ten digits) or a word not in the list is never a gone resource.
   */
  private static int valueNumber(Param p, String text) {
    if (p.isNumeric()) {
      return parse(text);
    }
    for (int v = p.minIndex(); v <= p.maxIndex() && v >= p.minIndex(); v++) {
      if (p.text(v).equals(text)) {
        return v;
      }
    }
    return -1;
  }
}
