package io.liftguard.insurance.domain;

import io.liftguard.kernel.CborSerializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One policy as its events leave it. Immutable: {@link #apply} returns a new state.
 *
 * @param periodStart when the current rating period began (null before the policy is bound)
 * @param elevators the covered elevators in quote order
 * @param renews the policy this one renews (null for a new policy)
 * @param renewedBy the bound policy that renews this one (null until there is one)
 */
public record PolicyState(
    String policyId,
    Status status,
    String insurer,
    String policyholder,
    Product product,
    String productVersion,
    Term term,
    Instant quotedAt,
    Instant validUntil,
    Instant coverFrom,
    Duration ratingPeriod,
    Instant periodStart,
    Instant closedAt,
    String closeReason,
    Map<String, Covered> elevators,
    Map<String, Claim> claims,
    Map<String, ServiceAction> serviceActions,
    String renews,
    String renewedBy)
    implements CborSerializable {

  /** Where a policy is in its life. */
  public enum Status {
    NONE,
    QUOTED,
    ACTIVE,
    LAPSED,
    CANCELLED,
    /** The term ended and a bound renewal took over. */
    RENEWED
  }

  /** A year of exposure, in seconds (365 days, as premiums are quoted). */
  static final BigDecimal SECONDS_PER_YEAR = BigDecimal.valueOf(365L * 24 * 3600);

  /**
   * One covered elevator: its last rating (with every factor), the premium in force, the premium
   * the current period began with (the re-rating bound's reference), what has accrued in the
   * current period up to {@code accruedUntil}, the experience of closed periods (from the quote's
   * prior experience on) and its fund balance (pension).
   */
  public record Covered(
      ElevatorPremium rated,
      BigDecimal inForce,
      BigDecimal periodStartPremium,
      Instant accruedUntil,
      BigDecimal periodExposureYears,
      BigDecimal periodEarned,
      BigDecimal periodExpectedClaims,
      BigDecimal periodExpectedLoss,
      ClaimsExperience closedExperience,
      BigDecimal fundBalance) {

    /** This elevator with the current premium accrued up to {@code until}. */
    Covered accruedTo(Instant until) {
      if (accruedUntil == null || !until.isAfter(accruedUntil)) {
        return this;
      }
      BigDecimal years =
          BigDecimal.valueOf(Duration.between(accruedUntil, until).toSeconds())
              .divide(SECONDS_PER_YEAR, 12, RoundingMode.HALF_EVEN);
      return new Covered(
          rated,
          inForce,
          periodStartPremium,
          until,
          periodExposureYears.add(years),
          periodEarned.add(inForce.multiply(years)),
          periodExpectedClaims.add(rated.expectedEntrapments().multiply(years)),
          periodExpectedLoss.add(rated.expectedAnnualLoss().multiply(years)),
          closedExperience,
          fundBalance);
    }

    Covered rerated(ElevatorPremium newRating, BigDecimal newPremium, Instant at) {
      Covered c = accruedTo(at);
      return new Covered(
          newRating,
          newPremium,
          c.periodStartPremium,
          c.accruedUntil,
          c.periodExposureYears,
          c.periodEarned,
          c.periodExpectedClaims,
          c.periodExpectedLoss,
          c.closedExperience,
          c.fundBalance);
    }

    Covered periodClosed(PolicyEvent.ElevatorPeriod p, Instant end) {
      return new Covered(
          rated,
          inForce,
          inForce,
          end,
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          closedExperience.plusExposure(p.exposureYears(), p.expectedClaims()),
          fundBalance.add(p.fundCredit()));
    }
  }

  public static PolicyState empty(String policyId) {
    return new PolicyState(
        policyId,
        Status.NONE,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Map.of(),
        Map.of(),
        Map.of(),
        null,
        null);
  }

  public boolean exists() {
    return status != Status.NONE;
  }

  /** Has this policy ever been in force (bound)? */
  public boolean wasBound() {
    return coverFrom != null;
  }

  /** The annual premium of the whole policy as it stands. */
  public BigDecimal annualPremium() {
    return elevators.values().stream().map(Covered::inForce).reduce(Cny.ZERO, BigDecimal::add);
  }

  /**
   * The elevator's experience for rating at {@code at}: closed periods, the current one so far, its
   * claims.
   */
  public ClaimsExperience experience(String elevatorId, Instant at) {
    Covered c = elevators.get(elevatorId).accruedTo(at);
    long made =
        claims.values().stream()
            .filter(k -> k.elevatorId().equals(elevatorId) && k.status() != Claim.Status.REJECTED)
            .count();
    return c.closedExperience()
        .plusExposure(c.periodExposureYears(), c.periodExpectedClaims())
        .plusClaims(made);
  }

  public PolicyState apply(PolicyEvent event) {
    if (event instanceof PolicyEvent.PolicyQuoted e) {
      Map<String, Covered> covered = new LinkedHashMap<>();
      for (ElevatorPremium p : e.premiums()) {
        // The experience the quote was priced with (earlier policies of the elevator) carries on
        // under this one.
        covered.put(
            p.elevatorId(),
            new Covered(
                p,
                p.annualPremium(),
                p.annualPremium(),
                null,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                p.experience(),
                Cny.ZERO));
      }
      return new PolicyState(
          e.policyId(),
          Status.QUOTED,
          e.insurer(),
          e.policyholder(),
          e.product(),
          e.productVersion(),
          e.term(),
          e.at(),
          e.validUntil(),
          null,
          null,
          null,
          null,
          null,
          covered,
          Map.of(),
          Map.of(),
          e.renews(),
          null);
    } else if (event instanceof PolicyEvent.PolicyBound e) {
      Map<String, Covered> covered = new LinkedHashMap<>();
      elevators.forEach(
          (id, c) ->
              covered.put(
                  id,
                  new Covered(
                      c.rated(),
                      c.inForce(),
                      c.periodStartPremium(),
                      e.coverFrom(),
                      BigDecimal.ZERO,
                      BigDecimal.ZERO,
                      BigDecimal.ZERO,
                      BigDecimal.ZERO,
                      c.closedExperience(),
                      c.fundBalance())));
      return with(Status.ACTIVE, e.coverFrom(), e.ratingPeriod(), e.coverFrom(), covered);
    } else if (event instanceof PolicyEvent.PremiumRerated e) {
      return withElevator(
          e.elevatorId(), elevators.get(e.elevatorId()).rerated(e.rated(), e.newPremium(), e.at()));
    } else if (event instanceof PolicyEvent.PeriodClosed e) {
      Map<String, Covered> covered = new LinkedHashMap<>(elevators);
      for (PolicyEvent.ElevatorPeriod p : e.elevators()) {
        covered.put(p.elevatorId(), covered.get(p.elevatorId()).periodClosed(p, e.periodEnd()));
      }
      return with(status, coverFrom, ratingPeriod, e.periodEnd(), covered);
    } else if (event instanceof PolicyEvent.ClaimOpened e) {
      return withClaim(e.claim());
    } else if (event instanceof PolicyEvent.ClaimAssessed e) {
      return withClaim(
          claims.get(e.claimId()).moved(Claim.Status.ASSESSED, e.amount(), e.note(), e.at()));
    } else if (event instanceof PolicyEvent.ClaimPaid e) {
      Claim paid = claims.get(e.claimId());
      PolicyState s = withClaim(paid.moved(Claim.Status.PAID, e.amount(), e.note(), e.at()));
      if (product != Product.PENSION) {
        return s;
      }
      // The pension fund pays major repairs: a paid claim is drawn from the elevator's balance.
      Covered c = s.elevators.get(paid.elevatorId());
      return s.withElevator(
          paid.elevatorId(),
          new Covered(
              c.rated(),
              c.inForce(),
              c.periodStartPremium(),
              c.accruedUntil(),
              c.periodExposureYears(),
              c.periodEarned(),
              c.periodExpectedClaims(),
              c.periodExpectedLoss(),
              c.closedExperience(),
              c.fundBalance().subtract(e.amount())));
    } else if (event instanceof PolicyEvent.ClaimRejected e) {
      Claim c = claims.get(e.claimId());
      return withClaim(c.moved(Claim.Status.REJECTED, c.amount(), e.note(), e.at()));
    } else if (event instanceof PolicyEvent.ServiceActionScheduled e) {
      return withAction(e.action());
    } else if (event instanceof PolicyEvent.ServiceActionCompleted e) {
      ServiceAction a = serviceActions.get(e.actionId());
      return withAction(
          new ServiceAction(
              a.actionId(),
              a.elevatorId(),
              a.reason(),
              a.detail(),
              a.scheduledAt(),
              a.dueBy(),
              e.at(),
              e.by(),
              e.note()));
    } else if (event instanceof PolicyEvent.PolicyCancelled e) {
      return closed(Status.CANCELLED, e.at(), e.reason());
    } else if (event instanceof PolicyEvent.PolicyLapsed e) {
      return renewedBy == null
          ? closed(Status.LAPSED, e.at(), "the term ended")
          : closed(Status.RENEWED, e.at(), "the term ended; renewed by " + renewedBy);
    } else if (event instanceof PolicyEvent.PolicyRenewed e) {
      PolicyState linked =
          new PolicyState(
              policyId,
              status,
              insurer,
              policyholder,
              product,
              productVersion,
              term,
              quotedAt,
              validUntil,
              coverFrom,
              ratingPeriod,
              periodStart,
              closedAt,
              closeReason,
              elevators,
              claims,
              serviceActions,
              renews,
              e.successorId());
      // A renewal bound after the term had already lapsed turns the lapse into a renewal.
      return status == Status.LAPSED
          ? linked.closed(Status.RENEWED, closedAt, "the term ended; renewed by " + e.successorId())
          : linked;
    }
    throw new IllegalArgumentException("unknown policy event " + event.getClass().getName());
  }

  private PolicyState with(
      Status s, Instant from, Duration period, Instant periodFrom, Map<String, Covered> covered) {
    return new PolicyState(
        policyId,
        s,
        insurer,
        policyholder,
        product,
        productVersion,
        term,
        quotedAt,
        validUntil,
        from,
        period,
        periodFrom,
        closedAt,
        closeReason,
        covered,
        claims,
        serviceActions,
        renews,
        renewedBy);
  }

  private PolicyState withElevator(String id, Covered c) {
    Map<String, Covered> covered = new LinkedHashMap<>(elevators);
    covered.put(id, c);
    return with(status, coverFrom, ratingPeriod, periodStart, covered);
  }

  private PolicyState withClaim(Claim c) {
    Map<String, Claim> all = new LinkedHashMap<>(claims);
    all.put(c.claimId(), c);
    return new PolicyState(
        policyId,
        status,
        insurer,
        policyholder,
        product,
        productVersion,
        term,
        quotedAt,
        validUntil,
        coverFrom,
        ratingPeriod,
        periodStart,
        closedAt,
        closeReason,
        elevators,
        all,
        serviceActions,
        renews,
        renewedBy);
  }

  private PolicyState withAction(ServiceAction a) {
    Map<String, ServiceAction> all = new LinkedHashMap<>(serviceActions);
    all.put(a.actionId(), a);
    return new PolicyState(
        policyId,
        status,
        insurer,
        policyholder,
        product,
        productVersion,
        term,
        quotedAt,
        validUntil,
        coverFrom,
        ratingPeriod,
        periodStart,
        closedAt,
        closeReason,
        elevators,
        claims,
        all,
        renews,
        renewedBy);
  }

  private PolicyState closed(Status s, Instant at, String reason) {
    return new PolicyState(
        policyId,
        s,
        insurer,
        policyholder,
        product,
        productVersion,
        term,
        quotedAt,
        validUntil,
        coverFrom,
        ratingPeriod,
        periodStart,
        at,
        reason,
        elevators,
        claims,
        serviceActions,
        renews,
        renewedBy);
  }
}
