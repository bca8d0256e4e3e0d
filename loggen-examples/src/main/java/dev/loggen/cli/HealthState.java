package dev.loggen.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What {@code /health} reports, updated by the writing thread and read by the HTTP thread:
 * lines written, when the last write succeeded, whether the writer is making progress, how far
 * a live run is behind its schedule, and the last failure. Healthy means: no write has failed,
 * and the writer has written or been waiting for the next line's time within
 * {@link #stallAfter()} (a writer blocked in a write to a dead
 * disk for that long is stalled). Quiet traffic at night is not a stall: the writer waits, and
 * says so.
 */
public final class HealthState {
  /** The lifecycle of a run. */
  public enum Phase {
    /** Configured, sinks opening. */
    STARTING,
    /** Generating history as fast as possible. */
    BACKFILL,
    /** Waiting for a window's start that lies in the future (live mode, no history). */
    WAITING,
    /** Generating in real time. */
    LIVE,
    /** Stopping: flushing, compressing, closing. */
    STOPPING,
    /** Done. */
    STOPPED
  }

  private static final int SAMPLES = 16;

  private final Clock wall;
  private final LongSupplier nanos;
  private final Duration stallAfter;
  private final long startNanos;
  private final long startMillis;
  private volatile Phase phase = Phase.STARTING;
  private volatile long lines;
  private volatile long lastWriteNanos;
  private volatile long lastWriteMillis;
  private volatile long heartbeatNanos;
  private volatile long behindNanos;
  private volatile @Nullable String failure;
  private final long[] sampleNanos = new long[SAMPLES];
  private final long[] sampleLines = new long[SAMPLES];
  private int samples;
  /** Whether the first sample is a baseline set on going live, not a write. */
  private boolean baseline;

  /**
   * A state for a run starting now.
   *
   * @param wall the wall clock, for the time of the last write
   * @param nanos a monotonic clock in nanoseconds ({@code System::nanoTime})
   * @param stallAfter how long without progress counts as stalled
   */
  public HealthState(Clock wall, LongSupplier nanos, Duration stallAfter) {
    this.wall = Objects.requireNonNull(wall, "wall");
    this.nanos = Objects.requireNonNull(nanos, "nanos");
    this.stallAfter = Objects.requireNonNull(stallAfter, "stallAfter");
    this.startNanos = nanos.getAsLong();
    this.startMillis = wall.millis();
    this.heartbeatNanos = startNanos;
  }

  /**
   * {@return how long without progress counts as stalled}
   */
  public Duration stallAfter() {
    return stallAfter;
  }

  /**
   * Sets the phase.
   *
   * @param newPhase the phase
   */
  public void phase(Phase newPhase) {
    Objects.requireNonNull(newPhase, "phase");
    if (newPhase == Phase.LIVE && phase != Phase.LIVE) {
      restartRate();
    }
    this.phase = newPhase;
    heartbeat();
  }

  /**
   * Going live, the rate starts again from the lines written by now: history is written as
   * fast as the machine can, and its burst would otherwise count in the live rate for the
   * {@value #SAMPLES} seconds the samples reach back.
   */
  private synchronized void restartRate() {
    sampleNanos[0] = nanos.getAsLong();
    sampleLines[0] = lines;
    samples = 1;
    baseline = true;
  }

  /** {@return the phase} */
  public Phase phase() {
    return phase;
  }

  /**
   * Records that lines were handed to the sink successfully.
   *
   * @param totalLines access-log lines written so far
   */
  public void wrote(long totalLines) {
    long n = nanos.getAsLong();
    lines = totalLines;
    lastWriteNanos = n;
    lastWriteMillis = wall.millis();
    heartbeatNanos = n;
    sample(n, totalLines);
  }

  /** Records that the writer is alive and waiting for the next line's time. */
  public void heartbeat() {
    heartbeatNanos = nanos.getAsLong();
  }

