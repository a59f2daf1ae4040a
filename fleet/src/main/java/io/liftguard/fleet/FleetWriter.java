package io.liftguard.fleet;

import static io.liftguard.kernel.readside.Sql.date;
import static io.liftguard.kernel.readside.Sql.name;
import static io.liftguard.kernel.readside.Sql.ts;
import static io.liftguard.kernel.readside.Sql.update;

import io.liftguard.fleet.domain.FleetChange;
import io.liftguard.fleet.domain.HistoryEntry;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinState;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@link FleetChange}s to the read model's tables, inside the projection's transaction.
 * Plain SQL that H2 and PostgreSQL both run; no upserts are needed because a row is inserted only
 * by its elevator's registration, the first event, and exactly-once processing never applies an
 * event twice.
 */
final class FleetWriter {
  private FleetWriter() {}

  static void apply(Connection c, List<FleetChange> changes) throws SQLException {
    for (FleetChange change : changes) {
      apply(c, change);
    }
  }

  private static void apply(Connection c, FleetChange change) throws SQLException {
    if (change instanceof FleetChange.Registered r) {
      insert(c, r.elevatorId(), r.register(), r.at());
    } else if (change instanceof FleetChange.Reported r) {
      update(
          c,
          "UPDATE fleet_elevator SET running_mode = COALESCE(?, running_mode), last_report_at = ?"
              + " WHERE elevator_id = ?",
          r.runningMode() == null ? null : r.runningMode().name(),
          ts(r.reportedAt()),
          r.elevatorId());
    } else if (change instanceof FleetChange.Opened o) {
      // Raising a type that is open already changes nothing here (the twin counts it as another
      // occurrence).
      int opened =
          update(
              c,
              "INSERT INTO fleet_open_item (elevator_id, event_type, category, since, event_id)"
                  + " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM fleet_open_item WHERE"
                  + " elevator_id = ? AND event_type = ?)",
              o.elevatorId(),
              o.type().name(),
              o.type().category().name(),
              ts(o.since()),
              o.eventId(),
              o.elevatorId(),
              o.type().name());
      if (opened > 0) {
        recountOpen(c, o.elevatorId());
      }
    } else if (change instanceof FleetChange.Closed o) {
      int closed =
          update(
              c,
              "DELETE FROM fleet_open_item WHERE elevator_id = ? AND event_type = ?",
              o.elevatorId(),
              o.type().name());
      if (closed > 0) {
        recountOpen(c, o.elevatorId());
      }
    } else if (change instanceof FleetChange.Counted k) {
      String column =
          switch (k.category()) {
            case FAULT -> "faults";
            case ALARM -> "alarms";
            case ENTRAPMENT -> "entrapments";
            case SERVICE_MODE -> null;
          };
      if (column != null) {
        update(
            c,
            "UPDATE fleet_elevator SET " + column + " = " + column + " + 1 WHERE elevator_id = ?",
            k.elevatorId());
      }
    } else if (change instanceof FleetChange.Maintained m) {
      // The latest visit counts, whatever order visits were reported in (as the twin keeps it).
      Date day = Date.valueOf(m.day());
      Date due = Date.valueOf(m.day().plusDays(TwinState.MAINTENANCE_INTERVAL_DAYS));
      update(
          c,
          "UPDATE fleet_elevator SET maintenance_visits = maintenance_visits + 1, maintenance_due ="
              + " CASE WHEN last_maintenance_date IS NULL OR last_maintenance_date < ? THEN ? ELSE"
              + " maintenance_due END, last_maintenance_date = CASE WHEN last_maintenance_date IS"
              + " NULL OR last_maintenance_date < ? THEN ? ELSE last_maintenance_date END WHERE"
              + " elevator_id = ?",
          day,
          due,
          day,
          day,
          m.elevatorId());
    } else if (change instanceof FleetChange.Inspected i) {
      if (i.passed()) {
        update(
            c,
            "UPDATE fleet_elevator SET inspections = inspections + 1, last_inspection_passed ="
                + " TRUE, next_inspection_due = ? WHERE elevator_id = ?",
            date(i.nextDue()),
            i.elevatorId());
      } else {
        update(
            c,
            "UPDATE fleet_elevator SET inspections = inspections + 1, last_inspection_passed ="
                + " FALSE WHERE elevator_id = ?",
            i.elevatorId());
      }
    } else if (change instanceof FleetChange.Warned w) {
      update(
          c,
          "UPDATE fleet_elevator SET early_warnings = early_warnings + 1, last_warning_at = ? WHERE"
              + " elevator_id = ?",
          ts(w.at()),
          w.elevatorId());
    } else if (change instanceof FleetChange.RiskChanged r) {
      var byCause = r.risk().entrapmentByCause();
      update(
          c,
          "UPDATE fleet_elevator SET fault_risk = ?, entrapment_risk = ?, fault_risk_sort = ?,"
              + " entrapment_risk_sort = ?, equipment_entrapment_risk = ?, misuse_entrapment_risk ="
              + " ?, external_entrapment_risk = ?, risk_band = ?, risk_model = ?, risk_assessed_at"
              + " = ? WHERE elevator_id = ?",
          r.risk().faultProbability30d(),
          r.risk().entrapmentProbability30d(),
          r.risk().faultProbability30d(),
          r.risk().entrapmentProbability30d(),
          byCause == null ? null : byCause.equipment(),
          byCause == null ? null : byCause.misuse(),
          byCause == null ? null : byCause.external(),
          r.risk().band().name(),
          r.risk().modelVersion(),
          ts(r.at()),
          r.elevatorId());
    } else if (change instanceof FleetChange.Complained k) {
      update(
          c,
          "UPDATE fleet_elevator SET complaints = complaints + 1, last_complaint_at = CASE WHEN"
              + " last_complaint_at IS NULL OR last_complaint_at < ? THEN ? ELSE last_complaint_at"
              + " END WHERE elevator_id = ?",
          ts(k.at()),
          ts(k.at()),
          k.elevatorId());
    } else if (change instanceof FleetChange.Rectified r) {
      update(
          c,
          "UPDATE fleet_elevator SET drum_rectification = ?, drum_rectification_on = ?, "
              + "drum_rectification_note = ? WHERE elevator_id = ?",
          r.rectification().status().name(),
          date(r.rectification().on()),
          r.rectification().note(),
          r.elevatorId());
    } else if (change instanceof FleetChange.Assessed a) {
      Date on = date(a.assessment().assessedOn());
      update(
          c,
          "UPDATE fleet_elevator SET last_assessment_conclusion = CASE WHEN last_assessment_on IS"
              + " NULL OR last_assessment_on <= ? THEN ? ELSE last_assessment_conclusion END,"
              + " last_assessment_on = CASE WHEN last_assessment_on IS NULL OR last_assessment_on"
              + " <= ? THEN ? ELSE last_assessment_on END WHERE elevator_id = ?",
          on,
          a.assessment().conclusion().name(),
          on,
          on,
          a.elevatorId());
    } else if (change instanceof FleetChange.Logged l) {
      HistoryEntry h = l.entry();
      update(
          c,
          "INSERT INTO fleet_history (elevator_id, seq_nr, kind, phase, event_type, event_id,"
              + " occurred_at, recorded_at, recorded_by, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
              + " ?)",
          h.elevatorId(),
          h.seqNr(),
          h.kind().name(),
          h.phase(),
          h.eventType(),
          h.eventId(),
          ts(h.occurredAt()),
          ts(h.recordedAt()),
          h.recordedBy(),
          h.detail());
    } else if (change instanceof FleetChange.Touched t) {
      update(
          c,
          "UPDATE fleet_elevator SET updated_at = ?, last_seq_nr = ? WHERE elevator_id = ?",
          ts(t.at()),
          t.seqNr(),
          t.elevatorId());
    } else {
      throw new IllegalArgumentException("unknown change " + change);
    }
  }

