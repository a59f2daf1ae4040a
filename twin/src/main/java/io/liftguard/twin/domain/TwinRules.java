package io.liftguard.twin.domain;

import io.liftguard.kernel.domain.Decision;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.twin.domain.TwinState.IdKind;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.risk.RiskModel;
import io.liftguard.twin.domain.risk.TwinRiskFeatures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The twin's command rules as pure functions of (state, command, now). Every input is validated
 * again here, even though the API validates at the edge, so no path can put an implausible value
 * into a twin.
 */
public final class TwinRules {
  private TwinRules() {}

  /** Registering is idempotent on identical data; different data for a known code is a conflict. */
  public static Decision<TwinEvent> register(
      TwinState state, RegisterData data, Instant now, String by) {
    List<String> problems = data.problems(today(now));
    if (!problems.isEmpty()) {
      return Decision.reject(Rejection.invalid(problems));
    }
    if (!state.isRegistered()) {
      return Decision.accept("created", new TwinEvent.ElevatorRegistered(data, now, by));
    }
    if (state.register().equals(data)) {
      return Decision.accept("unchanged");
    }
    List<String> differing = differingFields(state.register(), data);
    return Decision.reject(
        new Rejection(
            Rejection.Code.CONFLICT,
            "elevator '"
                + data.registrationCode()
                + "' is already registered with different "
                + String.join(", ", differing),
            differing));
  }

  /**
   * What a batch of readings for one elevator does to its live state.
   *
   * @param events live states to persist now: the state right after each reading that changed the
   *     safety picture (running mode, safety or door-lock circuit, alarm button)
   * @param live the newest live state after the batch
   * @param coalesced true when {@code live} is newer than the last event, i.e. held in memory until
   *     the next flush
   */
  public record ReadingOutcome(
      List<TwinEvent> events, Reading live, int accepted, int stale, boolean coalesced)
      implements ReadingsDecision {}

  /** A batch of readings refused as a whole; nothing changes. */
  public record ReadingsRefused(Rejection rejection) implements ReadingsDecision {}

  /** The outcome of {@link #readings}. */
  public sealed interface ReadingsDecision {}

  /**
   * Merges readings (in timestamp order) onto {@code current}, the newest live state known,
   * persisted or not. A reading older than {@code current} is stale: counted, acknowledged, but it
   * does not roll the live state back.
   */
  public static ReadingsDecision readings(
      TwinState state,
      Reading current,
      List<Reading> readings,
      Instant now,
      Reading.TimeWindow window,
      String by) {
    return readings(state, current, readings, now, window, IntelligentAlarm.DEFAULT, by);
  }

