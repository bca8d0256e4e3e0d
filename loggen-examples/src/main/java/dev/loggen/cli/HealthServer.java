package dev.loggen.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves {@code GET /health} with the JSON of a {@link HealthState}: 200 when healthy, 503 when
 * writes fail or stall ({@code HEAD} gives the same headers without the body; other paths are
 * 404, other methods 405). Listens on the loopback interface unless told otherwise; uses the
 * JDK's HTTP server on a few daemon threads, so that a client that never finishes its request
 * does not keep the others waiting, and cuts off a client that has not sent its request within
 * {@value #MAX_REQUEST_SECONDS} s (see {@link #start}).
 */
public final class HealthServer implements AutoCloseable {
  /**
   * Most threads answering requests at once: a client stuck in its request holds one of them
   * until it is cut off, so up to {@code THREADS - 1} stuck clients (probes that hang, a port
   * scanner) leave a thread for a check. Threads are started when needed and end after a minute
   * idle.
   */
  static final int THREADS = 64;
  /**
   * Seconds a client has to send its request before the server closes the connection, which
   * frees the thread it held: so even more stuck clients than {@link #THREADS} block
   * {@code /health} only for this long.
   */
  static final int MAX_REQUEST_SECONDS = 5;
  /** The JDK server's limit on the time to read a request (seconds; unset: none). */
  private static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";

  private final HttpServer server;
  private final ExecutorService executor;

  private HealthServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving.
   *
   * @param settings port (0 for any free one) and address
   * @param state what to report
   * @return the running server; the first one in the JVM also sets the JDK's request time limit
   *     ({@code sun.net.httpserver.maxReqTime}) to {@value #MAX_REQUEST_SECONDS} s unless it is
   *     set
   * @throws UncheckedIOException naming the address when it cannot listen (port in use, unknown
   *     address)
   */
  public static HealthServer start(HealthSettings settings, HealthState state) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(state, "state");
    String where = settings.bind() + ":" + settings.port();
    limitRequestTime();
    HttpServer server;
    try {
      InetAddress address = InetAddress.getByName(settings.bind());
      server = HttpServer.create(new InetSocketAddress(address, settings.port()), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve /health on " + where + ": "
          + IoMessages.reason(e), e);
    }
    // the JDK server reads a request on the executor's thread: with one thread, a client that
    // never finishes its request (a stuck probe, a port scanner) kept every other one waiting
    // (four threads were too few: four stuck clients held them all, and a check queued behind
    // them was cut off with them when their time was up)
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "loggen-health-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    executor.allowCoreThreadTimeOut(true);
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, state));
    server.start();
    return new HealthServer(server, executor);
  }

  /**
   * Sets the JDK server's request time limit to {@value #MAX_REQUEST_SECONDS} s unless it is set
   * already (by {@code -Dsun.net.httpserver.maxReqTime}). The JDK reads it once, when the JVM
   * starts its first HTTP server, and applies it to every server: the command line starts only
   * this one; a program that started a JDK server before keeps that server's settings.
   */
  private static void limitRequestTime() {
    if (System.getProperty(MAX_REQ_TIME) == null) {
      System.setProperty(MAX_REQ_TIME, Integer.toString(MAX_REQUEST_SECONDS));
    }
  }

  private static void handle(HttpExchange exchange, HealthState state) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      int code;
      byte[] body;
      if (!path.equals("/health")) {
        code = 404;
        body = "{\"error\":\"not found: try /health\"}".getBytes(StandardCharsets.UTF_8);
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        code = 405;
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        body = "{\"error\":\"method not allowed\"}".getBytes(StandardCharsets.UTF_8);
      } else {
        HealthState.Snapshot s = state.snapshot();
        code = s.httpStatus();
        body = (s.json() + "\n").getBytes(StandardCharsets.UTF_8);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      if (method.equals("HEAD")) {
        // the headers GET would send, Content-Length included (the JDK server leaves it out of
        // a HEAD answer unless it is set here)
        exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        exchange.sendResponseHeaders(code, -1);
        return;
      }
      exchange.sendResponseHeaders(code, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } finally {
      exchange.close();
    }
  }

  /** {@return the port it listens on (the one chosen when 0 was asked for)} */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@return the address it listens on} */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops serving at once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