  /**
   * Records how far the writer is behind its schedule (a rate the machine cannot reach, or
   * catching up after history or a stall); not a failure.
   *
   * @param nanos how far behind, 0 when on time
   */
  public void behind(long nanos) {
    behindNanos = Math.max(0, nanos);
  }

  /**
   * Records a failed write.
   *
   * @param error what failed
   */
  public void failed(Throwable error) {
    failure = IoMessages.message(error);
  }

  private synchronized void sample(long n, long total) {
    int last = (samples - 1) % SAMPLES;
    if (samples > 0 && n - sampleNanos[Math.floorMod(last, SAMPLES)] < 1_000_000_000L) {
      return;
    }
    sampleNanos[samples % SAMPLES] = n;
    sampleLines[samples % SAMPLES] = total;
    samples++;
  }

  /**
   * Lines per second over the last samples (up to about {@value #SAMPLES} seconds of them).
   */
  private synchronized double rate(long now) {
    if (samples == 0) {
      return 0;
    }
    int newest = (samples - 1) % SAMPLES;
    int oldest = samples >= SAMPLES ? samples % SAMPLES : 0;
    long dn = now - sampleNanos[oldest];
    long dl = lines - sampleLines[oldest];
    if (baseline && samples == 1) {
      return dn <= 0 ? 0 : dl * 1e9 / dn; // live, less than a second after history ended
    }
    if (newest == oldest || dn <= 0) {
      long up = now - startNanos;
      return up <= 0 ? 0 : lines * 1e9 / up;
    }
    return dl * 1e9 / dn;
  }

  /**
   * What the endpoint answers now.
   *
   * @return the status and the JSON body
   */
  public Snapshot snapshot() {
    // The writer's times are read before the clock: a write between the two reads must not
    // make the time since it negative.
    long lastWrite = lastWriteNanos;
    long lw = lastWriteMillis;
    long progress = Math.max(heartbeatNanos, lastWrite);
    long now = nanos.getAsLong();
    Phase p = phase;
    String f = failure;
    boolean running = p == Phase.BACKFILL || p == Phase.WAITING || p == Phase.LIVE;
    String status;
    if (f != null) {
      status = "failing";
    } else if (running && now - progress > stallAfter.toNanos()) {
      status = "stalled";
    } else {
      status = switch (p) {
        case STARTING -> "starting";
        case STOPPING, STOPPED -> "stopping";
        default -> "ok";
      };
    }
    boolean healthy = f == null && !status.equals("stalled");
    StringBuilder json = new StringBuilder(256);
    json.append("{\"status\":\"").append(status).append('"');
    json.append(",\"phase\":\"").append(p.name().toLowerCase(Locale.ROOT)).append('"');
    json.append(",\"lines\":").append(lines);
    json.append(String.format(Locale.ROOT, ",\"uptimeSeconds\":%.3f", (now - startNanos) / 1e9));
    json.append(String.format(Locale.ROOT, ",\"ratePerSecond\":%.1f", rate(now)));
    json.append(String.format(Locale.ROOT, ",\"behindSeconds\":%.3f", behindNanos / 1e9));
    json.append(",\"startTime\":\"").append(Instant.ofEpochMilli(startMillis)).append('"');
    if (lw == 0) {
      json.append(",\"lastWrite\":null,\"secondsSinceLastWrite\":null");
    } else {
      json.append(",\"lastWrite\":\"").append(Instant.ofEpochMilli(lw)).append('"');
      json.append(String.format(Locale.ROOT, ",\"secondsSinceLastWrite\":%.3f",
          (now - lastWrite) / 1e9));
    }
    json.append(",\"error\":");
    if (f == null) {
      json.append("null");
    } else {
      quote(json, f);
    }
    json.append('}');
    return new Snapshot(healthy ? 200 : 503, status, json.toString());
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  /**
   * One answer of the endpoint.
   *
   * @param httpStatus 200 when healthy, 503 when failing or stalled
   * @param status {@code starting}, {@code ok}, {@code stalled}, {@code failing} or
   *     {@code stopping}
   * @param json the body
   */
  public record Snapshot(int httpStatus, String status, String json) {}
}
