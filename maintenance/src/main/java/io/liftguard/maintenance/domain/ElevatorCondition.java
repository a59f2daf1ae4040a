package io.liftguard.maintenance.domain;

import io.liftguard.twin.domain.risk.RiskModel;
import java.time.LocalDate;
import java.util.List;

/**
 * What the schedule reads of one elevator, from its twin.
 *
 * @param lastVisit the last routine visit on record; null when there is none
 * @param band the twin's risk band; null when not assessed yet
 * @param driftWarnings the condition monitor's warnings since the last visit, oldest first
 * @param faultsSinceVisit faults reported since the last visit
 * @param faults90d faults reported in the last 90 days
 */
public record ElevatorCondition(
    String elevatorId,
    LocalDate lastVisit,
    RiskModel.Band band,
    List<DriftWarning> driftWarnings,
    int faultsSinceVisit,
    int faults90d) {
  public ElevatorCondition {
    driftWarnings = driftWarnings == null ? List.of() : List.copyOf(driftWarnings);
  }

  /** A drift the condition monitor warned of: which signal, and when. */
  public record DriftWarning(String signal, LocalDate on) {}
}
