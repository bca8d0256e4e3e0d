package dev.loggen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loggen.core.LineSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /health endpoint: answers while running, 503 when writes stall or fail. */
class HealthTest {
  @TempDir Path dir;

  static HttpResponse<String> get(int port, String path) throws Exception {
    return get(port, path, Duration.ofSeconds(5));
  }

  static HttpResponse<String> get(int port, String path, Duration timeout) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A sink in front of the real one that can be made to hang, then fail. */
  static final class FaultySink implements LineSink {
    final LineSink delegate;
    final Path path;
    volatile boolean broken;
    final CountDownLatch hanging = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    FaultySink(LineSink delegate, Path path) {
      this.delegate = delegate;
      this.path = path;
    }

    @Override
    public void write(byte[] line, int offset, int length, long epochMillis) {
      if (broken) {
        hanging.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new UncheckedIOException("write " + path + " failed",
            new IOException("No space left on device"));
      }
      delegate.write(line, offset, length, epochMillis);
    }

    @Override
    public void flush() {
      delegate.flush();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  @Test
  void answersWhileLiveThenStallsThenFails() throws Exception {
    Cli cli = new Cli(dir, Map.of());
    Main main = cli.main;
    AtomicLong healthClock = new AtomicLong(System.nanoTime());
    main.healthNanos = healthClock::get;
    CompletableFuture<Integer> port = new CompletableFuture<>();
    main.healthStarted = port::complete;
    FaultySink[] faulty = new FaultySink[1];
    main.sinkDecorator = s -> faulty[0] = new FaultySink(s, dir.resolve("logs/access.log"));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> main.execute(
        new String[] {"--live", "--rate", "200", "--seed", "9", "--sessions-per-hour", "4000",
            "--health-port", "0"}));
    int p = port.get(30, TimeUnit.SECONDS);
    assertTrue(cli.err().contains("health on http://127.0.0.1:" + p + "/health"), cli.err());

    // running: 200 with lines written
    HttpResponse<String> ok = null;
    for (int i = 0; i < 100; i++) {
      healthClock.set(System.nanoTime());
      ok = get(p, "/health");
      if (ok.body().contains("\"phase\":\"live\"") && !ok.body().contains("\"lines\":0,")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals(200, ok.statusCode(), ok.body());
    assertTrue(ok.body().startsWith("{\"status\":\"ok\",\"phase\":\"live\",\"lines\":"),
        ok.body());
    assertEquals("application/json", ok.headers().firstValue("Content-Type").orElse(""));
    assertEquals(404, get(p, "/other").statusCode());

    // the disk hangs: the writer makes no progress; 30 s later the endpoint says so
    faulty[0].broken = true;
    assertTrue(faulty[0].hanging.await(10, TimeUnit.SECONDS));
    healthClock.addAndGet(Duration.ofSeconds(31).toNanos());
    HttpResponse<String> stalled = get(p, "/health");
    assertEquals(503, stalled.statusCode(), stalled.body());
    assertTrue(stalled.body().startsWith("{\"status\":\"stalled\""), stalled.body());

    // then the write fails: exit 1, the message names the path
    faulty[0].release.countDown();
    assertEquals(Main.IO_FAILURE, exit.get(30, TimeUnit.SECONDS), cli.toString());
    assertTrue(cli.err().contains("loggen: write " + dir.resolve("logs/access.log")
        + " failed"), cli.err());
    HealthState.Snapshot last = main.healthState.snapshot();
    assertEquals(503, last.httpStatus());
    assertTrue(last.json().contains("\"status\":\"failing\""), last.json());
    assertTrue(last.json().contains("No space left on device") || last.json().contains("failed"),
        last.json());
  }

  @Test
  void bindsTheLoopbackUnlessToldOtherwise() throws Exception {
    HealthState state = new HealthState(Clock.systemUTC(), System::nanoTime,
        Duration.ofSeconds(30));
    try (HealthServer s = HealthServer.start(new HealthSettings(0, "127.0.0.1"), state)) {
      assertTrue(s.address().getAddress().isLoopbackAddress());
      HttpResponse<String> r = get(s.port(), "/health");
      assertEquals(200, r.statusCode());
      assertTrue(r.body().startsWith("{\"status\":\"starting\""), r.body());
    }
  }

  @Test
  void aWriteWhileTheSnapshotIsTakenIsNeverInTheFuture() {
    // Before: the snapshot read the clock, then the writer's time, so a line written between
    // the two gave "secondsSinceLastWrite":-0.001. The clock here lets a write in at each read.
    AtomicLong clock = new AtomicLong();
    AtomicReference<HealthState> ref = new AtomicReference<>();
    AtomicBoolean inWrite = new AtomicBoolean();
    HealthState state = new HealthState(Clock.systemUTC(), () -> {
      long t = clock.addAndGet(1_000_000);
      HealthState s = ref.get();
      if (s != null && inWrite.compareAndSet(false, true)) {
        s.wrote(t / 1_000_000); // the writer thread, between the snapshot's reads
        inWrite.set(false);
      }
      return t;
    }, Duration.ofSeconds(30));
    state.phase(HealthState.Phase.LIVE);
    state.wrote(1);
    ref.set(state);
    for (int i = 0; i < 5; i++) {
      String body = state.snapshot().json();
      assertFalse(body.contains("\"secondsSinceLastWrite\":-"), body);
      assertTrue(body.startsWith("{\"status\":\"ok\""), body);
    }
  }

  @Test
  void headAnswersWithTheHeadersOfGetAndOtherMethodsAreRefused() throws Exception {
    // a stopped clock: GET and HEAD describe the same body
    HealthState state = new HealthState(Clock.systemUTC(), () -> 5_000_000_000L,
        Duration.ofSeconds(30));
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try (HealthServer s = HealthServer.start(new HealthSettings(0, "127.0.0.1"), state)) {
      URI uri = URI.create("http://127.0.0.1:" + s.port() + "/health");
      HttpResponse<String> get = get(s.port(), "/health");
      HttpResponse<String> head = client.send(HttpRequest.newBuilder(uri)
          .timeout(Duration.ofSeconds(5)).method("HEAD", HttpRequest.BodyPublishers.noBody())
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, head.statusCode());
      assertEquals("", head.body());
      assertEquals("application/json", head.headers().firstValue("Content-Type").orElse(""));
      // the body's length as GET sends it
      assertEquals(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length),
          head.headers().firstValue("Content-Length").orElse("none"), head.headers().toString());
      HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri)
          .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString("x"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(405, post.statusCode());
      assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
    }
  }

  @Test
  void aClientThatSendsHalfARequestDoesNotBlockTheOthers() throws Exception {
    HealthState state = new HealthState(Clock.systemUTC(), System::nanoTime,
        Duration.ofSeconds(30));
    try (HealthServer s = HealthServer.start(new HealthSettings(0, "127.0.0.1"), state);
        java.net.Socket slow = new java.net.Socket("127.0.0.1", s.port())) {
      // a stuck client, a port scanner or a TCP check that never finishes its request
      slow.getOutputStream().write(
          "GET /health HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
      slow.getOutputStream().flush();
      Thread.sleep(200);
      assertEquals(200, get(s.port(), "/health").statusCode()); // 5 s timeout
    }
  }

  /** Opens {@code n} clients that send {@code part} of a request and no more. */
  private static void stuck(int port, int n, String part, List<java.net.Socket> into)
      throws Exception {
    for (int i = 0; i < n; i++) {
      java.net.Socket slow = new java.net.Socket("127.0.0.1", port);
      into.add(slow);
      slow.getOutputStream().write(part.getBytes(StandardCharsets.US_ASCII));
      slow.getOutputStream().flush();
    }
    Thread.sleep(200);
  }

  @Test
  void aCheckIsAnsweredAtOnceWhileEightClientsAreStuck() throws Exception {
    HealthState state = new HealthState(Clock.systemUTC(), System::nanoTime,
        Duration.ofSeconds(30));
    List<java.net.Socket> stuck = new ArrayList<>();
    try (HealthServer s = HealthServer.start(new HealthSettings(0, "127.0.0.1"), state)) {
      try {
        stuck(s.port(), 8, "GET /health HTTP/1.1\r\n", stuck);
        // one plain request, no retry (HttpClient retries a reset GET; curl does not)
        try (java.net.Socket check = new java.net.Socket("127.0.0.1", s.port())) {
          check.setSoTimeout(3_000);
          check.getOutputStream().write(
              "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
          check.getOutputStream().flush();
          byte[] head = check.getInputStream().readNBytes(12);
          assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.US_ASCII));
        }
      } finally {
        for (java.net.Socket slow : stuck) {
          slow.close();
        }
      }
    }
  }

  @Test
  void moreStuckClientsThanThreadsAreCutOffAndHealthAnswersAgain() throws Exception {
    HealthState state = new HealthState(Clock.systemUTC(), System::nanoTime,
        Duration.ofSeconds(30));
    List<java.net.Socket> stuck = new ArrayList<>();
    try (HealthServer s = HealthServer.start(new HealthSettings(0, "127.0.0.1"), state)) {
      try {
        stuck(s.port(), HealthServer.THREADS + 2, "GET /health HTTP/1.1\r\nHost: x\r\n", stuck);
        long t0 = System.nanoTime();
        HttpResponse<String> r = get(s.port(), "/health", Duration.ofSeconds(30));
        assertEquals(200, r.statusCode());
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(waited < HealthServer.MAX_REQUEST_SECONDS * 1_000L + 5_000,
            "answered after " + waited + " ms");
        // the stuck clients were cut off: each reads the end of its stream or a reset
        for (java.net.Socket slow : stuck) {
          slow.setSoTimeout(10_000);
          try {
            assertEquals(-1, slow.getInputStream().read());
          } catch (java.net.SocketException reset) {
            assertTrue(String.valueOf(reset.getMessage()).contains("reset"), reset.toString());
          }
        }
      } finally {
        for (java.net.Socket slow : stuck) {
          slow.close();
        }
      }
    }
  }

  @Test
  void theProbeForContainersWithoutCurl() {
    HealthState state = new HealthState(Clock.systemUTC(), System::nanoTime,
        Duration.ofSeconds(30));
    try (HealthServer s = HealthServer.start(new HealthSettings(0, "127.0.0.1"), state)) {
      assertTrue(HealthProbe.probe(Integer.toString(s.port())));
      state.failed(new IOException("disk full"));
      assertTrue(!HealthProbe.probe("http://127.0.0.1:" + s.port() + "/health"));
    }
    assertTrue(!HealthProbe.probe("http://127.0.0.1:1/health"), "nothing listens");
  }

  @Test
  void theProbeRefusesAUrlThatIsNotHttp() {
    // these were a ClassCastException's stack trace (an FtpURLConnection is no HTTP one)
    assertFalse(HealthProbe.probe("ftp://127.0.0.1/health"));
    assertFalse(HealthProbe.probe("file:///health"));
  }

  @Test
  void theProbeSaysAPortOutOfRangeIsUnhealthy() {
    // these were a RuntimeException's stack trace ("port out of range:65536")
    assertFalse(HealthProbe.probe("65536"));
    assertFalse(HealthProbe.probe("http://127.0.0.1:70000/health"));
  }

  @Test
  void anyFreePortIsPrintedEvenWhenQuiet() {
    // --health-port 0 is useless unless the port chosen is told
    Cli c = Cli.run(dir, "--seed", "1", "--duration", "1m", "--sessions-per-hour", "20",
        "--health-port", "0", "--quiet");
    assertEquals(Main.OK, c.code, c.toString());
    assertTrue(c.err().matches("(?s)loggen: health on http://127\\.0\\.0\\.1:\\d+/health\n"),
        c.err());
  }

  @Test
  void aPortInUseIsAnIoFailureBeforeAnythingIsWritten() throws Exception {
    HealthState state = new HealthState(Clock.systemUTC(), System::nanoTime,
        Duration.ofSeconds(30));
    try (HealthServer s = HealthServer.start(new HealthSettings(0, "127.0.0.1"), state)) {
      Cli c = Cli.run(dir, "--seed", "1", "--duration", "1m", "--health-port",
          Integer.toString(s.port()));
      assertEquals(Main.IO_FAILURE, c.code, c.toString());
      assertTrue(c.err().contains("cannot serve /health on 127.0.0.1:" + s.port()), c.err());
      assertEquals(java.util.List.of(), Cli.files(dir));
    }
  }

  /**
   * History is written as fast as the machine can: its burst counted in the live rate for the
   * sixteen seconds the samples reach back (ratePerSecond in the thousands for a run live at
   * 200 lines/s).
   */
  @Test
  void theLiveRateStartsWhenTheRunGoesLive() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    HealthState s = new HealthState(Clock.systemUTC(), now::get, Duration.ofSeconds(30));
    s.phase(HealthState.Phase.BACKFILL);
    for (int i = 1; i <= 4; i++) { // 400,000 lines of history in 2 s
      now.addAndGet(500_000_000L);
      s.wrote(i * 100_000L);
    }
    s.phase(HealthState.Phase.LIVE);
    long lines = 400_000;
    for (int i = 0; i < 30; i++) { // then 200 lines per second
      now.addAndGet(100_000_000L);
      lines += 20;
      s.wrote(lines);
      if (i == 4 || i == 29) {
        String json = s.snapshot().json();
        assertTrue(json.contains("\"ratePerSecond\":200.0"), i + ": " + json);
      }
    }
  }