  /**
   * As {@link #readings(TwinState, Reading, List, Instant, Reading.TimeWindow, String)}, with the
   * intelligent alarm: after each reading, an entrapment is raised when {@code alarm} is due for
   * the stuck car (none while another entrapment is open), and the alarm's entrapment is cleared
   * when the car is no longer stuck.
   */
  public static ReadingsDecision readings(
      TwinState state,
      Reading current,
      List<Reading> readings,
      Instant now,
      Reading.TimeWindow window,
      IntelligentAlarm alarm,
      String by) {
    if (!state.isRegistered()) {
      String id = readings.isEmpty() ? "?" : readings.get(0).elevatorId();
      return new ReadingsRefused(Rejection.notRegistered(id));
    }
    List<String> problems = new ArrayList<>();
    for (Reading r : readings) {
      r.problems(now, window).forEach(problems::add);
      if (!Objects.equals(r.elevatorId(), state.register().registrationCode())) {
        problems.add(
            "reading for '"
                + r.elevatorId()
                + "' sent to elevator '"
                + state.register().registrationCode()
                + "'");
      }
    }
    if (!problems.isEmpty()) {
      return new ReadingsRefused(Rejection.invalid(problems));
    }
    List<Reading> ordered = new ArrayList<>(readings);
    ordered.sort(Comparator.comparing(Reading::timestamp));
    List<TwinEvent> events = new ArrayList<>();
    Reading live = current;
    Reading lastPersisted = null;
    IntelligentAlarm.StuckCar car = state.stuck();
    TwinState.OpenEvent alarmAtStart = IntelligentAlarm.openAlarm(state);
    boolean otherEntrapmentOpen =
        state.open().stream()
            .anyMatch(
                o ->
                    o.eventType().category() == EventType.Category.ENTRAPMENT && o != alarmAtStart);
    TwinState.OpenEvent alarmOpen = alarmAtStart;
    int stale = 0;
    for (Reading r : ordered) {
      if (live != null && r.timestamp().isBefore(live.timestamp())) {
        stale++;
        continue;
      }
      Reading next = r.mergedOnto(live);
      if (next.safetyStateDiffersFrom(live) || IntelligentAlarm.changes(live, next)) {
        events.add(new TwinEvent.LiveStateRecorded(next, now, by));
        lastPersisted = next;
      }
      IntelligentAlarm.StuckCar nextCar = IntelligentAlarm.next(car, next);
      if (alarmOpen != null && nextCar == null) {
        events.add(IntelligentAlarm.ended(alarmOpen, next.timestamp(), now));
        alarmOpen = null;
      } else if (alarmOpen == null
          && !otherEntrapmentOpen
          && alarm.isDue(nextCar, next.timestamp(), state.onSite())) {
        TwinEvent.FaultRaised raised = IntelligentAlarm.raised(nextCar, next.timestamp(), now);
        events.add(raised);
        alarmOpen =
            new TwinState.OpenEvent(
                raised.eventType(), raised.occurredAt(), raised.eventId(), raised.detail(), 1);
      }
      car = nextCar;
      live = next;
    }
    boolean coalesced = live != null && live != current && live != lastPersisted;
    return new ReadingOutcome(
        withWarnings(state, events, now, by), live, readings.size() - stale, stale, coalesced);
  }

  /**
   * The intelligent alarm's check between readings (the twin's timer): an entrapment when {@code
   * now} is past the {@linkplain IntelligentAlarm#timerAt timer's time} for the stuck car of {@code
   * state} and no entrapment is open; no event otherwise.
   */
  public static List<TwinEvent> alarmCheck(TwinState state, IntelligentAlarm alarm, Instant now) {
    boolean entrapmentOpen =
        state.open().stream()
            .anyMatch(o -> o.eventType().category() == EventType.Category.ENTRAPMENT);
    Instant at = alarm.timerAt(state.stuck(), state.onSite());
    if (!state.isRegistered() || entrapmentOpen || at == null || now.isBefore(at)) {
      return List.of();
    }
    return List.of(IntelligentAlarm.raised(state.stuck(), now, now));
  }

  /**
   * {@code events} plus an {@link TwinEvent.EarlyWarningRaised} when, once they are applied,
   * condition monitoring has a drifted signal due: the warning is written with the reading that
   * completed the drift.
   */
  public static List<TwinEvent> withWarnings(
      TwinState state, List<TwinEvent> events, Instant now, String by) {
    if (events.isEmpty()) {
      return List.copyOf(events);
    }
    TwinState after = state;
    for (TwinEvent e : events) {
      after = after.apply(e);
    }
    ConditionWatch.Kind due = after.watch().due();
    if (due == null) {
      return List.copyOf(events);
    }
    ConditionWatch.Signal s =
        due == ConditionWatch.Kind.DOOR_CLOSE_TIME
            ? after.watch().doorCloseTime()
            : after.watch().vibration();
    List<TwinEvent> all = new ArrayList<>(events);
    all.add(new TwinEvent.EarlyWarningRaised(due, s.ewma(), s.baseline(), now, by));
    return List.copyOf(all);
  }

