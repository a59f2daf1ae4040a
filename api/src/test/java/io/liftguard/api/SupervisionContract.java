package io.liftguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.liftguard.api.RunningPlatform.Answer;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a regulator puts on record and reads over HTTP on a real store: which elevators of its
 * district need action today and why, the drum-brake campaign table and its statuses, complaints
 * and safety assessments.
 */
abstract class SupervisionContract {
  private static final String DISTRICT = "Dadukou";
  private RunningPlatform api;
  private String regulator;
  private final LocalDate today = TwinRules.today(Instant.now());

  abstract Map<String, Object> store();

  /** Runs after the platform of a test has stopped: drop what the store kept for it. */
  void cleanUp() {}

  @BeforeEach
  void up() throws Exception {
    api = new RunningPlatform(store(), Map.of(), Clock.systemUTC());
    regulator =
        api.token("reg-ddk", Role.REGULATOR, new Scope(DISTRICT, null, null, null, List.of()));
  }

  @AfterEach
  void down() throws Exception {
    if (api != null) {
      api.close();
    }
    cleanUp();
  }

  /** Registers an elevator of the district with dates relative to today. */
  private void register(
      String id,
      String brake,
      int ageYears,
      int inspectionDueInDays,
      int daysSinceVisit,
      boolean threeNo)
      throws Exception {
    String body =
        """
        {"registrationCode":"%s","district":"%s","street":"Chunhui","address":"8 Chunhui Road",
         "buildingType":"residential","manufacturer":"Otis","model":"GeN2","driveType":"TRACTION","brakeType":"%s",
         "ratedLoadKg":1000,"ratedSpeedMps":1.75,"floorsServed":18,"installationDate":"%s",
         "usingUnit":"Chunhui Property","maintenanceCompany":"Yongan Lift Service","insurer":"PICC Chongqing",
         "hasPropertyManagement":%s,"hasMaintenanceCompany":%s,"hasRepairFund":%s,
         "nextInspectionDue":"%s","lastMaintenanceDate":"%s"}
        """
            .formatted(
                id,
                DISTRICT,
                brake,
                today.minusYears(ageYears).minusDays(10),
                !threeNo,
                !threeNo,
                !threeNo,
                today.plusDays(inspectionDueInDays),
                today.minusDays(daysSinceVisit));
    Answer a = api.post("/api/v1/elevators", body);
    assertEquals(201, a.status(), a.raw());
  }

  private Answer record(String token, String id, String what, String body) throws Exception {
    return api.postAs(token, "/api/v1/elevators/" + id + "/" + what, "application/json", body);
  }

  private static List<String> kinds(JsonNode item) {
    List<String> out = new ArrayList<>();
    item.get("actions").forEach(a -> out.add(a.get("kind").asText()));
    return out;
  }

  private static JsonNode item(Answer a, String id) {
    for (JsonNode n : a.body().get("items")) {
      if (n.get("elevatorId").asText().equals(id)) {
        return n;
      }
    }
    return null;
  }

