package dev.loggen.core.internal;

import dev.loggen.core.Visitor;
import dev.loggen.core.VisitorKind;
import dev.loggen.core.Visitors;
import dev.loggen.core.random.Rng;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Makes visitors as a pure function of (seed, visitor id): addresses clustered in networks
 * (several visitors per /24, some behind a shared address, a share on IPv6, never a reserved or
 * private range unless {@link Visitors#privateShare()} asks for one), a browser consistent for
 * the visitor, and a user name for registered visitors.
 */
final class VisitorFactory {
  /**
   * First octets of public IPv4 space: no 0, 10, 100 (CGNAT), 127, 169, 172, 192, 198, 203,
   * 224+.
   */
  private static final int[] PUBLIC_FIRST_OCTETS = {
    2, 5, 23, 24, 31, 37, 41, 45, 46, 49, 50, 62, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76,
    77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99,
    101, 103, 104, 106, 107, 108, 109, 110, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121,
    122, 123, 124, 125, 128, 129, 130, 131, 134, 136, 137, 138, 141, 142, 144, 146, 147, 149,
    151, 152, 154, 156, 158, 159, 161, 162, 163, 164, 165, 166, 168, 171, 173, 174, 175, 176,
    177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 193, 194, 195,
    196, 197, 199, 200, 201, 202, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 216, 217,
    218, 219, 220, 221, 222, 223,
  };
  private static final String[] IPV6_PREFIXES = {
    "2a02:", "2a01:", "2600:", "2601:", "2603:", "2a00:", "2a03:", "2001:4", "2409:", "2400:",
    "2a0a:", "2405:", "2804:", "2406:",
  };
  /** First names (letters only: a user name splits back into its parts, see userName). */
  private static final String[] FIRST_NAMES = {
    "anna", "ben", "carla", "david", "emma", "felix", "grace", "hugo", "iris", "jonas", "kate",
    "liam", "mia", "noah", "olga", "paul", "quinn", "rosa", "sam", "tara", "umar", "vera",
    "will", "xena", "yuki", "zoe", "amir", "bea", "chen", "dana", "eli", "fatima", "gabe",
    "hana", "ivan", "jade", "kofi", "lena", "marco", "nina", "oscar", "priya", "rafael", "sofia",
    "tom", "ursula", "victor", "wen", "yara", "zain", "alice", "bruno", "clara", "diego",
    "elena", "frank", "greta", "hiro", "ines", "jakob", "karin", "luca", "maya", "nils",
  };
  /** Family names (letters only). */
  private static final String[] LAST_NAMES = {
    "smith", "mueller", "garcia", "rossi", "novak", "kim", "tanaka", "silva", "jensen", "dubois",
    "kowalski", "ivanova", "nguyen", "okafor", "patel", "haddad", "berg", "costa", "fischer",
    "lopez", "martin", "nakamura", "olsen", "petrov", "quist", "reyes", "schmidt", "torres",
    "weber", "yilmaz", "zhang", "adams", "baker", "chen", "diaz", "evans", "ferrari", "gomez",
    "hansen", "ito", "jones", "khan", "lee", "moreau", "nagy", "oliveira", "park", "ramos",
    "santos", "taylor", "urban", "vogel", "walsh", "young", "alves", "brown", "cohen", "dahl",
    "eriksen", "fox", "gruber", "horvat", "ibrahim", "jovanovic",
  };
  /**
   * The uptime monitor's id, outside every range other visitors are drawn from: returning
   * visitors below {@link BlockSource#RETURNING_POOL_MAX}, bots from 10^9 to 2 * 10^9 + 400, and
   * ids derived from session ids (first-time visitors, flash crowds, attackers), which stay within
   * 2^57 of 0 or of {@link Long#MIN_VALUE} for windows in the years 1 to 9999.
   */
  static final long MONITOR_ID = 1L << 62;
  private static final long ADDRESS = 1;
  private static final long NETWORK = 2;
  private static final long AGENT = 3;
  private static final long NAME = 4;
  private static final long SHARED = 5;

  private final long seed;
  private final Visitors settings;
  private final int networks;
  private final int sharedAddresses;
  /** Returning visitors' slots in a run on one thread; workers of a run share them out. */
  static final int CACHE_SLOTS = 1 << 14;

  private final @Nullable Visitor[] cache;
  /** Account numbers of returning visitors: {@code [0, accountMask]}, 2^k - 1 >= population. */
  private final long accountMask;
  private final int accountShift;
  private final long accountMul1;
  private final long accountMul2;
  private final long accountAdd;
  /** Mixed into ids for the names of other visitors and of API clients. */
  private final long nameKey;

  VisitorFactory(long seed, Visitors settings, int population) {
    this(seed, settings, population, CACHE_SLOTS);
  }

  /**
   * A factory whose cache of returning visitors has {@code cacheSlots} slots (a power of two):
   * each slot holds a visitor and its strings, about 150 bytes.
   */
  VisitorFactory(long seed, Visitors settings, int population, int cacheSlots) {
    if (Integer.bitCount(cacheSlots) != 1) {
      throw new IllegalArgumentException("cacheSlots must be a power of two (got " + cacheSlots
          + ")");
    }
    this.cache = new Visitor[cacheSlots];
    this.seed = seed;
    this.settings = settings;
    this.networks = Math.max(64, population / 6);
    this.sharedAddresses = Math.max(16, population / 40);
    int bits = Math.max(8, 64 - Long.numberOfLeadingZeros(Math.max(1, population - 1)));
    this.accountMask = (1L << bits) - 1;
    this.accountShift = Math.max(1, bits / 2);
    this.accountMul1 = Rng.derive(seed, NAME, 1) | 1;
    this.accountMul2 = Rng.derive(seed, NAME, 2) | 1;
    this.accountAdd = Rng.derive(seed, NAME, 3);
    this.nameKey = Rng.derive(seed, NAME, 4);
  }

  /**
   * A human visitor. Returning visitors come back often, so they are kept in a small
   * direct-mapped cache; a visitor is a pure function of (seed, id, returning, named), so the
   * cache saves work without changing anything.
   */
  Visitor human(long id, boolean returning, boolean named) {
    if (returning) {
      int slot = (int) (Rng.mix(id) & (cache.length - 1));
      Visitor v = cache[slot];
      if (v != null && v.id() == id && v.kind() == VisitorKind.HUMAN
          && (v.user() != null) == named) {
        return v;
      }
      v = makeHuman(id, true, named);
      cache[slot] = v;
      return v;
    }
    return makeHuman(id, false, named);
  }

  private Visitor makeHuman(long id, boolean returning, boolean named) {
    Rng r = Rng.of(seed, AGENT, id);
    String agent = UserAgents.browser(r);
    String address = address(id);
    String user = named ? userName(id) : null;
    return new Visitor(id, address, agent, user, VisitorKind.HUMAN, returning);
  }

  /** An API client with a token (its user name is the client id). */
  Visitor apiClient(long id, boolean returning) {
    Rng r = Rng.of(seed, AGENT, id);
    String agent = UserAgents.API_CLIENTS[UserAgents.API_TABLE.sample(r)];
    // A token's client id: 40 bits of a bijection of the id, so two clients share one only by
    // a 40-bit coincidence.
    String client = "client-" + Long.toString(Rng.mix(id ^ nameKey) >>> 24, 36);
    return new Visitor(id, address(id), agent, client, VisitorKind.API_CLIENT, returning);
  }

  /** A crawler: one of the known bots from its operator's address range. */
  Visitor crawler(long id) {
    Rng r = Rng.of(seed, AGENT, id);
    String[] c = UserAgents.CRAWLERS[UserAgents.CRAWLER_TABLE.sample(r)];
    return new Visitor(id, c[1] + (1 + r.nextInt(254)), c[0], null, VisitorKind.CRAWLER, true);
  }

  /**
   * A link-preview fetcher, from its operator's /24 (one range per operator), or from a
   * phone's address for an app that fetches on the sender's phone.
   */
  Visitor preview(long id) {
    Rng r = Rng.of(seed, AGENT, id);
    @Nullable String[] p = UserAgents.PREVIEWS[UserAgents.PREVIEW_TABLE.sample(r)];
    String agent = Objects.requireNonNull(p[0]);
    String range = p[1];
    String address = range != null ? range + (1 + r.nextInt(254)) : address(id);
    return new Visitor(id, address, agent, null, VisitorKind.CRAWLER, true);
  }

  /** A feed reader (a service polling for many subscribers). */
  Visitor feedReader(long id) {
    Rng r = Rng.of(seed, AGENT, id);
    String agent = UserAgents.FEED_READERS[UserAgents.FEED_TABLE.sample(r)];
    return new Visitor(id, ipv4(Rng.of(seed, ADDRESS, id)), agent, null, VisitorKind.CRAWLER,
        true);
  }

  /** A scanner. */
  Visitor scanner(long id) {
    Rng r = Rng.of(seed, AGENT, id);
    String agent = UserAgents.SCANNERS[UserAgents.SCANNER_TABLE.sample(r)];
    return new Visitor(id, ipv4(Rng.of(seed, ADDRESS, id)), agent.isEmpty() ? null : agent, null,
        VisitorKind.SCANNER, false);
  }

  /** The uptime monitor (one fixed visitor). */
  Visitor monitor() {
    return new Visitor(MONITOR_ID, "216.144.248.19", UserAgents.MONITOR, null,
        VisitorKind.MONITOR, true);
  }

  /** An attacker address for a scenario: few addresses, from hosting ranges. */
  Visitor attacker(long id, int addressIndex, @Nullable String agent) {
    Rng r = Rng.of(seed, SHARED, 0xA77AC4L, addressIndex);
    return new Visitor(id, ipv4(r), agent, null, VisitorKind.SCANNER, false);
  }

  /**
   * The user name of visitor {@code id}: one account, one name. The returning visitors' ids
   * ({@code [0, population)}) go through a seeded permutation of {@code [0, 2^k)} to an account
   * number; other ids (a first-time visitor signing in) to 32-bit numbers from {@code 2^k} on.
   * The account number is spelled as a first name, a form and a number that the name splits
   * back into ({@code anna.novak}, {@code anna.novak2}, {@code anna17}, {@code anna_novak},
   * {@code anna_1987}), so distinct account numbers never share a name. Arithmetic only.
   */
  String userName(long id) {
    long x;
    if (id >= 0 && id <= accountMask) {
      // a permutation of [0, accountMask]: odd multipliers, an offset and xor-shifts mod 2^k
      x = (id * accountMul1 + accountAdd) & accountMask;
      x ^= x >>> accountShift;
      x = (x * accountMul2) & accountMask;
      x ^= x >>> accountShift;
    } else {
      // 32 bits of a bijection of the id, above the returning visitors' numbers: two such
      // visitors share a name by a 32-bit coincidence (a day of a busy shop: ~1e-3)
      x = accountMask + 1 + (Rng.mix(id ^ nameKey) >>> 32);
    }
    String first = FIRST_NAMES[(int) (x % FIRST_NAMES.length)];
    x /= FIRST_NAMES.length;
    int form = (int) (x & 3);
    long rest = x >>> 2;
    String last = LAST_NAMES[(int) (rest % LAST_NAMES.length)];
    long more = rest / LAST_NAMES.length;
    return switch (form) {
      case 0 -> more == 0 ? first + "." + last : first + "." + last + more;
      case 1 -> first + (rest + 10);
      case 2 -> more == 0 ? first + "_" + last : first + "_" + last + more;
      default -> first + "_" + (1950 + rest);
    };
  }

  String address(long id) {
    Rng r = Rng.of(seed, ADDRESS, id);
    boolean inside = settings.privateShare() > 0 && r.chance(settings.privateShare());
    if (r.chance(settings.sharedAddressShare())) {
      // Behind an office NAT or a mobile carrier's gateway: one of a few shared addresses.
      int shared = (int) Math.floor(sharedAddresses * Math.pow(r.nextDouble(), 2));
      Rng s = Rng.of(seed, SHARED, shared);
      return inside ? privateIpv4(s, s) : ipv4(s);
    }
    // Skewed network sizes: low network indices hold many visitors.
    int net = (int) Math.floor(networks * Math.pow(r.nextDouble(), 2.5));
    Rng n = Rng.of(seed, NETWORK, net);
    if (inside) {
      if (n.chance(settings.ipv6Share())) {
        // A unique local address: fdXX:XXXX:XXXX:subnet:interface id.
        StringBuilder sb = new StringBuilder(40).append("fd");
        hex(sb, n.nextInt(0x100), 2);
        sb.append(':');
        hex(sb, n.nextInt(0x10000), 0);
        sb.append(':');
        hex(sb, n.nextInt(0x10000), 0);
        sb.append(':');
        hex(sb, n.nextInt(0x100), 0);
        for (int i = 0; i < 4; i++) {
          sb.append(':');
          hex(sb, r.nextInt(0x10000), 0);
        }
        return sb.toString();
      }
      return privateIpv4(n, r);
    }
    if (n.chance(settings.ipv6Share())) {
      String prefix = IPV6_PREFIXES[n.nextInt(IPV6_PREFIXES.length)];
      StringBuilder sb = new StringBuilder(40).append(prefix);
      hex(sb, n.nextInt(0x10000), prefix.length() == 5 ? 4 : 3);
      sb.append(':');
      hex(sb, n.nextInt(0x10000), 0);
      sb.append(':');
      hex(sb, n.nextInt(0x10000), 0);
      sb.append(':');
      for (int i = 0; i < 4; i++) {
        if (i > 0) {
          sb.append(':');
        }
        hex(sb, r.nextInt(0x10000), 0);
      }
      return sb.toString();
    }
    int a = PUBLIC_FIRST_OCTETS[n.nextInt(PUBLIC_FIRST_OCTETS.length)];
    int b = n.nextInt(256);
    int c = n.nextInt(256);
    int d = 1 + r.nextInt(254);
    return a + "." + b + "." + c + "." + d;
  }

  private static String ipv4(Rng r) {
    int a = PUBLIC_FIRST_OCTETS[r.nextInt(PUBLIC_FIRST_OCTETS.length)];
    return a + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
  }

  /** A private address: the network part from {@code net}, the host part from {@code host}. */
  private static String privateIpv4(Rng net, Rng host) {
    int d = 1 + host.nextInt(254);
    double u = net.nextDouble();
    if (u < 0.6) {
      return "10." + net.nextInt(256) + "." + net.nextInt(256) + "." + d;
    }
    if (u < 0.85) {
      return "192.168." + net.nextInt(256) + "." + d;
    }
    return "172." + (16 + net.nextInt(16)) + "." + net.nextInt(256) + "." + d;
  }

  private static void hex(StringBuilder sb, int v, int digits) {
    String h = Integer.toHexString(v);
    if (digits > 0) {
      for (int i = h.length(); i < digits; i++) {
        sb.append('0');
      }
      h = h.length() > digits ? h.substring(h.length() - digits) : h;
    }
    sb.append(h);
  }
}
