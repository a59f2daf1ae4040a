package io.liftguard.maintenance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractTest {
  static final QualityTargets TARGETS =
      new QualityTargets(
          new BigDecimal("0.06"),
          new BigDecimal("0.5"),
          new BigDecimal("0.95"),
          30,
          new BigDecimal("0.98"));

  static Contract contract(List<String> elevators, MaintenanceMode mode, LocalDate end) {
    return new Contract(
        "C-1",
        1,
        "Jiangbei Property Co",
        "Yongan Lift Service",
        elevators,
        mode,
        TARGETS,
        new BigDecimal("4800.00"),
        LocalDate.of(2027, 1, 1),
        end);
  }

  @Test
  void aWellFormedContractHasNoProblemsAndCoversItsElevatorsInItsTerm() {
    Contract c =
        contract(
            List.of("E1", "E2"),
            new MaintenanceMode.OnDemand(30, OnDemandRules.DEFAULT),
            LocalDate.of(2027, 12, 31));
    assertEquals(List.of(), c.problems());
    assertTrue(c.covers("E1", LocalDate.of(2027, 6, 1)));
    assertFalse(c.covers("E3", LocalDate.of(2027, 6, 1)));
    assertFalse(c.covers("E1", LocalDate.of(2028, 1, 1)));
  }

  @Test
  void everyProblemIsNamed() {
    Contract c =
        contract(
            List.of("E1", "E1"),
            new MaintenanceMode.OnDemand(120, new OnDemandRules(null, 0, true, 3, 150)),
            LocalDate.of(2026, 12, 31));
    assertEquals(
        List.of(
            "elevators must not name an elevator twice",
            "maxIntervalDays must be 1 to 90 days, not 120",
            "rules.visitAtBand is required (LOW, MEDIUM, HIGH or CRITICAL)",
            "rules.faultsSinceVisit must be 1 or more, not 0",
            "rules.frequentFaultIntervalDays (150) must not exceed maxIntervalDays (120)",
            "end (2026-12-31) must not be before start (2027-01-01)"),
        c.problems());
    QualityTargets bad =
        new QualityTargets(new BigDecimal("-1"), null, new BigDecimal("1.2"), 0, BigDecimal.ONE);
    assertEquals(
        List.of(
            "targets.entrapmentsPerElevatorYear must be a number 0 or more",
            "targets.faultsPerElevatorYear must be a number 0 or more",
            "targets.firstInspectionPassRate must be a share from 0 to 1",
            "targets.responseMinutes must be 1 or more, not 0"),
        bad.problems());
  }
}
