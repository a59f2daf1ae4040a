package io.liftguard.insurance.domain;

import io.liftguard.fleet.domain.FleetRow;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.DriveType;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.LocalDate;

/**
 * What one elevator's premium is computed from, as of {@code asOf}: its class from the register,
 * its risk from the twin, the risk the model expects of its class, and its maintenance company's
 * record. Gathered from the read model outside the domain; the policy's own claims experience is
 * added by the policy.
 *
 * @param risk the twin's last recorded 30-day risk; null when the twin has not been assessed yet
 *     (priced as its class)
 * @param classRisk the model's 30-day risk for an elevator of this class whose every monitored
 *     signal is at the fleet mean: the expected loss of a twin not assessed yet
 */
public record RatingInputs(
    String elevatorId,
    LocalDate asOf,
    BuildingType buildingType,
    int ageYears,
    DriveType driveType,
    BrakeType brakeType,
    Risk risk,
    Risk classRisk,
    MaintenanceRecord maintenance) {

  /**
   * 30-day probabilities of a fault and of an entrapment, by the model version named; with a model
   * of causes, the entrapment probability of each cause (null otherwise, and in ratings recorded
   * before).
   */
  public record Risk(
      double faultProbability30d,
      double entrapmentProbability30d,
      RiskModel.Band band,
      String modelVersion,
      RiskModel.CauseProbabilities entrapmentByCause) {
    public Risk(
        double faultProbability30d,
        double entrapmentProbability30d,
        RiskModel.Band band,
        String modelVersion) {
      this(faultProbability30d, entrapmentProbability30d, band, modelVersion, null);
    }

    /** The risk the fleet read model recorded for the elevator (what a quote and a review read). */
    public static Risk of(FleetRow.Risk r) {
      return new Risk(
          r.faultProbability30d(),
          r.entrapmentProbability30d(),
          r.band(),
          r.modelVersion(),
          r.entrapmentByCause());
    }

    /** The risk a twin just assessed (what re-rates a premium at once). */
    public static Risk of(RiskModel.Assessment a) {
      return new Risk(
          a.faultProbability30d(),
          a.entrapmentProbability30d(),
          a.band(),
          a.modelVersion(),
          a.entrapmentByCause());
    }
  }

  /**
   * The maintenance company's record in the read model: of its {@code elevators}, how many are
   * overdue for maintenance, against the whole city's. {@code company} null: the elevator has no
   * maintenance contract.
   */
  public record MaintenanceRecord(
      String company, long elevators, long overdue, long cityElevators, long cityOverdue) {}

  /** These inputs with the twin's newer risk. */
  public RatingInputs withRisk(Risk newer) {
    return new RatingInputs(
        elevatorId,
        asOf,
        buildingType,
        ageYears,
        driveType,
        brakeType,
        newer,
        classRisk,
        maintenance);
  }
}
