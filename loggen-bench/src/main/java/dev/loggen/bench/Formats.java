package dev.loggen.bench;

import dev.loggen.core.LogFormat;
import dev.loggen.formats.LogFormats;
import java.util.function.Supplier;

/** The access-log formats, as a benchmark parameter. */
public enum Formats {
  /** NCSA Common. */
  common(LogFormats::common),
  /** Apache Combined. */
  combined(LogFormats::combined),
  /** Flat JSON lines. */
  json(LogFormats::json),
  /** Elastic Common Schema JSON lines. */
  ecs(LogFormats::ecs),
  /** An Apache LogFormat string: Combined with virtual host and response time. */
  apache(() -> LogFormats.apache(
      "%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\" %D")),
  /** An nginx log_format string: nginx's {@code main} plus request time. */
  nginx(() -> LogFormats.nginx("$remote_addr - $remote_user [$time_local] \"$request\" "
      + "$status $body_bytes_sent \"$http_referer\" \"$http_user_agent\" $request_time"));

  private final Supplier<LogFormat> format;

  Formats(Supplier<LogFormat> format) {
    this.format = format;
  }

  /** The format. */
  public LogFormat format() {
    return format.get();
  }
}
