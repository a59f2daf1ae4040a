package io.liftguard.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.liftguard.api.http.Json;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.ConditionSignals;
import io.liftguard.twin.domain.Direction;
import io.liftguard.twin.domain.DoorState;
import io.liftguard.twin.domain.DriveType;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.RunningMode;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.TwinState;
import io.liftguard.twin.domain.risk.RiskModel;
import io.liftguard.twin.domain.risk.TwinRiskFeatures;
import io.liftguard.twin.risk.RiskModels;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot paths of telemetry ingest, as the API and the twin run them: a reading's JSON parse and
 * validation (one, and a batch of 100), the twin's rules on a reading (merge, safety picture,
 * intelligent alarm, condition watch), and risk scoring of a twin with four months of history.
 * Average time per operation, single thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPaths {
  static final String ID = "CQ-JJ-000001";
  static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");

  String one;
  String batch;
  TwinState twin;
  Reading next;
  RiskModel model;

  @Setup
  public void setUp() {
    one = json(NOW.minusSeconds(5), 7);
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < 100; i++) {
      b.append(i == 0 ? "" : ",").append(json(NOW.minusSeconds(100 - i), 1 + i % 18));
    }
    batch = b.append("]").toString();
    RegisterData r =
        new RegisterData(
            ID,
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
            true,
            LocalDate.of(2027, 3, 1),
            LocalDate.of(2026, 11, 10));
    TwinState s =
        TwinState.empty()
            .apply(new TwinEvent.ElevatorRegistered(r, NOW.minus(Duration.ofDays(130)), "a"));
    for (int d = 120; d >= 1; d--) { // a reading a day for four months: samples, condition watch
      s =
          s.apply(
              new TwinEvent.LiveStateRecorded(
                  reading(NOW.minus(Duration.ofDays(d)), 3, 10_000L + 300L * (120 - d)),
                  NOW.minus(Duration.ofDays(d)),
                  "gw"));
    }
    twin = s;
    next = reading(NOW.minusSeconds(1), 9, 46_000L);
    model = RiskModels.loadDefault();
  }

  static Reading reading(Instant at, int floor, long trips) {
    return new Reading(
        ID,
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
        false,
        trips,
        2 * trips,
        new ConditionSignals(0.12, 3.1, 4.0, 2.2, 41.0, 12.0));
  }

  static String json(Instant at, int floor) {
    return """
    {"elevatorId":"%s","timestamp":"%s","floor":%d,"direction":"UP","speedMps":1.5,"doorState":"CLOSED",
     "loadKg":300,"runningMode":"NORMAL","safetyCircuitClosed":true,"doorLockCircuitClosed":true,
     "alarmButtonPressed":false,"passengerPresent":true,"inDoorZone":false,"tripCount":10,"doorCycleCount":20,
     "condition":{"vibrationMps2":0.1,"doorCloseTimeS":3.2,"levellingErrorMm":-2.5,"brakeCurrentA":2.0,
     "brakeTemperatureC":40}}\
    """
        .formatted(ID, at, floor);
  }

  /** One reading: JSON to a validated {@link Reading}, as {@code POST /api/v1/telemetry} does. */
  @Benchmark
  public Object parseAndValidateOneReading() {
    Reading r = Json.convert(Json.tree(one), Reading.class, "");
    return r.problems(NOW, Reading.TimeWindow.DEFAULT).isEmpty() ? r : null;
  }

  /** A batch of 100 readings (per operation: divide by 100 for a reading). */
  @Benchmark
  public Object parseAndValidateBatchOf100() {
    JsonNode tree = Json.tree(batch);
    List<Reading> readings = Json.convertEach(tree, Reading.class);
    int problems = 0;
    for (Reading r : readings) {
      problems += r.problems(NOW, Reading.TimeWindow.DEFAULT).size();
    }
    return problems == 0 ? readings : null;
  }

  /**
   * The same batch bound straight to records, without the intermediate tree (what a fast path could
   * do).
   */
  @Benchmark
  public Object bindBatchOf100WithoutTree() throws Exception {
    Reading[] readings = Json.MAPPER.readValue(batch, Reading[].class);
    int problems = 0;
    for (Reading r : readings) {
      problems += r.problems(NOW, Reading.TimeWindow.DEFAULT).size();
    }
    return problems == 0 ? readings : null;
  }

  /**
   * The twin's rules on one reading (validation, merge, safety picture, intelligent alarm,
   * warnings).
   */
  @Benchmark
  public Object twinRulesOnAReading() {
    return TwinRules.readings(
        twin, twin.live(), List.of(next), NOW, Reading.TimeWindow.DEFAULT, "gw");
  }

  /** Risk scoring: the twin's features and the GLM's 30-day probabilities with its top factors. */
  @Benchmark
  public Object riskScoring() {
    return TwinRiskFeatures.assess(model, twin, next, NOW);
  }
}
