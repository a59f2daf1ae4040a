package io.liftguard.api.dto;

import java.time.Instant;

/** The bodies the rescue routes read (unknown fields are refused). */
public final class RescueRequests {
  private RescueRequests() {}

  /**
   * {@code POST /api/v1/rescues}: an entrapment called in by phone. {@code callId} is the centre's
   * call record, so a retried request opens no second case; {@code alarmAt} defaults to now.
   */
  public record PhoneAlarm(String elevatorId, String callId, Instant alarmAt, String detail) {}

  /** {@code POST /api/v1/rescues/{id}/steps}: a step and when it happened (default: now). */
  public record StepBody(String step, Instant at, String detail) {}
}