  @Test
  void aRegulatorSeesWhichElevatorsNeedActionTodayAndWhy() throws Exception {
    register("SV-OK", "DISC", 5, 100, 3, false);
    register("SV-OLD", "DRUM", 18, -10, 20, false);
    register("SV-3NO", "DISC", 6, 100, 3, true);
    api.awaitListed("SV-OK", "SV-OLD", "SV-3NO");

    Answer actions = api.get("/api/v1/actions?scope=district&id=" + DISTRICT, regulator);
    assertEquals(200, actions.status(), actions.raw());
    assertEquals(2, actions.body().get("elevators").asInt(), actions.raw());
    JsonNode old = actions.body().get("items").get(0);
    assertEquals("SV-OLD", old.get("elevatorId").asText(), "the overdue inspection first");
    assertEquals(
        List.of(
            "OVERDUE_INSPECTION",
            "OVERDUE_MAINTENANCE",
            "NO_SAFETY_ASSESSMENT",
            "DRUM_BRAKE_NOT_RECTIFIED"),
        kinds(old));
    assertTrue(
        old.get("actions").get(0).get("why").asText().contains("10 days overdue"), old.toString());
    assertEquals("超期未检", old.get("actions").get(0).get("nameZh").asText());
    // A 三无 elevator has no maintenance company: the risk model puts it high too.
    assertEquals("THREE_NO", kinds(actions.body().get("items").get(1)).get(0));
    assertEquals(1, actions.body().get("counts").get("THREE_NO").asInt());
    assertEquals(0, actions.body().get("counts").get("FAILED_INSPECTION").asInt());

    Answer own = api.get("/api/v1/actions", regulator);
    assertEquals(200, own.status(), "without a scope, the regulator's own district: " + own.raw());
    assertEquals(actions.body().get("items"), own.body().get("items"));
    assertEquals(DISTRICT, own.body().get("id").asText());
    Answer threeNo =
        api.get("/api/v1/actions?scope=district&id=" + DISTRICT + "&kind=three_no", regulator);
    assertEquals(1, threeNo.body().get("items").size(), threeNo.raw());
    Answer bad =
        api.get("/api/v1/actions?scope=district&id=" + DISTRICT + "&kind=overdue", regulator);
    assertEquals(400, bad.status(), bad.raw());
    assertTrue(bad.raw().contains("is not one of"), bad.raw());

    // The regulator records an assessment and the campaign's rectification: both leave the list.
    String assessment =
        """
        {"assessmentId":"SA-1","body":"Chongqing Special Equipment Institute","assessedOn":"%s",
         "conclusion":"REPAIR","remarks":"replace the door operator; repair-fund application supported"}
        """
            .formatted(today.minusDays(2));
    assertEquals(201, record(regulator, "SV-OLD", "safety-assessments", assessment).status());
    assertEquals(
        200, record(regulator, "SV-OLD", "safety-assessments", assessment).status(), "a retry");
    String rectified =
        "{\"status\":\"RECTIFIED\",\"on\":\"" + today + "\",\"note\":\"brake replaced\"}";
    assertEquals(201, record(regulator, "SV-OLD", "rectifications", rectified).status());
    Answer disc = record(regulator, "SV-OK", "rectifications", rectified);
    assertEquals(400, disc.status(), disc.raw());
    assertTrue(disc.raw().contains("covers drum brakes only"), disc.raw());
    Answer after =
        api.await(
            "/api/v1/actions?scope=district&id=" + DISTRICT,
            regulator,
            a -> item(a, "SV-OLD") != null && kinds(item(a, "SV-OLD")).size() == 2);
    assertEquals(
        List.of("OVERDUE_INSPECTION", "OVERDUE_MAINTENANCE"), kinds(item(after, "SV-OLD")));
    // The safety assessment report of the old elevator prints as a PDF.
    Answer pdf = api.get("/api/v1/elevators/SV-OLD/safety-assessment", regulator);
    assertEquals(200, pdf.status());
    assertTrue(
        pdf.raw().startsWith("%PDF-"), pdf.raw().substring(0, Math.min(40, pdf.raw().length())));
    assertEquals(404, api.get("/api/v1/elevators/SV-NONE/safety-assessment", regulator).status());
    JsonNode twin = api.get("/api/v1/elevators/SV-OLD", regulator).body();
    assertEquals(
        "REPAIR",
        twin.get("supervision").get("lastAssessment").get("conclusion").asText(),
        twin.toString());
    assertEquals("RECTIFIED", twin.get("supervision").get("drumBrake").get("status").asText());

    // Jurisdiction: another district's regulator may not read this district; nobody but regulators
    // (and the centre and admins) reads action lists.
    String other =
        api.token("reg-yb", Role.REGULATOR, new Scope("Yubei", null, null, null, List.of()));
    assertEquals(403, api.get("/api/v1/actions?scope=district&id=" + DISTRICT, other).status());
    assertEquals(
        0,
        api.get("/api/v1/actions?scope=district&id=Yubei", other).body().get("elevators").asInt());
    String insurer =
        api.token("picc", Role.INSURER, new Scope(null, "PICC Chongqing", null, null, List.of()));
    assertEquals(403, api.get("/api/v1/actions?scope=city", insurer).status());
    assertEquals(
        404,
        record(other, "SV-OLD", "rectifications", rectified).status(),
        "outside its district: hidden");
  }

