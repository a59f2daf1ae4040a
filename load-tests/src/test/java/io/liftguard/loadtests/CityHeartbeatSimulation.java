package io.liftguard.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A city's heartbeat: every one of {@code elevators} (270,000) reports a reading every {@code
 * intervalSec} (30 s) through its gateway, for {@code durationSec} (600). Elevators are grouped
 * {@code batchSize} (100) to a gateway; each gateway posts one batch of its elevators' readings per
 * interval, so the platform takes elevators / batchSize / intervalSec batches a second (90 for the
 * defaults: 9,000 readings/s), spread evenly. No request may fail and the p99 must stay under
 * {@code p99Ms} (50). The fleet is registered first by import jobs unless {@code register=false} (a
 * platform that already holds it from an earlier run with the same {@code run}). Other settings:
 * {@code baseUrl}, {@code adminToken}, {@code run} (the id prefix, default CH).
 */
public class CityHeartbeatSimulation extends Simulation {
  private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:8080");
  private final String adminToken = System.getProperty("adminToken", "");
  private final int elevators = Integer.getInteger("elevators", 270_000);
  private final int intervalSec = Integer.getInteger("intervalSec", 30);
  private final int durationSec = Integer.getInteger("durationSec", 600);
  private final int batchSize = Integer.getInteger("batchSize", 100);
  private final int p99Ms = Integer.getInteger("p99Ms", 50);
  private final boolean register = Boolean.parseBoolean(System.getProperty("register", "true"));
  private final String run = System.getProperty("run", "CH");
  private final int gateways = (elevators + batchSize - 1) / batchSize;
  private final PlatformClient platform = new PlatformClient(baseUrl);
  private String gatewayToken;

  private final HttpProtocolBuilder protocol = PlatformClient.protocol(baseUrl);

  private String id(int n) {
    return run + "-" + String.format("%07d", n);
  }

  @Override
  public void before() {
    gatewayToken =
        new Credentials(baseUrl, adminToken)
            .issue(
                "{\"id\":\""
                    + run
                    + "-gateways\",\"role\":\"gateway\",\"scope\":{\"usingUnit\":\""
                    + run
                    + " estates\"}}");
    if (register) {
      String[] districts = {
        "Yuzhong", "Jiangbei", "Nanan", "Shapingba", "Jiulongpo", "Yubei", "Jiangjin"
      };
      platform.register(
          adminToken,
          elevators,
          50_000,
          n ->
              PlatformClient.registerRow(
                  id(n),
                  districts[n % districts.length],
                  n % 999 + " Beat Road",
                  run + " estates",
                  "PICC Chongqing",
                  "DISC",
                  1996 + n % 30));
    }
    System.out.printf(
        "city heartbeat %s: %d elevators, %d gateways of %d, a batch each every %d s = %.1f"
            + " batches/s (%.0f readings/s) for %d s%n",
        run,
        elevators,
        gateways,
        batchSize,
        intervalSec,
        (double) gateways / intervalSec,
        (double) elevators / intervalSec,
        durationSec);
  }

  private final AtomicLong beat = new AtomicLong();

  /**
   * The next gateway's batch: its elevators in a moving car, a trip count that grows with every
   * beat.
   */
  private String batch() {
    long b = beat.getAndIncrement();
    int gateway = (int) (b % gateways);
    long round = b / gateways;
    String now = Instant.now().toString();
    StringBuilder sb = new StringBuilder("[");
    for (int n = gateway * batchSize; n < Math.min(elevators, (gateway + 1) * batchSize); n++) {
      sb.append(sb.length() == 1 ? "" : ",")
          .append(
              """
              {"elevatorId":"%s","timestamp":"%s","floor":%d,"direction":"UP","speedMps":1.5,"doorState":"CLOSED",
               "loadKg":%d,"runningMode":"NORMAL","safetyCircuitClosed":true,"doorLockCircuitClosed":true,
               "passengerPresent":true,"inDoorZone":false,"tripCount":%d}\
              """
                  .formatted(
                      id(n),
                      now,
                      1 + (n + round) % 18,
                      (n * 37 + round * 11) % 900,
                      10_000 + round));
    }
    return sb.append(']').toString();
  }

  private final ScenarioBuilder heartbeat =
      scenario("city heartbeat")
          .exec(
              http("gateway batch")
                  .post("/api/v1/telemetry")
                  .header("Authorization", session -> "Bearer " + gatewayToken)
                  .body(StringBody(session -> batch()))
                  .check(status().is(202)));

  {
    setUp(
            heartbeat.injectOpen(
                constantUsersPerSec((double) gateways / intervalSec)
                    .during(Duration.ofSeconds(durationSec))))
        .protocols(protocol)
        .assertions(
            global().failedRequests().percent().is(0.0),
            global().responseTime().percentile(99.0).lt(p99Ms));
  }
}
