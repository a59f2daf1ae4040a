package io.liftguard.api.dto;

import io.liftguard.rescue.RescueDesk;
import io.liftguard.rescue.RescueReader;
import io.liftguard.rescue.domain.Escalation;
import io.liftguard.rescue.domain.RescueCase;
import io.liftguard.rescue.domain.RescueEvent;
import io.liftguard.rescue.domain.RescueSettings;
import io.liftguard.rescue.domain.RescueStep;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rescue case as the API shows it: each step with when and by whom, the escalations, the running
 * clocks (seconds since the alarm to each step, or so far) and the deadlines; with its history when
 * read alone.
 */
public record RescueView(
    String caseId,
    String elevatorId,
    String district,
    String source,
    String twinEventId,
    String step,
    boolean open,
    Instant alarmAt,
    Map<String, RescueCase.Stamp> steps,
    List<String> escalations,
    Clocks clocks,
    Deadlines deadlines,
    List<HistoryEntry> history) {

  /** Seconds from the alarm to each step, counted up to now while it has not happened. */
  public record Clocks(
      Instant asOf, long sinceAlarmS, long toAcknowledgeS, long toArriveS, long toReleaseS) {
    static Clocks of(RescueCase.Clocks c, Instant asOf) {
      return new Clocks(
          asOf,
          seconds(c.sinceAlarm()),
          seconds(c.toAcknowledge()),
          seconds(c.toArrive()),
          seconds(c.toRelease()));
    }

    private static long seconds(Duration d) {
      return Math.max(0, d.getSeconds());
    }
  }

  /** When each escalation is due, from the alarm. */
  public record Deadlines(Instant acknowledgeBy, Instant arriveBy, Instant emergencyServicesAt) {}

  /** One event of the case's history. */
  public record HistoryEntry(long sequenceNr, String event, Instant at, String by, String detail) {}

  /**
   * The case as its entity holds it, each step with who recorded it; with {@code history} when read
   * alone. A step's {@code by} and {@code detail} are only shown from the case itself, not from the
   * read model's rows.
   */
  public static RescueView of(
      RescueCase c, List<RescueDesk.Entry> history, RescueSettings s, Instant now) {
    Map<String, RescueCase.Stamp> steps = new LinkedHashMap<>();
    for (RescueStep step : RescueStep.values()) {
      if (c.steps().containsKey(step)) {
        steps.put(name(step), c.steps().get(step));
      }
    }
    return new RescueView(
        c.caseId(),
        c.elevatorId(),
        c.district(),
        c.source().name(),
        c.twinEventId(),
        name(c.step()),
        c.isOpen(),
        c.alarmAt(),
        steps,
        c.escalations().stream().map(e -> e.escalation().name()).toList(),
        Clocks.of(c.clocks(now), now),
        deadlines(c.alarmAt(), s),
        history == null ? null : history.stream().map(RescueView::entry).toList());
  }

  public static RescueView of(RescueReader.CaseRow r, RescueSettings s, Instant now) {
    Map<RescueStep, Instant> at = new EnumMap<>(RescueStep.class);
    put(at, RescueStep.ALARM, r.alarmAt());
    put(at, RescueStep.ACKNOWLEDGED, r.acknowledgedAt());
    put(at, RescueStep.DISPATCHED, r.dispatchedAt());
    put(at, RescueStep.ARRIVED, r.arrivedAt());
    put(at, RescueStep.RELEASED, r.releasedAt());
    put(at, RescueStep.CLOSED, r.closedAt());
    Map<String, RescueCase.Stamp> steps = new LinkedHashMap<>();
    at.forEach((k, v) -> steps.put(name(k), new RescueCase.Stamp(v, null, null)));
    return new RescueView(
        r.caseId(),
        r.elevatorId(),
        r.district(),
        r.source(),
        r.twinEventId(),
        r.step().toLowerCase(Locale.ROOT),
        r.open(),
        r.alarmAt(),
        steps,
        r.escalations(),
        Clocks.of(RescueCase.clocks(at, now), now),
        deadlines(r.alarmAt(), s),
        null);
  }

  private static void put(Map<RescueStep, Instant> at, RescueStep step, Instant t) {
    if (t != null) {
      at.put(step, t);
    }
  }

  private static Deadlines deadlines(Instant alarm, RescueSettings s) {
    return new Deadlines(
        alarm.plus(Escalation.ACKNOWLEDGEMENT_OVERDUE.window(s)),
        alarm.plus(Escalation.ARRIVAL_OVERDUE.window(s)),
        alarm.plus(Escalation.EMERGENCY_SERVICES.window(s)));
  }

  private static HistoryEntry entry(RescueDesk.Entry e) {
    RescueEvent ev = e.event();
    if (ev instanceof RescueEvent.CaseOpened o) {
      return new HistoryEntry(e.sequenceNr(), "opened", o.alarmAt(), o.recordedBy(), o.detail());
    } else if (ev instanceof RescueEvent.StepRecorded s) {
      return new HistoryEntry(e.sequenceNr(), name(s.step()), s.at(), s.recordedBy(), s.detail());
    }
    RescueEvent.Escalated x = (RescueEvent.Escalated) ev;
    return new HistoryEntry(
        e.sequenceNr(),
        "escalated: " + x.escalation().name().toLowerCase(Locale.ROOT),
        x.dueAt(),
        x.recordedBy(),
        null);
  }

  private static String name(RescueStep step) {
    return step.name().toLowerCase(Locale.ROOT);
  }
}