  @Test
  void theDrumBrakeCampaignTableListsEveryDrumBrakeElevatorWithItsStatus() throws Exception {
    register("DB-1", "DRUM", 12, 100, 3, false);
    register("DB-2", "DRUM", 14, 100, 3, false);
    register("DB-3", "DRUM", 20, 100, 3, false);
    register("DB-4", "DISC", 3, 100, 3, false);
    api.awaitListed("DB-1", "DB-2", "DB-3", "DB-4");
    assertEquals(
        201,
        record(
                regulator,
                "DB-1",
                "rectifications",
                "{\"status\":\"ORDERED\",\"on\":\""
                    + today.minusDays(20)
                    + "\",\"note\":\"order 2026-117\"}")
            .status());
    assertEquals(
        201,
        record(
                regulator,
                "DB-2",
                "rectifications",
                "{\"status\":\"RECTIFIED\",\"on\":\"" + today.minusDays(1) + "\"}")
            .status());
    Answer earlier =
        record(
            regulator,
            "DB-2",
            "rectifications",
            "{\"status\":\"IN_PROGRESS\",\"on\":\"" + today.minusDays(5) + "\"}");
    assertEquals(409, earlier.status(), earlier.raw());
    Answer future =
        record(
            regulator,
            "DB-3",
            "rectifications",
            "{\"status\":\"ORDERED\",\"on\":\"" + today.plusDays(3) + "\"}");
    assertEquals(400, future.status(), future.raw());

    Answer table =
        api.await(
            "/api/v1/campaigns/drum-brake?scope=district&id=" + DISTRICT,
            regulator,
            a ->
                a.body().get("counts").get("RECTIFIED").asInt() == 1
                    && a.body().get("counts").get("ORDERED").asInt() == 1);
    assertEquals(3, table.body().get("total").asInt(), table.raw());
    assertEquals(1, table.body().get("counts").get("NOT_STARTED").asInt());
    assertEquals(List.of("DB-1", "DB-2", "DB-3"), ids(table));
    assertEquals("order 2026-117", table.body().get("items").get(0).get("note").asText());
    assertEquals("NOT_STARTED", table.body().get("items").get(2).get("status").asText());
    Answer page =
        api.get(
            "/api/v1/campaigns/drum-brake?scope=district&id=" + DISTRICT + "&limit=2", regulator);
    assertEquals(List.of("DB-1", "DB-2"), ids(page));
    Answer rest =
        api.get(
            "/api/v1/campaigns/drum-brake?scope=district&id="
                + DISTRICT
                + "&limit=2&after="
                + page.body().get("next").asText(),
            regulator);
    assertEquals(List.of("DB-3"), ids(rest));
    assertFalse(rest.body().hasNonNull("next"));
    Answer notStarted =
        api.get(
            "/api/v1/campaigns/drum-brake?scope=district&id=" + DISTRICT + "&status=not_started",
            regulator);
    assertEquals(List.of("DB-3"), ids(notStarted));
    // Each status is part of the elevator's life-cycle record.
    Answer history = api.get("/api/v1/elevators/DB-2/history", regulator);
    assertTrue(history.raw().contains("RectificationRecorded"), history.raw());
  }

