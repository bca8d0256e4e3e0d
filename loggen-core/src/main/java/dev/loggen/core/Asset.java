package dev.loggen.core;

import dev.loggen.core.random.Distribution;
import java.util.Locale;
import java.util.Objects;

/**
 * A static resource a page pulls in: a stylesheet, script, image, font or icon. Its path may hold
 * placeholders ({@code /images/products/{item}.jpg}); a placeholder the page itself uses takes the
 * page's value, so a product page loads that product's image.
 *
 * @param path path template, starting with {@code /}
 * @param type content type, which gives the default sizes and response times
 * @param minCount fewest copies a page view loads (each with its own placeholder values)
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
