package io.liftguard.insurance.domain;

import io.liftguard.kernel.CborSerializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything that happened to one policy: replayed, these events say why every premium is what it
 * is. The records' names are persisted as their type (insurance/json/InsuranceJsonModule): renaming
 * one needs a Jackson migration.
 */
public sealed interface PolicyEvent extends CborSerializable {
  Instant at();

  /**
   * A quote, with every elevator's premium and breakdown; binding it makes it the policy. {@code
   * renews}: the policy it would renew (null for a new one).
   */
  record PolicyQuoted(
      String policyId,
      String insurer,
      String policyholder,
      Product product,
      String productVersion,
      Term term,
      List<ElevatorPremium> premiums,
      Instant validUntil,
      Instant at,
      String by,
      String renews)
      implements PolicyEvent {}

  /**
   * The policy's renewal {@code successorId} was bound: at the end of its term it is renewed, not
   * lapsed.
   */
  record PolicyRenewed(String successorId, Instant at, String by) implements PolicyEvent {}

  /**
   * The quote was bound: cover runs from {@code coverFrom}, rated in periods of {@code
   * ratingPeriod}.
   */
  record PolicyBound(Instant coverFrom, Duration ratingPeriod, Instant at, String by)
      implements PolicyEvent {}

  /** Why a premium was re-rated. */
  enum RerateReason {
    /** The rating period ended (monthly by default). */
    SCHEDULE,
    /** The twin's risk band changed. */
    RISK_BAND
  }

  /**
   * One elevator's premium changed from {@code oldPremium} to {@code newPremium}: {@code rated} is
   * the indicated premium with all its factors and inputs; {@code bounded} says the change was held
   * to the product's bound.
   */
  record PremiumRerated(
      String elevatorId,
      RerateReason reason,
      BigDecimal oldPremium,
      BigDecimal newPremium,
      boolean bounded,
      BigDecimal periodStartPremium,
      ElevatorPremium rated,
      Instant at,
      String by)
      implements PolicyEvent {}

  /** One elevator's figures for a closed rating period. */
  record ElevatorPeriod(
      String elevatorId,
      BigDecimal exposureYears,
      BigDecimal earnedPremium,
      BigDecimal expectedClaims,
      BigDecimal expectedLoss,
      BigDecimal fundCredit) {}

  /**
   * A rating period ended: exposure, earned premium and expected loss per elevator, its fund credit
   * (pension).
   */
  record PeriodClosed(
      Instant periodStart, Instant periodEnd, List<ElevatorPeriod> elevators, Instant at)
      implements PolicyEvent {}

  record ClaimOpened(Claim claim, Instant at, String by) implements PolicyEvent {}

  record ClaimAssessed(String claimId, BigDecimal amount, String note, Instant at, String by)
      implements PolicyEvent {}

  record ClaimPaid(String claimId, BigDecimal amount, String note, Instant at, String by)
      implements PolicyEvent {}

  record ClaimRejected(String claimId, String note, Instant at, String by) implements PolicyEvent {}

  record ServiceActionScheduled(ServiceAction action, Instant at) implements PolicyEvent {}

  record ServiceActionCompleted(String actionId, String note, Instant at, String by)
      implements PolicyEvent {}

  record PolicyCancelled(String reason, Instant at, String by) implements PolicyEvent {}

  /** The term ended. */
  record PolicyLapsed(Instant at) implements PolicyEvent {}
}