  @Test
  void usingUnitsAndRegulatorsFileComplaintsOthersMayNot() throws Exception {
    register("CP-1", "DISC", 4, 100, 3, false);
    api.awaitListed("CP-1");
    String unit =
        api.token(
            "chunhui", Role.USING_UNIT, new Scope(null, null, null, "Chunhui Property", List.of()));
    String complaint =
        """
        {"complaintId":"12345-889","topic":"BREAKDOWNS","receivedAt":"%s","text":"out of order three times this week"}
        """
            .formatted(Instant.now().minusSeconds(3600));
    assertEquals(201, record(unit, "CP-1", "complaints", complaint).status());
    assertEquals(
        200, record(unit, "CP-1", "complaints", complaint).status(), "a retry is one complaint");
    assertEquals(
        201,
        record(regulator, "CP-1", "complaints", complaint.replace("12345-889", "12345-901"))
            .status());
    String insurer =
        api.token("picc", Role.INSURER, new Scope(null, "PICC Chongqing", null, null, List.of()));
    assertEquals(403, record(insurer, "CP-1", "complaints", complaint).status());
    Answer bad = record(unit, "CP-1", "complaints", complaint.replace("BREAKDOWNS", "RUDE"));
    assertEquals(400, bad.status(), bad.raw());
    Answer empty =
        record(
            unit,
            "CP-1",
            "complaints",
            complaint.replace("out of order three times this week", ""));
    assertEquals(400, empty.status(), empty.raw());
    assertEquals(
        2,
        api.get("/api/v1/elevators/CP-1", unit)
            .body()
            .get("supervision")
            .get("complaints")
            .asInt());
  }

  @Test
  void theQualityEvaluationRatesCompaniesAndProductsAndDisclosesTheWorst() throws Exception {
    register("QE-1", "DISC", 9, 100, 3, false);
    register("QE-2", "DISC", 11, 100, 3, false);
    register("QE-3", "DISC", 4, 100, 3, false);
    api.awaitListed("QE-1", "QE-2", "QE-3");
    for (String id : List.of("f-1", "f-2")) {
      Answer a =
          api.post(
              "/api/v1/elevators/QE-1/events",
              """
              {"eventId":"%s","type":"DOOR_CLOSE_FAILURE","phase":"RAISED","occurredAt":"%s"}
              """
                  .formatted(id, Instant.now().minusSeconds(60)));
      assertEquals(201, a.status(), a.raw());
    }
    assertEquals(
        201,
        record(
                regulator,
                "QE-2",
                "complaints",
                """
                {"complaintId":"12345-7","topic":"NOISE_OR_RIDE","receivedAt":"%s","text":"grinding noise"}
                """
                    .formatted(Instant.now().minusSeconds(60)))
            .status());
    String area = "?scope=district&id=" + DISTRICT;
    Answer disclosure =
        api.await(
            "/api/v1/disclosure" + area,
            regulator,
            a ->
                a.body().get("result").get("mostComplaints").size() == 1
                    && a.body().get("result").get("mostFailures").size() == 1
                    && a.body().get("result").get("mostFailures").get(0).get("count").asInt() == 2);
    JsonNode worst = disclosure.body().get("result").get("mostFailures").get(0);
    assertEquals("QE-1", worst.get("elevatorId").asText());
    assertEquals("Chunhui Property", worst.get("usingUnit").asText());
    assertEquals(
        "QE-2",
        disclosure.body().get("result").get("mostComplaints").get(0).get("elevatorId").asText());

    Answer products = api.get("/api/v1/quality/products" + area + "&by=model", regulator);
    assertEquals(200, products.status(), products.raw());
    JsonNode gen2 = products.body().get("result").get(0);
    assertEquals("GeN2", gen2.get("model").asText());
    assertEquals(3, gen2.get("elevators").asInt());
    assertEquals(2, gen2.get("failures").get("events").asInt());
    assertTrue(
        gen2.get("failures").get("upper95").asDouble()
            > gen2.get("failures").get("perYear").asDouble());
    assertEquals(8.0, gen2.get("meanAgeYears").asDouble(), 0.1);

    Answer ratings = api.get("/api/v1/ratings/maintenance-companies" + area, regulator);
    assertEquals(200, ratings.status(), ratings.raw());
    JsonNode yongan = ratings.body().get("result").get(0);
    assertEquals("Yongan Lift Service", yongan.get("company").asText());
    assertEquals(3.0, yongan.get("stars").asDouble(), "alone, a company is the fleet: three stars");

    String insurer =
        api.token("picc", Role.INSURER, new Scope(null, "PICC Chongqing", null, null, List.of()));
    assertEquals(403, api.get("/api/v1/ratings/maintenance-companies" + area, insurer).status());
    assertEquals(200, api.get("/api/v1/disclosure" + area, insurer).status(), "public");
    assertEquals(
        400, api.get("/api/v1/quality/products" + area + "&by=colour", regulator).status());
    assertEquals(400, api.get("/api/v1/disclosure" + area + "&months=0", regulator).status());
  }

