package dev.loggen.formats.internal;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * One step of a compiled Apache or nginx format program: a literal, or a field with what to
 * print ({@code op}), how to escape it, what to print when the value is absent, and how to read
 * it back ({@code syntax}, {@code target}). Immutable.
 */
final class Item {
  // ---- ops: what a field prints
  static final int LITERAL = 0;
  static final int CLIENT = 1;
  static final int IDENT = 2;
  static final int USER = 3;
  static final int USER_APACHE = 4;
  static final int TIME = 5;
  static final int TIME_SPECIAL = 6;
  static final int MSEC = 7;
  static final int REQUEST_LINE = 8;
  static final int METHOD = 9;
  static final int PROTOCOL = 10;
  static final int PATH_DECODED = 11;
  static final int QUERY_MARK = 12;
  static final int ARGS = 13;
  static final int IS_ARGS = 14;
  static final int REQUEST_URI = 15;
  static final int STATUS = 16;
  static final int BYTES_CLF = 17;
  static final int BYTES = 18;
  static final int BYTES_SENT = 19;
  static final int BYTES_RECEIVED = 20;
  static final int BYTES_BOTH = 21;
  static final int DURATION_US = 22;
  static final int DURATION_MS = 23;
  static final int DURATION_S = 24;
  static final int DURATION_S_FRAC = 25;
  static final int REFERRER = 26;
  static final int USER_AGENT = 27;
  static final int HOST = 28;
  static final int LOCAL_ADDR = 29;
  static final int SERVER_PORT = 30;
  static final int CLIENT_PORT = 31;
  static final int PID = 32;
  static final int TID = 33;
  static final int HEXTID = 34;
  static final int CONNECTION = 35;
  static final int CONNECTION_REQUESTS = 36;
  static final int KEEPALIVE = 37;
  static final int CONN_STATUS = 38;
  static final int FILENAME = 39;
  static final int CONTENT_TYPE = 40;
  static final int CONTENT_LENGTH = 41;
  static final int CONST = 42;
  static final int MISSING = 43;
  static final int PID_NGINX = 44;
  /**
   * Apache's {@code %H}: the protocol, {@code HTTP/0.9} for a request line without one (httpd
   * sets {@code r->protocol} so). nginx's {@code $server_protocol} ({@link #PROTOCOL}) is unset
   * there and prints the absent mark.
   */
  static final int PROTOCOL_APACHE = 45;
  /**
   * Apache's {@code %{Content-Type}o}: the media type without parameters (httpd logs
   * {@code r->content_type} through {@code ap_field_noparam}); nginx's
   * {@code $sent_http_content_type} ({@link #CONTENT_TYPE}) prints the header as sent.
   */
  static final int CONTENT_TYPE_APACHE = 46;

  // ---- syntax: what the printed text looks like
  static final int S_TEXT = 0;
  static final int S_TOKEN = 1;
  static final int S_INT = 2;
  static final int S_INT_OR_DASH = 3;
  static final int S_STATUS = 4;
  /**
   * Seconds with exactly three decimals, as nginx prints {@code $msec} and
   * {@code $request_time} ({@code "%T.%03M"}); an epoch time may have a sign.
   */
  static final int S_DECIMAL = 5;
  static final int S_TIME = 6;
  /** Empty, or {@code ?} and the query string ({@code %q}). */
  static final int S_QUERY = 7;
  /** Empty or {@code ?} ({@code $is_args}: {@code ?} only before a non-empty query string). */
  static final int S_IS_ARGS = 8;
  /**
   * A request line ({@code %r}, {@code $request}): what the renderer prints is the method, a
   * space, the target, and unless the protocol is empty (HTTP/0.9) a space and the protocol.
   * See {@code ProgramParser} for how strictly each reading holds a line to it.
   */
  static final int S_REQUEST = 9;

  // ---- target: which record field the text fills
  static final int T_NONE = 0;
  static final int T_CLIENT = 1;
  static final int T_IDENT = 2;
  static final int T_USER = 3;
  static final int T_TIME = 4;
  static final int T_EPOCH_S = 5;
  static final int T_EPOCH_MS = 6;
  static final int T_EPOCH_US = 7;
  static final int T_REQUEST = 8;
  static final int T_METHOD = 9;
  static final int T_PATH_ONLY = 10;
  static final int T_QUERY_MARK = 11;
  static final int T_ARGS = 12;
  static final int T_REQUEST_URI = 13;
  static final int T_PROTOCOL = 14;
  static final int T_STATUS = 15;
  static final int T_BYTES = 16;
  static final int T_DUR_US = 17;
  static final int T_DUR_MS = 18;
  static final int T_DUR_S = 19;
  static final int T_DUR_S_FRAC = 20;
  static final int T_REFERRER = 21;
  static final int T_AGENT = 22;
  static final int T_HOST = 23;
  /** {@code %{msec_frac}t}: the milliseconds of the request's second, 000 to 999. */
  static final int T_FRAC_MS = 24;
  /** {@code %{usec_frac}t}: the microseconds of the request's second, 000000 to 999999. */
  static final int T_FRAC_US = 25;

