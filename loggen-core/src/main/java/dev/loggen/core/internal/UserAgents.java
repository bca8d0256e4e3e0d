package dev.loggen.core.internal;

import dev.loggen.core.random.AliasTable;
import dev.loggen.core.random.Rng;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * User-agent strings of current browsers and well-known bots, with realistic weights. The browser
 * table is built once from platform templates and version shares (the current major version and
 * the few before it, as auto-updating browsers spread), so a day of traffic shows the hundred or
 * so distinct agents a real site sees, none of them dominating.
 */
final class UserAgents {
  private UserAgents() {}

  /** Chrome-based majors, newest first, and the share of users on each. */
  private static final int[] CHROME = {143, 142, 141, 140, 139, 138};
  private static final double[] CHROME_SHARE = {0.46, 0.30, 0.11, 0.06, 0.04, 0.03};
  private static final int[] FIREFOX = {146, 145, 144, 140};
  private static final double[] FIREFOX_SHARE = {0.50, 0.30, 0.10, 0.10};
  /** Safari versions (iOS and macOS) and the iOS version they report. */
  private static final String[] SAFARI = {"26.2", "26.1", "26.0", "18.6", "18.5", "17.6"};
  private static final String[] SAFARI_IOS = {"18_6", "18_6", "18_6", "18_6", "18_5", "17_6"};
  private static final double[] SAFARI_SHARE = {0.30, 0.22, 0.10, 0.22, 0.08, 0.08};

  static final String[] BROWSERS;
  static final AliasTable BROWSER_TABLE;

  static {
    List<String> agents = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    // Platform shares, roughly a western shop's in 2025/26: 55 % mobile, 43 % desktop, 2 % tablet.
    chrome(agents, weights, 22, "Windows NT 10.0; Win64; x64", "", "");
    chrome(agents, weights, 6, "Windows NT 10.0; Win64; x64", "", " Edg/%d.0.0.0");
    chrome(agents, weights, 5, "Macintosh; Intel Mac OS X 10_15_7", "", "");
    chrome(agents, weights, 1.5, "X11; Linux x86_64", "", "");
    chrome(agents, weights, 0.8, "Windows NT 10.0; Win64; x64", "", " OPR/%o.0.0.0");
    chrome(agents, weights, 29, "Linux; Android 10; K", "Mobile ", "");
    chrome(agents, weights, 1, "Linux; Android 10; K", "", "");
    for (int i = 0; i < SAFARI.length; i++) {
      double w = SAFARI_SHARE[i];
      String v = SAFARI[i];
      String ios = SAFARI_IOS[i];
      add(agents, weights, 16 * w, "Mozilla/5.0 (iPhone; CPU iPhone OS " + ios
          + " like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/" + v
          + " Mobile/15E148 Safari/604.1");
      add(agents, weights, 2 * w, "Mozilla/5.0 (iPad; CPU OS " + ios
          + " like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/" + v
          + " Mobile/15E148 Safari/604.1");
      add(agents, weights, 4 * w, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)"
          + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/" + v + " Safari/605.1.15");
    }
    for (int i = 0; i < 3; i++) {
      add(agents, weights, 2 * CHROME_SHARE[i] / 0.87, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6"
          + " like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/" + CHROME[i]
          + ".0.7499.92 Mobile/15E148 Safari/604.1");
    }
    for (int i = 0; i < FIREFOX.length; i++) {
      double w = FIREFOX_SHARE[i];
      int v = FIREFOX[i];
      add(agents, weights, 3 * w, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:" + v
          + ".0) Gecko/20100101 Firefox/" + v + ".0");
      add(agents, weights, 0.6 * w, "Mozilla/5.0 (X11; Linux x86_64; rv:" + v
          + ".0) Gecko/20100101 Firefox/" + v + ".0");
      add(agents, weights, 0.5 * w, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:" + v
          + ".0) Gecko/20100101 Firefox/" + v + ".0");
      add(agents, weights, 0.5 * w, "Mozilla/5.0 (Android 15; Mobile; rv:" + v
          + ".0) Gecko/" + v + ".0 Firefox/" + v + ".0");
    }
    String[] samsung = {"29.0", "28.0", "27.0"};
    double[] samsungShare = {0.5, 0.35, 0.15};
    for (int i = 0; i < samsung.length; i++) {
      add(agents, weights, 3 * samsungShare[i], "Mozilla/5.0 (Linux; Android 10; K)"
          + " AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/" + samsung[i]
          + " Chrome/" + (136 - i) + ".0.0.0 Mobile Safari/537.36");
    }
    BROWSERS = agents.toArray(new String[0]);
    double[] w = new double[weights.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights.get(i);
    }
    BROWSER_TABLE = AliasTable.of(w);
  }

