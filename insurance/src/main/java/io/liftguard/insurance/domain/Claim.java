package io.liftguard.insurance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A claim under a policy: opened (first notice of loss, with a reserve), assessed (the amount
 * owed), then paid or rejected. An automatic claim's id is derived from the twin event that opened
 * it, so it is opened once however often that event is seen.
 *
 * @param evidence references to the twin events behind the claim ({@code elevatorId/eventId})
 * @param amount the reserve while opened, the assessed amount once assessed, the amount paid once
 *     paid
 */
public record Claim(
    String claimId,
    String elevatorId,
    Source source,
    String cause,
    Instant occurredAt,
    List<String> evidence,
    Status status,
    BigDecimal amount,
    String note,
    Instant openedAt,
    Instant updatedAt) {

  /** How the claim was opened. */
  public enum Source {
    AUTOMATIC,
    MANUAL
  }

  /** Where a claim is in its life. */
  public enum Status {
    OPENED,
    ASSESSED,
    PAID,
    REJECTED;

    public boolean isClosed() {
      return this == PAID || this == REJECTED;
    }
  }

  /** The id of the automatic claim for twin event {@code eventId} of {@code elevatorId}. */
  public static String automaticId(String elevatorId, String eventId) {
    return "auto-" + elevatorId + "-" + eventId;
  }

  /** What the claim costs the insurer as it stands: nothing once rejected. */
  public BigDecimal incurred() {
    return status == Status.REJECTED ? Cny.ZERO : amount;
  }

  Claim moved(Status to, BigDecimal newAmount, String newNote, Instant at) {
    return new Claim(
        claimId,
        elevatorId,
        source,
        cause,
        occurredAt,
        evidence,
        to,
        newAmount,
        newNote,
        openedAt,
        at);
  }
}
