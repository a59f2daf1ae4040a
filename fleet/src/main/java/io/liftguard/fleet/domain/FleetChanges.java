package io.liftguard.fleet.domain;

import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.MaintainerOnSite;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinRules;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The fleet projection's rule: which read-model changes one twin event makes. Pure. */
public final class FleetChanges {
  private FleetChanges() {}

  /** The changes for event number {@code seqNr} of elevator {@code id}. */
  public static List<FleetChange> of(String id, long seqNr, TwinEvent event) {
    List<FleetChange> changes = new ArrayList<>(4);
    if (event instanceof TwinEvent.ElevatorRegistered e) {
      return List.of(
          new FleetChange.Registered(id, e.register(), e.recordedAt()),
          new FleetChange.Touched(id, seqNr, e.recordedAt()));
    } else if (event instanceof TwinEvent.LiveStateRecorded e) {
      changes.add(new FleetChange.Reported(id, e.live().runningMode(), e.live().timestamp()));
    } else if (event instanceof TwinEvent.FaultRaised e) {
      opened(
          changes,
          id,
          seqNr,
          e.eventId(),
          e.eventType(),
          e.occurredAt(),
          e.detail(),
          e.recordedAt(),
          e.recordedBy());
      changes.add(new FleetChange.Counted(id, e.eventType().category()));
    } else if (event instanceof TwinEvent.ServiceModeEntered e) {
      opened(
          changes,
          id,
          seqNr,
          e.eventId(),
          e.eventType(),
          e.occurredAt(),
          e.detail(),
          e.recordedAt(),
          e.recordedBy());
    } else if (event instanceof TwinEvent.FaultCleared e) {
      closed(
          changes,
          id,
          seqNr,
          e.eventId(),
          e.eventType(),
          e.occurredAt(),
          e.detail(),
          e.recordedAt(),
          e.recordedBy());
    } else if (event instanceof TwinEvent.ServiceModeLeft e) {
      closed(
          changes,
          id,
          seqNr,
          e.eventId(),
          e.eventType(),
          e.occurredAt(),
          e.detail(),
          e.recordedAt(),
          e.recordedBy());
    } else if (event instanceof TwinEvent.MaintenanceRecorded e) {
      MaintenanceVisit v = e.visit();
      changes.add(new FleetChange.Maintained(id, TwinRules.today(v.endedAt())));
      changes.add(
          new FleetChange.Logged(
              new HistoryEntry(
                  id,
                  seqNr,
                  HistoryEntry.Kind.MAINTENANCE,
                  null,
                  v.kind().name(),
                  v.visitId(),
                  v.endedAt(),
                  e.recordedAt(),
                  e.recordedBy(),
                  join(v.company(), v.worker(), v.notes()))));
    } else if (event instanceof TwinEvent.MaintainerCheckedIn e) {
      MaintainerOnSite m = e.onSite();
      changes.add(
          new FleetChange.Logged(
              new HistoryEntry(
                  id,
                  seqNr,
                  HistoryEntry.Kind.ON_SITE,
                  null,
                  "CHECKED_IN",
                  m.visitId(),
                  m.since(),
                  e.recordedAt(),
                  e.recordedBy(),
                  join(m.company(), m.worker(), "certificate " + m.certificate()))));
    } else if (event instanceof TwinEvent.MaintainerCheckedOut e) {
      changes.add(
          new FleetChange.Logged(
              new HistoryEntry(
                  id,
                  seqNr,
                  HistoryEntry.Kind.ON_SITE,
                  null,
                  "CHECKED_OUT",
                  e.visitId(),
                  e.at(),
                  e.recordedAt(),
                  e.recordedBy(),
                  e.inspectionSeen() ? "inspection mode seen" : "no inspection mode seen")));
    } else if (event instanceof TwinEvent.InspectionRecorded e) {
      var r = e.result();
      changes.add(new FleetChange.Inspected(id, r.passed(), r.nextDue()));
      changes.add(
          new FleetChange.Logged(
              new HistoryEntry(
                  id,
                  seqNr,
                  HistoryEntry.Kind.INSPECTION,
                  null,
                  r.passed() ? "PASSED" : "FAILED",
                  r.inspectionId(),
                  r.inspectedOn().atStartOfDay().toInstant(ZoneOffset.UTC),
                  e.recordedAt(),
                  e.recordedBy(),
                  join(r.agency(), r.remarks()))));
    } else if (event instanceof TwinEvent.EarlyWarningRaised e) {
      changes.add(new FleetChange.Warned(id, e.recordedAt()));
      changes.add(
          new FleetChange.Logged(
              new HistoryEntry(
                  id,
                  seqNr,
                  HistoryEntry.Kind.WARNING,
                  null,
                  e.signal().name(),
                  null,
                  e.recordedAt(),
                  e.recordedAt(),
                  e.recordedBy(),
                  String.format(
                      Locale.ROOT, "ewma %.3f against baseline %.3f", e.ewma(), e.baseline()))));
    } else if (event instanceof TwinEvent.RiskAssessed e) {
      var risk = e.risk();
      changes.add(new FleetChange.RiskChanged(id, risk, e.recordedAt()));
      changes.add(
          new FleetChange.Logged(
              new HistoryEntry(
                  id,
                  seqNr,
                  HistoryEntry.Kind.RISK,
                  null,
                  risk.band().name(),
                  null,
                  e.recordedAt(),
                  e.recordedAt(),
                  e.recordedBy(),
                  String.format(
                      Locale.ROOT,
                      "30-day fault %.4f, entrapment %.4f, model %s",
                      risk.faultProbability30d(),
                      risk.entrapmentProbability30d(),
                      risk.modelVersion()))));
    } else if (event instanceof TwinEvent.ComplaintFiled e) {
      var complaint = e.complaint();
      changes.add(new FleetChange.Complained(id, complaint.receivedAt()));
      changes.add(
          new FleetChange.Logged(
              new HistoryEntry(
                  id,
                  seqNr,
                  HistoryEntry.Kind.COMPLAINT,
                  null,
                  complaint.topic().name(),
                  complaint.complaintId(),
                  complaint.receivedAt(),
                  e.recordedAt(),
                  e.recordedBy(),
                  complaint.text())));
    } else if (event instanceof TwinEvent.RectificationRecorded e) {
      var r = e.rectification();
      changes.add(new FleetChange.Rectified(id, r));
      changes.add(
          new FleetChange.Logged(
              new HistoryEntry(
                  id,
                  seqNr,
                  HistoryEntry.Kind.RECTIFICATION,
                  null,
                  r.status().name(),
                  null,
                  r.on().atStartOfDay().toInstant(ZoneOffset.UTC),
                  e.recordedAt(),
                  e.recordedBy(),
                  r.note())));
    } else if (event instanceof TwinEvent.SafetyAssessmentRecorded e) {
      var a = e.assessment();
      changes.add(new FleetChange.Assessed(id, a));
      changes.add(
          new FleetChange.Logged(
              new HistoryEntry(
                  id,
                  seqNr,
                  HistoryEntry.Kind.ASSESSMENT,
                  null,
                  a.conclusion().name(),
                  a.assessmentId(),
                  a.assessedOn().atStartOfDay().toInstant(ZoneOffset.UTC),
                  e.recordedAt(),
                  e.recordedBy(),
                  join(a.body(), a.remarks()))));
    } else {
      throw new IllegalArgumentException(
          "no fleet changes defined for " + event.getClass().getName());
    }
    changes.add(new FleetChange.Touched(id, seqNr, event.recordedAt()));
    return List.copyOf(changes);
  }

