package io.liftguard.api.dto;

import io.liftguard.insurance.PolicyBook;
import io.liftguard.insurance.domain.ElevatorPremium;
import io.liftguard.insurance.domain.PolicyEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every premium a policy has had, oldest first, straight from its events: the quote's, then each
 * re-rating with why (schedule or risk band), the premium before and after, the indicated premium
 * and whether the bound held it, and the full rating (factors, inputs, product and model versions).
 * Replaying these explains the premium in force.
 */
public record PremiumHistory(String policyId, List<Change> changes) {

  /** One premium set for one elevator. */
  public record Change(
      long sequenceNr,
      Instant at,
      String elevatorId,
      String reason,
      BigDecimal oldPremium,
      BigDecimal newPremium,
      BigDecimal indicatedPremium,
      BigDecimal periodStartPremium,
      boolean bounded,
      String by,
      ElevatorPremium rating) {}

  public static PremiumHistory of(
      String policyId, List<PolicyBook.PremiumEntry> entries, String elevatorId) {
    List<Change> changes = new ArrayList<>();
    for (PolicyBook.PremiumEntry e : entries) {
      if (e.event() instanceof PolicyEvent.PolicyQuoted q) {
        for (ElevatorPremium p : q.premiums()) {
          changes.add(
              new Change(
                  e.sequenceNr(),
                  q.at(),
                  p.elevatorId(),
                  "QUOTE",
                  null,
                  p.annualPremium(),
                  p.annualPremium(),
                  null,
                  false,
                  q.by(),
                  p));
        }
      } else if (e.event() instanceof PolicyEvent.PremiumRerated r) {
        changes.add(
            new Change(
                e.sequenceNr(),
                r.at(),
                r.elevatorId(),
                r.reason().name(),
                r.oldPremium(),
                r.newPremium(),
                r.rated().annualPremium(),
                r.periodStartPremium(),
                r.bounded(),
                r.by(),
                r.rated()));
      }
    }
    if (elevatorId != null) {
      changes.removeIf(c -> !c.elevatorId().equals(elevatorId));
    }
    return new PremiumHistory(policyId, changes);
  }
}
