package io.liftguard.insurance.domain;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.typesafe.config.ConfigFactory;
import io.liftguard.kernel.PersistedForms;
import io.liftguard.kernel.domain.Decision;
import io.liftguard.kernel.store.LiftGuardConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of policy event and a policy's state, as the journal and snapshot store hold them
 * (golden copies in {@code persisted/insurance.json}): data persisted by an earlier build reads
 * back, and the format does not drift. The events come from the pure rules (a policy quoted, bound,
 * re-rated, reviewed, claimed on, served and cancelled), so they are the ones the entity persists.
 */
class PersistedPolicyFormTest {
  private static final ActorTestKit KIT =
      ActorTestKit.create(
          LiftGuardConfig.load(ConfigFactory.parseString("pekko.actor.provider = local")));
  private static final Instant NOW = PolicyRulesTest.NOW;

  private final Map<String, Object> samples = new LinkedHashMap<>();
  private PolicyState policy = PolicyState.empty("P1");

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void policyEventsAndStatesKeepTheirPersistedForm() {
    ProductTerms terms = Terms.SERVICE; // "+ service": the review schedules safety checks
    play(
        PolicyRules.quote(
            policy,
            new PolicyRules.QuoteRequest(
                "P1",
                "PICC",
                "Sunny Estate",
                terms,
                PolicyRulesTest.YEAR,
                List.of(new PolicyRules.Rated(Terms.inputs("E1"), ClaimsExperience.NONE)),
                Duration.ofDays(30)),
            NOW,
            "insurer"));
    play(PolicyRules.bind(policy, PolicyRulesTest.MONTH, NOW, "insurer"));
    Instant later = NOW.plus(Duration.ofDays(10));
    play(PolicyRules.riskChanged(policy, terms, "E1", Terms.risk(0.12, 0.03), later, "risk"));
    Instant twoMonths = NOW.plus(Duration.ofDays(61));
    play(
        PolicyRules.review(
            policy,
            terms,
            Map.of("E1", new PolicyRules.ElevatorStatus(Terms.inputs("E1"), true, false)),
            twoMonths,
            "schedule"));
    play(PolicyRules.openClaim(policy, claim("m-1", twoMonths), twoMonths, "insurer"));
    play(
        PolicyRules.assessClaim(
            policy, terms, "m-1", new BigDecimal("2000"), "court award", twoMonths, "insurer"));
    play(PolicyRules.payClaim(policy, "m-1", null, twoMonths, "insurer"));
    play(PolicyRules.openClaim(policy, claim("m-2", twoMonths), twoMonths, "insurer"));
    play(PolicyRules.rejectClaim(policy, "m-2", "not covered", twoMonths, "insurer"));
    String action = policy.serviceActions().keySet().iterator().next();
    play(PolicyRules.completeAction(policy, action, "checked", twoMonths, "maintainer"));
    play(PolicyRules.renewed(policy, "P2", twoMonths, "insurer"));
    samples.put("PolicyState", policy);
    play(PolicyRules.cancel(policy, terms, "sold the building", twoMonths, "insurer"));
    samples.put("PolicyLapsed", new PolicyEvent.PolicyLapsed(twoMonths));
    PersistedForms.assertCoversEveryKind(PolicyEvent.class, samples);
    PersistedForms.check(KIT.system(), "persisted/insurance.json", samples);
  }

  /** Applies the accepted events, keeping the first of each kind as a sample. */
  private void play(Decision<PolicyEvent> d) {
    Decision.Accept<PolicyEvent> accepted =
        assertInstanceOf(Decision.Accept.class, d, () -> d.toString());
    for (PolicyEvent e : accepted.events()) {
      samples.putIfAbsent(e.getClass().getSimpleName(), e);
      policy = policy.apply(e);
    }
  }

  private static Claim claim(String id, Instant at) {
    return new Claim(
        id,
        "E1",
        Claim.Source.MANUAL,
        "injury",
        at,
        List.of("photo-1"),
        Claim.Status.OPENED,
        new BigDecimal("5000"),
        null,
        at,
        at);
  }
}
