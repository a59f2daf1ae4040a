package io.liftguard.insurance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An insurer's book over {@code [from, to)}: policies by status, what is covered now, exposure,
 * written and earned premium, incurred claims and loss ratio, the loss the priced risk expected,
 * how premiums moved and the riskiest covered elevators. Exposure, earned premium and expected loss
 * count closed rating periods.
 *
 * @param lossRatio incurred over earned; null while nothing is earned
 * @param rateChanges re-ratings in the window by relative change against the premium in force
 *     before
 * @param largestMoveInAPeriod the largest move of any premium from its period's starting premium (a
 *     fraction): never above the product's bound
 */
public record Portfolio(
    String insurer,
    Instant from,
    Instant to,
    Map<String, Long> policies,
    long elevatorsCovered,
    BigDecimal annualPremiumInForce,
    BigDecimal exposureYears,
    BigDecimal writtenPremium,
    BigDecimal earnedPremium,
    long claims,
    BigDecimal incurredClaims,
    BigDecimal lossRatio,
    BigDecimal expectedLoss,
    BigDecimal expectedLossRatio,
    Map<String, Long> rateChanges,
    long boundedChanges,
    BigDecimal largestMoveInAPeriod,
    long overdueServiceActions,
    List<RiskyElevator> riskiestElevators) {

  /** A covered elevator and its twin's risk. */
  public record RiskyElevator(
      String elevatorId,
      String policyId,
      String district,
      String band,
      double faultProbability30d,
      double entrapmentProbability30d,
      BigDecimal annualPremium) {}

  /** The buckets of {@link #rateChanges}, by relative change. */
  public static final List<String> CHANGE_BUCKETS =
      List.of(
          "below -15%",
          "-15% to -5%", "-5% to 0%", "unchanged", "0% to +5%", "+5% to +15%", "above +15%");

  /** The bucket of a change from {@code before} to {@code after}. */
  public static String bucket(BigDecimal before, BigDecimal after) {
    int cmp = after.compareTo(before);
    if (cmp == 0 || before.signum() == 0) {
      return "unchanged";
    }
    BigDecimal change = after.divide(before, Cny.EXACT).subtract(BigDecimal.ONE);
    if (change.compareTo(new BigDecimal("-0.15")) < 0) {
      return CHANGE_BUCKETS.get(0);
    } else if (change.compareTo(new BigDecimal("-0.05")) < 0) {
      return CHANGE_BUCKETS.get(1);
    } else if (change.signum() < 0) {
      return CHANGE_BUCKETS.get(2);
    } else if (change.compareTo(new BigDecimal("0.05")) <= 0) {
      return CHANGE_BUCKETS.get(4);
    } else if (change.compareTo(new BigDecimal("0.15")) <= 0) {
      return CHANGE_BUCKETS.get(5);
    }
    return CHANGE_BUCKETS.get(6);
  }
}
