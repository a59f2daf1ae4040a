package io.liftguard.api.dto;

import io.liftguard.maintenance.MaintenanceReader;
import io.liftguard.twin.ElevatorTwin;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.InspectionResult;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.TwinState;
import io.liftguard.twin.domain.risk.RiskModel;
import io.liftguard.twin.domain.risk.TwinRiskFeatures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The twin as {@code GET /api/v1/elevators/{id}} shows it.
 *
 * @param lastUpdate timestamp of the newest reading mirrored
 * @param persistedUpTo timestamp of the newest reading in the journal (at most the flush interval
 *     behind)
 * @param openFaults faults, alarms and entrapments raised and not cleared
 * @param serviceModes service modes entered and not left
 * @param risk the <b>live</b> risk: 30-day fault and entrapment probabilities assessed now, from
 *     the newest reading (held in memory or persisted) and today's date, by the serving model, with
 *     its version and the factors that move this elevator's risk most from the fleet mean
 * @param recordedRisk the <b>recorded</b> risk: the assessment last persisted (a RiskAssessed
 *     event) and when. This is the one the fleet search, the regulators' lists, the insurer's
 *     portfolio and the premium use; it is recorded whenever the twin writes and the risk has moved
 *     by a tenth (and 0.1 point) or into another band, and a band change is recorded at the reading
 *     that makes it
 * @param supervision complaints filed, the drum-brake campaign status and the last safety
 *     assessment on record
 * @param persistence whether the store answers; while it does not, this view is the twin held in
 *     memory
 * @param cover the active policy and the elevator's premium in force, shown to whoever may see both
 *     (its insurer, its policyholder, an admin); absent otherwise or when uninsured
 * @param maintenanceContract the maintenance contract covering it today (its version in force, from
 *     the maintenance read model); absent when none
 */
public record ElevatorView(
    String elevatorId,
    RegisterData register,
    boolean threeNo,
    boolean publicGathering,
    Reading live,
    Instant lastUpdate,
    Instant persistedUpTo,
    List<OpenItem> openFaults,
    List<OpenItem> serviceModes,
    Obligations obligations,
    MaintenanceVisit lastMaintenance,
    InspectionResult lastInspection,
    TwinState.Counters counters,
    TwinState.Supervision supervision,
    Instant registeredAt,
    RiskModel.Assessment risk,
    RecordedRisk recordedRisk,
    Persistence persistence,
    Cover cover,
    OpenRescue openRescue,
    MaintenanceReader.ContractRow maintenanceContract) {

  /**
   * A risk assessment as recorded in the twin's history, and when; null fields before the first.
   */
  public record RecordedRisk(RiskModel.Assessment assessment, Instant recordedAt) {}

  /**
   * The elevator's open 96333 rescue case, as the rescue read model holds it (details at
   * /api/v1/rescues/{id}).
   */
  public record OpenRescue(String caseId, String step, Instant alarmAt, List<String> escalations) {}

  /** The active policy covering the elevator, as the insurance read model holds it. */
  public record Cover(String policyId, String insurer, String product, BigDecimal annualPremium) {}

  /** Something open on the twin. */
  public record OpenItem(
      EventType type,
      EventType.Category category,
      String nameZh,
      Instant since,
      String eventId,
      String detail,
      int occurrences) {}

  /** The dates that drive the using unit's obligations, and whether they are missed today. */
  public record Obligations(
      LocalDate lastMaintenanceDate,
      boolean maintenanceOverdue,
      LocalDate nextInspectionDue,
      boolean inspectionOverdue) {}

  public static ElevatorView of(
      ElevatorTwin.TwinView view,
      Instant now,
      RiskModel model,
      Persistence persistence,
      Cover cover,
      OpenRescue openRescue,
      MaintenanceReader.ContractRow maintenanceContract) {
    TwinState s = view.state();
    LocalDate today = TwinRules.today(now);
    List<OpenItem> open =
        s.open().stream()
            .map(
                o ->
                    new OpenItem(
                        o.eventType(),
                        o.eventType().category(),
                        o.eventType().chineseName(),
                        o.since(),
                        o.eventId(),
                        o.detail(),
                        o.occurrences()))
            .toList();
    return new ElevatorView(
        view.elevatorId(),
        s.register(),
        s.register().isThreeNo(),
        s.register().buildingType().isPublicGathering(),
        view.live(),
        view.live() == null ? null : view.live().timestamp(),
        s.live() == null ? null : s.live().timestamp(),
        open.stream().filter(o -> o.category() != EventType.Category.SERVICE_MODE).toList(),
        open.stream().filter(o -> o.category() == EventType.Category.SERVICE_MODE).toList(),
        new Obligations(
            s.lastMaintenanceDate(),
            s.isMaintenanceOverdue(today),
            s.nextInspectionDue(),
            s.isInspectionOverdue(today)),
        s.lastMaintenance(),
        s.lastInspection(),
        s.counters(),
        s.supervision(),
        s.registeredAt(),
        TwinRiskFeatures.assess(model, s, view.live(), now),
        new RecordedRisk(s.risk(), s.riskAssessedAt()),
        persistence,
        cover,
        openRescue,
        maintenanceContract);
  }
}
