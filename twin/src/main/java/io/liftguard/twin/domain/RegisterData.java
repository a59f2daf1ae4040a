package io.liftguard.twin.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Static register data of one elevator (the 特种设备 register), kept apart from its reported live
 * state.
 *
 * @param hasPropertyManagement property management present; with the next two, all false = "三无电梯"
 * @param hasMaintenanceCompany a maintenance contract is in place
 * @param hasRepairFund a special repair fund (维修资金) exists for the building
 */
public record RegisterData(
    String registrationCode,
    String district,
    String street,
    String address,
    BuildingType buildingType,
    String manufacturer,
    String model,
    DriveType driveType,
    BrakeType brakeType,
    Integer ratedLoadKg,
    Double ratedSpeedMps,
    Integer floorsServed,
    LocalDate installationDate,
    String usingUnit,
    String maintenanceCompany,
    String insurer,
    Boolean hasPropertyManagement,
    Boolean hasMaintenanceCompany,
    Boolean hasRepairFund,
    LocalDate nextInspectionDue,
    LocalDate lastMaintenanceDate) {

  public RegisterData {
    district = Shared.text(district);
    // An optional field given blank has no value: one way to say "none", wherever it is grouped or
    // matched.
    street = Shared.text(blankToNull(street));
    manufacturer = Shared.text(manufacturer);
    model = Shared.text(model);
    usingUnit = Shared.text(usingUnit);
    maintenanceCompany = Shared.text(blankToNull(maintenanceCompany));
    insurer = Shared.text(blankToNull(insurer));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Missing property management, maintenance company and repair fund alike. */
  public boolean isThreeNo() {
    return Boolean.FALSE.equals(hasPropertyManagement)
        && Boolean.FALSE.equals(hasMaintenanceCompany)
        && Boolean.FALSE.equals(hasRepairFund);
  }

  /** Every problem with this record, empty when it is valid on {@code today}. */
  public List<String> problems(LocalDate today) {
    Problems p = new Problems();
    ElevatorId.problem(registrationCode).ifPresent(p::add);
    p.text("district", district, 64);
    p.optionalText("street", street, 64);
    p.text("address", address, 256);
    p.notNull("buildingType", buildingType);
    p.text("manufacturer", manufacturer, 128);
    p.text("model", model, 128);
    p.notNull("driveType", driveType);
    p.notNull("brakeType", brakeType);
    // Passenger and goods lifts in GB 7588 range from 100 kg dumbwaiter-like cars to heavy goods
    // lifts.
    p.range("ratedLoadKg", ratedLoadKg, 100, 10_000, "kg");
    // The fastest installed elevators run at about 21 m/s.
    p.range("ratedSpeedMps", ratedSpeedMps, 0.1, 21, "m/s");
    p.range("floorsServed", floorsServed, 2, 200, "floors");
    p.text("usingUnit", usingUnit, 128);
    p.optionalText("maintenanceCompany", maintenanceCompany, 128);
    p.optionalText("insurer", insurer, 128);
    p.notNull("installationDate", installationDate);
    if (installationDate != null) {
      p.require(
          !installationDate.isAfter(today),
          "installationDate " + installationDate + " is in the future");
      p.require(
          installationDate.getYear() >= 1950,
          "installationDate " + installationDate + " is before 1950");
    }
    if (lastMaintenanceDate != null) {
      p.require(
          !lastMaintenanceDate.isAfter(today),
          "lastMaintenanceDate " + lastMaintenanceDate + " is in the future");
    }
    // A register field is one line (control characters are refused at the API's edge for every
    // text).
    String[][] lines = {
      {"district", district},
      {"street", street},
      {"address", address},
      {"manufacturer", manufacturer},
      {"model", model},
      {"usingUnit", usingUnit},
      {"maintenanceCompany", maintenanceCompany},
      {"insurer", insurer}
    };
    for (String[] f : lines) {
      p.require(
          f[1] == null || f[1].chars().noneMatch(Character::isISOControl),
          f[0] + " must be one line of text");
    }
    p.notNull("hasPropertyManagement", hasPropertyManagement);
    p.notNull("hasMaintenanceCompany", hasMaintenanceCompany);
    p.notNull("hasRepairFund", hasRepairFund);
    if (Boolean.TRUE.equals(hasMaintenanceCompany)) {
      p.require(
          maintenanceCompany != null && !maintenanceCompany.isBlank(),
          "maintenanceCompany is required when hasMaintenanceCompany is true");
    }
    return p.toList();
  }
}
