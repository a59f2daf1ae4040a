package io.liftguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.liftguard.api.RunningPlatform.Answer;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP contract, end to end on a real store: every endpoint's success, its refusals (which must
 * change nothing), and a platform restart that keeps every accepted event. Subclasses bind it to a
 * store.
 */
abstract class ApiContract {
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private RunningPlatform api;

  abstract Map<String, Object> store();

  RunningPlatform start() throws Exception {
    return new RunningPlatform(
        store(),
        Map.of(
            "liftguard.api.max-batch",
            50,
            "liftguard.api.max-body-size",
            "64k",
            "liftguard.api.sync-import-rows",
            20),
        Clock.systemUTC());
  }

  @BeforeEach
  void up() throws Exception {
    api = start();
  }

  /** Runs after the platform of a test has stopped: drop what the store kept for it. */
  void cleanUp() {}

  @AfterEach
  void down() throws Exception {
    if (api != null) {
      api.close();
    }
    cleanUp();
  }

  static String elevator(String id, String district, String brake) {
    return """
    {"registrationCode":"%s","district":"%s","street":"Jijiang","address":"88 Dongmen Road",
     "buildingType":"hospital","manufacturer":"Otis","model":"GeN2","driveType":"TRACTION","brakeType":"%s",
     "ratedLoadKg":1600,"ratedSpeedMps":1.75,"floorsServed":12,"installationDate":"2008-06-01",
     "usingUnit":"Jiangjin Central Hospital","maintenanceCompany":"Yongan Lift Service","insurer":"PICC Chongqing",
     "hasPropertyManagement":true,"hasMaintenanceCompany":true,"hasRepairFund":true,
     "nextInspectionDue":"2027-05-01","lastMaintenanceDate":"2026-11-15"}
    """
        .formatted(id, district, brake);
  }

  String reading(String id, Instant at, int floor, String extra) {
    return """
    {"elevatorId":"%s","timestamp":"%s","floor":%d,"direction":"UP","speedMps":1.5,"doorState":"CLOSED",
     "loadKg":300,"runningMode":"NORMAL","safetyCircuitClosed":true,"doorLockCircuitClosed":true,
     "alarmButtonPressed":false,"passengerPresent":true,"tripCount":10,"doorCycleCount":20,
     "condition":{"vibrationMps2":0.1,"doorCloseTimeS":3.2,"levellingErrorMm":-2.5,"brakeCurrentA":2.0,
     "brakeTemperatureC":40}%s}
    """
        .formatted(id, at, floor, extra);
  }

  private void register(String id) throws Exception {
    assertEquals(201, api.post("/api/v1/elevators", elevator(id, "Jiangjin", "DRUM")).status());
  }

  private static void assertError(Answer a, int status, String mentions) {
    assertEquals(status, a.status(), a.raw());
    assertTrue(a.body().has("error"), a.raw());
    assertTrue(a.body().get("message").asText().contains(mentions), a.raw());
  }

