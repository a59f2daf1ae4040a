package io.liftguard.twin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liftguard.twin.Fixtures;
import io.liftguard.twin.domain.access.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConcernTest {
  private static final java.time.Instant NOW = Fixtures.NOW;

  private static TwinEvent.FaultRaised raised(EventType type) {
    return new TwinEvent.FaultRaised("e-1", type, NOW, null, NOW, "gw", Role.GATEWAY);
  }

  @Test
  void eachEventCarriesOnlyTheConcernsThatReadIt() {
    assertEquals(
        EnumSet.of(Concern.ALARM, Concern.WARNING),
        Concern.of(new TwinEvent.ElevatorRegistered(Fixtures.register("E-1"), NOW, "admin")));
    assertEquals(
        EnumSet.of(Concern.ALARM, Concern.COVER),
        Concern.of(raised(EventType.ENTRAPMENT_BETWEEN_FLOORS)));
    // A passenger alarm, a fault: only the fleet read model reads them.
    assertEquals(Set.of(), Concern.of(raised(EventType.PASSENGER_ALARM)));
    assertEquals(Set.of(), Concern.of(new TwinEvent.MaintenanceRecorded(null, NOW, "mt")));
    Reading moving = Fixtures.reading("E-1", NOW, 3);
    assertEquals(Set.of(), Concern.of(new TwinEvent.LiveStateRecorded(moving, NOW, "gw")));
  }

  @Test
  void aCarMovingWithItsDoorOpenIsAWarningsConcern() {
    Reading r = Fixtures.reading("E-1", NOW, 3);
    Reading doorOpen =
        new Reading(
            r.elevatorId(),
            r.timestamp(),
            r.floor(),
            Direction.UP,
            1.5,
            DoorState.OPEN,
            r.loadKg(),
            RunningMode.NORMAL,
            r.safetyCircuitClosed(),
            false,
            r.alarmButtonPressed(),
            r.passengerPresent(),
            r.inDoorZone(),
            r.tripCount(),
            r.doorCycleCount(),
            r.condition());
    assertEquals(
        List.of(Concern.WARNING),
        List.copyOf(Concern.of(new TwinEvent.LiveStateRecorded(doorOpen, NOW, "gw"))));
  }
}