  /**
   * {@code events} plus a {@link TwinEvent.RiskAssessed} when, once they are applied (with {@code
   * live}, the newest reading, for the condition signals), the twin's risk has {@linkplain
   * #movedEnough moved enough} since the last persisted assessment. Risk is assessed where its
   * inputs are, in the twin; persisting it as an event keeps the read side and pricing on the risk
   * the twin had, with the model version that produced it.
   */
  public static List<TwinEvent> withRisk(
      TwinState state,
      List<TwinEvent> events,
      Reading live,
      Instant now,
      RiskModel model,
      String by) {
    if (events.isEmpty()) {
      return events;
    }
    TwinState after = state;
    for (TwinEvent e : events) {
      after = after.apply(e);
    }
    if (!after.isRegistered()) {
      return events;
    }
    RiskModel.Assessment risk =
        TwinRiskFeatures.assess(model, after, live == null ? after.live() : live, now);
    if (!movedEnough(after.risk(), risk)) {
      return events;
    }
    List<TwinEvent> all = new ArrayList<>(events);
    all.add(new TwinEvent.RiskAssessed(risk, now, by));
    return List.copyOf(all);
  }

  /**
   * {@code outcome}, or, when it holds its newest reading in memory and the risk with that reading
   * falls in another band than the recorded one, the reading persisted now: a band change is
   * recorded at once ({@link #withRisk} adds the assessment), not at the next flush, so pricing and
   * the read side never miss one for up to a flush interval.
   */
  public static ReadingOutcome withBandCrossing(
      TwinState state, ReadingOutcome outcome, Instant now, RiskModel model, String by) {
    if (!outcome.coalesced() || !outcome.events().isEmpty() || state.risk() == null) {
      return outcome;
    }
    RiskModel.Band band = TwinRiskFeatures.assess(model, state, outcome.live(), now).band();
    if (band == state.risk().band()) {
      return outcome;
    }
    return new ReadingOutcome(
        List.of(new TwinEvent.LiveStateRecorded(outcome.live(), now, by)),
        outcome.live(),
        outcome.accepted(),
        outcome.stale(),
        false);
  }

  /**
   * Whether {@code now} is worth persisting after {@code before}: the first assessment, another
   * band or model version, or a 30-day probability that moved by a tenth of itself and at least 0.1
   * percentage point. Smaller moves are noise of the condition signals and would only fill the
   * journal.
   */
  static boolean movedEnough(RiskModel.Assessment before, RiskModel.Assessment now) {
    if (before == null
        || before.band() != now.band()
        || !before.modelVersion().equals(now.modelVersion())) {
      return true;
    }
    return moved(before.faultProbability30d(), now.faultProbability30d())
        || moved(before.entrapmentProbability30d(), now.entrapmentProbability30d());
  }

  private static boolean moved(double before, double now) {
    double delta = Math.abs(now - before);
    return delta >= 0.001 && delta >= 0.1 * before;
  }

  /**
   * A fault/alarm/entrapment/service-mode report by {@code by} in {@code role}; a retry with a
   * known eventId changes nothing.
   */
  public static Decision<TwinEvent> report(
      TwinState state,
      String elevatorId,
      ReportedEvent e,
      Instant now,
      Reading.TimeWindow window,
      String by,
      Role role) {
    return recorded(
        state,
        elevatorId,
        () -> e.problems(now, window),
        IdKind.EVENT,
        e.eventId(),
        () -> {
          boolean raised = e.phase() == ReportedEvent.Phase.RAISED;
          if (e.type().category() == EventType.Category.SERVICE_MODE) {
            return raised
                ? new TwinEvent.ServiceModeEntered(
                    e.eventId(), e.type(), e.occurredAt(), e.detail(), now, by)
                : new TwinEvent.ServiceModeLeft(
                    e.eventId(), e.type(), e.occurredAt(), e.detail(), now, by);
          }
          return raised
              ? new TwinEvent.FaultRaised(
                  e.eventId(), e.type(), e.occurredAt(), e.detail(), now, by, role)
              : new TwinEvent.FaultCleared(
                  e.eventId(), e.type(), e.occurredAt(), e.detail(), now, by);
        });
  }

