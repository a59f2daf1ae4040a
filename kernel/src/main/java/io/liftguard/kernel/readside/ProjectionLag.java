package io.liftguard.kernel.readside;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import org.apache.pekko.projection.HandlerRecoveryStrategy;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.StatusObserver;
import org.apache.pekko.projection.eventsourced.EventEnvelope;

/**
 * How fresh a projection's rows are: for every event projected, the time from its write to the
 * journal to the end of its handler (for an exactly-once projection, the commit of its rows and
 * offset), over the most recent {@link #WINDOW} events; the totals since start; and how often the
 * projection failed (and was restarted). Fed by an {@link Observer} installed on the projection;
 * one per projection name, shared by its instances on this node.
 */
public final class ProjectionLag {
  static final int WINDOW = 10_000;

  /**
   * The freshness figures: lag percentiles in milliseconds over the recent window (null before any
   * event); the failures since start, the last one's time and error, and whether the projection is
   * failing now (it failed after the last event it projected: Pekko is restarting it with backoff,
   * its read model is not moving); the events set aside since start ({@link ProjectionHandler}).
   */
  public record Snapshot(
      long eventsProjected,
      Instant lastProjectedAt,
      Long p50Ms,
      Long p99Ms,
      Long maxMs,
      int window,
      long failures,
      boolean failing,
      Instant lastFailedAt,
      String lastError,
      long setAside) {}

  private final Clock clock;
  private final long[] recent = new long[WINDOW];
  private long count;
  private Instant last;
  private long failures;
  private Instant lastFailedAt;
  private String lastError;
  private long setAside;

  public ProjectionLag(Clock clock) {
    this.clock = clock;
  }

  /** An event written at {@code writtenAtMillis} (journal time) has just been projected. */
  public synchronized void projected(long writtenAtMillis) {
    Instant now = clock.instant();
    recent[(int) (count % WINDOW)] = Math.max(0, now.toEpochMilli() - writtenAtMillis);
    count++;
    last = now;
  }

  /** The projection failed with {@code cause}; Pekko restarts it with backoff. */
  public synchronized void failed(Throwable cause) {
    failures++;
    lastFailedAt = clock.instant();
    lastError = String.valueOf(cause);
  }

  Instant now() {
    return clock.instant();
  }

  /** The projection set an event it could not apply aside and went on. */
  public synchronized void setAside() {
    setAside++;
  }

  public synchronized Snapshot snapshot() {
    int n = (int) Math.min(count, WINDOW);
    boolean failing = lastFailedAt != null && (last == null || lastFailedAt.isAfter(last));
    if (n == 0) {
      return new Snapshot(
          0, null, null, null, null, 0, failures, failing, lastFailedAt, lastError, setAside);
    }
    long[] sorted = Arrays.copyOf(recent, n);
    Arrays.sort(sorted);
    return new Snapshot(
        count,
        last,
        sorted[percentile(n, 0.50)],
        sorted[percentile(n, 0.99)],
        sorted[n - 1],
        n,
        failures,
        failing,
        lastFailedAt,
        lastError,
        setAside);
  }

  private static int percentile(int n, double p) {
    return Math.min(n - 1, (int) Math.ceil(p * n) - 1);
  }

  /**
   * Counts what a projection processes into {@code lag}: Pekko calls {@code afterProcess} once per
   * envelope, grouped or not, after its handler. The other callbacks do nothing here; a subclass
   * may use them.
   */
  public static class Observer<E> extends StatusObserver<EventEnvelope<E>> {
    private final ProjectionLag lag;

    public Observer(ProjectionLag lag) {
      this.lag = lag;
    }

    @Override
    public void afterProcess(ProjectionId id, EventEnvelope<E> envelope) {
      lag.projected(envelope.timestamp());
    }

    @Override
    public void failed(ProjectionId id, Throwable cause) {
      lag.failed(cause);
    }

    @Override
    public void started(ProjectionId id) {}

    @Override
    public void stopped(ProjectionId id) {}

    @Override
    public void beforeProcess(ProjectionId id, EventEnvelope<E> envelope) {}

    @Override
    public void offsetProgress(ProjectionId id, EventEnvelope<E> envelope) {}

    @Override
    public void error(
        ProjectionId id,
        EventEnvelope<E> envelope,
        Throwable cause,
        HandlerRecoveryStrategy strategy) {}
  }
}