  @Test
  void integrityChecksFlagWhatTheTerminalContradictsWithTheEvidence() throws Exception {
    register("IC-1", "DISC", 7, 100, 3, false);
    api.awaitListed("IC-1");
    Instant now = Instant.now();
    String reading =
        """
        {"elevatorId":"IC-1","timestamp":"%s","floor":3,"direction":"%s","speedMps":%s,"doorState":"CLOSED",
         "runningMode":"NORMAL","safetyCircuitClosed":true,"doorLockCircuitClosed":%s}
        """;
    // The terminal: normal two hours ago, when a fault was reported that it does not bear out (the
    // report's write carries that reading into the journal with it)...
    assertEquals(
        202,
        api.post("/api/v1/telemetry", reading.formatted(now.minusSeconds(7300), "STOPPED", 0, true))
            .status());
    // A maintenance company reports it; the terminal raises one of the same kind itself at the
    // same moment, its own evidence: only the company's report is flagged.
    String company =
        api.token(
            "yongan",
            Role.MAINTAINER,
            new Scope(null, null, "Yongan Lift Service", null, List.of()));
    String gateway =
        api.token("gw-ic", Role.GATEWAY, new Scope(null, null, null, null, List.of("IC-1")));
    String fault =
        """
        {"eventId":"%s","type":"BRAKE_SYSTEM_FAULT","phase":"RAISED","occurredAt":"%s","detail":"%s"}
        """;
    assertEquals(
        201,
        api.postAs(
                company,
                "/api/v1/elevators/IC-1/events",
                "application/json",
                fault.formatted("rep-1", now.minusSeconds(7200), "repair request"))
            .status());
    assertEquals(
        201,
        api.postAs(
                gateway,
                "/api/v1/elevators/IC-1/events",
                "application/json",
                fault.formatted("E35-1", now.minusSeconds(7200), "controller fault E35"))
            .status());
    // ...then normal, twice the car moving with its door-lock circuit open (each a safety change,
    // so persisted at once), normal in between and after, and a visit just now that the terminal,
    // normal around it, does not bear out.
    String[][] picture = {
      {"-600", "STOPPED", "0", "true"},
      {"-500", "UP", "1.5", "false"},
      {"-490", "STOPPED", "0", "true"},
      {"-400", "DOWN", "1.5", "false"},
      {"-390", "STOPPED", "0", "true"}
    };
    for (String[] r : picture) {
      Answer a =
          api.post(
              "/api/v1/telemetry",
              reading.formatted(now.plusSeconds(Long.parseLong(r[0])), r[1], r[2], r[3]));
      assertEquals(202, a.status(), a.raw());
    }
    assertEquals(
        201,
        api.post(
                "/api/v1/elevators/IC-1/maintenance",
                """
                {"visitId":"v-1","company":"Yongan Lift Service","worker":"Li Wei","kind":"ROUTINE","startedAt":"%s",
                 "endedAt":"%s"}
                """
                    .formatted(now.minusSeconds(560), now.minusSeconds(420)))
            .status());

    Answer audit = api.get("/api/v1/elevators/IC-1/integrity?days=1", regulator);
    assertEquals(200, audit.status(), audit.raw());
    List<String> kinds = new ArrayList<>();
    audit.body().get("flags").forEach(f -> kinds.add(f.get("kind").asText()));
    assertEquals(
        List.of("FAULT_WITHOUT_EVIDENCE", "VISIT_WITHOUT_INSPECTION_MODE", "MOVING_WITH_DOOR_OPEN"),
        kinds,
        audit.raw());
    assertTrue(
        audit
            .body()
            .get("flags")
            .get(0)
            .get("evidence")
            .asText()
            .contains("always in normal service"));
    assertEquals("rep-1", audit.body().get("flags").get(0).get("subject").asText());
    assertEquals(400, api.get("/api/v1/elevators/IC-1/integrity?days=0", regulator).status());
    String other =
        api.token("reg-yb", Role.REGULATOR, new Scope("Yubei", null, null, null, List.of()));
    assertEquals(
        404,
        api.get("/api/v1/elevators/IC-1/integrity", other).status(),
        "outside its district: hidden");
  }

