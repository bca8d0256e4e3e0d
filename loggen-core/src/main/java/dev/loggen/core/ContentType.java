package dev.loggen.core;

import dev.loggen.core.random.Distribution;
import dev.loggen.core.random.Distributions;

/**
 * The kind of resource a page or asset is, with the response-size and response-time
 * distributions real servers show for it (lognormal bodies, heavy tails for images and scripts).
 */
public enum ContentType {
  /** An HTML page. */
  HTML("text/html", Distributions.lognormal(14_000, 0.55),
      Distributions.lognormal(0.045, 0.7)),
  /** A JSON API response. */
  JSON("application/json",
      Distributions.lognormalWithParetoTail(1_400, 0.9, 0.02, 20_000, 1.2, 10_000_000),
      Distributions.lognormal(0.030, 0.8)),
  /** A stylesheet. */
  CSS("text/css", Distributions.lognormal(24_000, 0.7), Distributions.lognormal(0.002, 0.6)),
  /** A script. */
  JS("application/javascript",
      Distributions.lognormalWithParetoTail(45_000, 0.9, 0.05, 250_000, 1.3, 10_000_000),
      Distributions.lognormal(0.002, 0.6)),
  /** An image. */
  IMAGE("image/jpeg",
      Distributions.lognormalWithParetoTail(14_000, 1.1, 0.06, 150_000, 0.9,
          ContentType.IMAGE_MAX),
      Distributions.lognormal(0.003, 0.8)),
  /** A web font. */
  FONT("font/woff2", Distributions.lognormal(38_000, 0.3), Distributions.lognormal(0.002, 0.5)),
  /** A small icon, such as the favicon. */
  ICON("image/x-icon", Distributions.lognormal(4_000, 0.4), Distributions.lognormal(0.001, 0.5)),
  /** Plain text, such as robots.txt. */
  TEXT("text/plain", Distributions.lognormal(300, 0.6), Distributions.lognormal(0.001, 0.5)),
  /** XML, such as a sitemap or a feed. */
  XML("application/xml", Distributions.lognormal(20_000, 0.8), Distributions.lognormal(0.020, 0.6)),
  /** A file to download (slides, an archive, a video): large, with the heaviest tail. */
  DOWNLOAD("application/octet-stream",
      Distributions.lognormalWithParetoTail(400_000, 1.2, 0.2, 2_000_000, 1.1, 4_000_000_000.0),
      Distributions.lognormal(0.004, 0.6));

  /**
   * The largest image the built-in distributions draw, 25 MB: heavy-tailed sizes are truncated
   * there (real sites' largest images are a few MB), as are JSON and scripts at 10 MB and
   * downloads at 4 GB.
   */
  public static final double IMAGE_MAX = 25_000_000;

  private final String mediaType;
  private final Distribution sizes;
  private final Distribution seconds;

  ContentType(String mediaType, Distribution sizes, Distribution seconds) {
    this.mediaType = mediaType;
    this.sizes = sizes;
    this.seconds = seconds;
  }

  /** The media type, e.g. {@code text/html}. */
  public String mediaType() {
    return mediaType;
  }

  /** The default response-size distribution in bytes. */
  public Distribution sizes() {
    return sizes;
  }

  /** The default response-time distribution in seconds. */
  public Distribution responseSeconds() {
    return seconds;
  }

  /** Whether requests for it are static assets rather than page views. */
  public boolean isAsset() {
    return this == CSS || this == JS || this == IMAGE || this == FONT || this == ICON;
  }
}
