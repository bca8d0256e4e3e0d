package dev.loggen.core;

import dev.loggen.core.engine.SessionModel;
import dev.loggen.core.engine.TransitionMatrix;
import dev.loggen.core.internal.Printable;
import dev.loggen.core.internal.Rules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A web site: its pages, the assets they pull in, the placeholders in their paths, how visitors
 * land and navigate (a Customer Behavior Model Graph: a matrix of page-to-page link weights), the
 * pages that play a role in the session states (login, logout, cart, home), its error rates and
 * its default session model. Immutable and thread-safe; built with {@link #builder(String)} or
 * taken from {@link Sites}.
 */
public final class Site {
  /** The default {@link #emptyResponseShare()}: 1 %. */
  public static final double DEFAULT_EMPTY_RESPONSE_SHARE = 0.01;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
  /** A host name: labels of letters, digits and '-' (not first or last), up to 63 each. */
  private static final Pattern HOST_NAME = Pattern.compile(
      "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
      + "[A-Za-z0-9])?)*");

  private final String name;
  private final String host;
  private final List<Page> pages;
  private final Map<String, Param> params;
  private final List<Asset> commonAssets;
  private final Map<String, Double> landing;
  private final Map<String, Map<String, Double>> links;
  private final Map<Role, String> roles;
  private final ErrorRates errorRates;
  private final SessionModel model;
  private final SessionSettings sessions;
  private final double emptyResponseShare;
  private final boolean api;

  private Site(Builder b) {
    this.name = b.name;
    this.host = b.host;
    this.pages = List.copyOf(b.pages.values());
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
    this.commonAssets = List.copyOf(b.commonAssets);
    this.landing = Collections.unmodifiableMap(new LinkedHashMap<>(b.landing));
    Map<String, Map<String, Double>> l = new LinkedHashMap<>();
    b.links.forEach((k, v) -> l.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    this.links = Collections.unmodifiableMap(l);
    this.roles = Collections.unmodifiableMap(new LinkedHashMap<>(b.roles));
    this.errorRates = b.errorRates;
    this.model = b.model != null ? b.model : TransitionMatrix.legacyDefault();
    this.sessions = b.sessions;
    this.emptyResponseShare = b.emptyResponseShare;
    this.api = b.api;
  }

  /** A builder for a site called {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The site's name, e.g. {@code shop}. */
  public String name() {
    return name;
  }

  /** The virtual host name, e.g. {@code shop.example.com}. */
  public String host() {
    return host;
  }

  /** The pages, in declaration order. */
  public List<Page> pages() {
    return pages;
  }

  /** The page called {@code pageName}, or {@code null}. */
  public @Nullable Page page(String pageName) {
    for (Page p : pages) {
      if (p.name().equals(pageName)) {
        return p;
      }
    }
    return null;
  }

  /** The placeholders the paths use, by name. */
  public Map<String, Param> params() {
    return params;
  }

  /** Assets every first page view of a session loads (stylesheets, scripts, fonts, icon). */
  public List<Asset> commonAssets() {
    return commonAssets;
  }

  /** Landing pages of sessions, page name to weight. */
  public Map<String, Double> landing() {
    return landing;
  }

  /** Navigation link weights: page name to (next page name to weight). */
  public Map<String, Map<String, Double>> links() {
    return links;
  }

  /** The pages that play a role in session states, role to page name. */
  public Map<Role, String> roles() {
    return roles;
  }

  /** The site-wide error and redirect rates. */
  public ErrorRates errorRates() {
    return errorRates;
  }

  /** The session model sessions on this site walk by default. */
  public SessionModel model() {
    return model;
  }

  /**
   * How sessions on this site behave by default (browsing stretches, think times): readers of a
   * blog think longer than shoppers, programs calling an API hardly at all. A generator's own
   * {@link LogGenerator.Builder#sessions session settings} take precedence.
   */
  public SessionSettings sessions() {
    return sessions;
  }

  /**
   * The share of successful {@code GET} responses (pages and assets) logged with a size of 0,
   * which Apache's {@code %b} prints as {@code -}: transfers the client aborted before the body,
   * empty files. Responses without a body are 0 whatever this share: {@code 304 Not Modified},
   * {@code HEAD}, {@code 204}. Real logs show 0 to 7 % {@code -} sizes in all, most of them 304s.
   */
  public double emptyResponseShare() {
    return emptyResponseShare;
  }

  /** Whether this is an API (JSON endpoints, token clients) rather than a browser site. */
  public boolean isApi() {
    return api;
  }

  /** A copy with other default session settings. */
  public Site withSessions(SessionSettings newSessions) {
    Builder b = toBuilder();
    b.sessions(newSessions);
    return b.build();
  }

  /** A copy with another share of empty ({@code -}) successful responses. */
  public Site withEmptyResponseShare(double share) {
    Builder b = toBuilder();
    b.emptyResponseShare(share);
    return b.build();
  }

  /** A copy with another session model. */
  public Site withModel(SessionModel newModel) {
    Builder b = toBuilder();
    b.model = Objects.requireNonNull(newModel, "model");
    return b.build();
  }

  /** A copy with other error rates. */
  public Site withErrorRates(ErrorRates rates) {
    Builder b = toBuilder();
    b.errorRates = Objects.requireNonNull(rates, "errorRates");
    return b.build();
  }

  /**
   * A builder holding everything this site has, to change a part of it: params, landing
   * weights, link weights, roles and the settings given again replace the copied ones; pages
   * are added, not replaced.
   */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.host = host;
    pages.forEach(p -> b.pages.put(p.name(), p));
    b.params.putAll(params);
    b.commonAssets.addAll(commonAssets);
    b.landing.putAll(landing);
    links.forEach((k, v) -> b.links.put(k, new LinkedHashMap<>(v)));
    b.roles.putAll(roles);
    b.errorRates = errorRates;
    b.model = model;
    b.sessions = sessions;
    b.emptyResponseShare = emptyResponseShare;
    b.api = api;
    return b;
  }

  @Override
  public String toString() {
    return "Site[" + name + ", host=" + host + ", " + pages.size() + " pages, "
        + params.size() + " params]";
  }

  /** The pages that session states act on. */
  public enum Role {
    /** The home page, where logout and redirects lead. */
    HOME,
    /** The login form ({@code GET /login}). */
    LOGIN_FORM,
    /** The login submission ({@code POST /login}). */
    LOGIN_SUBMIT,
    /** The logout ({@code POST /logout}). */
    LOGOUT,
    /** The cart, visited by many abandoning sessions. */
    CART,
    /** A forbidden area ({@code /admin}), answered with 403. */
    FORBIDDEN
  }

  /**
   * Site-wide rates: the old tool's {@code error_rates} section.
   *
   * @param serverError probability of a 500 on any page view (global_500)
   * @param redirectPermanent probability that a landing view (a session's first page view, the
   *     one reached from outside) first hits an old URL answered with 301 (redirect_301)
   * @param redirectTemporary probability of a 302 hop before a landing view (redirect_302)
   * @param forbidden probability that a session tries the forbidden area (forbidden_access)
   * @param authFailure probability that a visitor's first login attempt fails with 401
   *     (auth_failure); a visitor tries up to three times, and a retry fails with twice, then
   *     three times this probability (at most 1), so more than this share of attempts fail
   * @param cartAbandon probability that an abandoning session looks at its cart first
   *     (cart_abandon)
   */
  public record ErrorRates(double serverError, double redirectPermanent,
      double redirectTemporary, double forbidden, double authFailure, double cartAbandon) {

    /** Realistic defaults: rare 5xx, a few redirects, 2 % failed logins. */
    public static final ErrorRates DEFAULT = new ErrorRates(0.0005, 0.01, 0.01, 0.005, 0.02, 0.5);

    /** Checks every rate is a probability. */
    public ErrorRates {
      check("serverError", serverError);
      check("redirectPermanent", redirectPermanent);
      check("redirectTemporary", redirectTemporary);
      check("forbidden", forbidden);
      check("authFailure", authFailure);
      check("cartAbandon", cartAbandon);
    }

    private static void check(String field, double v) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "errorRates.%s must be a probability between 0 and 1 (got %s)", field, v));
      }
    }
  }

  /** Builds a {@link Site}; cross-field checks run in {@link #build()}. */
  public static final class Builder {
    private final String name;
    private String host;
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final Map<String, Param> params = new LinkedHashMap<>();
    private final List<Asset> commonAssets = new ArrayList<>();
    private final Map<String, Double> landing = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> links = new LinkedHashMap<>();
    private final Map<Role, String> roles = new LinkedHashMap<>();
    private ErrorRates errorRates = ErrorRates.DEFAULT;
    private @Nullable SessionModel model;
    private SessionSettings sessions = SessionSettings.DEFAULT;
    private double emptyResponseShare = DEFAULT_EMPTY_RESPONSE_SHARE;
    private boolean api;

    private Builder(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("site name must not be blank");
      }
      this.name = name;
      this.host = name + ".example.com";
    }

    /**
     * The virtual host name (default {@code NAME.example.com}): what the logs print as the host
     * and referrers put after {@code https://}, so a host name alone, such as {@code
     * shop.example.com}: dot-separated labels of ASCII letters, digits and {@code -} (not first
     * or last), each at most 63 characters, at most 253 in all; no scheme, port or path.
     *
     * @param newHost the host name
     * @return this builder
     * @throws IllegalArgumentException when it is not a host name, saying why
     */
    public Builder host(String newHost) {
      Objects.requireNonNull(newHost, "host");
      String problem = hostProblem(newHost);
      if (problem != null) {
        throw new IllegalArgumentException("host must be a host name such as shop.example.com"
            + problem + " (got " + Printable.quoted(newHost) + ")");
      }
      this.host = newHost;
      return this;
    }

    /** Why {@code h} is not a host name (the rest of a sentence), or null when it is one. */
    static @Nullable String hostProblem(String h) {
      if (h.contains("://")) {
        return ", without a scheme such as https://";
      }
      if (h.indexOf('/') >= 0) {
        return ", without a path";
      }
      if (h.indexOf(':') >= 0) {
        return ", without a port";
      }
      if (h.isEmpty() || h.length() > 253 || !HOST_NAME.matcher(h).matches()) {
        return ": dot-separated labels of letters, digits and '-' (not first or last), each of"
            + " at most 63 characters";
      }
      return null;
    }

    /**
     * Declares a placeholder used in paths. Declaring the same name again replaces the earlier
     * {@code Param}, so a builder from {@link Site#toBuilder} can change one.
     *
     * <p>One name is one thing: an asset takes the value its page drew for a placeholder they
     * share, and so does a page reached by a link from another page (the product page's
     * {@code {item}} is the item its link adds to the cart); a link to the same page, and a
     * landing page, draw anew.
     */
    public Builder param(String paramName, Param param) {
      Objects.requireNonNull(paramName, "param name");
      Objects.requireNonNull(param, "param");
      params.put(paramName, param);
      return this;
    }

    /** Adds a page; a second page with the same name is an error. */
    public Builder page(Page page) {
      Objects.requireNonNull(page, "page");
      if (pages.putIfAbsent(page.name(), page) != null) {
        throw new IllegalStateException("page " + page.name() + " was already added");
      }
      return this;
    }

    /** Assets the first page view of every session loads. */
    public Builder commonAssets(Asset... assets) {
      commonAssets.addAll(Asset.listOf(assets));
      return this;
    }

    /**
     * Makes {@code pageName} a landing page with the given weight; given again for the same page,
     * the later weight replaces the earlier one.
     */
    public Builder landing(String pageName, double weight) {
      Objects.requireNonNull(pageName, "landing page");
      checkWeight("landing weight of " + pageName, weight);
      landing.put(pageName, weight);
      return this;
    }

    /**
     * Adds a navigation link weight from one page to another; given again for the same pair,
     * the later weight replaces the earlier one (weights are not added up).
     */
    public Builder link(String fromPage, String toPage, double weight) {
      Objects.requireNonNull(fromPage, "link source page");
      Objects.requireNonNull(toPage, "link target page");
      checkWeight("link weight " + fromPage + " -> " + toPage, weight);
      links.computeIfAbsent(fromPage, k -> new LinkedHashMap<>()).put(toPage, weight);
      return this;
    }

    /**
     * Gives the page {@code pageName} a role in the session states; a role given again moves to
     * the later page.
     */
    public Builder role(Role role, String pageName) {
      roles.put(Objects.requireNonNull(role, "role"), Objects.requireNonNull(pageName, "page"));
      return this;
    }

    /** Site-wide error rates (default {@link ErrorRates#DEFAULT}). */
    public Builder errorRates(ErrorRates rates) {
      this.errorRates = Objects.requireNonNull(rates, "errorRates");
      return this;
    }

    /** The default session model (default {@link TransitionMatrix#legacyDefault()}). */
    public Builder model(SessionModel newModel) {
      this.model = Objects.requireNonNull(newModel, "model");
      return this;
    }

    /** The default session settings (default {@link SessionSettings#DEFAULT}). */
    public Builder sessions(SessionSettings newSessions) {
      this.sessions = Objects.requireNonNull(newSessions, "sessions");
      return this;
    }

    /**
     * The share of successful {@code GET} responses logged with size 0 (default 0.01); see
     * {@link Site#emptyResponseShare()}.
     */
    public Builder emptyResponseShare(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "site %s: emptyResponseShare must be a share between 0 and 1 (got %s)",
            Printable.shortened(name), share));
      }
      this.emptyResponseShare = share;
      return this;
    }

    /** Marks the site as an API: clients are programs with tokens, not browsers. */
    public Builder api(boolean isApi) {
      this.api = isApi;
      return this;
    }

    private static void checkWeight(String what, double w) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s must be a finite number >= 0 (got %s)", what, w));
      }
    }

    /**
     * Checks and builds the site.
     *
     * @throws IllegalArgumentException naming the page, placeholder or role that is wrong, or
     *     the default host when the site's name makes no host name ({@link #host})
     */
    public Site build() {
      if (hostProblem(host) != null) { // the default, from a name that makes no host name
        throw new IllegalArgumentException("site " + Printable.shortened(name) + ": its name"
            + " makes no host name (" + Printable.shortened(host) + "): set host(...), such as"
            + " shop.example.com");
      }
      if (pages.isEmpty()) {
        throw new IllegalArgumentException("site " + Printable.shortened(name)
            + " has no pages: add at least one");
      }
      if (landing.isEmpty()) {
        throw new IllegalArgumentException("site " + Printable.shortened(name)
            + " has no landing page: give at least one page a landing weight");
      }
      if (landing.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
        throw new IllegalArgumentException("site " + Printable.shortened(name)
            + ": landing weights are all 0");
      }
      landing.keySet().forEach(p -> requirePage("landing", p));
      links.forEach((from, row) -> {
        requirePage("link source", from);
        row.keySet().forEach(to -> requirePage("link target of " + from, to));
      });
      roles.forEach((role, p) -> requirePage("role " + role, p));
      String login = Rules.loginWithoutForm(pages.values(), roles);
      if (login != null) {
        throw new IllegalArgumentException("site " + Printable.shortened(name) + ": " + login);
      }
      for (Page p : pages.values()) {
        checkPlaceholders("page " + p.name(), p.path());
        for (Asset a : p.assets()) {
          checkPlaceholders("asset " + a.path() + " of page " + p.name(), a.path());
        }
      }
      for (Asset a : commonAssets) {
        checkPlaceholders("common asset", a.path());
      }
      return new Site(this);
    }

    private void requirePage(String what, String pageName) {
      if (!pages.containsKey(pageName)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "site %s: %s names unknown page '%s': expected one of %s",
            Printable.shortened(name), what, pageName, pages.keySet()));
      }
    }

    private void checkPlaceholders(String what, String path) {
      Matcher m = PLACEHOLDER.matcher(path);
      while (m.find()) {
        if (!params.containsKey(m.group(1))) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "site %s: %s uses placeholder {%s} in '%s' but no param '%s' is declared"
                  + " (declared: %s)", Printable.shortened(name), what, m.group(1), path,
              m.group(1), params.keySet()));
        }
      }
    }
  }
}
