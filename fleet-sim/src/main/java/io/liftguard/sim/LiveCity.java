package io.liftguard.sim;

import io.liftguard.twin.domain.InspectionResult;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.ReportedEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Real-time mode: the simulated city as what its IoT terminals and companies would send the
 * platform, one {@link LiveElevator} per elevator. Simulated day {@code d} spans wall-clock time
 * {@code [start + d*dayLength, start + (d+1)*dayLength)}; a day is simulated once it is over, so
 * every event sent is in the past. Readings are produced on every tick from the current wear. Not
 * thread-safe: one driver calls {@link #tick}.
 */
public final class LiveCity {
  /**
   * What to send for one tick: readings, and the reports of every simulated day that ended since
   * the last tick.
   */
  public record Tick(
      List<Reading> readings,
      List<Report<ReportedEvent>> events,
      List<Report<MaintenanceVisit>> visits,
      List<Report<InspectionResult>> inspections) {}

  /** A report for one elevator. */
  public record Report<T>(String elevatorId, T body) {}

  private final SimConfig config;
  private final Instant start;
  private final Duration dayLength;
  private final List<LiveElevator> elevators = new ArrayList<>();
  private int nextDay;

  public LiveCity(SimConfig config, Instant start, Duration dayLength) {
    this(config, start, dayLength, "SIM");
  }

  /**
   * {@code idPrefix} replaces the "SIM" of the simulator's ids, so several cities (e.g. one per
   * load-test run) can share one store without colliding.
   */
  public LiveCity(SimConfig config, Instant start, Duration dayLength, String idPrefix) {
    this.config = config;
    this.start = start;
    this.dayLength = dayLength;
    int[] monthOfDay = CitySimulator.monthOfDay(config);
    DayOfWeek[] dayOfWeek = CitySimulator.dayOfWeek(config);
    for (int i = 0; i < config.elevators(); i++) {
      elevators.add(new LiveElevator(config, i, monthOfDay, dayOfWeek, start, dayLength, idPrefix));
    }
  }

  /** The register of the city as the platform receives it. */
  public List<RegisterData> register(LocalDate today) {
    return elevators.stream().map(e -> e.register(today)).toList();
  }

  /**
   * Simulates the days that ended by {@code now} and reads every elevator's terminal that reports.
   */
  public Tick tick(Instant now) {
    List<Report<ReportedEvent>> events = new ArrayList<>();
    List<Report<MaintenanceVisit>> visits = new ArrayList<>();
    List<Report<InspectionResult>> inspections = new ArrayList<>();
    while (nextDay < config.days()
        && !now.isBefore(start.plus(dayLength.multipliedBy(nextDay + 1)))) {
      for (LiveElevator e : elevators) {
        e.day(nextDay, events, visits, inspections);
      }
      nextDay++;
    }
    List<Reading> readings = new ArrayList<>(elevators.size());
    for (LiveElevator e : elevators) {
      e.reading(now).ifPresent(readings::add);
    }
    return new Tick(readings, events, visits, inspections);
  }
}
