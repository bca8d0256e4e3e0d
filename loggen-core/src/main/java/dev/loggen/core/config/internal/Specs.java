package dev.loggen.core.config.internal;

import dev.loggen.core.Asset;
import dev.loggen.core.ContentType;
import dev.loggen.core.Param;
import dev.loggen.core.config.ConfigNode;
import dev.loggen.core.random.Distribution;
import dev.loggen.core.random.Distributions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Readers of the small value specs the sections share: distributions, params, assets, times. */
public final class Specs {
  /** The distribution families, as written in YAML. */
  public static final List<String> DISTRIBUTIONS = List.of("constant", "uniform", "exponential",
      "lognormal", "pareto", "lognormalWithParetoTail");
  /** The param kinds, as written in YAML. */
  public static final List<String> PARAMS = List.of("range", "catalogue", "oneOf", "words");

  private Specs() {}

  /**
   * Runs {@code f} unless errors were recorded since {@code errorsBefore}, and records an
   * {@link IllegalArgumentException} or {@link IllegalStateException} it throws as an error at
   * {@code at} (without the key path it may begin with: the location names it). Model
   * constructors check what spans fields; this gives their message a place.
   *
   * @param <T> what is built
   * @param at where a failure is reported
   * @param errorsBefore the error count before the values {@code f} uses were read
   * @param f builds the value
   * @return the value, or null when it was not built
   */
  public static <T> @Nullable T construct(ConfigNode at, int errorsBefore, Supplier<T> f) {
    if (at.diagnostics().errorCount() > errorsBefore) {
      return null;
    }
    try {
      return f.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      String m = String.valueOf(e.getMessage());
      // the location names the key already: "visitors.privateShare: must be ...", not twice
      at.error(m.startsWith(at.path() + " ") ? m.substring(at.path().length() + 1) : m);
      return null;
    }
  }

  /**
   * Whether a point in time (see {@link #when}) is written as a duration after the window start.
   *
   * @param n the node
   * @return whether it is a duration such as {@code 6h}
   */
  public static boolean isRelative(ConfigNode n) {
    return n.isScalar() && Values.duration(n.text()) != null;
  }

  /**
   * A point in time: an ISO-8601 instant, or a duration after {@code windowStart} ({@code 6h}).
   *
   * @param n the node
   * @param windowStart the start of the window
   * @return the instant, or empty when missing or wrong
   */
  public static Optional<Instant> when(ConfigNode n, Instant windowStart) {
    if (!n.isScalar()) {
      return n.instant();
    }
    Duration d = Values.duration(n.text()); // what isRelative tells, read once
    if (d != null) {
      return Optional.of(windowStart.plus(d));
    }
    Instant i = Values.instant(n.text());
    if (i == null) {
      n.error("expected an ISO-8601 instant such as 2026-01-01T12:00:00Z, or a duration after"
          + " the window start such as 6h (got " + n.describe() + ")");
      return Optional.empty();
    }
    return Optional.of(i);
  }

