package io.liftguard.kernel.store;

import java.time.Duration;

/**
 * The store that holds the journal does not answer: a write cannot be made durable, and a twin that
 * is not in memory cannot be recovered. {@code outcomeUnknown}: the write was under way when the
 * store went down and may or may not have reached it (a retry with the same reporter id is safe);
 * otherwise nothing was attempted. {@code retryAfter}: when a retry may succeed.
 */
public final class StoreUnavailableException extends RuntimeException {
  private final StoreHealth.Status status;
  private final boolean outcomeUnknown;
  private final Duration retryAfter;

  public StoreUnavailableException(
      StoreHealth.Status status, boolean outcomeUnknown, Duration retryAfter) {
    super("the store has not answered since " + status.since(), null, false, false);
    this.status = status;
    this.outcomeUnknown = outcomeUnknown;
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  public StoreHealth.Status status() {
    return status;
  }

  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
