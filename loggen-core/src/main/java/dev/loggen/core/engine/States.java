package dev.loggen.core.engine;

/**
 * The built-in state names, those of the Python generator loggen replaces. What the generator
 * does in each on a browser site (an API site calls endpoints instead of viewing pages):
 *
 * <ul>
 *   <li>{@link #START}: nothing; every session starts here.
 *   <li>{@link #LOGIN}: the visitor is a customer who signs in. A returning registered visitor is
 *       usually remembered by a login cookie (no request: the session is simply signed in, and
 *       its requests carry the user name); anyone else signs in at once (the login page, then
 *       {@code POST /login}: 302 on success, 401 on a failed attempt, then back to the page) or
 *       later, when a page asks for it (checkout). On an API: {@code POST} to the token endpoint.
 *   <li>{@link #DIRECT_ACCESS}: an anonymous visitor lands on one of the site's landing pages,
 *       with an external referrer (search engine, social site, other site) or none. A visitor
 *       who leaves at once may have seen only one of the site's images, embedded elsewhere.
 *   <li>{@link #BROWSING}: a stretch of page views walked by the page-navigation matrix while
 *       the visitor's browsing time lasts, with a think time before each view (so a short
 *       stretch may add no view).
 *   <li>{@link #LOGOUT}: {@code POST /logout}, then the home page, for a signed-in visitor; others
 *       just leave.
 *   <li>{@link #ABANDON}: the visitor leaves, often after a last look at the cart.
 *   <li>{@link #LEAVE}: the visitor leaves without another request.
 *   <li>{@link #ERROR}: a 500 on the current page; the session ends.
 *   <li>{@link #END}: the session is over.
 * </ul>
 */
public final class States {
  private States() {}

  /** Every session starts here. */
  public static final String START = "START";
  /** A customer signs in (remembered, at once, or when asked). */
  public static final String LOGIN = "LOGIN";
  /** An anonymous landing on a landing page. */
  public static final String DIRECT_ACCESS = "DIRECT_ACCESS";
  /** A stretch of page views. */
  public static final String BROWSING = "BROWSING";
  /** A signed-in visitor signs out. */
  public static final String LOGOUT = "LOGOUT";
  /** The visitor gives up, often with a cart. */
  public static final String ABANDON = "ABANDON";
  /** The visitor leaves. */
  public static final String LEAVE = "LEAVE";
  /** A server error on the current page. */
  public static final String ERROR = "ERROR";
  /** The end of every session. */
  public static final String END = "END";
}
