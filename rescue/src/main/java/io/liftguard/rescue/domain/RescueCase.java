package io.liftguard.rescue.domain;

import io.liftguard.kernel.CborSerializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One rescue case, rebuilt from its events. Immutable: {@link #apply} returns a new case.
 *
 * @param steps when each step recorded so far happened, by whom, with what note ({@link
 *     RescueStep#ALARM} from the opening)
 * @param escalations the clocks that ran out, in the order they did
 * @param openedAt when the platform opened the case (after the alarm when it was reported late or
 *     loaded from records)
 */
public record RescueCase(
    String caseId,
    String elevatorId,
    String district,
    AlarmSource source,
    String twinEventId,
    Map<RescueStep, Stamp> steps,
    List<RescueEvent.Escalated> escalations,
    Instant openedAt)
    implements CborSerializable {

  /** When a step happened, who recorded it, and their note. */
  public record Stamp(Instant at, String by, String detail) {}

  /**
   * The running clocks of a case at some moment: how long each step took, or has been waited for so
   * far.
   */
  public record Clocks(
      Duration sinceAlarm,
      Duration toAcknowledge,
      Duration toArrive,
      Duration toRelease,
      boolean acknowledged,
      boolean arrived,
      boolean released) {}

  public RescueCase {
    steps = steps == null ? Map.of() : Map.copyOf(steps);
    escalations = escalations == null ? List.of() : List.copyOf(escalations);
  }

  public static RescueCase empty(String caseId) {
    return new RescueCase(caseId, null, null, null, null, Map.of(), List.of(), null);
  }

  public boolean exists() {
    return elevatorId != null;
  }

  /** The latest step reached. */
  public RescueStep step() {
    RescueStep latest = RescueStep.ALARM;
    for (RescueStep s : steps.keySet()) {
      latest = s.ordinal() > latest.ordinal() ? s : latest;
    }
    return latest;
  }

  public boolean isOpen() {
    return exists() && !steps.containsKey(RescueStep.CLOSED);
  }

  public Instant alarmAt() {
    return steps.get(RescueStep.ALARM).at();
  }

  /** When {@code step} happened, or null if it has not. */
  public Instant at(RescueStep step) {
    Stamp s = steps.get(step);
    return s == null ? null : s.at();
  }

  public boolean escalated(Escalation e) {
    return escalations.stream().anyMatch(x -> x.escalation() == e);
  }

  /** The clocks at {@code now}: a step not reached yet counts up to {@code now}. */
  public Clocks clocks(Instant now) {
    Map<RescueStep, Instant> at = new EnumMap<>(RescueStep.class);
    steps.forEach((step, stamp) -> at.put(step, stamp.at()));
    return clocks(at, now);
  }

  /**
   * The clocks at {@code now} of a case whose steps happened at {@code at} (the alarm's at least).
   */
  public static Clocks clocks(Map<RescueStep, Instant> at, Instant now) {
    Instant alarm = at.get(RescueStep.ALARM);
    return new Clocks(
        Duration.between(alarm, now),
        since(alarm, at.get(RescueStep.ACKNOWLEDGED), now),
        since(alarm, at.get(RescueStep.ARRIVED), now),
        since(alarm, at.get(RescueStep.RELEASED), now),
        at.containsKey(RescueStep.ACKNOWLEDGED),
        at.containsKey(RescueStep.ARRIVED),
        at.containsKey(RescueStep.RELEASED));
  }

  private static Duration since(Instant alarm, Instant step, Instant now) {
    return Duration.between(alarm, step == null ? now : step);
  }

  public RescueCase apply(RescueEvent event) {
    if (event instanceof RescueEvent.CaseOpened e) {
      return new RescueCase(
          e.caseId(),
          e.elevatorId(),
          e.district(),
          e.source(),
          e.twinEventId(),
          Map.of(RescueStep.ALARM, new Stamp(e.alarmAt(), e.recordedBy(), e.detail())),
          List.of(),
          e.recordedAt());
    } else if (event instanceof RescueEvent.StepRecorded e) {
      Map<RescueStep, Stamp> next = new EnumMap<>(RescueStep.class);
      next.putAll(steps);
      next.put(e.step(), new Stamp(e.at(), e.recordedBy(), e.detail()));
      return new RescueCase(
          caseId, elevatorId, district, source, twinEventId, next, escalations, openedAt);
    } else if (event instanceof RescueEvent.Escalated e) {
      List<RescueEvent.Escalated> next = new ArrayList<>(escalations);
      next.add(e);
      return new RescueCase(
          caseId, elevatorId, district, source, twinEventId, steps, next, openedAt);
    }
    throw new IllegalArgumentException("unknown rescue event " + event.getClass().getName());
  }
}
