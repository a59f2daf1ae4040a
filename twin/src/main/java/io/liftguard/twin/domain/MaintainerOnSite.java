package io.liftguard.twin.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A maintainer checked in at the car (the start of a paperless visit record), until checked out.
 *
 * <p>While a maintainer is checked in the intelligent alarm is held: a maintainer working in a car
 * out of service with its doors shut is, to the terminal, someone stuck in a car ({@code
 * docs/intelligent-alarm.md}: nearly every false alarm). The hold lasts until the check-out and at
 * most {@link #HOLDS_ALARM_AT_MOST} after the check-in, so a forgotten check-out cannot silence the
 * alarm for longer than the longest visit.
 *
 * @param visitId the visit's id (the work order's), also the id of the visit the check-out records
 * @param certificate the worker's certificate number (the maintenance module checked it is the
 *     company's and valid)
 * @param since when the maintainer checked in
 * @param inspectionSeen whether the terminal reported inspection mode since the check-in (or at
 *     it): a visit without it is flagged
 */
public record MaintainerOnSite(
    String visitId,
    String company,
    String worker,
    String certificate,
    MaintenanceVisit.Kind kind,
    Instant since,
    boolean inspectionSeen) {

  /**
   * The longest a check-in holds the alarm: a yearly visit, the longest tier, is about two hours on
   * site (an assumption, see the maintenance module's {@code VisitTier}); twice that is kept.
   */
  public static final Duration HOLDS_ALARM_AT_MOST = Duration.ofHours(4);

  /** When the hold ends if no check-out comes. */
  public Instant holdsAlarmUntil() {
    return since.plus(HOLDS_ALARM_AT_MOST);
  }

  /** Whether the check-in holds the alarm at {@code at}. */
  public boolean holdsAlarmAt(Instant at) {
    return at.isBefore(holdsAlarmUntil());
  }

  /** The same check-in, having seen {@code r}. */
  MaintainerOnSite seeing(Reading r) {
    return inspectionSeen || r == null || r.runningMode() != RunningMode.INSPECTION
        ? this
        : new MaintainerOnSite(visitId, company, worker, certificate, kind, since, true);
  }

  /** The visit this check-in and a check-out at {@code until} make, for the twin's record. */
  MaintenanceVisit visit(Instant until, String notes) {
    return new MaintenanceVisit(visitId, company, worker, kind, since, until, notes);
  }

  public List<String> problems(Instant now, Reading.TimeWindow window) {
    Problems p = new Problems();
    p.text("visitId", visitId, 128);
    p.text("company", company, 128);
    p.text("worker", worker, 128);
    p.text("certificate", certificate, 64);
    p.notNull("kind", kind);
    p.timely("since", since, now, window);
    return p.toList();
  }
}
