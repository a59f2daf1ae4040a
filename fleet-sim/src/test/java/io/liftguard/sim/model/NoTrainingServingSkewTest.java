package io.liftguard.sim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.liftguard.kernel.MutableClock;
import io.liftguard.kernel.store.LiftGuardConfig;
import io.liftguard.kernel.store.StoreHealth;
import io.liftguard.sim.CityGenerator;
import io.liftguard.sim.CitySimulator;
import io.liftguard.sim.ElevatorHistory;
import io.liftguard.sim.LiveCity.Report;
import io.liftguard.sim.LiveElevator;
import io.liftguard.sim.SimConfig;
import io.liftguard.sim.SimEvent;
import io.liftguard.twin.ElevatorTwin;
import io.liftguard.twin.TwinSettings;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.InspectionResult;
import io.liftguard.twin.domain.IntelligentAlarm;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.ReportedEvent;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinState;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.risk.RiskModel;
import io.liftguard.twin.domain.risk.TwinRiskFeatures;
import io.liftguard.twin.risk.RiskModels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * No skew between training and serving: simulated elevator histories fed through live {@link
 * ElevatorTwin} entities at real time scale (their clock at each simulated day's end, readings
 * coalesced and flushed by the entity's timer, snapshots, a restart that recovers from the journal)
 * yield, at every month's end, exactly the feature vectors the model is fitted on ({@link
 * TwinReplay}).
 */
class NoTrainingServingSkewTest {
  private static final ActorTestKit KIT =
      ActorTestKit.create(
          LiftGuardConfig.load(
              EventSourcedBehaviorTestKit.config()
                  .withFallback(ConfigFactory.parseString("pekko.actor.provider = local"))));
  private static final RiskModel MODEL = RiskModels.loadDefault();

  /** Four month ends (January to April): the door trend becomes known in the third. */
  private static final SimConfig CITY = SimConfig.defaults(3, 600, 120);

  private static final int RESTART_AFTER_DAY = 45;

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void twinEntitiesComputeTheFeaturesTheModelIsFittedOn() {
    List<double[]> compared = new ArrayList<>();
    for (int index : elevatorsWithSomethingToShow()) {
      double[][] fitting = TwinReplay.features(CITY, index);
      double[][] serving = serve(index);
      assertEquals(fitting.length, serving.length);
      for (int m = 0; m < fitting.length; m++) {
        assertArrayEquals(
            fitting[m], serving[m], "elevator " + index + ", end of month " + (m + 1));
        compared.add(serving[m]);
      }
    }
    // The histories exercise every feature: each takes two or more values over the vectors
    // compared.
    for (int k = 1; k < RiskModel.FEATURES.size(); k++) {
      Set<Double> values = new HashSet<>();
      for (double[] f : compared) {
        values.add(f[k]);
      }
      assertTrue(
          values.size() > 1, RiskModel.FEATURES.get(k) + " is the same everywhere: " + values);
    }
  }

  /**
   * The first elevators of the city with a failed inspection, a skipped visit, faults, three-no, a
   * drum brake, and of each building type.
   */
  private static Set<Integer> elevatorsWithSomethingToShow() {
    List<Predicate<ElevatorHistory>> wanted =
        List.of(
            h -> has(h, SimEvent.Kind.INSPECTION_FAILED),
            h -> has(h, SimEvent.Kind.MAINTENANCE_SKIPPED),
            h -> h.events().stream().filter(e -> e.kind() == SimEvent.Kind.FAULT).count() >= 2,
            h -> has(h, SimEvent.Kind.FALSE_REPORT),
            h -> h.elevator().threeNo(),
            h -> h.elevator().brakeType() == BrakeType.DRUM,
            h -> true);
    Set<Integer> chosen = new LinkedHashSet<>();
    for (Predicate<ElevatorHistory> p : wanted) {
      for (int i = 0; i < CITY.elevators(); i++) {
        if (!chosen.contains(i) && p.test(CitySimulator.history(CITY, i))) {
          chosen.add(i);
          break;
        }
      }
    }
    assertEquals(wanted.size(), chosen.size(), "the city has an elevator of each kind");
    // and one of every building type (each is an input of its own)
    for (BuildingType type : BuildingType.values()) {
      if (chosen.stream().noneMatch(i -> CityGenerator.elevator(CITY, i).buildingType() == type)) {
        for (int i = 0; i < CITY.elevators(); i++) {
          if (CityGenerator.elevator(CITY, i).buildingType() == type) {
            chosen.add(i);
            break;
          }
        }
      }
    }
    return chosen;
  }

