package io.liftguard.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A district power cut: {@code alarms} entrapment alarms within {@code stormSec} (every trapped
 * car's gateway reports it, and a share of them retries) while the district's other gateways keep
 * sending heartbeats. The fleet is registered first with one import job. Every alarm must be
 * answered 2xx (persisted), and afterwards the rescue centre must hold exactly one open case per
 * trapped elevator: none lost, none doubled (checked in {@link #after}, which fails the run
 * otherwise). Settings (system properties): {@code baseUrl}, {@code adminToken}, {@code elevators}
 * (5000), {@code alarms} (3000), {@code stormSec} (60), {@code retryShare} (0.1), {@code
 * heartbeatsPerSec} (50 batches of {@code batchSize} 20), {@code p99Ms} (1000).
 */
public class FaultStormSimulation extends Simulation {
  private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:8080");
  private final String adminToken = System.getProperty("adminToken", "");
  private final int elevators = Integer.getInteger("elevators", 5000);
  private final int alarms = Integer.getInteger("alarms", 3000);
  private final int stormSec = Integer.getInteger("stormSec", 60);
  private final double retryShare = Double.parseDouble(System.getProperty("retryShare", "0.1"));
  private final int heartbeatsPerSec = Integer.getInteger("heartbeatsPerSec", 50);
  private final int batchSize = Integer.getInteger("batchSize", 20);
  private final int p99Ms = Integer.getInteger("p99Ms", 1000);
  private final String run = "FS" + (System.currentTimeMillis() / 1000 % 1_000_000);
  private final String district = "Storm " + run;
  private final PlatformClient platform = new PlatformClient(baseUrl);
  private String gatewayToken;
  private String centreToken;

  private final HttpProtocolBuilder protocol = PlatformClient.protocol(baseUrl);

  private String id(int n) {
    return run + "-" + String.format("%07d", n);
  }

  @Override
  public void before() {
    Credentials credentials = new Credentials(baseUrl, adminToken);
    gatewayToken =
        credentials.issue(
            "{\"id\":\""
                + run
                + "-gateway\",\"role\":\"gateway\",\"scope\":{\"usingUnit\":\""
                + run
                + " unit\"}}");
    centreToken = credentials.issue("{\"id\":\"" + run + "-centre\",\"role\":\"rescue-centre\"}");
    platform.register(
        adminToken,
        elevators,
        50_000,
        n ->
            PlatformClient.registerRow(
                id(n),
                district,
                n % 999 + " Storm Road",
                run + " unit",
                "PICC Chongqing",
                "DISC",
                2012));
  }

  private final AtomicInteger nextAlarm = new AtomicInteger();

  /** The elevators an alarm was sent for (a retry repeats one of them). */
  private final Set<Integer> trappedElevators = ConcurrentHashMap.newKeySet();

  private final Iterator<Map<String, Object>> trapped =
      PlatformClient.endless(
          () -> {
            nextAlarm.incrementAndGet();
            // A share of the alarms are a gateway's retries of an alarm already sent (same event
            // id).
            int sent = trappedElevators.size();
            int elevator =
                sent > 0 && ThreadLocalRandom.current().nextDouble() < retryShare
                    ? ThreadLocalRandom.current().nextInt(sent)
                    : Math.min(sent, alarms - 1);
            trappedElevators.add(elevator);
            return Map.of("e", elevator);
          });

  private final ScenarioBuilder storm =
      scenario("entrapment alarms")
          .feed(trapped)
          .exec(
              http("entrapment alarm")
                  .post(session -> "/api/v1/elevators/" + id(session.getInt("e")) + "/events")
                  .header("Authorization", session -> "Bearer " + gatewayToken)
                  .body(
                      StringBody(
                          session ->
                              """
                              {"eventId":"cut-%d","type":"ENTRAPMENT_BETWEEN_FLOORS","phase":"RAISED","occurredAt":"%s",
                               "detail":"power cut"}\
                              """
                                  .formatted(session.getInt("e"), Instant.now())))
                  .check(status().in(200, 201)));

  private final ScenarioBuilder heartbeats =
      scenario("heartbeats")
          .exec(
              http("heartbeat batch")
                  .post("/api/v1/telemetry")
                  .header("Authorization", session -> "Bearer " + gatewayToken)
                  .body(
                      StringBody(
                          session -> {
                            ThreadLocalRandom r = ThreadLocalRandom.current();
                            StringBuilder sb = new StringBuilder("[");
                            for (int i = 0; i < batchSize; i++) {
                              sb.append(i == 0 ? "" : ",")
                                  .append(
                                      """
                                      {"elevatorId":"%s","timestamp":"%s","floor":%d,"direction":"STOPPED","speedMps":0,
                                       "doorState":"OPEN","runningMode":"NORMAL","inDoorZone":true,\
                                      "passengerPresent":false}\
                                      """
                                          .formatted(
                                              id(
                                                  alarms
                                                      + r.nextInt(Math.max(1, elevators - alarms))),
                                              Instant.now(),
                                              1 + r.nextInt(18)));
                            }
                            return sb.append(']').toString();
                          }))
                  .check(status().is(202)));

  {
    int stormUsers = (int) Math.ceil(alarms / (1.0 - retryShare));
    setUp(
            storm.injectOpen(
                constantUsersPerSec((double) stormUsers / stormSec)
                    .during(Duration.ofSeconds(stormSec))),
            heartbeats.injectOpen(
                constantUsersPerSec(heartbeatsPerSec).during(Duration.ofSeconds(stormSec + 10))))
        .protocols(protocol)
        .assertions(
            global().failedRequests().percent().is(0.0),
            details("entrapment alarm").responseTime().percentile(99.0).lt(p99Ms));
  }

  /**
   * Every trapped elevator has exactly one open rescue case, once the read models have caught up
   * (60 s at most).
   */
  @Override
  public void after() {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int cases = 0;
    int elevatorsTrapped = trappedElevators.size();
    while (System.nanoTime() < deadline) {
      cases = openCases();
      if (cases == elevatorsTrapped) {
        break;
      }
      PlatformClient.sleep(1000);
    }
    System.out.printf(
        "fault storm %s: %d alarms sent for %d elevators; %d open rescue cases%n",
        run, nextAlarm.get(), elevatorsTrapped, cases);
    if (cases != elevatorsTrapped) {
      System.err.printf(
          "FAULT STORM CHECK FAILED: %d open cases for %d trapped elevators%n",
          cases, elevatorsTrapped);
      System.exit(2);
    }
  }

  private int openCases() {
    int count = 0;
    String after = null;
    Pattern caseOfRun = Pattern.compile("\"caseId\":\"R-" + run + "-");
    Pattern next = Pattern.compile("\"next\":\"([^\"]+)\"");
    do {
      String page =
          platform.send(
              "GET",
              "/api/v1/rescues?limit=1000" + (after == null ? "" : "&after=" + after),
              centreToken,
              null);
      Matcher m = caseOfRun.matcher(page);
      while (m.find()) {
        count++;
      }
      Matcher n = next.matcher(page);
      after = n.find() ? n.group(1) : null;
    } while (after != null);
    return count;
  }
}
