package io.liftguard.fleet.domain;

import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.DriveType;
import io.liftguard.twin.domain.RunningMode;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One elevator as the fleet read model holds it; the {@code ...Overdue}, {@code online} and {@code
 * ageYears} fields are evaluated for the day and time of the query.
 */
public record FleetRow(
    String elevatorId,
    String district,
    String street,
    String address,
    BuildingType buildingType,
    boolean publicGathering,
    String manufacturer,
    String model,
    DriveType driveType,
    BrakeType brakeType,
    LocalDate installationDate,
    int ageYears,
    String usingUnit,
    String maintenanceCompany,
    String insurer,
    boolean threeNo,
    Instant registeredAt,
    RunningMode runningMode,
    Instant lastReportAt,
    boolean online,
    int openFaults,
    int openEntrapments,
    int serviceModes,
    Counters counters,
    LocalDate lastMaintenanceDate,
    LocalDate maintenanceDue,
    boolean maintenanceOverdue,
    LocalDate nextInspectionDue,
    boolean inspectionOverdue,
    Boolean lastInspectionPassed,
    int earlyWarnings,
    Instant lastWarningAt,
    Risk risk,
    Instant updatedAt) {

  /** Life totals, as the twin counts them. */
  public record Counters(
      long faults, long alarms, long entrapments, long maintenanceVisits, long inspections) {}

  /** The risk the twin last recorded; {@code entrapmentByCause} null for a model without causes. */
  public record Risk(
      double faultProbability30d,
      double entrapmentProbability30d,
      RiskModel.Band band,
      String modelVersion,
      Instant assessedAt,
      RiskModel.CauseProbabilities entrapmentByCause) {}
}
