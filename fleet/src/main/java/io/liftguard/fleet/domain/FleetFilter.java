package io.liftguard.fleet.domain;

import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.DriveType;
import io.liftguard.twin.domain.RunningMode;
import io.liftguard.twin.domain.risk.RiskModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Filters of a fleet search or aggregate, all optional (null: no restriction), all combined with
 * AND. Text fields match exactly ({@code district} case-insensitively). Ages are whole years since
 * installation; risks are 30-day fault probabilities between 0 and 1.
 */
public record FleetFilter(
    String district,
    String street,
    BuildingType buildingType,
    DriveType driveType,
    BrakeType brakeType,
    String manufacturer,
    String model,
    String maintenanceCompany,
    String insurer,
    String usingUnit,
    RunningMode runningMode,
    Set<RiskModel.Band> riskBands,
    Boolean threeNo,
    Boolean publicGathering,
    Boolean online,
    Boolean hasOpenFaults,
    Boolean hasOpenEntrapment,
    Boolean maintenanceOverdue,
    Boolean inspectionOverdue,
    Integer minAgeYears,
    Integer maxAgeYears,
    Double minFaultRisk,
    Double maxFaultRisk) {

  public static final FleetFilter NONE =
      new FleetFilter(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null);

  public FleetFilter {
    riskBands = riskBands == null ? null : Set.copyOf(riskBands);
  }

  /** What is wrong with the combination, one line per problem (each naming the parameter). */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (minAgeYears != null && (minAgeYears < 0 || minAgeYears > 150)) {
      p.add("minAge must be within [0, 150] years, not " + minAgeYears);
    }
    if (maxAgeYears != null && (maxAgeYears < 0 || maxAgeYears > 150)) {
      p.add("maxAge must be within [0, 150] years, not " + maxAgeYears);
    }
    if (minAgeYears != null && maxAgeYears != null && minAgeYears > maxAgeYears) {
      p.add("minAge " + minAgeYears + " is greater than maxAge " + maxAgeYears);
    }
    if (minFaultRisk != null && !(minFaultRisk >= 0 && minFaultRisk <= 1)) {
      p.add("minRisk must be a probability within [0, 1], not " + minFaultRisk);
    }
    if (maxFaultRisk != null && !(maxFaultRisk >= 0 && maxFaultRisk <= 1)) {
      p.add("maxRisk must be a probability within [0, 1], not " + maxFaultRisk);
    }
    if (minFaultRisk != null && maxFaultRisk != null && minFaultRisk > maxFaultRisk) {
      p.add("minRisk " + minFaultRisk + " is greater than maxRisk " + maxFaultRisk);
    }
    if (riskBands != null && riskBands.isEmpty()) {
      p.add("riskBand names no band");
    }
    return p;
  }
}
