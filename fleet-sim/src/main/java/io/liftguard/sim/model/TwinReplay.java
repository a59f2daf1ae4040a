package io.liftguard.sim.model;

import io.liftguard.kernel.domain.Decision;
import io.liftguard.sim.CitySimulator;
import io.liftguard.sim.ElevatorHistory;
import io.liftguard.sim.LiveCity.Report;
import io.liftguard.sim.LiveElevator;
import io.liftguard.sim.SimConfig;
import io.liftguard.twin.domain.InspectionResult;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.ReportedEvent;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.TwinState;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.risk.TwinRiskFeatures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The features the risk model is fitted on, computed the way the platform serves them: each
 * simulated elevator's reports and terminal readings ({@link LiveElevator}) are fed to a twin by
 * the twin's own rules ({@link TwinRules}), as the {@code ElevatorTwin} entity applies them, at
 * real time scale (a simulated day is a day of timestamps; the terminal is read once, at each day's
 * end), and at each month's end the twin's {@link TwinRiskFeatures} are taken. So no feature has a
 * second definition to drift from the served one; {@code NoTrainingServingSkewTest} feeds the same
 * history to a live entity and gets the same vectors.
 */
public final class TwinReplay {
  /** Who the replay's events are recorded by. */
  public static final String BY = "twin-replay";

  /**
   * One elevator: its simulated history (the ground truth) and the twin's features at each month's
   * end.
   */
  public record Elevator(ElevatorHistory history, double[][] features) {}

  private TwinReplay() {}

  /**
   * When the simulation's first day starts, in the platform's calendar: day {@code d} ends at start
   * + d + 1 days.
   */
  public static Instant start(SimConfig c) {
    return c.start().atStartOfDay(TwinRules.CALENDAR).toInstant();
  }

  /** The end of simulated day {@code day}: when its reports are sent and the terminal is read. */
  public static Instant endOf(SimConfig c, int day) {
    return start(c).plus(Duration.ofDays(day + 1L));
  }

  /**
   * Every elevator of {@code c}, replayed in parallel and handed to {@code sink} in elevator order.
   */
  public static void run(SimConfig c, Consumer<Elevator> sink, CitySimulator.Progress progress) {
    CitySimulator.forEachElevator(
        c.elevators(),
        i -> new Elevator(CitySimulator.history(c, i), features(c, i)),
        sink,
        progress);
  }

  /** The twin's features of elevator {@code index} at the end of each simulated month. */
  public static double[][] features(SimConfig c, int index) {
    int[] monthOfDay = CitySimulator.monthOfDay(c);
    double[][] out = new double[c.days() == 0 ? 0 : monthOfDay[c.days() - 1] + 1][];
    LiveElevator elevator = LiveElevator.of(c, index, start(c), Duration.ofDays(1));
    Twin twin = new Twin();
    twin.accept(TwinRules.register(twin.state, elevator.register(c.start()), start(c), BY));
    for (int d = 0; d < c.days(); d++) {
      Instant now = endOf(c, d);
      Day day = Day.of(elevator, d);
      for (Report<ReportedEvent> e : day.events()) {
        twin.accept(
            TwinRules.report(
                twin.state,
                elevator.id(),
                e.body(),
                now,
                Reading.TimeWindow.DEFAULT,
                BY,
                Role.GATEWAY)); // the demo's gateways report a day's events
      }
      for (Report<MaintenanceVisit> v : day.visits()) {
        twin.accept(
            TwinRules.maintenance(
                twin.state, elevator.id(), v.body(), now, Reading.TimeWindow.DEFAULT, BY));
      }
      for (Report<InspectionResult> r : day.inspections()) {
        twin.accept(TwinRules.inspection(twin.state, elevator.id(), r.body(), now, BY));
      }
      elevator.reading(now).ifPresent(r -> twin.read(r, now));
      if (CitySimulator.endsMonth(monthOfDay, d)) {
        out[monthOfDay[d]] = TwinRiskFeatures.of(twin.state, twin.state.live(), now);
      }
    }
    return out;
  }

  /** What one simulated day reports, in the order the replay (and the entity test) sends it. */
  public record Day(
      List<Report<ReportedEvent>> events,
      List<Report<MaintenanceVisit>> visits,
      List<Report<InspectionResult>> inspections) {
    /** Simulates day {@code d} of {@code elevator}. */
    public static Day of(LiveElevator elevator, int d) {
      Day day = new Day(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      elevator.day(d, day.events(), day.visits(), day.inspections());
      return day;
    }
  }

  /**
   * A twin's state driven as the entity drives it: decisions' events applied in order; a reading's
   * live state, which the entity holds for at most its flush interval (seconds) before persisting
   * it, applied at once (the next input comes a simulated day later). A refusal means the simulator
   * sent what the platform does not accept: a bug.
   */
  static final class Twin {
    TwinState state = TwinState.empty();

    void accept(Decision<TwinEvent> d) {
      if (d instanceof Decision.Reject<TwinEvent> r) {
        throw new IllegalStateException("the twin refused a simulated report: " + r.rejection());
      }
      ((Decision.Accept<TwinEvent>) d).events().forEach(e -> state = state.apply(e));
    }

    void read(Reading reading, Instant now) {
      TwinRules.ReadingsDecision d =
          TwinRules.readings(
              state, state.live(), List.of(reading), now, Reading.TimeWindow.DEFAULT, BY);
      if (d instanceof TwinRules.ReadingsRefused r) {
        throw new IllegalStateException("the twin refused a simulated reading: " + r.rejection());
      }
      TwinRules.ReadingOutcome o = (TwinRules.ReadingOutcome) d;
      o.events().forEach(e -> state = state.apply(e));
      if (o.coalesced()) {
        state = state.apply(new TwinEvent.LiveStateRecorded(o.live(), now, BY));
      }
    }
  }
}
