package dev.loggen.core.internal;

import dev.loggen.core.random.AliasTable;
import dev.loggen.core.random.Rng;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * User-agent strings of current browsers and well-known bots, with realistic weights. The browser
 * table is built once from platform templates and version shares: the current major version and
 * the few before it, as auto-updating browsers spread, with a thin tail of older ones (devices no
 * longer updated). Browsers send reduced agents today (Chrome's {@code Android 10; K}), so most
 * visitors share a few dozen strings, none of them dominating; the long tail a real log shows
 * (hundreds of distinct agents a day: the real log in REALISM.md has 559 in 10,000 lines) comes
 * from the in-app browsers of social apps, whose agents name the phone model, the app's version
 * and the language. Before, the table held about 100 agents and a day showed about 110.
 */
final class UserAgents {
  private UserAgents() {}

  /** Chrome-based majors, newest first, and the share of users on each. */
  private static final int[] CHROME = {143, 142, 141, 140, 139, 138, 137, 136, 135, 134, 133, 132};
  private static final double[] CHROME_SHARE =
      {0.45, 0.29, 0.10, 0.05, 0.035, 0.025, 0.015, 0.01, 0.009, 0.008, 0.007, 0.006};
  /**
   * Full versions of the three newest Chrome majors, as Android's WebView (in-app browsers) and
   * Chrome on iOS send them, not reduced.
   */
  private static final String[] WEBVIEW = {"143.0.7499.146", "142.0.7444.171", "141.0.7390.122"};
  private static final double[] WEBVIEW_SHARE = {0.55, 0.35, 0.10};
  private static final int[] FIREFOX = {146, 145, 144, 140};
  private static final double[] FIREFOX_SHARE = {0.50, 0.30, 0.10, 0.10};
  /** Safari versions (iOS and macOS) and the iOS version they report. */
  private static final String[] SAFARI = {"26.2", "26.1", "26.0", "18.6", "18.5", "17.6"};
  private static final String[] SAFARI_IOS = {"18_6", "18_6", "18_6", "18_6", "18_5", "17_6"};
  private static final double[] SAFARI_SHARE = {0.30, 0.22, 0.10, 0.22, 0.08, 0.08};

  /**
   * Android phones: manufacturer, model, codename, chipset, density, screen, Android version,
   * API level, build, and the share of the phones among them.
   */
  private static final String[][] ANDROID_PHONES = {
    {"samsung", "SM-S928B", "e3q", "qcom", "450dpi", "1080x2316", "15", "35",
        "AP3A.240905.015.A2", "6"},
    {"samsung", "SM-S921B", "e1s", "s5e9945", "420dpi", "1080x2340", "15", "35",
        "AP3A.240905.015.A2", "6"},
    {"samsung", "SM-S918B", "dm3q", "qcom", "450dpi", "1080x2316", "14", "34",
        "UP1A.231005.007", "5"},
    {"samsung", "SM-S911B", "dm1q", "qcom", "420dpi", "1080x2340", "14", "34",
        "UP1A.231005.007", "5"},
    {"samsung", "SM-A556B", "a55x", "s5e8845", "450dpi", "1080x2340", "15", "35",
        "AP3A.240905.015.A2", "6"},
    {"samsung", "SM-A546B", "a54x", "s5e8835", "450dpi", "1080x2340", "14", "34",
        "UP1A.231005.007", "6"},
    {"samsung", "SM-A155F", "a15", "mt6789", "450dpi", "1080x2340", "14", "34",
        "UP1A.231005.007", "5"},
    {"samsung", "SM-G991B", "o1s", "exynos2100", "420dpi", "1080x2400", "14", "34",
        "UP1A.231005.007", "3"},
    {"Google", "Pixel 9", "tokay", "tokay", "420dpi", "1080x2424", "16", "36",
        "BP2A.250805.005", "3"},
    {"Google", "Pixel 8", "shiba", "shiba", "420dpi", "1080x2400", "16", "36",
        "BP2A.250805.005", "3"},
    {"Google", "Pixel 7a", "lynx", "lynx", "420dpi", "1080x2400", "15", "35",
        "AP4A.250205.002", "3"},
    {"Xiaomi", "23129RAA4G", "sapphire", "qcom", "440dpi", "1080x2400", "14", "34",
        "UKQ1.231003.002", "4"},
    {"Xiaomi", "2312DRA50G", "garnet", "qcom", "440dpi", "1220x2712", "14", "34",
        "UKQ1.231003.002", "3"},
    {"OnePlus", "CPH2581", "OP595DL1", "qcom", "480dpi", "1440x3168", "15", "35",
        "AP3A.240617.008", "2"},
    {"motorola", "moto g54 5G", "cancunf", "mt6855", "400dpi", "1080x2400", "14", "34",
        "U1TDS34.94-12-7-5", "2"},
  };
  /** iPhones: model identifier, screen, scale, and their share among in-app visitors. */
  private static final String[][] IPHONES = {
    {"iPhone17,1", "1206x2622", "3.00", "4"}, {"iPhone17,3", "1179x2556", "3.00", "5"},
    {"iPhone16,2", "1290x2796", "3.00", "4"}, {"iPhone15,4", "1179x2556", "3.00", "5"},
    {"iPhone14,7", "1170x2532", "3.00", "4"}, {"iPhone14,5", "1170x2532", "3.00", "4"},
    {"iPhone13,2", "1170x2532", "3.00", "3"}, {"iPhone12,1", "828x1792", "2.00", "2"},
  };
  /** iOS versions of in-app browsers (which report the real one), their builds and shares. */
  private static final String[][] IOS = {
    {"18_6_2", "22G100", "0.6"}, {"18_5", "22F76", "0.3"}, {"17_7_2", "21H221", "0.1"},
  };
  /** App languages of a western shop's visitors and their shares. */
  private static final String[][] LOCALES = {
    {"en_US", "0.45"}, {"en_GB", "0.2"}, {"de_DE", "0.15"}, {"fr_FR", "0.12"}, {"es_ES", "0.08"},
  };
  /** App versions (newest first; each with its build number) and their shares. */
  private static final String[][] INSTAGRAM = {
    {"404.0.0.48.76", "812309117", "0.55"}, {"403.0.0.43.72", "809853402", "0.3"},
    {"402.0.0.46.81", "807366714", "0.15"},
  };
  private static final String[][] FACEBOOK = {
    {"497.0.0.53.71", "798411352", "0.55"}, {"496.0.0.45.65", "795938761", "0.3"},
    {"495.0.0.45.201", "793430113", "0.15"},
  };
  private static final String[] GOOGLE_APP = {"389.0.786318393", "388.0.783296402"};

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
    double newestThree = CHROME_SHARE[0] + CHROME_SHARE[1] + CHROME_SHARE[2];
    for (int i = 0; i < 3; i++) {
      add(agents, weights, 2 * CHROME_SHARE[i] / newestThree, "Mozilla/5.0 (iPhone; CPU iPhone OS"
          + " 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/" + WEBVIEW[i]
          + " Mobile/15E148 Safari/604.1");
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
    // Browsers of devices no longer updated: Windows 7 stays on Chrome 109 and Firefox ESR 115,
    // old iPhones on iOS 16 and 15.
    add(agents, weights, 0.4, "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36"
        + " (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36");
    add(agents, weights, 0.15, "Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0)"
        + " Gecko/20100101 Firefox/115.0");
    add(agents, weights, 0.5, "Mozilla/5.0 (iPhone; CPU iPhone OS 16_7_11 like Mac OS X)"
        + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1");
    add(agents, weights, 0.25, "Mozilla/5.0 (iPhone; CPU iPhone OS 15_8_4 like Mac OS X)"
        + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6.6 Mobile/15E148"
        + " Safari/604.1");
    // Other Chromium browsers on Android.
    for (int i = 0; i < 2; i++) {
      add(agents, weights, 0.6 * (1 - i * 0.5), "Mozilla/5.0 (Linux; Android 10; K)"
          + " AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + CHROME[i]
          + ".0.0.0 Mobile Safari/537.36 EdgA/" + CHROME[i] + ".0.0.0");
      add(agents, weights, 0.3 * (1 - i * 0.5), "Mozilla/5.0 (Linux; Android 10; K)"
          + " AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + CHROME[i]
          + ".0.0.0 Mobile DuckDuckGo/5 Safari/537.36");
    }
    inAppBrowsers(agents, weights);
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

  /**
   * The in-app browsers of Instagram, Facebook and the Google app: some 7 % of visitors, spread
   * over some 600 agents, each naming the phone (and for Instagram the language), as they do.
   */
  private static void inAppBrowsers(List<String> agents, List<Double> weights) {
    double phones = 0;
    for (String[] d : ANDROID_PHONES) {
      phones += Double.parseDouble(d[9]);
    }
    for (String[] d : ANDROID_PHONES) {
      double phone = Double.parseDouble(d[9]) / phones;
      for (int v = 0; v < INSTAGRAM.length; v++) {
        // the app and the WebView update together: the newest app runs on the newest WebView
        String webView = androidWebView(d, WEBVIEW[v]);
        double app = phone * Double.parseDouble(INSTAGRAM[v][2]);
        for (String[] locale : LOCALES) {
          add(agents, weights, 2.0 * app * Double.parseDouble(locale[1]), webView
              + " Instagram " + INSTAGRAM[v][0] + " Android (" + d[7] + "/" + d[6] + "; " + d[4]
              + "; " + d[5] + "; " + d[0] + "; " + d[1] + "; " + d[2] + "; " + d[3] + "; "
              + locale[0] + "; " + INSTAGRAM[v][1] + ")");
        }
        add(agents, weights, 1.5 * phone * Double.parseDouble(FACEBOOK[v][2]) * WEBVIEW_SHARE[v]
            / WEBVIEW_SHARE[0], webView + " [FB_IAB/FB4A;FBAV/" + FACEBOOK[v][0] + ";]");
      }
    }
    double iphones = 0;
    for (String[] d : IPHONES) {
      iphones += Double.parseDouble(d[3]);
    }
    for (String[] d : IPHONES) {
      double phone = Double.parseDouble(d[3]) / iphones;
      for (String[] ios : IOS) {
        double os = phone * Double.parseDouble(ios[2]);
        String webKit = "Mozilla/5.0 (iPhone; CPU iPhone OS " + ios[0] + " like Mac OS X)"
            + " AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/" + ios[1];
        for (String[] app : INSTAGRAM) {
          double w = os * Double.parseDouble(app[2]);
          for (String[] locale : LOCALES) {
            add(agents, weights, 1.5 * w * Double.parseDouble(locale[1]), webKit
                + " Instagram " + app[0] + " (" + d[0] + "; iOS " + ios[0] + "; " + locale[0]
                + "; " + locale[0].substring(0, 2) + "; scale=" + d[2] + "; " + d[1] + "; "
                + app[1] + ")");
          }
        }
        for (String[] app : FACEBOOK) {
          add(agents, weights, 1.0 * os * Double.parseDouble(app[2]), webKit
              + " [FBAN/FBIOS;FBAV/" + app[0] + ";FBBV/" + app[1] + ";FBDV/" + d[0]
              + ";FBMD/iPhone;FBSN/iOS;FBSV/" + ios[0].replace('_', '.')
              + ";FBSS/3;FBID/phone;FBLC/en_US;FBOP/5;FBRV/0]");
        }
      }
    }
    for (String[] ios : IOS) {
      for (int v = 0; v < GOOGLE_APP.length; v++) {
        add(agents, weights, 1.0 * Double.parseDouble(ios[2]) * (v == 0 ? 0.7 : 0.3),
            "Mozilla/5.0 (iPhone; CPU iPhone OS " + ios[0] + " like Mac OS X)"
                + " AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/" + GOOGLE_APP[v]
                + " Mobile/15E148 Safari/604.1");
      }
    }
  }

  /** The agent of Android's WebView on a phone, as an in-app browser sends it. */
  private static String androidWebView(String[] phone, String chrome) {
    return "Mozilla/5.0 (Linux; Android " + phone[6] + "; " + phone[1] + " Build/" + phone[8]
        + "; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/" + chrome
        + " Mobile Safari/537.36";
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