  /**
   * A distribution: a number (a constant), or one family with its parameters, e.g.
   * {@code {lognormal: {median: 7, sigma: 1.1}}}.
   *
   * @param n the node
   * @return the distribution, or null when missing or wrong
   */
  public static @Nullable Distribution distribution(ConfigNode n) {
    if (n.isMissing()) {
      return null;
    }
    int before = n.diagnostics().errorCount();
    if (n.isScalar()) {
      OptionalDouble v = n.nonNegativeNumber();
      return v.isPresent() ? construct(n, before, () -> Distributions.constant(v.getAsDouble()))
          : null;
    }
    Map<String, ConfigNode> m = n.map();
    if (m.size() != 1) {
      if (n.isMapping()) {
        n.error("expected one distribution such as {lognormal: {median: 7, sigma: 1.1}} (got "
            + (m.isEmpty() ? "none" : m.size() + ": " + String.join(", ", m.keySet())) + ")");
      }
      return null;
    }
    Map.Entry<String, ConfigNode> e = m.entrySet().iterator().next();
    Optional<String> family = e.getValue().keyNode().choice(DISTRIBUTIONS);
    if (family.isEmpty()) {
      return null;
    }
    ConfigNode p = e.getValue();
    switch (family.get()) {
      case "constant": {
        OptionalDouble v = p.isMapping() ? p.require("value").nonNegativeNumber()
            : p.nonNegativeNumber();
        return v.isPresent() ? construct(p, before, () -> Distributions.constant(v.getAsDouble()))
            : null;
      }
      case "uniform": {
        OptionalDouble lo = p.require("min").nonNegativeNumber();
        OptionalDouble hi = p.require("max").nonNegativeNumber();
        if (lo.isPresent() && hi.isPresent() && hi.getAsDouble() < lo.getAsDouble()) {
          p.get("max").error("max must be at least min (" + p.get("min").text() + ")");
        }
        return construct(p, before,
            () -> Distributions.uniform(lo.getAsDouble(), hi.getAsDouble()));
      }
      case "exponential": {
        OptionalDouble mean = p.require("mean").positiveNumber();
        return construct(p, before, () -> Distributions.exponential(mean.getAsDouble()));
      }
      case "lognormal": {
        OptionalDouble median = p.require("median").positiveNumber();
        OptionalDouble sigma = p.require("sigma").positiveNumber();
        return construct(p, before,
            () -> Distributions.lognormal(median.getAsDouble(), sigma.getAsDouble()));
      }
      case "pareto": {
        OptionalDouble xm = p.require("xm").positiveNumber();
        OptionalDouble alpha = p.require("alpha").positiveNumber();
        OptionalDouble max = p.get("max").positiveNumber(); // absent: empty, no error
        return construct(p, before, () -> max.isPresent()
            ? Distributions.pareto(xm.getAsDouble(), alpha.getAsDouble(), max.getAsDouble())
            : Distributions.pareto(xm.getAsDouble(), alpha.getAsDouble()));
      }
      default: {
        OptionalDouble median = p.require("median").positiveNumber();
        OptionalDouble sigma = p.require("sigma").positiveNumber();
        OptionalDouble share = p.require("tailShare").probability();
        OptionalDouble start = p.require("tailStart").positiveNumber();
        OptionalDouble alpha = p.require("alpha").positiveNumber();
        OptionalDouble max = p.get("max").positiveNumber(); // absent: empty, no error
        return construct(p, before, () -> max.isPresent()
            ? Distributions.lognormalWithParetoTail(median.getAsDouble(), sigma.getAsDouble(),
                share.getAsDouble(), start.getAsDouble(), alpha.getAsDouble(), max.getAsDouble())
            : Distributions.lognormalWithParetoTail(median.getAsDouble(), sigma.getAsDouble(),
                share.getAsDouble(), start.getAsDouble(), alpha.getAsDouble()));
      }
    }
  }

  /**
   * A path placeholder: a list of values (equally likely), or one of
   * {@code {range: {min, max}}}, {@code {catalogue: {size, exponent}}},
   * {@code {oneOf: [values] | {value: weight}}}, {@code {words: {values, exponent}}}.
   *
   * @param n the node
   * @return the param, or null when wrong
   */
  public static @Nullable Param param(ConfigNode n) {
    int before = n.diagnostics().errorCount();
    if (n.isSequence()) {
      List<String> values = strings(n);
      return construct(n, before, () -> Param.oneOf(values, null));
    }
    Map<String, ConfigNode> m = n.map();
    if (m.size() != 1) {
      if (n.isMapping()) {
        n.error("expected a list of values or one of " + String.join(", ", PARAMS)
            + ", e.g. {range: {min: 1, max: 12}}");
      }
      return null;
    }
    Map.Entry<String, ConfigNode> e = m.entrySet().iterator().next();
    Optional<String> kind = e.getValue().keyNode().choice(PARAMS);
    if (kind.isEmpty()) {
      return null;
    }
    ConfigNode p = e.getValue();
    switch (kind.get()) {
      case "range": {
        OptionalLong lo = p.require("min").integer(0, Integer.MAX_VALUE);
        OptionalLong hi = p.require("max").integer(0, Integer.MAX_VALUE);
        if (lo.isPresent() && hi.isPresent() && hi.getAsLong() < lo.getAsLong()) {
          p.get("max").error("max must be at least min (" + lo.getAsLong() + ")");
        }
        return construct(p, before,
            () -> Param.range((int) lo.getAsLong(), (int) hi.getAsLong()));
      }
      case "catalogue": {
        OptionalLong size = p.require("size").integer(1, Param.MAX_CATALOGUE_SIZE);
        double exponent = p.get("exponent").nonNegativeNumber().orElse(1.0);
        return construct(p, before, () -> Param.catalogue((int) size.getAsLong(), exponent));
      }
      case "words": {
        List<String> values = strings(p.require("values"));
        double exponent = p.get("exponent").nonNegativeNumber().orElse(1.0);
        return construct(p, before, () -> Param.words(values, exponent));
      }
      default: {
        if (p.isMapping()) {
          List<String> values = new ArrayList<>();
          List<Double> weights = new ArrayList<>();
          p.map().forEach((value, w) -> {
            values.add(value);
            weights.add(w.nonNegativeNumber().orElse(0));
          });
          double[] ws = weights.stream().mapToDouble(Double::doubleValue).toArray();
          if (values.isEmpty()) {
            p.error("expected at least one value");
          }
          return construct(p, before, () -> Param.oneOf(values, ws));
        }
        List<String> values = strings(p);
        return construct(p, before, () -> Param.oneOf(values, null));
      }
    }
  }

