package io.liftguard.twin;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet's budget of live-state flushes ({@code liftguard.twin.flushes-per-second}), shared by
 * the twins of one node. A twin that starts holding a coalesced reading reserves the time of its
 * flush here: the flush interval from now, or the first later slot still free, slots being handed
 * out at most {@code flushesPerSecond} a second.
 *
 * <p>Without it a city whose twins began reporting together came back to the journal together one
 * interval later (270,000 flushes within a minute against a journal that writes a few thousand
 * events a second): the writes queued past the journal's time-out, failed, restarted their twins
 * and took the platform down with them. With it the flushes are spread out, and when more twins
 * hold readings than the budget can flush in an interval, each flush comes that much later than its
 * interval: the persisted live state lags by up to (twins holding readings / flushes-per-second)
 * instead. That lag is logged at most once a minute, when it passes a tenth of the interval.
 *
 * <p>A rate is not enough when the journal slows down (a collector's pause, the read side catching
 * up, a busy disk): flushes due at 500 a second then pile up in its queue, pass its call time-out
 * and fail, and a twin whose write failed restarts and recovers, which is more load on the same
 * journal. So at most {@code flushesInFlight} flushes are written at once ({@link #tryStart}); a
 * twin whose flush is due while they are all out holds its readings (answering as before) and waits
 * in line: each flush that finishes wakes the next twin in line. A twin also tries again by itself
 * after {@link #busyRetry} in case its wake-up was lost (it went to a twin that had stopped). That
 * twins were put off, and how many flushes were written, is in the same once-a-minute warning.
 *
 * <p>A first version had every twin turned away try again a second later: after a stall 35,000
 * twins were waiting, and their 2 million retries a minute were most of what the node did
 * (docs/benchmarks.md).
 */
final class FlushSchedule {
  private static final Logger log = LoggerFactory.getLogger(FlushSchedule.class);
  private static final long REPORT_EVERY = Duration.ofMinutes(1).toNanos();

  private final int flushesPerSecond;
  private final int flushesInFlight;
  private final long nanosPerFlush;
  private final LongSupplier nanoTime;
  // guarded by this
  private long nextFree = Long.MIN_VALUE;
  private long worstLate;
  private long reportedAt;
  private int inFlight;
  // Wake-ups of the twins put off, first come first; a twin's wake-up is one object, so a twin that
  // asks again while in line (its own retry) keeps its place instead of queueing twice.
  private final LinkedHashSet<Runnable> line = new LinkedHashSet<>();
  private long waited; // flushes put off because flushesInFlight were out, since the last report
  private long written; // flushes finished since the last report
  private long writtenTotal; // since start, for the metrics
  private long failedTotal;

  FlushSchedule(int flushesPerSecond, int flushesInFlight, LongSupplier nanoTime) {
    if (flushesPerSecond <= 0) {
      throw new IllegalArgumentException(
          "flushes-per-second must be positive, was " + flushesPerSecond);
    }
    if (flushesInFlight <= 0) {
      throw new IllegalArgumentException(
          "flushes-in-flight must be positive, was " + flushesInFlight);
    }
    this.flushesPerSecond = flushesPerSecond;
    this.flushesInFlight = flushesInFlight;
    this.nanosPerFlush = Duration.ofSeconds(1).toNanos() / flushesPerSecond;
    this.nanoTime = nanoTime;
    this.reportedAt = nanoTime.getAsLong();
  }

  static FlushSchedule of(TwinSettings settings) {
    return new FlushSchedule(
        settings.flushesPerSecond(), settings.flushesInFlight(), System::nanoTime);
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
    report(now);
    return Duration.ofNanos(slot - now);
  }

  /**
   * Whether a twin may write its flush now: true while fewer than {@code flushesInFlight} are being
   * written, and then the twin must call {@link #finished} once its write succeeded or failed. When
   * false, {@code wake} is run (on the thread that finishes a flush) once the twin's turn has come,
   * and the twin is expected to ask again.
   */
  synchronized boolean tryStart(Runnable wake) {
    if (inFlight >= flushesInFlight) {
      waited++;
      line.add(wake);
      return false;
    }
    inFlight++;
    return true;
  }

  /** A flush let through by {@link #tryStart} was written: the next twin in line is woken. */
  void finished() {
    end(true);
  }

  /**
   * A flush let through by {@link #tryStart} ended without being confirmed written (its write
   * failed, or its twin restarted or stopped first): the next twin in line is woken.
   */
  void failed() {
    end(false);
  }

  private void end(boolean ok) {
    Runnable next;
    synchronized (this) {
      if (inFlight <= 0) {
        throw new IllegalStateException("a flush finished that was not started");
      }
      inFlight--;
      if (ok) {
        written++;
        writtenTotal++;
      } else {
        failedTotal++;
      }
      next = nextInLine();
    }
    if (next != null) {
      next.run();
    }
  }

  /** A woken twin that had nothing left to flush passes its turn to the next in line. */
  void passTurn() {
    Runnable next;
    synchronized (this) {
      next = inFlight < flushesInFlight ? nextInLine() : null;
    }
    if (next != null) {
      next.run();
    }
  }

  private Runnable nextInLine() {
    Iterator<Runnable> first = line.iterator();
    if (!first.hasNext()) {
      return null;
    }
    Runnable next = first.next();
    first.remove();
    return next;
  }

  /** Flushes written since start. */
  synchronized long writtenTotal() {
    return writtenTotal;
  }

  /** Flushes that ended without being confirmed written, since start ({@link #failed}). */
  synchronized long failedTotal() {
    return failedTotal;
  }

  synchronized int inFlight() {
    return inFlight;
  }

  synchronized int waiting() {
    return line.size();
  }

  /**
   * When a twin turned away by {@link #tryStart} tries again by itself, should its wake-up be lost:
   * 10-20 s, spread so they do not come together.
   */
  static Duration busyRetry() {
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(10_000, 20_000));
  }

  private void report(long now) {
    if (now - reportedAt < REPORT_EVERY) {
      return;
    }
    if (worstLate > 0) {
      log.warn(
          "live-state flushes ran up to {} s behind liftguard.twin.flush-interval in the last"
              + " minute: more twins hold readings than liftguard.twin.flushes-per-second ({}) can"
              + " persist in an interval",
          Duration.ofNanos(worstLate).toSeconds(),
          flushesPerSecond);
    }
    if (waited > 0) {
      log.warn(
          "{} live-state flushes were put off in the last minute because"
              + " liftguard.twin.flushes-in-flight ({}) were being written: the journal is slower"
              + " than the flushes come due ({} written in the minute, {} twins waiting)",
          waited,
          flushesInFlight,
          written,
          line.size());
    }
    worstLate = 0;
    waited = 0;
    written = 0;
    reportedAt = now;
  }
}
