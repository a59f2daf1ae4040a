package io.liftguard.sim.model;

import io.liftguard.sim.ElevatorHistory;
import io.liftguard.sim.ElevatorHistory.Observed;
import io.liftguard.sim.SimEvent;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.risk.RiskModel;
import java.util.List;

/**
 * What the platform can know about an elevator at the end of a month, as model inputs: register data, reported
 * history (faults as reported, false reports included; visits as recorded, faked ones included) and condition
 * signals with their trend. Nothing hidden from the platform (true wear, true hazard, fraud flags) is used.
 */
public final class RiskFeatures {
  /** The same inputs, in the same order, as the platform computes them (see TwinRiskFeatures). */
  public static final List<String> NAMES = RiskModel.FEATURES;

  /** The age-only baseline's inputs. */
  public static final List<String> BASELINE = List.of("intercept", "age_decades");

  private RiskFeatures() {}

  /** Reported faults per month (real faults plus false reports: the platform cannot tell them apart). */
  public static int[] reportedFaultsPerMonth(ElevatorHistory h, int[] monthOfDay) {
    int[] out = new int[h.monthlyFaults().length];
    for (SimEvent e : h.events()) {
      if (e.kind() == SimEvent.Kind.FAULT || e.kind() == SimEvent.Kind.FALSE_REPORT) {
        out[monthOfDay[e.day()]]++;
      }
    }
    return out;
  }

  /** The features at the end of {@code month}. */
  public static double[] of(ElevatorHistory h, int month, int[] reportedFaults) {
    double[][] o = h.observed();
    double age = h.elevator().ageYears() + (month + 1) / 12.0;
    int faults3 = 0;
    int skipped3 = 0;
    for (int m = Math.max(0, month - 2); m <= month; m++) {
      faults3 += reportedFaults[m];
      skipped3 += (int) o[m][Observed.VISITS_SKIPPED];
    }
    double inspectionFailed = 0;
    for (int m = Math.max(0, month - 11); m <= month; m++) {
      inspectionFailed = Math.max(inspectionFailed, o[m][Observed.INSPECTION_FAILED]);
    }
    double door = o[month][Observed.DOOR_CLOSE_S];
    double doorBefore = o[Math.max(0, month - 3)][Observed.DOOR_CLOSE_S];
    return new double[] {
        1,
        age / 10,
        h.elevator().brakeType() == BrakeType.DRUM ? 1 : 0,
        h.elevator().threeNo() ? 1 : 0,
        h.elevator().buildingType().isPublicGathering() ? 1 : 0,
        Math.log(Math.max(1, o[month][Observed.TRIPS_PER_DAY]) / 400),
        Math.min(3, reportedFaults[month]),
        Math.log1p(faults3),
        skipped3,
        Math.min(4, o[month][Observed.DAYS_SINCE_VISIT] / 15),
        inspectionFailed,
        door - 3,
        o[month][Observed.VIBRATION],
        (o[month][Observed.BRAKE_TEMP_C] - 35) / 10,
        door - doorBefore
    };
  }

  /** The baseline's features: intercept and age. */
  public static double[] baseline(double[] full) {
    return new double[] {full[0], full[1]};
  }
}
