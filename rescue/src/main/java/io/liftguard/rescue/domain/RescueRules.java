package io.liftguard.rescue.domain;

import io.liftguard.kernel.domain.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rescue workflow as pure rules: what opening a case, recording a step or checking the clocks
 * decides.
 */
public final class RescueRules {
  /**
   * How far ahead of the platform's clock a reported time may be (clock skew of phones and
   * terminals).
   */
  static final Duration SKEW = Duration.ofMinutes(2);

  private RescueRules() {}

  /** What opens a case. */
  public record Opening(
      String elevatorId,
      String district,
      AlarmSource source,
      String twinEventId,
      Instant alarmAt,
      String detail) {}

  /**
   * Opens the case on an entrapment alarm. Opening an open case again (the same id: a retried
   * report, a replayed projection) changes nothing and answers "duplicate", so one entrapment never
   * has two cases.
   */
  public static Decision<RescueEvent> open(
      RescueCase c, Opening o, RescueSettings settings, Instant now, String by) {
    if (c.exists()) {
      return Decision.accept("duplicate", List.of());
    }
    List<String> problems = new ArrayList<>();
    if (o.elevatorId() == null || o.elevatorId().isBlank()) {
      problems.add("elevatorId is required");
    }
    if (o.source() == null) {
      problems.add("source is required");
    }
    if (o.alarmAt() == null) {
      problems.add("alarmAt is required");
    } else if (o.alarmAt().isAfter(now.plus(SKEW))) {
      problems.add("alarmAt " + o.alarmAt() + " is in the future");
    }
    if (!problems.isEmpty()) {
      return Decision.invalid(problems);
    }
    // Nothing is escalated on opening, even when the alarm is long past: a centre loading its
    // records or a gateway reconnecting reports the steps next, each with its own time, and those
    // times decide (checkClocks).
    return Decision.accept(
        "opened",
        List.of(
            new RescueEvent.CaseOpened(
                c.caseId(),
                o.elevatorId(),
                o.district(),
                o.source(),
                o.twinEventId(),
                o.alarmAt(),
                o.detail(),
                now,
                by)));
  }

  /**
   * Records that {@code step} happened at {@code at}. Steps come in order, each once; recording one
   * again with the same time is a retry and changes nothing. A clock that ran out before {@code at}
   * without an escalation (no check came in between) is escalated first, so the history shows it.
   */
  public static Decision<RescueEvent> record(
      RescueCase c,
      RescueStep step,
      Instant at,
      String detail,
      RescueSettings settings,
      Instant now,
      String by) {
    if (step == null || step == RescueStep.ALARM) {
      return Decision.invalid(
          List.of("step must be one of acknowledged, dispatched, arrived, released, closed"));
    }
    Instant when = at == null ? now : at;
    RescueCase.Stamp done = c.steps().get(step);
    if (done != null) {
      return done.at().equals(when)
          ? Decision.accept("duplicate", List.of())
          : Decision.conflict(
              "case " + c.caseId() + " was " + name(step) + " at " + done.at() + " already");
    }
    if (!c.isOpen()) {
      return Decision.conflict("case " + c.caseId() + " is closed");
    }
    RescueStep previous = step.previous();
    Instant previousAt = c.at(previous);
    if (previousAt == null) {
      return Decision.conflict(
          "case " + c.caseId() + " cannot be " + name(step) + " before it is " + name(previous));
    }
    if (when.isBefore(previousAt)) {
      return Decision.invalid(
          List.of(
              "at "
                  + when
                  + " is before the case was "
                  + name(previous)
                  + " ("
                  + previousAt
                  + ")"));
    }
    if (when.isAfter(now.plus(SKEW))) {
      return Decision.invalid(List.of("at " + when + " is in the future"));
    }
    List<RescueEvent> events = new ArrayList<>(escalationsDue(c, when, settings, now, by));
    events.add(new RescueEvent.StepRecorded(step, when, detail, now, by));
    return Decision.accept(name(step), events);
  }

  /**
   * The escalations due by {@code now} and not recorded yet (the periodic check of open cases). A
   * window that had run out before the case was opened (a late report, records loaded afterwards)
   * is escalated only one response window after the opening, if its step has still not been
   * recorded: the steps that come with their own times decide first, so a case acknowledged a
   * minute after its alarm never shows "acknowledgement overdue".
   */
  public static Decision<RescueEvent> checkClocks(
      RescueCase c, RescueSettings settings, Instant now, String by) {
    if (!c.isOpen()) {
      return Decision.accept("closed", List.of());
    }
    Instant opened = c.openedAt() == null ? c.alarmAt() : c.openedAt();
    boolean graceOver = !now.isBefore(opened.plus(settings.acknowledgeWithin()));
    List<RescueEvent.Escalated> due =
        escalationsDue(c, now, settings, now, by).stream()
            .filter(e -> graceOver || !e.dueAt().isBefore(opened))
            .toList();
    return Decision.accept(due.isEmpty() ? "on time" : "escalated", List.copyOf(due));
  }

  /**
   * Each escalation whose window had passed by {@code asOf} (a step at the deadline itself is on
   * time, as the KPIs count it) without the step it awaits, recorded once.
   */
  static List<RescueEvent.Escalated> escalationsDue(
      RescueCase c, Instant asOf, RescueSettings settings, Instant now, String by) {
    List<RescueEvent.Escalated> due = new ArrayList<>();
    for (Escalation e : Escalation.values()) {
      Instant deadline = c.alarmAt().plus(e.window(settings));
      if (c.at(e.awaits()) == null && asOf.isAfter(deadline) && !c.escalated(e)) {
        due.add(new RescueEvent.Escalated(e, deadline, now, by));
      }
    }
    return due;
  }

  private static String name(RescueStep step) {
    return step.name().toLowerCase(Locale.ROOT);
  }
}
