package dev.loggen.formats.internal;

import dev.loggen.core.AccessEvent;
import dev.loggen.core.LineBuffer;
import dev.loggen.core.LogFormat;
import java.util.Objects;

/**
 * Error-log lines that Apache httpd 2.4 and nginx write for a failed request, correlated with
 * the access-log line of the same event: same time (to the millisecond, in the event's offset),
 * same client, and the request's path, host and referrer where the server prints them.
 *
 * <p>{@link #accepts} is true for the statuses the servers log as errors: every 5xx, 404,
 * 403, and 401 when the request carried a user name (a failed basic-auth login; a 401 without
 * credentials is only a challenge and is not logged). The message depends on the status:
 *
 * <ul>
 *   <li>401: Apache {@code [auth_basic:error] ... AH01617: user NAME: authentication failure for
 *       "PATH": Password Mismatch}; nginx {@code user "NAME": password mismatch}.
 *   <li>403: Apache {@code [authz_core:error] ... AH01630: client denied by server configuration:
 *       FILE}; nginx {@code access forbidden by rule}.
 *   <li>404: Apache {@code [core:info] ... AH00128: File does not exist: FILE} (Apache 2.4 logs
 *       this at level info, so it appears with {@code LogLevel info}); nginx {@code open()
 *       "FILE" failed (2: No such file or directory)}.
 *   <li>502: Apache {@code [proxy:error] ... AH00898: Error reading from remote server returned by
 *       PATH}; nginx {@code connect() failed (111: Connection refused) while connecting to
 *       upstream}.
 *   <li>503: Apache {@code [proxy_http:error] ... AH01114: HTTP: failed to make connection to
 *       backend: 127.0.0.1}; nginx {@code limiting requests, excess: N by zone "perip"}.
 *   <li>504: Apache {@code [proxy_http:error] ... (70007)The timeout specified has expired:
 *       [client ...] AH01102: error reading status line from remote server 127.0.0.1:8080}; nginx
 *       {@code upstream timed out (110: Connection timed out) while reading response header from
 *       upstream}.
 *   <li>other 5xx: Apache {@code [core:error] ... AH00124: Request exceeded the limit of 10
 *       internal redirects ...}; nginx {@code rewrite or internal redirection cycle while
 *       internally redirecting to "/index.html"}.
 * </ul>
 *
 * <p>FILE is the document root ({@code /var/www/html} for Apache, {@code /usr/share/nginx/html}
 * for nginx) plus the decoded path; the backend is {@code 127.0.0.1:8080}. Pid, thread id,
 * client port and nginx's connection number are derived from the session id. Values from the
 * request are escaped as the servers escape them, so an error line is always one line: Apache
 * with httpd's {@code ap_escape_errorlog_item} (as its access log, {@code \xhh}, but a quote
 * stays raw), nginx as its access log ({@code \xHH}, a quote as {@code \x22}). Rendering an
 * event that {@link #accepts} refuses throws {@link IllegalArgumentException}. Immutable,
 * thread-safe.
 */
final class ErrorLogFormat implements LogFormat {
  private static final ErrorLogFormat APACHE = new ErrorLogFormat(true);
  private static final ErrorLogFormat NGINX = new ErrorLogFormat(false);
  private static final String BACKEND_HOST = "127.0.0.1";
  private static final String BACKEND = "127.0.0.1:8080";

  private final boolean apache;

  private ErrorLogFormat(boolean apache) {
    this.apache = apache;
  }

  static ErrorLogFormat apache() {
    return APACHE;
  }

  static ErrorLogFormat nginx() {
    return NGINX;
  }

  @Override
  public String name() {
    return apache ? "apache-error" : "nginx-error";
  }

  @Override
  public boolean accepts(AccessEvent e) {
    Objects.requireNonNull(e, "event");
    int s = e.status();
    return s >= 500 || s == 404 || s == 403 || (s == 401 && e.user() != null);
  }

  @Override
  public Renderer newRenderer() {
    return apache ? new ApacheRenderer() : new NginxRenderer();
  }

  @Override
  public String toString() {
    return apache ? "LogFormats.apacheError()" : "LogFormats.nginxError()";
  }

  private void check(AccessEvent e) {
    if (!accepts(e)) {
      throw new IllegalArgumentException(name() + " does not log a request with status "
          + e.status() + (e.status() == 401 ? " and no user" : "")
          + "; check accepts(event) first");
    }
  }

  private final class ApacheRenderer implements Renderer {
    private final Bytes o = new Bytes(16);
    private final Bytes scratch = new Bytes(128);
    private final TimeRenderer time =
        new TimeRenderer(Strftime.internal("[%a %b %d %H:%M:%S.%6N %Y] "));
    private final EncodedCache strings = new EncodedCache(Escaper.APACHE_ERROR, 256);