  /** A maintenance visit; a retry with a known visitId changes nothing. */
  public static Decision<TwinEvent> maintenance(
      TwinState state,
      String elevatorId,
      MaintenanceVisit visit,
      Instant now,
      Reading.TimeWindow window,
      String by) {
    return recorded(
        state,
        elevatorId,
        () -> visit.problems(now, window),
        IdKind.VISIT,
        visit.visitId(),
        () -> new TwinEvent.MaintenanceRecorded(visit, now, by));
  }

  /**
   * A maintainer checks in at the car: the intelligent alarm is held until the check-out. A retry
   * of the visit on site, or of a visit already recorded, changes nothing; another visit cannot
   * check in while one is on site and still holds the alarm (check it out first).
   */
  public static Decision<TwinEvent> checkIn(
      TwinState state,
      String elevatorId,
      MaintainerOnSite visit,
      Instant now,
      Reading.TimeWindow window,
      String by) {
    if (!state.isRegistered()) {
      return Decision.reject(Rejection.notRegistered(elevatorId));
    }
    List<String> found = visit.problems(now, window);
    if (!found.isEmpty()) {
      return Decision.invalid(found);
    }
    MaintainerOnSite on = state.onSite();
    if (on != null && on.visitId().equals(visit.visitId())
        || state.hasSeen(IdKind.VISIT, visit.visitId())) {
      return Decision.accept("duplicate");
    }
    if (on != null && on.holdsAlarmAt(now)) {
      return Decision.conflict(
          "visit " + on.visitId() + " is checked in since " + on.since() + ": check it out first");
    }
    MaintainerOnSite seen = visit.seeing(state.live());
    return Decision.accept("checked-in", new TwinEvent.MaintainerCheckedIn(seen, now, by));
  }

  /**
   * The maintainer of visit {@code visitId} checks out at {@code at}: the hold on the alarm ends
   * and the visit the check-in and check-out make is recorded. A retry of a recorded visit changes
   * nothing; a check-out of a visit not checked in, or before its check-in, is refused.
   */
  public static Decision<TwinEvent> checkOut(
      TwinState state,
      String elevatorId,
      String visitId,
      Instant at,
      String notes,
      Instant now,
      Reading.TimeWindow window,
      String by) {
    if (!state.isRegistered()) {
      return Decision.reject(Rejection.notRegistered(elevatorId));
    }
    if (state.hasSeen(IdKind.VISIT, visitId)) {
      return Decision.accept("duplicate");
    }
    MaintainerOnSite on = state.onSite();
    if (on == null || !on.visitId().equals(visitId)) {
      return Decision.conflict(
          "visit "
              + visitId
              + " is not checked in at "
              + elevatorId
              + (on == null ? "" : " (visit " + on.visitId() + " is)"));
    }
    if (at == null || at.isBefore(on.since())) {
      return Decision.invalid(
          "check-out at " + at + " is before the check-in at " + on.since() + " (or missing)");
    }
    MaintenanceVisit visit = on.visit(at, notes);
    List<String> found = visit.problems(now, window);
    if (!found.isEmpty()) {
      return Decision.invalid(found);
    }
    return Decision.accept(
        "checked-out",
        new TwinEvent.MaintainerCheckedOut(visitId, at, on.inspectionSeen(), now, by),
        new TwinEvent.MaintenanceRecorded(visit, now, by));
  }

  /** An inspection result; a retry with a known inspectionId changes nothing. */
  public static Decision<TwinEvent> inspection(
      TwinState state, String elevatorId, InspectionResult result, Instant now, String by) {
    return recorded(
        state,
        elevatorId,
        () -> result.problems(today(now)),
        IdKind.INSPECTION,
        result.inspectionId(),
        () -> new TwinEvent.InspectionRecorded(result, now, by));
  }

