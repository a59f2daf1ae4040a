package io.liftguard.twin.domain;

import java.time.Instant;
import java.util.List;

/**
 * A complaint about an elevator (投诉), filed by its using unit or a regulator (for example from the
 * 12345 citizen hotline). No personal data: the complainant is not recorded, only who filed it on
 * the platform. Complaint rates count in maintenance companies' ratings and the public disclosure
 * list.
 */
public record Complaint(String complaintId, Topic topic, Instant receivedAt, String text) {

  /** What the complaint is about. */
  public enum Topic {
    BREAKDOWNS,
    ENTRAPMENT,
    SAFETY,
    MAINTENANCE,
    NOISE_OR_RIDE,
    OTHER
  }

  public List<String> problems(Instant now, Reading.TimeWindow window) {
    Problems p = new Problems();
    p.optionalText("complaintId", complaintId, 128);
    p.notNull("topic", topic);
    p.timely("receivedAt", receivedAt, now, window);
    p.text("text", text, 2048);
    return p.toList();
  }
}
