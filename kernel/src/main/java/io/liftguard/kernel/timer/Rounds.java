package io.liftguard.kernel.timer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * Work done in rounds on a timer (the policy review, the rescue watch, the risk model's
 * recalibration, the demo's rescue centre), the one way: a round starts every {@code interval},
 * never while the previous one is still running (a slow round is not piled up behind), and each
 * round's failure is logged and the next round tries again.
 */
public final class Rounds {
  private Rounds() {}

  /** What the behaviour receives: its timer's ticks and its rounds' ends. */
  public sealed interface Message {}

  private enum Tick implements Message {
    INSTANCE
  }

  private record RoundDone(Object result, Throwable failure) implements Message {}

  /** A unit of blocking work (JDBC, files). */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  /**
   * A behaviour that runs {@code round} first after {@code firstAfter}, then {@code interval} after
   * each tick, one round at a time; {@code name} labels its log lines.
   */
  public static <T> Behavior<Message> every(
      String name,
      Duration firstAfter,
      Duration interval,
      Supplier<? extends CompletionStage<T>> round) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers -> {
                  timers.startTimerWithFixedDelay(Tick.INSTANCE, firstAfter, interval);
                  boolean[] running = {false};
                  return Behaviors.receive(Message.class)
                      .onMessageEquals(
                          Tick.INSTANCE,
                          () -> {
                            if (!running[0]) {
                              running[0] = true;
                              CompletionStage<T> started;
                              try {
                                started = round.get();
                              } catch (RuntimeException e) {
                                started = CompletableFuture.failedFuture(e);
                              }
                              ctx.pipeToSelf(started, RoundDone::new);
                            }
                            return Behaviors.same();
                          })
                      .onMessage(
                          RoundDone.class,
                          done -> {
                            running[0] = false;
                            if (done.failure() != null) {
                              ctx.getLog()
                                  .warn(
                                      "{}: the round failed (the next one tries again): {}",
                                      name,
                                      done.failure().toString());
                            } else {
                              ctx.getLog().debug("{}: round done ({})", name, done.result());
                            }
                            return Behaviors.same();
                          })
                      .build();
                }));
  }

  /** {@link #every} with a blocking round, run on the system's blocking dispatcher. */
  public static Behavior<Message> everyBlocking(
      String name, Duration firstAfter, Duration interval, Work work) {
    return Behaviors.setup(
        ctx -> {
          var blocking = ctx.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
          return every(
              name,
              firstAfter,
              interval,
              () ->
                  CompletableFuture.runAsync(
                      () -> {
                        try {
                          work.run();
                        } catch (Exception e) {
                          throw new IllegalStateException(e.getMessage(), e);
                        }
                      },
                      blocking));
        });
  }

  /** Runs {@code rounds} once in the cluster (a cluster singleton named {@code name}). */
  public static void onceInCluster(ActorSystem<?> system, String name, Behavior<Message> rounds) {
    ClusterSingleton.get(system).init(SingletonActor.of(rounds, name));
  }
}
