package io.liftguard.insurance.domain;

import io.liftguard.kernel.domain.Decision;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.twin.domain.TwinRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a policy does with each command (pure: the state, the terms and the time in, a decision
 * out).
 */
public final class PolicyRules {
  /** The most elevators one policy covers (a building's or an estate's set). */
  public static final int MAX_ELEVATORS = 500;

  private PolicyRules() {}

  /**
   * A quote to record: the premiums were priced by the caller from the read model. {@code renews}:
   * the policy the quote would renew, or null.
   */
  /**
   * A quote to price and record: the rating inputs of each elevator and its claims experience; the
   * premiums are priced here ({@link #price}), as every re-rating is.
   */
  public record QuoteRequest(
      String policyId,
      String insurer,
      String policyholder,
      ProductTerms terms,
      Term term,
      List<Rated> elevators,
      Duration validFor,
      String renews) {
    public QuoteRequest(
        String policyId,
        String insurer,
        String policyholder,
        ProductTerms terms,
        Term term,
        List<Rated> elevators,
        Duration validFor) {
      this(policyId, insurer, policyholder, terms, term, elevators, validFor, null);
    }
  }

  /** An elevator to price: what its premium is computed from. */
  public record Rated(RatingInputs inputs, ClaimsExperience experience) {}

  /**
   * The one place a premium is priced, at a quote and at every re-rating: the product's terms
   * applied to the elevator's rating inputs and claims experience.
   */
  public static ElevatorPremium price(
      ProductTerms terms, RatingInputs inputs, ClaimsExperience experience) {
    return Pricing.price(terms, inputs, experience);
  }

  /** What the read model says of one covered elevator at a review. */
  public record ElevatorStatus(
      RatingInputs inputs,
      boolean maintenanceOverdue,
      boolean inspectionOverdue,
      LocalDate contractVisitDue) {
    /** An elevator under no maintenance contract the platform knows. */
    public ElevatorStatus(
        RatingInputs inputs, boolean maintenanceOverdue, boolean inspectionOverdue) {
      this(inputs, maintenanceOverdue, inspectionOverdue, null);
    }
  }

  public static Decision<PolicyEvent> quote(PolicyState s, QuoteRequest q, Instant now, String by) {
    if (s.exists()) {
      return Decision.conflict("policy '" + s.policyId() + "' already exists");
    }
    List<String> problems = new ArrayList<>(q.term().problems(TwinRules.today(now)));
    List<ElevatorPremium> premiums =
        q.elevators().stream().map(e -> price(q.terms(), e.inputs(), e.experience())).toList();
    if (premiums.isEmpty() || premiums.size() > MAX_ELEVATORS) {
      problems.add("a quote covers 1 to " + MAX_ELEVATORS + " elevators");
    }
    if (premiums.stream().map(ElevatorPremium::elevatorId).distinct().count() != premiums.size()) {
      problems.add("an elevator is listed twice");
    }
    if (q.policyholder() == null || q.policyholder().isBlank()) {
      problems.add("policyholder is required");
    }
    if (!problems.isEmpty()) {
      return new Decision.Reject<PolicyEvent>(Rejection.invalid(problems));
    }
    return Decision.accept(
        "quoted",
        List.of(
            new PolicyEvent.PolicyQuoted(
                q.policyId(),
                q.insurer(),
                q.policyholder(),
                q.terms().product(),
                q.terms().version(),
                q.term(),
                premiums,
                now.plus(q.validFor()),
                now,
                by,
                q.renews())));
  }

  /**
   * Why {@code s} cannot be renewed, if it cannot: only a bound, uncancelled policy not renewed
   * already is. The renewal runs from the end of its term for as long ({@link #renewalTerm}).
   */
  public static Optional<String> notRenewable(PolicyState s) {
    if (!s.wasBound() || s.status() == PolicyState.Status.CANCELLED) {
      return Optional.of(
          "policy '"
              + s.policyId()
              + "' is "
              + s.status()
              + "; only a bound, uncancelled policy is renewed");
    }
    if (s.renewedBy() != null) {
      return Optional.of(
          "policy '" + s.policyId() + "' is renewed by '" + s.renewedBy() + "' already");
    }
    return Optional.empty();
  }

