package io.liftguard.rescue;

import io.liftguard.kernel.timer.Rounds;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Checks the clocks of every open rescue case every {@code interval}, on one node of the cluster (a
 * cluster singleton). The cases decide what ran out from the platform's clock, so a late or
 * repeated round escalates nothing twice. One round at a time.
 */
public final class RescueWatch {
  /** Who the escalations are recorded under. */
  public static final String PRINCIPAL = "rescue-watch";

  private static final int PAGE = 200;

  private RescueWatch() {}

  public static void init(ActorSystem<?> system, RescueDesk desk, Duration interval) {
    Rounds.onceInCluster(
        system,
        "rescue-watch",
        Rounds.every("rescue watch", interval, interval, () -> round(desk, null, 0)));
  }

  /**
   * Checks the open cases after {@code after}, a page at a time; completes with how many were
   * checked.
   */
  static CompletionStage<Integer> round(RescueDesk desk, String after, int done) {
    return desk.reader()
        .openCases(null, after, PAGE)
        .thenCompose(
            page -> {
              CompletionStage<Integer> chain = CompletableFuture.completedFuture(done);
              for (RescueReader.CaseRow c : page.items()) {
                chain =
                    chain.thenCompose(
                        n -> desk.checkClocks(c.caseId(), PRINCIPAL).thenApply(v -> n + 1));
              }
              return page.next() == null
                  ? chain
                  : chain.thenCompose(n -> round(desk, page.next(), n));
            });
  }
}
