package io.liftguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.liftguard.api.RunningPlatform.Answer;
import io.liftguard.fleet.FleetProjection;
import io.liftguard.kernel.readside.ReadSideSettings;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.twin.TwinSettings;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.javadsl.ProjectionManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 96333 rescue workflow over HTTP on a real store: an entrapment a gateway reports opens one
 * case, which the centre works through step by step; calls opened by phone; scope; clocks that run
 * out are escalated; a district power cut trapping many at once opens one case per elevator, none
 * lost or doubled, across a replay of the projection.
 */
abstract class RescueContract {
  private RunningPlatform api;
  private String centre;

  abstract Map<String, Object> store();

  /** Runs after the platform of a test has stopped: drop what the store kept for it. */
  void cleanUp() {}

  @BeforeEach
  void up() throws Exception {
    restart(Map.of());
  }

  private void restart(Map<String, Object> settings) throws Exception {
    if (api != null) {
      api.close();
    }
    api = new RunningPlatform(store(), settings, Clock.systemUTC());
    centre = api.token("centre-1", Role.RESCUE_CENTRE, Scope.NONE);
  }

  @AfterEach
  void down() throws Exception {
    if (api != null) {
      api.close();
    }
    cleanUp();
  }

  private void register(String district, String... ids) throws Exception {
    for (String id : ids) {
      Answer a = api.post("/api/v1/elevators", ApiContract.elevator(id, district, "DISC"));
      assertEquals(201, a.status(), a.raw());
    }
    api.awaitListed(ids);
  }

  private Answer trap(String elevatorId, String eventId) throws Exception {
    return trap(elevatorId, eventId, Instant.now());
  }

  private Answer trap(String elevatorId, String eventId, Instant at) throws Exception {
    return api.post(
        "/api/v1/elevators/" + elevatorId + "/events",
        """
        {"eventId":"%s","type":"entrapment_between_floors","phase":"RAISED","occurredAt":"%s","detail":"alarm"}
        """
            .formatted(eventId, at));
  }

  private Answer step(String token, String caseId, String step) throws Exception {
    return api.postAs(
        token,
        "/api/v1/rescues/" + caseId + "/steps",
        "application/json",
        "{\"step\":\"" + step + "\",\"detail\":\"by radio\"}");
  }

  /** The ids of the open cases, every page, as the centre lists them. */
  private List<String> openCases() throws Exception {
    List<String> ids = new ArrayList<>();
    String after = null;
    do {
      Answer page =
          api.get("/api/v1/rescues?limit=100" + (after == null ? "" : "&after=" + after), centre);
      assertEquals(200, page.status(), page.raw());
      page.body().get("items").forEach(n -> ids.add(n.get("caseId").asText()));
      after = page.body().hasNonNull("next") ? page.body().get("next").asText() : null;
    } while (after != null);
    return ids;
  }

  private static void assertError(Answer a, int status, String mentions) {
    assertEquals(status, a.status(), a.raw());
    assertTrue(a.raw().contains(mentions), a.raw());
  }

  @Test
  void aReportedEntrapmentOpensOneCaseThatTheCentreWorksThrough() throws Exception {
    register("Jiangjin", "RS-1");
    assertEquals(201, trap("RS-1", "gw-1").status());
    String id = "R-RS-1-gw-1";
    Answer listed = api.await("/api/v1/rescues", centre, a -> a.body().get("items").size() == 1);
    JsonNode c = listed.body().get("items").get(0);
    assertEquals(id, c.get("caseId").asText());
    assertEquals("alarm", c.get("step").asText());
    assertEquals("GATEWAY", c.get("source").asText());
    // As the register spells it, in the listing (read model) as in the case itself (its entity).
    assertEquals("Jiangjin", c.get("district").asText());
    assertEquals(
        "Jiangjin", api.get("/api/v1/rescues/" + id, centre).body().get("district").asText());
    assertTrue(c.get("clocks").get("toAcknowledgeS").asLong() >= 0);
    // The twin shows its open case.
    api.await(
        "/api/v1/elevators/RS-1",
        centre,
        a ->
            a.body().hasNonNull("openRescue")
                && a.body().get("openRescue").get("caseId").asText().equals(id));
    // The same alarm again (a retry) and a second raise while the case is open open nothing more.
    assertEquals(200, trap("RS-1", "gw-1").status());
    assertEquals(201, trap("RS-1", "gw-2").status());

    assertError(step(centre, id, "arrived"), 409, "before it is dispatched");
    assertError(step(centre, id, "teleported"), 400, "not one of acknowledged");
    for (String s : List.of("acknowledged", "dispatched", "arrived", "released")) {
      Answer a = step(centre, id, s);
      assertEquals(200, a.status(), a.raw());
      assertEquals(s, a.body().get("step").asText());
    }
    Answer closed = step(centre, id, "closed");
    assertEquals(200, closed.status(), closed.raw());
    assertEquals("centre-1", closed.body().get("steps").get("arrived").get("by").asText());
    assertEquals(6, closed.body().get("history").size());
    assertEquals(0, closed.body().get("escalations").size());
    api.await("/api/v1/rescues", centre, a -> a.body().get("items").size() == 0);
    assertEquals(List.of(), openCases());
  }

