package dev.loggen.core;

import dev.loggen.core.random.Distributions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The built-in sites: {@link #shop()} (the default, modelled on the old Python tool's shop),
 * {@link #blog()} and {@link #api()}. Each is complete: pages, assets, catalogue, navigation and
 * error rates, so a user can start with nothing.
 */
public final class Sites {
  private static final Map<String, Supplier<Site>> PROFILES = new TreeMap<>(Map.of(
      "shop", Sites::shop,
      "blog", Sites::blog,
      "api", Sites::api));

  private Sites() {}

  /** The names of the built-in sites, sorted. */
  public static List<String> names() {
    return List.copyOf(PROFILES.keySet());
  }

  /**
   * The built-in site called {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static Site named(String name) {
    Objects.requireNonNull(name, "name");
    Supplier<Site> s = PROFILES.get(name.toLowerCase(Locale.ROOT));
    if (s == null) {
      throw new IllegalArgumentException(
          "profile '" + name + "' is unknown: expected one of " + names());
    }
    return s.get();
  }

  private static final List<String> SEARCH_TERMS = List.of(
      "shoes", "jacket", "headphones", "laptop", "backpack", "watch", "sneakers", "dress",
      "coffee", "phone+case", "desk+lamp", "running+shoes", "wireless+mouse", "jeans",
      "sunglasses", "kettle", "yoga+mat", "water+bottle", "usb+c+cable", "gift+card", "tent",
      "camera", "blender", "hoodie", "notebook", "charger", "monitor", "keyboard", "scarf",
      "umbrella", "wallet", "boots", "t-shirt", "socks", "chair", "pillow", "towel", "mug",
      "speaker", "tablet");

  /**
   * An online shop with a 20,000-item catalogue: home, about, product list with
   * {@code ?categoryID=..&sort=..}, product detail, search with {@code ?q=..&page=..}, cart,
   * checkout, thank-you, profile, login and logout; the old tool's states and default
   * probabilities.
   */
  public static Site shop() {
    Asset css = Asset.of("/static/css/main.4f2a91c.css", ContentType.CSS);
    Asset js = Asset.of("/static/js/app.9b7e3d1.js", ContentType.JS)
        .withSizes(Distributions.lognormal(160_000, 0.2));
    Asset font = Asset.of("/static/fonts/inter-var.3c1f0a7e.woff2", ContentType.FONT);
    Asset favicon = Asset.of("/favicon.ico", ContentType.ICON);
    // Listings show a wider spread of the catalogue than visitors open.
    Asset thumb = Asset.of("/images/products/{listed}-thumb.jpg", ContentType.IMAGE)
        .withSizes(Distributions.lognormal(9_000, 0.5));
    // A fifth of the product photos are large originals (a Pareto tail from 500 kB), as a shop
    // whose sellers upload their own photos serves them: the size tail of a real log.
    Asset photo = Asset.of("/images/products/{item}.jpg", ContentType.IMAGE)
        .withSizes(Distributions.lognormalWithParetoTail(60_000, 0.7, 0.2, 500_000, 0.8,
            ContentType.IMAGE_MAX));
    Asset hero = Asset.of("/static/img/hero-winter.jpg", ContentType.IMAGE)
        .withSizes(Distributions.lognormal(240_000, 0.1));
    Asset banner = Asset.of("/static/img/categories/{category}.webp", ContentType.IMAGE)
        .withSizes(Distributions.lognormal(45_000, 0.3));
    return Site.builder("shop")
        .host("shop.example.com")
        .param("item", Param.catalogue(20_000, 1.0))
        .param("listed", Param.catalogue(20_000, 0.9))
        .param("category", Param.range(1, 12))
        .param("sort", Param.oneOf(List.of("popular", "price", "newest", "rating"),
            new double[] {0.55, 0.25, 0.12, 0.08}))
        .param("q", Param.words(SEARCH_TERMS, 1.0))
        .param("page", Param.oneOf(List.of("1", "2", "3", "4", "5"),
            new double[] {0.6, 0.2, 0.1, 0.06, 0.04}))
        .commonAssets(css, js, font, favicon)
        .page(Page.html("home", "/").withAssets(hero, thumb.withCount(1, 6)))
        .page(Page.html("about", "/about").withSection("info"))
        .page(Page.html("products", "/products").withSection("catalog")
            .withAssets(thumb.withCount(2, 8)))
        .page(Page.html("category", "/products?categoryID={category}&sort={sort}")
            .withSection("catalog").withAssets(banner, thumb.withCount(1, 8)))
        .page(Page.html("product", "/products/{item}").withSection("catalog")
            .withErrorRates(0, 0.02).withAssets(photo, thumb.withCount(0, 4)))
        .page(Page.html("search", "/search?q={q}&page={page}").withSection("search")
            .withResponseSeconds(Distributions.lognormal(0.120, 0.7))
            .withAssets(thumb.withCount(1, 4)))
        .page(Page.html("cart_add", "/cart/add?item={item}").withMethod("POST", 302)
            .withSection("cart").withSizes(Distributions.lognormal(180, 0.2)))
        .page(Page.html("cart", "/cart").withSection("cart"))
        .page(Page.html("checkout", "/checkout").withSection("checkout")
            .withLoginRequired(true).withResponseSeconds(Distributions.lognormal(0.150, 0.6)))
        .page(Page.html("checkout_submit", "/checkout").withMethod("POST", 302)
            .withSection("checkout").withLoginRequired(true).withErrorRates(0.01, 0)
            .withSizes(Distributions.lognormal(200, 0.2))
            .withResponseSeconds(Distributions.lognormal(0.400, 0.5)))
        .page(Page.html("thank_you", "/checkout/thank-you").withSection("checkout"))
        .page(Page.html("profile", "/account/profile").withSection("account")
            .withLoginRequired(true))
        .page(Page.html("login", "/login").withSection("account"))
        .page(Page.html("login_submit", "/login").withMethod("POST", 302).withSection("account")
            .withSizes(Distributions.lognormal(190, 0.2))
            .withResponseSeconds(Distributions.lognormal(0.180, 0.4)))
        .page(Page.html("logout", "/logout").withMethod("POST", 302).withSection("account")
            .withSizes(Distributions.lognormal(170, 0.2)))
        .page(Page.html("admin", "/admin").withSection("admin"))
        .landing("home", 0.35).landing("products", 0.15).landing("category", 0.15)
        .landing("product", 0.25).landing("search", 0.07).landing("about", 0.03)
        .link("home", "category", 0.35).link("home", "product", 0.25)
        .link("home", "search", 0.2).link("home", "products", 0.15).link("home", "about", 0.05)
        .link("products", "category", 0.5).link("products", "product", 0.4)
        .link("products", "search", 0.1)
        .link("category", "product", 0.6).link("category", "category", 0.25)
        .link("category", "search", 0.1).link("category", "home", 0.05)
        .link("product", "product", 0.35).link("product", "cart_add", 0.15)
        .link("product", "category", 0.25).link("product", "search", 0.15)
        .link("product", "home", 0.1)
        .link("search", "product", 0.6).link("search", "search", 0.25)
        .link("search", "category", 0.15)
        .link("cart_add", "cart", 1.0)
        .link("cart", "checkout", 0.45).link("cart", "product", 0.35)
        .link("cart", "home", 0.2)
        .link("checkout", "checkout_submit", 0.7).link("checkout", "cart", 0.3)
        .link("checkout_submit", "thank_you", 1.0)
        .link("thank_you", "home", 0.6).link("thank_you", "profile", 0.4)
        .link("profile", "home", 0.5).link("profile", "product", 0.5)
        .link("about", "home", 0.6).link("about", "products", 0.4)
        .role(Site.Role.HOME, "home").role(Site.Role.LOGIN_FORM, "login")
        .role(Site.Role.LOGIN_SUBMIT, "login_submit").role(Site.Role.LOGOUT, "logout")
        .role(Site.Role.CART, "cart").role(Site.Role.FORBIDDEN, "admin")
        .build();
  }

  /**
   * A blog with 3,000 articles, tag pages, a feed, comments and files to download (slides,
   * archives); readers mostly land on one article from a search engine and leave.
   */
  public static Site blog() {
    Asset css = Asset.of("/assets/css/theme.1c9e4b2.css", ContentType.CSS);
    Asset js = Asset.of("/assets/js/site.77ab90f.js", ContentType.JS)
        .withSizes(Distributions.lognormal(22_000, 0.2));
    Asset font = Asset.of("/assets/fonts/merriweather.woff2", ContentType.FONT);
    Asset favicon = Asset.of("/favicon.ico", ContentType.ICON);
    Asset avatar = Asset.of("/assets/img/avatar.png", ContentType.IMAGE)
        .withSizes(Distributions.lognormal(12_000, 0.1));
    Asset figure = Asset.of("/images/posts/{post}/figure-{fig}.png", ContentType.IMAGE)
        .withCount(0, 4)
        .withSizes(Distributions.lognormalWithParetoTail(40_000, 1.0, 0.1, 150_000, 1.1,
            ContentType.IMAGE_MAX));
    return Site.builder("blog")
        .host("blog.example.org")
        .param("post", Param.catalogue(3_000, 1.1))
        .param("fig", Param.range(1, 6))
        .param("tag", Param.words(List.of("java", "performance", "linux", "databases",
            "networking", "security", "testing", "devops", "career", "books", "kotlin",
            "observability"), 0.9))
        .param("file", Param.words(List.of("slides-2025-observability.pdf",
            "loggen-talk.pdf", "benchmarks-2024.tar.gz", "dataset-sample.csv.gz",
            "cheatsheet.pdf", "demo-recording.mp4", "config-examples.zip", "thesis.pdf",
            "slides-2023-jvm-tuning.pdf", "tools-0.9.2.tar.gz"), 1.0))
        .param("year", Param.oneOf(List.of("2026", "2025", "2024", "2023", "2022"),
            new double[] {0.4, 0.25, 0.15, 0.12, 0.08}))
        .commonAssets(css, js, font, favicon, avatar)
        .page(Page.html("home", "/"))
        .page(Page.html("post", "/posts/{year}/{post}").withSection("posts")
            .withErrorRates(0, 0.01).withAssets(figure)
            .withSizes(Distributions.lognormal(38_000, 0.6)))
        .page(Page.html("tag", "/tags/{tag}").withSection("tags"))
        .page(Page.html("archive", "/archive/{year}").withSection("archive"))
        .page(Page.html("about", "/about"))
        .page(Page.of("feed", "/feed.xml", ContentType.XML).withSection("feed"))
        .page(Page.of("download", "/files/{file}", ContentType.DOWNLOAD).withSection("files"))
        .page(Page.html("comment", "/posts/{year}/{post}/comments").withMethod("POST", 302)
            .withSection("comments").withSizes(Distributions.lognormal(210, 0.2)))
        .page(Page.html("login", "/login").withSection("account"))
        .page(Page.html("login_submit", "/login").withMethod("POST", 302).withSection("account")
            .withSizes(Distributions.lognormal(190, 0.2)))
        .page(Page.html("logout", "/logout").withMethod("POST", 302).withSection("account")
            .withSizes(Distributions.lognormal(170, 0.2)))
        .page(Page.html("admin", "/wp-admin/").withSection("admin"))
        .landing("post", 0.72).landing("home", 0.17).landing("tag", 0.06)
        .landing("feed", 0.03).landing("download", 0.02)
        .link("home", "post", 0.8).link("home", "tag", 0.1).link("home", "about", 0.1)
        .link("post", "post", 0.55).link("post", "tag", 0.2).link("post", "home", 0.15)
        .link("post", "comment", 0.05).link("post", "archive", 0.05)
        .link("post", "download", 0.04)
        .link("tag", "post", 0.9).link("tag", "home", 0.1)
        .link("archive", "post", 0.9).link("archive", "home", 0.1)
        .link("about", "home", 1.0)
        .link("comment", "post", 1.0)
        .link("feed", "post", 1.0)
        .link("download", "post", 0.7).link("download", "home", 0.3)
        .role(Site.Role.HOME, "home").role(Site.Role.LOGIN_FORM, "login")
        .role(Site.Role.LOGIN_SUBMIT, "login_submit").role(Site.Role.LOGOUT, "logout")
        .role(Site.Role.FORBIDDEN, "admin")
        // Readers take their time over an article.
        .sessions(SessionSettings.DEFAULT.withBrowsing(Duration.ZERO, Duration.ofMinutes(5))
            .withThinkTime(Distributions.lognormal(45, 1.2)))
        .model(dev.loggen.core.engine.TransitionMatrix.builder()
            .from("START").to("DIRECT_ACCESS", 0.95).to("LOGIN", 0.05)
            .from("LOGIN").to("BROWSING", 0.95).to("LEAVE", 0.05)
            .from("DIRECT_ACCESS").to("BROWSING", 0.45).to("LEAVE", 0.55)
            .from("BROWSING").to("LEAVE", 0.75).to("BROWSING", 0.2).to("LOGOUT", 0.04)
            .to("ERROR", 0.01)
            .build())
        .build();
  }

  /**
   * A JSON API used by programs with bearer tokens: list, read, create and update resources,
   * with rate limiting (429) for clients that call too fast.
   */
  public static Site api() {
    return Site.builder("api")
        .host("api.example.com")
        .api(true)
        .param("id", Param.catalogue(50_000, 0.9))
        // customers are not orders: a linked page takes the values of the names it shares
        .param("customer", Param.catalogue(8_000, 0.9))
        .param("limit", Param.oneOf(List.of("20", "50", "100"), new double[] {0.6, 0.3, 0.1}))
        .param("cursor", Param.range(1, 400))
        .param("status", Param.oneOf("open", "closed", "pending"))
        .page(Page.of("list", "/v1/orders?limit={limit}", ContentType.JSON)
            .withSection("orders").withSizes(Distributions.lognormal(9_000, 0.6)))
        .page(Page.of("list_next", "/v1/orders?limit={limit}&cursor={cursor}", ContentType.JSON)
            .withSection("orders").withSizes(Distributions.lognormal(9_000, 0.6)))
        .page(Page.of("filter", "/v1/orders?status={status}", ContentType.JSON)
            .withSection("orders"))
        .page(Page.of("get", "/v1/orders/{id}", ContentType.JSON).withSection("orders")
            .withErrorRates(0, 0.03))
        .page(Page.of("create", "/v1/orders", ContentType.JSON).withMethod("POST", 201)
            .withSection("orders").withErrorRates(0.002, 0)
            .withResponseSeconds(Distributions.lognormal(0.090, 0.6)))
        .page(Page.of("update", "/v1/orders/{id}", ContentType.JSON).withMethod("PATCH", 200)
            .withSection("orders").withErrorRates(0.002, 0.01))
        .page(Page.of("delete", "/v1/orders/{id}", ContentType.JSON).withMethod("DELETE", 204)
            .withSection("orders").withErrorRates(0, 0.02)
            .withSizes(Distributions.constant(0)))
        .page(Page.of("customer", "/v1/customers/{customer}", ContentType.JSON)
            .withSection("customers").withErrorRates(0, 0.02))
        .page(Page.of("token", "/oauth/token", ContentType.JSON).withMethod("POST", 200)
            .withSection("auth").withSizes(Distributions.lognormal(850, 0.1)))
        .page(Page.of("health", "/v1/health", ContentType.JSON).withSection("ops")
            .withSizes(Distributions.lognormal(60, 0.05)))
        .landing("list", 0.45).landing("get", 0.35).landing("filter", 0.1)
        .landing("create", 0.1)
        .link("list", "get", 0.6).link("list", "list_next", 0.3).link("list", "create", 0.1)
        .link("list_next", "list_next", 0.4).link("list_next", "get", 0.6)
        .link("filter", "get", 0.8).link("filter", "list", 0.2)
        .link("get", "get", 0.45).link("get", "customer", 0.2).link("get", "update", 0.12)
        .link("get", "delete", 0.03).link("get", "list", 0.15).link("get", "create", 0.05)
        .link("create", "get", 0.7).link("create", "list", 0.3)
        .link("update", "get", 0.7).link("update", "list", 0.3)
        .link("delete", "list", 1.0)
        .link("customer", "get", 0.6).link("customer", "list", 0.4)
        .role(Site.Role.HOME, "list").role(Site.Role.LOGIN_SUBMIT, "token")
        .errorRates(new Site.ErrorRates(0.001, 0, 0, 0, 0.01, 0))
        // Programs call in bursts: a second or so between calls, for up to half a minute.
        .sessions(SessionSettings.DEFAULT.withBrowsing(Duration.ZERO, Duration.ofSeconds(30))
            .withThinkTime(Distributions.lognormal(0.8, 1.4)))
        .emptyResponseShare(0)
        .model(dev.loggen.core.engine.TransitionMatrix.builder()
            .from("START").to("LOGIN", 0.3).to("DIRECT_ACCESS", 0.7)
            .from("LOGIN").to("BROWSING", 1.0)
            .from("DIRECT_ACCESS").to("BROWSING", 1.0)
            .from("BROWSING").to("BROWSING", 0.5).to("LEAVE", 0.49).to("ERROR", 0.01)
            .build())
        .build();
  }
}
