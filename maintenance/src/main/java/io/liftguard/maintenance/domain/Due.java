package io.liftguard.maintenance.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * When an elevator's next visit is due, and why: each reason a sentence a maintainer and a
 * regulator read on the work order ("brake drift warning 3 days ago").
 */
public record Due(String elevatorId, LocalDate dueBy, List<String> reasons) {
  public Due {
    reasons = List.copyOf(reasons);
  }

  /** Where a work order stands on {@code today}. */
  public enum Status {
    /** Its day has not come. */
    SCHEDULED,
    /** Due today, or called for by the elevator's condition. */
    DUE,
    /** Past its day. */
    OVERDUE
  }

  public Status status(LocalDate today) {
    return dueBy.isAfter(today)
        ? Status.SCHEDULED
        : dueBy.isBefore(today) ? Status.OVERDUE : Status.DUE;
  }

  /** Days past due on {@code today} (0 when not overdue): the work list sorts on it. */
  public long daysOverdue(LocalDate today) {
    return Math.max(0, ChronoUnit.DAYS.between(dueBy, today));
  }
}
