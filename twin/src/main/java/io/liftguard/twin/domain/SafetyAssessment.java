package io.liftguard.twin.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of a safety assessment (安全评估) of an ageing elevator by an assessment body: what the
 * elevator needs, which can back an application to the building's special repair fund. The
 * platform's own report ({@code GET .../safety-assessment}) is the input to such an assessment;
 * this is its outcome, recorded.
 */
public record SafetyAssessment(
    String assessmentId, String body, LocalDate assessedOn, Conclusion conclusion, String remarks) {

  /** What the assessment concludes the elevator needs. */
  public enum Conclusion {
    FIT_FOR_USE,
    REPAIR,
    RENOVATE,
    REPLACE
  }

  public List<String> problems(LocalDate today) {
    Problems p = new Problems();
    p.optionalText("assessmentId", assessmentId, 128);
    p.text("body", body, 128);
    p.notNull("assessedOn", assessedOn);
    if (assessedOn != null) {
      p.require(!assessedOn.isAfter(today), "assessedOn " + assessedOn + " is in the future");
    }
    p.notNull("conclusion", conclusion);
    p.optionalText("remarks", remarks, 2048);
    return p.toList();
  }
}
