package io.liftguard.sim;

import io.liftguard.sim.LiveCity.Report;
import io.liftguard.twin.domain.ConditionSignals;
import io.liftguard.twin.domain.Direction;
import io.liftguard.twin.domain.DoorState;
import io.liftguard.twin.domain.DriveType;
import io.liftguard.twin.domain.InspectionResult;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.ReportedEvent;
import io.liftguard.twin.domain.RunningMode;
import io.liftguard.twin.domain.TwinRules;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One simulated elevator as its IoT terminal and its companies report it: the register row, each
 * simulated day's reports and a reading of the terminal at any moment. Simulated day {@code d}
 * spans wall-clock time {@code [start + d*dayLength, start + (d+1)*dayLength)}. Elevators are
 * independent (their own random streams), so a city can be replayed elevator by elevator, in
 * parallel ({@code TwinReplay}), or all together ({@link LiveCity}). Not thread-safe.
 */
public final class LiveElevator {
  private static final String[] INSURERS = {"PICC Chongqing", "Ping An P&C", "CPIC Chongqing"};

  private final SimConfig config;
  private final SimElevator e;
  private final ElevatorLife life;
  private final String id;
  private final Instant start;
  private final Duration dayLength;
  private final SplittableRandom noise;
  private final Terminal terminal;

  /**
   * Days since the last visit and to the next inspection when the simulation starts: what the
   * register shows.
   */
  private final int daysSinceVisitAtStart;

  private final int daysToInspectionAtStart;
  private long trips;

  /** {@code idPrefix} replaces the "SIM" of the simulator's ids. */
  LiveElevator(
      SimConfig config,
      int index,
      int[] monthOfDay,
      DayOfWeek[] dayOfWeek,
      Instant start,
      Duration dayLength,
      String idPrefix) {
    this.config = config;
    this.e = CityGenerator.elevator(config, index);
    this.life = new ElevatorLife(config, e, monthOfDay, dayOfWeek);
    this.id = idPrefix + e.id().substring(3);
    this.start = start;
    this.dayLength = dayLength;
    this.noise = new SplittableRandom((config.seed() ^ 0x5DEECE66DL) * 1_000_003L + index);
    this.terminal = Terminal.of(config, index);
    this.daysSinceVisitAtStart = life.daysSinceMaintenance;
    this.daysToInspectionAtStart = life.nextInspectionDay;
  }

  /** A replay of elevator {@code index} of the city, on its own. */
  public static LiveElevator of(SimConfig config, int index, Instant start, Duration dayLength) {
    int[] monthOfDay = CitySimulator.monthOfDay(config);
    return new LiveElevator(
        config, index, monthOfDay, CitySimulator.dayOfWeek(config), start, dayLength, "SIM");
  }

  public String id() {
    return id;
  }

  public SimElevator elevator() {
    return e;
  }

  /**
   * The register row as the platform receives it on {@code today} (the simulation's start,
   * normally).
   */
  public RegisterData register(LocalDate today) {
    boolean hasCompany = e.company() >= 0;
    int i = e.index();
    return new RegisterData(
        id,
        e.district(),
        null,
        (10 + i % 490) + " " + e.district() + " Road",
        e.buildingType(),
        "Maker " + (i % 7),
        "M" + (100 + i % 900),
        e.driveType(),
        e.brakeType(),
        1000,
        e.driveType() == DriveType.HYDRAULIC ? 0.5 : 1.75,
        e.floors(),
        today.minusDays(Math.round(e.ageYears() * 365.25)),
        "Property unit " + (1 + i / 5),
        hasCompany ? config.companies().get(e.company()).name() : null,
        INSURERS[i % INSURERS.length],
        !e.threeNo(),
        hasCompany,
        !e.threeNo(),
        today.plusDays(daysToInspectionAtStart),
        today.minusDays(daysSinceVisitAtStart));
  }

  /** Simulates day {@code day} (the days in order, from 0) and adds what is reported of it. */
  public void day(
      int day,
      List<Report<ReportedEvent>> events,
      List<Report<MaintenanceVisit>> visits,
      List<Report<InspectionResult>> inspections) {
    List<SimEvent> happened = new ArrayList<>();
    trips += Math.round(life.step(day, happened).usage());
    report(happened, events, visits, inspections);
  }

