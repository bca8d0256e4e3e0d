package dev.loggen.core.internal;

import dev.loggen.core.Asset;
import dev.loggen.core.ContentType;
import dev.loggen.core.Page;
import dev.loggen.core.Param;
import dev.loggen.core.Site;
import dev.loggen.core.random.AliasTable;
import dev.loggen.core.random.Distribution;
import dev.loggen.core.random.Rng;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Site} prepared for sampling: alias tables, compiled templates, role indices.
 * Immutable once built, but for the templates' path caches, which tolerate concurrent filling:
 * the workers of a parallel run share one.
 */
final class CompiledSite {
  final Site site;
  final String origin;
  final Param[] params;
  final CPage[] pages;
  final CAsset[] common;
  final AliasTable landing;
  final int[] landingPages;
  final @Nullable AliasTable[] links;
  final int[][] linkTargets;
  final int home;
  final int loginForm;
  final int loginSubmit;
  final int logout;
  final int cart;
  final int forbidden;
  /** The catalogue image other sites embed (the largest per-item image asset), or null. */
  final @Nullable CAsset embeddable;
  /** The first GET page of type XML (a feed), or -1. */
  final int feed;
  /** The pages a crawler fetches (see {@link #crawlable()}), in page order. */
  final int[] crawlable;
  /**
   * How often a crawler picks each of {@link #crawlable}: the square root of its number of
   * distinct URLs, so most fetches go to the catalogue and a constant page comes up about once a
   * visit; a file to download weighs its number of URLs in full (search engines index each
   * document); null if nothing is crawlable.
   */
  final @Nullable AliasTable crawlWeights;
  /** The absolute URL of the first common stylesheet (the referrer of fonts), or null. */
  final @Nullable String stylesheetUrl;
  /** The most values of a non-catalogue key that get an exact set of gone values. */
  static final int EXACT_GONE = 1 << 12;
  /** How many more paths the templates may cache (see {@link Template#SITE_CACHE_LIMIT}). */
  private final int[] cacheBudget;
  /** Number of distinct assets (common and per page): the size of a per-session cache. */
  final int assetCount;