    @Override
    public void render(AccessEvent e, LineBuffer out) {
      check(e);
      o.attach(out);
      time.append(o, e.epochMillis(), e.offset().getTotalSeconds(), Derived.subMilliMicros(e));
      int s = e.status();
      String module;
      String level = "error";
      String errno = null;
      switch (s) {
        case 401 -> module = "auth_basic";
        case 403 -> module = "authz_core";
        case 404 -> {
          module = "core";
          level = "info";
        }
        case 502 -> module = "proxy";
        case 503 -> module = "proxy_http";
        case 504 -> {
          module = "proxy_http";
          errno = "(70007)The timeout specified has expired: ";
        }
        default -> module = "core";
      }
      o.put('[');
      o.putAscii(module);
      o.put(':');
      o.putAscii(level);
      o.putAscii("] [pid ");
      o.putLong(Derived.apachePid(e));
      o.putAscii(":tid ");
      o.putLong(Derived.apacheTid(e));
      o.putAscii("] ");
      if (errno != null) {
        o.putAscii(errno);
      }
      o.putAscii("[client ");
      strings.append(o, e.clientAddress());
      o.put(':');
      o.putLong(Derived.clientPort(e));
      o.putAscii("] ");
      switch (s) {
        case 401 -> {
          o.putAscii("AH01617: user ");
          strings.append(o, e.user() == null ? "" : e.user());
          o.putAscii(": authentication failure for \"");
          pathOnly(e);
          o.putAscii("\": Password Mismatch");
        }
        case 403 -> {
          o.putAscii("AH01630: client denied by server configuration: /var/www/html");
          pathOnly(e);
        }
        case 404 -> {
          o.putAscii("AH00128: File does not exist: /var/www/html");
          pathOnly(e);
        }
        case 502 -> {
          o.putAscii("AH00898: Error reading from remote server returned by ");
          pathOnly(e);
        }
        case 503 -> o.putAscii("AH01114: HTTP: failed to make connection to backend: "
            + BACKEND_HOST);
        case 504 -> o.putAscii("AH01102: error reading status line from remote server "
            + BACKEND);
        default -> o.putAscii("AH00124: Request exceeded the limit of 10 internal redirects due"
            + " to probable configuration error. Use 'LimitInternalRecursion' to increase the"
            + " limit if necessary. Use 'LogLevel debug' to get a backtrace.");
      }
      if (e.referrer() != null) {
        o.putAscii(", referer: ");
        strings.append(o, e.referrer());
      }
      o.detach();
    }

    /** The decoded path without query, as {@code r->uri}, escaped. */
    private void pathOnly(AccessEvent e) {
      decodedPath(e, o, scratch, Escaper.APACHE_ERROR);
    }
  }

  private final class NginxRenderer implements Renderer {
    private final Bytes o = new Bytes(16);
    private final Bytes scratch = new Bytes(128);
    private final TimeRenderer time = new TimeRenderer(Strftime.internal("%Y/%m/%d %H:%M:%S "));
    private final EncodedCache strings = new EncodedCache(Escaper.NGINX, 256);

    @Override
    public void render(AccessEvent e, LineBuffer out) {
      check(e);
      o.attach(out);
      time.append(o, e.epochMillis(), e.offset().getTotalSeconds(), 0);
      o.putAscii("[error] ");
      o.putLong(Derived.nginxPid(e));
      o.putAscii("#0: *");
      o.putLong(Derived.connection(e));
      o.put(' ');
      int s = e.status();
      boolean upstream = false;
      switch (s) {
        case 401 -> {
          o.putAscii("user \"");
          strings.append(o, e.user() == null ? "" : e.user());
          o.putAscii("\": password mismatch");
        }
        case 403 -> o.putAscii("access forbidden by rule");
        case 404 -> {
          o.putAscii("open() \"/usr/share/nginx/html");
          decodedPath(e, o, scratch, Escaper.NGINX);
          o.putAscii("\" failed (2: No such file or directory)");
        }
        case 502 -> {
          o.putAscii("connect() failed (111: Connection refused) while connecting to upstream");
          upstream = true;
        }
        case 503 -> {
          long excess = Math.floorMod(Derived.mix(e.sessionId() ^ e.epochMillis()), 20_000L);
          o.putAscii("limiting requests, excess: ");
          o.putLong(excess / 1000);
          o.put('.');
          o.putPadded(excess % 1000, 3);
          o.putAscii(" by zone \"perip\"");
        }
        case 504 -> {
          o.putAscii("upstream timed out (110: Connection timed out) while reading response"
              + " header from upstream");
          upstream = true;
        }
        default -> o.putAscii("rewrite or internal redirection cycle while internally"
            + " redirecting to \"/index.html\"");
      }
      o.putAscii(", client: ");
      strings.append(o, e.clientAddress());
      o.putAscii(", server: ");
      strings.append(o, e.host());
      o.putAscii(", request: \"");
      strings.append(o, e.method());
      o.put(' ');
      Escaper.NGINX.append(o, e.path());
      if (!e.protocol().isEmpty()) { // nginx's r->request_line of HTTP/0.9 is "GET /"
        o.put(' ');
        strings.append(o, e.protocol());
      }
      o.put('"');
      if (upstream) {
        o.putAscii(", upstream: \"http://" + BACKEND);
        Escaper.NGINX.append(o, e.path());
        o.put('"');
      }
      o.putAscii(", host: \"");
      strings.append(o, e.host());
      o.put('"');
      if (e.referrer() != null) {
        o.putAscii(", referrer: \"");
        strings.append(o, e.referrer());
        o.put('"');
      }
      o.detach();
    }
  }

  private static void decodedPath(AccessEvent e, Bytes o, Bytes scratch, Escaper escaper) {
    String p = e.path();
    int end = p.indexOf('?');
    if (end < 0) {
      end = p.length();
    }
    scratch.reset();
    Percent.decode(p, 0, end, scratch);
    escaper.appendBytes(o, scratch.buf, 0, scratch.len);
  }
}
