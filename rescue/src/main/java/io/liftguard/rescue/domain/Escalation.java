package io.liftguard.rescue.domain;

import java.time.Duration;

/**
 * A clock of the case that ran out: each is recorded once, when its window passed without the step
 * it waits for.
 */
public enum Escalation {
  /** Not acknowledged within the response window. */
  ACKNOWLEDGEMENT_OVERDUE(RescueStep.ACKNOWLEDGED),
  /**
   * No rescuer on site within the arrival window (30 min by default: DOMAIN.md's on-time arrival).
   */
  ARRIVAL_OVERDUE(RescueStep.ARRIVED),
  /**
   * Passengers still trapped well past arrival: the case is handed to the public emergency numbers
   * 119/110/120.
   */
  EMERGENCY_SERVICES(RescueStep.RELEASED);

  private final RescueStep awaits;

  Escalation(RescueStep awaits) {
    this.awaits = awaits;
  }

  /** The step whose absence this escalation reports. */
  public RescueStep awaits() {
    return awaits;
  }

  /** How long after the alarm this escalation is due under {@code s}. */
  public Duration window(RescueSettings s) {
    return switch (this) {
      case ACKNOWLEDGEMENT_OVERDUE -> s.acknowledgeWithin();
      case ARRIVAL_OVERDUE -> s.arriveWithin();
      case EMERGENCY_SERVICES -> s.emergencyServicesAfter();
    };
  }
}