  @Test
  void liveWarningsStreamWithinTheCallersDistrictAndResumeAfterTheLastEventSeen() throws Exception {
    register("WS-1", "DISC", 7, 100, 3, false);
    Answer other = api.post("/api/v1/elevators", ApiContract.elevator("WS-2", "Yubei", "DISC"));
    assertEquals(201, other.status(), other.raw());
    api.awaitListed("WS-1", "WS-2");
    Instant now = Instant.now();
    String moving =
        """
        {"elevatorId":"%s","timestamp":"%s","direction":"%s","speedMps":%s,"doorState":"CLOSED",
         "doorLockCircuitClosed":%s}
        """;
    // The Yubei car first, then the Dadukou car twice: each reading of a car moving with its
    // door-lock circuit open is a warning (the readings between close the circuit again).
    String[][] readings = {
      {"WS-2", "-50", "UP", "1.0", "false"},
      {"WS-1", "-40", "UP", "1.0", "false"},
      {"WS-1", "-30", "STOPPED", "0", "true"},
      {"WS-1", "-20", "DOWN", "1.0", "false"}
    };
    for (String[] r : readings) {
      Answer a =
          api.post(
              "/api/v1/telemetry",
              moving.formatted(r[0], now.plusSeconds(Long.parseLong(r[1])), r[2], r[3], r[4]));
      assertEquals(202, a.status(), a.raw());
    }
    List<Map<String, String>> events = api.sse("/api/v1/warnings/stream", regulator, null, 2);
    assertEquals(
        List.of("INTEGRITY", "INTEGRITY"), events.stream().map(e -> e.get("event")).toList());
    assertTrue(
        events.stream().allMatch(e -> e.get("data").contains("\"elevatorId\":\"WS-1\"")),
        events.toString());
    long first = Long.parseLong(events.get(0).get("id"));
    long second = Long.parseLong(events.get(1).get("id"));
    assertTrue(second > first);
    // Reconnecting after the first: the second comes first.
    List<Map<String, String>> resumed =
        api.sse("/api/v1/warnings/stream", regulator, Long.toString(first), 1);
    assertEquals(Long.toString(second), resumed.get(0).get("id"));
    // The city scope, for the rescue centre, has the Yubei warning too (projections of different
    // twins write in their own order); an insurer may not listen.
    String centre = api.token("centre-1", Role.RESCUE_CENTRE, Scope.NONE);
    List<Map<String, String>> city = api.sse("/api/v1/warnings/stream?scope=city", centre, null, 3);
    assertEquals(
        1, city.stream().filter(e -> e.get("data").contains("\"WS-2\"")).count(), city.toString());
    String insurer =
        api.token("picc", Role.INSURER, new Scope(null, "PICC Chongqing", null, null, List.of()));
    assertEquals(403, api.get("/api/v1/warnings/stream?scope=city", insurer).status());
  }

  private static List<String> ids(Answer a) {
    List<String> out = new ArrayList<>();
    a.body().get("items").forEach(n -> out.add(n.get("elevatorId").asText()));
    return out;
  }
}
