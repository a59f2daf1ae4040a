package io.liftguard.api.dto;

import io.liftguard.insurance.domain.Product;
import io.liftguard.insurance.domain.Term;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The bodies the insurance routes read (unknown fields are refused). */
public final class InsuranceRequests {
  private InsuranceRequests() {}

  /**
   * {@code POST /api/v1/quotes}; {@code insurer} only for an admin (an insurer quotes as itself).
   */
  public record QuoteBody(
      String insurer, String policyholder, Product product, List<String> elevators, Term term) {}

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
      String note) {}

  /** {@code POST .../claims/{id}/assess}: the loss as assessed, before deductible and limit. */
  public record AssessBody(BigDecimal loss, String note) {}

  /** A note or reason: paying, rejecting, completing a check, cancelling. */
  public record NoteBody(String note) {}
}
