package dev.loggen.core.internal;

import dev.loggen.core.Page;
import dev.loggen.core.Site;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Rules that the API's constructors enforce and the configuration binder reports at the key
 * that breaks them: one definition for both.
 */
public final class Rules {
  private Rules() {}

  /**
   * Whether {@code label} is a scenario label: a word, without spaces, control characters or
   * quotes (it is written into logs and reports as it is).
   *
   * @param label the label
   * @return whether it is one
   */
  public static boolean isLabel(String label) {
    return !label.isBlank() && label.chars().noneMatch(c -> c <= ' ' || c == '"');
  }

  /**
   * What is wrong with a page that requires a login on a site with no login form, where a
   * visitor not signed in would be sent, or null: such a page would be served to anyone.
   *
   * @param pages the site's pages
   * @param roles the site's roles
   * @return the message, naming the first such page, or null
   */
  public static @Nullable String loginWithoutForm(Iterable<Page> pages,
      Map<Site.Role, String> roles) {
    if (roles.containsKey(Site.Role.LOGIN_FORM)) {
      return null;
    }
    for (Page p : pages) {
      if (p.loginRequired()) {
        return "page " + p.name() + " requires a login (loginRequired) but no page has the"
            + " role LOGIN_FORM, where a visitor not signed in is sent: give the login page"
            + " that role, or drop loginRequired";
      }
    }
    return null;
  }
}
