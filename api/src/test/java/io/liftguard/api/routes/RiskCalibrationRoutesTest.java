package io.liftguard.api.routes;

import static io.liftguard.api.routes.Principals.CLOCK;
import static io.liftguard.api.routes.Principals.GATEWAY;
import static io.liftguard.api.routes.Principals.PICC;
import static io.liftguard.kernel.readside.Sql.ts;
import static io.liftguard.kernel.readside.Sql.update;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.liftguard.api.http.Json;
import io.liftguard.kernel.MutableClock;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.twin.Fixtures;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.risk.RiskCalibration;
import io.liftguard.twin.risk.RiskModels;
import io.liftguard.twin.risk.ServingModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.junit.AfterClass;
import org.junit.Test;

/**
 * The model's calibration report: over a read model with no closed period yet, and after a period
 * in which three elevators reported faults, of which the report counts those the platform believes.
 */
public class RiskCalibrationRoutesTest extends RouteTestBase {
  private static final ReadStore STORE = InMemoryReadModel.open("calibration-routes");
  private final RiskCalibrationRoutes routes =
      new RiskCalibrationRoutes(
          new RiskCalibration(
              STORE,
              new ServingModel(RiskModels.loadDefault()),
              Duration.ofDays(30),
              Duration.ofDays(1),
              CLOCK,
              (id, from, max) -> CompletableFuture.completedFuture(List.of())),
          Executors.newSingleThreadExecutor());

  @AfterClass
  public static void close() {
    STORE.close();
  }

  @Test
  public void theReportAnswersAndItsWindowIsChecked() throws Exception {
    get(routes.routes(PICC), "/risk-calibration").assertStatusCode(StatusCodes.OK);
    var r =
        get(routes.routes(PICC), "/risk-calibration?periods=0")
            .assertStatusCode(StatusCodes.BAD_REQUEST);
    assertTrue(error(r).get("message").asText().contains("periods"));
    get(routes.routes(GATEWAY), "/risk-calibration").assertStatusCode(StatusCodes.FORBIDDEN);
  }

