package dev.loggen.formats.internal;

import dev.loggen.formats.NginxEscape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles an nginx {@code log_format} string into a {@link Program}.
 *
 * <p>The string is read as nginx's configuration reader reads a quoted string: {@code \"},
 * {@code \'} and {@code \\} stand for the character, {@code \t} for a tab; {@code \n} and
 * {@code \r} are refused (a format renders one line), as is an unpaired surrogate, which UTF-8
 * cannot encode. Variables are {@code $name} or {@code ${name}} with names of letters, digits
 * and underscores, as in nginx. Names are case-insensitive, as nginx lower-cases them
 * ({@code ngx_http_get_variable_index}): {@code $HTTP_USER_AGENT} is {@code $http_user_agent}
 * and {@code $Remote_Addr} is {@code $remote_addr}. A field keeps the name as written (in
 * error messages and in the parsed record's fields).
 */
final class NginxCompiler {
  static final String KIND = "nginx log_format";
  static final String TIME_LOCAL = "%d/%b/%Y:%H:%M:%S %z";
  static final String TIME_ISO8601 = "%Y-%m-%dT%H:%M:%S%:z";

  private final String format;
  private final NginxEscape escape;
  private final Escaper escaper;
  private final String missing;

  private NginxCompiler(String format, NginxEscape escape) {
    this.format = format;
    this.escape = escape;
    this.escaper = switch (escape) {
      case DEFAULT -> Escaper.NGINX;
      case JSON -> Escaper.JSON;
      case NONE -> Escaper.NGINX_NONE;
    };
    this.missing = escape == NginxEscape.DEFAULT ? "-" : "";
  }

  static Program compile(String format, NginxEscape escape) {
    return new Program(KIND, format, new NginxCompiler(format, escape).items());
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
      if (c != '$') {
        i = FormatError.readLiteral(format, i, lit, true, this::error);
        continue;
      }
      if (lit.length() > 0) {
        items.add(Item.literal(lit.toString(), litStart + 1));
        lit.setLength(0);
      }
      int start = i;
      i++;
      boolean bracket = i < n && format.charAt(i) == '{';
      if (bracket) {
        i++;
      }
      int nameStart = i;
      while (i < n && isNameChar(format.charAt(i))) {
        i++;
      }
      String name = format.substring(nameStart, i);
      if (bracket) {
        if (i >= n || format.charAt(i) != '}') {
          throw error(start, "unterminated '${' (no closing '}' after the variable name)");
        }
        i++;
      }
      if (name.isEmpty()) {
        throw error(start, "'$' without a variable name");
      }
      items.add(variable(name.toLowerCase(Locale.ROOT), format.substring(start, i), start + 1));
      litStart = i;
    }
    if (lit.length() > 0) {
      items.add(Item.literal(lit.toString(), litStart + 1));
    }
    return items;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private Item builtIn(int op, String token, int pos, int syntax, int target) {
    return Item.field(op, token, pos, Escaper.NONE_RAW, "-", null, syntax, target);
  }

  private Item escaped(int op, String token, int pos, int syntax, int target) {
    return Item.field(op, token, pos, escaper, missing, null, syntax, target);
  }

  /**
   * The field of variable {@code name} (lower case), written as {@code token} at 1-based
   * {@code pos}.
   */
  private Item variable(String name, String token, int pos) {
    switch (name) {
      // nginx prints its times when it writes the log line, as the request ends
      // (ngx_http_log_time, ngx_http_log_msec: ngx_cached_http_log_time, ngx_timeofday());
      // loggen prints the request's start, so that the lines of a run, which come in the order
      // of their starts, are in time order and in the file of their period as nginx's are, and
      // agree with the error log and the report. The request ends $request_time later.
      case "time_local":
        return Item.time(token, pos, Strftime.internal(TIME_LOCAL), false, Item.T_TIME);
      case "time_iso8601":
        return Item.time(token, pos, Strftime.internal(TIME_ISO8601), false, Item.T_TIME);
      case "msec":
        return builtIn(Item.MSEC, token, pos, Item.S_DECIMAL, Item.T_EPOCH_MS);
      case "request_time":
        return builtIn(Item.DURATION_S_FRAC, token, pos, Item.S_DECIMAL, Item.T_DUR_S_FRAC);
      case "status":
        return builtIn(Item.STATUS, token, pos, Item.S_STATUS, Item.T_STATUS);
      case "body_bytes_sent":
        return builtIn(Item.BYTES, token, pos, Item.S_INT, Item.T_BYTES);
      case "bytes_sent":
        return builtIn(Item.BYTES_SENT, token, pos, Item.S_INT, Item.T_NONE);
      case "request_length":
        return builtIn(Item.BYTES_RECEIVED, token, pos, Item.S_INT, Item.T_NONE);
      case "connection":
        return builtIn(Item.CONNECTION, token, pos, Item.S_INT, Item.T_NONE);
      case "connection_requests":
        return builtIn(Item.CONNECTION_REQUESTS, token, pos, Item.S_INT, Item.T_NONE);
      case "pipe":
        return Item.field(Item.CONST, token, pos, Escaper.NONE_RAW, "-", ".", Item.S_TOKEN,
            Item.T_NONE);
      case "remote_addr":
        return escaped(Item.CLIENT, token, pos, Item.S_TOKEN, Item.T_CLIENT);
      case "remote_user":
        return escaped(Item.USER, token, pos, Item.S_TEXT, Item.T_USER);
      case "remote_port":
        return escaped(Item.CLIENT_PORT, token, pos, Item.S_INT, Item.T_NONE);
      case "request":
        return escaped(Item.REQUEST_LINE, token, pos, Item.S_REQUEST, Item.T_REQUEST);
      case "request_method":
        return escaped(Item.METHOD, token, pos, Item.S_TOKEN, Item.T_METHOD);
      case "request_uri":
        return escaped(Item.REQUEST_URI, token, pos, Item.S_TEXT, Item.T_REQUEST_URI);
      case "uri", "document_uri":
        return escaped(Item.PATH_DECODED, token, pos, Item.S_TEXT, Item.T_PATH_ONLY);
      case "args", "query_string":
        return escaped(Item.ARGS, token, pos, Item.S_TEXT, Item.T_ARGS);
      case "is_args":
        return escaped(Item.IS_ARGS, token, pos, Item.S_IS_ARGS, Item.T_NONE);
      case "server_protocol":
        return escaped(Item.PROTOCOL, token, pos, Item.S_TOKEN, Item.T_PROTOCOL);
      case "host", "server_name", "hostname":
        return escaped(Item.HOST, token, pos, Item.S_TOKEN, Item.T_HOST);
      case "server_addr":
        return escaped(Item.LOCAL_ADDR, token, pos, Item.S_TOKEN, Item.T_NONE);
      case "server_port":
        return escaped(Item.SERVER_PORT, token, pos, Item.S_INT, Item.T_NONE);
      case "scheme":
        return Item.field(Item.CONST, token, pos, escaper, missing, "http", Item.S_TOKEN,
            Item.T_NONE);
      case "https":
        return Item.field(Item.CONST, token, pos, escaper, missing, "", Item.S_TEXT,
            Item.T_NONE);
      case "pid":
        return escaped(Item.PID_NGINX, token, pos, Item.S_INT, Item.T_NONE);
      case "sent_http_content_type":
        return escaped(Item.CONTENT_TYPE, token, pos, Item.S_TEXT, Item.T_NONE);
      case "sent_http_content_length":
        return escaped(Item.CONTENT_LENGTH, token, pos, Item.S_INT, Item.T_NONE);
      default:
        break;
    }
    if (name.startsWith("http_") && name.length() > 5) {
      String header = name.substring(5);
      return switch (header) {
        case "referer" -> escaped(Item.REFERRER, token, pos, Item.S_TEXT, Item.T_REFERRER);
        case "user_agent" -> escaped(Item.USER_AGENT, token, pos, Item.S_TEXT, Item.T_AGENT);
        case "host" -> escaped(Item.HOST, token, pos, Item.S_TEXT, Item.T_HOST);
        default -> escaped(Item.MISSING, token, pos, Item.S_TEXT, Item.T_NONE);
      };
    }
    if ((name.startsWith("sent_http_") && name.length() > 10)
        || (name.startsWith("cookie_") && name.length() > 7)) {
      return escaped(Item.MISSING, token, pos, Item.S_TEXT, Item.T_NONE);
    }
    throw error(pos - 1, "unknown variable '" + token + "'");
  }

  @Override
  public String toString() {
    return KIND + " " + escape.parameter() + " \"" + format + "\"";
  }
}
