package io.liftguard.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.maintenance.MaintenanceDesk.Show;
import io.liftguard.maintenance.MaintenanceDesk.WorkOrder;
import io.liftguard.maintenance.domain.Contract;
import io.liftguard.maintenance.domain.Due;
import io.liftguard.maintenance.domain.ElevatorCondition;
import io.liftguard.maintenance.domain.MaintenanceMode;
import io.liftguard.maintenance.domain.OnDemandRules;
import io.liftguard.maintenance.domain.QualityTargets;
import io.liftguard.twin.domain.risk.RiskModel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A company's work list: each contract's schedule over its elevators, most urgent first. */
class WorkListTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
  private static final QualityTargets TARGETS =
      new QualityTargets(
          new BigDecimal("0.06"),
          new BigDecimal("0.5"),
          new BigDecimal("0.95"),
          30,
          new BigDecimal("0.98"));

  private static Contract contract(String id, MaintenanceMode mode, String... elevators) {
    return new Contract(
        id,
        1,
        "Unit",
        "Yongan",
        List.of(elevators),
        mode,
        TARGETS,
        new BigDecimal("4800"),
        TODAY.minusDays(200),
        TODAY.plusDays(200));
  }

  private static MaintenanceReader.Covered covered(
      String contract, String elevator, int lastVisitDaysAgo, RiskModel.Band band, String onSite) {
    return new MaintenanceReader.Covered(
        contract,
        new ElevatorCondition(elevator, TODAY.minusDays(lastVisitDaysAgo), band, List.of(), 0, 0),
        onSite);
  }

  private final Map<String, Contract> contracts =
      Map.of(
          "K-FIXED",
          contract("K-FIXED", MaintenanceMode.Fixed.TSG_T5002, "A", "B"),
          "K-OD",
          contract("K-OD", new MaintenanceMode.OnDemand(45, OnDemandRules.DEFAULT), "C", "D"));

  private final List<MaintenanceReader.Covered> covered =
      List.of(
          covered("K-FIXED", "A", 20, RiskModel.Band.LOW, null), // 5 days overdue
          covered("K-FIXED", "B", 3, RiskModel.Band.LOW, null), // in 12 days
          covered("K-OD", "C", 10, RiskModel.Band.HIGH, "v-9"), // due now: high risk
          covered("K-OD", "D", 10, RiskModel.Band.LOW, null)); // in 35 days

  @Test
  void mostUrgentFirstEachWithWhy() {
    List<WorkOrder> all = MaintenanceDesk.workList(covered, contracts, TODAY, Show.ALL);
    assertEquals(List.of("A", "C", "B", "D"), all.stream().map(WorkOrder::elevatorId).toList());
    WorkOrder a = all.get(0);
    assertEquals(Due.Status.OVERDUE, a.status());
    assertEquals(5, a.daysOverdue());
    assertEquals("fixed", a.mode());
    WorkOrder c = all.get(1);
    assertEquals(Due.Status.DUE, c.status());
    assertTrue(c.reasons().contains("risk band HIGH"), c.reasons().toString());
    assertEquals("on-demand", c.mode());
    assertEquals(TODAY.plusDays(35), all.get(3).dueBy());
  }

  @Test
  void theFiltersKeepWhatIsDueOverdueOrOnSite() {
    assertEquals(
        List.of("A", "C"),
        MaintenanceDesk.workList(covered, contracts, TODAY, Show.DUE).stream()
            .map(WorkOrder::elevatorId)
            .toList());
    assertEquals(
        List.of("A"),
        MaintenanceDesk.workList(covered, contracts, TODAY, Show.OVERDUE).stream()
            .map(WorkOrder::elevatorId)
            .toList());
    List<WorkOrder> open = MaintenanceDesk.workList(covered, contracts, TODAY, Show.OPEN);
    assertEquals(List.of("C"), open.stream().map(WorkOrder::elevatorId).toList());
    assertEquals("v-9", open.get(0).onSite());
  }
}
