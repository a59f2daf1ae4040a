package io.liftguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.liftguard.api.RunningPlatform.Answer;
import io.liftguard.insurance.PolicyEntity;
import io.liftguard.insurance.domain.Claim;
import io.liftguard.insurance.domain.PolicyEvent;
import io.liftguard.kernel.readside.ReadSideSettings;
import io.liftguard.kernel.readside.ReadStore;
import io.liftguard.twin.JournalWriter;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.math.BigDecimal;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Insurance over HTTP on a real store: quote, bind and explain; refusals that change nothing; scope
 * (an insurer never sees another's policy or book); claims opened by entrapments exactly once
 * across a restart and a replay of the projection; the claim lifecycle; re-rating on a risk band
 * change within the bound; portfolio and bordereau.
 */
abstract class InsuranceContract {
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final LocalDate today = TwinRules.today(now); // the platform's calendar (China, UTC+8)
  private RunningPlatform api;
  private String picc;
  private String pingAn;

  abstract Map<String, Object> store();

  /** Runs after the platform of a test has stopped: drop what the store kept for it. */
  void cleanUp() {}

  RunningPlatform start() throws Exception {
    return start(Map.of());
  }

  RunningPlatform start(Map<String, Object> settings) throws Exception {
    return new RunningPlatform(store(), settings, Clock.systemUTC());
  }

  @BeforeEach
  void up() throws Exception {
    restart(null);
  }

  /**
   * (Re)starts the platform on the same store and mints the insurers' tokens (a new data dir has a
   * new secret).
   */
  private void restart(Map<String, Object> settings) throws Exception {
    if (api != null) {
      api.close();
    }
    api = settings == null ? start() : start(settings);
    picc =
        api.token(
            "picc-uw", Role.INSURER, new Scope(null, "PICC Chongqing", null, null, List.of()));
    pingAn =
        api.token("pingan-uw", Role.INSURER, new Scope(null, "Ping An P&C", null, null, List.of()));
  }

  @AfterEach
  void down() throws Exception {
    if (api != null) {
      api.close();
    }
    cleanUp();
  }

  private void register(String... ids) throws Exception {
    for (String id : ids) {
      Answer a = api.post("/api/v1/elevators", ApiContract.elevator(id, "Jiangjin", "DRUM"));
      assertEquals(201, a.status(), a.raw());
    }
    api.awaitListed(ids);
  }

  private String quoteBody(String product, String... ids) {
    return """
    {"policyholder":"Jiangjin Central Hospital","product":"%s","elevators":[%s],
     "term":{"start":"%s","end":"%s"}}
    """
        .formatted(
            product,
            String.join(",", java.util.Arrays.stream(ids).map(i -> "\"" + i + "\"").toList()),
            today,
            today.plusYears(1));
  }

  /** A bound PICC policy over {@code ids}. */
  private JsonNode bound(String product, String... ids) throws Exception {
    Answer quote = api.postAs(picc, "/api/v1/quotes", "application/json", quoteBody(product, ids));
    assertEquals(201, quote.status(), quote.raw());
    Answer bind =
        api.postAs(
            picc,
            "/api/v1/policies",
            "application/json",
            "{\"quoteId\":\"" + quote.body().get("policyId").asText() + "\"}");
    assertEquals(201, bind.status(), bind.raw());
    return bind.body();
  }

  private static void assertError(Answer a, int status, String mentions) {
    assertEquals(status, a.status(), a.raw());
    assertTrue(a.body().get("message").asText().contains(mentions), a.raw());
  }

  @Test
  void aClaimTheReadModelCannotHoldIsSetAsideAndEveryInsurersBookGoesOn() throws Exception {
    register("PZ-1", "PZ-2");
    String poisoned = bound("liability", "PZ-1").get("policyId").asText();
    // A claim of 100,000,000,000,000 CNY (DECIMAL(16,2) holds less) in the policy's journal, as an
    // older version that did not bound amounts at the edge would have accepted it.
    Claim huge =
        new Claim(
            "C-HUGE",
            "PZ-1",
            Claim.Source.MANUAL,
            "injury",
            now.minusSeconds(60),
            List.of(),
            Claim.Status.OPENED,
            new BigDecimal("100000000000000.00"),
            null,
            now,
            now);
    JournalWriter.persist(
        api.system(),
        PolicyEntity.persistenceId(poisoned).id(),
        Set.of(PolicyEntity.TAG),
        new PolicyEvent.ClaimOpened(huge, now, "old-version"));
    // Another policy bound after it is projected: the read model goes on.
    String next = bound("liability", "PZ-2").get("policyId").asText();
    api.await("/api/v1/policies/" + next, picc, a -> a.status() == 200);
    api.await(
        "/api/v1/insurers/PICC%20Chongqing/portfolio",
        picc, a -> a.status() == 200 && a.body().get("elevatorsCovered").asLong() == 2);
    Answer health =
        api.await("/health", null, a -> a.body().get("status").asText().equals("DEGRADED"));
    assertEquals(200, health.status(), "the platform still serves");
    JsonNode insurance = health.body().get("projections").get("insurance");
    assertEquals(1, insurance.get("setAside").asInt(), health.raw());
    assertFalse(insurance.get("failing").asBoolean(), health.raw());
    Answer metrics = api.get("/metrics", null);
    assertTrue(
        metrics
            .raw()
            .contains("liftguard_projection_set_aside_total{projection=\"insurance\"} 1.0"),
        metrics.raw().lines().filter(l -> l.contains("set_aside")).toList().toString());
  }

  @Test
  void aPolicyIsRenewedByBindingTheQuoteOfItsRenewal() throws Exception {
    register("RN-1", "RN-2");
    // A renewal is quoted within 90 days of the term's end (a quote's term starts at most 90 days
    // ahead).
    LocalDate end = today.plusDays(60);
    Answer quote =
        api.postAs(
            picc,
            "/api/v1/quotes",
            "application/json",
            quoteBody("liability", "RN-1", "RN-2")
                .replace(today.plusYears(1).toString(), end.toString()));
    assertEquals(201, quote.status(), quote.raw());
    String id = quote.body().get("policyId").asText();
    assertError(
        api.postAs(picc, "/api/v1/policies/" + id + "/renew", "application/json", ""),
        409,
        "only a bound, uncancelled policy is renewed");
    JsonNode policy =
        api.postAs(picc, "/api/v1/policies", "application/json", "{\"quoteId\":\"" + id + "\"}")
            .body();
    // Another insurer cannot see the policy, so cannot renew it.
    assertEquals(
        404,
        api.postAs(pingAn, "/api/v1/policies/" + id + "/renew", "application/json", "").status());
    Answer renewal = api.postAs(picc, "/api/v1/policies/" + id + "/renew", "application/json", "");
    assertEquals(201, renewal.status(), renewal.raw());
    JsonNode r = renewal.body();
    String renewalId = r.get("policyId").asText();
    assertEquals("quoted", r.get("status").asText());
    assertEquals(id, r.get("renews").asText());
    assertEquals(
        end.toString(), r.get("term").get("start").asText()); // from the end of the term, as long
    assertEquals(
        end.plus(java.time.Period.between(today, end)).toString(),
        r.get("term").get("end").asText());
    assertEquals(policy.get("policyholder").asText(), r.get("policyholder").asText());
    assertEquals(2, r.get("elevators").size());

    Answer bind =
        api.postAs(
            picc, "/api/v1/policies", "application/json", "{\"quoteId\":\"" + renewalId + "\"}");
    assertEquals(201, bind.status(), bind.raw());
    assertEquals("active", bind.body().get("status").asText());
    JsonNode renewed = api.get("/api/v1/policies/" + id, picc).body();
    assertEquals(renewalId, renewed.get("renewedBy").asText(), renewed.toString());
    assertEquals(
        "active", renewed.get("status").asText()); // until its term ends: then renewed, not lapsed
    // A second renewal is refused.
    assertError(
        api.postAs(picc, "/api/v1/policies/" + id + "/renew", "application/json", ""),
        409,
        "renewed by '" + renewalId + "' already");
  }

  @Test
  void theRenewalOfAPolicyCancelledMeanwhileIsRefusedBeforeItIsBound() throws Exception {
    register("RC-1");
    LocalDate end = today.plusDays(60);
    Answer quote =
        api.postAs(
            picc,
            "/api/v1/quotes",
            "application/json",
            quoteBody("liability", "RC-1").replace(today.plusYears(1).toString(), end.toString()));
    String id = quote.body().get("policyId").asText();
    assertEquals(
        201,
        api.postAs(picc, "/api/v1/policies", "application/json", "{\"quoteId\":\"" + id + "\"}")
            .status());
    String renewalId =
        api.postAs(picc, "/api/v1/policies/" + id + "/renew", "application/json", "")
            .body()
            .get("policyId")
            .asText();
    assertEquals(
        200,
        api.postAs(
                picc,
                "/api/v1/policies/" + id + "/cancel",
                "application/json",
                "{\"note\":\"building sold\"}")
            .status());
    assertError(
        api.postAs(
            picc, "/api/v1/policies", "application/json", "{\"quoteId\":\"" + renewalId + "\"}"),
        409,
        "only a bound, uncancelled policy is renewed");
    assertEquals(
        "quoted", api.get("/api/v1/policies/" + renewalId, picc).body().get("status").asText());
  }

  @Test
  void aQuoteShowsEveryFactorAndBindsIntoAPolicyWhosePremiumItExplains() throws Exception {
    register("IN-1", "IN-2");
    Answer quote =
        api.postAs(
            picc, "/api/v1/quotes", "application/json", quoteBody("liability", "IN-1", "IN-2"));
    assertEquals(201, quote.status(), quote.raw());
    JsonNode q = quote.body();
    assertEquals("quoted", q.get("status").asText());
    assertEquals("PICC Chongqing", q.get("insurer").asText());
    assertEquals("liability-2026.6", q.get("productVersion").asText());
    JsonNode rating = q.get("elevators").get(0).get("rating");
    List<String> names = new java.util.ArrayList<>();
    rating.get("factors").forEach(f -> names.add(f.get("name").asText()));
    assertEquals(
        List.of(
            "baseRate",
            "buildingType",
            "ageBand",
            "driveType",
            "brakeType",
            "riskRelativity",
            "experience",
            "maintenance",
            "loading"),
        names);
    // The premium is the product of the factors shown, rounded to the fen.
    BigDecimal product = BigDecimal.ONE;
    for (JsonNode f : rating.get("factors")) {
      product = product.multiply(new BigDecimal(f.get("value").asText()));
    }
    assertEquals(
        0,
        product
            .setScale(2, java.math.RoundingMode.HALF_UP)
            .compareTo(new BigDecimal(rating.get("annualPremium").asText())),
        rating.toString());
    assertFalse(rating.get("modelVersion").asText().isBlank());
    JsonNode relativity = rating.get("factors").get(5).get("inputs");
    assertTrue(relativity.has("faultProbability30d"), rating.toString());
    // Each cause of entrapment priced: the three losses and the faults' make the expected loss.
    double causes =
        relativity.get("equipmentEntrapmentLoss").asDouble()
            + relativity.get("misuseEntrapmentLoss").asDouble()
            + relativity.get("externalEntrapmentLoss").asDouble();
    assertTrue(
        causes > 0 && causes < relativity.get("expectedAnnualLoss").asDouble() + 0.02,
        relativity.toString());
    BigDecimal total =
        new BigDecimal(q.get("elevators").get(0).get("annualPremium").asText())
            .add(new BigDecimal(q.get("elevators").get(1).get("annualPremium").asText()));
    assertEquals(0, total.compareTo(new BigDecimal(q.get("annualPremium").asText())));

    String id = q.get("policyId").asText();
    Answer bind =
        api.postAs(picc, "/api/v1/policies", "application/json", "{\"quoteId\":\"" + id + "\"}");
    assertEquals(201, bind.status(), bind.raw());
    assertEquals("active", bind.body().get("status").asText());
    assertError(
        api.postAs(picc, "/api/v1/policies", "application/json", "{\"quoteId\":\"" + id + "\"}"),
        409,
        "ACTIVE");
    Answer history = api.get("/api/v1/policies/" + id + "/premium-history", picc);
    assertEquals(200, history.status(), history.raw());
    assertEquals(2, history.body().get("changes").size());
    assertEquals("QUOTE", history.body().get("changes").get(0).get("reason").asText());
    api.await(
        "/api/v1/policies",
        picc,
        a ->
            a.body().get("items").size() == 1
                && a.body().get("items").get(0).get("status").asText().equals("active"));
    // The twin shows its policy and premium to the insurer; a maintainer sees the twin but not the
    // cover.
    JsonNode twin = api.await("/api/v1/elevators/IN-1", picc, a -> a.body().has("cover")).body();
    assertEquals(id, twin.get("cover").get("policyId").asText());
    assertEquals(
        0,
        new BigDecimal(twin.get("cover").get("annualPremium").asText())
            .compareTo(new BigDecimal(q.get("elevators").get(0).get("annualPremium").asText())));
    String maintainer =
        api.token(
            "yongan",
            Role.MAINTAINER,
            new Scope(null, null, "Yongan Lift Service", null, List.of()));
    Answer seen = api.get("/api/v1/elevators/IN-1", maintainer);
    assertEquals(200, seen.status());
    assertFalse(seen.body().has("cover"), seen.raw());
  }

  @Test
  void badQuotesAndClaimsAreRefusedWithAJson400AndChangeNothing() throws Exception {
    register("IN-3");
    assertError(
        api.postAs(picc, "/api/v1/quotes", "application/json", quoteBody("earthquake", "IN-3")),
        400,
        "'earthquake' is not one of");
    assertError(
        api.postAs(
            picc,
            "/api/v1/quotes",
            "application/json",
            quoteBody("liability", "IN-3")
                .replace("\"end\":\"" + today.plusYears(1), "\"end\":\"" + today.minusDays(1))),
        400,
        "must be after term.start");
    assertError(
        api.postAs(picc, "/api/v1/quotes", "application/json", quoteBody("liability")),
        400,
        "elevators");
    assertError(
        api.postAs(
            picc, "/api/v1/quotes", "application/json", quoteBody("liability", "IN-3", "IN-3")),
        400,
        "listed twice");
    assertError(
        api.postAs(picc, "/api/v1/quotes", "application/json", "{\"product\":\"liability\""),
        400,
        "malformed JSON");
    assertError(
        api.postAs(picc, "/api/v1/quotes", "application/json", quoteBody("liability", "NOPE-1")),
        404,
        "NOPE-1");
    assertEquals(0, api.get("/api/v1/policies", picc).body().get("items").size());

    String id = bound("liability", "IN-3").get("policyId").asText();
    String claim =
        """
        {"elevatorId":"IN-3","cause":"injury","occurredAt":"%s","amount":%s}\
        """;
    assertError(
        api.postAs(
            picc,
            "/api/v1/policies/" + id + "/claims",
            "application/json",
            claim.formatted(now.minusSeconds(5), "-100")),
        400,
        "zero or more");
    assertError(
        api.postAs(
            picc,
            "/api/v1/policies/" + id + "/claims",
            "application/json",
            claim.formatted(now.minus(10, ChronoUnit.DAYS), "100")),
        400,
        "outside the cover");
    assertError(
        api.postAs(
            picc,
            "/api/v1/policies/" + id + "/claims",
            "application/json",
            claim.formatted(now.minusSeconds(5), "100").replace("IN-3", "IN-9")),
        400,
        "not covered");
    assertEquals(
        0, api.get("/api/v1/policies/" + id + "/claims", picc).body().get("claims").size());
  }

  @Test
  void anInsurerNeverSeesAnotherInsurersPoliciesElevatorsOrBook() throws Exception {
    register("IN-4");
    String id = bound("liability", "IN-4").get("policyId").asText();
    assertError(api.get("/api/v1/policies/" + id, pingAn), 404, "does not exist");
    assertError(
        api.get("/api/v1/policies/" + id + "/premium-history", pingAn), 404, "does not exist");
    assertError(api.get("/api/v1/policies/" + id + "/claims", pingAn), 404, "does not exist");
    assertError(
        api.postAs(
            pingAn, "/api/v1/policies/" + id + "/cancel", "application/json", "{\"note\":\"x\"}"),
        404,
        "does not exist");
    // Ping An cannot price PICC's elevator, nor bind PICC's quote, nor read PICC's book.
    assertError(
        api.postAs(pingAn, "/api/v1/quotes", "application/json", quoteBody("liability", "IN-4")),
        404,
        "IN-4");
    assertError(api.get("/api/v1/insurers/PICC%20Chongqing/portfolio", pingAn), 404, "no book");
    assertError(api.get("/api/v1/insurers/PICC%20Chongqing/bordereau", pingAn), 404, "no book");
    assertEquals(0, api.get("/api/v1/policies", pingAn).body().get("items").size());
    // The policyholder reads its policy; another using unit does not see it; a maintainer may not
    // read policies.
    String holder =
        api.token(
            "hospital",
            Role.USING_UNIT,
            new Scope(null, null, null, "Jiangjin Central Hospital", List.of()));
    String other =
        api.token(
            "school",
            Role.USING_UNIT,
            new Scope(null, null, null, "Jiangjin No. 1 School", List.of()));
    String maintainer =
        api.token(
            "yongan",
            Role.MAINTAINER,
            new Scope(null, null, "Yongan Lift Service", null, List.of()));
    assertEquals(200, api.get("/api/v1/policies/" + id, holder).status());
    assertError(api.get("/api/v1/policies/" + id, other), 404, "does not exist");
    // Listing, each using unit sees the policies it holds and no other (its page of policies and
    // claims).
    JsonNode held =
        api.await("/api/v1/policies", holder, a -> a.body().get("items").size() == 1).body();
    assertEquals(id, held.get("items").get(0).get("policyId").asText());
    assertEquals(0, api.get("/api/v1/policies", other).body().get("items").size());
    assertEquals(403, api.get("/api/v1/policies", maintainer).status());
    assertEquals(403, api.get("/api/v1/policies/" + id, maintainer).status());
    assertEquals(403, api.get("/api/v1/insurers/PICC%20Chongqing/portfolio", maintainer).status());
    // The policyholder may report a loss but not settle it.
    assertEquals(
        403,
        api.postAs(holder, "/api/v1/policies/" + id + "/claims/c-1/pay", "application/json", "{}")
            .status());
  }

  @Test
  void thePricingReportServesEachSimulatedCitysLorenzCurvesToAnyoneWhoMayListElevators()
      throws Exception {
    Answer report = api.get("/api/v1/pricing-report", picc);
    assertEquals(200, report.status(), report.raw());
    assertEquals(7, report.body().get("cities").size());
    for (JsonNode city : report.body().get("cities")) {
      JsonNode curves = city.get("curves");
      assertEquals(
          List.of("liftguard", "ageBand"),
          List.of(curves.get(0).get("pricing").asText(), curves.get(1).get("pricing").asText()));
      // What docs/pricing-report.md states: LiftGuard's premiums order the losses better than age
      // bands do.
      assertTrue(
          curves.get(0).get("gini").asDouble() > curves.get(1).get("gini").asDouble(),
          city.toString());
      JsonNode points = curves.get(0).get("points");
      assertEquals("[0.0,0.0]", points.get(0).toString());
      assertEquals("[1.0,1.0]", points.get(points.size() - 1).toString());
    }
    String maintainer =
        api.token(
            "yongan",
            Role.MAINTAINER,
            new Scope(null, null, "Yongan Lift Service", null, List.of()));
    assertEquals(200, api.get("/api/v1/pricing-report", maintainer).status());
    assertError(api.get("/api/v1/pricing-report", null), 401, "");
  }

  @Test
  void anEntrapmentOpensOneClaimAcrossARestartAndAReplayOfTheProjection() throws Exception {
    register("IN-5");
    String id = bound("liability", "IN-5").get("policyId").asText();
    api.await(
        "/api/v1/insurers/PICC%20Chongqing/portfolio",
        picc, a -> a.body().get("elevatorsCovered").asLong() == 1);
    String trap =
        """
        {"eventId":"gw-77","type":"entrapment_at_landing","phase":"RAISED","occurredAt":"%s","detail":"96333 call"}
        """
            .formatted(Instant.now());
    assertEquals(201, api.post("/api/v1/elevators/IN-5/events", trap).status());
    Answer claims =
        api.await(
            "/api/v1/policies/" + id + "/claims", picc, a -> a.body().get("claims").size() == 1);
    JsonNode c = claims.body().get("claims").get(0);
    assertEquals("auto-IN-5-gw-77", c.get("claimId").asText());
    assertEquals("AUTOMATIC", c.get("source").asText());
    assertEquals("ENTRAPMENT_AT_LANDING", c.get("cause").asText());
    assertEquals("IN-5/gw-77", c.get("evidence").get(0).asText());
    assertEquals(0, new BigDecimal("300.00").compareTo(new BigDecimal(c.get("amount").asText())));

    // Restart: the projection goes on from its offset and opens nothing new.
    restart(null);
    // Replay: with the projection's offsets gone it reads every twin event again; the claim is not
    // opened twice.
    api.close();
    try (ReadStore store = ReadStore.open(ReadSideSettings.fromConfig(api.config))) {
      store.transaction(
          conn -> {
            try (Statement s = conn.createStatement()) {
              return s.executeUpdate(
                  "DELETE FROM \"pekko_projection_offset_store\" WHERE \"projection_name\" = "
                      + "'insurance-cover-events'");
            }
          });
    }
    api = null;
    restart(null);
    // A second entrapment shows the replayed projection has run past the first one.
    String second =
        """
        {"eventId":"gw-78","type":"entrapment_at_landing","phase":"RAISED","occurredAt":"%s","detail":"96333 call"}
        """
            .formatted(Instant.now());
    assertEquals(201, api.post("/api/v1/elevators/IN-5/events", second).status());
    api.await("/api/v1/policies/" + id + "/claims", picc, a -> a.body().get("claims").size() == 2);
    Thread.sleep(1000);
    Answer after = api.get("/api/v1/policies/" + id + "/claims", picc);
    assertEquals(2, after.body().get("claims").size(), after.raw());
    api.await(
        "/api/v1/insurers/PICC%20Chongqing/bordereau?kind=claims",
        picc,
        a ->
            a.raw().lines().count() == 3
                && a.raw().contains("auto-IN-5-gw-77")
                && a.raw().contains("auto-IN-5-gw-78"));
  }

  @Test
  void aManualClaimIsAssessedWithinTheLimitThenPaidAndCounted() throws Exception {
    register("IN-6");
    String id = bound("liability", "IN-6").get("policyId").asText();
    Thread.sleep(1100);
    String claim =
        """
        {"claimId":"inj-1","elevatorId":"IN-6","cause":"injury","occurredAt":"%s","amount":5000,\
        "note":"fall at landing"}
        """
            .formatted(Instant.now().minusMillis(200));
    Answer opened =
        api.postAs(picc, "/api/v1/policies/" + id + "/claims", "application/json", claim);
    assertEquals(201, opened.status(), opened.raw());
    assertEquals("OPENED", opened.body().get("status").asText());
    assertError(
        api.postAs(picc, "/api/v1/policies/" + id + "/claims/inj-1/pay", "application/json", "{}"),
        409,
        "assessed");
    Answer assessed =
        api.postAs(
            picc,
            "/api/v1/policies/" + id + "/claims/inj-1/assess",
            "application/json",
            "{\"loss\":1500000,\"note\":\"court award\"}");
    assertEquals(200, assessed.status(), assessed.raw());
    assertEquals(
        200,
        api.postAs(picc, "/api/v1/policies/" + id + "/claims/inj-1/pay", "application/json", "{}")
            .status());
    JsonNode paid = api.get("/api/v1/policies/" + id + "/claims", picc).body().get("claims").get(0);
    assertEquals("PAID", paid.get("status").asText());
    assertEquals(
        0, new BigDecimal("1000000").compareTo(new BigDecimal(paid.get("amount").asText())));
    assertError(
        api.postAs(
            picc,
            "/api/v1/policies/" + id + "/claims/inj-1/reject",
            "application/json",
            "{\"note\":\"late\"}"),
        409,
        "PAID");
    assertError(
        api.postAs(
            picc,
            "/api/v1/policies/" + id + "/claims/nope/assess",
            "application/json",
            "{\"loss\":1}"),
        404,
        "nope");
    api.await(
        "/api/v1/insurers/PICC%20Chongqing/portfolio",
        picc,
        a ->
            a.body().get("claims").asLong() == 1
                && new BigDecimal("1000000")
                        .compareTo(new BigDecimal(a.body().get("incurredClaims").asText()))
                    == 0);
  }

  @Test
  void aRiskBandChangeReratesAtOnceWithinTheBound() throws Exception {
    register("IN-7");
    JsonNode policy = bound("liability", "IN-7");
    String id = policy.get("policyId").asText();
    String band =
        policy
            .get("elevators")
            .get(0)
            .get("rating")
            .get("factors")
            .get(5)
            .get("inputs")
            .get("band")
            .asText();
    BigDecimal start = new BigDecimal(policy.get("annualPremium").asText());
    api.await(
        "/api/v1/insurers/PICC%20Chongqing/portfolio",
        picc, a -> a.body().get("elevatorsCovered").asLong() == 1);
    // Violent vibration and a hot brake: the twin's risk jumps, it records a new band with the next
    // write.
    Instant t = Instant.now();
    String reading =
        """
        {"elevatorId":"IN-7","timestamp":"%s","floor":3,"runningMode":"NORMAL","safetyCircuitClosed":true,
         "doorLockCircuitClosed":true,"condition":{"vibrationMps2":4.5,"brakeTemperatureC":95,"doorCloseTimeS":6}}
        """
            .formatted(t);
    Answer r = api.post("/api/v1/telemetry", "[" + reading + "]");
    assertTrue(r.status() / 100 == 2, r.raw());
    assertEquals(
        201,
        api.post(
                "/api/v1/elevators/IN-7/events",
                """
                {"eventId":"al-1","type":"passenger_alarm","phase":"RAISED","occurredAt":"%s"}\
                """
                    .formatted(t))
            .status());
    Answer history =
        api.await(
            "/api/v1/policies/" + id + "/premium-history",
            picc,
            a -> a.body().get("changes").size() == 2);
    JsonNode change = history.body().get("changes").get(1);
    assertEquals("RISK_BAND", change.get("reason").asText());
    assertFalse(
        band.equals(change.get("rating").get("factors").get(5).get("inputs").get("band").asText()),
        change.toString());
    BigDecimal next = new BigDecimal(change.get("newPremium").asText());
    assertTrue(next.compareTo(start) > 0, change.toString());
    assertTrue(next.compareTo(start.multiply(new BigDecimal("1.15"))) <= 0, change.toString());
    assertTrue(change.get("bounded").asBoolean(), "the jump is far beyond 15 %: " + change);
    Answer portfolio =
        api.await(
            "/api/v1/insurers/PICC%20Chongqing/portfolio",
            picc, a -> a.body().get("rateChanges").get("+5% to +15%").asLong() == 1);
    assertTrue(
        new BigDecimal(portfolio.body().get("largestMoveInAPeriod").asText())
                .compareTo(new BigDecimal("0.15"))
            <= 0);
  }

  @Test
  void theReviewOpensTheClaimOfAnEntrapmentSeenBeforeThePolicyWasBound() throws Exception {
    restart(Map.of("liftguard.insurance.review-interval", "1s"));
    register("IN-8");
    Answer quote =
        api.postAs(picc, "/api/v1/quotes", "application/json", quoteBody("liability", "IN-8"));
    assertEquals(201, quote.status(), quote.raw());
    String id = quote.body().get("policyId").asText();
    // Reported before the binding, occurring just after it: the projection sees it while the policy
    // is a quote.
    Instant occurs = Instant.now().plusSeconds(12);
    assertEquals(
        201,
        api.post(
                "/api/v1/elevators/IN-8/events",
                """
                {"eventId":"early-1","type":"entrapment_between_floors","phase":"RAISED","occurredAt":"%s"}\
                """
                    .formatted(occurs))
            .status());
    api.await(
        "/api/v1/fleet?hasOpenEntrapment=true",
        api.adminToken,
        a -> a.body().get("items").size() == 1);
    Thread.sleep(1500);
    assertEquals(
        201,
        api.postAs(picc, "/api/v1/policies", "application/json", "{\"quoteId\":\"" + id + "\"}")
            .status());
    assertTrue(
        Instant.now().isBefore(occurs), "bound after the loss occurred: the test has no case");
    Answer claims =
        api.await(
            "/api/v1/policies/" + id + "/claims", picc, a -> a.body().get("claims").size() == 1);
    assertEquals("auto-IN-8-early-1", claims.body().get("claims").get(0).get("claimId").asText());
    Thread.sleep(2500); // two more reviews open nothing more
    assertEquals(
        1, api.get("/api/v1/policies/" + id + "/claims", picc).body().get("claims").size());
  }

  @Test
  void theRiskModelIsRecalibratedToTheFleetFromWhatHappened() throws Exception {
    // Calibration periods of 5 s, checked every second: predictions at each period's start, counted
    // 3 s after its end.
    restart(
        Map.of(
            "liftguard.insurance.rating-period",
            "5s",
            "liftguard.insurance.review-interval",
            "1s",
            "liftguard.insurance.calibration-settle",
            "3s"));
    register("CA-1", "CA-2", "CA-3");
    api.await(
        "/api/v1/fleet?riskBand=LOW,MEDIUM,HIGH,CRITICAL",
        api.adminToken,
        a -> a.body().get("items").size() == 3);
    Thread.sleep(
        6000); // a period has begun since the three were assessed: its predictions hold them
    for (String id : List.of("CA-1", "CA-2")) {
      assertEquals(
          201,
          api.post(
                  "/api/v1/elevators/" + id + "/events",
                  """
                  {"eventId":"f-1","type":"door_close_failure","phase":"RAISED","occurredAt":"%s"}\
                  """
                      .formatted(Instant.now()))
              .status());
    }
    Answer report =
        api.await(
            "/api/v1/risk-calibration",
            api.adminToken,
            a ->
                a.body().get("levels").size() > 0
                    && a.body().get("levels").get(0).get("observedFaults").asLong() >= 2);
    JsonNode district = report.body().get("districts").get(0);
    assertTrue(district.get("observedFault").asDouble() > 0, district.toString());
    assertEquals("Jiangjin", district.get("key").asText());
    double predicted = district.get("predictedFault").asDouble();
    assertTrue(predicted > 0 && predicted < 0.2, district.toString());
    JsonNode level = report.body().get("levels").get(0);
    // A fraction of a fault predicted is far from credible (Z = E / (E + 300)): the level barely
    // moves.
    assertTrue(level.get("faultCredibility").asDouble() < 0.01, level.toString());
    assertTrue(
        level.get("faultFactor").asDouble() > 1 && level.get("faultFactor").asDouble() < 1.05,
        level.toString());
    assertTrue(report.body().get("servingVersion").asText().contains("+ cal"), report.raw());
    assertFalse(report.body().get("deciles").isEmpty());
    // Twins assess at the recalibrated level.
    api.await(
        "/api/v1/elevators/CA-3",
        api.adminToken,
        a -> a.body().get("risk").get("modelVersion").asText().contains("+ cal"));
    assertError(api.get("/api/v1/risk-calibration?periods=0"), 400, "periods");
  }
}
