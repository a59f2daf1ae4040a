package io.liftguard.twin.domain;

import java.time.Instant;
import java.util.List;

/**
 * A maintenance visit (维保) as the maintenance company records it; TSG T5002 asks for one every 15
 * days.
 */
public record MaintenanceVisit(
    String visitId,
    String company,
    String worker,
    Kind kind,
    Instant startedAt,
    Instant endedAt,
    String notes) {

  /** Why the visit happened. */
  public enum Kind {
    ROUTINE,
    ON_DEMAND,
    REPAIR,
    RESCUE
  }

  public List<String> problems(Instant now, Reading.TimeWindow window) {
    Problems p = new Problems();
    p.optionalText("visitId", visitId, 128);
    p.text("company", company, 128);
    p.text("worker", worker, 128);
    p.notNull("kind", kind);
    p.notNull("startedAt", startedAt);
    p.notNull("endedAt", endedAt);
    if (startedAt != null && endedAt != null) {
      p.require(
          !endedAt.isBefore(startedAt), "endedAt " + endedAt + " is before startedAt " + startedAt);
      p.require(
          !endedAt.isAfter(now.plus(window.maxClockSkew())),
          "endedAt " + endedAt + " is in the future (now " + now + ")");
      p.require(
          !startedAt.isBefore(now.minus(window.maxAge())),
          "startedAt " + startedAt + " is older than " + window.maxAge());
    }
    p.optionalText("notes", notes, 2048);
    return p.toList();
  }
}
