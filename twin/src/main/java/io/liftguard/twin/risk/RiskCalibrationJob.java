package io.liftguard.twin.risk;

import io.liftguard.kernel.timer.Rounds;
import java.time.Duration;
import java.util.Locale;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link RiskCalibration}: on one node of the cluster (a singleton) its step every {@code
 * interval}, and on every node the loading of the newest recalibration, so all twins assess at the
 * same level. JDBC runs on the blocking dispatcher.
 */
public final class RiskCalibrationJob {
  private static final Logger log = LoggerFactory.getLogger(RiskCalibrationJob.class);

  private RiskCalibrationJob() {}

  /**
   * Once in the cluster, a calibration step each interval (from the first moment); on every node,
   * the newest calibration loaded into the serving model as often.
   */
  public static void init(ActorSystem<?> system, RiskCalibration calibration, Duration interval) {
    Rounds.onceInCluster(
        system,
        "risk-calibration",
        Rounds.everyBlocking(
            "risk calibration",
            Duration.ZERO,
            interval,
            () -> {
              calibration
                  .step()
                  .ifPresent(
                      r ->
                          log.info(
                              "risk model recalibrated: fault x{}, entrapment x{}",
                              String.format(Locale.ROOT, "%.3f", r.faultFactor()),
                              String.format(Locale.ROOT, "%.3f", r.entrapmentFactor())));
              calibration.load();
            }));
    system.systemActorOf(
        Rounds.everyBlocking("risk calibration loader", Duration.ZERO, interval, calibration::load),
        "risk-calibration-loader",
        Props.empty());
  }
}
