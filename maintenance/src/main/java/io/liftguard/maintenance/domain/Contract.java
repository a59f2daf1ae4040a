package io.liftguard.maintenance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A maintenance contract between a using unit and a maintenance company for some of the unit's
 * elevators: how visits are scheduled, the quality targets, the price and the term. Versioned: a
 * change is a new version, and every version stays readable, as both parties and the regulator saw
 * it.
 *
 * @param annualPricePerElevator CNY per elevator-year, exact
 * @param start first day covered
 * @param end last day covered
 */
public record Contract(
    String id,
    int version,
    String usingUnit,
    String company,
    List<String> elevators,
    MaintenanceMode mode,
    QualityTargets targets,
    BigDecimal annualPricePerElevator,
    LocalDate start,
    LocalDate end) {
  public Contract {
    elevators = elevators == null ? null : List.copyOf(elevators);
  }

  /** Whether the contract covers {@code elevatorId} on {@code day}. */
  public boolean covers(String elevatorId, LocalDate day) {
    return elevators.contains(elevatorId) && !day.isBefore(start) && !day.isAfter(end);
  }

  /** Every problem with this contract; empty when it is usable. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    required(p, "id", id);
    required(p, "usingUnit", usingUnit);
    required(p, "company", company);
    if (version < 1) {
      p.add("version must be 1 or more, not " + version);
    }
    if (elevators == null || elevators.isEmpty()) {
      p.add("elevators must name one or more elevators");
    } else if (new HashSet<>(elevators).size() != elevators.size()) {
      p.add("elevators must not name an elevator twice");
    }
    if (mode == null) {
      p.add("mode is required (fixed or on demand)");
    } else {
      p.addAll(mode.problems());
    }
    if (targets == null) {
      p.add("targets are required");
    } else {
      p.addAll(targets.problems());
    }
    if (annualPricePerElevator == null || annualPricePerElevator.signum() < 0) {
      p.add("annualPricePerElevator must be a number 0 or more");
    }
    if (start == null || end == null) {
      p.add("start and end are required");
    } else if (end.isBefore(start)) {
      p.add("end (" + end + ") must not be before start (" + start + ")");
    }
    return p;
  }

  /** The longest name of a party, as the register bounds it (RegisterData). */
  static final int MAX_NAME = 128;

  private static void required(List<String> p, String name, String v) {
    if (v == null || v.isBlank()) {
      p.add(name + " is required");
    } else if (v.length() > MAX_NAME) {
      p.add(name + " must be at most " + MAX_NAME + " characters");
    }
  }
}
