package dev.loggen.core;

import dev.loggen.core.random.Distribution;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A static resource a page pulls in: a stylesheet, script, image, font or icon. Its path may hold
 * placeholders ({@code /images/products/{item}.jpg}); a placeholder the page itself uses takes the
 * page's value, so a product page loads that product's image.
 *
 * <p>Requests for assets follow their page within milliseconds (images further down the page
 * later, as the visitor scrolls), with the page as referrer (a font: the stylesheet). A browser
 * asks for an asset once per session. A returning visitor's browser may hold it from an earlier
 * visit: an asset whose name carries a content hash ({@link #isFingerprinted},
 * {@code app.9b7e3d1.js}) is then not requested at all; any other is sometimes still fresh (no
 * request) and otherwise revalidated, answered {@code 304 Not Modified} with no body.
 *
 * @param path path template, starting with {@code /}; logged percent-encoded as
 *     {@link Page#path()} is
 * @param type content type, which gives the default sizes and response times
 * @param minCount fewest copies a page view loads: a placeholder the asset shares with its page
 *     keeps the page's value, the others are drawn for each copy ({@code
 *     /images/posts/{post}/figure-{fig}.png}: figures of the post shown); copies that come out
 *     the same are one file, requested once
 * @param maxCount most copies a page view loads
 * @param sizes response sizes in bytes; the same path always has the same size
 */
public record Asset(String path, ContentType type, int minCount, int maxCount,
    Distribution sizes) {

  /** Checks the fields. */
  public Asset {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sizes, "sizes");
    Page.checkPath("asset path", path);
    if (minCount < 0 || maxCount < minCount || maxCount > 100) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "asset %s: count must satisfy 0 <= min <= max <= 100 (got min=%d, max=%d)",
          path, minCount, maxCount));
    }
  }

  /**
   * Whether {@code path} names a fingerprinted file: one of the dot-separated parts of its last
   * segment, other than the first and the extension, is a content hash of 6 or more hexadecimal
   * digits ({@code /static/js/app.9b7e3d1.js}). Servers give such files a long lifetime, so
   * browsers never revalidate them.
   */
  public static boolean isFingerprinted(String path) {
    Objects.requireNonNull(path, "path");
    int slash = path.lastIndexOf('/');
    int q = path.indexOf('?', slash);
    String name = q < 0 ? path.substring(slash + 1) : path.substring(slash + 1, q);
    String[] parts = name.split("\\.", -1);
    for (int i = 1; i < parts.length - 1; i++) {
      String part = parts[i];
      if (part.length() >= 6 && part.chars().allMatch(c -> c >= '0' && c <= '9'
          || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code assets} as an immutable list; a null array or element fails at once, naming it
   * ({@code assets}, {@code assets[1]}).
   */
  static List<Asset> listOf(Asset... assets) {
    Objects.requireNonNull(assets, "assets");
    for (int i = 0; i < assets.length; i++) {
      if (assets[i] == null) {
        throw new NullPointerException("assets[" + i + "]");
      }
    }
    return List.of(assets);
  }

  /** One copy of {@code path} with the content type's default sizes. */
  public static Asset of(String path, ContentType type) {
    return new Asset(path, type, 1, 1, type.sizes());
  }

  /** Between {@code min} and {@code max} copies per page view (thumbnails, say). */
  public Asset withCount(int min, int max) {
    return new Asset(path, type, min, max, sizes);
  }

  /** A copy with another size distribution. */
  public Asset withSizes(Distribution newSizes) {
    return new Asset(path, type, minCount, maxCount, newSizes);
  }
}