  private static boolean has(ElevatorHistory h, SimEvent.Kind kind) {
    return h.events().stream().anyMatch(e -> e.kind() == kind);
  }

  /** The features of a live entity fed elevator {@code index}'s history, at each month's end. */
  private static double[][] serve(int index) {
    MutableClock clock = new MutableClock(TwinReplay.start(CITY));
    TwinSettings settings =
        new TwinSettings(
            Duration.ofMillis(5),
            1000,
            100,
            10,
            Reading.TimeWindow.DEFAULT,
            4,
            IntelligentAlarm.DEFAULT);
    StoreHealth health =
        StoreHealth.manual(
            clock,
            new StoreHealth.Settings(
                Duration.ofMillis(500), 1, Duration.ofSeconds(1), Duration.ofSeconds(2)));
    LiveElevator elevator =
        LiveElevator.of(CITY, index, TwinReplay.start(CITY), Duration.ofDays(1));
    var twin =
        EventSourcedBehaviorTestKit.<ElevatorTwin.Command, TwinEvent, TwinState>create(
            KIT.system(), ElevatorTwin.create(elevator.id(), settings, clock, health, MODEL));
    ok(
        twin.<StatusReply<String>>runCommand(
                rt -> new ElevatorTwin.Register(elevator.register(CITY.start()), TwinReplay.BY, rt))
            .reply());
    int[] monthOfDay = CitySimulator.monthOfDay(CITY);
    double[][] out = new double[monthOfDay[CITY.days() - 1] + 1][];
    for (int d = 0; d < CITY.days(); d++) {
      Instant now = TwinReplay.endOf(CITY, d);
      clock.advance(Duration.between(clock.instant(), now));
      TwinReplay.Day day = TwinReplay.Day.of(elevator, d);
      for (Report<ReportedEvent> e : day.events()) {
        ok(
            twin.<StatusReply<String>>runCommand(
                    rt -> new ElevatorTwin.ReportEvent(e.body(), TwinReplay.BY, Role.GATEWAY, rt))
                .reply());
      }
      for (Report<MaintenanceVisit> v : day.visits()) {
        ok(
            twin.<StatusReply<String>>runCommand(
                    rt -> new ElevatorTwin.RecordMaintenance(v.body(), TwinReplay.BY, rt))
                .reply());
      }
      for (Report<InspectionResult> r : day.inspections()) {
        ok(
            twin.<StatusReply<String>>runCommand(
                    rt -> new ElevatorTwin.RecordInspection(r.body(), TwinReplay.BY, rt))
                .reply());
      }
      Reading reading = elevator.reading(now).orElse(null);
      if (reading != null) { // a day the terminal reported
        ok(
            twin.<StatusReply<ElevatorTwin.ReadingsAck>>runCommand(
                    rt -> new ElevatorTwin.RecordReadings(List.of(reading), TwinReplay.BY, rt))
                .reply());
        awaitPersisted(twin, reading);
      }
      if (d == RESTART_AFTER_DAY) {
        // A snapshot holds the state as serialized: it must come back whole. Then recovery must
        // give it back.
        TwinState before = twin.getState();
        new SerializationTestKit(KIT.system()).verifySerialization(before, true);
        twin.restart();
        assertEquals(before, twin.getState(), "the state recovered from snapshot and journal");
      }
      if (CitySimulator.endsMonth(monthOfDay, d)) {
        ElevatorTwin.TwinView view =
            twin.<StatusReply<ElevatorTwin.TwinView>>runCommand(ElevatorTwin.GetTwin::new)
                .reply()
                .getValue();
        out[monthOfDay[d]] = TwinRiskFeatures.of(view.state(), view.live(), clock.instant());
      }
    }
    return out;
  }

  private static void ok(StatusReply<?> reply) {
    assertTrue(reply.isSuccess(), () -> "refused: " + reply.getError().getMessage());
  }

  /**
   * Waits for the entity's flush timer to persist the coalesced {@code reading} (its interval is 5
   * ms here).
   */
  private static void awaitPersisted(
      EventSourcedBehaviorTestKit<?, ?, TwinState> twin, Reading reading) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (twin.getState().live() == null
        || !twin.getState().live().timestamp().equals(reading.timestamp())) {
      assertTrue(System.nanoTime() < deadline, "the reading was not persisted within 5 s");
      Thread.onSpinWait();
    }
  }
}
