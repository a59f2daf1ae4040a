package io.liftguard.api.dto;

import io.liftguard.insurance.domain.Claim;
import io.liftguard.insurance.domain.ElevatorPremium;
import io.liftguard.insurance.domain.PolicyState;
import io.liftguard.insurance.domain.Product;
import io.liftguard.insurance.domain.ServiceAction;
import io.liftguard.insurance.domain.Term;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A quote or policy as {@code /api/v1/quotes} and {@code /api/v1/policies/{id}} show it: its state,
 * term and premium, and per elevator the premium in force with the rating behind it (every factor,
 * its inputs, the model version).
 *
 * @param annualPremium the sum of the elevators' premiums in force (CNY a year, exact to the fen)
 */
public record PolicyView(
    String policyId,
    String status,
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
    BigDecimal annualPremium,
    List<CoveredElevator> elevators,
    long openClaims,
    long openServiceActions,
    long overdueServiceActions,
    String renews,
    String renewedBy) {

  /**
   * One covered elevator: the premium in force, the premium the current rating period began with
   * (re-ratings stay within the product's bound of it), its pension fund balance, and the latest
   * rating with all factors.
   */
  public record CoveredElevator(
      String elevatorId,
      BigDecimal annualPremium,
      BigDecimal periodStartPremium,
      BigDecimal fundBalance,
      ElevatorPremium rating) {}

  public static PolicyView of(PolicyState s, Instant now) {
    return new PolicyView(
        s.policyId(),
        s.status().name().toLowerCase(java.util.Locale.ROOT),
        s.insurer(),
        s.policyholder(),
        s.product(),
        s.productVersion(),
        s.term(),
        s.quotedAt(),
        s.validUntil(),
        s.coverFrom(),
        s.ratingPeriod(),
        s.periodStart(),
        s.closedAt(),
        s.closeReason(),
        s.annualPremium(),
        s.elevators().values().stream()
            .map(
                c ->
                    new CoveredElevator(
                        c.rated().elevatorId(),
                        c.inForce(),
                        c.periodStartPremium(),
                        c.fundBalance(),
                        c.rated()))
            .toList(),
        s.claims().values().stream().filter(c -> !c.status().isClosed()).count(),
        s.serviceActions().values().stream().filter(ServiceAction::isOpen).count(),
        s.serviceActions().values().stream().filter(a -> a.isOverdue(now)).count(),
        s.renews(),
        s.renewedBy());
  }

  /** The claims of a policy, newest first. */
  public record Claims(String policyId, List<Claim> claims) {}

  /** The service actions of a policy, each with whether it is overdue now. */
  public record ServiceActions(String policyId, List<Action> actions, Instant asOf) {
    public record Action(ServiceAction action, boolean overdue) {}
  }
}
