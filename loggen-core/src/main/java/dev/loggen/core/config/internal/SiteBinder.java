package dev.loggen.core.config.internal;

import dev.loggen.core.Asset;
import dev.loggen.core.ContentType;
import dev.loggen.core.Page;
import dev.loggen.core.Param;
import dev.loggen.core.Site;
import dev.loggen.core.Sites;
import dev.loggen.core.config.ConfigNode;
import dev.loggen.core.internal.Printable;
import dev.loggen.core.internal.Rules;
import dev.loggen.core.random.Distribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code site}: a custom site, or with {@code extends} a built-in profile changed in
 * parts. Every name a section refers to (landing and link pages, roles, placeholders) is checked
 * with its own position before the site is built.
 */
public final class SiteBinder {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]+");
  private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern METHOD = Pattern.compile("[A-Z]+");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

  private SiteBinder() {}

  /**
   * Reads {@code site}.
   *
   * @param s the {@code site} section
   * @return the site, or null when wrong (errors recorded)
   */
  public static @Nullable Site read(ConfigNode s) {
    int before = s.diagnostics().errorCount();
    Site base = null;
    ConfigNode ext = s.get("extends");
    if (ext.isPresent()) {
      Optional<String> name = ext.choice(Sites.names());
      if (name.isEmpty()) {
        return null;
      }
      base = Sites.named(name.get());
    }
    String name = (base == null ? s.require("name") : s.get("name")).nonBlankString()
        .orElse(base != null ? base.name() : "site");
    if (base != null && s.has("name") && !name.equals(base.name())) {
      s.get("name").error("a site that extends '" + base.name()
          + "' keeps its name (got '" + name + "')");
    }
    ConfigNode hostNode = s.get("host");
    Optional<String> given = hostNode.nonBlankString();
    String host = given.orElse(base != null ? base.host() : name + ".example.com");
    try {
      if (given.isPresent() || hostNode.isMissing()) {
        Site.builder(name).host(host); // the API's rule, so that the message is the same
      }
    } catch (IllegalArgumentException e) {
      if (given.isPresent()) {
        hostNode.error(String.valueOf(e.getMessage()));
      } else {
        s.get("name").error("the name makes no host name for the default host, "
            + Printable.shortened(host) + ": set site.host, such as shop.example.com");
      }
    }
    boolean api = s.get("api").bool().orElse(base != null && base.isApi());

    Map<String, Param> params = new LinkedHashMap<>(base != null ? base.params() : Map.of());
    s.get("params").map().forEach((k, v) -> {
      if (!PARAM_NAME.matcher(k).matches()) {
        v.keyNode().error("a param name must be letters, digits or '_' (got '" + k + "')");
        return;
      }
      Param p = Specs.param(v);
      if (p != null) {
        params.put(k, p);
      }
    });

    Map<String, Page> pages = new LinkedHashMap<>();
    if (base != null) {
      base.pages().forEach(p -> pages.put(p.name(), p));
    }
    Map<String, ConfigNode> pageNodes = new LinkedHashMap<>();
    ConfigNode pagesNode = base == null ? s.require("pages") : s.get("pages");
    for (ConfigNode e : pagesNode.list()) {
      Optional<String> pn = e.require("name").nonBlankString();
      if (pn.isEmpty()) {
        e.claim(e.keys());
        continue;
      }
      if (!NAME.matcher(pn.get()).matches()) {
        e.get("name").error("a page name must be letters, digits, '_', '.', ':' or '-' (got '"
            + pn.get() + "')");
        e.claim(e.keys());
        continue;
      }
      ConfigNode first = pageNodes.get(pn.get());
      if (first != null) {
        e.get("name").error("page '" + pn.get() + "' is already defined at line "
            + first.line());
        e.claim(e.keys());
        continue;
      }
      pageNodes.put(pn.get(), e);
      Page p = page(e, pn.get(), pages.get(pn.get()), params);
      if (p != null) {
        pages.put(p.name(), p);
      }
    }
    if (pagesNode.isSequence() && pagesNode.list().isEmpty() && base == null) {
      pagesNode.error("expected at least one page");
    }

    Set<String> names = new LinkedHashSet<>(pages.keySet());
    names.addAll(pageNodes.keySet());
    List<Asset> common = new ArrayList<>(base != null ? base.commonAssets() : List.of());
    ConfigNode commonNode = s.get("commonAssets");
    if (commonNode.isPresent()) {
      common.clear();
      for (ConfigNode a : commonNode.list()) {
        checkPlaceholders(a.isScalar() ? a : a.get("path"), params);
        Asset asset = Specs.asset(a);
        if (asset != null) {
          common.add(asset);
        }
      }
    }

    Map<String, Double> landing = new LinkedHashMap<>(base != null ? base.landing() : Map.of());
    ConfigNode landingNode = base == null ? s.require("landing") : s.get("landing");
    if (landingNode.isPresent()) {
      landing.clear();
      Map<String, ConfigNode> lm = landingNode.map();
      lm.forEach((page, w) -> {
        if (requirePage(w.keyNode(), page, names)) {
          w.nonNegativeNumber().ifPresent(v -> landing.put(page, v));
        }
      });
      if (landingNode.isMapping() && lm.isEmpty()) {
        landingNode.error("expected at least one landing page with a weight");
      } else if (landingNode.isMapping() && !landing.isEmpty()
          && landing.values().stream().allMatch(v -> v == 0)) {
        landingNode.error("the landing weights are all 0");
      }
    }

    Map<String, Map<String, Double>> links = new LinkedHashMap<>();
    if (base != null) {
      base.links().forEach((k, v) -> links.put(k, new LinkedHashMap<>(v)));
    }
    s.get("links").map().forEach((from, row) -> {
      if (!requirePage(row.keyNode(), from, names)) {
        return;
      }
      Map<String, Double> r = new LinkedHashMap<>();
      row.map().forEach((to, w) -> {
        if (requirePage(w.keyNode(), to, names)) {
          w.nonNegativeNumber().ifPresent(v -> r.put(to, v));
        }
      });
      links.put(from, r);
    });

    Map<Site.Role, String> roles = new LinkedHashMap<>(base != null ? base.roles() : Map.of());
    s.get("roles").map().forEach((role, page) -> {
      Optional<Site.Role> r = page.keyNode().enumValue(Site.Role.class);
      Optional<String> p = page.nonBlankString();
      if (r.isPresent() && p.isPresent() && requirePage(page, p.get(), names)) {
        roles.put(r.get(), p.get());
      }
    });

    String login = Rules.loginWithoutForm(pages.values(), roles);
    if (login != null) {
      // at the (first such) page's loginRequired when this file sets it, else at the roles
      Page page = pages.values().stream().filter(Page::loginRequired).findFirst().orElseThrow();
      ConfigNode pageNode = pageNodes.get(page.name());
      ConfigNode at = pageNode != null && pageNode.get("loginRequired").isPresent()
          ? pageNode.get("loginRequired") : s.get("roles").isPresent() ? s.get("roles") : s;
      at.error(login);
    }

    Site.ErrorRates rates = errorRates(s.get("errorRates"),
        base != null ? base.errorRates() : Site.ErrorRates.DEFAULT);

    ConfigNode emptyNode = s.get("emptyResponseShare");
    OptionalDouble empty = emptyNode.number();
    if (empty.isPresent()) {
      // checked by the API, so that the message is the same
      Specs.construct(emptyNode, emptyNode.diagnostics().errorCount(),
          () -> Site.builder(name).emptyResponseShare(empty.getAsDouble()));
    }
    double emptyShare = empty.orElse(base != null ? base.emptyResponseShare()
        : Site.DEFAULT_EMPTY_RESPONSE_SHARE);

    Site b = base;
    return Specs.construct(s, before, () -> {
      Site.Builder sb = Site.builder(name).host(host).api(api);
      params.forEach(sb::param);
      pages.values().forEach(sb::page);
      sb.commonAssets(common.toArray(new Asset[0]));
      landing.forEach(sb::landing);
      links.forEach((from, row) -> row.forEach((to, w) -> sb.link(from, to, w)));
      roles.forEach(sb::role);
      sb.errorRates(rates).emptyResponseShare(emptyShare);
      if (b != null) {
        // What the file cannot set (yet) is the built-in site's.
        sb.model(b.model()).sessions(b.sessions());
      }
      return sb.build();
    });
  }

  private static @Nullable Page page(ConfigNode e, String name, @Nullable Page base,
      Map<String, Param> params) {
    int before = e.diagnostics().errorCount();
    ConfigNode pathNode = base == null ? e.require("path") : e.get("path");
    String path = pathNode.string().orElse(base != null ? base.path() : "/");
    if (pathNode.isPresent() && Specs.checkPath(pathNode, path)) {
      checkPlaceholders(pathNode, params);
    }
    String method = e.get("method").string().map(m -> m.trim().toUpperCase(java.util.Locale.ROOT))
        .orElse(base != null ? base.method() : "GET");
    if (!METHOD.matcher(method).matches()) {
      e.get("method").error("expected a method such as GET or POST (got '" + method + "')");
    }
    ContentType type = e.get("type").enumValue(ContentType.class)
        .orElse(base != null ? base.type() : ContentType.HTML);
    String section = e.get("section").nonBlankString()
        .orElse(base != null ? base.section() : "main");
    boolean login = e.get("loginRequired").bool().orElse(base != null && base.loginRequired());
    int status = (int) e.get("successStatus").integer(100, 399)
        .orElse(base != null ? base.successStatus() : 200);
    OptionalDouble er = e.get("errorRate").probability();
    OptionalDouble nf = e.get("notFoundRate").probability();
    double errorRate = er.orElse(base != null ? base.errorRate() : 0);
    double notFoundRate = nf.orElse(base != null ? base.notFoundRate() : 0);
    Distribution sizes = Specs.distribution(e.get("sizes"));
    Distribution times = Specs.distribution(e.get("responseTime"));
    List<Asset> assets = new ArrayList<>(base != null ? base.assets() : List.of());
    ConfigNode assetsNode = e.get("assets");
    if (assetsNode.isPresent()) {
      assets.clear();
      for (ConfigNode a : assetsNode.list()) {
        checkPlaceholders(a.isScalar() ? a : a.get("path"), params);
        Asset asset = Specs.asset(a);
        if (asset != null) {
          assets.add(asset);
        }
      }
    }
    Distribution sz = sizes != null ? sizes : base != null ? base.sizes() : null;
    Distribution rt = times != null ? times : base != null ? base.responseSeconds() : null;
    return Specs.construct(e, before, () -> new Page(name, method, path, type, section, login,
        status, errorRate, notFoundRate, sz, rt, assets));
  }

  private static void checkPlaceholders(ConfigNode at, Map<String, Param> params) {
    if (!at.isScalar()) {
      return;
    }
    Matcher m = PLACEHOLDER.matcher(at.text());
    while (m.find()) {
      if (!params.containsKey(m.group(1))) {
        at.error("placeholder {" + m.group(1) + "} is not a param of the site"
            + Suggestions.closest(m.group(1), params.keySet())
                .map(c -> ": did you mean {" + c + "}?")
                .orElse(": declare it under site.params (declared: "
                    + String.join(", ", params.keySet()) + ")"));
      }
    }
  }

  private static boolean requirePage(ConfigNode at, String page, Set<String> pages) {
    if (pages.contains(page)) {
      return true;
    }
    at.error("unknown page '" + page + "'" + Suggestions.closest(page, pages)
        .map(c -> ": did you mean '" + c + "'?")
        .orElse(": expected one of " + String.join(", ", pages)));
    return false;
  }

  /**
   * Reads {@code errorRates}.
   *
   * @param n the {@code errorRates} section
   * @param base the rates that apply where the section gives none
   * @return the rates
   */
  public static Site.ErrorRates errorRates(ConfigNode n, Site.ErrorRates base) {
    if (n.isMissing()) {
      return base;
    }
    return new Site.ErrorRates(
        n.get("serverError").probability().orElse(base.serverError()),
        n.get("redirectPermanent").probability().orElse(base.redirectPermanent()),
        n.get("redirectTemporary").probability().orElse(base.redirectTemporary()),
        n.get("forbidden").probability().orElse(base.forbidden()),
        n.get("authFailure").probability().orElse(base.authFailure()),
        n.get("cartAbandon").probability().orElse(base.cartAbandon()));
  }
}
