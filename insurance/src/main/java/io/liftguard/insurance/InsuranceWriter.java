package io.liftguard.insurance;

import static io.liftguard.kernel.readside.Sql.date;
import static io.liftguard.kernel.readside.Sql.prepare;
import static io.liftguard.kernel.readside.Sql.ts;
import static io.liftguard.kernel.readside.Sql.update;

import io.liftguard.insurance.domain.Claim;
import io.liftguard.insurance.domain.Cny;
import io.liftguard.insurance.domain.ElevatorPremium;
import io.liftguard.insurance.domain.PolicyEvent;
import io.liftguard.insurance.domain.PolicyState;
import io.liftguard.insurance.domain.Pricing;
import io.liftguard.insurance.domain.ServiceAction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes policy events to the insurance read model's tables, inside the projection's transaction
 * (exactly once, so plain inserts). Rows that need the policy's insurer take it from {@code
 * ins_policy}, written by the quote.
 */
final class InsuranceWriter {
  private InsuranceWriter() {}

  static void apply(Connection c, String policyId, long seqNr, PolicyEvent event)
      throws SQLException {
    if (event instanceof PolicyEvent.PolicyQuoted e) {
      update(
          c,
          "INSERT INTO ins_policy (policy_id, insurer, policyholder, product, product_version,"
              + " status, term_start, term_end, quoted_at, elevators, annual_premium, updated_at,"
              + " renews) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          policyId,
          e.insurer(),
          e.policyholder(),
          e.product().wireName(),
          e.productVersion(),
          PolicyState.Status.QUOTED.name(),
          date(e.term().start()),
          date(e.term().end()),
          ts(e.at()),
          e.premiums().size(),
          e.premiums().stream()
              .map(ElevatorPremium::annualPremium)
              .reduce(Cny.ZERO, BigDecimal::add),
          ts(e.at()),
          e.renews());
      for (ElevatorPremium p : e.premiums()) {
        update(
            c,
            "INSERT INTO ins_coverage (policy_id, elevator_id, insurer, product, status,"
                + " annual_premium, fund_balance) VALUES (?, ?, ?, ?, ?, ?, ?)",
            policyId,
            p.elevatorId(),
            e.insurer(),
            e.product().wireName(),
            PolicyState.Status.QUOTED.name(),
            p.annualPremium(),
            Cny.ZERO);
      }
    } else if (event instanceof PolicyEvent.PolicyBound e) {
      BigDecimal written = written(c, policyId);
      update(
          c,
          "UPDATE ins_policy SET status = ?, cover_from = ?, written_premium = ?, updated_at = ?"
              + " WHERE policy_id = ?",
          PolicyState.Status.ACTIVE.name(),
          ts(e.coverFrom()),
          written,
          ts(e.at()),
          policyId);
      status(c, policyId, PolicyState.Status.ACTIVE);
    } else if (event instanceof PolicyEvent.PremiumRerated e) {
      update(
          c,
          "INSERT INTO ins_premium_change (policy_id, seq_nr, elevator_id, insurer, changed_at,"
              + " reason, old_premium, new_premium, indicated_premium, period_start_premium,"
              + " bounded) SELECT ?, ?, ?, insurer, ?, ?, ?, ?, ?, ?, ? FROM ins_policy WHERE"
              + " policy_id = ?",
          policyId,
          seqNr,
          e.elevatorId(),
          ts(e.at()),
          e.reason().name(),
          e.oldPremium(),
          e.newPremium(),
          e.rated().annualPremium(),
          e.periodStartPremium(),
          e.bounded(),
          policyId);
      update(
          c,
          "UPDATE ins_coverage SET annual_premium = ? WHERE policy_id = ? AND elevator_id = ?",
          e.newPremium(),
          policyId,
          e.elevatorId());
      update(
          c,
          "UPDATE ins_policy SET annual_premium = (SELECT SUM(annual_premium) FROM ins_coverage"
              + " WHERE policy_id = ?), updated_at = ? WHERE policy_id = ?",
          policyId,
          ts(e.at()),
          policyId);
    } else if (event instanceof PolicyEvent.PeriodClosed e) {
      for (PolicyEvent.ElevatorPeriod p : e.elevators()) {
        update(
            c,
            "INSERT INTO ins_period (policy_id, elevator_id, insurer, period_start, period_end,"
                + " exposure_years, earned_premium, expected_claims, expected_loss, fund_credit)"
                + " SELECT ?, ?, insurer, ?, ?, ?, ?, ?, ?, ? FROM ins_policy WHERE policy_id = ?",
            policyId,
            p.elevatorId(),
            ts(e.periodStart()),
            ts(e.periodEnd()),
            p.exposureYears(),
            p.earnedPremium(),
            p.expectedClaims(),
            p.expectedLoss(),
            p.fundCredit(),
            policyId);
        if (p.fundCredit().signum() != 0) {
          update(
              c,
              "UPDATE ins_coverage SET fund_balance = fund_balance + ? WHERE policy_id = ? AND"
                  + " elevator_id = ?",
              p.fundCredit(),
              policyId,
              p.elevatorId());
        }
      }
    } else if (event instanceof PolicyEvent.ClaimOpened e) {
      Claim k = e.claim();
      update(
          c,
          "INSERT INTO ins_claim (policy_id, claim_id, elevator_id, insurer, source, cause, status,"
              + " amount, occurred_at, opened_at, updated_at) SELECT ?, ?, ?, insurer, ?, ?, ?, ?,"
              + " ?, ?, ? FROM ins_policy WHERE policy_id = ?",
          policyId,
          k.claimId(),
          k.elevatorId(),
          k.source().name(),
          k.cause(),
          k.status().name(),
          k.amount(),
          ts(k.occurredAt()),
          ts(e.at()),
          ts(e.at()),
          policyId);
    } else if (event instanceof PolicyEvent.ClaimAssessed e) {
      claim(c, policyId, e.claimId(), Claim.Status.ASSESSED, e.amount(), e.at());
    } else if (event instanceof PolicyEvent.ClaimPaid e) {
      claim(c, policyId, e.claimId(), Claim.Status.PAID, e.amount(), e.at());
      if ("pension".equals(product(c, policyId))) {
        update(
            c,
            "UPDATE ins_coverage SET fund_balance = fund_balance - ? WHERE policy_id = ? AND"
                + " elevator_id = (SELECT elevator_id FROM ins_claim WHERE policy_id = ? AND"
                + " claim_id = ?)",
            e.amount(),
            policyId,
            policyId,
            e.claimId());
      }
    } else if (event instanceof PolicyEvent.ClaimRejected e) {
      claim(c, policyId, e.claimId(), Claim.Status.REJECTED, null, e.at());
    } else if (event instanceof PolicyEvent.ServiceActionScheduled e) {
      ServiceAction a = e.action();
      update(
          c,
          "INSERT INTO ins_service_action (policy_id, action_id, elevator_id, insurer, reason,"
              + " detail, scheduled_at, due_by) SELECT ?, ?, ?, insurer, ?, ?, ?, ? FROM ins_policy"
              + " WHERE policy_id = ?",
          policyId,
          a.actionId(),
          a.elevatorId(),
          a.reason().name(),
          a.detail(),
          ts(a.scheduledAt()),
          ts(a.dueBy()),
          policyId);
    } else if (event instanceof PolicyEvent.ServiceActionCompleted e) {
      update(
          c,
          "UPDATE ins_service_action SET completed_at = ? WHERE policy_id = ? AND action_id = ?",
          ts(e.at()),
          policyId,
          e.actionId());
    } else if (event instanceof PolicyEvent.PolicyCancelled e) {
      closed(c, policyId, PolicyState.Status.CANCELLED, e.at());
    } else if (event instanceof PolicyEvent.PolicyLapsed e) {
      closed(
          c,
          policyId,
          renewedBy(c, policyId) == null ? PolicyState.Status.LAPSED : PolicyState.Status.RENEWED,
          e.at());
    } else if (event instanceof PolicyEvent.PolicyRenewed e) {
      update(
          c,
          "UPDATE ins_policy SET renewed_by = ?, updated_at = ? WHERE policy_id = ?",
          e.successorId(),
          ts(e.at()),
          policyId);
      // A renewal bound after the term had lapsed turns the lapse into a renewal (PolicyState does
      // the same).
      if (update(
              c,
              "UPDATE ins_policy SET status = ? WHERE policy_id = ? AND status = ?",
              PolicyState.Status.RENEWED.name(),
              policyId,
              PolicyState.Status.LAPSED.name())
          > 0) {
        status(c, policyId, PolicyState.Status.RENEWED);
      }
    }
  }