  @Test
  public void theReportCountsTheFaultsThePlatformBelieves() throws Exception {
    ReadStore store = InMemoryReadModel.open("calibration-counting");
    Duration period = Duration.ofDays(30);
    Instant start =
        Instant.ofEpochMilli(Math.floorDiv(CLOCK.millis(), period.toMillis()) * period.toMillis());
    MutableClock clock = new MutableClock(start.plus(Duration.ofHours(1)));
    Instant fault = start.plus(Duration.ofDays(3));
    Instant cut = start.plus(Duration.ofDays(5));
    Map<String, List<TwinEvent>> journal =
        Map.of(
            // Reported and not contradicted (no reading around it): counted.
            "E1",
            List.of(raised("f-1", EventType.BRAKE_SYSTEM_FAULT, fault)),
            // Abnormal vibration, an alarm by category, is an equipment fault: counted.
            "E2",
            List.of(raised("v-1", EventType.ABNORMAL_VIBRATION, fault)),
            // 无故障报故障: a company's report while the terminal was in normal service all along.
            // Not counted.
            "E3",
            List.of(
                normal("E3", fault.minusSeconds(300)),
                raised("f-3", EventType.DOOR_CLOSE_FAILURE, fault),
                normal("E3", fault.plusSeconds(300))),
            // A grid power cut: three elevators of the district lose power within the hour. The
            // grid's, not their equipment's: not counted.
            "E5",
            List.of(byTerminal("p-5", EventType.POWER_LOSS, cut)),
            "E6",
            List.of(byTerminal("p-6", EventType.POWER_LOSS, cut.plusSeconds(1200))),
            "E7",
            List.of(byTerminal("p-7", EventType.POWER_LOSS, cut.plusSeconds(3000))),
            // One elevator's own power loss, a day later: counted.
            "E8",
            List.of(byTerminal("p-8", EventType.POWER_LOSS, cut.plus(Duration.ofDays(1)))));
    List<Long> readFrom = new CopyOnWriteArrayList<>();
    ServingModel serving = new ServingModel(RiskModels.loadDefault());
    RiskCalibration calibration =
        new RiskCalibration(
            store,
            serving,
            period,
            Duration.ofDays(1),
            clock,
            (id, from, max) -> {
              readFrom.add(from);
              return CompletableFuture.completedFuture(journal.get(id));
            });
    try {
      store.transaction(
          c -> {
            for (String id : List.of("E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8")) {
              update(
                  c,
                  "INSERT INTO fleet_elevator (elevator_id, district, district_key, building_type,"
                      + " public_gathering, installation_date, three_no, registered_at, updated_at,"
                      + " last_seq_nr, fault_risk, entrapment_risk, risk_model) VALUES (?,"
                      + " 'Jiangjin', 'jiangjin', 'RESIDENTIAL', FALSE, DATE '2012-05-01', FALSE,"
                      + " ?, ?, 1, 0.02, 0.004, 'm')",
                  id,
                  ts(start),
                  ts(start));
            }
            return null;
          });
      assertTrue(calibration.step().isEmpty()); // the period's predictions, nothing to count yet
      store.transaction(
          c -> {
            long seqNr = 600;
            for (var e : journal.entrySet()) {
              for (TwinEvent t : e.getValue()) {
                if (t instanceof TwinEvent.FaultRaised f) {
                  update(
                      c,
                      "INSERT INTO fleet_history (elevator_id, seq_nr, kind, phase, event_type,"
                          + " event_id, occurred_at, recorded_at) VALUES (?, ?, ?, 'RAISED', ?, ?,"
                          + " ?, ?)",
                      e.getKey(),
                      seqNr,
                      f.eventType().category().name(),
                      f.eventType().name(),
                      f.eventId(),
                      ts(f.occurredAt()),
                      ts(f.recordedAt()));
                }
              }
            }
            // The cut traps passengers in two of the cars, and someone is trapped elsewhere a day
            // later: three entrapments, two independent events.
            String entrapment =
                "INSERT INTO fleet_history (elevator_id, seq_nr, kind, phase, event_type, event_id,"
                    + " occurred_at, recorded_at) VALUES (?, 2, 'ENTRAPMENT', 'RAISED',"
                    + " 'ENTRAPMENT_BETWEEN_FLOORS', ?, ?, ?)";
            update(c, entrapment, "E5", "t-5", ts(cut), ts(cut));
            update(c, entrapment, "E6", "t-6", ts(cut.plusSeconds(1200)), ts(cut));
            update(
                c,
                entrapment,
                "E1",
                "t-1",
                ts(cut.plus(Duration.ofDays(1))),
                ts(cut.plus(Duration.ofDays(1))));
            // A passenger alarm is no equipment fault, whatever it says: its history is not read.
            update(
                c,
                "INSERT INTO fleet_history (elevator_id, seq_nr, kind, phase, event_type, event_id,"
                    + " occurred_at, recorded_at) VALUES ('E4', 3, 'ALARM', 'RAISED',"
                    + " 'PASSENGER_ALARM', 'a-1', ?, ?)",
                ts(fault),
                ts(fault));
            return null;
          });
      clock.advance(period.plus(Duration.ofDays(1)));
      var counted = calibration.step().orElseThrow();
      // E8's power loss is its terminal's own: 1. E1 and E2 are the company's reports no reading
      // could check: they weigh as its record on those one could (E3, contradicted): 9 / 11 each.
      assertEquals(3, counted.observedFaults()); // 1 + 2 x 9 / 11, rounded
      assertEquals(
          9.0 / 11,
          store.transaction(
              c -> {
                try (var rs =
                    c.createStatement()
                        .executeQuery(
                            "SELECT fault_weight FROM cal_prediction WHERE elevator_id = 'E1'")) {
                  rs.next();
                  return rs.getDouble(1);
                }
              }),
          1e-12);
      assertEquals(3, counted.observedEntrapments());
      assertEquals(1.5, counted.entrapmentClustering(), 1e-9);
      assertEquals(
          List.of("E1", "E2", "E8"),
          store.transaction(
              c -> {
                List<String> faulted = new java.util.ArrayList<>();
                try (var rs =
                    c.createStatement()
                        .executeQuery(
                            "SELECT elevator_id FROM cal_prediction WHERE faulted ORDER BY 1")) {
                  while (rs.next()) {
                    faulted.add(rs.getString(1));
                  }
                }
                return faulted;
              }));
      // 500 events before each reported fault (the grid cut's too: its elevators are read)
      assertEquals(List.of(100L, 100L, 100L, 100L, 100L, 100L, 100L), readFrom);
      var report =
          Json.MAPPER.readTree(
              get(
                      new RiskCalibrationRoutes(calibration, Executors.newSingleThreadExecutor())
                          .routes(PICC),
                      "/risk-calibration")
                  .entityString());
      assertEquals(3, report.get("levels").get(0).get("observedFaults").asLong());
      assertEquals(1.5, report.get("levels").get(0).get("entrapmentClustering").asDouble(), 1e-9);
      // The segment levels: all eight are of one district and age band (no company registered).
      List<String> segments = new java.util.ArrayList<>();
      report
          .get("segments")
          .forEach(
              l ->
                  segments.add(
                      l.get("dimension").asText()
                          + " "
                          + l.get("value").asText()
                          + " "
                          + l.get("observed").asLong()));
      assertEquals(List.of("DISTRICT Jiangjin 3", "AGE_BAND 10-15 3"), segments);
      assertTrue(calibration.load());
      assertEquals(2, serving.get().segments().levels().size()); // served with its segments
    } finally {
      store.close();
    }
  }

  /** A maintenance company's report: believed unless the terminal contradicts it. */
  private static TwinEvent raised(String id, EventType type, Instant at) {
    return new TwinEvent.FaultRaised(id, type, at, null, at, "maintainer-1", Role.MAINTAINER);
  }

  private static TwinEvent byTerminal(String id, EventType type, Instant at) {
    return new TwinEvent.FaultRaised(id, type, at, null, at, "gw-1", Role.GATEWAY);
  }

  private static TwinEvent normal(String elevator, Instant at) {
    return new TwinEvent.LiveStateRecorded(Fixtures.stationary(elevator, at, true), at, "gw");
  }
}
