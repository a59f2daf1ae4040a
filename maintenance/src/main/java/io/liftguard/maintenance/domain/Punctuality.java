package io.liftguard.maintenance.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * How many visits fell due in a period and how many of those were done by their due day: each visit
 * (the last one before the period included) makes the next due {@code intervalDays} later; a due
 * day in the period counts, and it was kept if another visit came by then. A due day not yet
 * reached ({@code until}) is not counted.
 *
 * @param due visits that fell due in the period
 * @param onTime of which done by their due day
 */
public record Punctuality(long due, long onTime) {

  /**
   * @param visits the elevator's visit days, oldest first, from before the period on
   * @param from first day of the period
   * @param until the day after the last day counted (the period's end, or today if sooner)
   */
  public static Punctuality of(
      List<LocalDate> visits, int intervalDays, LocalDate from, LocalDate until) {
    long due = 0;
    long onTime = 0;
    for (int i = 0; i < visits.size(); i++) {
      LocalDate dueDay = visits.get(i).plusDays(intervalDays);
      if (dueDay.isBefore(from) || !dueDay.isBefore(until)) {
        continue;
      }
      due++;
      if (i + 1 < visits.size() && !visits.get(i + 1).isAfter(dueDay)) {
        onTime++;
      }
    }
    return new Punctuality(due, onTime);
  }

  public Punctuality plus(Punctuality o) {
    return new Punctuality(due + o.due, onTime + o.onTime);
  }
}
