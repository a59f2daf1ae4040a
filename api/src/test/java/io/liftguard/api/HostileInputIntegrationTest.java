package io.liftguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.liftguard.api.RunningPlatform.Answer;
import io.liftguard.twin.TestNode;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and malformed requests, each answered with a JSON error naming what is wrong, and none
 * reaching a twin, a policy or a read model: amounts and dates beyond what the stores hold, cursors
 * and months that do not parse, control characters, a parameter given twice, requests the HTTP
 * layer itself refuses. Store-independent: the embedded store.
 */
class HostileInputIntegrationTest {
  @TempDir Path dataDir;
  private RunningPlatform api;
  private final LocalDate today = TwinRules.today(Instant.now());

  @BeforeEach
  void up() throws Exception {
    api = new RunningPlatform(TestNode.h2(dataDir.toString()), Map.of(), Clock.systemUTC());
  }

  @AfterEach
  void down() throws Exception {
    api.close();
  }

  private static void assertError(Answer a, int status, String mentions) {
    assertEquals(status, a.status(), a.raw());
    assertTrue(
        a.body() != null && a.body().has("error") && a.body().has("message"),
        "a JSON error: " + a.raw());
    assertTrue(a.raw().contains(mentions), "mentions '" + mentions + "': " + a.raw());
  }

  private String claimsOf(String... elevators) throws Exception {
    for (String id : elevators) {
      assertEquals(
          201,
          api.post("/api/v1/elevators", ApiContract.elevator(id, "Jiangjin", "DISC")).status());
    }
    api.awaitListed(elevators);
    String picc =
        api.token("picc", Role.INSURER, new Scope(null, "PICC Chongqing", null, null, List.of()));
    Answer quote =
        api.postAs(
            picc,
            "/api/v1/quotes",
            "application/json",
            """
            {"policyholder":"Jiangjin Central Hospital","product":"liability","elevators":["%s"],
             "term":{"start":"%s","end":"%s"}}\
            """
                .formatted(elevators[0], today, today.plusYears(1)));
    assertEquals(201, quote.status(), quote.raw());
    String id = quote.body().get("policyId").asText();
    assertEquals(
        201,
        api.postAs(picc, "/api/v1/policies", "application/json", "{\"quoteId\":\"" + id + "\"}")
            .status());
    return "/api/v1/policies/" + id;
  }

  @Test
  void amountsBeyondWhatTheBooksHoldAreRefusedAtTheEdge() throws Exception {
    String policy = claimsOf("HX-1");
    String claim =
        """
        {"claimId":"c-%s","elevatorId":"HX-1","cause":"injury","occurredAt":"%s","amount":%s}\
        """;
    Instant at = Instant.now(); // the cover runs from the bind, a moment ago
    for (String amount : List.of("100000000000000", "\"1e999\"", "1e999999999", "12.345")) {
      assertError(
          api.post(policy + "/claims", claim.formatted(amount.hashCode(), at, amount)),
          400,
          "amount");
    }
    assertEquals(201, api.post(policy + "/claims", claim.formatted("ok", at, "5000")).status());
    assertError(api.post(policy + "/claims/c-ok/assess", "{\"loss\":1e999999999}"), 400, "loss");
    assertEquals(
        200,
        api.post(policy + "/claims/c-ok/assess", "{\"loss\":4000}").status(),
        "the entity still answers");
    assertError(
        api.post(policy + "/cancel", "{\"note\":\"" + "x".repeat(600) + "\"}"), 400, "note");
  }

  @Test
  void datesOutsideWhatThePlatformKeepsAreRefusedAndNothingIsStored() throws Exception {
    assertEquals(
        201,
        api.post("/api/v1/elevators", ApiContract.elevator("HX-2", "Jiangjin", "DRUM")).status());
    api.awaitListed("HX-2");
    assertError(
        api.post(
            "/api/v1/elevators/HX-2/inspections",
            """
            {"inspectionId":"i-x","agency":"Chongqing SEI","inspectedOn":"-999999999-01-01","passed":true,
             "nextDue":"2027-11-01"}\
            """),
        400,
        "inspectedOn");
    assertError(
        api.post(
            "/api/v1/elevators/HX-2/rectifications",
            "{\"status\":\"ORDERED\",\"on\":\"-999999999-01-01\"}"),
        400,
        "on");
    String centre = api.token("centre", Role.RESCUE_CENTRE, Scope.NONE);
    assertError(
        api.postAs(
            centre,
            "/api/v1/rescues",
            "application/json",
            "{\"elevatorId\":\"HX-2\",\"callId\":\"c-x\",\"alarmAt\":\"-999999999-01-01T00:00:00Z\"}"),
        400,
        "alarmAt");
    assertError(
        api.postAs(
            centre,
            "/api/v1/rescues",
            "application/json",
            "{\"elevatorId\":\"HX-2\",\"callId\":\"c-y\",\"alarmAt\":\"+169108099-07-05T00:00:00Z\"}"),
        400,
        "alarmAt");
    assertEquals(0, api.get("/api/v1/rescues", centre).body().get("items").size());
    JsonNode history = api.get("/api/v1/elevators/HX-2/history").body().get("events");
    for (JsonNode e : history) {
      assertTrue(!e.toString().contains("999999999"), e.toString());
    }
  }