  /** The term of the renewal of {@code s}: from the end of its term, as long. */
  public static Term renewalTerm(PolicyState s) {
    return new Term(
        s.term().end(), s.term().end().plus(Period.between(s.term().start(), s.term().end())));
  }

  /** The renewal {@code successorId} of {@code s} was bound; telling it again changes nothing. */
  public static Decision<PolicyEvent> renewed(
      PolicyState s, String successorId, Instant now, String by) {
    if (successorId.equals(s.renewedBy())) {
      return Decision.accept("already renewed by " + successorId, List.of());
    }
    return notRenewable(s)
        .<Decision<PolicyEvent>>map(Decision::conflict)
        .orElseGet(
            () ->
                Decision.accept(
                    "renewed", List.of(new PolicyEvent.PolicyRenewed(successorId, now, by))));
  }

  /** Binds a quote: cover from its term's start, or now if the term has begun. */
  public static Decision<PolicyEvent> bind(
      PolicyState s, Duration ratingPeriod, Instant now, String by) {
    if (s.status() != PolicyState.Status.QUOTED) {
      return Decision.conflict(
          "policy '" + s.policyId() + "' is " + s.status() + ", not a quote to bind");
    }
    if (now.isAfter(s.validUntil())) {
      return Decision.conflict("the quote expired at " + s.validUntil() + "; ask for a new quote");
    }
    if (!now.isBefore(s.term().endsAt())) {
      return Decision.conflict("the quote's term ended on " + s.term().end());
    }
    Instant from = now.isAfter(s.term().startsAt()) ? now : s.term().startsAt();
    return Decision.accept(
        "bound", List.of(new PolicyEvent.PolicyBound(from, ratingPeriod, now, by)));
  }

  /**
   * The twin's risk was re-assessed: re-rate now if its band changed since the elevator was last
   * rated.
   */
  public static Decision<PolicyEvent> riskChanged(
      PolicyState s,
      ProductTerms terms,
      String elevatorId,
      RatingInputs.Risk risk,
      Instant now,
      String by) {
    PolicyState.Covered c = s.elevators().get(elevatorId);
    if (s.status() != PolicyState.Status.ACTIVE || c == null || now.isBefore(s.coverFrom())) {
      return Decision.accept("not covered", List.of());
    }
    if (!bandChanged(c, risk)) {
      return Decision.accept("same band", List.of());
    }
    return Decision.accept(
        "rerated",
        List.of(
            rerate(
                s,
                terms,
                elevatorId,
                c.rated().inputs().withRisk(risk),
                PolicyEvent.RerateReason.RISK_BAND,
                now,
                by)));
  }

  /**
   * The periodic review: closes every rating period that has ended (and re-rates each elevator from
   * {@code statuses}' fresh inputs at its end), lets the policy lapse at the end of its term,
   * re-rates an elevator whose risk band changed unnoticed, and schedules the "+ service" checks
   * that are due.
   */
  public static Decision<PolicyEvent> review(
      PolicyState s,
      ProductTerms terms,
      Map<String, ElevatorStatus> statuses,
      Instant now,
      String by) {
    if (s.status() != PolicyState.Status.ACTIVE || now.isBefore(s.coverFrom())) {
      return Decision.accept("nothing due", List.of());
    }
    List<PolicyEvent> events = new ArrayList<>();
    PolicyState state = s;
    Instant termEnd = s.term().endsAt();
    Instant until = now.isBefore(termEnd) ? now : termEnd;
    while (!state.periodStart().plus(state.ratingPeriod()).isAfter(until)) {
      Instant end = state.periodStart().plus(state.ratingPeriod());
      state = record(state, events, closePeriod(state, terms, end));
      if (end.isBefore(termEnd)) {
        for (String id : state.elevators().keySet()) {
          ElevatorStatus st = statuses.get(id);
          RatingInputs inputs =
              st != null ? st.inputs() : state.elevators().get(id).rated().inputs();
          state =
              record(
                  state,
                  events,
                  rerate(state, terms, id, inputs, PolicyEvent.RerateReason.SCHEDULE, end, by));
        }
      }
    }
    if (!now.isBefore(termEnd)) {
      if (state.periodStart().isBefore(termEnd)) {
        state = record(state, events, closePeriod(state, terms, termEnd));
      }
      events.add(new PolicyEvent.PolicyLapsed(termEnd));
      return Decision.accept("lapsed", events);
    }
    // A band change the policy was not told of (it is told as the twin records it, unless that
    // raced its binding).
    for (String id : state.elevators().keySet()) {
      ElevatorStatus st = statuses.get(id);
      RatingInputs.Risk fresh = st == null ? null : st.inputs().risk();
      if (fresh != null && bandChanged(state.elevators().get(id), fresh)) {
        state =
            record(
                state,
                events,
                rerate(state, terms, id, st.inputs(), PolicyEvent.RerateReason.RISK_BAND, now, by));
      }
    }
    if (terms.service() != null) {
      events.addAll(serviceChecks(state, terms.service(), statuses, now));
    }
    return Decision.accept(events.isEmpty() ? "nothing due" : "reviewed", events);
  }