  private static void chrome(List<String> agents, List<Double> weights, double share,
      String platform, String mobile, String suffix) {
    for (int i = 0; i < CHROME.length; i++) {
      int v = CHROME[i];
      String s = suffix.replace("%d", Integer.toString(v))
          .replace("%o", Integer.toString(v - 18));
      add(agents, weights, share * CHROME_SHARE[i], "Mozilla/5.0 (" + platform
          + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + v + ".0.0.0 " + mobile
          + "Safari/537.36" + s);
    }
  }

  private static void add(List<String> agents, List<Double> weights, double w, String agent) {
    agents.add(agent);
    weights.add(w);
  }

  /** Crawlers: user agent, address prefix (their operators' published ranges). */
  static final String[][] CRAWLERS = {
    {"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "66.249.66."},
    {"Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like"
        + " Gecko) Chrome/143.0.7499.92 Mobile Safari/537.36 (compatible; Googlebot/2.1;"
        + " +http://www.google.com/bot.html)", "66.249.68."},
    {"Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "40.77.167."},
    {"Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", "5.255.253."},
    {"Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", "54.36.148."},
    {"Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
        "185.191.171."},
    {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
        + " Version/17.4 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
        "17.241.219."},
    {"DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)", "20.191.45."},
    {"Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2;"
        + " +https://openai.com/gptbot)", "20.171.207."},
    {"Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0;"
        + " +claudebot@anthropic.com)", "216.73.216."},
    {"Mozilla/5.0 (compatible; PetalBot; +https://webmaster.petalsearch.com/site/petalbot)",
        "114.119.147."},
  };
  static final AliasTable CRAWLER_TABLE = AliasTable.of(26, 12, 17, 5, 10, 8, 6, 3, 6, 4, 3);

  /**
   * Link-preview fetchers of chat and social apps: they fetch one page to show a card. Each with
   * the /24 its operator fetches from (in the operator's published ranges: Meta's AS32934,
   * Slack's and Discord's cloud hosts, Telegram's AS62041, X's AS13414, LinkedIn's AS14413), or
   * null where the app on the sender's phone fetches the page itself (WhatsApp): then the
   * address is an ordinary visitor's.
   */
  static final @Nullable String[][] PREVIEWS = {
    {"facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "69.171.249."},
    {"Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "54.174.55."},
    {"Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)", "35.227.62."},
    {"WhatsApp/2.24.25.78 A", null},
    {"TelegramBot (like TwitterBot)", "149.154.161."},
    {"Twitterbot/1.0", "199.16.157."},
    {"LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
        "108.174.2."},
  };
  static final AliasTable PREVIEW_TABLE = AliasTable.of(30, 15, 10, 20, 8, 10, 7);

  /** Feed readers. */
  static final String[] FEED_READERS = {
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 212 subscribers; like FeedFetcher-Google)",
    "Mozilla/5.0 (compatible; inoreader.com; 41 subscribers)",
    "NewsBlur Feed Fetcher - 12 subscribers - https://www.newsblur.com/site/90210/blog",
    "Tiny Tiny RSS/24.12 (https://tt-rss.org/)",
    "NetNewsWire (RSS Reader; https://netnewswire.com/)",
  };
  static final AliasTable FEED_TABLE = AliasTable.of(40, 25, 10, 15, 10);

  /** Scanner user agents; the empty string stands for no header ({@code "-"}). */
  static final String[] SCANNERS = {
    "Mozilla/5.0 zgrab/0.x",
    "curl/8.5.0",
    "python-requests/2.32.3",
    "Go-http-client/1.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
        + " Chrome/78.0.3904.108 Safari/537.36",
    "Mozilla/5.0 (compatible; Nuclei - Open-source project (github.com/projectdiscovery/nuclei))",
    "Mozilla/5.0 (l9scan/2.0.; +https://leakix.net)",
    "",
  };
  static final AliasTable SCANNER_TABLE = AliasTable.of(25, 15, 15, 12, 13, 6, 6, 8);

  /** The uptime monitor's agent. */
  static final String MONITOR =
      "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)";

  /** API client agents. */
  static final String[] API_CLIENTS = {
    "okhttp/4.12.0", "python-requests/2.32.3", "axios/1.7.9", "Go-http-client/2.0",
    "Java-http-client/21.0.5", "curl/8.5.0", "PostmanRuntime/7.43.0",
  };
  static final AliasTable API_TABLE = AliasTable.of(25, 25, 20, 12, 8, 5, 5);

  static String browser(Rng rng) {
    return BROWSERS[BROWSER_TABLE.sample(rng)];
  }
}
