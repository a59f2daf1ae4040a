package io.liftguard.maintenance.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The quality targets (维保质量指标) a contract holds the company to, each published with what was
 * actually achieved (seed 004).
 *
 * @param entrapmentsPerElevatorYear at most this many entrapments per elevator-year
 * @param faultsPerElevatorYear at most this many faults per elevator-year
 * @param firstInspectionPassRate at least this share of periodic inspections passed the first time
 * @param responseMinutes the company's rescuer on site within this many minutes of an entrapment
 * @param visitsOnTimeRate at least this share of visits done by their due day
 */
public record QualityTargets(
    BigDecimal entrapmentsPerElevatorYear,
    BigDecimal faultsPerElevatorYear,
    BigDecimal firstInspectionPassRate,
    int responseMinutes,
    BigDecimal visitsOnTimeRate) {

  /** Every problem with these targets; empty when they are usable. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    notNegative(p, "targets.entrapmentsPerElevatorYear", entrapmentsPerElevatorYear);
    notNegative(p, "targets.faultsPerElevatorYear", faultsPerElevatorYear);
    share(p, "targets.firstInspectionPassRate", firstInspectionPassRate);
    share(p, "targets.visitsOnTimeRate", visitsOnTimeRate);
    if (responseMinutes < 1) {
      p.add("targets.responseMinutes must be 1 or more, not " + responseMinutes);
    }
    return p;
  }

  private static void notNegative(List<String> p, String name, BigDecimal v) {
    if (v == null || v.signum() < 0) {
      p.add(name + " must be a number 0 or more");
    }
  }

  private static void share(List<String> p, String name, BigDecimal v) {
    if (v == null || v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
      p.add(name + " must be a share from 0 to 1");
    }
  }
}
