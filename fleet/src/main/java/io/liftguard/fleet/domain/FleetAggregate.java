package io.liftguard.fleet.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One group of a fleet aggregate: how many elevators, how many with each problem, per risk band,
 * and the mean 30-day risks (over assessed elevators; null when none is).
 *
 * @param key the group's value of the grouping field; "" for the elevators that have none (no
 *     maintenance company, no insurer, no street): register fields are never blank, so "" names no
 *     real group
 * @param bands elevators per risk band, and {@code UNASSESSED} for those without an assessment yet
 */
public record FleetAggregate(
    String key,
    long elevators,
    long threeNo,
    long offline,
    long withOpenFaults,
    long withOpenEntrapment,
    long maintenanceOverdue,
    long inspectionOverdue,
    Map<String, Long> bands,
    Double meanFaultRisk,
    Double meanEntrapmentRisk) {

  /** Elevators per band, in the order the API lists them. */
  public static Map<String, Long> bands(
      long low, long medium, long high, long critical, long unassessed) {
    Map<String, Long> bands = new LinkedHashMap<>();
    bands.put("LOW", low);
    bands.put("MEDIUM", medium);
    bands.put("HIGH", high);
    bands.put("CRITICAL", critical);
    bands.put("UNASSESSED", unassessed);
    return bands;
  }
}