  private static void claim(
      Connection c,
      String policyId,
      String claimId,
      Claim.Status status,
      BigDecimal amount,
      Instant at)
      throws SQLException {
    update(
        c,
        "UPDATE ins_claim SET status = ?, amount = COALESCE(?, amount), updated_at = ? "
            + "WHERE policy_id = ? AND claim_id = ?",
        status.name(),
        amount,
        ts(at),
        policyId,
        claimId);
  }

  private static void closed(Connection c, String policyId, PolicyState.Status status, Instant at)
      throws SQLException {
    update(
        c,
        "UPDATE ins_policy SET status = ?, closed_at = ?, updated_at = ? WHERE policy_id = ?",
        status.name(),
        ts(at),
        ts(at),
        policyId);
    status(c, policyId, status);
  }

  private static void status(Connection c, String policyId, PolicyState.Status status)
      throws SQLException {
    update(c, "UPDATE ins_coverage SET status = ? WHERE policy_id = ?", status.name(), policyId);
  }

  private static String renewedBy(Connection c, String policyId) throws SQLException {
    try (PreparedStatement ps =
            prepare(c, "SELECT renewed_by FROM ins_policy WHERE policy_id = ?", policyId);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static String product(Connection c, String policyId) throws SQLException {
    try (PreparedStatement ps =
            prepare(c, "SELECT product FROM ins_policy WHERE policy_id = ?", policyId);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** The premium written at binding: the annual premium for the term's days. */
  private static BigDecimal written(Connection c, String policyId) throws SQLException {
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT annual_premium, term_start, term_end FROM ins_policy WHERE policy_id = ?",
                policyId);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException(
            "policy " + policyId + " is bound but was never quoted in the read model");
      }
      long days = ChronoUnit.DAYS.between(rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate());
      return Pricing.earned(rs.getBigDecimal(1), days);
    }
  }
}
