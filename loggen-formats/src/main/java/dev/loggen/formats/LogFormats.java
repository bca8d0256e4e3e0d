package dev.loggen.formats;

import dev.loggen.core.LogFormat;
import dev.loggen.formats.internal.Formats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Ready log formats: {@code LogFormats.combined().format(event)} renders one event as one
 * Combined line. Every format is immutable and thread-safe; its {@link LogFormat#newRenderer()}
 * gives a per-thread renderer that writes into a caller-owned {@link dev.loggen.core.LineBuffer}
 * and, once warm, allocates nothing per line.
 *
 * <h2>Escaping</h2>
 * Values from the request are escaped as the imitated server escapes them, on their UTF-8
 * bytes, so a line never holds a raw CR or LF:
 * <ul>
 *   <li>Apache ({@link #common()}, {@link #combined()}, {@link #apache(String)},
 *       {@link #apacheError()}): httpd's {@code ap_escape_logitem}: {@code \"} and {@code \\};
 *       {@code \b \n \r \t \v} for those controls; every other byte outside printable ASCII
 *       (below 0x20, 0x7F and above, so each byte of a non-ASCII character) as {@code \xhh} in
 *       lower-case hex; a NUL (which httpd never sees) as {@code \x00}. The error log
 *       ({@link #apacheError()}) writes a quote raw, as httpd's
 *       {@code ap_escape_errorlog_item} does, and escapes the rest so.
 *   <li>nginx: see {@link NginxEscape} ({@code \xHH} upper-case by default, JSON escaping with
 *       {@code escape=json}).
 *   <li>JSON formats ({@link #json()}, {@link #ecs()}): JSON strings as nginx's
 *       {@code escape=json} writes them: {@code \" \\ \n \r \t \b \f}, other controls as
 *       <code>&#92;u00XX</code>, UTF-8 copied.
 * </ul>
 * An unpaired UTF-16 surrogate in a value (a hand-built event's; a server only ever sees
 * bytes) has no UTF-8 bytes: every format writes it as {@code ?}, which is what a parser then
 * reads back. The JSON formats do not write it as a <code>&#92;uD800</code> escape either,
 * which strict JSON readers refuse.
 *
 * <h2>HTTP/0.9</h2>
 * An event with an empty protocol is an HTTP/0.9 request, whose request line has no protocol:
 * {@code %r}, {@code $request} and the request line of Common and Combined print it as the
 * servers do, {@code GET /}, with no space after the target. Apache's {@code %H} prints
 * {@code HTTP/0.9}, as httpd does; nginx's {@code $server_protocol} is unset for such a request
 * and prints {@code -} (nothing with {@code escape=json} or {@code none}). The parsers read
 * each of these back as the empty protocol.
 *
 * <h2>Times</h2>
 * Times are printed in the event's zone offset with English month and day names whatever the
 * default locale: {@code [10/Oct/2000:13:55:36 -0700]} in Common and Combined,
 * {@code 2000-10-10T13:55:36.123-07:00} (milliseconds, numeric offset, {@code +00:00} for UTC)
 * in the JSON formats, where an offset with seconds (a historic local mean time, such as
 * Monrovia's {@code -00:44:30} until 1972) is taken in whole minutes for the local time and
 * the offset alike, so that the time names the event's instant. Years have four digits, as
 * servers print them: rendering an event whose time falls outside the years 1 to 9999 in its
 * offset (a hand-built event; the generator's windows never do), or whose end
 * ({@code %{end:...}t}) falls after 9999, throws {@link IllegalArgumentException} naming
 * {@code epochMillis} and the range at that offset. Epoch numbers ({@code %{sec}t},
 * {@code $msec}, ...) are held to the same range.
 *
 * <p>The parsers ({@link LogParsers}) read wider years than the formats print. In Apache and
 * nginx formats a {@code %Y} year (also the one in {@code %t}, {@code $time_local} and
 * {@code $time_iso8601}) is an optional {@code -} and four to ten digits, exactly four where the
 * pattern puts a digit right after it ({@code %Y%m%d}), and reads as a date for the years
 * -999999999 to 999999999; {@code %C} and {@code %y} are two digits each. In the JSON formats a
 * year is ISO-8601's: four digits, {@code -} and four or more for a year before 0, {@code +}
 * and five or more for a year after 9999.
 *
 * <h2>Names</h2>
 * {@link #named(String)} maps the lower-case names {@code common}, {@code combined},
 * {@code json}, {@code ecs}, {@code apache-error} and {@code nginx-error} to these formats.
 */
public final class LogFormats {
  private static final Map<String, Supplier<LogFormat>> NAMED = named();

  private LogFormats() {}

  private static Map<String, Supplier<LogFormat>> named() {
    Map<String, Supplier<LogFormat>> m = new LinkedHashMap<>();
    m.put("common", LogFormats::common);
    m.put("combined", LogFormats::combined);
    m.put("json", LogFormats::json);
    m.put("ecs", LogFormats::ecs);
    m.put("apache-error", LogFormats::apacheError);
    m.put("nginx-error", LogFormats::nginxError);
    return m;
  }

  /**
   * NCSA Common Log Format, Apache's {@code %h %l %u %t "%r" %>s %b}:
   * {@code 127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /a.gif HTTP/1.0" 200 2326}.
   * A null ident or user prints {@code -}, an empty user {@code ""}, a zero-byte body {@code -}.
   *
   * @return the format, named {@code common}
   */
  public static LogFormat common() {
    return Formats.common();
  }

  /**
   * NCSA Combined Log Format: Common plus {@code "%{Referer}i" "%{User-agent}i"} (a null
   * referrer or user agent prints {@code "-"}). Byte for byte the same as
   * {@code apache("%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-agent}i\"")}.
   *
   * @return the format, named {@code combined}
   */
  public static LogFormat combined() {
    return Formats.combined();
  }

  /**
   * One flat JSON object per line with nginx-style names, in this order:
   * <pre>
   * time                 string  2000-10-10T13:55:36.123-07:00
   * remote_addr          string  client address
   * remote_user          string  or null
   * request_method       string  GET
   * request_uri          string  path with query string, as requested
   * server_protocol      string  HTTP/1.1
   * status               number  200
   * body_bytes_sent      number  response body bytes (0 for none)
   * http_referer         string  or null
   * http_user_agent      string  or null
   * request_time         number  seconds with millisecond precision, e.g. 0.012
   * host                 string  virtual host
   * loggen_session_id    number  ground truth: the session that made the request
   * loggen_state         string  ground truth: the session state, e.g. BROWSING
   * loggen_visitor_kind  string  ground truth: human, crawler, scanner, monitor, api_client
   * loggen_scenario      string  ground truth: scenario label, or null for ordinary traffic
   * </pre>
   * The ident is not printed (nginx has none). The {@code loggen_} fields are not from any
   * server: they tell tests and detection rules what really happened. A session id counts the
   * minutes since 1970 times 2^24: below 2^53, which readers that hold numbers as doubles (jq,
   * JavaScript) keep exact, for times before the year 2991; later ids lose their last digits
   * there (the ECS format writes them as strings).
   *
   * @return the format, named {@code json}
   */
  public static LogFormat json() {
    return Formats.json();
  }

  /**
   * One Elastic Common Schema (8.x) object per line, in ECS's canonical nested form (which
   * Elasticsearch ingest and Filebeat accept as is; dotted keys would need expanding):
   * <pre>
   * &#64;timestamp                 2000-10-10T13:55:36.123-07:00
   * ecs.version                "8.11.0"
   * event.kind, category, type "event", ["web"], ["access"]
   * event.outcome              "success" below status 400, else "failure"
   * event.duration             response time in nanoseconds (at most 9223372036854775807)
   * source.ip                  client address (source.address when it is no IP address, such
   *                            as a host name, host:port or an IPv6 address with a zone)
   * user.name                  user (object omitted when there is none)
   * http.version               "1.1" (the protocol without "HTTP/")
   * http.request.method        GET
   * http.request.referrer      referrer (omitted when there is none)
   * http.response.status_code  200
   * http.response.body.bytes   response body bytes
   * url.original               path with query string
   * url.path                   path without query string
   * url.query                  query string without "?" (omitted when there is none)
   * url.domain                 virtual host
   * user_agent.original        user agent (object omitted when there is none)
   * host.name                  virtual host
   * labels.loggen_session_id   ground truth, as a string (ECS labels are keywords)
   * labels.loggen_state        ground truth: session state
   * labels.loggen_visitor_kind ground truth: visitor kind
   * labels.loggen_scenario     ground truth: scenario label (omitted for ordinary traffic)
   * </pre>
   *
   * @return the format, named {@code ecs}
   */
  public static LogFormat ecs() {
    return Formats.ecs();
  }

  /**
   * A format given as an Apache httpd {@code LogFormat} string, written as between the quotes
   * in {@code httpd.conf} ({@code \"} for a quote), or one of Apache's stock nicknames
   * {@code common}, {@code combined}, {@code combinedio}, {@code vhost_combined},
   * {@code referer}, {@code agent}.
   *
   * <p>Directives: {@code %a %{c}a %A %b %B %{name}C %D %{name}e %f %h %H %{name}i %I %k %l %L %m
   * %{name}n %{name}o %O %p %{canonical|local|remote}p %P %{pid|tid|hextid}P %q %r %R %s %S %t
   * %{format}t %T %{s|ms|us}T %u %U %v %V %X %%}. {@code %{format}t} takes a {@code strftime}
   * pattern (C locale) or {@code sec}, {@code msec}, {@code usec}, {@code msec_frac},
   * {@code usec_frac}, optionally after {@code begin:} or {@code end:} (the time the request
   * started, the default, or ended); {@code %{begin}t}, {@code %{end}t} and {@code %{}t} print
   * the CLF time as {@code %t} does, at the start or the end of the request. The arguments of
   * {@code %p}, {@code %P} and {@code %T} are read in any case ({@code %{MS}T}), as httpd
   * compares them; those of {@code %t} in lower case only, as httpd does. Modifiers go
   * between the {@code %} and the letter: a status list ({@code %400,501{User-agent}i} prints
   * {@code -} unless the status is listed; {@code %!200,304{Referer}i} unless it is not; each
   * {@code !} toggles, as in httpd, so {@code %!!200s} is {@code %200s}) and
   * {@code <} or {@code >} (accepted; an event has one status, so both agree). {@code \\} is a
   * backslash, {@code \t} a tab; {@code \n} and {@code \r} are refused because a format renders
   * one line, and so is an unpaired UTF-16 surrogate, which UTF-8 cannot encode.
   *
   * <p>What the event does not carry is derived from it deterministically: {@code %{Host}i},
   * {@code %v} and {@code %V} print the event's host; other request headers, cookies,
   * environment variables and notes print {@code -}; {@code %{Content-Type}o} follows the
   * path's extension and prints the media type without parameters, as httpd logs it
   * ({@code text/html}, where nginx's {@code $sent_http_content_type} prints
   * {@code text/html; charset=UTF-8}), and {@code %{Content-Length}o} the body size;
   * {@code %I}, {@code %O} and {@code %S} add estimated header sizes (a sum past
   * {@link Long#MAX_VALUE}, for a body of nearly that size, prints
   * {@code 9223372036854775807}); {@code %p} is 80,
   * {@code %{remote}p} the client port, {@code %P} and {@code %{tid}P} a worker derived from
   * the session id; {@code %U} and {@code %f} print the percent-decoded path as httpd logs
   * {@code r->uri}, under {@code /var/www/html} for {@code %f}.
   *
   * @param logFormat the format string, e.g. {@code %h %l %u %t \"%r\" %>s %b}
   * @return the format, named {@code apache}
   * @throws IllegalArgumentException for an empty format, an unknown directive, an unterminated
   *     <code>%{</code>, a bad argument, a line break, an unpaired surrogate or more than 256
   *     directives (more than a parser reads), quoting the format and the 1-based position
   */
  public static LogFormat apache(String logFormat) {
    return Formats.apache(logFormat);
  }

  /**
   * A format given as an nginx {@code log_format} string with default escaping. Same as
   * {@code nginx(logFormat, NginxEscape.DEFAULT)}.
   *
   * @param logFormat the format string, e.g.
   *     {@code $remote_addr - $remote_user [$time_local] "$request" $status}
   * @return the format, named {@code nginx}
   * @throws IllegalArgumentException for an empty format, an unknown variable, an
   *     unterminated <code>${</code>, a line break, an unpaired surrogate or more than 256
   *     variables (more than a parser reads), quoting the format and the 1-based position
   */
  public static LogFormat nginx(String logFormat) {
    return Formats.nginx(logFormat, NginxEscape.DEFAULT);
  }

  /**
   * A format given as an nginx {@code log_format} string and its {@code escape=} parameter:
   * nginx's {@code log_format main escape=json '{"ua":"$http_user_agent"}'} is
   * {@code LogFormats.nginx("{\"ua\":\"$http_user_agent\"}", NginxEscape.JSON)}; a parameter
   * read from a configuration goes through {@link NginxEscape#fromParameter(String)}.
   *
   * <p>Variables: {@code $remote_addr $remote_user $remote_port $time_local $time_iso8601 $msec
   * $request $request_method $request_uri $uri $document_uri $args $query_string $is_args
   * $server_protocol $status $body_bytes_sent $bytes_sent $request_length $request_time
   * $http_NAME $sent_http_NAME $cookie_NAME $host $server_name $hostname $server_addr
   * $server_port $scheme $https $pid $connection $connection_requests $pipe}, as {@code $name}
   * or {@code ${name}}, in any case as nginx reads them ({@code $HTTP_USER_AGENT} is {@code
   * $http_user_agent}). {@code $http_referer}, {@code $http_user_agent} and {@code $http_host}
   * print the event's values; {@code $sent_http_content_type} and
   * {@code $sent_http_content_length} the response's type (with its parameters, as sent) and
   * size; other headers and cookies are unset. {@code $uri} is the
   * percent-decoded path (nginx also merges slashes and resolves dot segments; loggen does not).
   * {@code $is_args} prints {@code ?} when the query string is not empty and nothing otherwise, a
   * path ending in a bare {@code ?} included (Apache's {@code %q} prints the {@code ?} there).
   * {@code $args} of a request without a query string is unset and prints {@code -} (nothing
   * with {@code escape=json} or {@code none}), so {@code $uri$is_args$args} prints
   * {@code /about-} for {@code /about}; {@link LogParsers#nginx(String)} reads that back as
   * {@code /about} (a request for {@code /about-?} prints the same and reads back so too).
   * {@code $time_local}, {@code $time_iso8601} and {@code $msec} print the request's start, as
   * Apache's {@code %t} does. nginx prints them when it writes the log line, as the request
   * ends; loggen prints the start so that the lines of a run, which come in the order of their
   * requests' starts, stay in time order and in the file of their period (hourly or daily
   * rotation) and agree with the error log and the run's report, as a real nginx log's times
   * do. The cost: a generated request ends {@code $request_time} after the time printed, where
   * nginx's started {@code $request_time} before it.
   * {@code $request_time} and {@code $msec} have millisecond precision; {@code $request_time} is
   * the end's millisecond less the start's, as nginx computes it (1.234567 s from .589567 is
   * {@code 1.235}, as Apache's {@code %{end:msec}t} less {@code %{msec}t}), so {@code $msec}
   * plus {@code $request_time} is the millisecond the request ends;
   * {@code $body_bytes_sent} prints {@code 0} for an empty body; {@code $bytes_sent} adds the
   * header size as Apache's {@code %O} does. The string is read as nginx's configuration reader
   * reads a quoted string ({@code \"}, {@code \'}, {@code \\}, {@code \t}); {@code \n} and
   * {@code \r} are refused, as is an unpaired UTF-16 surrogate, which UTF-8 cannot encode.
   *
   * @param logFormat the format string
   * @param escape the {@code escape=} parameter
   * @return the format, named {@code nginx}
   * @throws IllegalArgumentException for an empty format, an unknown variable, an
   *     unterminated <code>${</code>, a line break, an unpaired surrogate or more than 256
   *     variables (more than a parser reads), quoting the format and the 1-based position
   */
  public static LogFormat nginx(String logFormat, NginxEscape escape) {
    return Formats.nginx(logFormat, escape);
  }

  /**
   * Apache httpd 2.4 error-log lines for failed requests, in httpd's default
   * {@code ErrorLogFormat}, e.g. {@code [Wed Oct 11 14:32:52.123456 2000] [core:info] [pid
   * 2817:tid 139637976727296] [client 1.2.3.4:51234] AH00128: File does not exist:
   * /var/www/html/x, referer: http://h/}.
   *
   * <p>{@link LogFormat#accepts} is true for every 5xx, 404, 403, and 401 when the request
   * carried a user name (a failed basic-auth login; a 401 without credentials is only a
   * challenge and is not logged). The message follows the status:
   * <ul>
   *   <li>401 {@code [auth_basic:error] AH01617: user NAME: authentication failure for "PATH":
   *       Password Mismatch}
   *   <li>403 {@code [authz_core:error] AH01630: client denied by server configuration: FILE}
   *   <li>404 {@code [core:info] AH00128: File does not exist: FILE} (httpd 2.4 logs this at
   *       level info, so it shows with {@code LogLevel info})
   *   <li>502 {@code [proxy:error] AH00898: Error reading from remote server returned by PATH}
   *   <li>503 {@code [proxy_http:error] AH01114: HTTP: failed to make connection to backend:
   *       127.0.0.1}
   *   <li>504 {@code [proxy_http:error] (70007)The timeout specified has expired: [client ...]
   *       AH01102: error reading status line from remote server 127.0.0.1:8080}
   *   <li>other 5xx {@code [core:error] AH00124: Request exceeded the limit of 10 internal
   *       redirects due to probable configuration error. ...}
   * </ul>
   * FILE is {@code /var/www/html} plus the percent-decoded path, PATH the decoded path; a
   * referrer is appended as {@code , referer: URL}, as httpd does. The 503, 504 and other-5xx
   * messages name no path (httpd's do not either): correlate those by time and client.
   *
   * <p>Correlation with the access line: the time is the request time in the event's offset
   * (the sub-millisecond digits of the microseconds come from the response time, so they are
   * deterministic), the client is the event's, and pid, thread id and client port are derived
   * from the session id exactly as {@code %P}, {@code %{tid}P} and {@code %{remote}p} print them
   * in {@link #apache(String)} formats. Request values are escaped as httpd's
   * {@code ap_escape_errorlog_item} escapes them: as in the access log, except that a quote is
   * written raw ({@code "}, not {@code \"}). Rendering
   * an event that {@code accepts} refuses throws {@link IllegalArgumentException}.
   *
   * @return the format, named {@code apache-error}
   */
  public static LogFormat apacheError() {
    return Formats.apacheError();
  }

  /**
   * nginx error-log lines for failed requests, e.g. {@code 2000/10/11 14:32:52 [error]
   * 1204#0: *5678 connect() failed (111: Connection refused) while connecting to upstream,
   * client: 1.2.3.4, server: host, request: "GET /x HTTP/1.1", upstream:
   * "http://127.0.0.1:8080/x", host: "host"}, with {@code , referrer: "URL"} when the request
   * had one. Accepts the same events as {@link #apacheError()}. Messages: 401
   * {@code user "NAME": password mismatch}; 403 {@code access forbidden by rule}; 404
   * {@code open() "FILE" failed (2: No such file or directory)} where FILE is
   * {@code /usr/share/nginx/html} plus the percent-decoded path; 502
   * {@code connect() failed (111: Connection refused) while connecting to upstream}; 503
   * {@code limiting requests, excess: N by zone "perip"}; 504 {@code upstream timed out (110:
   * Connection timed out) while reading response header from upstream}; other 5xx
   * {@code rewrite or internal redirection cycle while internally redirecting to
   * "/index.html"}. Every line carries the request line, so it always names the path. The
   * worker pid and the connection number ({@code *N}) are derived from the session id exactly as
   * {@code $pid} and {@code $connection} print them in {@link #nginx(String)} formats; values are
   * escaped as nginx's default access-log escaping does.
   *
   * @return the format, named {@code nginx-error}
   */
  public static LogFormat nginxError() {
    return Formats.nginxError();
  }

  /**
   * The format with a registered name.
   *
   * @param name one of {@link #names()}, e.g. {@code combined}
   * @return the format
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static LogFormat named(String name) {
    Objects.requireNonNull(name, "name");
    Supplier<LogFormat> f = NAMED.get(name);
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown log format name \"" + name + "\" (known: " + String.join(", ", names()) + ")");
    }
    return f.get();
  }

  /**
   * The registered format names, in a fixed order.
   *
   * @return {@code common, combined, json, ecs, apache-error, nginx-error}
   */
  public static Set<String> names() {
    return java.util.Collections.unmodifiableSet(NAMED.keySet());
  }
}
