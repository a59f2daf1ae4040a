package io.liftguard.sim;

import io.liftguard.twin.domain.ConditionSignals;
import io.liftguard.twin.domain.Direction;
import io.liftguard.twin.domain.DoorState;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.InspectionResult;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.ReportedEvent;
import io.liftguard.twin.domain.RunningMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Real-time mode: the simulated city as what its IoT terminals and companies would send the platform. Simulated
 * day {@code d} spans wall-clock time {@code [start + d*dayLength, start + (d+1)*dayLength)}; a day is simulated
 * once it is over, so every event sent is in the past. Readings are produced on every tick from the current wear.
 * Not thread-safe: one driver calls {@link #tick}.
 */
public final class LiveCity {
  /** What to send for one tick: readings, and the reports of every simulated day that ended since the last tick. */
  public record Tick(
      List<Reading> readings, List<Report<ReportedEvent>> events, List<Report<MaintenanceVisit>> visits,
      List<Report<InspectionResult>> inspections) {}

  /** A report for one elevator. */
  public record Report<T>(String elevatorId, T body) {}

  private static final String[] INSURERS = {"PICC Chongqing", "Ping An P&C", "CPIC Chongqing"};

  private final SimConfig config;
  private final Instant start;
  private final Duration dayLength;
  private final List<ElevatorLife> lives = new ArrayList<>();
  private final List<SimElevator> elevators = new ArrayList<>();
  private final long[] trips;
  private final String[] ids;
  private final SplittableRandom noise;
  private final int[] monthOfDay;
  private int nextDay;

  public LiveCity(SimConfig config, Instant start, Duration dayLength) {
    this(config, start, dayLength, "SIM");
  }

  /**
   * {@code idPrefix} replaces the "SIM" of the simulator's ids, so several cities (e.g. one per load-test run)
   * can share one store without colliding.
   */
  public LiveCity(SimConfig config, Instant start, Duration dayLength, String idPrefix) {
    this.config = config;
    this.start = start;
    this.dayLength = dayLength;
    monthOfDay = CitySimulator.monthOfDay(config);
    DayOfWeek[] dayOfWeek = new DayOfWeek[config.days()];
    for (int d = 0; d < config.days(); d++) {
      dayOfWeek[d] = config.start().plusDays(d).getDayOfWeek();
    }
    for (int i = 0; i < config.elevators(); i++) {
      SimElevator e = CityGenerator.elevator(config, i);
      elevators.add(e);
      lives.add(new ElevatorLife(config, e, monthOfDay, dayOfWeek));
    }
    trips = new long[config.elevators()];
    ids = elevators.stream().map(e -> idPrefix + e.id().substring(3)).toArray(String[]::new);
    noise = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
  }

  /** The register of the city as the platform receives it. */
  public List<RegisterData> register(LocalDate today) {
    List<RegisterData> out = new ArrayList<>();
    for (SimElevator e : elevators) {
      boolean hasCompany = e.company() >= 0;
      out.add(new RegisterData(ids[e.index()], e.district(), null, (10 + e.index() % 490) + " " + e.district() + " Road",
          e.buildingType(), "Maker " + (e.index() % 7), "M" + (100 + e.index() % 900), e.driveType(), e.brakeType(),
          1000, e.driveType() == io.liftguard.twin.domain.DriveType.HYDRAULIC ? 0.5 : 1.75, e.floors(),
          today.minusDays(Math.round(e.ageYears() * 365.25)),
          "Property unit " + (1 + e.index() / 5),
          hasCompany ? config.companies().get(e.company()).name() : null,
          INSURERS[e.index() % INSURERS.length],
          !e.threeNo(), hasCompany, !e.threeNo(),
          today.plusDays(30 + e.index() % 330), today.minusDays(e.index() % 14)));
    }
    return out;
  }

  /** Simulates the days that ended by {@code now} and reads every elevator's terminal. */
  public Tick tick(Instant now) {
    List<Report<ReportedEvent>> events = new ArrayList<>();
    List<Report<MaintenanceVisit>> visits = new ArrayList<>();
    List<Report<InspectionResult>> inspections = new ArrayList<>();
    while (nextDay < config.days() && !now.isBefore(dayStart(nextDay + 1))) {
      boolean monthEnds = CitySimulator.endsMonth(monthOfDay, nextDay);
      for (int i = 0; i < lives.size(); i++) {
        List<SimEvent> day = new ArrayList<>();
        ElevatorLife.Day d = lives.get(i).step(nextDay, day);
        trips[i] += Math.round(d.usage());
        report(elevators.get(i), day, events, visits, inspections);
        if (monthEnds) {
          lives.get(i).monthEnded(); // as CitySimulator's run does: the same seed gives the same history
        }
      }
      nextDay++;
    }
    List<Reading> readings = new ArrayList<>(lives.size());
    for (int i = 0; i < lives.size(); i++) {
      readings.add(reading(elevators.get(i), lives.get(i), i, now));
    }
    return new Tick(readings, events, visits, inspections);
  }

  private Instant dayStart(int day) {
    return start.plus(dayLength.multipliedBy(day));
  }

  private Instant at(SimEvent ev, double extraMinutes) {
    double fraction = Math.min(1439, ev.minute() + extraMinutes) / 1440.0;
    return dayStart(ev.day()).plusMillis((long) (dayLength.toMillis() * fraction));
  }

  private void report(SimElevator e, List<SimEvent> day, List<Report<ReportedEvent>> events,
      List<Report<MaintenanceVisit>> visits, List<Report<InspectionResult>> inspections) {
    String company = e.company() < 0 ? "On-call repairer" : config.companies().get(e.company()).name();
    String elevatorId = ids[e.index()];
    for (SimEvent ev : day) {
      String id = elevatorId + "-" + ev.day() + "-" + ev.minute() + "-" + ev.kind().ordinal();
      switch (ev.kind()) {
        case FAULT, FALSE_REPORT -> {
          events.add(new Report<>(elevatorId, new ReportedEvent(id + "r", ev.faultType(), ReportedEvent.Phase.RAISED,
              at(ev, 0), ev.kind() == SimEvent.Kind.FAULT ? "terminal" : "repair request")));
          events.add(new Report<>(elevatorId, new ReportedEvent(id + "c", ev.faultType(), ReportedEvent.Phase.CLEARED,
              at(ev, 45), "repaired")));
        }
        case RESCUE_ARRIVED -> {
          events.add(new Report<>(elevatorId, new ReportedEvent(id + "r", ev.faultType(), ReportedEvent.Phase.RAISED,
              at(ev, 0), "96333 alarm")));
          events.add(new Report<>(elevatorId, new ReportedEvent(id + "c", ev.faultType(), ReportedEvent.Phase.CLEARED,
              at(ev, ev.value() + config.meanOnSiteRescueMin()), "passengers released")));
        }
        case MAINTENANCE_DONE, MAINTENANCE_FAKED, REPAIR -> visits.add(new Report<>(elevatorId, new MaintenanceVisit(
            id, company, "Worker " + (e.index() % 40), ev.kind() == SimEvent.Kind.REPAIR
                ? MaintenanceVisit.Kind.REPAIR : MaintenanceVisit.Kind.ROUTINE,
            at(ev, 0), at(ev, 60), null)));
        case INSPECTION_PASSED, INSPECTION_FAILED -> {
          LocalDate on = io.liftguard.twin.domain.TwinRules.today(at(ev, 0));
          boolean passed = ev.kind() == SimEvent.Kind.INSPECTION_PASSED;
          inspections.add(new Report<>(elevatorId, new InspectionResult(
              id, "Special Equipment Inspection Institute", on, passed, passed ? on.plusYears(1) : null, null)));
        }
        // Entrapment is reported with its rescue; dispatch waits for the rescue API; skipped visits and warnings
        // are what the platform must find out by itself.
        default -> { }
      }
    }
  }

  private Reading reading(SimElevator e, ElevatorLife life, int i, Instant now) {
    boolean moving = noise.nextDouble() < 0.4;
    return new Reading(ids[i], now, 1 + noise.nextInt(e.floors()),
        moving ? (noise.nextBoolean() ? Direction.UP : Direction.DOWN) : Direction.STOPPED,
        moving ? 1.5 : 0.0, moving ? DoorState.CLOSED : DoorState.OPEN, moving ? 75.0 * noise.nextInt(8) : 0.0,
        RunningMode.NORMAL, true, true, false, moving, trips[i],
        2 * trips[i],
        new ConditionSignals(
            round(0.08 + 0.5 * life.tractionWear + 0.03 * Math.abs(noise.nextGaussian())),
            round(2.8 + 2.5 * life.doorWear + 0.15 * noise.nextGaussian()),
            round(noise.nextGaussian() * (2 + 10 * life.brakeWear)),
            round(1.8 + 0.8 * life.brakeWear + 0.05 * noise.nextGaussian()),
            round(35 + 30 * life.brakeWear + 2 * noise.nextGaussian()),
            moving ? 20.0 : 0.0));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
