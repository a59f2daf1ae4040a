package io.liftguard.twin;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet's budget of live-state flushes ({@code liftguard.twin.flushes-per-second}), shared by the twins of one
 * node. A twin that starts holding a coalesced reading reserves the time of its flush here: the flush interval from
 * now, or the first later slot still free, slots being handed out at most {@code flushesPerSecond} a second.
 *
 * <p>Without it a city whose twins began reporting together came back to the journal together one interval later
 * (270,000 flushes within a minute against a journal that writes a few thousand events a second): the writes queued
 * past the journal's time-out, failed, restarted their twins and took the platform down with them. With it the
 * flushes are spread out, and when more twins hold readings than the budget can flush in an interval, each flush
 * comes that much later than its interval: the persisted live state lags by up to (twins holding readings /
 * flushes-per-second) instead. That lag is logged at most once a minute, when it passes a tenth of the interval.
 */
final class FlushSchedule {
  private static final Logger log = LoggerFactory.getLogger(FlushSchedule.class);
  private static final long REPORT_EVERY = Duration.ofMinutes(1).toNanos();

  private final int flushesPerSecond;
  private final long nanosPerFlush;
  private final LongSupplier nanoTime;
  // guarded by this
  private long nextFree = Long.MIN_VALUE;
  private long worstLate;
  private long reportedAt;

  FlushSchedule(int flushesPerSecond, LongSupplier nanoTime) {
    if (flushesPerSecond <= 0) {
      throw new IllegalArgumentException("flushes-per-second must be positive, was " + flushesPerSecond);
    }
    this.flushesPerSecond = flushesPerSecond;
    this.nanosPerFlush = Duration.ofSeconds(1).toNanos() / flushesPerSecond;
    this.nanoTime = nanoTime;
    this.reportedAt = nanoTime.getAsLong();
  }

  static FlushSchedule of(TwinSettings settings) {
    return new FlushSchedule(settings.flushesPerSecond(), System::nanoTime);
  }

  /** How long from now the flush of a twin whose flush is due {@code interval} from now may run. */
  synchronized Duration reserve(Duration interval) {
    long now = nanoTime.getAsLong();
    long wanted = now + interval.toNanos();
    long slot = Math.max(wanted, nextFree);
    nextFree = slot + nanosPerFlush;
    // A gateway's batch arriving at once is a little late too, and not worth a warning.
    if (slot - wanted > interval.toNanos() / 10) {
      worstLate = Math.max(worstLate, slot - wanted);
    }
    if (now - reportedAt >= REPORT_EVERY) {
      if (worstLate > 0) {
        log.warn("live-state flushes ran up to {} s behind liftguard.twin.flush-interval in the last minute: more "
            + "twins hold readings than liftguard.twin.flushes-per-second ({}) can persist in an interval",
            Duration.ofNanos(worstLate).toSeconds(), flushesPerSecond);
      }
      worstLate = 0;
      reportedAt = now;
    }
    return Duration.ofNanos(slot - now);
  }
}