  @Test
  void aTwinThatSeesItsCarStuckWithSomeoneInsideOpensACaseItselfAndEndsItsAlarmWhenReleased()
      throws Exception {
    register("Jiangjin", "RS-IA");
    // The terminal reported the car stopped between floors, doors shut, someone inside, three
    // minutes ago, and again since; no one has called. The twin's intelligent alarm raises the
    // entrapment and the case opens.
    Instant stuckAt = Instant.now().minusSeconds(180);
    String stuck =
        """
        {"elevatorId":"RS-IA","timestamp":"%s","floor":6,"direction":"STOPPED","speedMps":0,"doorState":"CLOSED",
         "runningMode":"NORMAL","inDoorZone":false,"passengerPresent":true,"alarmButtonPressed":false}
        """;
    for (int s = 0; s <= 150; s += 30) {
      Answer a = api.post("/api/v1/telemetry", stuck.formatted(stuckAt.plusSeconds(s)));
      assertEquals(202, a.status(), a.raw());
    }
    Answer listed = api.await("/api/v1/rescues", centre, a -> a.body().get("items").size() == 1);
    JsonNode c = listed.body().get("items").get(0);
    assertEquals("INTELLIGENT_ALARM", c.get("source").asText());
    assertEquals("RS-IA", c.get("elevatorId").asText());
    JsonNode twin = api.get("/api/v1/elevators/RS-IA", centre).body();
    assertEquals(
        "ENTRAPMENT_BETWEEN_FLOORS",
        twin.get("openFaults").get(0).get("type").asText(),
        twin.toString());
    // The doors open: the twin ends its alarm; the case stays with the centre until it closes it.
    Answer released =
        api.post(
            "/api/v1/telemetry",
            """
            {"elevatorId":"RS-IA","timestamp":"%s","doorState":"OPEN","inDoorZone":true,"passengerPresent":false}
            """
                .formatted(Instant.now()));
    assertEquals(202, released.status(), released.raw());
    assertEquals(0, api.get("/api/v1/elevators/RS-IA", centre).body().get("openFaults").size());
    assertEquals(1, openCases().size());
  }

  @Test
  void alarmsInQuickSuccessionAreOneIncident() throws Exception {
    register("Jiangjin", "RS-5");
    // Three raises back to back, before any read model can show the first case: one case.
    for (String id : List.of("q-1", "q-2", "q-3")) {
      assertEquals(201, trap("RS-5", id).status());
    }
    api.await("/api/v1/rescues", centre, a -> a.body().get("items").size() == 1);
    // The twin's entrapment events after them have been seen (a later one on another elevator opens
    // its case).
    register("Jiangjin", "RS-6");
    assertEquals(201, trap("RS-6", "q-4").status());
    api.await("/api/v1/rescues", centre, a -> a.body().get("items").size() == 2);
    assertEquals(List.of("R-RS-5-q-1", "R-RS-6-q-4"), openCases());
  }

