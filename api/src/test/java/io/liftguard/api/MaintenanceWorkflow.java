package io.liftguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.liftguard.api.RunningPlatform.Answer;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The maintenance companies' half over HTTP on a real store: a using unit signs a contract, the
 * regulator issues the maintainer's certificate, the company sees its work list, and its maintainer
 * records a visit at the car while the terminal reports inspection mode; refusals change nothing,
 * and each party sees only its own.
 */
abstract class MaintenanceWorkflow {
  private static final String COMPANY = "Yongan Lift Service";
  private static final String UNIT = "Jiangjin Central Hospital";

  private RunningPlatform api;

  abstract Map<String, Object> store();

  /** Runs after the platform of a test has stopped: drop what the store kept for it. */
  void cleanUp() {}

  @BeforeEach
  void up() throws Exception {
    api = new RunningPlatform(store(), Map.of(), Clock.systemUTC());
  }

  @AfterEach
  void down() throws Exception {
    api.close();
    cleanUp();
  }

  private static String contract(String id, String company, String elevator, LocalDate today) {
    return """
    {"id":"%s","usingUnit":"%s","company":"%s","elevators":["%s"],
     "mode":{"type":"Fixed","intervalDays":15},
     "targets":{"entrapmentsPerElevatorYear":0.06,"faultsPerElevatorYear":0.5,
                "firstInspectionPassRate":0.95,"responseMinutes":30,"visitsOnTimeRate":0.98},
     "annualPricePerElevator":4800.00,"start":"%s","end":"%s"}
    """
        .formatted(id, UNIT, company, elevator, today.minusDays(30), today.plusDays(335));
  }

  private static String certificate(String number, String company, LocalDate today) {
    return """
    {"number":"%s","holder":"Li Wei","company":"%s","validFrom":"%s","validUntil":"%s"}
    """
        .formatted(number, company, today.minusYears(1), today.plusYears(1));
  }

  private static String checkIn(String visit, String elevator, String cert) {
    return """
    {"visitId":"%s","elevatorId":"%s","certificate":"%s","kind":"routine"}
    """
        .formatted(visit, elevator, cert);
  }

  private static String inspectionReading(String id, Instant at) {
    return """
    {"elevatorId":"%s","timestamp":"%s","floor":3,"direction":"STOPPED","speedMps":0.0,
     "doorState":"CLOSED","runningMode":"INSPECTION","safetyCircuitClosed":true,
     "doorLockCircuitClosed":true,"alarmButtonPressed":false,"passengerPresent":true}
    """
        .formatted(id, at);
  }

  private static void assertError(Answer a, int status, String mentions) {
    assertEquals(status, a.status(), a.raw());
    assertTrue(a.raw().contains(mentions), a.raw());
  }

  private Answer post(String token, String path, String body) throws Exception {
    return api.postAs(token, path, "application/json", body);
  }

