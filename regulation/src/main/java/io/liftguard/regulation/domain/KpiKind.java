package io.liftguard.regulation.domain;

/**
 * The five KPIs of the safe-elevator action plan (DOMAIN.md, Jiangjin plan for 2023), with their
 * targets.
 */
public enum KpiKind {
  EMERGENCY_RESPONSE_RATE(
      "应急响应率",
      0.99,
      Comparison.AT_LEAST,
      "entrapment alarms acknowledged by the rescue centre within the response window / all"
          + " alarms"),
  ENTRAPMENT_RATE(
      "故障困人率",
      0.005,
      Comparison.BELOW,
      "entrapment incidents in the month / elevators in service that month"),
  INSPECTION_PASS_RATE(
      "检验合格率",
      0.95,
      Comparison.AT_LEAST,
      "inspections passed the first time / first inspections done (a re-inspection within 90 days"
          + " of a failure is not a first one)"),
  MEAN_RESCUE_ARRIVAL_MIN(
      "救援到场时间",
      30,
      Comparison.AT_MOST,
      "mean of (arrival - alarm) in minutes over the month's rescues with an arrival"),
  ON_TIME_ARRIVAL_RATE(
      "按时到达率",
      0.98,
      Comparison.AT_LEAST,
      "rescues arriving within 30 min / rescues whose arrival is recorded or overdue");

  /** How a value is held against its target. */
  public enum Comparison {
    AT_LEAST,
    AT_MOST,
    BELOW;

    boolean met(double value, double target) {
      return switch (this) {
        case AT_LEAST -> value >= target;
        case AT_MOST -> value <= target;
        case BELOW -> value < target;
      };
    }
  }

  private final String nameZh;
  private final double target;
  private final Comparison comparison;
  private final String definition;

  KpiKind(String nameZh, double target, Comparison comparison, String definition) {
    this.nameZh = nameZh;
    this.target = target;
    this.comparison = comparison;
    this.definition = definition;
  }

  public String nameZh() {
    return nameZh;
  }

  public double target() {
    return target;
  }

  public Comparison comparison() {
    return comparison;
  }

  public String definition() {
    return definition;
  }
}
