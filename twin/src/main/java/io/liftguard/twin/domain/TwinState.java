package io.liftguard.twin.domain;

import io.liftguard.kernel.CborSerializable;
import io.liftguard.twin.domain.access.AccessPolicy;
import io.liftguard.twin.domain.access.Action;
import io.liftguard.twin.domain.access.ElevatorScope;
import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The persisted state of one twin, rebuilt from its events. Immutable: {@link #apply} returns a new
 * state.
 *
 * @param live the live state as last persisted (the entity may hold newer coalesced readings in
 *     memory)
 * @param open faults, alarms, entrapments and service modes raised and not yet cleared, oldest
 *     first
 * @param recentIds the last {@value #RECENT_IDS} reporter ids (events, visits, inspections), to
 *     drop retries
 * @param recentFaults when faults were raised in the last 120 days (risk features: reported faults,
 *     as the model was fitted on; alarms and entrapments are not faults)
 * @param samples condition samples for trends (risk features)
 * @param watch condition monitoring of drifting signals (early warnings)
 * @param risk the risk assessment last persisted ({@link TwinEvent.RiskAssessed}), null before the
 *     first
 * @param riskAssessedAt when {@code risk} was recorded (null for a twin recorded before this was
 *     kept)
 * @param routineVisits the days of routine maintenance in the last {@value #ROUTINE_VISIT_DAYS}
 *     days, oldest first (risk features: fortnights without a visit); the register's last
 *     maintenance date counts as one
 * @param lastFailedInspection the day of the latest failed inspection, null if none (risk features:
 *     a failure in the last year, even when a re-inspection passed since)
 * @param onSite the maintainer checked in at the car, null if none: holds the intelligent alarm
 */
public record TwinState(
    RegisterData register,
    Instant registeredAt,
    Reading live,
    List<OpenEvent> open,
    List<String> recentIds,
    Counters counters,
    MaintenanceVisit lastMaintenance,
    LocalDate lastMaintenanceDate,
    InspectionResult lastInspection,
    LocalDate nextInspectionDue,
    List<Instant> recentFaults,
    List<ConditionSample> samples,
    ConditionWatch watch,
    RiskModel.Assessment risk,
    Instant riskAssessedAt,
    List<LocalDate> routineVisits,
    LocalDate lastFailedInspection,
    IntelligentAlarm.StuckCar stuck,
    Supervision supervision,
    MaintainerOnSite onSite)
    implements CborSerializable {

  static final Duration RECENT_FAULT_WINDOW = Duration.ofDays(120);
  static final Duration SAMPLE_SPACING = Duration.ofDays(10);
  static final int MAX_SAMPLES = 13;

  /**
   * A condition sample kept for trends: at most one per {@link #SAMPLE_SPACING}, the last {@link
   * #MAX_SAMPLES} (about four months), so risk features can compare now with three months ago.
   */
  public record ConditionSample(Instant at, Double doorCloseTimeS, Long tripCount) {}

  public TwinState {
    recentFaults = recentFaults == null ? List.of() : recentFaults;
    samples = samples == null ? List.of() : samples;
    watch = watch == null ? ConditionWatch.EMPTY : watch;
    routineVisits = routineVisits == null ? List.of() : routineVisits;
    supervision = supervision == null ? Supervision.NONE : supervision;
  }

  /**
   * What regulators and users have put on record about the elevator: complaints filed, its
   * drum-brake campaign status (null: none recorded) and its last safety assessment (null: none).
   */
  public record Supervision(
      long complaints, Rectification drumBrake, SafetyAssessment lastAssessment) {
    static final Supervision NONE = new Supervision(0, null, null);
  }

  /** How far back {@link #routineVisits} reaches: the risk features look at the last 90 days. */
  public static final int ROUTINE_VISIT_DAYS = 90;

  static final int RECENT_IDS = 256;

  /** Something raised and not yet cleared. {@code occurrences} counts raises since it opened. */
  public record OpenEvent(
      EventType eventType, Instant since, String eventId, String detail, int occurrences) {}

  /** Running totals over the twin's life. */
  public record Counters(
      long faults, long alarms, long entrapments, long maintenanceVisits, long inspections) {
    static final Counters ZERO = new Counters(0, 0, 0, 0, 0);

    Counters raised(EventType type) {
      return switch (type.category()) {
        case FAULT -> new Counters(faults + 1, alarms, entrapments, maintenanceVisits, inspections);
        case ALARM -> new Counters(faults, alarms + 1, entrapments, maintenanceVisits, inspections);
        case ENTRAPMENT ->
            new Counters(faults, alarms, entrapments + 1, maintenanceVisits, inspections);
        case SERVICE_MODE -> this;
      };
    }
  }

  private static final TwinState EMPTY =
      new TwinState(
          null,
          null,
          null,
          List.of(),
          List.of(),
          Counters.ZERO,
          null,
          null,
          null,
          null,
          List.of(),
          List.of(),
          null,
          null,
          null,
          List.of(),
          null,
          null,
          null,
          null);

  /** The state before any event; one shared instance (every twin's behaviour keeps it). */
  public static TwinState empty() {
    return EMPTY;
  }

  /** TSG T5002: routine maintenance at least every 15 days. */
  public static final int MAINTENANCE_INTERVAL_DAYS = 15;

  /** No maintenance recorded within the last 15 days (or none at all). */
  public boolean isMaintenanceOverdue(LocalDate today) {
    return lastMaintenanceDate == null
        || lastMaintenanceDate.plusDays(MAINTENANCE_INTERVAL_DAYS).isBefore(today);
  }

  /** 超期未检: the periodic inspection's validity has run out. */
  public boolean isInspectionOverdue(LocalDate today) {
    return nextInspectionDue == null || nextInspectionDue.isBefore(today);
  }

  public boolean isRegistered() {
    return register != null;
  }

  /**
   * Whether {@code writer} may write this elevator's telemetry: it is registered and within the
   * writer's scope.
   */
  public boolean acceptsTelemetryFrom(Principal writer) {
    return isRegistered()
        && AccessPolicy.decide(writer, Action.WRITE_TELEMETRY, ElevatorScope.of(register))
            == AccessPolicy.Outcome.ALLOW;
  }

  /** Namespaces of reporter ids, so an event and a visit may use the same id. */
  public enum IdKind {
    EVENT,
    VISIT,
    INSPECTION,
    COMPLAINT,
    ASSESSMENT
  }

  public boolean hasSeen(IdKind kind, String reporterId) {
    return reporterId != null && recentIds.contains(kind + ":" + reporterId);
  }

  public TwinState apply(TwinEvent event) {
    // Java 17 has no pattern matching for switch; the sealed hierarchy keeps this chain complete.
    if (event instanceof TwinEvent.ElevatorRegistered e) {
      return new TwinState(
          e.register(),
          e.recordedAt(),
          live,
          open,
          recentIds,
          counters,
          lastMaintenance,
          e.register().lastMaintenanceDate(),
          lastInspection,
          e.register().nextInspectionDue(),
          recentFaults,
          samples,
          watch,
          risk,
          riskAssessedAt,
          e.register().lastMaintenanceDate() == null
              ? routineVisits
              : visited(e.register().lastMaintenanceDate()),
          lastFailedInspection,
          stuck,
          supervision,
          onSite);
    } else if (event instanceof TwinEvent.LiveStateRecorded e) {
      return withLive(e.live());
    } else if (event instanceof TwinEvent.FaultRaised e) {
      return raised(e.eventId(), e.eventType(), e.occurredAt(), e.detail());
    } else if (event instanceof TwinEvent.ServiceModeEntered e) {
      return raised(e.eventId(), e.eventType(), e.occurredAt(), e.detail());
    } else if (event instanceof TwinEvent.FaultCleared e) {
      return cleared(e.eventId(), e.eventType());
    } else if (event instanceof TwinEvent.ServiceModeLeft e) {
      return cleared(e.eventId(), e.eventType());
    } else if (event instanceof TwinEvent.MaintenanceRecorded e) {
      return maintained(e.visit());
    } else if (event instanceof TwinEvent.MaintainerCheckedIn e) {
      return withOnSite(e.onSite());
    } else if (event instanceof TwinEvent.MaintainerCheckedOut e) {
      return withOnSite(null);
    } else if (event instanceof TwinEvent.InspectionRecorded e) {
      return inspected(e.result());
    } else if (event instanceof TwinEvent.RiskAssessed e) {
      return new TwinState(
          register,
          registeredAt,
          live,
          open,
          recentIds,
          counters,
          lastMaintenance,
          lastMaintenanceDate,
          lastInspection,
          nextInspectionDue,
          recentFaults,
          samples,
          watch,
          e.risk(),
          e.recordedAt(),
          routineVisits,
          lastFailedInspection,
          stuck,
          supervision,
          onSite);
    } else if (event instanceof TwinEvent.EarlyWarningRaised e) {
      return new TwinState(
          register,
          registeredAt,
          live,
          open,
          recentIds,
          counters,
          lastMaintenance,
          lastMaintenanceDate,
          lastInspection,
          nextInspectionDue,
          recentFaults,
          samples,
          watch.warned(e.signal()),
          risk,
          riskAssessedAt,
          routineVisits,
          lastFailedInspection,
          stuck,
          supervision,
          onSite);
    } else if (event instanceof TwinEvent.ComplaintFiled e) {
      Supervision s = supervision;
      return with(
          remember(IdKind.COMPLAINT, e.complaint().complaintId()),
          new Supervision(s.complaints() + 1, s.drumBrake(), s.lastAssessment()));
    } else if (event instanceof TwinEvent.RectificationRecorded e) {
      return with(
          recentIds,
          new Supervision(
              supervision.complaints(), e.rectification(), supervision.lastAssessment()));
    } else if (event instanceof TwinEvent.SafetyAssessmentRecorded e) {
      SafetyAssessment last = supervision.lastAssessment();
      SafetyAssessment a =
          last != null && last.assessedOn().isAfter(e.assessment().assessedOn())
              ? last
              : e.assessment();
      return with(
          remember(IdKind.ASSESSMENT, e.assessment().assessmentId()),
          new Supervision(supervision.complaints(), supervision.drumBrake(), a));
    }
    throw new IllegalArgumentException("unknown event " + event.getClass().getName());
  }

  private TwinState withOnSite(MaintainerOnSite m) {
    return new TwinState(
        register,
        registeredAt,
        live,
        open,
        recentIds,
        counters,
        lastMaintenance,
        lastMaintenanceDate,
        lastInspection,
        nextInspectionDue,
        recentFaults,
        samples,
        watch,
        risk,
        riskAssessedAt,
        routineVisits,
        lastFailedInspection,
        stuck,
        supervision,
        m);
  }

  private TwinState with(List<String> ids, Supervision s) {
    return new TwinState(
        register,
        registeredAt,
        live,
        open,
        ids,
        counters,
        lastMaintenance,
        lastMaintenanceDate,
        lastInspection,
        nextInspectionDue,
        recentFaults,
        samples,
        watch,
        risk,
        riskAssessedAt,
        routineVisits,
        lastFailedInspection,
        stuck,
        s,
        onSite);
  }

  private TwinState withLive(Reading newLive) {
    List<ConditionSample> next = samples;
    Instant at = newLive.timestamp();
    boolean spaced =
        samples.isEmpty()
            || !at.isBefore(samples.get(samples.size() - 1).at().plus(SAMPLE_SPACING));
    Double door = newLive.condition() == null ? null : newLive.condition().doorCloseTimeS();
    if (spaced && (door != null || newLive.tripCount() != null)) {
      List<ConditionSample> grown = new ArrayList<>(samples);
      grown.add(new ConditionSample(at, door, newLive.tripCount()));
      next = List.copyOf(grown.subList(Math.max(0, grown.size() - MAX_SAMPLES), grown.size()));
    }
    ConditionSignals c = newLive.condition();
    ConditionWatch watched =
        c == null ? watch : watch.update(c.doorCloseTimeS(), c.vibrationMps2());
    return new TwinState(
        register,
        registeredAt,
        newLive,
        open,
        recentIds,
        counters,
        lastMaintenance,
        lastMaintenanceDate,
        lastInspection,
        nextInspectionDue,
        recentFaults,
        next,
        watched,
        risk,
        riskAssessedAt,
        routineVisits,
        lastFailedInspection,
        IntelligentAlarm.next(stuck, newLive),
        supervision,
        onSite == null ? null : onSite.seeing(newLive));
  }

  private TwinState raised(String eventId, EventType type, Instant at, String detail) {
    List<OpenEvent> next = new ArrayList<>(open.size() + 1);
    boolean found = false;
    for (OpenEvent o : open) {
      if (o.eventType() == type) {
        next.add(new OpenEvent(type, o.since(), o.eventId(), o.detail(), o.occurrences() + 1));
        found = true;
      } else {
        next.add(o);
      }
    }
    if (!found) {
      next.add(new OpenEvent(type, at, eventId, detail, 1));
    }
    List<Instant> faults = recentFaults;
    if (type.category() == EventType.Category.FAULT && at != null) {
      List<Instant> kept = new ArrayList<>(recentFaults.size() + 1);
      for (Instant t : recentFaults) {
        if (!t.isBefore(at.minus(RECENT_FAULT_WINDOW))) {
          kept.add(t);
        }
      }
      kept.add(at);
      faults = List.copyOf(kept.subList(Math.max(0, kept.size() - 64), kept.size()));
    }
    return new TwinState(
        register,
        registeredAt,
        live,
        List.copyOf(next),
        remember(IdKind.EVENT, eventId),
        counters.raised(type),
        lastMaintenance,
        lastMaintenanceDate,
        lastInspection,
        nextInspectionDue,
        faults,
        samples,
        watch,
        risk,
        riskAssessedAt,
        routineVisits,
        lastFailedInspection,
        stuck,
        supervision,
        onSite);
  }

  private TwinState cleared(String eventId, EventType type) {
    List<OpenEvent> next = open.stream().filter(o -> o.eventType() != type).toList();
    return new TwinState(
        register,
        registeredAt,
        live,
        next,
        remember(IdKind.EVENT, eventId),
        counters,
        lastMaintenance,
        lastMaintenanceDate,
        lastInspection,
        nextInspectionDue,
        recentFaults,
        samples,
        watch,
        risk,
        riskAssessedAt,
        routineVisits,
        lastFailedInspection,
        stuck,
        supervision,
        onSite);
  }

  private TwinState maintained(MaintenanceVisit visit) {
    LocalDate day = TwinRules.today(visit.endedAt());
    LocalDate latest =
        lastMaintenanceDate == null || day.isAfter(lastMaintenanceDate) ? day : lastMaintenanceDate;
    Counters c = counters;
    return new TwinState(
        register,
        registeredAt,
        live,
        open,
        remember(IdKind.VISIT, visit.visitId()),
        new Counters(
            c.faults(), c.alarms(), c.entrapments(), c.maintenanceVisits() + 1, c.inspections()),
        visit,
        latest,
        lastInspection,
        nextInspectionDue,
        recentFaults,
        samples,
        visit.kind() == MaintenanceVisit.Kind.REPAIR ? watch.reset() : watch,
        risk,
        riskAssessedAt,
        visit.kind() == MaintenanceVisit.Kind.ROUTINE ? visited(day) : routineVisits,
        lastFailedInspection,
        stuck,
        supervision,
        onSite);
  }

  /**
   * {@link #routineVisits} with {@code day}, in day order, without days more than 90 days before
   * the latest.
   */
  private List<LocalDate> visited(LocalDate day) {
    List<LocalDate> next = new ArrayList<>(routineVisits.size() + 1);
    next.addAll(routineVisits);
    if (!next.contains(day)) {
      next.add(day);
    }
    next.sort(null);
    LocalDate oldest = next.get(next.size() - 1).minusDays(ROUTINE_VISIT_DAYS);
    next.removeIf(d -> d.isBefore(oldest));
    return List.copyOf(next);
  }

  private TwinState inspected(InspectionResult result) {
    Counters c = counters;
    LocalDate due = result.passed() ? result.nextDue() : nextInspectionDue;
    return new TwinState(
        register,
        registeredAt,
        live,
        open,
        remember(IdKind.INSPECTION, result.inspectionId()),
        new Counters(
            c.faults(), c.alarms(), c.entrapments(), c.maintenanceVisits(), c.inspections() + 1),
        lastMaintenance,
        lastMaintenanceDate,
        result,
        due,
        recentFaults,
        samples,
        watch,
        risk,
        riskAssessedAt,
        routineVisits,
        result.passed()
                || lastFailedInspection != null
                    && lastFailedInspection.isAfter(result.inspectedOn())
            ? lastFailedInspection
            : result.inspectedOn(),
        stuck,
        supervision,
        onSite);
  }

  private List<String> remember(IdKind kind, String id) {
    if (id == null) {
      return recentIds;
    }
    List<String> next = new ArrayList<>(Math.min(recentIds.size() + 1, RECENT_IDS));
    int skip = Math.max(0, recentIds.size() + 1 - RECENT_IDS);
    next.addAll(recentIds.subList(skip, recentIds.size()));
    next.add(kind + ":" + id);
    return List.copyOf(next);
  }
}