  /**
   * The live rate counts from the lines written when the run goes live, history's last lines
   * included: the count /health held was the one of the last 1,024-line mark, so up to 1,023
   * lines of history counted as live (at --rate 2, "ratePerSecond":58 five seconds in).
   */
  @Test
  void historyLinesAfterTheLastCountDoNotCountInTheLiveRate() throws Exception {
    Cli cli = new Cli(dir, Map.of());
    Main main = cli.main;
    AtomicLong healthClock = new AtomicLong(1_000_000_000L); // stands still unless moved
    main.healthNanos = healthClock::get;
    AtomicLong history = new AtomicLong();
    AtomicLong live = new AtomicLong();
    main.sinkDecorator = s -> around(s, () -> { }, () -> {
      HealthState state = main.healthState;
      if (state == null || state.phase() != HealthState.Phase.LIVE) {
        history.incrementAndGet();
      } else if (live.incrementAndGet() == 1) {
        healthClock.addAndGet(Duration.ofSeconds(10).toNanos()); // live for 10 s
      } else if (live.get() == 50) {
        main.requestStop();
      }
    });
    assertEquals(Main.OK, main.execute(new String[] {"--live", "--duration", "2m", "--rate",
        "100", "--seed", "9", "--quiet"}), cli.toString());
    assertTrue(live.get() >= 50, history + " " + live);
    String json = main.healthState.snapshot().json();
    String rate = String.format(Locale.ROOT, "\"ratePerSecond\":%.1f,",
        live.get() / 10.0);
    assertTrue(json.contains(rate), history + " lines of history, " + live + " live, so "
        + rate + ": " + json);
  }

