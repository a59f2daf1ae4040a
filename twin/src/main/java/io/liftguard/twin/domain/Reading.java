package io.liftguard.twin.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One telemetry reading from an IoT terminal. Only the elevator and the timestamp are required; any
 * other field left out keeps its last known value, so a reading merged onto the previous live state
 * is the new live state. {@code inDoorZone}: the car is within a landing's door zone (平层区), where
 * its doors may open.
 */
public record Reading(
    String elevatorId,
    Instant timestamp,
    Integer floor,
    Direction direction,
    Double speedMps,
    DoorState doorState,
    Double loadKg,
    RunningMode runningMode,
    Boolean safetyCircuitClosed,
    Boolean doorLockCircuitClosed,
    Boolean alarmButtonPressed,
    Boolean passengerPresent,
    Boolean inDoorZone,
    Long tripCount,
    Long doorCycleCount,
    ConditionSignals condition) {

  /** Limits a reading's timestamp must respect, relative to the platform clock. */
  public record TimeWindow(Duration maxClockSkew, Duration maxAge) {
    public static final TimeWindow DEFAULT =
        new TimeWindow(Duration.ofMinutes(5), Duration.ofDays(30));
  }

  /**
   * Every problem with this reading, empty when it is physically plausible and timely at {@code
   * now}.
   */
  public List<String> problems(Instant now, TimeWindow window) {
    Problems p = new Problems();
    ElevatorId.problem(elevatorId)
        .map(s -> s.replace("registrationCode", "elevatorId"))
        .ifPresent(p::add);
    p.timely("timestamp", timestamp, now, window);
    p.range("floor", floor, -10, 300, "");
    p.range("speedMps", speedMps, 0, 25, "m/s");
    p.range("loadKg", loadKg, 0, 20_000, "kg");
    p.range("tripCount", tripCount, 0, Long.MAX_VALUE, "");
    p.range("doorCycleCount", doorCycleCount, 0, Long.MAX_VALUE, "");
    if (condition != null) {
      condition.check(p);
    }
    return p.toList();
  }

  /**
   * This reading's values where present, {@code previous}'s elsewhere; the timestamp is this one's.
   */
  public Reading mergedOnto(Reading previous) {
    if (previous == null) {
      return this;
    }
    return new Reading(
        elevatorId,
        timestamp,
        ConditionSignals.or(floor, previous.floor),
        ConditionSignals.or(direction, previous.direction),
        ConditionSignals.or(speedMps, previous.speedMps),
        ConditionSignals.or(doorState, previous.doorState),
        ConditionSignals.or(loadKg, previous.loadKg),
        ConditionSignals.or(runningMode, previous.runningMode),
        ConditionSignals.or(safetyCircuitClosed, previous.safetyCircuitClosed),
        ConditionSignals.or(doorLockCircuitClosed, previous.doorLockCircuitClosed),
        ConditionSignals.or(alarmButtonPressed, previous.alarmButtonPressed),
        ConditionSignals.or(passengerPresent, previous.passengerPresent),
        ConditionSignals.or(inDoorZone, previous.inDoorZone),
        ConditionSignals.or(tripCount, previous.tripCount),
        ConditionSignals.or(doorCycleCount, previous.doorCycleCount),
        condition == null ? previous.condition : condition.mergedOnto(previous.condition));
  }

  /**
   * True when the discrete safety picture differs: running mode, safety circuit, door-lock circuit
   * or alarm button. Such a change is an event in itself and is persisted at once rather than
   * coalesced. Against no reading at all (a twin's first), only a picture out of the ordinary
   * differs: a car in normal service with its circuits closed and no alarm tells a regulator
   * nothing a missing reading would not, so it is coalesced like any plain reading (a city's first
   * round of heartbeats would otherwise be one journal write per elevator at once).
   */
  public boolean safetyStateDiffersFrom(Reading other) {
    if (other == null) {
      return !isRoutine();
    }
    return !Objects.equals(runningMode, other.runningMode)
        || !Objects.equals(safetyCircuitClosed, other.safetyCircuitClosed)
        || !Objects.equals(doorLockCircuitClosed, other.doorLockCircuitClosed)
        || !Objects.equals(alarmButtonPressed, other.alarmButtonPressed);
  }

  /** Normal service (or not said), neither circuit reported open, no alarm button pressed. */
  private boolean isRoutine() {
    return (runningMode == null || runningMode == RunningMode.NORMAL)
        && !Boolean.FALSE.equals(safetyCircuitClosed)
        && !Boolean.FALSE.equals(doorLockCircuitClosed)
        && !Boolean.TRUE.equals(alarmButtonPressed);
  }
}
