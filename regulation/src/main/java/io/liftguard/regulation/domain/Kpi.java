package io.liftguard.regulation.domain;

import java.util.List;

/**
 * One KPI for one scope and month: numerator over denominator (the value), against its target.
 * {@code value} and {@code met} are null without data (a zero denominator). {@code pullingDown}
 * names the elevators that count against it, worst first.
 */
public record Kpi(
    KpiKind kind,
    String nameZh,
    String definition,
    double numerator,
    double denominator,
    Double value,
    double target,
    KpiKind.Comparison comparison,
    Boolean met,
    List<Culprit> pullingDown) {

  /** An elevator that counts against a KPI, and why. */
  public record Culprit(String elevatorId, String reason) {}

  static Kpi of(KpiKind kind, double numerator, double denominator, List<Culprit> pullingDown) {
    Double value = denominator == 0 ? null : numerator / denominator;
    return new Kpi(
        kind,
        kind.nameZh(),
        kind.definition(),
        numerator,
        denominator,
        value,
        kind.target(),
        kind.comparison(),
        value == null ? null : kind.comparison().met(value, kind.target()),
        List.copyOf(pullingDown));
  }
}
