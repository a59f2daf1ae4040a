package io.liftguard.api.dto;

import io.liftguard.insurance.domain.PolicyRules;
import io.liftguard.insurance.domain.Product;
import io.liftguard.insurance.domain.Term;
import io.liftguard.twin.domain.ElevatorId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The bodies the insurance routes read (unknown fields are refused), and what is wrong with them.
 */
public final class InsuranceRequests {
  private InsuranceRequests() {}

  /**
   * {@code POST /api/v1/quotes}; {@code insurer} only for an admin (an insurer quotes as itself).
   */
  public record QuoteBody(
      String insurer, String policyholder, Product product, List<String> elevators, Term term) {

    /** Every problem of this body as of {@code today} (the insurer is the route's to judge). */
    public List<String> problems(LocalDate today) {
      List<String> problems = new ArrayList<>();
      if (product == null) {
        problems.add("product is required: liability, insurance-service or pension");
      }
      if (policyholder == null || policyholder.isBlank() || policyholder.length() > 256) {
        problems.add("policyholder (the using unit) is required, at most 256 characters");
      }
      List<String> ids = elevators();
      if (ids.isEmpty() || ids.size() > PolicyRules.MAX_ELEVATORS) {
        problems.add("elevators: list 1 to " + PolicyRules.MAX_ELEVATORS + " elevator ids");
      }
      for (String e : ids) {
        ElevatorId.problem(e)
            .ifPresent(
                x -> problems.add("elevators: " + x.replace("registrationCode", "elevator id")));
      }
      if (new HashSet<>(ids).size() != ids.size()) {
        problems.add("elevators: an elevator is listed twice");
      }
      if (term == null) {
        problems.add("term is required: {\"start\": \"yyyy-mm-dd\", \"end\": \"yyyy-mm-dd\"}");
      } else {
        problems.addAll(term.problems(today));
      }
      return problems;
    }

    /** The elevators to quote (none when the body named none). */
    @Override
    public List<String> elevators() {
      return elevators == null ? List.of() : elevators;
    }
  }

  /** {@code POST /api/v1/policies}: bind a quote. */
  public record BindBody(String quoteId) {}

  /**
   * {@code POST .../claims}: a loss reported by hand (an injury, damage); {@code amount} is the
   * reserve.
   */
  public record ClaimBody(
      String claimId,
      String elevatorId,
      String cause,
      Instant occurredAt,
      BigDecimal amount,
      String note) {

    /** Every problem of this body; {@code recordId} is the shape the platform's own ids take. */
    public List<String> problems(Pattern recordId) {
      List<String> problems = new ArrayList<>();
      if (elevatorId == null) {
        problems.add("elevatorId is required");
      } else {
        ElevatorId.problem(elevatorId)
            .ifPresent(x -> problems.add(x.replace("registrationCode", "elevatorId")));
      }
      if (cause == null || cause.isBlank() || cause.length() > 128) {
        problems.add("cause is required (1-128 characters), e.g. 'injury', 'property damage'");
      }
      if (occurredAt == null) {
        problems.add("occurredAt is required (ISO-8601 instant)");
      }
      if (amount == null || amount.signum() < 0 || amount.scale() > 2) {
        problems.add("amount (the reserve, CNY) is required: zero or more, at most two decimals");
      }
      if (claimId != null && !recordId.matcher(claimId).matches()) {
        problems.add("claimId must be 1-160 letters, digits, '.', '_' or '-'");
      }
      return problems;
    }
  }

  /** {@code POST .../claims/{id}/assess}: the loss as assessed, before deductible and limit. */
  public record AssessBody(BigDecimal loss, String note) {}

  /** A note or reason: paying, rejecting, completing a check, cancelling. */
  public record NoteBody(String note) {}
}