  /**
   * What the terminal reads at {@code now}, from the current wear as its sensors see it (noise,
   * drift; {@link Terminal}); empty when no reading reaches the platform that day (no terminal, a
   * dark spell, a missed reading).
   */
  public Optional<Reading> reading(Instant now) {
    int day = (int) Math.max(0, Duration.between(start, now).toMillis() / dayLength.toMillis());
    if (!terminal.reports(day)) {
      return Optional.empty();
    }
    boolean moving = noise.nextDouble() < 0.4;
    double k = terminal.noiseScale();
    return Optional.of(
        new Reading(
            id,
            now,
            1 + noise.nextInt(e.floors()),
            moving ? (noise.nextBoolean() ? Direction.UP : Direction.DOWN) : Direction.STOPPED,
            moving ? 1.5 : 0.0,
            moving ? DoorState.CLOSED : DoorState.OPEN,
            moving ? 75.0 * noise.nextInt(8) : 0.0,
            RunningMode.NORMAL,
            true,
            true,
            false,
            moving,
            !moving,
            trips,
            2 * trips,
            new ConditionSignals(
                round(
                    Math.max(
                        0,
                        0.08
                            + 0.5 * life.tractionWear
                            + terminal.vibrationDrift(day)
                            + 0.03 * k * Math.abs(noise.nextGaussian()))),
                round(
                    2.8
                        + 2.5 * life.doorWear
                        + life.sensorBias
                        + terminal.doorDrift(day)
                        + 0.15 * k * noise.nextGaussian()),
                round(noise.nextGaussian() * (2 + 10 * life.brakeWear)),
                round(1.8 + 0.8 * life.brakeWear + 0.05 * noise.nextGaussian()),
                round(
                    35
                        + 30 * life.brakeWear
                        + terminal.brakeTempDrift(day)
                        + 2 * k * noise.nextGaussian()),
                moving ? 20.0 : 0.0)));
  }

  /** The elevator's terminal. */
  public Terminal terminal() {
    return terminal;
  }

  private Instant dayStart(int day) {
    return start.plus(dayLength.multipliedBy(day));
  }

  private Instant at(SimEvent ev, double extraMinutes) {
    double fraction = Math.min(1439, ev.minute() + extraMinutes) / 1440.0;
    return dayStart(ev.day()).plusMillis((long) (dayLength.toMillis() * fraction));
  }

  private void report(
      List<SimEvent> day,
      List<Report<ReportedEvent>> events,
      List<Report<MaintenanceVisit>> visits,
      List<Report<InspectionResult>> inspections) {
    String company =
        e.company() < 0 ? "On-call repairer" : config.companies().get(e.company()).name();
    for (SimEvent ev : day) {
      String eventId = id + "-" + ev.day() + "-" + ev.minute() + "-" + ev.kind().ordinal();
      switch (ev.kind()) {
        case FAULT, FALSE_REPORT -> {
          events.add(
              new Report<>(
                  id,
                  new ReportedEvent(
                      eventId + "r",
                      ev.faultType(),
                      ReportedEvent.Phase.RAISED,
                      at(ev, 0),
                      ev.kind() == SimEvent.Kind.FAULT ? "terminal" : "repair request")));
          events.add(
              new Report<>(
                  id,
                  new ReportedEvent(
                      eventId + "c",
                      ev.faultType(),
                      ReportedEvent.Phase.CLEARED,
                      at(ev, 45),
                      "repaired")));
        }
        case RESCUE_ARRIVED -> {
          events.add(
              new Report<>(
                  id,
                  new ReportedEvent(
                      eventId + "r",
                      ev.faultType(),
                      ReportedEvent.Phase.RAISED,
                      at(ev, 0),
                      "96333 alarm")));
          events.add(
              new Report<>(
                  id,
                  new ReportedEvent(
                      eventId + "c",
                      ev.faultType(),
                      ReportedEvent.Phase.CLEARED,
                      at(ev, ev.value() + config.meanOnSiteRescueMin()),
                      "passengers released")));
        }
        case MAINTENANCE_DONE, MAINTENANCE_FAKED, REPAIR ->
            visits.add(
                new Report<>(
                    id,
                    new MaintenanceVisit(
                        eventId,
                        company,
                        "Worker " + (e.index() % 40),
                        ev.kind() == SimEvent.Kind.REPAIR
                            ? MaintenanceVisit.Kind.REPAIR
                            : MaintenanceVisit.Kind.ROUTINE,
                        at(ev, 0),
                        at(ev, 60),
                        null)));
        case INSPECTION_PASSED, INSPECTION_FAILED -> {
          LocalDate on = TwinRules.today(at(ev, 0));
          boolean passed = ev.kind() == SimEvent.Kind.INSPECTION_PASSED;
          inspections.add(
              new Report<>(
                  id,
                  new InspectionResult(
                      eventId,
                      "Special Equipment Inspection Institute",
                      on,
                      passed,
                      passed ? on.plusYears(1) : null,
                      null)));
        }
        // Entrapment is reported with its rescue; dispatch waits for the rescue API; skipped visits
        // and warnings are what the platform must find out by itself.
        default -> {}
      }
    }
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
