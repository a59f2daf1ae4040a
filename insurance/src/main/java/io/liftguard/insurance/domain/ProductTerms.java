package io.liftguard.insurance.domain;

import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.DriveType;
import io.liftguard.twin.domain.risk.RiskModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One version of a product's parameters, as an insurer files it: read from {@code
 * insurance/products/*.json}, never written in code. A policy keeps the version it was bound under,
 * so a later version never re-prices it silently.
 *
 * @param baseRate the annual base premium (CNY) of the reference class, before the class factors
 * @param ageBands factors by age, each applying from {@code fromYears} up to the next band
 * @param entrapmentCompensation what an entrapment claim is opened at (its reserve), CNY per event
 * @param severity the expected cost (CNY) per entrapment and per fault, all liability included:
 *     what turns predicted frequencies into expected loss
 */
public record ProductTerms(
    Product product,
    String version,
    String name,
    BigDecimal baseRate,
    Map<BuildingType, BigDecimal> buildingType,
    List<AgeBand> ageBands,
    Map<DriveType, BigDecimal> driveType,
    Map<BrakeType, BigDecimal> brakeType,
    BigDecimal limitPerAccident,
    BigDecimal deductible,
    BigDecimal entrapmentCompensation,
    Severity severity,
    Bounds riskRelativity,
    Experience experience,
    Maintenance maintenance,
    Loadings loadings,
    Rerating rerating,
    Service service,
    Pension pension) {

  /** A factor for elevators at least {@code fromYears} old. */
  public record AgeBand(int fromYears, BigDecimal factor) {}

  /** Expected cost per predicted event. */
  public record Severity(BigDecimal perEntrapment, BigDecimal perFault) {}

  /** The range a factor is held to. */
  public record Bounds(BigDecimal min, BigDecimal max) {}

  /**
   * Bühlmann-Straub credibility of the elevator's own claims: weight {@code Z = n / (n + k)} for
   * {@code n} elevator-years of exposure.
   */
  public record Experience(BigDecimal credibilityK, BigDecimal min, BigDecimal max) {}

  /**
   * The maintenance company's factor, from how often its elevators are overdue for maintenance
   * against the city: {@code 1 + Z * sensitivity * (ratio - 1)}, {@code Z = n / (n + k)} for its
   * {@code n} elevators.
   */
  public record Maintenance(
      BigDecimal credibilityK,
      BigDecimal sensitivity,
      BigDecimal min,
      BigDecimal max,
      BigDecimal withoutCompany) {}

  /** Gross premium = pure premium / (1 - expense - profit) (+ the service budget). */
  public record Loadings(BigDecimal expense, BigDecimal profit) {
    public BigDecimal targetLossRatio() {
      return BigDecimal.ONE.subtract(expense).subtract(profit);
    }
  }

  /**
   * No premium moves more than this fraction from the premium in force at the start of a rating
   * period.
   */
  public record Rerating(BigDecimal maxChangePerPeriod) {}

  /**
   * "+ service": the annual budget per elevator for insurer-funded checks, and when a check is due.
   */
  public record Service(
      BigDecimal annualBudget, RiskModel.Band riskBandThreshold, int checkWithinDays) {}

  /** 电梯养老: the share of each premium credited to the elevator's fund. */
  public record Pension(BigDecimal fundShare) {}

  /** The age factor for an elevator {@code years} old. */
  public BigDecimal ageFactor(int years) {
    return ageBands.get(ageBand(years)).factor();
  }

  /** The index of the age band an elevator {@code years} old falls in (the first below 0). */
  public int ageBand(int years) {
    int band = 0;
    for (int b = 0; b < ageBands.size(); b++) {
      if (years >= ageBands.get(b).fromYears()) {
        band = b;
      }
    }
    return band;
  }

  /** Every problem with these terms; empty when they are usable. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    String at = "product terms " + version + ": ";
    if (product == null || version == null || version.isBlank()) {
      p.add("product terms need a product and a version");
      return p;
    }
    positive(p, at + "baseRate", baseRate);
    for (BuildingType t : BuildingType.values()) {
      positive(p, at + "buildingType." + t, buildingType == null ? null : buildingType.get(t));
    }
    for (DriveType t : DriveType.values()) {
      positive(p, at + "driveType." + t, driveType == null ? null : driveType.get(t));
    }
    for (BrakeType t : BrakeType.values()) {
      positive(p, at + "brakeType." + t, brakeType == null ? null : brakeType.get(t));
    }
    if (ageBands == null || ageBands.isEmpty() || ageBands.get(0).fromYears() != 0) {
      p.add(at + "ageBands must start at fromYears 0");
    } else {
      for (int i = 0; i < ageBands.size(); i++) {
        positive(p, at + "ageBands[" + i + "].factor", ageBands.get(i).factor());
        if (i > 0 && ageBands.get(i).fromYears() <= ageBands.get(i - 1).fromYears()) {
          p.add(at + "ageBands must be in increasing fromYears");
        }
      }
    }
    notNegative(p, at + "entrapmentCompensation", entrapmentCompensation);
    notNegative(p, at + "deductible", deductible);
    positive(p, at + "limitPerAccident", limitPerAccident);
    if (severity == null) {
      p.add(at + "severity is required");
    } else {
      notNegative(p, at + "severity.perEntrapment", severity.perEntrapment());
      notNegative(p, at + "severity.perFault", severity.perFault());
    }
    bounds(p, at + "riskRelativity", riskRelativity);
    if (experience == null) {
      p.add(at + "experience is required");
    } else {
      positive(p, at + "experience.credibilityK", experience.credibilityK());
      bounds(p, at + "experience", new Bounds(experience.min(), experience.max()));
    }
    if (maintenance == null) {
      p.add(at + "maintenance is required");
    } else {
      positive(p, at + "maintenance.credibilityK", maintenance.credibilityK());
      notNegative(p, at + "maintenance.sensitivity", maintenance.sensitivity());
      bounds(p, at + "maintenance", new Bounds(maintenance.min(), maintenance.max()));
      positive(p, at + "maintenance.withoutCompany", maintenance.withoutCompany());
    }
    if (loadings == null) {
      p.add(at + "loadings are required");
    } else {
      notNegative(p, at + "loadings.expense", loadings.expense());
      notNegative(p, at + "loadings.profit", loadings.profit());
      if (loadings.expense() != null
          && loadings.profit() != null
          && loadings.targetLossRatio().signum() <= 0) {
        p.add(at + "loadings.expense + loadings.profit must be below 1");
      }
    }
    if (rerating == null
        || rerating.maxChangePerPeriod() == null
        || rerating.maxChangePerPeriod().signum() <= 0
        || rerating.maxChangePerPeriod().compareTo(BigDecimal.ONE) >= 0) {
      p.add(at + "rerating.maxChangePerPeriod must be within (0, 1)");
    }
    if ((product == Product.INSURANCE_SERVICE) != (service != null)) {
      p.add(at + "service terms belong to insurance-service, and only to it");
    } else if (service != null) {
      notNegative(p, at + "service.annualBudget", service.annualBudget());
      if (service.riskBandThreshold() == null || service.checkWithinDays() < 1) {
        p.add(at + "service needs riskBandThreshold and checkWithinDays >= 1");
      }
    }
    if ((product == Product.PENSION) != (pension != null)) {
      p.add(at + "pension terms belong to pension, and only to it");
    } else if (pension != null
        && (pension.fundShare() == null
            || pension.fundShare().signum() <= 0
            || pension.fundShare().compareTo(BigDecimal.ONE) > 0)) {
      p.add(at + "pension.fundShare must be within (0, 1]");
    }
    return p;
  }

  private static void positive(List<String> p, String name, BigDecimal v) {
    if (v == null || v.signum() <= 0) {
      p.add(name + " must be a positive number");
    }
  }

  private static void notNegative(List<String> p, String name, BigDecimal v) {
    if (v == null || v.signum() < 0) {
      p.add(name + " must be zero or more");
    }
  }

  private static void bounds(List<String> p, String name, Bounds b) {
    if (b == null
        || b.min() == null
        || b.max() == null
        || b.min().signum() <= 0
        || b.min().compareTo(b.max()) > 0) {
      p.add(name + " needs 0 < min <= max");
    }
  }
}
