package io.liftguard.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.liftguard.sim.LiveCity;
import io.liftguard.sim.SimConfig;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The fleet simulator in real-time mode against a running platform: imports the simulated city's
 * register, then gateways (one principal per group of elevators) send each tick's terminal
 * readings, and the faults, entrapments, visits and inspections of every simulated day that ends
 * are reported. Only to {@code baseUrl} (default http://127.0.0.1:8080). Settings (system
 * properties): {@code adminToken} (required), {@code elevators} (2000), {@code gateways} (20),
 * {@code tickSec} (5), {@code simulatedDaySec} (30), {@code durationSec} (120), {@code seed} (1),
 * {@code p99Ms} (500). Ids carry a per-run prefix, so runs do not collide on one store.
 */
public class SimulatedCitySimulation extends Simulation {
  private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:8080");
  private final String adminToken = System.getProperty("adminToken", "");
  private final int elevators = Integer.getInteger("elevators", 2000);
  private final int gateways = Integer.getInteger("gateways", 20);
  private final int tickSec = Integer.getInteger("tickSec", 5);
  private final int simulatedDaySec = Integer.getInteger("simulatedDaySec", 30);
  private final int durationSec = Integer.getInteger("durationSec", 120);
  private final int p99Ms = Integer.getInteger("p99Ms", 500);
  private final long seed = Long.getLong("seed", 1L);
  private final String run = "LT" + (System.currentTimeMillis() / 1000 % 1_000_000);

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  private final Instant start = Instant.now();
  private final LiveCity city =
      new LiveCity(
          // Every elevator's terminal reads every tick: the load is the fleet's, not its gaps'.
          SimConfig.defaults(seed, elevators, 3650).withTerminals(SimConfig.Terminals.PERFECT),
          start,
          Duration.ofSeconds(simulatedDaySec),
          run);
  private final List<RegisterData> register = city.register(TwinRules.today(start));
  private final List<String> gatewayTokens = new ArrayList<>();

  /** Per gateway: the newest readings of its elevators. */
  private final List<List<Reading>> latest = new ArrayList<>();

  /** Reports waiting to be sent: path and JSON body. */
  private final ConcurrentLinkedQueue<List<String>> reports = new ConcurrentLinkedQueue<>();

  private Instant lastTick = Instant.EPOCH;

  private int gatewayOf(String elevatorId) {
    return Integer.parseInt(elevatorId.substring(elevatorId.length() - 7)) % gateways;
  }

  private String write(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void before() {
    Credentials credentials = new Credentials(baseUrl, adminToken);
    for (int g = 0; g < gateways; g++) {
      List<String> bound = new ArrayList<>();
      for (RegisterData r : register) {
        if (gatewayOf(r.registrationCode()) == g) {
          bound.add(r.registrationCode());
        }
      }
      String principal =
          write(
              Map.of(
                  "id",
                  run + "-gateway-" + g,
                  "role",
                  "gateway",
                  "scope",
                  Map.of("elevators", bound)));
      gatewayTokens.add(credentials.issue(principal));
      latest.add(List.of());
    }
  }

  /** Advances the city when a tick is due; readings go to their gateways, reports to the queue. */
  private synchronized void advance() {
    Instant now = Instant.now();
    if (Duration.between(lastTick, now).getSeconds() < tickSec) {
      return;
    }
    lastTick = now;
    LiveCity.Tick tick = city.tick(now);
    List<List<Reading>> byGateway = new ArrayList<>();
    for (int g = 0; g < gateways; g++) {
      byGateway.add(new ArrayList<>());
    }
    tick.readings().forEach(r -> byGateway.get(gatewayOf(r.elevatorId())).add(r));
    for (int g = 0; g < gateways; g++) {
      latest.set(g, byGateway.get(g));
    }
    tick.events()
        .forEach(
            e ->
                reports.add(
                    List.of("/api/v1/elevators/" + e.elevatorId() + "/events", write(e.body()))));
    tick.visits()
        .forEach(
            v ->
                reports.add(
                    List.of(
                        "/api/v1/elevators/" + v.elevatorId() + "/maintenance", write(v.body()))));
    tick.inspections()
        .forEach(
            i ->
                reports.add(
                    List.of(
                        "/api/v1/elevators/" + i.elevatorId() + "/inspections", write(i.body()))));
  }

  private List<List<String>> takeReports(int max) {
    List<List<String>> out = new ArrayList<>();
    List<String> r;
    while (out.size() < max && (r = reports.poll()) != null) {
      out.add(r);
    }
    return out;
  }

  private final HttpProtocolBuilder protocol = PlatformClient.protocol(baseUrl);

  private final ScenarioBuilder importRegister =
      scenario("import simulated register")
          .foreach(
              session -> {
                List<String> chunks = new ArrayList<>();
                for (int i = 0; i < register.size(); i += 500) {
                  chunks.add(write(register.subList(i, Math.min(register.size(), i + 500))));
                }
                return chunks;
              },
              "chunk")
          .on(
              io.gatling.javaapi.core.CoreDsl.exec(
                  http("import register chunk")
                      .post("/api/v1/elevators/import")
                      .header("Authorization", "Bearer " + adminToken)
                      .body(StringBody("#{chunk}"))
                      .check(status().is(200))));

  private final ScenarioBuilder gatewayTraffic =
      scenario("simulated gateways")
          .exec(
              session -> {
                advance();
                int g = ThreadLocalRandom.current().nextInt(gateways);
                return session
                    .set("g", g)
                    .set("batch", write(latest.get(g)))
                    .set("reports", takeReports(20));
              })
          .doIf(session -> !latest.get(session.getInt("g")).isEmpty())
          .then(
              io.gatling.javaapi.core.CoreDsl.exec(
                  http("telemetry batch")
                      .post("/api/v1/telemetry")
                      .header(
                          "Authorization",
                          session -> "Bearer " + gatewayTokens.get(session.getInt("g")))
                      .body(StringBody("#{batch}"))
                      .check(status().is(202))))
          .foreach("#{reports}", "report")
          .on(
              io.gatling.javaapi.core.CoreDsl.exec(
                  http("report")
                      .post(session -> session.<List<String>>get("report").get(0))
                      .header("Authorization", "Bearer " + adminToken)
                      .body(StringBody(session -> session.<List<String>>get("report").get(1)))
                      .check(status().in(200, 201))));

  {
    setUp(
            importRegister
                .injectOpen(atOnceUsers(1))
                .andThen(
                    gatewayTraffic.injectOpen(
                        constantUsersPerSec((double) gateways / tickSec)
                            .during(Duration.ofSeconds(durationSec)))))
        .protocols(protocol)
        .assertions(
            global().failedRequests().percent().is(0.0),
            global().responseTime().percentile(99.0).lt(p99Ms));
  }
}
