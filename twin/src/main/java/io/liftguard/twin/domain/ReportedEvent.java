package io.liftguard.twin.domain;

import java.time.Instant;
import java.util.List;

/**
 * A fault, alarm, entrapment or service-mode change reported for one elevator. {@code RAISED} opens it,
 * {@code CLEARED} closes it. {@code eventId} is the reporter's own id: a retry with the same id is recognised
 * and not recorded twice.
 */
public record ReportedEvent(String eventId, EventType type, Phase phase, Instant occurredAt, String detail) {

  /** Whether the event starts or ends. */
  public enum Phase {
    RAISED,
    CLEARED
  }

  public List<String> problems(Instant now, Reading.TimeWindow window) {
    Problems p = new Problems();
    p.optionalText("eventId", eventId, 128);
    p.notNull("type", type);
    p.notNull("phase", phase);
    p.notNull("occurredAt", occurredAt);
    if (occurredAt != null) {
      p.require(
          !occurredAt.isAfter(now.plus(window.maxClockSkew())),
          "occurredAt " + occurredAt + " is in the future (more than " + window.maxClockSkew() + " ahead of " + now + ")");
      p.require(!occurredAt.isBefore(now.minus(window.maxAge())), "occurredAt " + occurredAt + " is older than " + window.maxAge());
    }
    p.optionalText("detail", detail, 1024);
    return p.toList();
  }
}
