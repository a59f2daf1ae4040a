package io.liftguard.api.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-principal token buckets (Bucket4j): {@code burst} requests at once, refilled at {@code
 * perSecond}. Kept per node, in memory: behind several nodes a principal's limit is per node.
 */
public final class RateLimiter {
  private final long perSecond;
  private final long burst;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(long perSecond, long burst) {
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /**
   * Empty when the request may go ahead, else the whole seconds to wait before retrying (at least
   * 1).
   */
  public OptionalLong tryAcquire(String principalId) {
    Bucket bucket =
        buckets.computeIfAbsent(
            principalId,
            id ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(burst)
                            .refillGreedy(perSecond, Duration.ofSeconds(1))
                            .build())
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    long nanos = probe.getNanosToWaitForRefill();
    return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
  }
}
