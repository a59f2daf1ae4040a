package io.liftguard.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registers a fleet against a running platform, then posts telemetry batches from gateways at a
 * steady rate. Sends only to the configured base URL (default http://127.0.0.1:8080). Needs {@code
 * adminToken} (e.g. from {@code java -jar api/target/liftguard.jar mint-token --role admin --id
 * loadtest}): with it the simulation issues one city-regulator credential per registering client
 * and one gateway credential per using unit, so each principal stays within its own rate limit as
 * real gateways would. Settings (system properties): {@code baseUrl}, {@code adminToken}, {@code
 * elevators} (default 2000), {@code registerClients} (16), {@code gateways} (20), {@code
 * batchesPerSec} (50), {@code batchSize} (20), {@code durationSec} (60), {@code p99Ms} (500). Ids
 * are prefixed with the run's start time, so runs do not collide on one store.
 */
public class RegisterAndTelemetrySimulation extends Simulation {
  private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:8080");
  private final int elevators = Integer.getInteger("elevators", 2000);
  private final int registerClients = Integer.getInteger("registerClients", 16);
  private final int gateways = Integer.getInteger("gateways", 20);
  private final String adminToken = System.getProperty("adminToken", "");
  private final List<String> registrarTokens = new ArrayList<>();
  private final List<String> gatewayTokens = new ArrayList<>();
  private final int batchesPerSec = Integer.getInteger("batchesPerSec", 50);
  private final int batchSize = Integer.getInteger("batchSize", 20);
  private final int durationSec = Integer.getInteger("durationSec", 60);
  private final int p99Ms = Integer.getInteger("p99Ms", 500);
  private final String run = "LT" + (System.currentTimeMillis() / 1000 % 1_000_000);

  private final HttpProtocolBuilder protocol = PlatformClient.protocol(baseUrl);

  private String id(int n) {
    return run + "-" + String.format("%07d", n);
  }

  /** Elevator n belongs to using unit n % gateways, whose gateway sends its telemetry. */
  private String unit(int n) {
    return run + " unit " + (n % gateways);
  }

  @Override
  public void before() {
    Credentials credentials = new Credentials(baseUrl, adminToken);
    for (int i = 0; i < registerClients; i++) {
      registrarTokens.add(
          credentials.issue("{\"id\":\"" + run + "-registrar-" + i + "\",\"role\":\"regulator\"}"));
    }
    for (int g = 0; g < gateways; g++) {
      gatewayTokens.add(
          credentials.issue(
              "{\"id\":\""
                  + run
                  + "-gateway-"
                  + g
                  + "\",\"role\":\"gateway\",\"scope\":{\"usingUnit\":\""
                  + unit(g)
                  + "\"}}"));
    }
  }

  private String register(int n) {
    String id = id(n);
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String[] types = {"RESIDENTIAL", "OFFICE", "MALL", "HOSPITAL", "SCHOOL", "STATION"};
    return """
    {"registrationCode":"%s","district":"District %d","address":"%d Load Test Road","buildingType":"%s",
     "manufacturer":"Otis","model":"GeN2","driveType":"TRACTION","brakeType":"%s","ratedLoadKg":1000,
     "ratedSpeedMps":1.75,"floorsServed":%d,"installationDate":"%d-06-01","usingUnit":"%s",
     "maintenanceCompany":"Maint %d","insurer":"Insurer %d","hasPropertyManagement":true,
     "hasMaintenanceCompany":true,"hasRepairFund":true,"nextInspectionDue":"2027-06-01",
     "lastMaintenanceDate":"2026-11-15"}
    """
        .formatted(
            id,
            r.nextInt(10),
            r.nextInt(999),
            types[r.nextInt(types.length)],
            r.nextDouble() < 0.2 ? "DRUM" : "DISC",
            6 + r.nextInt(30),
            1996 + r.nextInt(30),
            unit(n),
            r.nextInt(20),
            r.nextInt(4));
  }

  /** A batch from gateway {@code g}: readings for elevators of its using unit. */
  private String batch(int g) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    int perUnit = Math.max(1, (elevators - g + gateways - 1) / gateways);
    StringBuilder sb = new StringBuilder("[");
    Instant now = Instant.now();
    for (int i = 0; i < batchSize; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(
          """
          {"elevatorId":"%s","timestamp":"%s","floor":%d,"direction":"UP","speedMps":1.5,"doorState":"CLOSED",
           "loadKg":%d,"runningMode":"NORMAL","safetyCircuitClosed":true,"doorLockCircuitClosed":true,
           "alarmButtonPressed":false,"passengerPresent":true,"tripCount":%d,"doorCycleCount":%d,
           "condition":{"vibrationMps2":%.3f,"doorCloseTimeS":%.2f,"levellingErrorMm":%.1f,"brakeCurrentA":2.1,
           "brakeTemperatureC":%.1f}}
          """
              .formatted(
                  id(g + gateways * r.nextInt(perUnit)),
                  now,
                  1 + r.nextInt(20),
                  r.nextInt(900),
                  r.nextInt(100_000),
                  r.nextInt(200_000),
                  0.1 + r.nextDouble() * 0.1,
                  2.8 + r.nextDouble(),
                  r.nextGaussian() * 3,
                  35 + r.nextDouble() * 10));
    }
    return sb.append(']').toString();
  }

  private final AtomicInteger next = new AtomicInteger();
  private final Iterator<Map<String, Object>> ids =
      PlatformClient.endless(() -> Map.of("n", next.getAndIncrement()));

  /**
   * Loading a register is bulk work: a fixed number of concurrent clients, each registering its
   * share.
   */
  private final ScenarioBuilder registerFleet =
      scenario("register fleet")
          .repeat((elevators + registerClients - 1) / registerClients)
          .on(
              feed(ids)
                  .exec(
                      http("register elevator")
                          .post("/api/v1/elevators")
                          .header(
                              "Authorization",
                              session ->
                                  "Bearer "
                                      + registrarTokens.get(session.getInt("n") % registerClients))
                          .body(StringBody(session -> register(session.getInt("n"))))
                          .check(status().in(200, 201))));

  private final ScenarioBuilder telemetry =
      scenario("gateway telemetry")
          .exec(session -> session.set("g", ThreadLocalRandom.current().nextInt(gateways)))
          .exec(
              http("telemetry batch")
                  .post("/api/v1/telemetry")
                  .header(
                      "Authorization",
                      session -> "Bearer " + gatewayTokens.get(session.getInt("g")))
                  .body(StringBody(session -> batch(session.getInt("g"))))
                  .check(status().is(202)));

  {
    setUp(
            registerFleet
                .injectOpen(atOnceUsers(registerClients))
                .andThen(
                    telemetry.injectOpen(
                        constantUsersPerSec(batchesPerSec)
                            .during(Duration.ofSeconds(durationSec)))))
        .protocols(protocol)
        .assertions(
            global().failedRequests().percent().is(0.0),
            global().responseTime().percentile(99.0).lt(p99Ms));
  }
}