  private static void insert(Connection c, String id, RegisterData r, Instant at)
      throws SQLException {
    LocalDate lastVisit = r.lastMaintenanceDate();
    update(
        c,
        "INSERT INTO fleet_elevator (elevator_id, district, district_key, street, address,"
            + " building_type, public_gathering, manufacturer, model, drive_type, brake_type,"
            + " rated_load_kg, floors_served, installation_date, using_unit, maintenance_company,"
            + " insurer, three_no, registered_at, last_maintenance_date, maintenance_due,"
            + " next_inspection_due, updated_at, last_seq_nr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        id,
        r.district(),
        r.district().toLowerCase(Locale.ROOT),
        r.street(),
        r.address(),
        r.buildingType().name(),
        r.buildingType().isPublicGathering(),
        r.manufacturer(),
        r.model(),
        name(r.driveType()),
        name(r.brakeType()),
        r.ratedLoadKg(),
        r.floorsServed(),
        date(r.installationDate()),
        r.usingUnit(),
        r.maintenanceCompany(),
        r.insurer(),
        r.isThreeNo(),
        ts(at),
        date(lastVisit),
        lastVisit == null ? null : date(lastVisit.plusDays(TwinState.MAINTENANCE_INTERVAL_DAYS)),
        date(r.nextInspectionDue()),
        ts(at));
  }

  private static void recountOpen(Connection c, String id) throws SQLException {
    update(
        c,
        "UPDATE fleet_elevator SET open_faults = (SELECT COUNT(*) FROM fleet_open_item o WHERE"
            + " o.elevator_id = ? AND o.category IN ('"
            + EventType.Category.FAULT
            + "', '"
            + EventType.Category.ALARM
            + "')), open_entrapments = (SELECT COUNT(*) FROM fleet_open_item o WHERE o.elevator_id"
            + " = ? AND o.category = '"
            + EventType.Category.ENTRAPMENT
            + "'), service_modes = (SELECT COUNT(*) FROM fleet_open_item o WHERE o.elevator_id = ?"
            + " AND o.category = '"
            + EventType.Category.SERVICE_MODE
            + "') WHERE elevator_id = ?",
        id,
        id,
        id,
        id);
  }

  /** Runs one statement; returns how many rows it changed. */
}