  private static List<String> strings(ConfigNode n) {
    List<String> out = new ArrayList<>();
    for (ConfigNode v : n.list()) {
      v.string().ifPresent(out::add);
    }
    if (n.isSequence() && n.list().isEmpty()) {
      n.error("expected at least one value");
    }
    return out;
  }

  /**
   * An asset: a path (its type told by the extension), or {@code {path, type, count | minCount
   * and maxCount, sizes}}.
   *
   * @param n the node
   * @return the asset, or null when wrong
   */
  public static @Nullable Asset asset(ConfigNode n) {
    int before = n.diagnostics().errorCount();
    if (n.isScalar()) {
      String path = n.text();
      ContentType type = typeOf(path);
      if (type == null) {
        n.error("cannot tell the type of asset '" + path + "' from its extension: give {path: "
            + path + ", type: image} (types: css, js, image, font, icon, text, xml, html, json,"
            + " download)");
        return null;
      }
      checkPath(n, path);
      return construct(n, before, () -> Asset.of(path, type));
    }
    if (!n.isMapping()) { // a list or null: neither a path nor the mapping form
      n.error("expected an asset: a path, or {path, type, count, sizes} (got " + n.describe()
          + ")");
      return null;
    }
    Optional<String> path = n.require("path").string();
    path.ifPresent(p -> checkPath(n.get("path"), p));
    ContentType type = n.get("type").enumValue(ContentType.class).orElse(null);
    if (type == null && path.isPresent() && n.get("type").isMissing()) {
      type = typeOf(path.get());
      if (type == null) {
        n.get("path").error("cannot tell the type of asset '" + path.get()
            + "' from its extension: give type (css, js, image, font, icon, text, xml, html,"
            + " json)");
      }
    }
    OptionalLong count = n.get("count").integer(0, 100);
    OptionalLong min = n.get("minCount").integer(0, 100);
    OptionalLong max = n.get("maxCount").integer(0, 100);
    if (count.isPresent() && (n.has("minCount") || n.has("maxCount"))) {
      n.get("count").error("give count or minCount/maxCount, not both");
    }
    long lo = count.isPresent() ? count.getAsLong() : min.orElse(1);
    long hi = count.isPresent() ? count.getAsLong() : max.orElse(Math.max(1, lo));
    if (hi < lo) {
      n.get("maxCount").error(String.format(Locale.ROOT,
          "maxCount must be at least minCount (%d)", lo));
    }
    Distribution sizes = distribution(n.get("sizes"));
    ContentType t = type;
    return construct(n, before, () -> new Asset(path.get(), t, (int) lo, (int) hi,
        sizes != null ? sizes : t.sizes()));
  }

  /** The content type an asset path's extension suggests, or null. */
  static @Nullable ContentType typeOf(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    int q = p.indexOf('?');
    if (q >= 0) {
      p = p.substring(0, q);
    }
    int dot = p.lastIndexOf('.');
    if (dot < 0 || dot < p.lastIndexOf('/')) {
      return null;
    }
    return switch (p.substring(dot + 1)) {
      case "css" -> ContentType.CSS;
      case "js", "mjs" -> ContentType.JS;
      case "jpg", "jpeg", "png", "gif", "svg", "webp", "avif" -> ContentType.IMAGE;
      case "woff", "woff2", "ttf", "otf", "eot" -> ContentType.FONT;
      case "ico" -> ContentType.ICON;
      case "txt" -> ContentType.TEXT;
      case "xml", "rss" -> ContentType.XML;
      case "json" -> ContentType.JSON;
      case "html", "htm" -> ContentType.HTML;
      default -> null;
    };
  }

  /**
   * Checks a path: it starts with '/' and has no spaces, control characters or '#'.
   *
   * @param at where an error is reported
   * @param path the path
   * @return whether the path is good (else an error was recorded)
   */
  public static boolean checkPath(ConfigNode at, String path) {
    if (path.isEmpty() || path.charAt(0) != '/') {
      at.error("expected a path starting with '/' (got '" + path + "')");
      return false;
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c <= ' ' || c == 0x7F) {
        at.error("a path must not contain spaces or control characters (got '" + path + "')");
        return false;
      }
      if (c == '#') {
        at.error("a path must not contain '#': browsers never send a fragment (got '" + path
            + "')");
        return false;
      }
    }
    return true;
  }
}
