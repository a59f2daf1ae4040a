package io.liftguard.twin.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who needs a twin event besides the fleet read model, which reads every event: each concern's
 * projection reads only the events tagged with it, so an event no one else cares about (a reading,
 * a passenger alarm, a maintenance visit) is read back once, not four times.
 */
public enum Concern {
  /** The rescue centre: registrations (an elevator's district) and entrapments (a case to open). */
  ALARM("alarm"),
  /** Insurance: entrapments (a claim to open) and risk assessments (a premium to re-rate). */
  COVER("cover"),
  /**
   * Live warnings: registrations (an elevator's district), risk, drifts, a car moving with its door
   * open.
   */
  WARNING("warning");

  private final String tagPrefix;

  Concern(String tagPrefix) {
    this.tagPrefix = tagPrefix;
  }

  /** The prefix of this concern's tags: {@code alarm-0}, {@code alarm-1}, ... */
  public String tagPrefix() {
    return tagPrefix;
  }

  /** The concerns {@code event} matters to (none for most events). */
  public static Set<Concern> of(TwinEvent event) {
    if (event instanceof TwinEvent.ElevatorRegistered) {
      return EnumSet.of(ALARM, WARNING);
    }
    if (event instanceof TwinEvent.FaultRaised f
        && f.eventType().category() == EventType.Category.ENTRAPMENT) {
      return EnumSet.of(ALARM, COVER);
    }
    if (event instanceof TwinEvent.RiskAssessed) {
      return EnumSet.of(COVER, WARNING);
    }
    if (event instanceof TwinEvent.EarlyWarningRaised
        || event instanceof TwinEvent.LiveStateRecorded l
            && IntegrityChecks.movingWithDoorOpen(l.live())) {
      return EnumSet.of(WARNING);
    }
    return EnumSet.noneOf(Concern.class);
  }
}
