package io.liftguard.api.dto;

import io.liftguard.kernel.store.StoreHealth;
import java.time.Instant;

/**
 * Whether what the platform shows is backed by its store: {@code AVAILABLE}, or {@code UNAVAILABLE}
 * while the store does not answer (then the twin shown is the one in memory, and writes are
 * refused), each since when.
 */
public record Persistence(String status, Instant since, String message) {

  public static Persistence of(StoreHealth.Status s) {
    return s.available()
        ? new Persistence("AVAILABLE", s.since(), null)
        : new Persistence(
            "UNAVAILABLE",
            s.since(),
            "the store does not answer: this is the state held in memory, and writes are refused"
                + " until the store is back");
  }
}
