package io.liftguard.insurance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.kernel.domain.Decision;
import io.liftguard.kernel.domain.Rejection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The policy's life by its pure rules: quote, bind, re-rate within bounds, periods, claims,
 * service, end.
 */
class PolicyRulesTest {
  /**
   * Midnight starting 2026-12-01 in the platform's calendar (UTC+8): the start of {@link #YEAR}.
   */
  static final Instant NOW = Instant.parse("2026-11-30T16:00:00Z");

  static final Duration MONTH = Duration.ofDays(30);
  static final Term YEAR = new Term(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 12, 1));

  static PolicyState play(PolicyState s, Decision<PolicyEvent> d) {
    Decision.Accept<PolicyEvent> a = assertInstanceOf(Decision.Accept.class, d, () -> d.toString());
    for (PolicyEvent e : a.events()) {
      s = s.apply(e);
    }
    return s;
  }

  static Rejection rejected(Decision<PolicyEvent> d) {
    return assertInstanceOf(Decision.Reject.class, d).rejection();
  }

  static PolicyState quoted(ProductTerms terms, String... ids) {
    List<PolicyRules.Rated> premiums =
        java.util.Arrays.stream(ids)
            .map(id -> new PolicyRules.Rated(Terms.inputs(id), ClaimsExperience.NONE))
            .toList();
    return play(
        PolicyState.empty("P1"),
        PolicyRules.quote(
            PolicyState.empty("P1"),
            new PolicyRules.QuoteRequest(
                "P1", "PICC", "Sunny Estate", terms, YEAR, premiums, Duration.ofDays(30)),
            NOW,
            "insurer"));
  }

  static PolicyState bound(ProductTerms terms, String... ids) {
    PolicyState q = quoted(terms, ids);
    return play(q, PolicyRules.bind(q, MONTH, NOW, "insurer"));
  }

  @Test
  void aQuoteIsBoundIntoAnActivePolicyOnce() {
    PolicyState q = quoted(Terms.LIABILITY, "E1", "E2");
    assertEquals(PolicyState.Status.QUOTED, q.status());
    assertEquals(new BigDecimal("3096.82"), q.annualPremium()); // 2 x 1548.41
    PolicyState p = play(q, PolicyRules.bind(q, MONTH, NOW, "insurer"));
    assertEquals(PolicyState.Status.ACTIVE, p.status());
    assertEquals(NOW, p.coverFrom());
    assertEquals(
        Rejection.Code.CONFLICT, rejected(PolicyRules.bind(p, MONTH, NOW, "insurer")).code());
    assertEquals(
        Rejection.Code.CONFLICT,
        rejected(PolicyRules.bind(q, MONTH, NOW.plus(Duration.ofDays(31)), "x")).code());
  }

  @Test
  void badQuotesAreRefusedWithEveryProblem() {
    PolicyRules.QuoteRequest backwards =
        new PolicyRules.QuoteRequest(
            "P1",
            "PICC",
            " ",
            Terms.LIABILITY,
            new Term(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 1)),
            List.of(),
            Duration.ofDays(30));
    Rejection r = rejected(PolicyRules.quote(PolicyState.empty("P1"), backwards, NOW, "insurer"));
    assertEquals(Rejection.Code.INVALID, r.code());
    assertEquals(3, r.details().size(), r.details().toString());
    assertTrue(r.message().contains("term.end 2026-12-01 must be after term.start 2027-01-01"));
  }

  @Test
  void aBandChangeReratesAtOnceWithinThePeriodsBound() {
    PolicyState p = bound(Terms.LIABILITY, "E1");
    // Same band (HIGH): nothing to do.
    Decision<PolicyEvent> same =
        PolicyRules.riskChanged(p, Terms.LIABILITY, "E1", Terms.risk(0.06, 0.012), NOW, "risk");
    assertTrue(((Decision.Accept<PolicyEvent>) same).events().isEmpty());
    // CRITICAL: the indicated premium is far higher, held to +15 % of the 1548.41 in force when the
    // period began.
    Instant later = NOW.plus(Duration.ofDays(10));
    Decision<PolicyEvent> up =
        PolicyRules.riskChanged(p, Terms.LIABILITY, "E1", Terms.risk(0.12, 0.03), later, "risk");
    PolicyEvent.PremiumRerated e =
        (PolicyEvent.PremiumRerated) ((Decision.Accept<PolicyEvent>) up).events().get(0);
    assertEquals(new BigDecimal("1548.41"), e.oldPremium());
    assertEquals(
        new BigDecimal("1780.67"), e.newPremium()); // 1548.41 x 1.15 = 1780.6715, rounded down
    assertTrue(e.bounded());
    assertTrue(e.rated().annualPremium().compareTo(e.newPremium()) > 0);
    assertEquals(PolicyEvent.RerateReason.RISK_BAND, e.reason());
    p = play(p, up);
    // A second change in the same period is held to the same bound from the period's start, not
    // from 1780.67.
    Decision<PolicyEvent> again =
        PolicyRules.riskChanged(p, Terms.LIABILITY, "E1", Terms.risk(0.005, 0.001), later, "risk");
    PolicyEvent.PremiumRerated down =
        (PolicyEvent.PremiumRerated) ((Decision.Accept<PolicyEvent>) again).events().get(0);
    assertEquals(
        new BigDecimal("1316.15"), down.newPremium()); // 1548.41 x 0.85 = 1316.1485, rounded up
  }

  @Test
  void theReviewClosesEachPeriodWithExposureAndEarnedPremiumThenRerates() {
    PolicyState p = bound(Terms.LIABILITY, "E1");
    Instant twoMonths = NOW.plus(Duration.ofDays(61));
    Decision<PolicyEvent> d =
        PolicyRules.review(p, Terms.LIABILITY, Map.of(), twoMonths, "schedule");
    List<PolicyEvent> events = ((Decision.Accept<PolicyEvent>) d).events();
    // closed, rerated, closed, rerated
    assertEquals(4, events.size(), events.toString());
    PolicyEvent.PeriodClosed first = (PolicyEvent.PeriodClosed) events.get(0);
    PolicyEvent.ElevatorPeriod e1 = first.elevators().get(0);
    assertEquals(new BigDecimal("0.08219178"), e1.exposureYears()); // 30 / 365
    assertEquals(new BigDecimal("127.27"), e1.earnedPremium()); // 1548.41 x 30 / 365 = 127.2666
    p = play(p, d);
    assertEquals(NOW.plus(Duration.ofDays(60)), p.periodStart());
    ClaimsExperience x = p.experience("E1", p.periodStart());
    assertEquals(0, x.exposureYears().compareTo(new BigDecimal("0.16438356")));
    // The experience (a clean record) moved the scheduled re-rates below the first premium.
    PolicyEvent.PremiumRerated r = (PolicyEvent.PremiumRerated) events.get(3);
    assertEquals(PolicyEvent.RerateReason.SCHEDULE, r.reason());
    assertTrue(r.newPremium().compareTo(new BigDecimal("1548.41")) < 0, r.newPremium().toString());
    // Nothing more is due until the next period ends.
    assertTrue(
        ((Decision.Accept<PolicyEvent>)
                PolicyRules.review(p, Terms.LIABILITY, Map.of(), twoMonths, "s"))
            .events()
            .isEmpty());
  }

  @Test
  void theTermEndsInALapseAfterTheLastPartialPeriod() {
    PolicyState p = bound(Terms.LIABILITY, "E1");
    p =
        play(
            p,
            PolicyRules.review(
                p, Terms.LIABILITY, Map.of(), YEAR.endsAt().plus(Duration.ofDays(3)), "s"));
    assertEquals(PolicyState.Status.LAPSED, p.status());
    // 12 periods of 30 days, then 5 days: exposure is exactly the year.
    assertEquals(
        0,
        p.experience("E1", YEAR.endsAt())
            .exposureYears()
            .setScale(6, java.math.RoundingMode.HALF_EVEN)
            .compareTo(new BigDecimal("1.000000")));
  }

  @Test
  void aClaimIsOpenedOnceAndFeedsTheExperience() {
    PolicyState p = bound(Terms.LIABILITY, "E1");
    Instant at = NOW.plus(Duration.ofDays(5));
    Claim c =
        new Claim(
            Claim.automaticId("E1", "ev-7"),
            "E1",
            Claim.Source.AUTOMATIC,
            "ENTRAPMENT_AT_LANDING",
            at,
            List.of("E1/ev-7"),
            Claim.Status.OPENED,
            Terms.LIABILITY.entrapmentCompensation(),
            null,
            at,
            at);
    p = play(p, PolicyRules.openClaim(p, c, at, "claims"));
    Decision<PolicyEvent> again = PolicyRules.openClaim(p, c, at.plusSeconds(60), "claims");
    assertEquals("duplicate", ((Decision.Accept<PolicyEvent>) again).outcome());
    assertTrue(((Decision.Accept<PolicyEvent>) again).events().isEmpty());
    assertEquals(1, p.experience("E1", at).claims());
    assertEquals(new BigDecimal("300.00"), p.claims().get(c.claimId()).amount());
    // Not covered, outside the cover, negative: refused.
    Claim other =
        new Claim(
            "m-1",
            "E9",
            Claim.Source.MANUAL,
            "injury",
            at,
            List.of(),
            Claim.Status.OPENED,
            BigDecimal.TEN,
            null,
            at,
            at);
    assertEquals(Rejection.Code.INVALID, rejected(PolicyRules.openClaim(p, other, at, "x")).code());
    Claim early =
        new Claim(
            "m-2",
            "E1",
            Claim.Source.MANUAL,
            "injury",
            NOW.minusSeconds(1),
            List.of(),
            Claim.Status.OPENED,
            BigDecimal.TEN,
            null,
            at,
            at);
    assertEquals(Rejection.Code.INVALID, rejected(PolicyRules.openClaim(p, early, at, "x")).code());
    Claim negative =
        new Claim(
            "m-3",
            "E1",
            Claim.Source.MANUAL,
            "injury",
            at,
            List.of(),
            Claim.Status.OPENED,
            new BigDecimal("-1"),
            null,
            at,
            at);
    assertEquals(
        Rejection.Code.INVALID, rejected(PolicyRules.openClaim(p, negative, at, "x")).code());
  }

  @Test
  void aClaimIsAssessedLessTheDeductibleWithinTheLimitThenPaidOrRejected() {
    PolicyState p = bound(Terms.LIABILITY, "E1");
    Instant at = NOW.plus(Duration.ofDays(5));
    Claim c =
        new Claim(
            "m-1",
            "E1",
            Claim.Source.MANUAL,
            "injury",
            at,
            List.of(),
            Claim.Status.OPENED,
            new BigDecimal("5000"),
            null,
            at,
            at);
    p = play(p, PolicyRules.openClaim(p, c, at, "insurer"));
    assertEquals(
        Rejection.Code.CONFLICT,
        rejected(PolicyRules.payClaim(p, "m-1", null, at, "insurer")).code());
    p =
        play(
            p,
            PolicyRules.assessClaim(
                p,
                Terms.LIABILITY,
                "m-1",
                new BigDecimal("2000000"),
                "court award",
                at,
                "insurer"));
    assertEquals(
        new BigDecimal("1000000.00"), p.claims().get("m-1").amount()); // the limit per accident
    p = play(p, PolicyRules.payClaim(p, "m-1", null, at, "insurer"));
    assertEquals(Claim.Status.PAID, p.claims().get("m-1").status());
    assertEquals(
        Rejection.Code.CONFLICT,
        rejected(PolicyRules.rejectClaim(p, "m-1", "late", at, "insurer")).code());
    assertEquals(
        Rejection.Code.NOT_REGISTERED,
        rejected(PolicyRules.payClaim(p, "nope", null, at, "insurer")).code());
  }

  @Test
  void amountsBeyondWhatTheBooksHoldAreRefusedBeforeAnyArithmetic() {
    PolicyState p = bound(Terms.LIABILITY, "E1");
    Instant at = NOW.plus(Duration.ofDays(5));
    for (String amount : List.of("100000000000000", "1e999999999", "0.001")) {
      Claim c =
          new Claim(
              "m-" + amount,
              "E1",
              Claim.Source.MANUAL,
              "injury",
              at,
              List.of(),
              Claim.Status.OPENED,
              new BigDecimal(amount),
              null,
              at,
              at);
      assertEquals(
          Rejection.Code.INVALID, rejected(PolicyRules.openClaim(p, c, at, "x")).code(), amount);
    }
    Claim c =
        new Claim(
            "m-1",
            "E1",
            Claim.Source.MANUAL,
            "injury",
            at,
            List.of(),
            Claim.Status.OPENED,
            new BigDecimal("999999999999.99"),
            null,
            at,
            at);
    p = play(p, PolicyRules.openClaim(p, c, at, "insurer"));
    // A loss of 1e999999999 was rounded to the fen and crashed the entity ("BigInteger would
    // overflow").
    assertEquals(
        Rejection.Code.INVALID,
        rejected(
                PolicyRules.assessClaim(
                    p, Terms.LIABILITY, "m-1", new BigDecimal("1e999999999"), null, at, "insurer"))
            .code());
    assertEquals(
        Rejection.Code.INVALID,
        rejected(
                PolicyRules.assessClaim(
                    p, Terms.LIABILITY, "m-1", new BigDecimal("1e2147483647"), null, at, "insurer"))
            .code());
  }

  @Test
  void aRejectedClaimNoLongerCountsInTheExperience() {
    PolicyState p = bound(Terms.LIABILITY, "E1");
    Instant at = NOW.plus(Duration.ofDays(5));
    Claim c =
        new Claim(
            "m-1",
            "E1",
            Claim.Source.MANUAL,
            "injury",
            at,
            List.of(),
            Claim.Status.OPENED,
            BigDecimal.ONE,
            null,
            at,
            at);
    p = play(p, PolicyRules.openClaim(p, c, at, "insurer"));
    assertEquals(
        Rejection.Code.INVALID,
        rejected(PolicyRules.rejectClaim(p, "m-1", " ", at, "insurer")).code());
    p = play(p, PolicyRules.rejectClaim(p, "m-1", "not our elevator's fault", at, "insurer"));
    assertEquals(0, p.experience("E1", at).claims());
    assertEquals(Cny.ZERO, p.claims().get("m-1").incurred());
  }

  @Test
  void noSafetyCheckWhereTheMaintenanceContractsVisitIsDueWithinItsWindow() {
    PolicyState p = bound(Terms.SERVICE, "E1", "E2", "E3");
    RatingInputs high = Terms.inputs("E1"); // band HIGH: at the product's threshold
    Instant at = NOW.plus(Duration.ofDays(1));
    java.time.LocalDate today = io.liftguard.twin.domain.TwinRules.today(at);
    Map<String, PolicyRules.ElevatorStatus> statuses =
        Map.of(
            "E1", new PolicyRules.ElevatorStatus(high, false, false, today.plusDays(10)),
            "E2",
                new PolicyRules.ElevatorStatus(
                    Terms.inputs("E2"), false, false, today.plusDays(30)),
            "E3",
                new PolicyRules.ElevatorStatus(
                    Terms.inputs("E3"), false, false, today.minusDays(2)));
    p = play(p, PolicyRules.review(p, Terms.SERVICE, statuses, at, "schedule"));
    assertEquals(
        java.util.Set.of("E2", "E3"),
        p.serviceActions().values().stream()
            .map(ServiceAction::elevatorId)
            .collect(java.util.stream.Collectors.toSet()),
        "E1's company visits within 14 days; E2's visit is after the window; E3's is overdue");
  }

  @Test
  void serviceChecksAreScheduledOncePerReasonUntilDone() {
    PolicyState p = bound(Terms.SERVICE, "E1", "E2");
    RatingInputs high = Terms.inputs("E1"); // band HIGH: at the product's threshold
    RatingInputs low = Terms.inputs("E2").withRisk(Terms.risk(0.005, 0.001));
    Map<String, PolicyRules.ElevatorStatus> statuses =
        Map.of(
            "E1", new PolicyRules.ElevatorStatus(high, false, false),
            "E2", new PolicyRules.ElevatorStatus(low, true, false));
    Instant at = NOW.plus(Duration.ofDays(1));
    p = play(p, PolicyRules.review(p, Terms.SERVICE, statuses, at, "schedule"));
    assertEquals(2, p.serviceActions().size());
    ServiceAction risk = p.serviceActions().get("svc-1");
    assertEquals(ServiceAction.Reason.RISK_THRESHOLD, risk.reason());
    assertEquals(at.plus(Duration.ofDays(14)), risk.dueBy());
    assertEquals(
        ServiceAction.Reason.MAINTENANCE_OVERDUE, p.serviceActions().get("svc-2").reason());
    // The next review schedules nothing new while they are open; past the due time they are
    // overdue.
    assertTrue(
        ((Decision.Accept<PolicyEvent>)
                PolicyRules.review(p, Terms.SERVICE, statuses, at.plusSeconds(60), "s"))
            .events()
            .isEmpty());
    assertTrue(risk.isOverdue(at.plus(Duration.ofDays(15))));
    p =
        play(
            p,
            PolicyRules.completeAction(
                p, "svc-1", "brake adjusted", at.plus(Duration.ofDays(2)), "maintainer"));
    assertFalse(p.serviceActions().get("svc-1").isOpen());
    // Still high risk after the check: a new check is due.
    p = play(p, PolicyRules.review(p, Terms.SERVICE, statuses, at.plus(Duration.ofDays(3)), "s"));
    assertEquals(3, p.serviceActions().size());
    // Liability has no "+ service".
    PolicyState l = bound(Terms.LIABILITY, "E1");
    assertTrue(
        ((Decision.Accept<PolicyEvent>) PolicyRules.review(l, Terms.LIABILITY, statuses, at, "s"))
            .events()
            .isEmpty());
  }

  @Test
  void thePensionFundIsCreditedItsShareOfEarnedPremiumAndPaysRepairs() {
    PolicyState p = bound(Terms.PENSION, "E1");
    p = play(p, PolicyRules.review(p, Terms.PENSION, Map.of(), NOW.plus(MONTH), "s"));
    BigDecimal earned = Pricing.earned(p.elevators().get("E1").periodStartPremium(), 30);
    PolicyState.Covered c = p.elevators().get("E1");
    assertEquals(Cny.money(earned.multiply(new BigDecimal("0.80"))), c.fundBalance());
    Instant at = NOW.plus(Duration.ofDays(40));
    Claim repair =
        new Claim(
            "m-1",
            "E1",
            Claim.Source.MANUAL,
            "brake replacement",
            at,
            List.of(),
            Claim.Status.OPENED,
            new BigDecimal("500"),
            null,
            at,
            at);
    p = play(p, PolicyRules.openClaim(p, repair, at, "insurer"));
    p =
        play(
            p,
            PolicyRules.assessClaim(
                p, Terms.PENSION, "m-1", new BigDecimal("500"), null, at, "insurer"));
    p = play(p, PolicyRules.payClaim(p, "m-1", null, at, "insurer"));
    assertEquals(
        c.fundBalance().subtract(new BigDecimal("500.00")), p.elevators().get("E1").fundBalance());
  }

  @Test
  void cancellingClosesThePartialPeriod() {
    PolicyState p = bound(Terms.LIABILITY, "E1");
    Instant at = NOW.plus(Duration.ofDays(10));
    assertEquals(
        Rejection.Code.INVALID,
        rejected(PolicyRules.cancel(p, Terms.LIABILITY, "", at, "insurer")).code());
    p = play(p, PolicyRules.cancel(p, Terms.LIABILITY, "building sold", at, "insurer"));
    assertEquals(PolicyState.Status.CANCELLED, p.status());
    assertEquals(0, p.experience("E1", at).exposureYears().compareTo(new BigDecimal("0.02739726")));
    assertEquals(
        Rejection.Code.CONFLICT,
        rejected(PolicyRules.cancel(p, Terms.LIABILITY, "again", at, "insurer")).code());
  }

  @Test
  void theReviewReratesABandChangeThePolicyWasNotToldOf() {
    PolicyState p = bound(Terms.LIABILITY, "E1");
    RatingInputs low =
        Terms.inputs("E1").withRisk(Terms.risk(0.005, 0.001)); // HIGH at the quote, LOW now
    Map<String, PolicyRules.ElevatorStatus> statuses =
        Map.of("E1", new PolicyRules.ElevatorStatus(low, false, false));
    Instant at = NOW.plus(Duration.ofDays(3));
    List<PolicyEvent> events =
        ((Decision.Accept<PolicyEvent>) PolicyRules.review(p, Terms.LIABILITY, statuses, at, "s"))
            .events();
    PolicyEvent.PremiumRerated r = (PolicyEvent.PremiumRerated) events.get(0);
    assertEquals(PolicyEvent.RerateReason.RISK_BAND, r.reason());
    assertEquals(new BigDecimal("1316.15"), r.newPremium()); // held to -15 %
    p = play(p, PolicyRules.review(p, Terms.LIABILITY, statuses, at, "s"));
    assertTrue(
        ((Decision.Accept<PolicyEvent>)
                PolicyRules.review(p, Terms.LIABILITY, statuses, at.plusSeconds(1), "s"))
            .events()
            .isEmpty());
  }

  @Test
  void aRenewalRunsFromTheEndOfTheTermForAsLongAndTheTermEndsRenewed() {
    PolicyState p = bound(Terms.LIABILITY, "E1");
    assertEquals(
        new Term(LocalDate.of(2027, 12, 1), LocalDate.of(2028, 12, 1)), PolicyRules.renewalTerm(p));
    assertTrue(PolicyRules.notRenewable(p).isEmpty());
    p = play(p, PolicyRules.renewed(p, "P2", NOW.plus(MONTH), "insurer"));
    assertEquals("P2", p.renewedBy());
    // Told again: nothing changes. Another renewal: refused.
    assertTrue(
        ((Decision.Accept<PolicyEvent>) PolicyRules.renewed(p, "P2", NOW.plus(MONTH), "insurer"))
            .events()
            .isEmpty());
    assertEquals(
        Rejection.Code.CONFLICT,
        rejected(PolicyRules.renewed(p, "P3", NOW.plus(MONTH), "insurer")).code());
    assertTrue(PolicyRules.notRenewable(p).orElseThrow().contains("renewed by 'P2'"));
    p =
        play(
            p,
            PolicyRules.review(
                p, Terms.LIABILITY, Map.of(), YEAR.endsAt().plus(Duration.ofDays(1)), "s"));
    assertEquals(PolicyState.Status.RENEWED, p.status());
    assertTrue(p.closeReason().contains("renewed by P2"), p.closeReason());
  }

  @Test
  void aRenewalBoundAfterTheTermLapsedTurnsTheLapseIntoARenewal() {
    PolicyState p = bound(Terms.LIABILITY, "E1");
    p =
        play(
            p,
            PolicyRules.review(
                p, Terms.LIABILITY, Map.of(), YEAR.endsAt().plus(Duration.ofDays(1)), "s"));
    assertEquals(PolicyState.Status.LAPSED, p.status());
    p = play(p, PolicyRules.renewed(p, "P2", YEAR.endsAt().plus(Duration.ofDays(2)), "insurer"));
    assertEquals(PolicyState.Status.RENEWED, p.status());
    assertEquals(YEAR.endsAt(), p.closedAt());
  }

  @Test
  void onlyABoundUncancelledPolicyIsRenewed() {
    PolicyState quote = quoted(Terms.LIABILITY, "E1");
    assertTrue(PolicyRules.notRenewable(quote).orElseThrow().contains("QUOTED"));
    assertEquals(
        Rejection.Code.CONFLICT, rejected(PolicyRules.renewed(quote, "P2", NOW, "insurer")).code());
    PolicyState p = bound(Terms.LIABILITY, "E1");
    p = play(p, PolicyRules.cancel(p, Terms.LIABILITY, "sold", NOW.plus(MONTH), "insurer"));
    assertTrue(PolicyRules.notRenewable(p).orElseThrow().contains("CANCELLED"));
  }
}
