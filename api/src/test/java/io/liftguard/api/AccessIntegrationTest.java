package io.liftguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.api.RunningPlatform.Answer;
import io.liftguard.api.access.AuthSettings;
import io.liftguard.api.access.TokenService;
import io.liftguard.twin.TestNode;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every role against every elevator route, for an elevator inside and one outside its scope, with
 * the expected status written out by hand (not derived from the policy under test); then bad
 * tokens, rate limiting, the permission check and a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessIntegrationTest {
  private static final String YZ = "AC-YZ-1";
  private static final String JJ = "AC-JJ-1";
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @TempDir static Path dataDir;
  private RunningPlatform api;
  private final Map<String, Principal> principals = new LinkedHashMap<>();

  private RunningPlatform start() throws Exception {
    return new RunningPlatform(
        TestNode.h2(dataDir.toString()),
        Map.of("liftguard.auth.rate-limit.per-second", 5, "liftguard.auth.rate-limit.burst", 40),
        Clock.systemUTC());
  }

  @BeforeAll
  void up() throws Exception {
    api = start();
    assertEquals(
        201,
        api.post("/api/v1/elevators", elevator(YZ, "Yuzhong", "PICC", "Yongan", "Unit A"))
            .status());
    assertEquals(
        201,
        api.post("/api/v1/elevators", elevator(JJ, "Jiangjin", "PingAn", "Jialing", "Unit B"))
            .status());
    api.awaitListed(YZ, JJ);
    principals.put("admin", new Principal("t-admin", Role.ADMIN, Scope.NONE));
    principals.put(
        "regulator-yz",
        new Principal("t-reg-yz", Role.REGULATOR, new Scope("Yuzhong", null, null, null, null)));
    principals.put("regulator-city", new Principal("t-reg-city", Role.REGULATOR, Scope.NONE));
    principals.put(
        "insurer-picc",
        new Principal("t-ins", Role.INSURER, new Scope(null, "PICC", null, null, null)));
    principals.put(
        "maintainer",
        new Principal("t-mnt", Role.MAINTAINER, new Scope(null, null, "Yongan", null, null)));
    principals.put(
        "unit-a",
        new Principal("t-unit", Role.USING_UNIT, new Scope(null, null, null, "Unit A", null)));
    principals.put(
        "gateway-a",
        new Principal("t-gw-a", Role.GATEWAY, new Scope(null, null, null, "Unit A", null)));
    principals.put(
        "gateway-ids",
        new Principal("t-gw-ids", Role.GATEWAY, new Scope(null, null, null, null, List.of(JJ))));
    principals.put("rescue", new Principal("t-rescue", Role.RESCUE_CENTRE, Scope.NONE));
  }

  @AfterAll
  void down() throws Exception {
    api.close();
  }

  private String token(String name) {
    return api.tokens.mint(principals.get(name), Duration.ofHours(1));
  }

  static String elevator(
      String id, String district, String insurer, String maintainer, String unit) {
    return ApiContract.elevator(id, district, "DISC")
        .replace("\"PICC Chongqing\"", "\"" + insurer + "\"")
        .replace("\"Yongan Lift Service\"", "\"" + maintainer + "\"")
        .replace("\"Jiangjin Central Hospital\"", "\"" + unit + "\"");
  }

  /** Route name → request for one elevator, as a given token. */
  private Answer call(String route, String id, String token) throws Exception {
    String at = now.minusSeconds(30).toString();
    return switch (route) {
      case "read" -> api.get("/api/v1/elevators/" + id, token);
      case "history" -> api.get("/api/v1/elevators/" + id + "/history", token);
      case "events" ->
          api.postAs(
              token,
              "/api/v1/elevators/" + id + "/events",
              "application/json",
              "{\"type\":\"PASSENGER_ALARM\",\"phase\":\"RAISED\",\"occurredAt\":\"" + at + "\"}");
      case "maintenance" ->
          api.postAs(
              token,
              "/api/v1/elevators/" + id + "/maintenance",
              "application/json",
              "{\"company\":\"Yongan\",\"worker\":\"Li\",\"kind\":\"ROUTINE\",\"startedAt\":\""
                  + at
                  + "\",\"endedAt\":\""
                  + at
                  + "\"}");
      case "inspections" ->
          api.postAs(
              token,
              "/api/v1/elevators/" + id + "/inspections",
              "application/json",
              "{\"agency\":\"CQ"
                  + " SEI\",\"inspectedOn\":\"2026-11-01\",\"passed\":true,\"nextDue\":\"2027-11-01\"}");
      case "telemetry" ->
          api.postAs(
              token,
              "/api/v1/telemetry",
              "application/json",
              "[{\"elevatorId\":\"" + id + "\",\"timestamp\":\"" + at + "\",\"floor\":3}]");
      default -> throw new IllegalArgumentException(route);
    };
  }

  private static final List<String> ROUTES =
      List.of("read", "history", "events", "maintenance", "inspections", "telemetry");

  /**
   * Expected statuses per role, for the in-scope elevator (AC-YZ-1) and the other one (AC-JJ-1), in
   * ROUTES order.
   */
  private static final String[][] TABLE = {
    // role            AC-YZ-1 (Yuzhong, PICC, Yongan, Unit A)   AC-JJ-1 (Jiangjin, PingAn, Jialing,
    // Unit B)
    {"admin", "200 200 201 201 201 202", "200 200 201 201 201 202"},
    {"regulator-yz", "200 200 403 403 201 403", "404 404 403 403 404 403"},
    {"regulator-city", "200 200 403 403 201 403", "200 200 403 403 201 403"},
    {"insurer-picc", "200 200 403 403 403 403", "404 404 403 403 403 403"},
    {"maintainer", "200 200 201 201 403 403", "404 404 404 404 403 403"},
    {"unit-a", "200 200 201 403 403 403", "404 404 404 403 403 403"},
    {"gateway-a", "403 403 201 403 403 202", "403 403 404 403 403 404"},
    {"gateway-ids", "403 403 404 403 403 404", "403 403 201 403 403 202"},
    {"rescue", "200 200 201 403 403 403", "200 200 201 403 403 403"},
  };

  @TestFactory
  Stream<DynamicTest> everyRoleOnEveryElevatorRoute() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] row : TABLE) {
      String role = row[0];
      for (int e = 0; e < 2; e++) {
        String id = e == 0 ? YZ : JJ;
        String[] expected = row[1 + e].split(" ");
        for (int r = 0; r < ROUTES.size(); r++) {
          String route = ROUTES.get(r);
          int status = Integer.parseInt(expected[r]);
          tests.add(
              DynamicTest.dynamicTest(
                  role + " " + route + " " + id + " -> " + status,
                  () -> {
                    Answer a = call(route, id, token(role));
                    assertEquals(status, a.status(), a.raw());
                    if (status == 404) {
                      // Hidden answers exactly like an elevator that does not exist.
                      Answer missing = call(route, "AC-NONE-404", token(role));
                      assertEquals(missing.raw().replace("AC-NONE-404", id), a.raw());
                    }
                  }));
        }
      }
    }
    return tests.stream();
  }

  @Test
  void listingShowsOnlyWhatTheScopeCovers() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("admin", "[AC-JJ-1, AC-YZ-1]");
    expected.put("regulator-yz", "[AC-YZ-1]");
    expected.put("regulator-city", "[AC-JJ-1, AC-YZ-1]");
    expected.put("insurer-picc", "[AC-YZ-1]");
    expected.put("maintainer", "[AC-YZ-1]");
    expected.put("unit-a", "[AC-YZ-1]");
    expected.put("rescue", "[AC-JJ-1, AC-YZ-1]");
    for (var e : expected.entrySet()) {
      Answer a = api.get("/api/v1/elevators?after=AC-&limit=10", token(e.getKey()));
      List<String> ids = new ArrayList<>();
      a.body()
          .get("items")
          .forEach(
              n -> {
                if (n.asText().startsWith("AC-")) {
                  ids.add(n.asText());
                }
              });
      assertEquals(e.getValue(), ids.toString(), e.getKey());
    }
    assertEquals(403, api.get("/api/v1/elevators", token("gateway-a")).status());
  }

  @Test
  void registrationFollowsJurisdictionAndEveryWriteRecordsItsPrincipal() throws Exception {
    assertEquals(
        201,
        api.postAs(
                token("regulator-yz"),
                "/api/v1/elevators",
                "application/json",
                elevator("AC-YZ-2", "Yuzhong", "PICC", "Yongan", "Unit A"))
            .status());
    assertEquals(
        403,
        api.postAs(
                token("regulator-yz"),
                "/api/v1/elevators",
                "application/json",
                elevator("AC-JJ-2", "Jiangjin", "PICC", "Yongan", "Unit A"))
            .status());
    assertEquals(
        403,
        api.postAs(
                token("insurer-picc"),
                "/api/v1/elevators",
                "application/json",
                elevator("AC-YZ-3", "Yuzhong", "PICC", "Yongan", "Unit A"))
            .status());
    assertEquals(
        403,
        api.postAs(
                token("regulator-yz"),
                "/api/v1/elevators/import",
                "application/json",
                "["
                    + elevator("AC-YZ-4", "Yuzhong", "P", "Y", "U")
                    + ","
                    + elevator("AC-JJ-4", "Jiangjin", "P", "Y", "U")
                    + "]")
            .status());
    assertEquals(404, api.get("/api/v1/elevators/AC-YZ-4").status());

    assertEquals(201, call("maintenance", "AC-YZ-2", token("maintainer")).status());
    // A first reading out of the ordinary (inspection mode) is persisted at once, in the gateway's
    // name.
    assertEquals(
        202,
        api.postAs(
                token("gateway-a"),
                "/api/v1/telemetry",
                "application/json",
                "[{\"elevatorId\":"
                    + "\"AC-YZ-2\",\"timestamp\":\""
                    + now.minusSeconds(20)
                    + "\",\"runningMode\":\"INSPECTION\"}]")
            .status());
    Answer history = api.get("/api/v1/elevators/AC-YZ-2/history");
    List<String> by = new ArrayList<>();
    history
        .body()
        .get("events")
        .forEach(
            e ->
                by.add(
                    e.get("event").get("type").asText()
                        + "<-"
                        + e.get("event").get("recordedBy").asText()));
    assertEquals(
        List.of(
            "ElevatorRegistered<-t-reg-yz",
            "MaintenanceRecorded<-t-mnt",
            "LiveStateRecorded<-t-gw-a"),
        by.stream().filter(b -> !b.startsWith("RiskAssessed")).toList());
    // The first risk assessment comes with the registration, in the name of the principal who
    // registered.
    assertEquals("RiskAssessed<-t-reg-yz", by.get(1));
  }

  @Test
  void badTokensAreRefusedWith401() throws Exception {
    AuthSettings real =
        new AuthSettings(
            "", "liftguard", "liftguard-api", Duration.ofDays(1), Duration.ofDays(2), 5, 5);
    Principal admin = principals.get("admin");
    String good = token("admin");
    String tampered =
        good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
    byte[] otherSecret = "another-secret-that-is-long-enough-for-hs256".getBytes();
    String otherKey =
        new TokenService(otherSecret, real, Clock.systemUTC()).mint(admin, Duration.ofHours(1));
    byte[] platformSecret = io.liftguard.api.access.SecretStore.resolve(real, dataDir);
    String expired =
        new TokenService(
                platformSecret,
                real,
                Clock.fixed(now.minus(Duration.ofDays(3)), java.time.ZoneOffset.UTC))
            .mint(admin, Duration.ofDays(1));
    String wrongAudience =
        new TokenService(
                platformSecret,
                new AuthSettings(
                    "", "liftguard", "someone-else", Duration.ofDays(1), Duration.ofDays(2), 5, 5),
                Clock.systemUTC())
            .mint(admin, Duration.ofHours(1));
    String wrongIssuer =
        new TokenService(
                platformSecret,
                new AuthSettings(
                    "", "evil", "liftguard-api", Duration.ofDays(1), Duration.ofDays(2), 5, 5),
                Clock.systemUTC())
            .mint(admin, Duration.ofHours(1));
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("tampered", tampered);
    cases.put("other key", otherKey);
    cases.put("expired", expired);
    cases.put("wrong audience", wrongAudience);
    cases.put("wrong issuer", wrongIssuer);
    cases.put("garbage", "not.a.jwt");
    for (var c : cases.entrySet()) {
      Answer a = api.get("/api/v1/elevators/" + YZ, c.getValue());
      assertEquals(401, a.status(), c.getKey() + ": " + a.raw());
      assertEquals("unauthorized", a.body().get("error").asText());
    }
    HttpResponse<String> none =
        api.raw(HttpRequest.newBuilder(URI.create(api.base + "/api/v1/elevators/" + YZ)).build());
    assertEquals(401, none.statusCode());
    assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    HttpResponse<String> basic =
        api.raw(
            HttpRequest.newBuilder(URI.create(api.base + "/api/v1/elevators"))
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .build());
    assertEquals(401, basic.statusCode());
    assertEquals(200, api.get("/health", null).status());
  }

  @Test
  void aBurstPastTheRateLimitGets429WithRetryAfter() throws Exception {
    String t =
        api.tokens.mint(
            new Principal("t-burst", Role.INSURER, new Scope(null, "PICC", null, null, null)),
            Duration.ofHours(1));
    int limited = 0;
    String retryAfter = null;
    for (int i = 0; i < 60; i++) {
      HttpResponse<String> r =
          api.raw(
              HttpRequest.newBuilder(URI.create(api.base + "/api/v1/elevators/" + YZ))
                  .header("Authorization", "Bearer " + t)
                  .build());
      if (r.statusCode() == 429) {
        limited++;
        retryAfter = r.headers().firstValue("Retry-After").orElse(null);
      } else {
        assertEquals(200, r.statusCode());
      }
    }
    assertTrue(limited >= 10, "429s: " + limited);
    assertNotNull(retryAfter);
    assertTrue(Long.parseLong(retryAfter) >= 1);
    // Another principal is not affected.
    assertEquals(200, api.get("/api/v1/elevators/" + YZ, token("rescue")).status());
  }

  @Test
  void permissionCheckAnswersForSelfAndForOthersOnlyToAdmins() throws Exception {
    Answer self =
        api.postAs(
            token("insurer-picc"),
            "/api/v1/permissions/check",
            "application/json",
            "{\"action\":\"READ_TWIN\",\"elevatorId\":\"" + YZ + "\"}");
    assertEquals(200, self.status(), self.raw());
    assertTrue(self.body().get("allowed").asBoolean());
    Answer hidden =
        api.postAs(
            token("insurer-picc"),
            "/api/v1/permissions/check",
            "application/json",
            "{\"action\":\"READ_TWIN\",\"elevatorId\":\"" + JJ + "\"}");
    assertEquals(404, hidden.status());
    String gatewayA = "{\"id\":\"gw-x\",\"role\":\"gateway\",\"scope\":{\"usingUnit\":\"Unit A\"}}";
    Answer forOther =
        api.post(
            "/api/v1/permissions/check",
            "{\"principal\":"
                + gatewayA
                + ",\"action\":\"WRITE_TELEMETRY\",\"elevatorId\":\""
                + JJ
                + "\"}");
    assertEquals(200, forOther.status(), forOther.raw());
    assertFalse(forOther.body().get("allowed").asBoolean());
    assertEquals(404, forOther.body().get("status").asInt());
    Answer allowed =
        api.post(
            "/api/v1/permissions/check",
            "{\"principal\":"
                + gatewayA
                + ",\"action\":\"WRITE_TELEMETRY\",\"elevatorId\":\""
                + YZ
                + "\"}");
    assertTrue(allowed.body().get("allowed").asBoolean());
    assertEquals(
        403,
        api.postAs(
                token("insurer-picc"),
                "/api/v1/permissions/check",
                "application/json",
                "{\"principal\":"
                    + gatewayA
                    + ",\"action\":\"WRITE_TELEMETRY\",\"elevatorId\":\""
                    + YZ
                    + "\"}")
            .status());
  }

  @Test
  void credentialsAreIssuedByAdminsOnlyAndSurviveARestart() throws Exception {
    String request =
        "{\"principal\":{\"id\":\"gw-77\",\"role\":\"gateway\",\"scope\":{\"elevators\":[\""
            + JJ
            + "\"]}},\"ttlDays\":7}";
    assertEquals(
        403,
        api.postAs(token("regulator-city"), "/api/v1/credentials", "application/json", request)
            .status());
    assertEquals(
        400,
        api.post(
                "/api/v1/credentials",
                "{\"principal\":{\"id\":\"ins-x\",\"role\":\"insurer\",\"scope\":{}}}")
            .status());
    Answer issued = api.post("/api/v1/credentials", request);
    assertEquals(201, issued.status(), issued.raw());
    String gw = issued.body().get("token").asText();
    Answer me = api.get("/api/v1/credentials/me", gw);
    assertEquals("gateway", me.body().get("role").asText());

    api.close();
    api = start();
    assertEquals(202, call("telemetry", JJ, gw).status());
    assertEquals(404, call("telemetry", YZ, gw).status());
    Answer insurerList = api.get("/api/v1/elevators?after=AC-&limit=10", token("insurer-picc"));
    assertFalse(insurerList.raw().contains(JJ), insurerList.raw());
    assertTrue(insurerList.raw().contains(YZ), insurerList.raw());
  }
}
