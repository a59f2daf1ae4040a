package io.liftguard.twin.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a drum-brake elevator stands in the drum-brake hazard campaign (鼓式制动器隐患专项整治): a regulator
 * records each change of status, dated, with a note (the order issued, the contractor, the
 * replacement fitted).
 */
public record Rectification(Status status, LocalDate on, String note) {

  /**
   * The campaign's statuses; every drum-brake elevator is NOT_STARTED until a regulator records
   * otherwise.
   */
  public enum Status {
    NOT_STARTED,
    ORDERED,
    IN_PROGRESS,
    RECTIFIED
  }

  public List<String> problems(LocalDate today) {
    Problems p = new Problems();
    p.notNull("status", status);
    p.notNull("on", on);
    if (on != null) {
      p.require(!on.isAfter(today), "on " + on + " is in the future");
    }
    p.optionalText("note", note, 1024);
    return p.toList();
  }
}