  @Test
  void aCallOpensACaseOncePerCallAndOnlyForARegisteredElevator() throws Exception {
    register("Yubei", "RS-2");
    String call =
        "{\"elevatorId\":\"RS-2\",\"callId\":\"c-900\",\"detail\":\"two people trapped, 5F\"}";
    Answer first = api.postAs(centre, "/api/v1/rescues", "application/json", call);
    assertEquals(201, first.status(), first.raw());
    assertEquals("R-RS-2-call-c-900", first.body().get("caseId").asText());
    assertEquals("PHONE", first.body().get("source").asText());
    Answer again = api.postAs(centre, "/api/v1/rescues", "application/json", call);
    assertEquals(201, again.status(), again.raw());
    assertEquals(1, again.body().get("history").size());
    assertError(
        api.postAs(
            centre,
            "/api/v1/rescues",
            "application/json",
            "{\"elevatorId\":\"NOPE-1\",\"callId\":\"c-901\"}"),
        404,
        "NOPE-1");
    assertError(
        api.postAs(centre, "/api/v1/rescues", "application/json", "{\"elevatorId\":\"RS-2\"}"),
        400,
        "callId");
    assertError(
        api.postAs(
            centre,
            "/api/v1/rescues",
            "application/json",
            "{\"elevatorId\":\"RS-2\",\"callId\":\"c-1\"," + "\"colour\":\"red\"}"),
        400,
        "colour");
    api.await("/api/v1/rescues", centre, a -> a.body().get("items").size() == 1);
  }

