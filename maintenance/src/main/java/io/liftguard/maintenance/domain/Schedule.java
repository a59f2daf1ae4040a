package io.liftguard.maintenance.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When each elevator's next visit is due under its contract's mode. Pure: the same condition and
 * day give the same answer, so a work order's reasons can be checked by hand.
 *
 * <ul>
 *   <li>{@link MaintenanceMode.Fixed}: the last visit plus the interval; an elevator never visited
 *       is due at once.
 *   <li>{@link MaintenanceMode.OnDemand}: due today when a rule calls for it (risk band, a drift
 *       warning since the last visit, faults since the last visit), and at the latest the last
 *       visit plus the maximum interval, shortened to the frequent-fault interval for an elevator
 *       with frequent faults. A condition rule never moves a visit later than the interval would.
 * </ul>
 */
public final class Schedule {
  private Schedule() {}

  /** The most urgent first: the earliest due day (the longest overdue), then by elevator. */
  public static Comparator<Due> mostUrgentFirst() {
    return Comparator.comparing(Due::dueBy).thenComparing(Due::elevatorId);
  }

  public static Due due(MaintenanceMode mode, ElevatorCondition c, LocalDate today) {
    if (c.lastVisit() == null) {
      return new Due(c.elevatorId(), today, List.of("no visit on record"));
    }
    if (mode instanceof MaintenanceMode.OnDemand d) {
      return onDemand(d, c, today);
    }
    int interval = ((MaintenanceMode.Fixed) mode).intervalDays();
    return new Due(
        c.elevatorId(),
        c.lastVisit().plusDays(interval),
        List.of("every " + interval + " days, last visit " + c.lastVisit()));
  }

  private static Due onDemand(MaintenanceMode.OnDemand d, ElevatorCondition c, LocalDate today) {
    OnDemandRules rules = d.rules();
    List<String> now = new ArrayList<>();
    if (c.band() != null && c.band().compareTo(rules.visitAtBand()) >= 0) {
      now.add("risk band " + c.band());
    }
    if (rules.onDriftWarning() && !c.driftWarnings().isEmpty()) {
      ElevatorCondition.DriftWarning w = c.driftWarnings().get(c.driftWarnings().size() - 1);
      now.add(w.signal() + " drift warning " + ago(w.on(), today));
    }
    if (c.faultsSinceVisit() >= rules.faultsSinceVisit()) {
      now.add(c.faultsSinceVisit() + " faults since the last visit");
    }
    boolean frequent = c.faults90d() >= rules.frequentFaults90d();
    int interval = frequent ? rules.frequentFaultIntervalDays() : d.maxIntervalDays();
    LocalDate latest = c.lastVisit().plusDays(interval);
    String intervalReason =
        frequent
            ? c.faults90d() + " faults in 90 days: every " + interval + " days at most"
            : "at most " + interval + " days after the last visit, " + c.lastVisit();
    if (!now.isEmpty() && !latest.isBefore(today)) {
      return new Due(c.elevatorId(), today, now);
    }
    List<String> reasons = new ArrayList<>(now);
    reasons.add(0, intervalReason);
    return new Due(c.elevatorId(), latest, reasons);
  }

  private static String ago(LocalDate on, LocalDate today) {
    long days = ChronoUnit.DAYS.between(on, today);
    return days == 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago";
  }
}
