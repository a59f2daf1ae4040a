package io.liftguard.rescue.domain;

import io.liftguard.kernel.CborSerializable;
import java.time.Instant;

/**
 * What happened to a rescue case; the case is rebuilt from these, and the read side follows them.
 */
public sealed interface RescueEvent extends CborSerializable {
  Instant recordedAt();

  String recordedBy();

  /**
   * The case opened on an entrapment alarm at {@code alarmAt}. {@code twinEventId} is the twin
   * event it came from (null when called in by phone).
   */
  record CaseOpened(
      String caseId,
      String elevatorId,
      String district,
      AlarmSource source,
      String twinEventId,
      Instant alarmAt,
      String detail,
      Instant recordedAt,
      String recordedBy)
      implements RescueEvent {}

  /** Step {@code step} happened at {@code at} (which may be before it was recorded). */
  record StepRecorded(
      RescueStep step, Instant at, String detail, Instant recordedAt, String recordedBy)
      implements RescueEvent {}

  /** The clock of {@code escalation} ran out at {@code dueAt}. */
  record Escalated(Escalation escalation, Instant dueAt, Instant recordedAt, String recordedBy)
      implements RescueEvent {}
}
