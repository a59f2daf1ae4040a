package io.liftguard.insurance;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link RiskCalibration}: on one node of the cluster (a singleton) its step every {@code interval}, and on
 * every node the loading of the newest recalibration, so all twins assess at the same level. JDBC runs on the
 * blocking dispatcher.
 */
public final class RiskCalibrationJob {
  private static final Logger log = LoggerFactory.getLogger(RiskCalibrationJob.class);

  private enum Tick { INSTANCE }

  private RiskCalibrationJob() {}

  public static void init(ActorSystem<?> system, RiskCalibration calibration, Duration interval) {
    ClusterSingleton.get(system).init(SingletonActor.of(every(interval, () -> {
      calibration.step().ifPresent(r -> log.info("risk model recalibrated: fault x{}, entrapment x{}",
          String.format(Locale.ROOT, "%.3f", r.faultFactor()), String.format(Locale.ROOT, "%.3f", r.entrapmentFactor())));
      calibration.load();
    }), "risk-calibration"));
    system.systemActorOf(every(interval, calibration::load), "risk-calibration-loader", Props.empty());
  }

  /** A unit of blocking work. */
  @FunctionalInterface
  interface Work {
    void run() throws Exception;
  }

  private static Behavior<Tick> every(Duration interval, Work work) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(Tick.INSTANCE, Duration.ZERO, interval);
      var blocking = ctx.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
      AtomicBoolean running = new AtomicBoolean();
      return Behaviors.receive(Tick.class)
          .onMessageEquals(Tick.INSTANCE, () -> {
            if (running.compareAndSet(false, true)) {
              blocking.execute(() -> {
                try {
                  work.run();
                } catch (Exception e) {
                  log.warn("risk calibration: {}", e.toString());
                } finally {
                  running.set(false);
                }
              });
            }
            return Behaviors.same();
          })
          .build();
    }));
  }
}
