package io.liftguard.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The read side under a mixed load: regulators search their district's fleet (a filtered page,
 * riskiest first) and open twins from it, insurers quote policies over a few elevators and read
 * their portfolio, for {@code durationSec} (60) at {@code regulatorsPerSec} (20) and {@code
 * insurersPerSec} (5) sessions a second. The fleet of {@code elevators} (20,000) over seven
 * districts and three insurers is registered first by import jobs, and the run waits until the read
 * model lists all of it. No request may fail, and each kind's p99 must stay under {@code p99Ms}
 * (500). Settings: {@code baseUrl}, {@code adminToken}, {@code run} (id prefix, default MR).
 */
public class MixedReadsSimulation extends Simulation {
  private static final String[] DISTRICTS = {
    "Yuzhong", "Jiangbei", "Nanan", "Shapingba", "Jiulongpo", "Yubei", "Jiangjin"
  };
  private static final String[] INSURERS = {"PICC Chongqing", "Ping An P&C", "CPIC Chongqing"};
  private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:8080");
  private final String adminToken = System.getProperty("adminToken", "");
  private final int elevators = Integer.getInteger("elevators", 20_000);
  private final int durationSec = Integer.getInteger("durationSec", 60);
  private final double regulatorsPerSec =
      Double.parseDouble(System.getProperty("regulatorsPerSec", "20"));
  private final double insurersPerSec =
      Double.parseDouble(System.getProperty("insurersPerSec", "5"));
  private final int p99Ms = Integer.getInteger("p99Ms", 500);
  private final String run =
      System.getProperty("run", "MR") + (System.currentTimeMillis() / 1000 % 1_000_000);
  private final PlatformClient platform = new PlatformClient(baseUrl);
  private final String[] regulatorTokens = new String[DISTRICTS.length];
  private final String[] insurerTokens = new String[INSURERS.length];

  private final HttpProtocolBuilder protocol = PlatformClient.protocol(baseUrl);

  private String id(int n) {
    return run + "-" + String.format("%07d", n);
  }

  private String district(int n) {
    return DISTRICTS[n % DISTRICTS.length] + " " + run;
  }

  private String insurer(int n) {
    return INSURERS[n % INSURERS.length] + " " + run;
  }

  @Override
  public void before() {
    Credentials credentials = new Credentials(baseUrl, adminToken);
    for (int d = 0; d < DISTRICTS.length; d++) {
      regulatorTokens[d] =
          credentials.issue(
              "{\"id\":\""
                  + run
                  + "-regulator-"
                  + d
                  + "\",\"role\":\"regulator\",\"scope\":{\"district\":\""
                  + district(d)
                  + "\"}}");
    }
    for (int i = 0; i < INSURERS.length; i++) {
      insurerTokens[i] =
          credentials.issue(
              "{\"id\":\""
                  + run
                  + "-underwriter-"
                  + i
                  + "\",\"role\":\"insurer\",\"scope\":{\"insurer\":\""
                  + insurer(i)
                  + "\"}}");
    }
    platform.register(
        adminToken,
        elevators,
        50_000,
        n ->
            PlatformClient.registerRow(
                id(n),
                district(n),
                n % 999 + " Read Road",
                "Estate " + n % 500,
                insurer(n),
                n % 5 == 0 ? "DRUM" : "DISC",
                1996 + n % 30));
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    int listed;
    while ((listed = listed()) < elevators && System.nanoTime() < deadline) {
      System.out.printf("  read model: %d of %d%n", listed, elevators);
      PlatformClient.sleep(2000);
    }
    if (listed < elevators) {
      throw new IllegalStateException(
          "the read model lists " + listed + " of " + elevators + " after 10 minutes");
    }
  }

  /**
   * How many of this run's elevators the read model lists (the regulators' district pages summed).
   */
  private int listed() {
    int sum = 0;
    for (int d = 0; d < DISTRICTS.length; d++) {
      String body =
          platform.send(
              "GET", "/api/v1/fleet/aggregates?groupBy=district", regulatorTokens[d], null);
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\"elevators\":(\\d+)").matcher(body);
      while (m.find()) {
        sum += Integer.parseInt(m.group(1));
      }
    }
    return sum;
  }

  private static String pathSegment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private final ScenarioBuilder regulators =
      scenario("regulators")
          .exec(
              session ->
                  session
                      .set("d", ThreadLocalRandom.current().nextInt(DISTRICTS.length))
                      .set("minAge", 5 + ThreadLocalRandom.current().nextInt(20)))
          .exec(
              http("fleet search")
                  .get(
                      session ->
                          "/api/v1/fleet?minAge="
                              + session.getInt("minAge")
                              + "&brakeType="
                              + (session.getInt("minAge") % 2 == 0 ? "DRUM" : "DISC")
                              + "&sort=-faultRisk&limit=50")
                  .header(
                      "Authorization", session -> "Bearer " + regulatorTokens[session.getInt("d")])
                  .check(
                      status().is(200),
                      jsonPath("$.items[*].elevatorId").findRandom().optional().saveAs("e")))
          .doIf(session -> session.contains("e"))
          .then(
              http("twin")
                  .get(session -> "/api/v1/elevators/" + session.getString("e"))
                  .header(
                      "Authorization", session -> "Bearer " + regulatorTokens[session.getInt("d")])
                  .check(status().is(200)));

  private final ScenarioBuilder insurers =
      scenario("insurers")
          .exec(session -> session.set("i", ThreadLocalRandom.current().nextInt(INSURERS.length)))
          .exec(
              http("quote")
                  .post("/api/v1/quotes")
                  .header(
                      "Authorization", session -> "Bearer " + insurerTokens[session.getInt("i")])
                  .body(
                      StringBody(
                          session -> {
                            int i = session.getInt("i");
                            int first =
                                i
                                    + INSURERS.length
                                        * ThreadLocalRandom.current()
                                            .nextInt(elevators / INSURERS.length - 5);
                            String ids =
                                IntStream.range(0, 1 + ThreadLocalRandom.current().nextInt(4))
                                    .mapToObj(k -> "\"" + id(first + k * INSURERS.length) + "\"")
                                    .collect(Collectors.joining(","));
                            LocalDate start = LocalDate.now().plusDays(1);
                            return """
                            {"policyholder":"Estate %d","product":"liability","elevators":[%s],
                             "term":{"start":"%s","end":"%s"}}\
                            """
                                .formatted(first % 500, ids, start, start.plusYears(1));
                          }))
                  .check(status().is(201)))
          .exec(
              http("portfolio")
                  .get(
                      session ->
                          "/api/v1/insurers/"
                              + pathSegment(insurer(session.getInt("i")))
                              + "/portfolio")
                  .header(
                      "Authorization", session -> "Bearer " + insurerTokens[session.getInt("i")])
                  .check(status().is(200)));

  {
    setUp(
            regulators.injectOpen(
                constantUsersPerSec(regulatorsPerSec).during(Duration.ofSeconds(durationSec))),
            insurers.injectOpen(
                constantUsersPerSec(insurersPerSec).during(Duration.ofSeconds(durationSec))))
        .protocols(protocol)
        .assertions(
            global().failedRequests().percent().is(0.0),
            details("fleet search").responseTime().percentile(99.0).lt(p99Ms),
            details("twin").responseTime().percentile(99.0).lt(p99Ms),
            details("quote").responseTime().percentile(99.0).lt(p99Ms),
            details("portfolio").responseTime().percentile(99.0).lt(p99Ms));
  }
}
