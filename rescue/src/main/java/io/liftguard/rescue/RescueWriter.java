package io.liftguard.rescue;

import static io.liftguard.kernel.readside.Sql.ts;
import static io.liftguard.kernel.readside.Sql.update;

import io.liftguard.rescue.domain.RescueEvent;
import io.liftguard.rescue.domain.RescueStep;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Writes rescue case events to {@code rescue_case}, inside the projection's transaction (exactly
 * once).
 */
final class RescueWriter {
  private RescueWriter() {}

  static void apply(Connection c, String caseId, RescueEvent event) throws SQLException {
    if (event instanceof RescueEvent.CaseOpened e) {
      update(
          c,
          "INSERT INTO rescue_case (case_id, elevator_id, district, district_key, source,"
              + " twin_event_id, step, is_open, alarm_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
              + " ?, ?, ?)",
          caseId,
          e.elevatorId(),
          e.district(),
          e.district() == null ? null : e.district().toLowerCase(Locale.ROOT),
          e.source().name(),
          e.twinEventId(),
          RescueStep.ALARM.name(),
          true,
          ts(e.alarmAt()),
          ts(e.recordedAt()));
    } else if (event instanceof RescueEvent.StepRecorded e) {
      String column =
          e.step().name().toLowerCase(Locale.ROOT) + "_at"; // from the enum, never from input
      update(
          c,
          "UPDATE rescue_case SET step = ?, "
              + column
              + " = ?, is_open = ?, updated_at = ? WHERE case_id = ?",
          e.step().name(),
          ts(e.at()),
          e.step() != RescueStep.CLOSED,
          ts(e.recordedAt()),
          caseId);
    } else if (event instanceof RescueEvent.Escalated e) {
      update(
          c,
          "UPDATE rescue_case SET escalations = CASE WHEN escalations = '' THEN ? ELSE escalations"
              + " || ',' || ? END, updated_at = ? WHERE case_id = ?",
          e.escalation().name(),
          e.escalation().name(),
          ts(e.recordedAt()),
          caseId);
    }
  }
}
