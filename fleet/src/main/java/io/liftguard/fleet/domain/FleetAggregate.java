package io.liftguard.fleet.domain;

import java.util.Map;

/**
 * One group of a fleet aggregate: how many elevators, how many with each problem, per risk band, and the mean
 * 30-day risks (over assessed elevators; null when none is).
 *
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
    Double meanEntrapmentRisk) {}
