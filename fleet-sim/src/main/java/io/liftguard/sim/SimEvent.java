package io.liftguard.sim;

import io.liftguard.twin.domain.EventType;

/**
 * Something that happened to one elevator in the simulation, on day {@code day} (0 = the start
 * date) at {@code minute} of that day. {@code value} carries minutes after the alarm for the rescue
 * kinds.
 */
public record SimEvent(
    int elevator, int day, int minute, Kind kind, EventType faultType, double value) {

  /** What happened. FALSE_REPORT and MAINTENANCE_FAKED are injected integrity cases. */
  public enum Kind {
    FAULT,
    /** Passengers were trapped; {@code value} is the {@link Cause} ordinal. */
    ENTRAPMENT,
    /** The rescue centre dispatched a rescuer; {@code value}: minutes after the alarm. */
    RESCUE_DISPATCHED,
    /** The rescuer arrived; {@code value}: minutes after the alarm. */
    RESCUE_ARRIVED,
    MAINTENANCE_DONE,
    MAINTENANCE_SKIPPED,
    MAINTENANCE_FAKED,
    REPAIR,
    INSPECTION_PASSED,
    INSPECTION_FAILED,
    FALSE_REPORT,
    /** The condition monitor warned; {@code value} is the {@code ConditionWatch.Kind} ordinal. */
    EARLY_WARNING
  }

  /** Why passengers were trapped (the Jiangsu 2023 white paper's three causes). */
  public enum Cause {
    EQUIPMENT,
    MISUSE,
    EXTERNAL
  }

  /** The cause of an ENTRAPMENT event. */
  public Cause cause() {
    if (kind != Kind.ENTRAPMENT) {
      throw new IllegalStateException(kind + " has no cause");
    }
    return Cause.values()[(int) value];
  }
}
