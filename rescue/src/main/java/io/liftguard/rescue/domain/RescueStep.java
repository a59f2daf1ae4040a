package io.liftguard.rescue.domain;

/**
 * The steps of a 96333 rescue, in the order they happen; each is recorded once, with when and by
 * whom.
 */
public enum RescueStep {
  /**
   * The entrapment alarm: when the case opened (reported by a gateway, raised by the twin, or
   * called in).
   */
  ALARM,
  /** The rescue centre took the case. */
  ACKNOWLEDGED,
  /** A rescuer was sent. */
  DISPATCHED,
  /** The rescuer is at the elevator. */
  ARRIVED,
  /** The passengers are out. */
  RELEASED,
  /** The centre closed the case. */
  CLOSED;

  /** The step before this one, null for {@link #ALARM}. */
  public RescueStep previous() {
    return this == ALARM ? null : values()[ordinal() - 1];
  }
}
