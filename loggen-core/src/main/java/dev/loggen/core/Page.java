package dev.loggen.core;

import dev.loggen.core.random.Distribution;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One page (or API endpoint) of a {@link Site}.
 *
 * @param name unique name, used by the navigation matrix and by custom session states
 * @param method request method
 * @param path path template with optional query and {@code {placeholders}}, e.g.
 *     {@code /products?categoryID={category}&sort={sort}}; written as a person reads it, logged
 *     percent-encoded as a browser sends it ({@code /café?q={q}} with the value {@code iced tea}
 *     is logged as {@code /caf%C3%A9?q=iced%20tea}; {@code %} and {@code +} are kept as written)
 * @param type content type
 * @param section site section for reports (e.g. {@code catalog}, {@code account})
 * @param loginRequired whether anonymous visitors are sent to the login page (302) instead; the
 *     site needs a {@link Site.Role#LOGIN_FORM} page ({@link Site.Builder#build} refuses it
 *     otherwise)
 * @param successStatus status of a normal response (200; 302 for a form post that redirects:
 *     the browser follows it at once to a page this one links to, or a landing page, and gives
 *     up after 20 redirects in a row, when the visitor leaves)
 * @param errorRate probability of a 500 on this page, on top of the site's global rate
 * @param notFoundRate share of the page's requests that find a gone URL (404: a removed
 *     catalogue item, a broken link). Being gone is a property of the URL, the same for every
 *     visitor all run: a share of the values of the path's catalogue placeholder (its first
 *     placeholder if none is a catalogue) is gone, never the most popular ones (half the
 *     requests), such that the page's requests meet the rate on average; for a key of few
 *     values (not a catalogue) the others are taken in an order fixed by the seed while each
 *     brings their shares nearer the rate, which can miss it by about one value's share (a key
 *     of one value is never gone); a path
 *     without placeholders is gone as a whole or not at all. Pages with the same path share the
 *     highest of their rates.
 * @param sizes response sizes in bytes; {@code null} for the content type's default
 * @param responseSeconds response times in seconds; {@code null} for the content type's default
 * @param assets resources each view of the page pulls in, besides the site's common assets
 */
public record Page(
    String name,
    String method,
    String path,
    ContentType type,
    String section,
    boolean loginRequired,
    int successStatus,
    double errorRate,
    double notFoundRate,
    @Nullable Distribution sizes,
    @Nullable Distribution responseSeconds,
    List<Asset> assets) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]+");
  private static final Pattern METHOD = Pattern.compile("[A-Z]+");
  /** A placeholder as {@link Site} declares its params: {@code {name}}. */
  private static final Pattern PLACEHOLDER_NAME = Pattern.compile("\\{[A-Za-z0-9_]+}");

  /** Checks the fields. */
  public Page {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(assets, "assets");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("page name '" + name
          + "' must be letters, digits, '_', '.', ':' or '-'");
    }
    if (!METHOD.matcher(method).matches()) {
      throw new IllegalArgumentException("page " + name + ": method must be upper-case letters"
          + " such as GET or POST (got '" + method + "')");
    }
    checkPath("page " + name + ": path", path);
    if (successStatus < 100 || successStatus > 399) {
      throw new IllegalArgumentException("page " + name
          + ": successStatus must be between 100 and 399 (got " + successStatus + ")");
    }
    checkRate(name, "errorRate", errorRate);
    checkRate(name, "notFoundRate", notFoundRate);
    assets = List.copyOf(assets);
  }

  /** A GET page of the given type with default sizes and times, no errors and no assets. */
  public static Page of(String name, String path, ContentType type) {
    return new Page(name, "GET", path, type, "main", false, 200, 0, 0, null, null, List.of());
  }

  /** A GET HTML page. */
  public static Page html(String name, String path) {
    return of(name, path, ContentType.HTML);
  }

  /** A copy with another method and success status (a form post answering 302, say). */
  public Page withMethod(String newMethod, int newSuccessStatus) {
    return new Page(name, newMethod, path, type, section, loginRequired, newSuccessStatus,
        errorRate, notFoundRate, sizes, responseSeconds, assets);
  }

  /** A copy in another section. */
  public Page withSection(String newSection) {
    return new Page(name, method, path, type, newSection, loginRequired, successStatus,
        errorRate, notFoundRate, sizes, responseSeconds, assets);
  }

  /** A copy that requires a login. */
  public Page withLoginRequired(boolean required) {
    return new Page(name, method, path, type, section, required, successStatus, errorRate,
        notFoundRate, sizes, responseSeconds, assets);
  }

  /** A copy with other error rates. */
  public Page withErrorRates(double newErrorRate, double newNotFoundRate) {
    return new Page(name, method, path, type, section, loginRequired, successStatus,
        newErrorRate, newNotFoundRate, sizes, responseSeconds, assets);
  }

  /** A copy with another size distribution. */
  public Page withSizes(Distribution newSizes) {
    return new Page(name, method, path, type, section, loginRequired, successStatus, errorRate,
        notFoundRate, newSizes, responseSeconds, assets);
  }

  /** A copy with another response-time distribution (seconds). */
  public Page withResponseSeconds(Distribution newTimes) {
    return new Page(name, method, path, type, section, loginRequired, successStatus, errorRate,
        notFoundRate, sizes, newTimes, assets);
  }

  /** A copy with these assets. */
  public Page withAssets(Asset... newAssets) {
    return new Page(name, method, path, type, section, loginRequired, successStatus, errorRate,
        notFoundRate, sizes, responseSeconds, Asset.listOf(newAssets));
  }

  /** The sizes in effect: this page's or the content type's. */
  public Distribution effectiveSizes() {
    return sizes != null ? sizes : type.sizes();
  }

  /** The response times in effect (seconds): this page's or the content type's. */
  public Distribution effectiveResponseSeconds() {
    return responseSeconds != null ? responseSeconds : type.responseSeconds();
  }

  static void checkPath(String what, String path) {
    if (path.isEmpty() || path.charAt(0) != '/') {
      throw new IllegalArgumentException(what + " must start with '/' (got '" + path + "')");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c <= ' ' || c == 0x7F) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s must not contain spaces or control characters (got '%s', position %d)",
            what, path, i + 1));
      }
      if (c == '#') {
        // A fragment stays in the browser: no request line ever has one.
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s must not contain '#': browsers never send a fragment (got '%s', position %d)",
            what, path, i + 1));
      }
    }
    int depth = 0;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
      if (depth < 0 || depth > 1) {
        break;
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException(what + " has unbalanced '{' '}' (got '" + path + "')");
    }
    for (int open = path.indexOf('{'); open >= 0; open = path.indexOf('{', open + 1)) {
      String placeholder = path.substring(open, path.indexOf('}', open) + 1);
      if (!PLACEHOLDER_NAME.matcher(placeholder).matches()) {
        throw new IllegalArgumentException(what + " has placeholder " + placeholder
            + ", but a placeholder name must be letters, digits or '_' (got '" + path + "')");
      }
    }
  }

  private static void checkRate(String page, String field, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "page %s: %s must be a probability between 0 and 1 (got %s)", page, field, v));
    }
  }
}