  /**
   * The simulation's warm-up before the first line of history writes nothing for a while (over
   * 30 s at 9 million sessions an hour): it is progress, not a stall. It answered 503 "stalled".
   */
  @Test
  void theWarmUpBeforeHistoryIsNoStall() throws Exception {
    Cli cli = new Cli(dir, Map.of());
    Main main = cli.main;
    AtomicLong healthClock = new AtomicLong(1_000_000_000L); // stands still unless moved
    main.healthNanos = healthClock::get;
    AtomicBoolean written = new AtomicBoolean(); // the line's heartbeat is no warm-up's
    main.sinkDecorator = s -> around(s, () -> written.set(true), () -> { });
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> main.execute(
        new String[] {"--live", "--duration", "1h", "--count", "1", "--sessions-per-hour",
            "600000", "--seed", "9", "--quiet"}));
    HealthState state = null;
    while (state == null || state.phase() != HealthState.Phase.BACKFILL) {
      assertFalse(exit.isDone(), cli.toString());
      state = main.healthState;
      Thread.sleep(1);
    }
    // warming up (a line ends the run): 31 s pass without a line
    healthClock.addAndGet(Duration.ofSeconds(31).toNanos());
    Set<String> seen = new TreeSet<>();
    String alive = null;
    while (alive == null && !exit.isDone()) {
      HealthState.Snapshot s = state.snapshot();
      seen.add(s.status() + " " + state.phase());
      if (s.json().startsWith("{\"status\":\"ok\",\"phase\":\"backfill\",\"lines\":0,")
          && !written.get()) {
        alive = s.json();
      }
      Thread.sleep(1);
    }
    assertEquals(Main.OK, exit.get(60, TimeUnit.SECONDS), cli.toString());
    assertTrue(alive != null, "the warm-up went on without a sign of life: " + seen);
  }