  @Test
  void anEntrapmentRightAfterRegistrationOpensItsCaseInTheElevatorsDistrict() throws Exception {
    // The fleet read model held back, as when its projection lags: the alarm projection cannot find
    // the elevator's row, and must still open the case in the district the twin was registered in.
    ProjectionManagement projections = ProjectionManagement.get(api.system());
    TwinSettings twins = TwinSettings.create(api.system());
    List<ProjectionId> fleet = new ArrayList<>();
    for (int i = 0; i < twins.tags(); i++) {
      fleet.add(FleetProjection.id(TwinSettings.tag(i)));
    }
    for (ProjectionId id : fleet) {
      projections.pause(id).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    try {
      Answer a = api.post("/api/v1/elevators", ApiContract.elevator("RD-1", "Jiangjin", "DISC"));
      assertEquals(201, a.status(), a.raw());
      assertEquals(201, trap("RD-1", "gw-rd").status());
      Answer opened = api.await("/api/v1/rescues/R-RD-1-gw-rd", centre, r -> r.status() == 200);
      assertEquals("Jiangjin", opened.body().get("district").asText(), opened.raw());
      // A phone call right after registration too: the route takes the district from the twin.
      Answer call =
          api.postAs(
              centre,
              "/api/v1/rescues",
              "application/json",
              "{\"elevatorId\":\"RD-1\",\"callId\":\"c-rd\"}");
      assertEquals(201, call.status(), call.raw());
      assertEquals("Jiangjin", call.body().get("district").asText());
      assertEquals(
          0,
          api.get("/api/v1/elevators?limit=10", centre).body().get("items").size(),
          "the fleet read model is still held back");
    } finally {
      for (ProjectionId id : fleet) {
        projections.resume(id).toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
    String regulator =
        api.token("reg-jj", Role.REGULATOR, new Scope("Jiangjin", null, null, null, List.of()));
    api.await("/api/v1/rescues", regulator, r -> r.body().get("items").size() == 2);
  }

  @Test
  void aRegulatorReadsItsDistrictsCasesOnlyAndOthersNone() throws Exception {
    register("Jiangjin", "RS-3");
    assertEquals(201, trap("RS-3", "gw-3").status());
    api.await("/api/v1/rescues", centre, a -> a.body().get("items").size() == 1);
    String mine =
        api.token("reg-jj", Role.REGULATOR, new Scope("Jiangjin", null, null, null, List.of()));
    String other =
        api.token("reg-yb", Role.REGULATOR, new Scope("Yubei", null, null, null, List.of()));
    String insurer =
        api.token("picc", Role.INSURER, new Scope(null, "PICC Chongqing", null, null, List.of()));
    assertEquals(1, api.get("/api/v1/rescues", mine).body().get("items").size());
    assertEquals(200, api.get("/api/v1/rescues/R-RS-3-gw-3", mine).status());
    assertEquals(0, api.get("/api/v1/rescues", other).body().get("items").size());
    assertEquals(404, api.get("/api/v1/rescues/R-RS-3-gw-3", other).status());
    assertEquals(403, api.get("/api/v1/rescues", insurer).status());
    // A regulator reads but does not handle a rescue.
    assertEquals(403, step(mine, "R-RS-3-gw-3", "acknowledged").status());
  }

  @Test
  void clocksThatRunOutAreEscalatedInOrder() throws Exception {
    restart(
        Map.of(
            "liftguard.rescue.acknowledge-within",
            "1s",
            "liftguard.rescue.arrive-within",
            "2s",
            "liftguard.rescue.emergency-services-after",
            "3s",
            "liftguard.rescue.check-interval",
            "200ms"));
    register("Jiangjin", "RS-4");
    assertEquals(201, trap("RS-4", "gw-4").status());
    Answer escalated =
        api.await(
            "/api/v1/rescues/R-RS-4-gw-4",
            centre,
            a -> a.status() == 200 && a.body().get("escalations").size() == 3);
    List<String> kinds = new ArrayList<>();
    escalated.body().get("escalations").forEach(n -> kinds.add(n.asText()));
    assertEquals(
        List.of("ACKNOWLEDGEMENT_OVERDUE", "ARRIVAL_OVERDUE", "EMERGENCY_SERVICES"), kinds);
    // Each escalation is a live warning for the district's regulator.
    String regulator =
        api.token("reg-jj", Role.REGULATOR, new Scope("Jiangjin", null, null, null, List.of()));
    List<Map<String, String>> warnings = api.sse("/api/v1/warnings/stream", regulator, null, 3);
    assertEquals(
        List.of("RESCUE_ESCALATION", "RESCUE_ESCALATION", "RESCUE_ESCALATION"),
        warnings.stream().map(w -> w.get("event")).toList());
    assertTrue(
        warnings.get(2).get("data").contains("rescue emergency services"), warnings.toString());
  }

  @Test
  void theMonthsKpisCountTheDistrictsRescuesAndInspections() throws Exception {
    restart(
        Map.of(
            "liftguard.rescue.acknowledge-within",
            "1s",
            "liftguard.rescue.arrive-within",
            "2s",
            "liftguard.rescue.emergency-services-after",
            "3s"));
    String month = YearMonth.from(TwinRules.today(Instant.now())).toString();
    register("Jiangjin", "KP-1", "KP-2", "KP-3", "KP-4");
    register("Yubei", "KP-9");
    Instant alarm = Instant.now();
    assertEquals(201, trap("KP-1", "k-1", alarm).status());
    assertEquals(201, trap("KP-2", "k-2").status());
    assertEquals(201, trap("KP-9", "k-9").status()); // another district
    api.await("/api/v1/rescues", centre, a -> a.body().get("items").size() == 3);
    // Recorded as they happened, within the windows, whenever the case showed up (the projection
    // may lag).
    int ms = 300;
    for (String s : List.of("acknowledged", "dispatched", "arrived")) {
      Answer a =
          api.postAs(
              centre,
              "/api/v1/rescues/R-KP-1-k-1/steps",
              "application/json",
              "{\"step\":\"" + s + "\",\"at\":\"" + alarm.plusMillis(ms += 100) + "\"}");
      assertEquals(200, a.status(), a.raw());
    }
    // KP-3 fails its inspection and passes the re-inspection the same day: one first inspection,
    // failed.
    String today = TwinRules.today(Instant.now()).toString();
    for (String[] i : new String[][] {{"i-1", "false"}, {"i-2", "true"}}) {
      assertEquals(
          201,
          api.post(
                  "/api/v1/elevators/KP-3/inspections",
                  """
                  {"inspectionId":"%s","agency":"Chongqing SEI","inspectedOn":"%s","passed":%s,"nextDue":%s}
                  """
                      .formatted(
                          i[0],
                          today,
                          i[1],
                          i[1].equals("true")
                              ? "\"" + TwinRules.today(Instant.now()).plusYears(1) + "\""
                              : "null"))
              .status());
    }
    Thread.sleep(2_500); // both windows of the unhandled case have passed
    String regulator =
        api.token("reg-jj", Role.REGULATOR, new Scope("Jiangjin", null, null, null, List.of()));
    Answer k =
        api.await(
            "/api/v1/kpis?scope=district&id=Jiangjin&month=" + month,
            regulator,
            a ->
                a.status() == 200
                    && a.body().get("kpis").get(2).get("denominator").asDouble() == 1
                    && a.body().get("kpis").get(1).get("numerator").asDouble() == 2
                    && a.body().get("kpis").get(3).get("denominator").asDouble()
                        == 1); // the read models caught up
    JsonNode kpis = k.body().get("kpis");
    JsonNode response = kpis.get(0);
    assertEquals("EMERGENCY_RESPONSE_RATE", response.get("kind").asText());
    assertEquals(1, response.get("numerator").asDouble());
    assertEquals(2, response.get("denominator").asDouble());
    assertEquals(false, response.get("met").asBoolean());
    assertEquals("KP-2", response.get("pullingDown").get(0).get("elevatorId").asText());
    JsonNode rate = kpis.get(1); // 2 entrapments on 4 elevators
    assertEquals(0.5, rate.get("value").asDouble());
    assertEquals(0.005, rate.get("target").asDouble());
    JsonNode pass = kpis.get(2);
    assertEquals(0, pass.get("numerator").asDouble());
    assertEquals("KP-3", pass.get("pullingDown").get(0).get("elevatorId").asText());
    assertEquals(1, kpis.get(3).get("denominator").asDouble()); // one arrival
    assertEquals(true, kpis.get(3).get("met").asBoolean());
    assertEquals(0.5, kpis.get(4).get("value").asDouble()); // on time: KP-1 of KP-1 and KP-2
    // The city counts the other district's case too; a street of the district counts its elevators.
    assertEquals(
        3,
        api.get("/api/v1/kpis?scope=city&month=" + month, centre)
            .body()
            .get("kpis")
            .get(1)
            .get("numerator")
            .asDouble());
    assertEquals(
        5,
        api.get("/api/v1/kpis?scope=city&month=" + month, centre)
            .body()
            .get("kpis")
            .get(1)
            .get("denominator")
            .asDouble());
    assertEquals(
        4,
        api.get("/api/v1/kpis?scope=street&id=Jiangjin/Jijiang&month=" + month, centre)
            .body()
            .get("kpis")
            .get(1)
            .get("denominator")
            .asDouble());
    // Without a scope, a district's regulator gets its own district.
    Answer own = api.get("/api/v1/kpis?month=" + month, regulator);
    assertEquals(200, own.status(), own.raw());
    assertEquals("district", own.body().get("scope").asText());
    assertEquals("Jiangjin", own.body().get("id").asText());
    assertEquals(kpis, own.body().get("kpis"));
    // A district's regulator reads its own district only; an insurer none; bad input is a 400.
    assertEquals(403, api.get("/api/v1/kpis?scope=district&id=Yubei", regulator).status());
    assertEquals(403, api.get("/api/v1/kpis?scope=city", regulator).status());
    assertEquals(
        403,
        api.get(
                "/api/v1/kpis?scope=city",
                api.token(
                    "picc", Role.INSURER, new Scope(null, "PICC Chongqing", null, null, List.of())))
            .status());
    assertError(api.get("/api/v1/kpis?scope=district", centre), 400, "id is required");
    assertError(api.get("/api/v1/kpis?scope=planet", centre), 400, "not one of city");
    assertError(api.get("/api/v1/kpis?month=2026-13", centre), 400, "yyyy-mm");
  }

  @Test
  void aPastMonthsEntrapmentRateCountsTheElevatorsInServiceThenAndOnlyTheirCases()
      throws Exception {
    // The register is loaded today, then last month's 96333 records: PM-1 and PM-2 were in service
    // last month, PM-NEW was installed today (a case dated before it was installed is not the
    // month's either).
    LocalDate today = TwinRules.today(Instant.now());
    register("Jiangjin", "PM-1", "PM-2");
    assertEquals(
        201,
        api.post(
                "/api/v1/elevators",
                ApiContract.elevator("PM-NEW", "Jiangjin", "DISC")
                    .replace("2008-06-01", today.toString()))
            .status());
    api.awaitListed("PM-NEW");
    YearMonth last = YearMonth.from(today).minusMonths(1);
    Instant alarm = last.atDay(10).atTime(9, 0).atZone(TwinRules.CALENDAR).toInstant();
    for (String[] call : new String[][] {{"PM-1", "c-1"}, {"PM-1", "c-2"}, {"PM-NEW", "c-3"}}) {
      Answer a =
          api.postAs(
              centre,
              "/api/v1/rescues",
              "application/json",
              """
              {"elevatorId":"%s","callId":"%s","alarmAt":"%s"}\
              """
                  .formatted(call[0], call[1], alarm));
      assertEquals(201, a.status(), a.raw());
      assertEquals(
          0,
          a.body().get("escalations").size(),
          "nothing escalated on loading a past case: " + a.raw());
      Answer ack =
          api.postAs(
              centre,
              "/api/v1/rescues/" + a.body().get("caseId").asText() + "/steps",
              "application/json",
              "{\"step\":\"acknowledged\",\"at\":\"" + alarm.plusSeconds(60) + "\"}");
      assertEquals(200, ack.status(), ack.raw());
      assertEquals(
          0,
          ack.body().get("escalations").size(),
          "acknowledged a minute after its alarm: " + ack.raw());
      alarm = alarm.plusSeconds(86_400);
    }
    for (String scope :
        List.of("scope=district&id=Jiangjin", "scope=city", "scope=street&id=Jiangjin/Jijiang")) {
      Answer k =
          api.await(
              "/api/v1/kpis?" + scope + "&month=" + last,
              centre,
              // The read side counts a case when it opens and its acknowledgement when that step
              // is projected: wait until it holds both (each case's ack came a request later).
              a ->
                  a.status() == 200
                      && a.body().get("kpis").get(0).get("denominator").asDouble() == 2
                      && a.body().get("kpis").get(0).get("numerator").asDouble() >= 2);
      assertEquals(
          2, k.body().get("kpis").get(0).get("numerator").asDouble(), "both acknowledged in time");
      JsonNode rate = k.body().get("kpis").get(1);
      assertEquals("ENTRAPMENT_RATE", rate.get("kind").asText());
      assertEquals(2, rate.get("numerator").asDouble(), scope + ": " + rate);
      assertEquals(2, rate.get("denominator").asDouble(), scope + ": " + rate);
      assertEquals("PM-1", rate.get("pullingDown").get(0).get("elevatorId").asText());
      assertEquals(
          2,
          k.body().get("kpis").get(0).get("denominator").asDouble(),
          "responses on the same cases");
    }
  }

  @Test
  void aDistrictPowerCutOpensOneCasePerTrappedElevatorAcrossAReplay() throws Exception {
    int n = 120;
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = "PC-" + i;
    }
    register("Banan", ids);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<CompletableFuture<Integer>> sent = new ArrayList<>();
      for (String id : ids) {
        sent.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    // Every alarm twice: a gateway retrying after a lost answer.
                    int first = trap(id, "cut-1").status();
                    int again = trap(id, "cut-1").status();
                    return first == 201 && again == 200 ? 1 : 0;
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                },
                pool));
      }
      assertEquals(n, sent.stream().mapToInt(CompletableFuture::join).sum());
    } finally {
      pool.shutdown();
    }
    Set<String> expected = new HashSet<>();
    for (String id : ids) {
      expected.add("R-" + id + "-cut-1");
    }
    api.await("/api/v1/rescues?limit=500", centre, a -> a.body().get("items").size() == n);
    assertEquals(expected, new HashSet<>(openCases()));

    // Replay: with the alarm projection's offsets gone it reads every twin event again; no case is
    // opened twice.
    api.close();
    try (ReadStore store = ReadStore.open(ReadSideSettings.fromConfig(api.config))) {
      store.transaction(
          conn -> {
            try (Statement s = conn.createStatement()) {
              return s.executeUpdate(
                  "DELETE FROM \"pekko_projection_offset_store\" WHERE \"projection_name\" = "
                      + "'rescue-alarms'");
            }
          });
    }
    api = null;
    restart(Map.of());
    register("Banan", "PC-late");
    assertEquals(201, trap("PC-late", "cut-2").status());
    api.await("/api/v1/rescues?limit=500", centre, a -> a.body().get("items").size() == n + 1);
    Set<String> after = new HashSet<>(openCases());
    expected.add("R-PC-late-cut-2");
    assertEquals(expected, after);
  }
}
