package io.liftguard.fleet.domain;

import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.Rectification;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.RunningMode;
import io.liftguard.twin.domain.SafetyAssessment;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.Instant;
import java.time.LocalDate;

/** One change to the fleet read model, as {@link FleetChanges} derives it from a twin event. */
public sealed interface FleetChange {
  String elevatorId();

  /** A new row for a newly registered elevator. */
  record Registered(String elevatorId, RegisterData register, Instant at) implements FleetChange {}

  /** The persisted live state: running mode and the time of the reading. */
  record Reported(String elevatorId, RunningMode runningMode, Instant reportedAt)
      implements FleetChange {}

  /**
   * A fault, alarm, entrapment or service mode is open (again: opening an open type changes
   * nothing).
   */
  record Opened(String elevatorId, EventType type, Instant since, String eventId)
      implements FleetChange {}

  /** Whatever of this type was open is closed. */
  record Closed(String elevatorId, EventType type) implements FleetChange {}

  /** A raise counts once in the elevator's life totals (as the twin's counters do). */
  record Counted(String elevatorId, EventType.Category category) implements FleetChange {}

  /** A maintenance visit ended on {@code day}. */
  record Maintained(String elevatorId, LocalDate day) implements FleetChange {}

  /** An inspection result; a passed one sets the next due date. */
  record Inspected(String elevatorId, boolean passed, LocalDate nextDue) implements FleetChange {}

  /** Condition monitoring raised an early warning. */
  record Warned(String elevatorId, Instant at) implements FleetChange {}

  /** The twin recorded a new risk assessment. */
  record RiskChanged(String elevatorId, RiskModel.Assessment risk, Instant at)
      implements FleetChange {}

  /** A complaint was filed. */
  record Complained(String elevatorId, Instant at) implements FleetChange {}

  /** The elevator's drum-brake campaign status. */
  record Rectified(String elevatorId, Rectification rectification) implements FleetChange {}

  /** A safety assessment's result (the latest by date counts). */
  record Assessed(String elevatorId, SafetyAssessment assessment) implements FleetChange {}

  /** A row of the history table. */
  record Logged(HistoryEntry entry) implements FleetChange {
    @Override
    public String elevatorId() {
      return entry.elevatorId();
    }
  }

  /** The newest event applied to the row: when it was recorded, and its sequence number. */
  record Touched(String elevatorId, long seqNr, Instant at) implements FleetChange {}
}