  @Test
  void aCompanySeesItsWorkListAndRecordsAVisitWhileTheTerminalReportsInspectionMode()
      throws Exception {
    LocalDate today = TwinRules.today(Instant.now());
    for (String id : new String[] {"MT-1", "MT-2"}) {
      assertEquals(
          201,
          api.post("/api/v1/elevators", ApiContract.elevator(id, "Jiangjin", "DISC")).status());
    }
    api.awaitListed("MT-1", "MT-2");
    String unit = api.token("unit-1", Role.USING_UNIT, new Scope(null, null, null, UNIT, null));
    String company = api.token("mt-1", Role.MAINTAINER, new Scope(null, null, COMPANY, null, null));
    String other =
        api.token("mt-9", Role.MAINTAINER, new Scope(null, null, "Other Lift Co", null, null));
    String jiangjin =
        api.token("reg-1", Role.REGULATOR, new Scope("Jiangjin", null, null, null, null));
    String yubei = api.token("reg-2", Role.REGULATOR, new Scope("Yubei", null, null, null, null));

    // The regulator issues certificates; a company cannot.
    assertEquals(
        200,
        post(jiangjin, "/api/v1/maintenance/certificates", certificate("T-1", COMPANY, today))
            .status());
    assertEquals(
        200,
        post(
                jiangjin,
                "/api/v1/maintenance/certificates",
                certificate("T-9", "Other Lift Co", today))
            .status());
    assertEquals(
        403,
        post(company, "/api/v1/maintenance/certificates", certificate("T-2", COMPANY, today))
            .status());

    // The using unit signs; the parties of a contract do not change; a stranger cannot sign it.
    Answer signed =
        post(unit, "/api/v1/maintenance/contracts", contract("K-1", COMPANY, "MT-1", today));
    assertEquals(201, signed.status(), signed.raw());
    assertEquals(1, signed.body().get("versions").get(0).get("version").asInt());
    assertError(
        post(
            unit, "/api/v1/maintenance/contracts", contract("K-1", "Other Lift Co", "MT-1", today)),
        409,
        "parties");
    assertEquals(
        403,
        post(other, "/api/v1/maintenance/contracts", contract("K-2", COMPANY, "MT-1", today))
            .status());

    // Who sees the contract: its parties and the regulator of its area.
    assertEquals(200, api.get("/api/v1/maintenance/contracts/K-1", company).status());
    assertEquals(404, api.get("/api/v1/maintenance/contracts/K-1", other).status());
    api.await(
        "/api/v1/maintenance/contracts",
        jiangjin,
        a -> a.status() == 200 && a.body().get("items").size() == 1);
    assertEquals(200, api.get("/api/v1/maintenance/contracts/K-1", jiangjin).status());
    assertEquals(404, api.get("/api/v1/maintenance/contracts/K-1", yubei).status());
    assertEquals(0, api.get("/api/v1/maintenance/contracts", other).body().get("items").size());

    // The twin shows the contract covering it today (from the read model: awaited above).
    assertEquals(
        "K-1",
        api.get("/api/v1/elevators/MT-1", company)
            .body()
            .get("maintenanceContract")
            .get("contractId")
            .asText());
    assertTrue(!api.get("/api/v1/elevators/MT-2", company).body().has("maintenanceContract"));

    // The work list: the register's last visit 2026-11-15, every 15 days.
    Answer list =
        api.await(
            "/api/v1/maintenance/work-orders?status=all",
            company,
            a -> a.status() == 200 && a.body().get("items").size() == 1);
    JsonNode order = list.body().get("items").get(0);
    assertEquals("MT-1", order.get("elevatorId").asText());
    assertEquals("K-1", order.get("contractId").asText());
    assertEquals(LocalDate.of(2026, 11, 30).toString(), order.get("dueBy").asText());
    assertTrue(order.get("reasons").toString().contains("every 15 days"), order.toString());

    // Check-ins refused, nothing recorded: unknown, another company's certificate, no contract.
    assertError(
        post(company, "/api/v1/maintenance/visits", checkIn("V-0", "MT-1", "T-404")),
        400,
        "not known");
    assertError(
        post(company, "/api/v1/maintenance/visits", checkIn("V-0", "MT-1", "T-9")),
        400,
        "is not Yongan Lift Service's");
    assertError(
        post(company, "/api/v1/maintenance/visits", checkIn("V-0", "MT-2", "T-1")),
        400,
        "not under a contract");
    assertEquals(
        403, post(unit, "/api/v1/maintenance/visits", checkIn("V-0", "MT-1", "T-1")).status());

    // The terminal reports inspection mode; the maintainer checks in (a retry changes nothing).
    assertEquals(
        202,
        api.post("/api/v1/telemetry", inspectionReading("MT-1", Instant.now().minusSeconds(5)))
            .status());
    Answer in = post(company, "/api/v1/maintenance/visits", checkIn("V-1", "MT-1", "T-1"));
    assertEquals(201, in.status(), in.raw());
    assertEquals("checked-in", in.body().get("outcome").asText());
    assertEquals(
        "duplicate",
        post(company, "/api/v1/maintenance/visits", checkIn("V-1", "MT-1", "T-1"))
            .body()
            .get("outcome")
            .asText());
    api.await(
        "/api/v1/maintenance/work-orders?status=open",
        company,
        a -> a.status() == 200 && a.body().get("items").size() == 1);

    // A check-out before the check-in is refused; then the visit is recorded.
    assertError(
        post(
            company,
            "/api/v1/maintenance/visits/V-1/check-out",
            "{\"elevatorId\":\"MT-1\",\"at\":\"" + Instant.now().minusSeconds(3600) + "\"}"),
        400,
        "before the check-in");
    Answer out =
        post(
            company,
            "/api/v1/maintenance/visits/V-1/check-out",
            "{\"elevatorId\":\"MT-1\",\"notes\":\"half-monthly items"
                + " done\",\"tier\":\"half_monthly\"}");
    assertEquals(200, out.status(), out.raw());
    assertEquals("checked-out", out.body().get("outcome").asText());
    // Inspection mode was seen; a visit of seconds cannot have done the half-monthly items.
    assertEquals(1, out.body().get("flags").size(), out.raw());
    assertTrue(out.body().get("flags").get(0).asText().contains("less than the 30 min"), out.raw());

    JsonNode history = api.get("/api/v1/elevators/MT-1/history?limit=100").body().get("events");
    JsonNode checkedOut = null;
    for (JsonNode e : history) {
      if ("MaintainerCheckedOut".equals(e.get("event").get("type").asText())) {
        checkedOut = e.get("event");
      }
    }
    assertTrue(
        checkedOut != null && checkedOut.get("inspectionSeen").asBoolean(), history.toString());

    // Visited today: next due in 15 days, and nothing open.
    api.await(
        "/api/v1/maintenance/work-orders?status=all",
        company,
        a ->
            a.status() == 200
                && a.body()
                    .get("items")
                    .get(0)
                    .get("dueBy")
                    .asText()
                    .equals(today.plusDays(15).toString()));
    assertEquals(
        0,
        api.get("/api/v1/maintenance/work-orders?status=open", company).body().get("items").size());
  }
}
