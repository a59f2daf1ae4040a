package io.liftguard.fleet;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;

/**
 * How fresh the read model is: for every event projected, the time from its write to the journal to its rows
 * (measured as the projection writes them, just before their commit), over the most recent {@link #WINDOW}
 * events; and the totals since start.
 */
public final class ProjectionLag {
  static final int WINDOW = 10_000;

  /** The freshness figures: lag percentiles in milliseconds over the recent window (null before any event). */
  public record Snapshot(long eventsProjected, Instant lastProjectedAt, Long p50Ms, Long p99Ms, Long maxMs, int window) {}

  private final Clock clock;
  private final long[] recent = new long[WINDOW];
  private long count;
  private Instant last;

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

  public synchronized Snapshot snapshot() {
    int n = (int) Math.min(count, WINDOW);
    if (n == 0) {
      return new Snapshot(0, null, null, null, null, 0);
    }
    long[] sorted = Arrays.copyOf(recent, n);
    Arrays.sort(sorted);
    return new Snapshot(count, last, sorted[percentile(n, 0.50)], sorted[percentile(n, 0.99)], sorted[n - 1], n);
  }

  private static int percentile(int n, double p) {
    return Math.min(n - 1, (int) Math.ceil(p * n) - 1);
  }
}
