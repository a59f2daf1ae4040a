package io.liftguard.rescue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * Checks the clocks of every open rescue case every {@code interval}, on one node of the cluster (a cluster
 * singleton). The cases decide what ran out from the platform's clock, so a late or repeated round escalates
 * nothing twice. One round at a time.
 */
public final class RescueWatch {
  /** Who the escalations are recorded under. */
  public static final String PRINCIPAL = "rescue-watch";
  private static final int PAGE = 200;

  private RescueWatch() {}

  sealed interface Message {}

  private enum Tick implements Message { INSTANCE }

  private record RoundDone(int cases, Throwable failure) implements Message {}

  public static void init(ActorSystem<?> system, RescueDesk desk, Duration interval) {
    ClusterSingleton.get(system).init(SingletonActor.of(create(desk, interval), "rescue-watch"));
  }

  static Behavior<Message> create(RescueDesk desk, Duration interval) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Tick.INSTANCE, interval);
      boolean[] running = {false};
      return Behaviors.receive(Message.class)
          .onMessageEquals(Tick.INSTANCE, () -> {
            if (!running[0]) {
              running[0] = true;
              ctx.pipeToSelf(round(desk, null, 0), (n, failure) -> new RoundDone(n == null ? 0 : n, failure));
            }
            return Behaviors.same();
          })
          .onMessage(RoundDone.class, done -> {
            running[0] = false;
            if (done.failure() != null) {
              ctx.getLog().warn("rescue watch stopped after {} cases: {}", done.cases(), done.failure().toString());
            }
            return Behaviors.same();
          })
          .build();
    }));
  }

  /** Checks the open cases after {@code after}, a page at a time; completes with how many were checked. */
  static CompletionStage<Integer> round(RescueDesk desk, String after, int done) {
    return desk.reader().openCases(null, after, PAGE).thenCompose(page -> {
      CompletionStage<Integer> chain = CompletableFuture.completedFuture(done);
      for (RescueReader.CaseRow c : page.items()) {
        chain = chain.thenCompose(n -> desk.checkClocks(c.caseId(), PRINCIPAL).thenApply(v -> n + 1));
      }
      return page.next() == null ? chain : chain.thenCompose(n -> round(desk, page.next(), n));
    });
  }
}