  private static void opened(
      List<FleetChange> changes,
      String id,
      long seqNr,
      String eventId,
      EventType type,
      Instant occurredAt,
      String detail,
      Instant recordedAt,
      String by) {
    changes.add(new FleetChange.Opened(id, type, occurredAt, eventId));
    changes.add(
        new FleetChange.Logged(
            new HistoryEntry(
                id,
                seqNr,
                kind(type),
                "RAISED",
                type.name(),
                eventId,
                occurredAt,
                recordedAt,
                by,
                detail)));
  }

  private static void closed(
      List<FleetChange> changes,
      String id,
      long seqNr,
      String eventId,
      EventType type,
      Instant occurredAt,
      String detail,
      Instant recordedAt,
      String by) {
    changes.add(new FleetChange.Closed(id, type));
    changes.add(
        new FleetChange.Logged(
            new HistoryEntry(
                id,
                seqNr,
                kind(type),
                "CLEARED",
                type.name(),
                eventId,
                occurredAt,
                recordedAt,
                by,
                detail)));
  }

  static HistoryEntry.Kind kind(EventType type) {
    return switch (type.category()) {
      case FAULT -> HistoryEntry.Kind.FAULT;
      case ALARM -> HistoryEntry.Kind.ALARM;
      case ENTRAPMENT -> HistoryEntry.Kind.ENTRAPMENT;
      case SERVICE_MODE -> HistoryEntry.Kind.SERVICE_MODE;
    };
  }

  private static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        if (sb.length() > 0) {
          sb.append("; ");
        }
        sb.append(p.trim());
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }
}
