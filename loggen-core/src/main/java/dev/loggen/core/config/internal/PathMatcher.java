package dev.loggen.core.config.internal;

import dev.loggen.core.Page;
import dev.loggen.core.Site;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the pages of a site that serve a concrete path of the old tool, such as
 * {@code /products?categoryID=4}. A page matches when its path template matches the path part
 * (a {@code {placeholder}} matches one segment) and every query parameter of the concrete path
 * is a parameter of the template with the same literal value or a placeholder. A match is
 * <em>approximate</em> when the concrete path pins a placeholder's value ({@code categoryID=4}
 * for {@code {category}}): what applies to the page applies to all its values. The best
 * matches are returned: exact before approximate, then the templates with the fewest parameters
 * the concrete path leaves open ({@code /products} is the products page, not the category page).
 */
public final class PathMatcher {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

  private PathMatcher() {}

  /**
   * A page that serves the path.
   *
   * @param page the page
   * @param pinned the placeholders whose values the concrete path fixes, e.g.
   *     {@code categoryID=4}; empty for an exact match
   */
  public record Match(Page page, List<String> pinned) {
    /** {@return whether what applies to the concrete path can only apply to the whole page} */
    public boolean approximate() {
      return !pinned.isEmpty();
    }
  }

  /**
   * The pages that serve a concrete path.
   *
   * @param site the site
   * @param path a concrete path with an optional query
   * @return the best matches, in page order; empty when no page serves the path
   */
  public static List<Match> match(Site site, String path) {
    int q = path.indexOf('?');
    String part = q < 0 ? path : path.substring(0, q);
    Map<String, String> query = query(q < 0 ? "" : path.substring(q + 1));
    List<Match> best = new ArrayList<>();
    int bestScore = Integer.MAX_VALUE;
    for (Page p : site.pages()) {
      String t = p.path();
      int tq = t.indexOf('?');
      String tPart = tq < 0 ? t : t.substring(0, tq);
      Map<String, String> tQuery = query(tq < 0 ? "" : t.substring(tq + 1));
      List<String> pinned = new ArrayList<>();
      if (!matchPart(tPart, part, pinned)) {
        continue;
      }
      boolean ok = true;
      for (Map.Entry<String, String> e : query.entrySet()) {
        String tv = tQuery.get(e.getKey());
        if (tv == null) {
          ok = false;
          break;
        }
        if (PLACEHOLDER.matcher(tv).matches()) {
          pinned.add(e.getKey() + "=" + e.getValue());
        } else if (!tv.equals(e.getValue())) {
          ok = false;
          break;
        }
      }
      if (!ok) {
        continue;
      }
      int open = 0;
      for (String k : tQuery.keySet()) {
        if (!query.containsKey(k)) {
          open++;
        }
      }
      int score = (pinned.isEmpty() ? 0 : 1000) + open;
      if (score < bestScore) {
        best.clear();
        bestScore = score;
      }
      if (score == bestScore) {
        best.add(new Match(p, List.copyOf(pinned)));
      }
    }
    return List.copyOf(best);
  }

  private static boolean matchPart(String template, String concrete, List<String> pinned) {
    StringBuilder re = new StringBuilder();
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    int last = 0;
    while (m.find()) {
      re.append(Pattern.quote(template.substring(last, m.start()))).append("([^/?&=]+)");
      names.add(m.group(1));
      last = m.end();
    }
    re.append(Pattern.quote(template.substring(last)));
    Matcher c = Pattern.compile(re.toString()).matcher(concrete);
    if (!c.matches()) {
      return false;
    }
    for (int i = 0; i < names.size(); i++) {
      pinned.add(names.get(i) + "=" + c.group(i + 1));
    }
    return true;
  }

  private static Map<String, String> query(String q) {
    Map<String, String> out = new LinkedHashMap<>();
    if (q.isEmpty()) {
      return out;
    }
    for (String kv : q.split("&")) {
      int eq = kv.indexOf('=');
      out.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
    }
    return out;
  }
}
