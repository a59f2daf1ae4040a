package io.liftguard.twin;

import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.ConditionSignals;
import io.liftguard.twin.domain.Direction;
import io.liftguard.twin.domain.DoorState;
import io.liftguard.twin.domain.DriveType;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.RunningMode;
import java.time.Instant;
import java.time.LocalDate;

/** Valid sample data for tests; each test changes only what it is about. */
public final class Fixtures {
  private Fixtures() {}

  public static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");

  public static RegisterData register(String id) {
    return new RegisterData(
        id,
        "Jiangjin",
        "Jijiang",
        "88 Dongmen Road",
        BuildingType.RESIDENTIAL,
        "Otis",
        "GeN2",
        DriveType.TRACTION,
        BrakeType.DRUM,
        1000,
        1.75,
        18,
        LocalDate.of(2012, 5, 1),
        "Jinyuan Property",
        "Yongan Lift Service",
        "PICC Chongqing",
        true,
        true,
        false,
        LocalDate.of(2027, 3, 1),
        LocalDate.of(2026, 11, 10));
  }

  /** A full reading in normal service at {@code at}. */
  public static Reading reading(String id, Instant at, int floor) {
    return new Reading(
        id,
        at,
        floor,
        Direction.UP,
        1.5,
        DoorState.CLOSED,
        320.0,
        RunningMode.NORMAL,
        true,
        true,
        false,
        true,
        true,
        1200L,
        2400L,
        new ConditionSignals(0.12, 3.1, 4.0, 2.2, 41.0, 12.0));
  }

  /**
   * The car standing at floor 3 in normal service, its door-lock circuit {@code lockClosed}, the
   * safety circuit closed: what the integrity checks read.
   */
  public static Reading stationary(String id, Instant at, boolean lockClosed) {
    return new Reading(
        id,
        at,
        3,
        null,
        0.0,
        null,
        null,
        RunningMode.NORMAL,
        true,
        lockClosed,
        false,
        false,
        true,
        null,
        null,
        null);
  }

  /** Only timestamp and floor: a partial reading. */
  public static Reading floorOnly(String id, Instant at, int floor) {
    return new Reading(
        id, at, floor, null, null, null, null, null, null, null, null, null, null, null, null,
        null);
  }

  /** Only timestamp and running mode. */
  public static Reading mode(String id, Instant at, RunningMode mode) {
    return new Reading(
        id, at, null, null, null, null, null, mode, null, null, null, null, null, null, null, null);
  }
}