  final int op;
  /** The directive or variable as written ({@code %>s}, {@code $status}), or the literal text. */
  final String name;
  /** 1-based position in the format string. */
  final int position;
  /** UTF-8 of the literal (LITERAL) or of the constant value (CONST). */
  final byte[] literal;
  final Escaper escaper;
  /** What is printed for an absent value: {@code -}, or nothing in nginx json/none. */
  final byte[] missing;
  final String missingText;
  final @Nullable String arg;
  final @Nullable Strftime time;
  /** For times: print the end of the request ({@code %{end:...}t}). */
  final boolean end;
  final int @Nullable [] statuses;
  final boolean negate;
  final int syntax;
  final int target;

  private Item(int op, String name, int position, byte[] literal, Escaper escaper,
      String missingText, @Nullable String arg, @Nullable Strftime time, boolean end,
      int @Nullable [] statuses, boolean negate, int syntax, int target) {
    this.op = op;
    this.name = name;
    this.position = position;
    this.literal = literal;
    this.escaper = escaper;
    this.missingText = missingText;
    this.missing = missingText.getBytes(StandardCharsets.UTF_8);
    this.arg = arg;
    this.time = time;
    this.end = end;
    this.statuses = statuses;
    this.negate = negate;
    this.syntax = syntax;
    this.target = target;
  }

  static Item literal(String text, int position) {
    return new Item(LITERAL, text, position, text.getBytes(StandardCharsets.UTF_8),
        Escaper.NONE_RAW, "", null, null, false, null, false, S_TEXT, T_NONE);
  }

  static Item field(int op, String name, int position, Escaper escaper, String missing,
      @Nullable String arg, int syntax, int target) {
    byte[] constant = op == CONST && arg != null ? arg.getBytes(StandardCharsets.UTF_8)
        : new byte[0];
    return new Item(op, name, position, constant, escaper, missing, arg, null, false, null,
        false, syntax, target);
  }

  static Item time(String name, int position, Strftime time, boolean end, int target) {
    return new Item(TIME, name, position, new byte[0], Escaper.NONE_RAW, "-", null, time, end,
        null, false, S_TIME, target);
  }

  Item withCondition(int @Nullable [] statusList, boolean negated, @Nullable String timeArg,
      boolean endTime) {
    return new Item(op, name, position, literal, escaper, missingText,
        timeArg != null ? timeArg : arg, time, endTime, statusList, negated, syntax, target);
  }

  boolean isLiteral() {
    return op == LITERAL;
  }

  /**
   * How many digits the field always prints, or 0 when their number varies: 3 for
   * {@code %{msec_frac}t}, 6 for {@code %{usec_frac}t} (httpd prints them with {@code %03} and
   * {@code %06}).
   */
  int fixedDigits() {
    return switch (target) {
      case T_FRAC_MS -> 3;
      case T_FRAC_US -> 6;
      default -> 0;
    };
  }

  /** Whether the field may print its "absent" mark instead of a value of its syntax. */
  boolean mayBeMissing() {
    return statuses != null || switch (op) {
      case IDENT, USER, USER_APACHE, ARGS, REFERRER, USER_AGENT, CONTENT_TYPE, CONTENT_LENGTH,
          MISSING, BYTES_CLF, PROTOCOL, CONTENT_TYPE_APACHE -> true;
      default -> false;
    };
  }

  /**
   * Whether the field may print nothing. Apache's {@code %u} never does: a user named
   * {@code ""} prints as {@code ""} and no user as {@code -} (httpd's
   * {@code log_remote_user} too); nor does {@code %f}, the document root and the path
   * ({@code -} where httpd has no file name). Read as empty, they let {@code %h%u} print
   * {@code 1.2.3.4-} split as client {@code 1.2.3.4-} and user {@code ""}. Every other text
   * field may be empty: a path, an nginx user or a header sent empty prints so.
   */
  boolean mayBeEmpty() {
    return op != USER_APACHE && op != FILENAME;
  }

  /**
   * Whether the field prints an epoch time ({@code %{sec}t}, {@code %{msec}t},
   * {@code %{usec}t}, {@code $msec}), a number that is negative before 1970.
   */
  boolean signed() {
    return target == T_EPOCH_S || target == T_EPOCH_MS || target == T_EPOCH_US;
  }

  /** Whether {@code status} passes this field's status condition ({@code %400,501{..}i}). */
  boolean logsStatus(int status) {
    int[] list = statuses;
    if (list == null) {
      return true;
    }
    boolean in = false;
    for (int s : list) {
      if (s == status) {
        in = true;
        break;
      }
    }
    return in != negate;
  }

  @Override
  public String toString() {
    return isLiteral() ? "'" + name + "'" : name;
  }
}
