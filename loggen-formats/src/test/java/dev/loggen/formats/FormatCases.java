package dev.loggen.formats;

import dev.loggen.core.LogFormat;
import java.util.List;

/**
 * The formats the tests run through: every built-in format and a spread of Apache and nginx
 * strings, each with what it prints (the oracle for render-then-parse).
 */
final class FormatCases {
  private FormatCases() {}

  /** How precisely a format prints the time. */
  enum Time { SECONDS, MILLIS }

  /**
   * How precisely a format prints the response time: {@code ELAPSED_MILLIS} is nginx's
   * {@code $request_time}, the millisecond the request ends less the one it starts.
   */
  enum Duration { NONE, SECONDS, MILLIS, ELAPSED_MILLIS, MICROS }

  /**
   * One format under test.
   *
   * @param name file-name-safe name (golden file {@code golden/<name>.log})
   * @param format the format
   * @param time time precision
   * @param offsetKept whether the time is printed in the event's offset (else UTC is read back)
   * @param ident whether the ident is printed
   * @param user whether the user is printed
   * @param referrerAndAgent whether referrer and user agent are printed
   * @param duration response-time precision
   * @param host whether the host is printed
   */
  record Case(String name, LogFormat format, Time time, boolean offsetKept, boolean ident,
      boolean user, boolean referrerAndAgent, Duration duration, boolean host) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final String APACHE_COMBINED =
      "%h %l %u %t \\\"%r\\\" %>s %b \\\"%{Referer}i\\\" \\\"%{User-agent}i\\\"";
  static final String APACHE_VHOST = "%v:%p %a %l %u [%{%d/%b/%Y:%H:%M:%S %z}t] \\\"%m %U%q %H\\\""
      + " %s %B %D \\\"%{Referer}i\\\" \\\"%{User-Agent}i\\\" %I %O";
  static final String APACHE_TABS = "%a\\t%{msec}t\\t%{end:usec_frac}t\\t%m\\t%U%q\\t%H\\t%>s\\t%B"
      + "\\t%{ms}T\\t%{Host}i\\t%{Content-Type}o\\t%{remote}p\\t%P\\t%X";
  static final String APACHE_SECONDS = "%h %l %u [%{%Y-%m-%d %H:%M:%S %z}t] \"%r\" %s %b %T"
      + " \"%{Referer}i\" \"%{User-Agent}i\" %k %{tid}P %{hextid}P %{X-Forwarded-For}i";
  static final String NGINX_COMBINED = "$remote_addr - $remote_user [$time_local] \"$request\""
      + " $status $body_bytes_sent \"$http_referer\" \"$http_user_agent\"";
  static final String NGINX_TIMED = "$remote_addr - $remote_user [$time_iso8601] \"$request_method"
      + " $uri $args $server_protocol\" $status $bytes_sent $body_bytes_sent $request_time"
      + " \"$http_referer\" \"$http_user_agent\" ${host} $connection $remote_port";
  static final String NGINX_MSEC = "$msec $remote_addr $request_method \"$request_uri\""
      + " $server_protocol $status"
      + " $body_bytes_sent $request_time $host \"$http_user_agent\" \"$http_referer\" $pipe";
  static final String NGINX_JSON = "{\"time\":\"$time_iso8601\",\"remote_addr\":\"$remote_addr\","
      + "\"remote_user\":\"$remote_user\",\"request\":\"$request\",\"status\":$status,"
      + "\"body_bytes_sent\":$body_bytes_sent,\"request_time\":$request_time,"
      + "\"http_referer\":\"$http_referer\",\"http_user_agent\":\"$http_user_agent\","
      + "\"host\":\"$host\",\"uri\":\"$uri\",\"args\":\"$args\"}";

  /** Every access-log case. */
  static List<Case> access() {
    return List.of(
        // time precision, offset kept, ident, user, referrer and agent, duration, host
        new Case("common", LogFormats.common(),
            Time.SECONDS, true, true, true, false, Duration.NONE, false),
        new Case("combined", LogFormats.combined(),
            Time.SECONDS, true, true, true, true, Duration.NONE, false),
        new Case("json", LogFormats.json(),
            Time.MILLIS, true, false, true, true, Duration.MILLIS, true),
        new Case("ecs", LogFormats.ecs(),
            Time.MILLIS, true, false, true, true, Duration.MICROS, true),
        new Case("apache-combined", LogFormats.apache(APACHE_COMBINED),
            Time.SECONDS, true, true, true, true, Duration.NONE, false),
        new Case("apache-vhost", LogFormats.apache(APACHE_VHOST),
            Time.SECONDS, true, true, true, true, Duration.MICROS, true),
        new Case("apache-tabs", LogFormats.apache(APACHE_TABS),
            Time.MILLIS, false, false, false, false, Duration.MILLIS, true),
        new Case("apache-seconds", LogFormats.apache(APACHE_SECONDS),
            Time.SECONDS, true, true, true, true, Duration.SECONDS, false),
        new Case("nginx-combined", LogFormats.nginx(NGINX_COMBINED),
            Time.SECONDS, true, false, true, true, Duration.NONE, false),
        new Case("nginx-timed", LogFormats.nginx(NGINX_TIMED),
            Time.SECONDS, true, false, true, true, Duration.ELAPSED_MILLIS, true),
        new Case("nginx-msec", LogFormats.nginx(NGINX_MSEC),
            Time.MILLIS, false, false, false, true, Duration.ELAPSED_MILLIS, true),
        new Case("nginx-json", LogFormats.nginx(NGINX_JSON, NginxEscape.JSON),
            Time.SECONDS, true, false, true, true, Duration.ELAPSED_MILLIS, true),
        new Case("nginx-none", LogFormats.nginx(NGINX_COMBINED + " $request_time",
            NginxEscape.NONE), Time.SECONDS, true, false, true, true, Duration.ELAPSED_MILLIS,
            false));
  }

  /** The error-log formats, by golden-file name. */
  static List<Case> errors() {
    return List.of(
        new Case("apache-error", LogFormats.apacheError(),
            Time.MILLIS, true, false, true, true, Duration.NONE, false),
        new Case("nginx-error", LogFormats.nginxError(),
            Time.SECONDS, true, false, true, true, Duration.NONE, true));
  }
}
