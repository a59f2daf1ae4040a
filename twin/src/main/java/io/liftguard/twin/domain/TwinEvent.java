package io.liftguard.twin.domain;

import io.liftguard.kernel.CborSerializable;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.Instant;

/**
 * Everything that happened to one elevator, in the order it was persisted: together these events
 * are its life-cycle traceability record. {@code recordedAt} is the platform clock when the event
 * was accepted, and {@code recordedBy} the principal who reported it.
 *
 * <p>The simple names of the records below are persisted as their type (twin/json/TwinJsonModule):
 * renaming one needs a Jackson migration.
 */
public sealed interface TwinEvent extends CborSerializable {
  Instant recordedAt();

  /** The principal whose request this event records (a gateway, a maintainer, an admin...). */
  String recordedBy();

  /** The elevator entered the register. */
  record ElevatorRegistered(RegisterData register, Instant recordedAt, String recordedBy)
      implements TwinEvent {}

  /**
   * The live state as of {@code live.timestamp()}: on a safety-state change at once, else
   * coalesced.
   */
  record LiveStateRecorded(Reading live, Instant recordedAt, String recordedBy)
      implements TwinEvent {}

  /**
   * A fault, alarm or entrapment began. {@code reporterRole} is the role {@code recordedBy}
   * reported it in: {@link Role#GATEWAY} when the elevator's terminal raised it (or the platform
   * did from the terminal's readings), a person's role (maintainer, using unit, admin...)
   * otherwise. Null in events recorded before the role was kept; the platform judges those as a
   * person's report.
   */
  record FaultRaised(
      String eventId,
      EventType eventType,
      Instant occurredAt,
      String detail,
      Instant recordedAt,
      String recordedBy,
      Role reporterRole)
      implements TwinEvent {

    /** Raised by the elevator's terminal, not reported by a person. */
    public boolean byTerminal() {
      return reporterRole == Role.GATEWAY;
    }
  }

  /** A fault, alarm or entrapment ended. */
  record FaultCleared(
      String eventId,
      EventType eventType,
      Instant occurredAt,
      String detail,
      Instant recordedAt,
      String recordedBy)
      implements TwinEvent {}

  /** The elevator entered a service mode (inspection, fire, emergency power, seismic). */
  record ServiceModeEntered(
      String eventId,
      EventType eventType,
      Instant occurredAt,
      String detail,
      Instant recordedAt,
      String recordedBy)
      implements TwinEvent {}

  /** The elevator left a service mode. */
  record ServiceModeLeft(
      String eventId,
      EventType eventType,
      Instant occurredAt,
      String detail,
      Instant recordedAt,
      String recordedBy)
      implements TwinEvent {}

  /** A maintenance visit was recorded. */
  record MaintenanceRecorded(MaintenanceVisit visit, Instant recordedAt, String recordedBy)
      implements TwinEvent {}

  /**
   * A maintainer checked in at the car: the intelligent alarm is held until the check-out ({@link
   * MaintainerOnSite}).
   */
  record MaintainerCheckedIn(MaintainerOnSite onSite, Instant recordedAt, String recordedBy)
      implements TwinEvent {}

  /**
   * The maintainer of visit {@code visitId} checked out at {@code at}; {@code inspectionSeen} says
   * whether the terminal reported inspection mode during the visit. Written with the {@link
   * MaintenanceRecorded} of the visit the check-in and check-out make.
   */
  record MaintainerCheckedOut(
      String visitId, Instant at, boolean inspectionSeen, Instant recordedAt, String recordedBy)
      implements TwinEvent {}

  /**
   * Condition monitoring saw a signal drift past its threshold: an early warning before the fault
   * it predicts. Recorded by the platform ({@code recordedBy} is the principal whose reading
   * completed the drift).
   */
  record EarlyWarningRaised(
      ConditionWatch.Kind signal,
      double ewma,
      double baseline,
      Instant recordedAt,
      String recordedBy)
      implements TwinEvent {}

  /**
   * The twin's risk moved enough to be recorded ({@link TwinRules#withRisk}): written with the
   * events that moved it, by the model version it names, so the read side and pricing always see
   * the risk the twin had, and why.
   */
  record RiskAssessed(RiskModel.Assessment risk, Instant recordedAt, String recordedBy)
      implements TwinEvent {}

  /** An inspection result was recorded. */
  record InspectionRecorded(InspectionResult result, Instant recordedAt, String recordedBy)
      implements TwinEvent {}

  /** A complaint about the elevator was filed. */
  record ComplaintFiled(Complaint complaint, Instant recordedAt, String recordedBy)
      implements TwinEvent {}

  /** A regulator recorded the elevator's status in the drum-brake hazard campaign. */
  record RectificationRecorded(Rectification rectification, Instant recordedAt, String recordedBy)
      implements TwinEvent {}

  /** A safety assessment's result was recorded. */
  record SafetyAssessmentRecorded(
      SafetyAssessment assessment, Instant recordedAt, String recordedBy) implements TwinEvent {}
}