  CompiledSite(Site site) {
    this.site = site;
    this.cacheBudget = new int[] {Template.SITE_CACHE_LIMIT};
    this.origin = "https://" + site.host();
    Map<String, Integer> slotOf = new HashMap<>();
    List<String> names = List.copyOf(site.params().keySet());
    this.params = new Param[names.size()];
    for (int i = 0; i < names.size(); i++) {
      slotOf.put(names.get(i), i);
      params[i] = site.params().get(names.get(i));
    }
    List<Page> ps = site.pages();
    this.pages = new CPage[ps.size()];
    int assetIndex = 0;
    Map<String, Integer> index = new HashMap<>();
    // One template per asset path: the same image on several pages (a product thumbnail) then
    // expands to the same cached strings, a working set a fraction of the size.
    Map<String, Template> assetPaths = new HashMap<>();
    // And one per page path: pages of one path (the api's order read, update and cancel) share
    // its cache, which counted three times against the site's budget.
    Map<String, Template> pagePaths = new HashMap<>();
    for (int i = 0; i < ps.size(); i++) {
      Page p = ps.get(i);
      index.put(p.name(), i);
      CAsset[] assets = new CAsset[p.assets().size()];
      for (int a = 0; a < assets.length; a++) {
        Asset asset = p.assets().get(a);
        assets[a] = new CAsset(asset, assetPath(assetPaths, asset, slotOf), assetIndex++);
      }
      pages[i] = new CPage(i, p, pagePaths.computeIfAbsent(p.path(),
          text -> Template.compile(text, slotOf, params, cacheBudget)), assets);
    }
    goneUrls();
    this.common = new CAsset[site.commonAssets().size()];
    for (int a = 0; a < common.length; a++) {
      Asset asset = site.commonAssets().get(a);
      common[a] = new CAsset(asset, assetPath(assetPaths, asset, slotOf), assetIndex++);
    }
    this.assetCount = assetIndex;
    fileKeys();
    String css = null;
    for (CAsset a : common) {
      if (a.asset.type() == ContentType.CSS && a.path.isConstant()) {
        css = origin + a.path.text();
        break;
      }
    }
    this.stylesheetUrl = css;
    double[] lw = new double[site.landing().size()];
    this.landingPages = new int[lw.length];
    int k = 0;
    for (Map.Entry<String, Double> e : site.landing().entrySet()) {
      landingPages[k] = index.get(e.getKey());
      lw[k++] = e.getValue();
    }
    this.landing = AliasTable.of(lw);
    this.links = new AliasTable[pages.length];
    this.linkTargets = new int[pages.length][];
    for (int i = 0; i < pages.length; i++) {
      Map<String, Double> row = site.links().get(ps.get(i).name());
      double sum = 0;
      if (row != null) {
        for (double w : row.values()) {
          sum += w;
        }
      }
      if (row == null || sum <= 0) {
        linkTargets[i] = new int[0];
        continue;
      }
      double[] w = new double[row.size()];
      int[] t = new int[row.size()];
      int j = 0;
      for (Map.Entry<String, Double> e : row.entrySet()) {
        t[j] = index.get(e.getKey());
        w[j++] = e.getValue();
      }
      links[i] = AliasTable.of(w);
      linkTargets[i] = t;
    }
    this.home = role(site, Site.Role.HOME, index);
    this.loginForm = role(site, Site.Role.LOGIN_FORM, index);
    this.loginSubmit = role(site, Site.Role.LOGIN_SUBMIT, index);
    this.logout = role(site, Site.Role.LOGOUT, index);
    this.cart = role(site, Site.Role.CART, index);
    this.forbidden = role(site, Site.Role.FORBIDDEN, index);
    CAsset best = null;
    for (CPage p : pages) {
      for (CAsset a : p.assets) {
        if (a.asset.type() == ContentType.IMAGE && !a.constant && (best == null
            || a.asset.sizes().quantile(0.5) > best.asset.sizes().quantile(0.5))) {
          best = a;
        }
      }
    }
    this.embeddable = best;
    int f = -1;
    for (CPage p : pages) {
      if (f < 0 && p.page.type() == ContentType.XML && p.page.method().equals("GET")) {
        f = p.index;
      }
    }
    this.feed = f;
    this.crawlable = crawlable();
    double[] cw = new double[crawlable.length];
    for (int i = 0; i < cw.length; i++) {
      CPage p = pages[crawlable[i]];
      double distinct = p.path.distinctValues();
      // A file to download (slides, an archive) is a document of its own, fetched once per URL
      // as a search engine indexes documents; a page template's many URLs share the square root.
      cw[i] = p.file ? distinct : Math.sqrt(distinct);
    }
    this.crawlWeights = cw.length == 0 ? null : AliasTable.of(cw);
  }

