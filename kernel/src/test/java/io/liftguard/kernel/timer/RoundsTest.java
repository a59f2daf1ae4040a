package io.liftguard.kernel.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RoundsTest {
  private static final ActorTestKit kit = ActorTestKit.create();

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  @Test
  void aRoundStillRunningIsNotStartedAgainAndAFailedOneIsTriedAgain() throws Exception {
    AtomicInteger started = new AtomicInteger();
    CompletableFuture<String> slow = new CompletableFuture<>();
    kit.spawn(
        Rounds.every(
            "test",
            Duration.ZERO,
            Duration.ofMillis(20),
            () -> {
              int n = started.incrementAndGet();
              if (n == 1) {
                return CompletableFuture.failedFuture(new IllegalStateException("store down"));
              }
              return n == 2 ? slow : CompletableFuture.completedFuture("ok");
            }));
    awaitAtLeast(started, 2); // the failed round was tried again...
    Thread.sleep(300); // ...and over 15 more ticks the slow one holds the rest back
    assertEquals(2, started.get(), "no round starts while one runs");
    slow.complete("done");
    awaitAtLeast(started, 4); // rounds go on once it finished
  }

  @Test
  void aBlockingRoundRunsAndAThrowingOneDoesNotStopTheNext() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    kit.spawn(
        Rounds.everyBlocking(
            "blocking",
            Duration.ZERO,
            Duration.ofMillis(20),
            () -> {
              if (runs.incrementAndGet() == 1) {
                throw new java.sql.SQLException("read database down");
              }
            }));
    awaitAtLeast(runs, 3);
  }

  private static void awaitAtLeast(AtomicInteger count, int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (count.get() < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(count.get() >= n, "expected at least " + n + ", got " + count.get());
  }
}
