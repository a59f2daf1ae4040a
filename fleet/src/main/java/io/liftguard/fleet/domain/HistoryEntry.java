package io.liftguard.fleet.domain;

import java.time.Instant;

/**
 * One row of the fleet history: what happened to which elevator when, for claims, KPIs and
 * dashboards.
 *
 * @param phase RAISED or CLEARED for faults, alarms, entrapments and service modes; null otherwise
 * @param eventType the fault type, visit kind, PASSED/FAILED, drifting signal, risk band, complaint
 *     topic, campaign status, assessment conclusion, or CHECKED_IN / CHECKED_OUT
 */
public record HistoryEntry(
    String elevatorId,
    long seqNr,
    Kind kind,
    String phase,
    String eventType,
    String eventId,
    Instant occurredAt,
    Instant recordedAt,
    String recordedBy,
    String detail) {

  /** What kind of record a history row is. */
  public enum Kind {
    FAULT,
    ALARM,
    ENTRAPMENT,
    SERVICE_MODE,
    MAINTENANCE,
    /** A maintainer checked in at the car (CHECKED_IN) or out (CHECKED_OUT). */
    ON_SITE,
    INSPECTION,
    WARNING,
    RISK,
    COMPLAINT,
    RECTIFICATION,
    ASSESSMENT
  }

  public static final int MAX_DETAIL = 1024;

  public HistoryEntry {
    detail =
        detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
  }
}