  /** Every sample of {@code /metrics} as {@code name{labels}} -> value. */
  private Map<String, Double> scrape() throws Exception {
    Answer metrics = api.get("/metrics", null);
    assertEquals(200, metrics.status());
    Map<String, Double> samples = new java.util.HashMap<>();
    for (String line : metrics.raw().split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int space = line.lastIndexOf(' ');
        samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
    return samples;
  }

  @Test
  void metricsServeRequestsTwinsPersistenceLagRescuesAndReadings() throws Exception {
    String readings = "liftguard_readings_total";
    double readingsBefore = scrape().getOrDefault(readings, 0.0);
    register("MX-1");
    assertEquals(
        202,
        api.post(
                "/api/v1/telemetry",
                "["
                    + reading("MX-1", now.minusSeconds(20), 1, "")
                    + ","
                    + reading("MX-1", now.minusSeconds(10), 2, "")
                    + "]")
            .status());
    assertEquals(404, api.get("/api/v1/elevators/MX-1/nothing-here").status());
    api.awaitListed("MX-1");
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    Map<String, Double> m = scrape();
    // Every projection of twin events sees MX-1's registration (the fleet's is awaited above).
    List<String> twinProjections =
        List.of("fleet", "warnings", "insurance-cover-events", "rescue-alarms");
    java.util.function.Predicate<Map<String, Double>> projected =
        s ->
            twinProjections.stream()
                .allMatch(
                    p ->
                        s.getOrDefault(
                                "liftguard_projection_events_total{projection=\"" + p + "\"}", 0.0)
                            >= 1);
    while ((m.getOrDefault("liftguard_twins_live", 0.0) < 1 || !projected.test(m))
        && System.nanoTime() < deadline) {
      Thread.sleep(500); // sampled every 10 s
      m = scrape();
    }
    assertTrue(
        m.get(
                "http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/telemetry\",status=\"202\"}")
            >= 1,
        "telemetry requests by route and status");
    assertTrue(
        m.get(
                "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}")
            >= 1,
        "a request no route answers is counted without its path");
    assertTrue(
        m.keySet().stream().anyMatch(k -> k.startsWith("http_server_requests_seconds_bucket{")),
        "latency");
    assertTrue(m.keySet().stream().noneMatch(k -> k.contains("MX-1")), "no elevator id in a label");
    assertTrue(
        m.get("liftguard_persistence_writes_seconds_count{operation=\"register\",outcome=\"ok\"}")
            >= 1);
    assertTrue(m.get(readings) - readingsBefore >= 2, "readings counted: " + m.get(readings));
    assertTrue(m.get("liftguard_twins_live") >= 1, "twins live: " + m.get("liftguard_twins_live"));
    assertTrue(m.containsKey("liftguard_rescue_cases_open"));
    assertTrue(projected.test(m), "events of every projection of twin events: " + m);
    for (String p : twinProjections) {
      assertTrue(
          m.get("liftguard_projection_lag_seconds{projection=\"" + p + "\",quantile=\"0.99\"}")
              >= 0,
          p);
    }
    for (String p :
        List.of(
            "insurance",
            "rescue")) { // no policy or rescue events here: their series, without a lag
      assertTrue(m.containsKey("liftguard_projection_events_total{projection=\"" + p + "\"}"), p);
      assertTrue(
          m.containsKey(
              "liftguard_projection_lag_seconds{projection=\"" + p + "\",quantile=\"0.5\"}"),
          p);
    }
    assertTrue(m.containsKey("liftguard_projection_failures_total{projection=\"fleet\"}"));
    assertTrue(
        m.containsKey("liftguard_twin_flushes_in_flight")
            && m.containsKey("liftguard_twin_flushes_waiting"));
    assertTrue(
        m.containsKey("liftguard_twin_flushes_total{outcome=\"written\"}")
            && m.containsKey("liftguard_twin_flushes_total{outcome=\"failed\"}"));
    assertTrue(m.keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes{")));
  }

  @Test
  void healthAnswersOnceServing() throws Exception {
    Answer h = api.get("/health");
    assertEquals(200, h.status());
    assertEquals("UP", h.body().get("status").asText());
    assertEquals("AVAILABLE", h.body().get("persistence").get("status").asText());
  }

  @Test
  void registrationIsIdempotentAndConflictsNameTheFields() throws Exception {
    register("JJ-0001");
    Answer again = api.post("/api/v1/elevators", elevator("JJ-0001", "Jiangjin", "DRUM"));
    assertEquals(200, again.status());
    assertEquals("unchanged", again.body().get("outcome").asText());
    Answer conflict = api.post("/api/v1/elevators", elevator("JJ-0001", "Yuzhong", "DISC"));
    assertError(conflict, 409, "district, brakeType");
    assertEquals(
        "Jiangjin",
        api.get("/api/v1/elevators/JJ-0001").body().get("register").get("district").asText());
  }

  @Test
  void badRegistrationsAreRefusedWithTheProblemNamed() throws Exception {
    assertError(api.post("/api/v1/elevators", "{\"registrationCode\":"), 400, "malformed JSON");
    assertError(api.post("/api/v1/elevators", "{}"), 400, "registrationCode is required; district");
    assertError(
        api.post("/api/v1/elevators", elevator("../JJ", "Jiangjin", "DRUM")),
        400,
        "registrationCode '../JJ'");
    assertError(
        api.post(
            "/api/v1/elevators",
            elevator("JJ-0002", "Jiangjin", "DRUM").replace("\"model\"", "\"modle\"")),
        400,
        "unknown field 'modle'");
    assertError(
        api.post("/api/v1/elevators", elevator("JJ-0002", "Jiangjin", "WOODEN")),
        400,
        "'WOODEN' is not one of");
    assertError(
        api.post(
            "/api/v1/elevators", elevator("JJ-0002", "Jiangjin", "DRUM").replace("1600", "99999")),
        400,
        "ratedLoadKg = 99999");
    assertError(
        api.post("/api/v1/elevators", elevator("bad/id", "Jiangjin", "DRUM")),
        400,
        "registrationCode");
    assertEquals(404, api.get("/api/v1/elevators/JJ-0002").status());
  }

  @Test
  void importsARegisterAsJsonOrCsvAllOrNothing() throws Exception {
    String json =
        "[" + elevator("IM-001", "Yubei", "DISC") + "," + elevator("IM-002", "Yubei", "DRUM") + "]";
    Answer imported = api.post("/api/v1/elevators/import", json);
    assertEquals(200, imported.status(), imported.raw());
    assertEquals(2, imported.body().get("created").asInt());

    String csv =
        """
        registrationCode,district,street,address,buildingType,manufacturer,model,driveType,\
        brakeType,ratedLoadKg,ratedSpeedMps,floorsServed,installationDate,usingUnit,\
        maintenanceCompany,insurer,hasPropertyManagement,hasMaintenanceCompany,hasRepairFund,\
        nextInspectionDue,lastMaintenanceDate
        IM-003,Yubei,,1 Xinpai Road,office,KONE,MonoSpace,TRACTION,DISC,1000,2.5,30,2015-03-01,\
        Xinpai Tower,Jialing Lift Care,Ping An P&C,true,true,true,2027-01-01,2026-11-18
        IM-004,Yubei,,2 Xinpai Road,residential,Canny,C1,TRACTION,DRUM,800,1.0,11,1999-03-01,\
        Xinpai Estate,,,false,false,false,,
        """;
    Answer fromCsv = api.post("/api/v1/elevators/import", "text/csv", csv);
    assertEquals(200, fromCsv.status(), fromCsv.raw());
    assertEquals(2, fromCsv.body().get("created").asInt());
    assertTrue(api.get("/api/v1/elevators/IM-004").body().get("threeNo").asBoolean());

    // One conflicting row: nothing of this import lands, not even the new IM-005.
    String mixed =
        "[" + elevator("IM-005", "Yubei", "DISC") + "," + elevator("IM-001", "Yubei", "DRUM") + "]";
    assertError(api.post("/api/v1/elevators/import", mixed), 409, "nothing was imported");
    assertEquals(404, api.get("/api/v1/elevators/IM-005").status());

    String badRow =
        "[" + elevator("IM-006", "Yubei", "DISC") + "," + elevator("IM-007", "", "DISC") + "]";
    assertError(api.post("/api/v1/elevators/import", badRow), 400, "row 2: district is required");
    assertEquals(404, api.get("/api/v1/elevators/IM-006").status());
    assertEquals(415, api.post("/api/v1/elevators/import", "text/plain", "x").status());
  }

  @Test
  void aLargeImportRunsAsAJobWithProgressAndRowsTheTwinsRefuseAreListed() throws Exception {
    assertEquals(201, api.post("/api/v1/elevators", elevator("JB-007", "Yubei", "DISC")).status());
    StringBuilder json = new StringBuilder("[");
    for (int i = 0;
        i < 60;
        i++) { // above the 20 rows answered at once; JB-007 registered already with a disc brake
      json.append(i == 0 ? "" : ",").append(elevator(String.format("JB-%03d", i), "Yubei", "DRUM"));
    }
    Answer started = api.post("/api/v1/elevators/import", json.append("]").toString());
    assertEquals(202, started.status(), started.raw());
    String job = started.body().get("jobId").asText();
    assertEquals(60, started.body().get("rows").asInt());
    Answer done =
        api.await(
            "/api/v1/imports/" + job,
            api.adminToken,
            a -> a.status() == 200 && a.body().get("status").asText().equals("DONE"));
    assertEquals(59, done.body().get("created").asInt(), done.raw());
    assertEquals(1, done.body().get("failed").asInt());
    assertTrue(done.body().get("failures").get(0).asText().startsWith("JB-007: "), done.raw());
    assertEquals(60, done.body().get("done").asInt());
    assertTrue(done.body().get("elevatorsPerSecond").asDouble() > 0);
    // Someone else's job is not found; the same import again changes nothing but the refused row.
    String other =
        api.token("reg-yb", Role.REGULATOR, new Scope("Yubei", null, null, null, List.of()));
    assertEquals(404, api.get("/api/v1/imports/" + job, other).status());
    Answer again = api.post("/api/v1/elevators/import", json.toString());
    Answer second =
        api.await(
            "/api/v1/imports/" + again.body().get("jobId").asText(),
            api.adminToken,
            a -> a.status() == 200 && a.body().get("status").asText().equals("DONE"));
    assertEquals(0, second.body().get("created").asInt());
    assertEquals(59, second.body().get("unchanged").asInt());
  }

  @Test
  void listsRegisteredIdsPageByPage() throws Exception {
    for (String id : List.of("LS-03", "LS-01", "LS-05", "LS-02", "LS-04")) {
      register(id);
    }
    api.awaitListed("LS-01", "LS-02", "LS-03", "LS-04", "LS-05");
    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      Answer page = api.get("/api/v1/elevators?limit=2" + (after == null ? "" : "&after=" + after));
      assertEquals(200, page.status());
      page.body().get("items").forEach(n -> seen.add(n.asText()));
      after = page.body().has("next") ? page.body().get("next").asText() : null;
      pages++;
    } while (after != null);
    assertEquals(List.of("LS-01", "LS-02", "LS-03", "LS-04", "LS-05"), seen);
    assertEquals(3, pages);
    assertError(api.get("/api/v1/elevators?limit=0"), 400, "'limit' = 0");
    assertError(api.get("/api/v1/elevators?limit=abc"), 400, "must be an integer");
  }

  @Test
  void fleetSearchAndAggregatesReadTheRegisterWithinTheCallersScope() throws Exception {
    register("FA-1");
    assertEquals(201, api.post("/api/v1/elevators", elevator("FA-2", "Jiangjin", "DISC")).status());
    assertEquals(201, api.post("/api/v1/elevators", elevator("FA-3", "Yuzhong", "DISC")).status());
    assertEquals(
        201,
        api.post(
                "/api/v1/elevators/FA-1/events",
                """
                {"eventId":"fa-1","type":"DOOR_CLOSE_FAILURE","phase":"RAISED","occurredAt":"%s"}\
                """
                    .formatted(now))
            .status());
    api.awaitListed("FA-1", "FA-2", "FA-3");

    Answer drums = api.get("/api/v1/fleet?brakeType=drum");
    assertEquals(200, drums.status(), drums.raw());
    assertEquals(1, drums.body().get("items").size());
    JsonNode fa1 = drums.body().get("items").get(0);
    assertEquals("FA-1", fa1.get("elevatorId").asText());
    assertTrue(fa1.get("risk").get("faultProbability30d").asDouble() > 0, fa1.toString());
    assertEquals("Jiangjin", fa1.get("district").asText());

    List<String> pages = new ArrayList<>();
    String after = null;
    do {
      Answer page =
          api.get(
              "/api/v1/fleet?sort=-elevatorId&limit=1" + (after == null ? "" : "&after=" + after));
      assertEquals(200, page.status(), page.raw());
      page.body().get("items").forEach(n -> pages.add(n.get("elevatorId").asText()));
      after = page.body().hasNonNull("next") ? page.body().get("next").asText() : null;
    } while (after != null);
    assertEquals(List.of("FA-3", "FA-2", "FA-1"), pages);

    // The fault follows its elevator's registration in the journal: listed is not yet counted.
    Answer byDistrict =
        api.await(
            "/api/v1/fleet/aggregates?groupBy=district",
            api.adminToken,
            a ->
                a.status() == 200
                    && a.body().get("groups").get(0).get("withOpenFaults").asInt() == 1);
    assertEquals("Jiangjin", byDistrict.body().get("groups").get(0).get("key").asText());
    assertEquals(2, byDistrict.body().get("groups").get(0).get("elevators").asInt());
    assertEquals(1, byDistrict.body().get("groups").get(0).get("withOpenFaults").asInt());
    assertEquals(1, byDistrict.body().get("groups").get(1).get("elevators").asInt());

    String yuzhong =
        api.tokens.mint(
            new Principal("reg-yz", Role.REGULATOR, new Scope("Yuzhong", null, null, null, null)),
            java.time.Duration.ofHours(1));
    Answer scoped = api.get("/api/v1/fleet?district=Jiangjin", yuzhong);
    assertEquals(
        0, scoped.body().get("items").size(), "a filter never widens the scope: " + scoped.raw());
    Answer scopedAll = api.get("/api/v1/fleet", yuzhong);
    assertEquals(
        List.of("FA-3"), List.of(scopedAll.body().get("items").get(0).get("elevatorId").asText()));
    assertEquals(1, scopedAll.body().get("items").size());
    assertEquals(
        1,
        api.get("/api/v1/fleet/aggregates?groupBy=insurer", yuzhong).body().get("groups").size());
    String gateway =
        api.tokens.mint(
            new Principal("gw", Role.GATEWAY, new Scope(null, null, null, null, List.of("FA-1"))),
            java.time.Duration.ofHours(1));
    assertEquals(403, api.get("/api/v1/fleet", gateway).status());

    assertError(api.get("/api/v1/fleet?limit=0"), 400, "'limit'");
    assertError(api.get("/api/v1/fleet?brakeType=WOODEN"), 400, "'brakeType' = 'WOODEN'");
    assertError(
        api.get("/api/v1/fleet?distrct=Jiangjin"), 400, "unknown query parameter 'distrct'");
    assertError(
        api.get("/api/v1/fleet?minAge=9&maxAge=2"), 400, "minAge 9 is greater than maxAge 2");
    assertError(api.get("/api/v1/fleet?maxRisk=2"), 400, "maxRisk");
    assertError(api.get("/api/v1/fleet?online=maybe"), 400, "'online' must be true or false");
    assertError(api.get("/api/v1/fleet?sort=colour"), 400, "'sort' = 'colour'");
    assertError(api.get("/api/v1/fleet?after=not-a-cursor"), 400, "'after'");
    assertError(api.get("/api/v1/fleet/aggregates"), 400, "'groupBy' is required");
    assertError(api.get("/api/v1/fleet/aggregates?groupBy=colour"), 400, "'groupBy' = 'colour'");
  }

  @Test
  void telemetryMirrorsLiveStateAndRefusesBadBatchesWhole() throws Exception {
    register("TM-1");
    register("TM-2");
    Answer one = api.post("/api/v1/telemetry", reading("TM-1", now.minusSeconds(30), 4, ""));
    assertEquals(202, one.status(), one.raw());
    Answer batch =
        api.post(
            "/api/v1/telemetry",
            "["
                + reading("TM-1", now.minusSeconds(20), 6, "")
                + ","
                + reading("TM-2", now.minusSeconds(20), 2, "")
                + "]");
    assertEquals(202, batch.status(), batch.raw());
    assertEquals(2, batch.body().get("accepted").asInt());
    Answer twin = api.get("/api/v1/elevators/TM-1");
    assertEquals(6, twin.body().get("live").get("floor").asInt());
    assertEquals(-2.5, twin.body().get("live").get("condition").get("levellingErrorMm").asDouble());

    // Unknown elevator in a batch: 404, and TM-1's reading in the same batch is not applied.
    Answer unknown =
        api.post(
            "/api/v1/telemetry",
            "["
                + reading("TM-1", now.minusSeconds(10), 9, "")
                + ","
                + reading("TM-404", now.minusSeconds(10), 1, "")
                + "]");
    assertError(unknown, 404, "TM-404");
    assertEquals(6, api.get("/api/v1/elevators/TM-1").body().get("live").get("floor").asInt());

    assertError(
        api.post("/api/v1/telemetry", reading("TM-1", now.plusSeconds(86_400 * 365), 3, "")),
        400,
        "in the future");
    assertError(
        api.post(
            "/api/v1/telemetry",
            reading("TM-1", now, 3, "").replace("\"speedMps\":1.5", "\"speedMps\":99")),
        400,
        "speedMps = 99.0");
    assertError(
        api.post(
            "/api/v1/telemetry",
            reading("TM-1", now, 3, "").replace("\"floor\":3", "\"floor\":3.5")),
        400,
        "field 'floor'");
    assertError(
        api.post("/api/v1/telemetry", reading("TM-1", now, 3, ",\"colour\":\"red\"")),
        400,
        "unknown field 'colour'");
    assertError(
        api.post(
            "/api/v1/telemetry",
            "["
                + String.join(",", java.util.Collections.nCopies(51, reading("TM-1", now, 3, "")))
                + "]"),
        400,
        "at most 50");
    Answer huge = api.post("/api/v1/telemetry", "[" + "1,".repeat(40_000) + "1]");
    assertEquals(413, huge.status(), huge.raw());
    assertTrue(huge.body().has("error"));
    assertEquals(6, api.get("/api/v1/elevators/TM-1").body().get("live").get("floor").asInt());
  }

  @Test
  void aFieldGivenTwiceIsRefusedAndChangesNothing() throws Exception {
    register("DK-1");
    register("DK-2");
    String twoIds =
        reading("DK-1", now.minusSeconds(5), 8, "")
            .replace("\"elevatorId\":\"DK-1\"", "\"elevatorId\":\"DK-1\",\"elevatorId\":\"DK-2\"");
    assertError(api.post("/api/v1/telemetry", twoIds), 400, "Duplicate field 'elevatorId'");
    String nested =
        reading("DK-1", now.minusSeconds(5), 8, "")
            .replace("\"vibrationMps2\":0.1", "\"vibrationMps2\":0.1,\"vibrationMps2\":0.9");
    assertError(
        api.post("/api/v1/telemetry", "[" + nested + "]"), 400, "Duplicate field 'vibrationMps2'");
    assertNull(api.get("/api/v1/elevators/DK-1").body().get("live"));
    assertNull(api.get("/api/v1/elevators/DK-2").body().get("live"));

    assertError(
        api.post(
            "/api/v1/elevators",
            elevator("DK-3", "Jiangjin", "DRUM")
                .replace(
                    "\"district\":\"Jiangjin\"",
                    "\"district\":\"Jiangjin\",\"district\":\"Yuzhong\"")),
        400,
        "Duplicate field 'district'");
    assertEquals(404, api.get("/api/v1/elevators/DK-3").status());
    String csv =
        """
        registrationCode,district,street,address,buildingType,manufacturer,model,driveType,\
        brakeType,ratedLoadKg,ratedSpeedMps,floorsServed,installationDate,usingUnit,district
        DK-4,Yubei,,1 Xinpai Road,office,KONE,MonoSpace,TRACTION,DISC,1000,2.5,30,2015-03-01,\
        Xinpai Tower,Jiangjin
        """;
    assertError(
        api.post("/api/v1/elevators/import", "text/csv", csv),
        400,
        "column 'district' appears more than once");
    assertEquals(404, api.get("/api/v1/elevators/DK-4").status());
  }

  @Test
  void eventsMaintenanceAndInspectionsArePersistedAndRetriesRecognised() throws Exception {
    register("EV-1");
    String fault =
        """
        {"eventId":"gw7-1001","type":"entrapment_between_floors","phase":"RAISED",\
        "occurredAt":"%s","detail":"96333 call"}
        """
            .formatted(now.minusSeconds(60));
    Answer raised = api.post("/api/v1/elevators/EV-1/events", fault);
    assertEquals(201, raised.status(), raised.raw());
    Answer retry = api.post("/api/v1/elevators/EV-1/events", fault);
    assertEquals(200, retry.status());
    assertEquals("duplicate", retry.body().get("outcome").asText());
    assertError(
        api.post(
            "/api/v1/elevators/EV-1/events",
            fault.replace("entrapment_between_floors", "alien_landing")),
        400,
        "'alien_landing' is not one of");
    assertError(api.post("/api/v1/elevators/EV-404/events", fault), 404, "EV-404");
    assertError(
        api.post("/api/v1/elevators/EV-1/events", fault.replace("\"phase\":\"RAISED\",", "")),
        400,
        "phase is required");

    String visit =
        """
        {"visitId":"v-1","company":"Yongan Lift Service","worker":"Li Wei","kind":"RESCUE",
         "startedAt":"%s","endedAt":"%s","notes":"released passenger"}
        """
            .formatted(now.minusSeconds(50), now.minusSeconds(10));
    assertEquals(201, api.post("/api/v1/elevators/EV-1/maintenance", visit).status());
    String inspection =
        """
        {"inspectionId":"i-1","agency":"Chongqing SEI","inspectedOn":"2026-11-01","passed":true,"nextDue":"2027-11-01"}
        """;
    assertEquals(201, api.post("/api/v1/elevators/EV-1/inspections", inspection).status());
    assertError(
        api.post(
            "/api/v1/elevators/EV-1/inspections", inspection.replace("2027-11-01", "2026-10-01")),
        400,
        "nextDue 2026-10-01 must be after");

    Answer twin = api.get("/api/v1/elevators/EV-1");
    assertEquals(
        "ENTRAPMENT_BETWEEN_FLOORS", twin.body().get("openFaults").get(0).get("type").asText());
    assertEquals("非平层关人", twin.body().get("openFaults").get(0).get("nameZh").asText());
    assertEquals("2027-11-01", twin.body().get("obligations").get("nextInspectionDue").asText());
    assertEquals(1, twin.body().get("counters").get("entrapments").asInt());
    var risk = twin.body().get("risk");
    double pFault = risk.get("faultProbability30d").asDouble();
    assertTrue(pFault > 0 && pFault < 1, risk.toString());
    assertTrue(risk.get("entrapmentProbability30d").asDouble() > 0, risk.toString());
    assertTrue(risk.get("modelVersion").asText().startsWith("glm-6"), risk.toString());
    assertTrue(
        List.of("LOW", "MEDIUM", "HIGH", "CRITICAL").contains(risk.get("band").asText()),
        risk.toString());
    assertEquals(3, risk.get("topFactors").size());
    // Each cause of entrapment, and the entrapment probability is that of one or more of them.
    var byCause = risk.get("entrapmentByCause");
    double none = 1;
    for (String cause : List.of("equipment", "misuse", "external")) {
      double p = byCause.get(cause).asDouble();
      assertTrue(p > 0 && p < 1, byCause.toString());
      none *= 1 - p;
    }
    assertEquals(1 - none, risk.get("entrapmentProbability30d").asDouble(), 1e-9, risk.toString());

    // The history, page by page; the twin's own risk assessments (RiskAssessed) come with the
    // events that moved them.
    List<String> types = new ArrayList<>();
    Answer history = api.get("/api/v1/elevators/EV-1/history?limit=2");
    assertEquals(2, history.body().get("events").size());
    history.body().get("events").forEach(e -> types.add(e.get("event").get("type").asText()));
    Answer rest =
        api.get("/api/v1/elevators/EV-1/history?from=" + history.body().get("nextFrom").asLong());
    rest.body().get("events").forEach(e -> types.add(e.get("event").get("type").asText()));
    assertFalse(rest.body().has("nextFrom"));
    assertEquals(List.of("ElevatorRegistered", "RiskAssessed"), types.subList(0, 2));
    assertEquals(
        List.of("ElevatorRegistered", "FaultRaised", "MaintenanceRecorded", "InspectionRecorded"),
        types.stream().filter(t -> !t.equals("RiskAssessed")).toList());
    assertEquals(404, api.get("/api/v1/elevators/EV-404/history").status());
  }

  @Test
  void aRestartOfThePlatformKeepsEveryAcceptedEvent() throws Exception {
    register("RS-1");
    assertEquals(
        202, api.post("/api/v1/telemetry", reading("RS-1", now.minusSeconds(30), 5, "")).status());
    assertEquals(
        201,
        api.post(
                "/api/v1/elevators/RS-1/events",
                """
                {"type":"FIRE_MODE","phase":"RAISED","occurredAt":"%s"}\
                """
                    .formatted(now.minusSeconds(20)))
            .status());
    assertEquals(
        202,
        api.post(
                "/api/v1/telemetry",
                "{\"elevatorId\":\"RS-1\",\"timestamp\":\""
                    + now.minusSeconds(10)
                    + "\",\"floor\":8}")
            .status());
    String before = api.get("/api/v1/elevators/RS-1/history?limit=1000").raw();
    api.close();
    api = start();
    Answer twin = api.get("/api/v1/elevators/RS-1");
    assertEquals(200, twin.status());
    assertEquals("FIRE_MODE", twin.body().get("serviceModes").get(0).get("type").asText());
    assertEquals(8, twin.body().get("live").get("floor").asInt());
    Answer after = api.get("/api/v1/elevators/RS-1/history?limit=1000");
    assertTrue(
        after.body().get("events").size()
            >= RunningPlatform.JSON.readTree(before).get("events").size());
    assertEquals(
        RunningPlatform.JSON.readTree(before).get("events").get(1),
        after.body().get("events").get(1));
    assertNull(after.body().get("nextFrom"));
    assertEquals(
        "unchanged",
        api.post("/api/v1/elevators", elevator("RS-1", "Jiangjin", "DRUM"))
            .body()
            .get("outcome")
            .asText());
  }
}