  public static Decision<PolicyEvent> openClaim(
      PolicyState s, Claim claim, Instant now, String by) {
    if (s.claims().containsKey(claim.claimId())) {
      return Decision.accept("duplicate", List.of());
    }
    if (!s.wasBound()) {
      return Decision.conflict(
          "policy '" + s.policyId() + "' was never bound: nothing to claim under");
    }
    if (!s.elevators().containsKey(claim.elevatorId())) {
      return Decision.invalid(
          "elevator '" + claim.elevatorId() + "' is not covered by policy '" + s.policyId() + "'");
    }
    Instant coverEnd = s.closedAt() != null ? s.closedAt() : s.term().endsAt();
    if (claim.occurredAt().isBefore(s.coverFrom()) || !claim.occurredAt().isBefore(coverEnd)) {
      return Decision.invalid(
          "the loss occurred at "
              + claim.occurredAt()
              + ", outside the cover from "
              + s.coverFrom()
              + " to "
              + coverEnd);
    }
    if (claim.occurredAt().isAfter(now)) {
      return Decision.invalid("the loss occurred at " + claim.occurredAt() + ", in the future");
    }
    if (claim.amount().signum() < 0) {
      return Decision.invalid("a claim's amount must be zero or more");
    }
    Optional<String> amount = Cny.problem(claim.amount());
    if (amount.isPresent()) {
      return Decision.invalid("amount: " + amount.get());
    }
    Claim opened =
        new Claim(
            claim.claimId(),
            claim.elevatorId(),
            claim.source(),
            claim.cause(),
            claim.occurredAt(),
            claim.evidence(),
            Claim.Status.OPENED,
            Cny.money(claim.amount()),
            claim.note(),
            now,
            now);
    return Decision.accept("opened", List.of(new PolicyEvent.ClaimOpened(opened, now, by)));
  }

  /**
   * Assesses a claim at {@code loss}: the insurer owes the loss less the deductible, at most the
   * limit per accident.
   */
  public static Decision<PolicyEvent> assessClaim(
      PolicyState s,
      ProductTerms terms,
      String claimId,
      BigDecimal loss,
      String note,
      Instant now,
      String by) {
    Claim c = s.claims().get(claimId);
    if (c == null) {
      return notFound("claim '" + claimId + "'");
    }
    if (c.status().isClosed()) {
      return Decision.conflict(
          "claim '" + claimId + "' is " + c.status() + " and cannot be assessed");
    }
    if (loss.signum() < 0) {
      return Decision.invalid("loss must be zero or more, not " + loss);
    }
    Optional<String> problem = Cny.problem(loss);
    if (problem.isPresent()) {
      return Decision.invalid("loss: " + problem.get());
    }
    BigDecimal owed =
        Cny.clamp(loss.subtract(terms.deductible()), BigDecimal.ZERO, terms.limitPerAccident());
    String how =
        "loss "
            + Cny.money(loss)
            + " less deductible "
            + terms.deductible()
            + ", within the limit "
            + terms.limitPerAccident()
            + (note == null || note.isBlank() ? "" : "; " + note);
    return Decision.accept(
        "assessed", List.of(new PolicyEvent.ClaimAssessed(claimId, Cny.money(owed), how, now, by)));
  }

