package io.liftguard.insurance.domain;

import java.time.Instant;

/**
 * "+ service": a safety check the insurer funds on a covered elevator, scheduled when its risk
 * crosses the product's threshold or its maintenance or inspection is overdue, tracked until
 * someone records it done.
 */
public record ServiceAction(
    String actionId,
    String elevatorId,
    Reason reason,
    String detail,
    Instant scheduledAt,
    Instant dueBy,
    Instant completedAt,
    String completedBy,
    String note) {

  /** Why the check was scheduled. */
  public enum Reason {
    RISK_THRESHOLD,
    MAINTENANCE_OVERDUE,
    INSPECTION_OVERDUE
  }

  public boolean isOpen() {
    return completedAt == null;
  }

  /** Open past its due time at {@code now}. */
  public boolean isOverdue(Instant now) {
    return isOpen() && now.isAfter(dueBy);
  }
}
