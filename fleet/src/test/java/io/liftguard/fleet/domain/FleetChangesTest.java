package io.liftguard.fleet.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.liftguard.twin.Fixtures;
import io.liftguard.twin.domain.ConditionWatch;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.InspectionResult;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.RunningMode;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetChangesTest {
  private static final String ID = "CQ-1";
  private static final Instant AT = Fixtures.NOW;

  @Test
  void aRegistrationInsertsTheRow() {
    List<FleetChange> c =
        FleetChanges.of(
            ID, 1, new TwinEvent.ElevatorRegistered(Fixtures.register(ID), AT, "admin"));
    assertEquals(
        List.of(
            new FleetChange.Registered(ID, Fixtures.register(ID), AT),
            new FleetChange.Touched(ID, 1, AT)),
        c);
  }

  @Test
  void aPersistedReadingSetsRunningModeAndReportTime() {
    var live = Fixtures.mode(ID, AT.minusSeconds(5), RunningMode.FIRE);
    List<FleetChange> c = FleetChanges.of(ID, 7, new TwinEvent.LiveStateRecorded(live, AT, "gw-1"));
    assertEquals(
        List.of(
            new FleetChange.Reported(ID, RunningMode.FIRE, AT.minusSeconds(5)),
            new FleetChange.Touched(ID, 7, AT)),
        c);
  }

  @Test
  void aRaisedFaultOpensCountsAndLogs() {
    List<FleetChange> c =
        FleetChanges.of(
            ID,
            3,
            new TwinEvent.FaultRaised(
                "e-9",
                EventType.ENTRAPMENT_BETWEEN_FLOORS,
                AT.minusSeconds(60),
                "96333 call",
                AT,
                "gw-1",
                Role.GATEWAY));
    assertEquals(
        new FleetChange.Opened(ID, EventType.ENTRAPMENT_BETWEEN_FLOORS, AT.minusSeconds(60), "e-9"),
        c.get(0));
    assertEquals(
        new FleetChange.Logged(
            new HistoryEntry(
                ID,
                3,
                HistoryEntry.Kind.ENTRAPMENT,
                "RAISED",
                "ENTRAPMENT_BETWEEN_FLOORS",
                "e-9",
                AT.minusSeconds(60),
                AT,
                "gw-1",
                "96333 call")),
        c.get(1));
    assertEquals(new FleetChange.Counted(ID, EventType.Category.ENTRAPMENT), c.get(2));
    assertEquals(new FleetChange.Touched(ID, 3, AT), c.get(3));
  }

  @Test
  void aClearedFaultClosesAndLogsWithoutCounting() {
    List<FleetChange> c =
        FleetChanges.of(
            ID,
            4,
            new TwinEvent.FaultCleared("e-10", EventType.DOOR_CLOSE_FAILURE, AT, null, AT, "gw-1"));
    assertEquals(new FleetChange.Closed(ID, EventType.DOOR_CLOSE_FAILURE), c.get(0));
    assertEquals("CLEARED", ((FleetChange.Logged) c.get(1)).entry().phase());
    assertEquals(HistoryEntry.Kind.FAULT, ((FleetChange.Logged) c.get(1)).entry().kind());
    assertEquals(3, c.size());
  }

  @Test
  void serviceModesOpenButDoNotCount() {
    List<FleetChange> c =
        FleetChanges.of(
            ID,
            5,
            new TwinEvent.ServiceModeEntered(
                "m-1", EventType.INSPECTION_MODE, AT, null, AT, "mt-1"));
    assertEquals(
        List.of(FleetChange.Opened.class, FleetChange.Logged.class, FleetChange.Touched.class),
        c.stream().map(Object::getClass).toList());
    assertEquals(HistoryEntry.Kind.SERVICE_MODE, ((FleetChange.Logged) c.get(1)).entry().kind());
  }

  @Test
  void aVisitSetsTheDayItEndedAndLogsWhoCame() {
    var visit =
        new MaintenanceVisit(
            "v-1",
            "Yongan Lift Service",
            "Li Wei",
            MaintenanceVisit.Kind.REPAIR,
            Instant.parse("2026-11-20T23:30:00Z"),
            Instant.parse("2026-11-21T00:30:00Z"),
            "brake pads");
    List<FleetChange> c =
        FleetChanges.of(ID, 6, new TwinEvent.MaintenanceRecorded(visit, AT, "mt-1"));
    assertEquals(new FleetChange.Maintained(ID, LocalDate.of(2026, 11, 21)), c.get(0));
    HistoryEntry h = ((FleetChange.Logged) c.get(1)).entry();
    assertEquals("REPAIR", h.eventType());
    assertEquals("Yongan Lift Service; Li Wei; brake pads", h.detail());
  }

  @Test
  void anInspectionResultIsLoggedPassedOrFailed() {
    var failed =
        new InspectionResult("i-1", "CQ SEI", LocalDate.of(2026, 11, 1), false, null, "brake wear");
    List<FleetChange> c =
        FleetChanges.of(ID, 8, new TwinEvent.InspectionRecorded(failed, AT, "reg-1"));
    assertEquals(new FleetChange.Inspected(ID, false, null), c.get(0));
    assertEquals("FAILED", ((FleetChange.Logged) c.get(1)).entry().eventType());
  }

  @Test
  void warningsAndRiskChangesAreLoggedWithTheirFigures() {
    var warn =
        FleetChanges.of(
            ID,
            9,
            new TwinEvent.EarlyWarningRaised(
                ConditionWatch.Kind.VIBRATION, 0.31, 0.12, AT, "gw-1"));
    assertEquals(new FleetChange.Warned(ID, AT), warn.get(0));
    assertEquals(
        "ewma 0.310 against baseline 0.120", ((FleetChange.Logged) warn.get(1)).entry().detail());

    var risk =
        new RiskModel.Assessment(0.0421, 0.0031, RiskModel.Band.HIGH, "m-2026-11", List.of());
    var changes = FleetChanges.of(ID, 10, new TwinEvent.RiskAssessed(risk, AT, "gw-1"));
    assertEquals(new FleetChange.RiskChanged(ID, risk, AT), changes.get(0));
    HistoryEntry h = assertInstanceOf(FleetChange.Logged.class, changes.get(1)).entry();
    assertEquals(HistoryEntry.Kind.RISK, h.kind());
    assertEquals("HIGH", h.eventType());
    assertEquals("30-day fault 0.0421, entrapment 0.0031, model m-2026-11", h.detail());
  }

  @Test
  void longDetailsAreCutToTheColumn() {
    String detail = "x".repeat(5000);
    var c =
        FleetChanges.of(
            ID,
            2,
            new TwinEvent.FaultRaised(
                "e", EventType.POWER_LOSS, AT, detail, AT, "gw", Role.GATEWAY));
    assertEquals(
        HistoryEntry.MAX_DETAIL, ((FleetChange.Logged) c.get(1)).entry().detail().length());
  }
}