  public static Decision<PolicyEvent> payClaim(
      PolicyState s, String claimId, String note, Instant now, String by) {
    Claim c = s.claims().get(claimId);
    if (c == null) {
      return notFound("claim '" + claimId + "'");
    }
    if (c.status() != Claim.Status.ASSESSED) {
      return Decision.conflict(
          "claim '" + claimId + "' is " + c.status() + "; only an assessed claim is paid");
    }
    return Decision.accept(
        "paid", List.of(new PolicyEvent.ClaimPaid(claimId, c.amount(), note, now, by)));
  }

  public static Decision<PolicyEvent> rejectClaim(
      PolicyState s, String claimId, String note, Instant now, String by) {
    Claim c = s.claims().get(claimId);
    if (c == null) {
      return notFound("claim '" + claimId + "'");
    }
    if (c.status().isClosed()) {
      return Decision.conflict(
          "claim '" + claimId + "' is " + c.status() + " and cannot be rejected");
    }
    if (note == null || note.isBlank()) {
      return Decision.invalid("a rejection needs a reason (note)");
    }
    return Decision.accept(
        "rejected", List.of(new PolicyEvent.ClaimRejected(claimId, note, now, by)));
  }

  public static Decision<PolicyEvent> completeAction(
      PolicyState s, String actionId, String note, Instant now, String by) {
    ServiceAction a = s.serviceActions().get(actionId);
    if (a == null) {
      return notFound("service action '" + actionId + "'");
    }
    if (!a.isOpen()) {
      return Decision.accept("duplicate", List.of());
    }
    return Decision.accept(
        "completed", List.of(new PolicyEvent.ServiceActionCompleted(actionId, note, now, by)));
  }

  /**
   * Cancels a quote or an active policy; an active one's current period is closed at {@code now}.
   */
  public static Decision<PolicyEvent> cancel(
      PolicyState s, ProductTerms terms, String reason, Instant now, String by) {
    if (s.status() != PolicyState.Status.QUOTED && s.status() != PolicyState.Status.ACTIVE) {
      return Decision.conflict(
          "policy '" + s.policyId() + "' is " + s.status() + " and cannot be cancelled");
    }
    if (reason == null || reason.isBlank()) {
      return Decision.invalid("a cancellation needs a reason");
    }
    List<PolicyEvent> events = new ArrayList<>();
    if (s.status() == PolicyState.Status.ACTIVE && now.isAfter(s.periodStart())) {
      events.add(closePeriod(s, terms, now));
    }
    events.add(new PolicyEvent.PolicyCancelled(reason, now, by));
    return Decision.accept("cancelled", events);
  }

  /**
   * Whether {@code risk}'s band differs from the one the elevator was last rated with (or it was
   * rated unassessed).
   */
  private static boolean bandChanged(PolicyState.Covered c, RatingInputs.Risk risk) {
    RatingInputs.Risk rated = c.rated().inputs().risk();
    return rated == null || rated.band() != risk.band();
  }

  /** The premium re-rated from {@code inputs}, held within the bound of the current period. */
  static PolicyEvent.PremiumRerated rerate(
      PolicyState s,
      ProductTerms terms,
      String id,
      RatingInputs inputs,
      PolicyEvent.RerateReason reason,
      Instant at,
      String by) {
    PolicyState.Covered c = s.elevators().get(id);
    ElevatorPremium rated = price(terms, inputs, s.experience(id, at));
    BigDecimal next =
        Pricing.bounded(
            c.periodStartPremium(), rated.annualPremium(), terms.rerating().maxChangePerPeriod());
    return new PolicyEvent.PremiumRerated(
        id,
        reason,
        c.inForce(),
        next,
        next.compareTo(rated.annualPremium()) != 0,
        c.periodStartPremium(),
        rated,
        at,
        by);
  }

