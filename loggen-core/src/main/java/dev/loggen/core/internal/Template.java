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
 */
final class Template {
  private final String text;
  private final String[] literals;
  private final int[] slots;
  private final Param[] params;
  /**
   * For a template with one placeholder over at most {@link #CACHE_LIMIT} values: the expanded
   * path of each value number (minus {@link #cacheBase}), filled lazily. Paths are then shared
   * strings with their hash cached, instead of a new concatenation per request. A benign race:
   * every thread computes the same immutable string.
   */
  private final @Nullable String @Nullable [] cache;
  private final int cacheBase;
  private static final int CACHE_LIMIT = 1 << 18;

  private Template(String text, String[] literals, int[] slots, Param[] params) {
    this.text = text;
    this.literals = literals;
    this.slots = slots;
    this.params = params;
    if (slots.length == 1) {
      Param p = params[slots[0]];
      long count = (long) p.maxIndex() - p.minIndex() + 1;
      this.cache = count <= CACHE_LIMIT ? new String[(int) count] : null;
      this.cacheBase = p.minIndex();
    } else {
      this.cache = null;
      this.cacheBase = 0;
    }
  }

  static Template compile(String text, Map<String, Integer> slotOf, Param[] paramBySlot) {
    List<String> lits = new ArrayList<>();
    List<Integer> sl = new ArrayList<>();
    int i = 0;
    StringBuilder lit = new StringBuilder();
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{') {
        int close = text.indexOf('}', i);
        String name = text.substring(i + 1, close);
        lits.add(lit.toString());
        lit.setLength(0);
        sl.add(slotOf.get(name));
        i = close + 1;
      } else {
        lit.append(c);
        i++;
      }
    }
    lits.add(lit.toString());
    return new Template(text, lits.toArray(new String[0]),
        sl.stream().mapToInt(Integer::intValue).toArray(), paramBySlot);
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
   * @param binding values drawn so far for this page view, by slot; filled in here
   * @param fresh draw every placeholder anew (ignoring and not touching the binding)
   * @param uniform draw catalogue ids uniformly instead of by popularity (crawlers)
   */
  String expand(Rng rng, @Nullable String[] binding, boolean fresh, boolean uniform) {
    if (slots.length == 0) {
      return text;
    }
    String[] c = cache;
    if (c != null) {
      int slot = slots[0];
      Param p = params[slot];
      String bound = fresh ? null : binding[slot];
      if (bound != null) {
        int v = p.isNumeric() ? parse(bound) : -1;
        int i = v - cacheBase;
        if (i >= 0 && i < c.length && c[i] != null) {
          return c[i];
        }
        return literals[0] + bound + literals[1];
      }
      int v = uniform ? p.sampleUniformIndex(rng) : p.sampleIndex(rng);
      if (!fresh) {
        binding[slot] = p.text(v);
      }
      String s = c[v - cacheBase];
      if (s == null) {
        s = literals[0] + p.text(v) + literals[1];
        c[v - cacheBase] = s;
      }
      return s;
    }
    if (slots.length == 1 && literals[1].isEmpty()) {
      return literals[0].concat(value(0, rng, binding, fresh, uniform));
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int k = 0; k < slots.length; k++) {
      sb.append(literals[k]).append(value(k, rng, binding, fresh, uniform));
    }
    return sb.append(literals[slots.length]).toString();
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

  private String value(int k, Rng rng, @Nullable String[] binding, boolean fresh,
      boolean uniform) {
    int slot = slots[k];
    if (!fresh) {
      String v = binding[slot];
      if (v != null) {
        return v;
      }
    }
    Param p = params[slot];
    String v = uniform ? p.sampleUniform(rng) : p.sample(rng);
    if (!fresh) {
      binding[slot] = v;
    }
    return v;
  }
}
