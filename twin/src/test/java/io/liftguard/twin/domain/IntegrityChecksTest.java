package io.liftguard.twin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.twin.Fixtures;
import io.liftguard.twin.domain.access.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrityChecksTest {
  private static final String ID = "IC-1";
  private static final Instant T = Instant.parse("2026-11-20T02:00:00Z");

  private static TwinEvent reading(
      Instant at, RunningMode mode, boolean safety, boolean lock, double speed, DoorState door) {
    return new TwinEvent.LiveStateRecorded(
        new Reading(
            ID,
            at,
            3,
            speed > 0 ? Direction.UP : Direction.STOPPED,
            speed,
            door,
            null,
            mode,
            safety,
            lock,
            false,
            false,
            true,
            null,
            null,
            null),
        at,
        "gw");
  }

  private static TwinEvent normal(Instant at) {
    return reading(at, RunningMode.NORMAL, true, true, 0, DoorState.CLOSED);
  }

  private static TwinEvent fault(String id, Instant at) {
    return new TwinEvent.FaultRaised(
        id,
        EventType.BRAKE_SYSTEM_FAULT,
        at,
        "repair request",
        at,
        "maintainer-7",
        Role.MAINTAINER);
  }

  private static TwinEvent visit(String id, Instant from, Instant to) {
    return new TwinEvent.MaintenanceRecorded(
        new MaintenanceVisit(id, "Yongan", "Li Wei", MaintenanceVisit.Kind.ROUTINE, from, to, null),
        to,
        "maintainer-7");
  }

  private static List<IntegrityChecks.Flag> check(TwinEvent... events) {
    List<TwinEvent> history = new ArrayList<>();
    history.add(
        new TwinEvent.ElevatorRegistered(
            Fixtures.register(ID), T.minus(Duration.ofDays(1)), "admin"));
    history.addAll(List.of(events));
    return IntegrityChecks.check(history, IntegrityChecks.Settings.DEFAULT);
  }

  private static Instant min(int m) {
    return T.plus(Duration.ofMinutes(m));
  }

  @Test
  void aFaultIsEvidencedByTheTerminalLeavingNormalServiceOrOpeningACircuitAroundIt() {
    assertEquals(
        List.of(),
        check(
            normal(min(-20)),
            fault("f1", min(0)),
            reading(min(1), RunningMode.OUT_OF_SERVICE, true, true, 0, DoorState.CLOSED),
            normal(min(40))));
    assertEquals(
        List.of(),
        check(
            normal(min(-20)),
            fault("f1", min(0)),
            reading(min(55), RunningMode.NORMAL, false, true, 0, DoorState.CLOSED)),
        "a circuit open within the hour");
    List<IntegrityChecks.Flag> flags =
        check(
            normal(min(-20)),
            fault("f1", min(0)),
            normal(min(30)),
            reading(min(70), RunningMode.OUT_OF_SERVICE, true, true, 0, DoorState.CLOSED));
    assertEquals(1, flags.size(), "out of service 70 min later is outside the hour");
    assertEquals(IntegrityChecks.Kind.FAULT_WITHOUT_EVIDENCE, flags.get(0).kind());
    assertEquals("f1", flags.get(0).subject());
    assertTrue(
        flags
            .get(0)
            .evidence()
            .contains("reported 2 times between 2026-11-20T01:30:00Z and 2026-11-20T03:00:00Z"),
        flags.get(0).evidence());
    assertEquals(
        List.of(),
        check(normal(min(-90)), fault("f1", min(0))),
        "the terminal silent around it: no verdict");
  }

  @Test
  void aFaultTheTerminalRaisedItselfIsNeverFlagged() {
    TwinEvent byTerminal =
        new TwinEvent.FaultRaised(
            "f1", EventType.BRAKE_SYSTEM_FAULT, min(0), "E35", min(0), "gw-1", Role.GATEWAY);
    assertEquals(List.of(), check(normal(min(-20)), byTerminal, normal(min(30))));
    TwinEvent beforeRolesWereKept =
        new TwinEvent.FaultRaised(
            "f2", EventType.BRAKE_SYSTEM_FAULT, min(0), null, min(0), "gw-1", null);
    assertEquals(
        List.of("f2"),
        check(normal(min(-20)), beforeRolesWereKept, normal(min(30))).stream()
            .map(IntegrityChecks.Flag::subject)
            .toList(),
        "a report without its reporter's role is judged as a person's");
  }

  @Test
  void aVisitIsEvidencedByInspectionModeDuringIt() {
    assertEquals(
        List.of(),
        check(
            normal(min(0)),
            reading(min(10), RunningMode.INSPECTION, true, true, 0, DoorState.CLOSED),
            normal(min(50)),
            visit("v1", min(5), min(60))));
    assertEquals(
        List.of(),
        check(
            normal(min(0)),
            new TwinEvent.ServiceModeEntered(
                "s1", EventType.INSPECTION_MODE, min(20), null, min(20), "gw"),
            new TwinEvent.ServiceModeLeft(
                "s2", EventType.INSPECTION_MODE, min(40), null, min(40), "gw"),
            visit("v1", min(5), min(60))),
        "an inspection-mode event counts too");
    assertEquals(
        List.of(),
        check(
            reading(min(-30), RunningMode.INSPECTION, true, true, 0, DoorState.CLOSED),
            normal(min(70)),
            visit("v1", min(5), min(60))),
        "in inspection mode since before the visit");
    List<IntegrityChecks.Flag> flags =
        check(normal(min(0)), normal(min(30)), visit("v1", min(5), min(60)));
    assertEquals(IntegrityChecks.Kind.VISIT_WITHOUT_INSPECTION_MODE, flags.get(0).kind());
    assertTrue(flags.get(0).evidence().contains("by Li Wei (Yongan)"), flags.get(0).evidence());
    assertEquals(List.of(), check(visit("v1", min(5), min(60))), "no readings: no verdict");
  }

  @Test
  void aCarMovingWithADoorOpenTwiceIsFlaggedOnce() {
    TwinEvent open1 = reading(min(0), RunningMode.NORMAL, true, false, 1.0, DoorState.CLOSED);
    TwinEvent open2 = reading(min(600), RunningMode.NORMAL, true, true, 1.2, DoorState.OPEN);
    assertEquals(List.of(), check(open1, normal(min(1))), "once may be a sensor");
    assertEquals(
        List.of(),
        check(
            reading(min(0), RunningMode.INSPECTION, true, false, 0.3, DoorState.OPEN),
            reading(min(5), RunningMode.INSPECTION, true, false, 0.3, DoorState.OPEN)),
        "inspection drives are allowed");
    List<IntegrityChecks.Flag> flags = check(open1, normal(min(1)), open2);
    assertEquals(1, flags.size());
    assertEquals(IntegrityChecks.Kind.MOVING_WITH_DOOR_OPEN, flags.get(0).kind());
    assertEquals("短接安全回路", flags.get(0).nameZh());
    assertTrue(flags.get(0).evidence().startsWith("2 readings"), flags.get(0).evidence());
  }
}
