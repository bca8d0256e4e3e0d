package dev.loggen.core.engine;

/**
 * The built-in state names, those of the Python generator loggen replaces. What the generator
 * does in each:
 *
 * <ul>
 *   <li>{@link #START}: nothing; every session starts here.
 *   <li>{@link #LOGIN}: the login page, then {@code POST /login} by a named user (302 on success,
 *       401 on a failed attempt).
 *   <li>{@link #DIRECT_ACCESS}: an anonymous visitor lands on one of the site's landing pages.
 *   <li>{@link #BROWSING}: a stretch of page views walked by the page-navigation matrix, for a
 *       browsing duration, with a think time between views.
 *   <li>{@link #LOGOUT}: {@code POST /logout}, then the home page.
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
  /** A login by a named user. */
  public static final String LOGIN = "LOGIN";
  /** An anonymous landing on a landing page. */
  public static final String DIRECT_ACCESS = "DIRECT_ACCESS";
  /** A stretch of page views. */
  public static final String BROWSING = "BROWSING";
  /** A logout. */
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