  /**
   * The pages a search-engine crawler may fetch: GET pages that it can reach by following links
   * from the landing pages through GET pages, without a login, and outside what a site's
   * robots.txt disallows: the login form, the forbidden area, the cart and any section with a
   * page behind the login (the checkout, the account) — so no {@code /checkout/thank-you}.
   */
  private int[] crawlable() {
    java.util.Set<String> closed = new java.util.HashSet<>();
    for (CPage p : pages) {
      if (p.page.loginRequired() || p.index == cart || p.index == loginForm
          || p.index == forbidden) {
        closed.add(p.page.section());
      }
    }
    boolean[] reached = new boolean[pages.length];
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
    for (int i : landingPages) {
      if (!reached[i]) {
        reached[i] = true;
        todo.add(i);
      }
    }
    java.util.List<Integer> out = new java.util.ArrayList<>();
    while (!todo.isEmpty()) {
      int i = todo.poll();
      CPage p = pages[i];
      if (!p.page.method().equals("GET") || p.page.loginRequired()
          || closed.contains(p.page.section()) && !"main".equals(p.page.section())) {
        continue; // a form, a closed area: the crawler neither fetches it nor follows on
      }
      if (i == cart || i == loginForm || i == forbidden) {
        continue;
      }
      out.add(i);
      for (int t : linkTargets[i]) {
        if (!reached[t]) {
          reached[t] = true;
          todo.add(t);
        }
      }
    }
    return out.stream().sorted().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Works out which URLs of each page are gone (a removed catalogue item, a broken link): a
   * property of the URL's key value (see {@link Template}), never of the request. Pages with the
   * same path (an API's GET, PATCH and DELETE of one resource) share one set, at the highest of
   * their {@link Page#notFoundRate}s. The most popular values, half of the page's requests, are
   * never gone (a shop does not remove its best sellers, nor leave their links broken); in the
   * rest a share is gone so that the page's requests meet the rate on average. A key of at most
   * {@link #EXACT_GONE} values that is not a catalogue (words, a list, a small range) gets a set
   * of gone values instead, among those outside its popular head (the most popular values up to
   * half the requests, the one crossing half included: never gone), taken in an order fixed by
   * the run's seed while each brings their shares nearer the rate, at most their share (so the
   * rate can be missed by about one value's share) ({@link CPage#goneRanked}; a
   * share per value would make a lumpy rate: the most popular of seven words gone, or none). A
   * key of one value is never gone. A constant path is gone or not as a whole.
   */
  private void goneUrls() {
    for (CPage p : pages) {
      double rate = 0;
      for (CPage q : pages) {
        if (q.page.path().equals(p.page.path())) {
          rate = Math.max(rate, q.page.notFoundRate());
        }
      }
      if (rate <= 0) {
        continue;
      }
      p.goneSalt = Rng.mix(p.page.path().hashCode() * 0x9E3779B97F4A7C15L + 0x6F6E65L);
      Param key = p.path.keyParam();
      p.goneShare = rate;
      p.goneFrom = key == null ? 0 : key.minIndex();
      if (key != null && !Template.rankedByPopularity(key)
          && (long) key.maxIndex() - key.minIndex() < EXACT_GONE) {
        rankValues(p, key);
      } else if (key != null && Template.rankedByPopularity(key)) {
        // the head: the most popular values up to half the requests, and the most popular one
        // whatever its share (an item of 60 % was no head at all, and gone at the rate)
        double head = 0;
        int v = key.minIndex();
        while (v < key.maxIndex() && (v == key.minIndex() || head + key.share(v) < 0.5)) {
          head += key.share(v++);
        }
        if (key.minIndex() == key.maxIndex()) {
          p.goneShare = 0; // a key of one value is never gone
        } else {
          // beyond the head at most all of it: the head is never gone, even when the rest
          // cannot meet the rate (before, every value then could be, the head too)
          p.goneShare = Math.min(1, rate / (1 - head));
          p.goneFrom = v;
        }
      }
    }
  }

  /**
   * Ranks the values of {@code key}, the key of page {@code p}'s path, most popular first, for
   * a set of gone values ({@link CPage#goneRanked}).
   */
  private static void rankValues(CPage p, Param key) {
    int n = key.maxIndex() - key.minIndex() + 1;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = key.minIndex() + i;
    }
    // stable: equal shares keep their order
    java.util.Arrays.sort(order, (a, b) -> Double.compare(key.share(b), key.share(a)));
    int[] ranked = new int[n];
    double[] shares = new double[n];
    double head = 0;
    int heads = 0;
    for (int i = 0; i < n; i++) {
      ranked[i] = order[i];
      shares[i] = key.share(order[i]);
      // the head: the most popular values up to half the requests, the one that crosses half
      // included (a value of 60 % is the head alone), never gone
      if (heads == i && head < 0.5) {
        head += shares[i];
        heads++;
      }
    }
    p.goneRanked = ranked;
    p.goneRankedShares = shares;
    p.goneHead = heads;
  }

  /**
   * Numbers the distinct files among the assets: the same path template with the same size
   * distribution (a thumbnail on several pages) is one file, with the same size for a path. An
   * asset's {@link CAsset#loadedIndex} is the index of the first asset with its path: a browser
   * holds a URL once, whichever pages pull it in.
   */
  private void fileKeys() {
    List<CAsset> all = new ArrayList<>(List.of(common));
    for (CPage p : pages) {
      all.addAll(List.of(p.assets));
    }
    for (int i = 0; i < all.size(); i++) {
      CAsset a = all.get(i);
      a.file = i;
      a.loadedIndex = a.index;
      for (int j = i - 1; j >= 0; j--) {
        CAsset b = all.get(j);
        if (b.path == a.path) {
          a.loadedIndex = b.loadedIndex;
          if (b.asset.sizes() == a.asset.sizes()) {
            a.file = b.file;
          }
        }
      }
    }
  }

  private Template assetPath(Map<String, Template> compiled, Asset asset,
      Map<String, Integer> slotOf) {
    return compiled.computeIfAbsent(asset.path(),
        text -> Template.compile(text, slotOf, params, cacheBudget));
  }

  private static int role(Site site, Site.Role role, Map<String, Integer> index) {
    String name = site.roles().get(role);
    return name == null ? -1 : index.get(name);
  }

  /** Draws the placeholder values of one URL of page {@code index}, slot by slot. */
  @Nullable String[] bind(int index, Rng rng) {
    @Nullable String[] binding = new String[params.length];
    pages[index].path.expand(rng, binding, false);
    return binding;
  }

  int pageIndex(String name) {
    for (CPage p : pages) {
      if (p.page.name().equals(name)) {
        return p.index;
      }
    }
    return -1;
  }

  /** A page with its compiled path and assets. */
  static final class CPage {
    final int index;
    final Page page;
    final Template path;
    final CAsset[] assets;
    final Distribution sizes;
    final Distribution seconds;
    final boolean dynamic;
    /** A file whose size depends only on its path (a download), not on the request. */
    final boolean file;
    /**
     * A published document (a feed: an XML page): its size changes when the site publishes, not
     * per request.
     */
    final boolean published;
    /** Mixed into the key value to decide whether a URL is gone (see {@code goneUrls}). */
    long goneSalt;
    /** The share of key values from {@link #goneFrom} on that are gone (0: none). */
    double goneShare;
    /** The first key value that may be gone: the more popular ones never are. */
    int goneFrom;
    /**
     * For a key of few values that is not a catalogue (see {@code goneUrls}): its value
     * numbers, most popular first, else null. A run picks among them the gone ones, whose
     * shares add up to the rate, {@link #goneShare} (see {@code SessionSimulator}).
     */
    int @Nullable [] goneRanked;
    /** The share of each of {@link #goneRanked}. */
    double[] goneRankedShares = new double[0];
    /**
     * How many of {@link #goneRanked}, the most popular, are its head: up to half of the
     * requests, the value that crosses half included. They are never gone.
     */
    int goneHead;

    CPage(int index, Page page, Template path, CAsset[] assets) {
      this.index = index;
      this.page = page;
      this.path = path;
      this.assets = assets;
      this.sizes = page.effectiveSizes();
      this.seconds = page.effectiveResponseSeconds();
      this.dynamic = !page.type().isAsset();
      this.file = page.type() == ContentType.DOWNLOAD || page.type().isAsset();
      this.published = page.type() == ContentType.XML && page.method().equals("GET");
    }
  }

  /** An asset with its compiled path and cache policy. */
  static final class CAsset {
    final Asset asset;
    final Template path;
    final int index;
    /** One copy per view, taking the page's placeholder values (a product's photo). */
    final boolean shared;
    /** A constant path (the same file on every page), as opposed to one per catalogue item. */
    final boolean constant;
    /** Named with a content hash: browsers keep it without asking again (no 304). */
    final boolean immutable;
    /**
     * Which file this is: assets with the same path template and size distribution share the
     * number (and so a path's size); set once the site is compiled.
     */
    int file;
    /**
     * Where a session marks this asset loaded, if constant: the {@link #index} of the first
     * asset with the same path (the logo on every page is one file); set once the site is
     * compiled.
     */
    int loadedIndex;

    CAsset(Asset asset, Template path, int index) {
      this.asset = asset;
      this.path = path;
      this.index = index;
      this.shared = asset.maxCount() <= 1;
      this.constant = path.isConstant();
      this.immutable = Asset.isFingerprinted(asset.path());
    }
  }
}
