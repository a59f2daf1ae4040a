package io.liftguard.maintenance.domain;

import io.liftguard.twin.domain.risk.RiskModel;
import java.util.ArrayList;
import java.util.List;

/**
 * When an on-demand contract calls for a visit before its maximum interval is up. Written into the
 * contract, so the using unit and the regulator read the same rules the schedule applies, and every
 * work order says which of them made it due.
 *
 * @param visitAtBand a visit as soon as the twin's risk band is this or higher
 * @param faultsSinceVisit a visit once this many faults have been reported since the last one
 * @param onDriftWarning a visit as soon as the condition monitor warns of a drift (door close time,
 *     vibration) since the last visit
 * @param frequentFaults90d an elevator with this many faults in 90 days is visited at least every
 *     {@code frequentFaultIntervalDays} (more visits where faults are frequent, seed 003)
 * @param frequentFaultIntervalDays see {@code frequentFaults90d}
 */
public record OnDemandRules(
    RiskModel.Band visitAtBand,
    int faultsSinceVisit,
    boolean onDriftWarning,
    int frequentFaults90d,
    int frequentFaultIntervalDays) {

  /**
   * The rules a new on-demand contract starts from. Assumption, to be measured on the simulator.
   */
  public static final OnDemandRules DEFAULT =
      new OnDemandRules(RiskModel.Band.HIGH, 2, true, 3, 15);

  /** Every problem with these rules; empty when they are usable. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (visitAtBand == null) {
      p.add("rules.visitAtBand is required (LOW, MEDIUM, HIGH or CRITICAL)");
    }
    if (faultsSinceVisit < 1) {
      p.add("rules.faultsSinceVisit must be 1 or more, not " + faultsSinceVisit);
    }
    if (frequentFaults90d < 1) {
      p.add("rules.frequentFaults90d must be 1 or more, not " + frequentFaults90d);
    }
    if (frequentFaultIntervalDays < 1) {
      p.add("rules.frequentFaultIntervalDays must be 1 or more, not " + frequentFaultIntervalDays);
    }
    return p;
  }
}
