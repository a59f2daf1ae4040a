package io.liftguard.regulation;

import static io.liftguard.kernel.readside.Sql.prepare;
import static io.liftguard.kernel.readside.Sql.ts;
import static io.liftguard.kernel.readside.Sql.update;

import io.liftguard.regulation.domain.Warning;
import io.liftguard.rescue.domain.RescueEvent;
import io.liftguard.twin.domain.IntegrityChecks;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.risk.RiskModel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the warnings one twin or rescue event makes ({@link Warning}) into {@code warning}, inside
 * the warnings projection's transaction, keeping what wording them needs (districts, last risk
 * bands, cases' elevators). A row's {@code source_id} names the event, so an event applied twice (a
 * replay) writes one warning.
 */
final class WarningWriter {
  private WarningWriter() {}

  static void twin(Connection c, String elevatorId, long seqNr, TwinEvent event)
      throws SQLException {
    if (event instanceof TwinEvent.ElevatorRegistered e) {
      update(c, "DELETE FROM warning_elevator WHERE elevator_id = ?", elevatorId);
      update(
          c,
          "INSERT INTO warning_elevator (elevator_id, district_key) VALUES (?, ?)",
          elevatorId,
          e.register().district().toLowerCase(Locale.ROOT));
      return;
    }
    boolean relevant =
        event instanceof TwinEvent.RiskAssessed
            || event instanceof TwinEvent.EarlyWarningRaised
            || event instanceof TwinEvent.LiveStateRecorded l
                && IntegrityChecks.movingWithDoorOpen(l.live());
    if (!relevant) {
      return; // most events (readings, reports, visits) make no warning: no query for them
    }
    String district = null;
    String band = null;
    try (PreparedStatement ps =
            prepare(
                c,
                "SELECT district_key, risk_band FROM warning_elevator WHERE elevator_id = ?",
                elevatorId);
        ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        district = rs.getString(1);
        band = rs.getString(2);
      }
    }
    String source = "twin:" + elevatorId + ":" + seqNr;
    if (event instanceof TwinEvent.RiskAssessed e) {
      update(
          c,
          "UPDATE warning_elevator SET risk_band = ? WHERE elevator_id = ?",
          e.risk().band().name(),
          elevatorId);
      insert(
          c,
          source,
          Warning.riskMoved(
              elevatorId,
              district,
              band == null ? null : RiskModel.Band.valueOf(band),
              e.risk(),
              e.recordedAt()));
    } else if (event instanceof TwinEvent.EarlyWarningRaised e) {
      insert(
          c,
          source,
          Optional.of(
              Warning.drift(
                  elevatorId, district, e.signal(), e.ewma(), e.baseline(), e.recordedAt())));
    } else if (event instanceof TwinEvent.LiveStateRecorded e) {
      insert(c, source, Warning.reading(elevatorId, district, e.live()));
    }
  }

  static void rescue(Connection c, String caseId, RescueEvent event) throws SQLException {
    if (event instanceof RescueEvent.CaseOpened e) {
      update(c, "DELETE FROM warning_rescue_case WHERE case_id = ?", caseId);
      update(
          c,
          "INSERT INTO warning_rescue_case (case_id, elevator_id, district_key) VALUES (?, ?, ?)",
          caseId,
          e.elevatorId(),
          e.district() == null ? null : e.district().toLowerCase(Locale.ROOT));
    } else if (event instanceof RescueEvent.Escalated e) {
      try (PreparedStatement ps =
              prepare(
                  c,
                  "SELECT elevator_id, district_key FROM warning_rescue_case "
                      + "WHERE case_id = ?",
                  caseId);
          ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          insert(
              c,
              "rescue:" + caseId + ":" + e.escalation(),
              Optional.of(
                  Warning.escalated(
                      rs.getString(1), rs.getString(2), caseId, e.escalation(), e.dueAt())));
        }
      }
    }
  }

  private static void insert(Connection c, String source, Optional<Warning> warning)
      throws SQLException {
    if (warning.isEmpty()) {
      return;
    }
    Warning w = warning.get();
    update(
        c,
        "INSERT INTO warning (kind, elevator_id, district_key, occurred_at, title, detail,"
            + " source_id) SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM warning WHERE"
            + " source_id = ?)",
        w.kind().name(),
        w.elevatorId(),
        w.district(),
        ts(w.at()),
        w.title(),
        w.detail(),
        source,
        source);
  }
}
