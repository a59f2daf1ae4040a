package io.liftguard.maintenance.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A paperless visit record (无纸化维保记录): who came (by certificate), when they checked in at the car
 * and out, the tier's items with their results, and the using unit's confirmation.
 *
 * @param checkOut null while the maintainer is on site
 * @param items each item done and its result ("ok", or what was found and replaced)
 * @param inspectionModeSeen whether the elevator's terminal reported inspection mode between
 *     check-in and check-out: the twin pairs the record with it
 */
public record VisitRecord(
    String workOrderId,
    String elevatorId,
    VisitTier tier,
    String certificateNumber,
    Instant checkIn,
    Instant checkOut,
    Map<String, String> items,
    boolean inspectionModeSeen) {
  public VisitRecord {
    items = items == null ? Map.of() : Map.copyOf(items);
  }

  /**
   * Why the record is refused, as the company's maintainer submits it: a certificate the platform
   * does not know, that has expired or is another company's, an elevator outside the company's
   * contracts, a check-out before its check-in. Empty when it is accepted.
   *
   * @param certificate the certificate {@code certificateNumber} names; null when unknown
   * @param contract the company's contract covering the elevator on the day; null when none
   */
  public List<String> refusals(
      Certificate certificate, Contract contract, String company, ZoneId zone) {
    List<String> p = new ArrayList<>();
    LocalDate day = checkIn == null ? null : checkIn.atZone(zone).toLocalDate();
    if (checkIn == null) {
      p.add("checkIn is required");
    }
    if (checkOut != null && checkIn != null && !checkOut.isAfter(checkIn)) {
      p.add("checkOut (" + checkOut + ") must be after checkIn (" + checkIn + ")");
    }
    if (certificate == null) {
      p.add("certificate " + certificateNumber + " is not known");
    } else if (day != null && !certificate.allows(company, day)) {
      p.add(
          "certificate "
              + certificateNumber
              + (certificate.company().equals(company)
                  ? " is not valid on "
                      + day
                      + " ("
                      + certificate.validFrom()
                      + " to "
                      + certificate.validUntil()
                      + ")"
                  : " is not " + company + "'s"));
    }
    if (day != null && (contract == null || !contract.covers(elevatorId, day))) {
      p.add("elevator " + elevatorId + " is not under a contract of " + company + " on " + day);
    }
    return p;
  }

  /**
   * What the integrity checks flag in an accepted, checked-out record: no inspection mode seen
   * (以修代保), or a visit shorter than its tier's minimum. A flag is a question to the company, not a
   * verdict.
   */
  public List<String> flags() {
    List<String> f = new ArrayList<>();
    if (checkOut == null) {
      return f;
    }
    if (!inspectionModeSeen) {
      f.add("the terminal never reported inspection mode during the visit");
    }
    Duration onSite = Duration.between(checkIn, checkOut);
    if (onSite.compareTo(tier.minimumOnSite()) < 0) {
      f.add(
          "on site "
              + onSite.toMinutes()
              + " min, less than the "
              + tier.minimumOnSite().toMinutes()
              + " min a "
              + tier
              + " visit takes");
    }
    return f;
  }
}