  @Test
  void queryParametersThatDoNotParseAre400sNamingTheParameter() throws Exception {
    for (String[] c :
        new String[][] {
          {"faultRisk", "abc"},
          {"installationDate", "2026-13-45"},
          {"lastReportAt", "+999999999-01-01T00:00:00Z"},
          {"openFaults", "1.5"},
          {"maintenanceDue", "-999999999-01-01"}
        }) {
      String cursor =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  (c[0] + "\u001f" + c[1] + "\u001fX").getBytes(StandardCharsets.UTF_8));
      assertError(api.get("/api/v1/fleet?sort=" + c[0] + "&after=" + cursor), 400, "'after'");
    }
    assertError(api.get("/api/v1/kpis?month=%2B999999999-12"), 400, "'month'");
    assertError(api.get("/api/v1/kpis?month=2026-13"), 400, "'month'");
    assertError(
        api.get("/api/v1/insurers/PICC%20Chongqing/bordereau?from=-999999999-01-01"),
        400,
        "'from'");
    assertError(api.get("/api/v1/fleet?limit=1&limit=1000"), 400, "[limit] given more than once");
  }

  @Test
  void controlCharactersAndBidiOverridesAreRefusedInJsonAndCsv() throws Exception {
    for (String bad : List.of("\\u0000", "\\u001b[31m", "\\u202e")) {
      Answer a =
          api.post(
              "/api/v1/elevators",
              ApiContract.elevator("HX-3", "Jiangjin", "DISC")
                  .replace("88 Dongmen Road", "88 Dongmen" + bad + "Road"));
      assertError(a, 400, "address");
    }
    String csv =
        String.join(
                ",",
                "registrationCode",
                "district",
                "street",
                "address",
                "buildingType",
                "manufacturer",
                "model",
                "driveType",
                "brakeType",
                "ratedLoadKg",
                "ratedSpeedMps",
                "floorsServed",
                "installationDate",
                "usingUnit",
                "maintenanceCompany",
                "insurer",
                "hasPropertyManagement",
                "hasMaintenanceCompany",
                "hasRepairFund",
                "nextInspectionDue",
                "lastMaintenanceDate")
            + "\n"
            + "HX-4,Yubei,,1 Xinpai\u001b"
            + " Road,office,KONE,MonoSpace,TRACTION,DISC,1000,2.5,30,2015-03-01,Xinpai"
            + " Tower,Jialing Lift Care,Ping An P&C,true,true,true,2027-01-01,2026-11-18\n";
    assertError(api.post("/api/v1/elevators/import", "text/csv", csv), 400, "U+001B");
    assertEquals(404, api.get("/api/v1/elevators/HX-3").status());
    assertEquals(404, api.get("/api/v1/elevators/HX-4").status());
  }

  @Test
  void requestsTheHttpLayerRefusesAreAnsweredInJsonToo() throws Exception {
    HttpResponse<String> longUri =
        api.raw(
            HttpRequest.newBuilder(URI.create(api.base + "/api/v1/elevators/" + "x".repeat(3000)))
                .build());
    assertJsonError(
        longUri.statusCode(),
        longUri.headers().firstValue("Content-Type").orElse(""),
        longUri.body(),
        414);
    HttpResponse<String> bigHeader =
        api.raw(
            HttpRequest.newBuilder(URI.create(api.base + "/health"))
                .header("X-Filler", "y".repeat(100_000))
                .build());
    assertJsonError(
        bigHeader.statusCode(),
        bigHeader.headers().firstValue("Content-Type").orElse(""),
        bigHeader.body(),
        431);
    // What no HTTP client library lets through: over a socket.
    assertJsonError(rawRequest("GET /health HTTP/1.1\r\nHost: x\r\nX-Bad: a\rb\r\n\r\n"), 400);
    assertJsonError(
        rawRequest(
            "POST /api/v1/telemetry HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        400);
  }

  private static void assertJsonError(int status, String contentType, String body, int expected) {
    assertEquals(expected, status, body);
    assertTrue(contentType.startsWith("application/json"), contentType + ": " + body);
    assertTrue(body.contains("\"error\"") && body.contains("\"message\""), body);
  }

  private void assertJsonError(String response, int expected) {
    String[] headAndBody = response.split("\r\n\r\n", 2);
    String statusLine = headAndBody[0].lines().findFirst().orElse("");
    assertTrue(statusLine.startsWith("HTTP/1.1 " + expected), response);
    assertTrue(headAndBody[0].toLowerCase().contains("content-type: application/json"), response);
    assertTrue(headAndBody.length > 1 && headAndBody[1].contains("\"error\""), response);
  }

  private String rawRequest(String request) throws Exception {
    URI base = URI.create(api.base);
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
