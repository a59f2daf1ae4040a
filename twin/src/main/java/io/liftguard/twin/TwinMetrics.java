package io.liftguard.twin;

import io.liftguard.kernel.entity.RejectedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * What a node's twins report to Micrometer: how long writes take to be persisted and answered (by
 * command, and whether they succeeded, were refused by the twin's rules, or failed: a time-out or
 * the store not answering), readings accepted, and the node's live-state flushes: in flight,
 * waiting, written and failed ({@link FlushSchedule}).
 */
final class TwinMetrics {
  private static final String FLUSHES =
      "live-state flushes (readings held in memory) written to the journal, or "
          + "failed: ended without being confirmed written, the twin restarting or stopping first";
  private final MeterRegistry registry;
  private final Counter readings;

  TwinMetrics(MeterRegistry registry, FlushSchedule flushes) {
    this.registry = registry;
    this.readings =
        Counter.builder("liftguard.readings")
            .description("telemetry readings accepted by this node's twins")
            .register(registry);
    Gauge.builder("liftguard.twin.flushes.in.flight", flushes, FlushSchedule::inFlight)
        .description("live-state flushes being written to the journal now")
        .register(registry);
    Gauge.builder("liftguard.twin.flushes.waiting", flushes, FlushSchedule::waiting)
        .description("twins waiting in line for a live-state flush")
        .register(registry);
    FunctionCounter.builder("liftguard.twin.flushes", flushes, FlushSchedule::writtenTotal)
        .description(FLUSHES)
        .tag("outcome", "written")
        .register(registry);
    FunctionCounter.builder("liftguard.twin.flushes", flushes, FlushSchedule::failedTotal)
        .description(FLUSHES)
        .tag("outcome", "failed")
        .register(registry);
  }

  /**
   * Times {@code write} (a twin command answered once its events are persisted) under {@code
   * operation}; readings a twin coalesced in memory instead of persisting are counted, not timed as
   * persistence.
   */
  <T> CompletionStage<T> timed(String operation, CompletionStage<T> write, long startedNanos) {
    return write.whenComplete(
        (answer, failure) -> {
          if (answer instanceof ElevatorTwin.ReadingsAck ack) {
            readings.increment(ack.accepted());
            if (!ack.persisted()) {
              return;
            }
          }
          String outcome =
              failure == null
                  ? "ok"
                  : RejectedException.cause(failure) instanceof RejectedException
                      ? "rejected"
                      : "failed";
          Timer.builder("liftguard.persistence.writes")
              .description(
                  "twin writes from the ask to the answer after persisting (outcome: ok, rejected,"
                      + " failed)")
              .tag("operation", operation)
              .tag("outcome", outcome)
              .publishPercentileHistogram()
              .minimumExpectedValue(Duration.ofMillis(1))
              .maximumExpectedValue(Duration.ofSeconds(30))
              .register(registry)
              .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        });
  }
}
