package io.liftguard.twin.domain;

import java.time.Instant;
import java.util.List;

/**
 * A fault, alarm, entrapment or service-mode change reported for one elevator. {@code RAISED} opens
 * it, {@code CLEARED} closes it. {@code eventId} is the reporter's own id: a retry with the same id
 * is recognised and not recorded twice.
 */
public record ReportedEvent(
    String eventId, EventType type, Phase phase, Instant occurredAt, String detail) {

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
    p.timely("occurredAt", occurredAt, now, window);
    p.optionalText("detail", detail, 1024);
    return p.toList();
  }
}
