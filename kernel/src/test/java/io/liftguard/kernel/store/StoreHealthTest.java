package io.liftguard.kernel.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.kernel.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreHealthTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
  private final StoreHealth health =
      StoreHealth.manual(
          clock,
          new StoreHealth.Settings(
              Duration.ofMillis(500), 2, Duration.ofSeconds(2), Duration.ofSeconds(3)));

  @Test
  void twoFailedOrThrowingProbesInARowMakeTheStoreUnavailableAndASuccessfulOneBringsItBack() {
    assertTrue(health.available());
    health.probe(() -> CompletableFuture.failedFuture(new IllegalStateException("slow once")));
    health.probe(() -> CompletableFuture.completedFuture(true));
    health.probe(() -> CompletableFuture.failedFuture(new IllegalStateException("slow once more")));
    assertTrue(health.available(), "single failures between successes are not an outage");

    clock.advance(Duration.ofSeconds(10));
    health.probe(() -> CompletableFuture.failedFuture(new IllegalStateException("no node")));
    assertFalse(health.available());
    assertEquals(clock.instant(), health.status().since());

    clock.advance(Duration.ofSeconds(30));
    health.probe(
        () -> {
          throw new IllegalStateException("session closed");
        });
    assertEquals(
        clock.instant().minusSeconds(30), health.status().since(), "still down since it went down");

    health.probe(() -> CompletableFuture.completedFuture(false));
    assertFalse(health.available());
    clock.advance(Duration.ofSeconds(1));
    health.probe(() -> CompletableFuture.completedFuture(true));
    assertTrue(health.available());
    assertEquals(clock.instant(), health.status().since());
  }

  @Test
  void aProbeStillUnderWayIsNotStartedAgain() {
    CompletableFuture<Boolean> slow = new CompletableFuture<>();
    AtomicInteger started = new AtomicInteger();
    health.probe(
        () -> {
          started.incrementAndGet();
          return slow;
        });
    health.probe(
        () -> {
          started.incrementAndGet();
          return CompletableFuture.completedFuture(false);
        });
    assertEquals(1, started.get());
    slow.complete(false);
    health.probe(
        () -> {
          started.incrementAndGet();
          return CompletableFuture.completedFuture(false);
        });
    assertEquals(2, started.get());
    assertFalse(health.available());
  }

  @Test
  void writesAreRefusedWithoutBeingTriedWhileTheStoreIsUnavailable() {
    health.probed(false);
    health.probed(false);
    AtomicInteger tried = new AtomicInteger();
    CompletionStage<String> write =
        health.guard(
            () -> {
              tried.incrementAndGet();
              return CompletableFuture.completedFuture("recorded");
            });
    StoreUnavailableException e = failure(write);
    assertEquals(0, tried.get());
    assertFalse(e.outcomeUnknown());
    assertEquals(Duration.ofSeconds(3), e.retryAfter());
    health.probed(true);
    assertEquals(
        "recorded",
        health
            .guard(() -> CompletableFuture.completedFuture("recorded"))
            .toCompletableFuture()
            .join());
  }

  @Test
  void aWriteUnderWayWhenTheStoreGoesDownFailsAtOnceWithItsOutcomeUnknown() {
    CompletableFuture<String> twinAnswer = new CompletableFuture<>();
    CompletionStage<String> write = health.guard(() -> twinAnswer);
    health.probed(false);
    assertFalse(write.toCompletableFuture().isDone(), "one failed probe is not an outage");
    health.probed(false);
    assertTrue(failure(write).outcomeUnknown());
    twinAnswer.complete("recorded"); // too late: the client was already told the outcome is unknown
    assertTrue(write.toCompletableFuture().isCompletedExceptionally());
  }

  private static StoreUnavailableException failure(CompletionStage<?> stage) {
    CompletionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            CompletionException.class, () -> stage.toCompletableFuture().join());
    return assertInstanceOf(StoreUnavailableException.class, e.getCause());
  }
}