  static PolicyEvent.PeriodClosed closePeriod(PolicyState s, ProductTerms terms, Instant end) {
    List<PolicyEvent.ElevatorPeriod> periods = new ArrayList<>();
    s.elevators()
        .forEach(
            (id, covered) -> {
              PolicyState.Covered c = covered.accruedTo(end);
              BigDecimal earned = Cny.money(c.periodEarned());
              BigDecimal credit =
                  terms.pension() == null
                      ? Cny.ZERO
                      : Cny.money(earned.multiply(terms.pension().fundShare()));
              periods.add(
                  new PolicyEvent.ElevatorPeriod(
                      id,
                      c.periodExposureYears().setScale(8, RoundingMode.HALF_EVEN),
                      earned,
                      c.periodExpectedClaims().setScale(8, RoundingMode.HALF_EVEN),
                      Cny.money(c.periodExpectedLoss()),
                      credit));
            });
    return new PolicyEvent.PeriodClosed(s.periodStart(), end, periods, end);
  }

  private static List<PolicyEvent> serviceChecks(
      PolicyState s,
      ProductTerms.Service service,
      Map<String, ElevatorStatus> statuses,
      Instant now) {
    List<PolicyEvent> events = new ArrayList<>();
    int next = s.serviceActions().size() + 1;
    for (String id : s.elevators().keySet()) {
      ElevatorStatus st = statuses.get(id);
      if (st == null) {
        continue;
      }
      if (visitComing(st, now, service)) {
        continue; // no double visit: the maintenance company comes within the check's window
      }
      RatingInputs.Risk risk = st.inputs().risk();
      List<ServiceAction.Reason> due = new ArrayList<>();
      if (risk != null && risk.band().compareTo(service.riskBandThreshold()) >= 0) {
        due.add(ServiceAction.Reason.RISK_THRESHOLD);
      }
      if (st.maintenanceOverdue()) {
        due.add(ServiceAction.Reason.MAINTENANCE_OVERDUE);
      }
      if (st.inspectionOverdue()) {
        due.add(ServiceAction.Reason.INSPECTION_OVERDUE);
      }
      for (ServiceAction.Reason reason : due) {
        boolean open =
            s.serviceActions().values().stream()
                .anyMatch(a -> a.isOpen() && a.elevatorId().equals(id) && a.reason() == reason);
        if (!open) {
          String detail =
              switch (reason) {
                case RISK_THRESHOLD ->
                    "risk band "
                        + risk.band()
                        + " is at or above "
                        + service.riskBandThreshold()
                        + " (30-day fault probability "
                        + String.format(Locale.ROOT, "%.4f", risk.faultProbability30d())
                        + ")";
                case MAINTENANCE_OVERDUE ->
                    "routine maintenance is overdue (TSG T5002: every 15 days)";
                case INSPECTION_OVERDUE -> "the periodic inspection is overdue";
              };
          events.add(
              new PolicyEvent.ServiceActionScheduled(
                  new ServiceAction(
                      "svc-" + next++,
                      id,
                      reason,
                      detail,
                      now,
                      now.plus(Duration.ofDays(service.checkWithinDays())),
                      null,
                      null,
                      null),
                  now));
        }
      }
    }
    return events;
  }

  /**
   * Whether the elevator's maintenance contract has a visit due from today to the end of the safety
   * check's window: then the check is not scheduled (no double visit). A visit already overdue does
   * not count: the company has not come, and the insurer's check goes.
   */
  static boolean visitComing(ElevatorStatus st, Instant now, ProductTerms.Service service) {
    LocalDate due = st.contractVisitDue();
    LocalDate today = TwinRules.today(now);
    return due != null
        && !due.isBefore(today)
        && !due.isAfter(today.plusDays(service.checkWithinDays()));
  }

  private static PolicyState record(PolicyState s, List<PolicyEvent> events, PolicyEvent e) {
    events.add(e);
    return s.apply(e);
  }

  private static Decision<PolicyEvent> notFound(String what) {
    return new Decision.Reject<PolicyEvent>(
        new Rejection(Rejection.Code.NOT_REGISTERED, what + " does not exist", List.of()));
  }
}
