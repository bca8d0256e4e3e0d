package dev.loggen.core.internal;

import dev.loggen.core.Asset;
import dev.loggen.core.Page;
import dev.loggen.core.Param;
import dev.loggen.core.Site;
import dev.loggen.core.random.AliasTable;
import dev.loggen.core.random.Distribution;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A {@link Site} prepared for sampling: alias tables, compiled templates, role indices. */
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
  final int[] crawlable;

  CompiledSite(Site site) {
    this.site = site;
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
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ps.size(); i++) {
      Page p = ps.get(i);
      index.put(p.name(), i);
      CAsset[] assets = new CAsset[p.assets().size()];
      for (int a = 0; a < assets.length; a++) {
        assets[a] = new CAsset(p.assets().get(a), slotOf, params);
      }
      pages[i] = new CPage(i, p, Template.compile(p.path(), slotOf, params), assets);
    }
    this.common = new CAsset[site.commonAssets().size()];
    for (int a = 0; a < common.length; a++) {
      common[a] = new CAsset(site.commonAssets().get(a), slotOf, params);
    }
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
    this.crawlable = java.util.stream.IntStream.range(0, pages.length)
        .filter(i -> pages[i].page.method().equals("GET") && !pages[i].page.loginRequired()
            && i != forbidden && i != loginForm)
        .toArray();
  }

  private static int role(Site site, Site.Role role, Map<String, Integer> index) {
    String name = site.roles().get(role);
    return name == null ? -1 : index.get(name);
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

    CPage(int index, Page page, Template path, CAsset[] assets) {
      this.index = index;
      this.page = page;
      this.path = path;
      this.assets = assets;
      this.sizes = page.effectiveSizes();
      this.seconds = page.effectiveResponseSeconds();
      this.dynamic = !page.type().isAsset();
    }
  }

  /** An asset with its compiled path. */
  static final class CAsset {
    final Asset asset;
    final Template path;
    final boolean shared;

    CAsset(Asset asset, Map<String, Integer> slotOf, Param[] params) {
      this.asset = asset;
      this.path = Template.compile(asset.path(), slotOf, params);
      this.shared = asset.maxCount() <= 1;
    }
  }
}
