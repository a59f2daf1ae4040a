package io.liftguard.twin.domain;

import java.time.LocalDate;
import java.util.List;

/** The result of a periodic inspection (定期检验) by an inspection agency. */
public record InspectionResult(
    String inspectionId,
    String agency,
    LocalDate inspectedOn,
    boolean passed,
    LocalDate nextDue,
    String remarks) {

  public List<String> problems(LocalDate today) {
    Problems p = new Problems();
    p.optionalText("inspectionId", inspectionId, 128);
    p.text("agency", agency, 128);
    p.notNull("inspectedOn", inspectedOn);
    if (inspectedOn != null) {
      p.require(!inspectedOn.isAfter(today), "inspectedOn " + inspectedOn + " is in the future");
    }
    if (passed) {
      p.notNull("nextDue", nextDue);
    }
    if (nextDue != null && inspectedOn != null) {
      p.require(
          nextDue.isAfter(inspectedOn),
          "nextDue " + nextDue + " must be after inspectedOn " + inspectedOn);
      p.require(
          !nextDue.isAfter(inspectedOn.plusYears(2)),
          "nextDue " + nextDue + " is more than two years after inspectedOn");
    }
    p.optionalText("remarks", remarks, 2048);
    return p.toList();
  }
}