  /** A complaint; a retry with a known complaintId changes nothing. */
  public static Decision<TwinEvent> complaint(
      TwinState state,
      String elevatorId,
      Complaint complaint,
      Instant now,
      Reading.TimeWindow window,
      String by) {
    return recorded(
        state,
        elevatorId,
        () -> complaint.problems(now, window),
        IdKind.COMPLAINT,
        complaint.complaintId(),
        () -> new TwinEvent.ComplaintFiled(complaint, now, by));
  }

  /**
   * A drum-brake campaign status. Only a drum-brake elevator is in the campaign; the same status
   * and note again change nothing; a status dated before the one on record is refused (the record
   * is a timeline).
   */
  public static Decision<TwinEvent> rectification(
      TwinState state, String elevatorId, Rectification r, Instant now, String by) {
    if (!state.isRegistered()) {
      return Decision.reject(Rejection.notRegistered(elevatorId));
    }
    List<String> problems = new ArrayList<>(r.problems(today(now)));
    if (state.register().brakeType() != BrakeType.DRUM) {
      problems.add(
          "elevator '"
              + elevatorId
              + "' has a "
              + state.register().brakeType()
              + " brake: the drum-brake campaign covers drum brakes only");
    }
    if (!problems.isEmpty()) {
      return Decision.reject(Rejection.invalid(problems));
    }
    Rectification last = state.supervision().drumBrake();
    if (r.equals(last)) {
      return Decision.accept("duplicate");
    }
    if (last != null && r.on().isBefore(last.on())) {
      return Decision.reject(
          new Rejection(
              Rejection.Code.CONFLICT,
              "on "
                  + r.on()
                  + " is before the status on record ("
                  + last.status()
                  + " on "
                  + last.on()
                  + ")",
              List.of("on")));
    }
    return Decision.accept("recorded", new TwinEvent.RectificationRecorded(r, now, by));
  }

  /** A safety assessment's result; a retry with a known assessmentId changes nothing. */
  public static Decision<TwinEvent> assessment(
      TwinState state, String elevatorId, SafetyAssessment a, Instant now, String by) {
    return recorded(
        state,
        elevatorId,
        () -> a.problems(today(now)),
        IdKind.ASSESSMENT,
        a.assessmentId(),
        () -> new TwinEvent.SafetyAssessmentRecorded(a, now, by));
  }

  /**
   * A record with its reporter's own id: refused when the elevator is not registered or the record
   * has problems, "duplicate" (nothing persisted) when the id was seen before, else "recorded" with
   * {@code event}.
   */
  private static Decision<TwinEvent> recorded(
      TwinState state,
      String elevatorId,
      Supplier<List<String>> problems,
      IdKind kind,
      String reporterId,
      Supplier<TwinEvent> event) {
    if (!state.isRegistered()) {
      return Decision.reject(Rejection.notRegistered(elevatorId));
    }
    List<String> found = problems.get();
    if (!found.isEmpty()) {
      return Decision.reject(Rejection.invalid(found));
    }
    if (state.hasSeen(kind, reporterId)) {
      return Decision.accept("duplicate");
    }
    return Decision.accept("recorded", event.get());
  }

  /**
   * The platform's calendar: China Standard Time (UTC+8, no daylight saving). Register dates, terms
   * and periods.
   */
  public static final ZoneOffset CALENDAR = ZoneOffset.ofHours(8);

  /** Today in the platform's calendar. */
  public static LocalDate today(Instant now) {
    return now.atOffset(CALENDAR).toLocalDate();
  }

  static List<String> differingFields(RegisterData a, RegisterData b) {
    List<String> out = new ArrayList<>();
    var components = RegisterData.class.getRecordComponents();
    for (var c : components) {
      try {
        if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
          out.add(c.getName());
        }
      } catch (ReflectiveOperationException ex) {
        throw new IllegalStateException(ex);
      }
    }
    return out;
  }
}
