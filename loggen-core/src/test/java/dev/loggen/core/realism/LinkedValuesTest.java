package dev.loggen.core.realism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.Sites;
import dev.loggen.core.VisitorKind;
import dev.loggen.core.Visitors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A page reached by a link takes the values of the placeholders it shares with the page it was
 * reached from: the item added to the cart is the product on screen, a comment is posted to the
 * post read, an order updated is the order just read. A link to the same page draws anew.
 */
class LinkedValuesTest {
  private static final Pattern CART_ADD = Pattern.compile("/cart/add\\?item=(\\d+)");
  private static final Pattern PRODUCT = Pattern.compile("https://shop\\.example\\.com"
      + "/products/(\\d+)");
  private static final Pattern COMMENTS = Pattern.compile("(/posts/\\d+/\\d+)/comments");
  private static final Pattern ORDER = Pattern.compile("/v1/orders/(\\d+)");
  private static final Pattern CUSTOMER = Pattern.compile("/v1/customers/(\\d+)");

  static LongStream seeds() {
    return LongStream.of(1, 7, 42, 1_000_003, -123_456_789);
  }

  private static List<AccessEvent> humans(TrafficPropertiesTest.Run r) {
    return r.events().stream().filter(e -> e.visitorKind() == VisitorKind.HUMAN).toList();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theItemAddedToTheCartIsTheProductOnScreen(long seed) {
    int adds = 0;
    int sameProductAgain = 0;
    int productToProduct = 0;
    for (AccessEvent e : humans(TrafficPropertiesTest.shop(seed))) {
      Matcher from = PRODUCT.matcher(e.referrer() == null ? "" : e.referrer());
      if (!from.matches()) {
        continue;
      }
      Matcher add = CART_ADD.matcher(e.path());
      if (e.method().equals("POST") && add.matches()) {
        adds++;
        assertEquals(from.group(1), add.group(1), "seed " + seed + ": " + e);
      } else if (e.method().equals("GET") && e.path().matches("/products/\\d+")
          && e.status() != 500) { // not the reload of a page that failed (the ERROR state)
        productToProduct++;
        if (e.path().equals("/products/" + from.group(1))) {
          sameProductAgain++;
        }
      }
    }
    assertTrue(adds >= 20, "seed " + seed + ": only " + adds + " adds to the cart");
    // the next product is drawn anew: the same one again only as often as popularity repeats it
    assertTrue(productToProduct >= 200 && sameProductAgain < 0.05 * productToProduct,
        String.format(Locale.ROOT, "seed %d: %d of %d product-to-product links show the same"
            + " product", seed, sameProductAgain, productToProduct));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aCommentIsPostedToThePostRead(long seed) {
    String origin = "https://" + Sites.blog().host();
    int comments = 0;
    for (AccessEvent e : humans(TrafficPropertiesTest.run(seed, Sites.blog(),
        Visitors.DEFAULT))) {
      Matcher m = COMMENTS.matcher(e.path());
      if (e.method().equals("POST") && m.matches()) {
        comments++;
        assertEquals(origin + m.group(1), e.referrer(), "seed " + seed + ": " + e);
      }
    }
    assertTrue(comments >= 5, "seed " + seed + ": only " + comments + " comments");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anApiClientUpdatesTheOrderItReadAndNotACustomerOfTheSameNumber(long seed) {
    TrafficPropertiesTest.Run r = TrafficPropertiesTest.run(seed, Sites.api(),
        Visitors.DEFAULT);
    int updates = 0;
    int customers = 0;
    int customerIsOrder = 0;
    for (List<AccessEvent> session : r.bySession().values()) {
      List<AccessEvent> calls = new ArrayList<>(session);
      for (int i = 1; i < calls.size(); i++) {
        AccessEvent before = calls.get(i - 1);
        AccessEvent e = calls.get(i);
        Matcher read = ORDER.matcher(before.path());
        if (!before.method().equals("GET") || !read.matches()) {
          continue;
        }
        Matcher order = ORDER.matcher(e.path());
        Matcher customer = CUSTOMER.matcher(e.path());
        if (e.method().equals("PATCH") && order.matches()) {
          updates++;
          assertEquals(read.group(1), order.group(1), "seed " + seed + ": " + before + " then "
              + e);
        } else if (customer.matches()) {
          customers++;
          if (customer.group(1).equals(read.group(1))) {
            customerIsOrder++;
          }
        }
      }
    }
    assertTrue(updates >= 20, "seed " + seed + ": only " + updates + " updates after a read");
    assertTrue(customers >= 20 && customerIsOrder < 0.05 * customers, String.format(Locale.ROOT,
        "seed %d: %d of %d customers read after an order have the order's number", seed,
        customerIsOrder, customers));
  }
}