  @Test
  void aLiveRunWaitingForAFutureStartSaysSo() throws Exception {
    // no history: the window starts in 2 s; until then the phase is "waiting", not "live"
    Cli cli = new Cli(dir, Map.of());
    Main main = cli.main;
    CompletableFuture<Integer> port = new CompletableFuture<>();
    main.healthStarted = port::complete;
    Instant start = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
    // busy enough that the simulation's warm-up takes a moment: that is no history, and /health
    // read "backfill" during it
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> main.execute(
        new String[] {"--live", "--start", start.toString(), "--count", "20",
            "--sessions-per-hour", "300000", "--seed", "9", "--health-port", "0", "--quiet"}));
    int p = port.get(30, TimeUnit.SECONDS);
    String waiting = null;
    Set<String> phases = new TreeSet<>();
    while (waiting == null && Instant.now().isBefore(start)) {
      String body = get(p, "/health").body();
      Matcher m = Pattern.compile("\"phase\":\"([a-z]+)\"").matcher(body);
      if (m.find()) {
        phases.add(m.group(1));
      }
      if (body.contains("\"phase\":\"waiting\"")) {
        waiting = body;
      }
      Thread.sleep(10);
    }
    assertTrue(waiting != null, "no \"waiting\" phase seen before the start: " + phases);
    assertTrue(!phases.contains("backfill"), "no history, so no backfill: " + phases);
    assertTrue(waiting.startsWith("{\"status\":\"ok\",\"phase\":\"waiting\",\"lines\":0,"),
        waiting);
    assertEquals(Main.OK, exit.get(30, TimeUnit.SECONDS), cli.toString());
  }

  @Test
  void waitingIsHealthyWhileItsHeartbeatGoesOn() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    HealthState s = new HealthState(Clock.systemUTC(), now::get, Duration.ofSeconds(30));
    s.phase(HealthState.Phase.WAITING);
    assertTrue(s.snapshot().json().startsWith("{\"status\":\"ok\",\"phase\":\"waiting\""),
        s.snapshot().json());
    now.addAndGet(Duration.ofSeconds(31).toNanos());
    assertEquals("stalled", s.snapshot().status(), "a waiting writer that stops beating");
    s.heartbeat();
    assertEquals("ok", s.snapshot().status());
  }

  @Test
  void stateRules() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    HealthState s = new HealthState(Clock.systemUTC(), now::get, Duration.ofSeconds(30));
    assertEquals("starting", s.snapshot().status());
    s.phase(HealthState.Phase.LIVE);
    s.wrote(10);
    now.addAndGet(Duration.ofSeconds(29).toNanos());
    assertEquals(200, s.snapshot().httpStatus());
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertEquals("stalled", s.snapshot().status());
    s.heartbeat(); // waiting for the next line's time is progress too
    assertEquals("ok", s.snapshot().status());
    s.failed(new UncheckedIOException("write /x failed", new IOException("EIO")));
    HealthState.Snapshot f = s.snapshot();
    assertEquals(503, f.httpStatus());
    assertTrue(f.json().contains("\"error\":\"write /x failed\""), f.json());
  }

  /** {@code sink}, running {@code before} and {@code after} around each line it writes. */
  private static LineSink around(LineSink sink, Runnable before, Runnable after) {
    return new LineSink() {
      @Override
      public void write(byte[] line, int offset, int length, long epochMillis) {
        before.run();
        sink.write(line, offset, length, epochMillis);
        after.run();
      }

      @Override
      public void flush() {
        sink.flush();
      }

      @Override
      public void close() {
        sink.close();
      }
    };
  }
}
