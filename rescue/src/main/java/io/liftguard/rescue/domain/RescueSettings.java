package io.liftguard.rescue.domain;

import java.time.Duration;

/**
 * The rescue clocks, each counted from the alarm ({@code liftguard.rescue} in the configuration).
 *
 * @param acknowledgeWithin the response window: the centre acknowledges an alarm within it (the
 *     response-rate KPI)
 * @param arriveWithin the arrival window: a rescuer is on site within it (30 min: the on-time
 *     arrival KPI)
 * @param emergencyServicesAfter passengers not released by then: escalate to 119/110/120
 */
public record RescueSettings(
    Duration acknowledgeWithin, Duration arriveWithin, Duration emergencyServicesAfter) {
  public static final RescueSettings DEFAULT =
      new RescueSettings(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofMinutes(60));

  public RescueSettings {
    if (acknowledgeWithin.isNegative()
        || acknowledgeWithin.isZero()
        || arriveWithin.compareTo(acknowledgeWithin) < 0
        || emergencyServicesAfter.compareTo(arriveWithin) < 0) {
      throw new IllegalArgumentException(
          "rescue windows must be positive and in order (acknowledge <= arrive <= "
              + "emergency services): "
              + this);
    }
  }
}
