package io.liftguard.maintenance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A contract's quality targets against what was done over a period (seed 004: the cycle, the
 * targets and the actual work made public), one line per target.
 *
 * @param elevatorYears exposure: elevator-days under the contract in the period / 365
 * @param entrapments entrapments of the contract's elevators
 * @param faults faults of the contract's elevators
 * @param inspections periodic inspections
 * @param inspectionsPassedFirstTime of which passed the first time
 * @param rescues rescues the company answered
 * @param rescuesInTime of which on site within the target's minutes
 * @param visitsDue visits due in the period
 * @param visitsOnTime of which done by their due day
 */
public record Performance(
    BigDecimal elevatorYears,
    long entrapments,
    long faults,
    long inspections,
    long inspectionsPassedFirstTime,
    long rescues,
    long rescuesInTime,
    long visitsDue,
    long visitsOnTime) {

  /**
   * One target: its name, the target, the actual (null when nothing to measure yet), met or not.
   */
  public record Line(
      String target, BigDecimal goal, BigDecimal actual, boolean atMost, Boolean met) {}

  public List<Line> against(QualityTargets t) {
    return List.of(
        atMost("entrapmentsPerElevatorYear", t.entrapmentsPerElevatorYear(), perYear(entrapments)),
        atMost("faultsPerElevatorYear", t.faultsPerElevatorYear(), perYear(faults)),
        atLeast(
            "firstInspectionPassRate",
            t.firstInspectionPassRate(),
            share(inspectionsPassedFirstTime, inspections)),
        atLeast("rescuesWithinResponseMinutes", BigDecimal.ONE, share(rescuesInTime, rescues)),
        atLeast("visitsOnTimeRate", t.visitsOnTimeRate(), share(visitsOnTime, visitsDue)));
  }

  private BigDecimal perYear(long n) {
    return elevatorYears.signum() == 0
        ? null
        : BigDecimal.valueOf(n).divide(elevatorYears, 4, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal share(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
  }

  private static Line atMost(String name, BigDecimal goal, BigDecimal actual) {
    return new Line(name, goal, actual, true, actual == null ? null : actual.compareTo(goal) <= 0);
  }

  private static Line atLeast(String name, BigDecimal goal, BigDecimal actual) {
    return new Line(name, goal, actual, false, actual == null ? null : actual.compareTo(goal) >= 0);
  }
}
