package io.liftguard.twin.domain.risk;

import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.TwinState;
import io.liftguard.twin.domain.TwinState.ConditionSample;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * {@link RiskModel#FEATURES} computed from a twin, the same quantities the model was fitted on. A
 * value the twin does not know yet (no condition signal reported, no trend history) is NaN, which
 * the model reads as the fleet mean, so a missing sensor neither raises nor lowers the risk.
 */
public final class TwinRiskFeatures {
  private TwinRiskFeatures() {}

  /** {@code model}'s assessment of the twin {@code s}, in its segment, with {@code live}. */
  public static RiskModel.Assessment assess(
      RiskModel model, TwinState s, Reading live, Instant now) {
    return model.assess(
        of(s, live, now), SegmentLevels.Segment.of(s.register(), TwinRules.today(now)));
  }

  public static double[] of(TwinState s, Reading live, Instant now) {
    RegisterData r = s.register();
    LocalDate today = TwinRules.today(now);
    double ageYears = ChronoUnit.DAYS.between(r.installationDate(), today) / 365.25;
    int faults1m = 0;
    int faults3m = 0;
    for (Instant t : s.recentFaults()) {
      faults1m += t.isAfter(now.minus(Duration.ofDays(30))) ? 1 : 0;
      faults3m += t.isAfter(now.minus(Duration.ofDays(91))) ? 1 : 0;
    }
    double daysSinceVisit =
        s.lastMaintenanceDate() == null
            ? 60
            : ChronoUnit.DAYS.between(s.lastMaintenanceDate(), today);
    boolean inspectionFailed =
        s.lastFailedInspection() != null && s.lastFailedInspection().isAfter(today.minusDays(365));
    Double door =
        live == null || live.condition() == null ? null : live.condition().doorCloseTimeS();
    Double vibration =
        live == null || live.condition() == null ? null : live.condition().vibrationMps2();
    Double brakeTemp =
        live == null || live.condition() == null ? null : live.condition().brakeTemperatureC();
    return new double[] {
      1,
      ageYears / 10,
      r.brakeType() == BrakeType.DRUM ? 1 : 0,
      r.isThreeNo() ? 1 : 0,
      is(r, BuildingType.OFFICE),
      is(r, BuildingType.MALL),
      is(r, BuildingType.HOSPITAL),
      is(r, BuildingType.SCHOOL),
      is(r, BuildingType.STATION),
      is(r, BuildingType.SCENIC_SPOT),
      tripsPerDay(s, live, now),
      Math.min(3, faults1m),
      Math.log1p(faults3m),
      skippedFortnights(s, today),
      Math.min(4, daysSinceVisit / 15),
      inspectionFailed ? 1 : 0,
      door == null ? Double.NaN : door - 3,
      vibration == null ? Double.NaN : vibration,
      brakeTemp == null ? Double.NaN : (brakeTemp - 35) / 10,
      doorTrend(s, door, now)
    };
  }

  /** The building type as the model reads it: one input per type, homes the reference (all 0). */
  private static int is(RegisterData r, BuildingType type) {
    return r.buildingType() == type ? 1 : 0;
  }

  /**
   * Fortnights of the last 90 days without a routine visit on record (TSG T5002 asks for one every
   * 15 days): the six 15-day windows ending today, each counted once the twin can know it (it
   * starts no earlier than 15 days before registration, which the register's last maintenance date
   * covers).
   */
  static int skippedFortnights(TwinState s, LocalDate today) {
    LocalDate known =
        s.registeredAt() == null ? today : TwinRules.today(s.registeredAt()).minusDays(15);
    int skipped = 0;
    for (int k = 0; k < TwinState.ROUTINE_VISIT_DAYS / 15; k++) {
      LocalDate end = today.minusDays(15L * k);
      LocalDate start = end.minusDays(15);
      if (start.isBefore(known)) {
        break;
      }
      boolean visited = false;
      for (LocalDate d : s.routineVisits()) {
        visited |= d.isAfter(start) && !d.isAfter(end);
      }
      skipped += visited ? 0 : 1;
    }
    return skipped;
  }

  /**
   * log(trips per day / 400) from the trip counter over the kept samples; NaN without two counts 5+
   * days apart.
   */
  static double tripsPerDay(TwinState s, Reading live, Instant now) {
    if (live == null || live.tripCount() == null) {
      return Double.NaN;
    }
    for (ConditionSample c : s.samples()) {
      if (c.tripCount() != null && c.at().isBefore(now.minus(Duration.ofDays(5)))) {
        double days = Duration.between(c.at(), live.timestamp()).toHours() / 24.0;
        double trips = (live.tripCount() - c.tripCount()) / days;
        return trips > 0 ? Math.log(Math.max(1, trips) / 400) : Double.NaN;
      }
    }
    return Double.NaN;
  }

  /**
   * Door close time now minus about three months ago (the oldest sample 60+ days old); NaN without
   * one.
   */
  static double doorTrend(TwinState s, Double door, Instant now) {
    if (door == null) {
      return Double.NaN;
    }
    for (ConditionSample c : s.samples()) {
      if (c.doorCloseTimeS() != null && c.at().isBefore(now.minus(Duration.ofDays(60)))) {
        return door - c.doorCloseTimeS();
      }
    }
    return Double.NaN;
  }
}
