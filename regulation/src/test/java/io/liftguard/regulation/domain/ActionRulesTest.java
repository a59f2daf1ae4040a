package io.liftguard.regulation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.regulation.domain.ActionRules.Facts;
import io.liftguard.regulation.domain.ActionRules.Kind;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.Rectification;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionRulesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  /**
   * An elevator with nothing due: 5 years old, disc brake, inspected, maintained 3 days ago, low
   * risk.
   */
  private static Facts fine(String id) {
    return new Facts(
        id,
        "Dadukou",
        "Chunhui",
        "8 Chunhui Road",
        TODAY.minusYears(5),
        false,
        BrakeType.DISC,
        TODAY.plusMonths(4),
        true,
        TODAY.minusDays(3),
        "LOW",
        0.01,
        null,
        null,
        null);
  }

  private static List<Kind> kinds(Facts f) {
    return ActionRules.actions(f, TODAY).stream().map(ActionRules.Action::kind).toList();
  }

  @Test
  void nothingIsDueForAnElevatorInOrder() {
    assertEquals(List.of(), ActionRules.actions(fine("A"), TODAY));
  }

  @Test
  void eachReasonWithItsWhy() {
    Facts f =
        new Facts(
            "B",
            "Dadukou",
            null,
            null,
            LocalDate.of(2009, 6, 1),
            true,
            BrakeType.DRUM,
            LocalDate.of(2026, 11, 1),
            false,
            LocalDate.of(2026, 11, 15),
            "HIGH",
            0.0734,
            null,
            Rectification.Status.ORDERED,
            LocalDate.of(2026, 10, 2));
    List<ActionRules.Action> actions = ActionRules.actions(f, TODAY);
    assertEquals(
        List.of(
            Kind.OVERDUE_INSPECTION,
            Kind.FAILED_INSPECTION,
            Kind.OVERDUE_MAINTENANCE,
            Kind.THREE_NO,
            Kind.HIGH_RISK,
            Kind.NO_SAFETY_ASSESSMENT,
            Kind.DRUM_BRAKE_NOT_RECTIFIED),
        kinds(f));
    assertEquals("inspection was due 2026-11-01, 30 days overdue", actions.get(0).why());
    assertEquals(
        "last maintenance 2026-11-15, 16 days ago (due every 15 days)", actions.get(2).why());
    assertEquals(
        "high risk band: 7.3 % chance of a fault in the next 30 days", actions.get(4).why());
    assertEquals(
        "installed 2009-06-01 (17 years) and no safety assessment on record", actions.get(5).why());
    assertEquals("drum brake, campaign status ORDERED since 2026-10-02", actions.get(6).why());
  }

  @Test
  void theBoundariesOfEachReason() {
    Facts f = fine("C");
    // Due today is not overdue; 15 days after the last visit is not overdue, 16 is.
    assertEquals(List.of(), kinds(withDates(f, TODAY, TODAY.minusDays(15))));
    assertEquals(
        List.of(Kind.OVERDUE_MAINTENANCE), kinds(withDates(f, TODAY, TODAY.minusDays(16))));
    assertEquals(List.of(Kind.OVERDUE_INSPECTION), kinds(withDates(f, TODAY.minusDays(1), TODAY)));
    assertEquals(
        List.of(Kind.OVERDUE_INSPECTION, Kind.OVERDUE_MAINTENANCE),
        kinds(withDates(f, null, null)));
    // 15 years old to the day needs an assessment; one on record (any conclusion) settles it; a
    // rectified drum brake is off the campaign list.
    Facts fifteen =
        new Facts(
            "D",
            "Dadukou",
            null,
            null,
            TODAY.minusYears(15),
            false,
            BrakeType.DRUM,
            TODAY.plusDays(9),
            true,
            TODAY,
            "MEDIUM",
            0.02,
            null,
            Rectification.Status.RECTIFIED,
            TODAY);
    assertEquals(List.of(Kind.NO_SAFETY_ASSESSMENT), kinds(fifteen));
    Facts assessed =
        new Facts(
            "D",
            "Dadukou",
            null,
            null,
            TODAY.minusYears(15),
            false,
            BrakeType.DRUM,
            TODAY.plusDays(9),
            true,
            TODAY,
            "MEDIUM",
            0.02,
            TODAY.minusYears(1),
            Rectification.Status.RECTIFIED,
            TODAY);
    assertEquals(List.of(), kinds(assessed));
    Facts younger =
        new Facts(
            "E",
            "Dadukou",
            null,
            null,
            TODAY.minusYears(15).plusDays(1),
            false,
            BrakeType.DISC,
            TODAY.plusDays(9),
            true,
            TODAY,
            "LOW",
            0.01,
            null,
            null,
            null);
    assertEquals(List.of(), kinds(younger));
  }

  @Test
  void theMostUrgentFirstAndAKindFilters() {
    Facts overdue = withDates(fine("Z-overdue"), TODAY.minusDays(2), TODAY);
    Facts maintenance = withDates(fine("A-maintenance"), TODAY.plusDays(5), TODAY.minusDays(30));
    Facts both = withDates(fine("M-both"), TODAY.minusDays(2), TODAY.minusDays(30));
    List<ActionRules.Due> due =
        ActionRules.due(List.of(overdue, maintenance, fine("ok"), both), TODAY, null);
    assertEquals(
        List.of("M-both", "Z-overdue", "A-maintenance"),
        due.stream().map(ActionRules.Due::elevatorId).toList());
    List<ActionRules.Due> only =
        ActionRules.due(List.of(overdue, maintenance, both), TODAY, Kind.OVERDUE_MAINTENANCE);
    assertEquals(
        List.of("M-both", "A-maintenance"),
        only.stream().map(ActionRules.Due::elevatorId).toList());
    assertTrue(only.get(0).actions().size() == 2, "a filtered elevator keeps all its reasons");
  }

  private static Facts withDates(Facts f, LocalDate inspectionDue, LocalDate lastVisit) {
    return new Facts(
        f.elevatorId(),
        f.district(),
        f.street(),
        f.address(),
        f.installed(),
        f.threeNo(),
        f.brake(),
        inspectionDue,
        f.lastInspectionPassed(),
        lastVisit,
        f.riskBand(),
        f.faultRisk30d(),
        f.lastAssessment(),
        f.drumBrake(),
        f.drumBrakeSince());
  }
}
