package io.liftguard.maintenance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liftguard.twin.domain.risk.RiskModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  static final MaintenanceMode.OnDemand ON_DEMAND_30 =
      new MaintenanceMode.OnDemand(30, OnDemandRules.DEFAULT);

  static ElevatorCondition quiet(String id, LocalDate lastVisit) {
    return new ElevatorCondition(id, lastVisit, RiskModel.Band.LOW, List.of(), 0, 0);
  }

  @Test
  void aFixedCycleIsDueItsIntervalAfterTheLastVisitWhateverTheCondition() {
    ElevatorCondition c =
        new ElevatorCondition("E1", TODAY.minusDays(10), RiskModel.Band.CRITICAL, List.of(), 5, 5);
    Due due = Schedule.due(MaintenanceMode.Fixed.TSG_T5002, c, TODAY);
    assertEquals(TODAY.plusDays(5), due.dueBy());
    assertEquals(Due.Status.SCHEDULED, due.status(TODAY));
    assertEquals(List.of("every 15 days, last visit 2026-11-27"), due.reasons());
  }

  @Test
  void anElevatorNeverVisitedIsDueAtOnce() {
    Due due = Schedule.due(ON_DEMAND_30, quiet("E1", null), TODAY);
    assertEquals(TODAY, due.dueBy());
    assertEquals(List.of("no visit on record"), due.reasons());
  }

  @Test
  void onDemandAQuietElevatorWaitsForItsMaximumInterval() {
    Due due = Schedule.due(ON_DEMAND_30, quiet("E1", TODAY.minusDays(10)), TODAY);
    assertEquals(TODAY.plusDays(20), due.dueBy());
    assertEquals(List.of("at most 30 days after the last visit, 2026-11-27"), due.reasons());
    Due late = Schedule.due(ON_DEMAND_30, quiet("E2", TODAY.minusDays(33)), TODAY);
    assertEquals(Due.Status.OVERDUE, late.status(TODAY));
    assertEquals(3, late.daysOverdue(TODAY));
  }

  @Test
  void eachConditionRuleMakesAVisitDueTodayAndSaysWhy() {
    LocalDate last = TODAY.minusDays(10);
    ElevatorCondition risky =
        new ElevatorCondition("E1", last, RiskModel.Band.HIGH, List.of(), 0, 0);
    ElevatorCondition drifting =
        new ElevatorCondition(
            "E2",
            last,
            RiskModel.Band.LOW,
            List.of(new ElevatorCondition.DriftWarning("brake temperature", TODAY.minusDays(3))),
            0,
            0);
    ElevatorCondition faulty =
        new ElevatorCondition("E3", last, RiskModel.Band.MEDIUM, List.of(), 2, 2);
    assertEquals(
        new Due("E1", TODAY, List.of("risk band HIGH")), Schedule.due(ON_DEMAND_30, risky, TODAY));
    assertEquals(
        new Due("E2", TODAY, List.of("brake temperature drift warning 3 days ago")),
        Schedule.due(ON_DEMAND_30, drifting, TODAY));
    assertEquals(
        new Due("E3", TODAY, List.of("2 faults since the last visit")),
        Schedule.due(ON_DEMAND_30, faulty, TODAY));
    // Below every threshold: the interval decides.
    ElevatorCondition calm =
        new ElevatorCondition("E4", last, RiskModel.Band.MEDIUM, List.of(), 1, 1);
    assertEquals(TODAY.plusDays(20), Schedule.due(ON_DEMAND_30, calm, TODAY).dueBy());
  }

  @Test
  void aConditionRuleNeverMovesAnOverdueVisitLater() {
    ElevatorCondition c =
        new ElevatorCondition("E1", TODAY.minusDays(40), RiskModel.Band.CRITICAL, List.of(), 0, 0);
    Due due = Schedule.due(ON_DEMAND_30, c, TODAY);
    assertEquals(TODAY.minusDays(10), due.dueBy());
    assertEquals(
        List.of("at most 30 days after the last visit, 2026-10-28", "risk band CRITICAL"),
        due.reasons());
  }

  @Test
  void frequentFaultsShortenTheIntervalWithoutCallingAVisitAtOnce() {
    // Three faults in 90 days, none since the last visit: visited at least every 15 days.
    ElevatorCondition c =
        new ElevatorCondition("E1", TODAY.minusDays(10), RiskModel.Band.LOW, List.of(), 0, 3);
    Due due = Schedule.due(ON_DEMAND_30, c, TODAY);
    assertEquals(TODAY.plusDays(5), due.dueBy());
    assertEquals(List.of("3 faults in 90 days: every 15 days at most"), due.reasons());
  }

  @Test
  void theWorkListPutsTheLongestOverdueFirst() {
    List<Due> list = new ArrayList<>();
    list.add(Schedule.due(ON_DEMAND_30, quiet("B", TODAY.minusDays(5)), TODAY));
    list.add(Schedule.due(ON_DEMAND_30, quiet("C", TODAY.minusDays(45)), TODAY));
    list.add(Schedule.due(ON_DEMAND_30, quiet("A", TODAY.minusDays(45)), TODAY));
    list.add(
        Schedule.due(
            ON_DEMAND_30,
            new ElevatorCondition("D", TODAY.minusDays(2), RiskModel.Band.HIGH, List.of(), 0, 0),
            TODAY));
    list.sort(Schedule.mostUrgentFirst());
    assertEquals(List.of("A", "C", "D", "B"), list.stream().map(Due::elevatorId).toList());
  }
}
