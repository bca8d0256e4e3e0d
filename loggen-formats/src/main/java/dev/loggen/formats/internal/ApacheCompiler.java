package dev.loggen.formats.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compiles an Apache httpd {@code LogFormat} string, as written between the quotes in
 * {@code httpd.conf}, into a {@link Program}.
 *
 * <p>Backslash sequences are read as httpd reads them: {@code \"} is a quote, {@code \\} a
 * backslash, {@code \t} a tab; any other backslash is kept. {@code \n} and {@code \r} are
 * refused: a {@code LogFormat} renders exactly one line and the sink adds the terminator; so is
 * an unpaired surrogate anywhere in the string, which UTF-8 cannot encode.
 * {@code %%} is a percent sign. Directives take Apache's modifiers in any order before the
 * letter: a status list ({@code %400,501{User-agent}i}, negated with {@code !}), {@code <} or
 * {@code >} (accepted; loggen has one status per request, so original and final agree), and a
 * {@code {argument}}.
 */
final class ApacheCompiler {
  static final String KIND = "Apache LogFormat";
  static final String CLF_TIME = "[%d/%b/%Y:%H:%M:%S %z]";

  /** Apache's stock nicknames (httpd.conf and the Debian apache2.conf). */
  static final Map<String, String> NICKNAMES = Map.of(
      "common", "%h %l %u %t \\\"%r\\\" %>s %b",
      "combined", "%h %l %u %t \\\"%r\\\" %>s %b \\\"%{Referer}i\\\" \\\"%{User-agent}i\\\"",
      "combinedio",
      "%h %l %u %t \\\"%r\\\" %>s %b \\\"%{Referer}i\\\" \\\"%{User-agent}i\\\" %I %O",
      "vhost_combined",
      "%v:%p %h %l %u %t \\\"%r\\\" %>s %O \\\"%{Referer}i\\\" \\\"%{User-Agent}i\\\"",
      "referer", "%{Referer}i -> %U",
      "agent", "%{User-agent}i");

  private final String format;

  private ApacheCompiler(String format) {
    this.format = format;
  }

  static Program compile(String logFormat) {
    String source = NICKNAMES.getOrDefault(logFormat, logFormat);
    return new Program(KIND, source, new ApacheCompiler(source).items());
  }

  private IllegalArgumentException error(int index, String problem) {
    return FormatError.at(KIND, format, index + 1, problem);
  }

  private List<Item> items() {
    if (format.isEmpty()) {
      throw new IllegalArgumentException("invalid " + KIND + " \"\": the format is empty");
    }
    FormatError.printable(format, this::error);
    List<Item> items = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int litStart = 0;
    int n = format.length();
    int i = 0;
    while (i < n) {
      char c = format.charAt(i);
      if (c != '%') {
        i = FormatError.readLiteral(format, i, lit, false, this::error);
        continue;
      }
      if (i + 1 < n && format.charAt(i + 1) == '%') {
        lit.append('%');
        i += 2;
        continue;
      }
      if (lit.length() > 0) {
        items.add(Item.literal(lit.toString(), litStart + 1));
        lit.setLength(0);
      }
      i = directive(i, items);
      litStart = i;
    }
    if (lit.length() > 0) {
      items.add(Item.literal(lit.toString(), litStart + 1));
    }
    return items;
  }

  /** Reads the directive starting at {@code start} (its '%'); returns the index after it. */
  private int directive(int start, List<Item> items) {
    int n = format.length();
    int j = start + 1;
    boolean negate = false;
    List<Integer> statuses = null;
    String arg = null;
    int argIndex = -1;
    while (true) {
      if (j >= n) {
        throw error(start, "'%' without a directive letter");
      }
      char c = format.charAt(j);
      if (c == '!') {
        negate = !negate; // httpd's parse_log_item toggles condition_sense: %!!200s is %200s
        j++;
      } else if (c == '<' || c == '>' || c == ',') {
        j++;
      } else if (c >= '0' && c <= '9') {
        int k = j;
        while (k < n && format.charAt(k) >= '0' && format.charAt(k) <= '9') {
          k++;
        }
        if (k - j != 3 || format.charAt(j) == '0') {
          throw error(j, "status condition '" + format.substring(j, k)
              + "' is not a 3-digit status code");
        }
        if (statuses == null) {
          statuses = new ArrayList<>();
        }
        statuses.add(Integer.parseInt(format.substring(j, k)));
        j = k;
      } else if (c == '{') {
        int close = format.indexOf('}', j + 1);
        if (close < 0) {
          throw error(start, "unterminated '%{' (no closing '}')");
        }
        arg = format.substring(j + 1, close);
        argIndex = j + 1;
        j = close + 1;
      } else {
        j++;
        break;
      }
    }
    char letter = format.charAt(j - 1);
    String name = format.substring(start, j);
    Item item = field(letter, name, start, arg, argIndex);
    int[] list = null;
    if (statuses != null) {
      list = statuses.stream().mapToInt(Integer::intValue).toArray();
    }
    if (list != null || negate) {
      item = item.withCondition(list, negate, null, item.end);
    }
    items.add(item);
    return j;
  }

  private Item field(char letter, String name, int start, @Nullable String arg, int argIndex) {
    int pos = start + 1;
    Escaper e = Escaper.APACHE;
    return switch (letter) {
      case 'a', 'h' -> {
        if (arg != null && !arg.equals("c")) {
          throw error(start, "'" + name + "' takes no argument other than {c}");
        }
        yield Item.field(Item.CLIENT, name, pos, e, "-", null, Item.S_TOKEN, Item.T_CLIENT);
      }
      case 'A' -> Item.field(Item.LOCAL_ADDR, name, pos, e, "-", null, Item.S_TOKEN, Item.T_NONE);
      case 'b' -> Item.field(Item.BYTES_CLF, name, pos, e, "-", null, Item.S_INT_OR_DASH,
          Item.T_BYTES);
      case 'B' -> Item.field(Item.BYTES, name, pos, e, "-", null, Item.S_INT, Item.T_BYTES);
      case 'C', 'e', 'n' -> {
        requireArg(letter, name, start, arg);
        yield Item.field(Item.MISSING, name, pos, e, "-", arg, Item.S_TEXT, Item.T_NONE);
      }
      case 'D' -> Item.field(Item.DURATION_US, name, pos, e, "-", null, Item.S_INT,
          Item.T_DUR_US);
      case 'f' -> Item.field(Item.FILENAME, name, pos, e, "-", null, Item.S_TEXT, Item.T_NONE);
      case 'H' -> Item.field(Item.PROTOCOL_APACHE, name, pos, e, "-", null, Item.S_TOKEN,
          Item.T_PROTOCOL);
      case 'i' -> {
        requireArg(letter, name, start, arg);
        yield switch (arg.toLowerCase(Locale.ROOT)) {
          case "referer" -> Item.field(Item.REFERRER, name, pos, e, "-", arg, Item.S_TEXT,
              Item.T_REFERRER);
          case "user-agent" -> Item.field(Item.USER_AGENT, name, pos, e, "-", arg, Item.S_TEXT,
              Item.T_AGENT);
          case "host" -> Item.field(Item.HOST, name, pos, e, "-", arg, Item.S_TEXT, Item.T_HOST);
          default -> Item.field(Item.MISSING, name, pos, e, "-", arg, Item.S_TEXT, Item.T_NONE);
        };
      }
      case 'I' -> Item.field(Item.BYTES_RECEIVED, name, pos, e, "-", null, Item.S_INT,
          Item.T_NONE);
      case 'k' -> Item.field(Item.KEEPALIVE, name, pos, e, "-", null, Item.S_INT, Item.T_NONE);
      case 'l' -> Item.field(Item.IDENT, name, pos, e, "-", null, Item.S_TOKEN, Item.T_IDENT);
      case 'L' -> Item.field(Item.MISSING, name, pos, e, "-", arg, Item.S_TOKEN, Item.T_NONE);
      case 'm' -> Item.field(Item.METHOD, name, pos, e, "-", null, Item.S_TOKEN, Item.T_METHOD);
      case 'o' -> {
        requireArg(letter, name, start, arg);
        yield switch (arg.toLowerCase(Locale.ROOT)) {
          case "content-type" -> Item.field(Item.CONTENT_TYPE_APACHE, name, pos, e, "-", arg,
              Item.S_TEXT, Item.T_NONE);
          case "content-length" -> Item.field(Item.CONTENT_LENGTH, name, pos, e, "-", arg,
              Item.S_INT, Item.T_NONE);
          default -> Item.field(Item.MISSING, name, pos, e, "-", arg, Item.S_TEXT, Item.T_NONE);
        };
      }
      case 'O' -> Item.field(Item.BYTES_SENT, name, pos, e, "-", null, Item.S_INT, Item.T_NONE);
      case 'p' -> {
        // httpd compares the arguments of %p, %P and %T with strcasecmp
        if (arg == null || arg.equalsIgnoreCase("canonical") || arg.equalsIgnoreCase("local")) {
          yield Item.field(Item.SERVER_PORT, name, pos, e, "-", null, Item.S_INT, Item.T_NONE);
        }
        if (arg.equalsIgnoreCase("remote")) {
          yield Item.field(Item.CLIENT_PORT, name, pos, e, "-", null, Item.S_INT, Item.T_NONE);
        }
        throw error(argIndex, "unknown port format '" + arg
            + "' (expected canonical, local or remote)");
      }
      case 'P' -> {
        if (arg == null || arg.equalsIgnoreCase("pid")) {
          yield Item.field(Item.PID, name, pos, e, "-", null, Item.S_INT, Item.T_NONE);
        }
        if (arg.equalsIgnoreCase("tid")) {
          yield Item.field(Item.TID, name, pos, e, "-", null, Item.S_INT, Item.T_NONE);
        }
        if (arg.equalsIgnoreCase("hextid")) {
          yield Item.field(Item.HEXTID, name, pos, e, "-", null, Item.S_TOKEN, Item.T_NONE);
        }
        throw error(argIndex, "unknown process format '" + arg
            + "' (expected pid, tid or hextid)");
      }
      // nothing for no query string; '-' (the absent mark) when a status condition fails
      case 'q' -> Item.field(Item.QUERY_MARK, name, pos, e, "-", null, Item.S_QUERY,
          Item.T_QUERY_MARK);
      case 'r' -> Item.field(Item.REQUEST_LINE, name, pos, e, "-", null, Item.S_REQUEST,
          Item.T_REQUEST);
      case 'R' -> Item.field(Item.MISSING, name, pos, e, "-", null, Item.S_TOKEN, Item.T_NONE);
      case 's' -> Item.field(Item.STATUS, name, pos, e, "-", null, Item.S_STATUS, Item.T_STATUS);
      case 'S' -> Item.field(Item.BYTES_BOTH, name, pos, e, "-", null, Item.S_INT, Item.T_NONE);
      case 't' -> time(name, start, arg, argIndex);
      case 'T' -> {
        if (arg == null || arg.equalsIgnoreCase("s")) {
          yield Item.field(Item.DURATION_S, name, pos, e, "-", null, Item.S_INT, Item.T_DUR_S);
        }
        if (arg.equalsIgnoreCase("ms")) {
          yield Item.field(Item.DURATION_MS, name, pos, e, "-", null, Item.S_INT, Item.T_DUR_MS);
        }
        if (arg.equalsIgnoreCase("us")) {
          yield Item.field(Item.DURATION_US, name, pos, e, "-", null, Item.S_INT, Item.T_DUR_US);
        }
        throw error(argIndex, "unknown time unit '" + arg + "' (expected s, ms or us)");
      }
      case 'u' -> Item.field(Item.USER_APACHE, name, pos, e, "-", null, Item.S_TEXT,
          Item.T_USER);
      case 'U' -> Item.field(Item.PATH_DECODED, name, pos, e, "-", null, Item.S_TEXT,
          Item.T_PATH_ONLY);
      case 'v', 'V' -> Item.field(Item.HOST, name, pos, e, "-", null, Item.S_TOKEN, Item.T_HOST);
      case 'X' -> Item.field(Item.CONN_STATUS, name, pos, e, "-", null, Item.S_TOKEN,
          Item.T_NONE);
      default -> throw error(start,
          "unknown directive '" + FormatError.whole(format, start, start + name.length()) + "'");
    };
  }

  private void requireArg(char letter, String name, int start, @Nullable String arg) {
    if (arg == null || arg.isEmpty()) {
      throw error(start, "'" + name + "' needs a name in braces, e.g. '%{X-Forwarded-For}"
          + letter + "'");
    }
  }

  /**
   * A time directive, read as httpd's {@code log_request_time} reads it: {@code %t},
   * {@code %{}t}, {@code %{begin}t} and {@code %{begin:}t} are the CLF time at the start of the
   * request, {@code %{end}t} and {@code %{end:}t} at its end; after an optional {@code begin:}
   * or {@code end:} come {@code sec}, {@code msec}, ... or a {@code strftime} pattern.
   */
  private Item time(String name, int start, @Nullable String arg, int argIndex) {
    int pos = start + 1;
    boolean end = false;
    String pattern = arg == null ? "" : arg;
    int patternIndex = argIndex;
    if (pattern.equals("begin") || pattern.startsWith("begin:")) {
      pattern = pattern.substring(Math.min(6, pattern.length()));
      patternIndex += 6;
    } else if (pattern.equals("end") || pattern.startsWith("end:")) {
      pattern = pattern.substring(Math.min(4, pattern.length()));
      patternIndex += 4;
      end = true;
    }
    if (pattern.isEmpty()) {
      Strftime clf = Strftime.compile(CLF_TIME, false, (i, p) -> error(start, p));
      return Item.time(name, pos, clf, end, Item.T_TIME);
    }
    int target = switch (pattern) {
      case "sec" -> Item.T_EPOCH_S;
      case "msec" -> Item.T_EPOCH_MS;
      case "usec" -> Item.T_EPOCH_US;
      case "msec_frac" -> Item.T_FRAC_MS;
      case "usec_frac" -> Item.T_FRAC_US;
      default -> -1;
    };
    if (target >= 0) {
      Item special = Item.field(Item.TIME_SPECIAL, name, pos, Escaper.APACHE, "-", pattern,
          Item.S_INT, target);
      return special.withCondition(null, false, pattern, end);
    }
    int base = patternIndex;
    Strftime f = Strftime.compile(pattern, false, (i, p) -> error(base + i, p));
    return Item.time(name, pos, f, end, Item.T_TIME);
  }
}
