package io.liftguard.twin.domain;

import static io.liftguard.twin.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.kernel.domain.Decision;
import io.liftguard.kernel.domain.Rejection;
import io.liftguard.twin.Fixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Complaints, drum-brake campaign statuses and safety assessments on the twin (TwinRules,
 * TwinState).
 */
class SupervisionRulesTest {
  private static final String ID = "CQ-JJ-000001"; // Fixtures.register: a drum brake
  private static final LocalDate TODAY = TwinRules.today(NOW);

  private static TwinState registered(BrakeType brake) {
    RegisterData r = Fixtures.register(ID);
    RegisterData data =
        new RegisterData(
            r.registrationCode(),
            r.district(),
            r.street(),
            r.address(),
            r.buildingType(),
            r.manufacturer(),
            r.model(),
            r.driveType(),
            brake,
            r.ratedLoadKg(),
            r.ratedSpeedMps(),
            r.floorsServed(),
            r.installationDate(),
            r.usingUnit(),
            r.maintenanceCompany(),
            r.insurer(),
            r.hasPropertyManagement(),
            r.hasMaintenanceCompany(),
            r.hasRepairFund(),
            r.nextInspectionDue(),
            r.lastMaintenanceDate());
    return TwinState.empty().apply(new TwinEvent.ElevatorRegistered(data, NOW, "admin"));
  }

  private static TwinState accept(TwinState s, Decision<TwinEvent> d) {
    for (TwinEvent e : ((Decision.Accept<TwinEvent>) d).events()) {
      s = s.apply(e);
    }
    return s;
  }

  @Test
  void complaintsAreCountedOncePerIdAndValidated() {
    TwinState s = registered(BrakeType.DRUM);
    Complaint c =
        new Complaint(
            "12345-1", Complaint.Topic.BREAKDOWNS, NOW.minusSeconds(600), "stops between floors");
    s = accept(s, TwinRules.complaint(s, ID, c, NOW, Reading.TimeWindow.DEFAULT, "unit"));
    assertEquals(
        "duplicate",
        ((Decision.Accept<TwinEvent>)
                TwinRules.complaint(s, ID, c, NOW, Reading.TimeWindow.DEFAULT, "unit"))
            .outcome());
    assertEquals(1, s.supervision().complaints());
    var refused =
        (Decision.Reject<TwinEvent>)
            TwinRules.complaint(
                s,
                ID,
                new Complaint(null, null, NOW.plusSeconds(3600), " "),
                NOW,
                Reading.TimeWindow.DEFAULT,
                "unit");
    String all = String.join("|", refused.rejection().details());
    assertTrue(all.contains("topic") && all.contains("in the future") && all.contains("text"), all);
  }

  @Test
  void theCampaignStatusIsATimelineOfDrumBrakesOnly() {
    TwinState s = registered(BrakeType.DRUM);
    Rectification ordered =
        new Rectification(Rectification.Status.ORDERED, TODAY.minusDays(10), "order 117");
    s = accept(s, TwinRules.rectification(s, ID, ordered, NOW, "reg"));
    assertEquals(ordered, s.supervision().drumBrake());
    assertEquals(
        "duplicate",
        ((Decision.Accept<TwinEvent>) TwinRules.rectification(s, ID, ordered, NOW, "reg"))
            .outcome());
    var earlier =
        (Decision.Reject<TwinEvent>)
            TwinRules.rectification(
                s,
                ID,
                new Rectification(Rectification.Status.IN_PROGRESS, TODAY.minusDays(11), null),
                NOW,
                "reg");
    assertEquals(Rejection.Code.CONFLICT, earlier.rejection().code());
    Rectification done = new Rectification(Rectification.Status.RECTIFIED, TODAY, "brake replaced");
    s = accept(s, TwinRules.rectification(s, ID, done, NOW, "reg"));
    assertEquals(Rectification.Status.RECTIFIED, s.supervision().drumBrake().status());
    TwinState disc = registered(BrakeType.DISC);
    var notDrum = (Decision.Reject<TwinEvent>) TwinRules.rectification(disc, ID, done, NOW, "reg");
    assertTrue(
        notDrum.rejection().message().contains("covers drum brakes only"),
        notDrum.rejection().message());
  }

  @Test
  void theLatestAssessmentByDateIsKeptWhateverOrderTheyCome() {
    TwinState s = registered(BrakeType.DISC);
    SafetyAssessment newer =
        new SafetyAssessment(
            "SA-2", "Institute", TODAY.minusDays(5), SafetyAssessment.Conclusion.FIT_FOR_USE, null);
    SafetyAssessment older =
        new SafetyAssessment(
            "SA-1",
            "Institute",
            TODAY.minusYears(2),
            SafetyAssessment.Conclusion.REPAIR,
            "door operator");
    s = accept(s, TwinRules.assessment(s, ID, newer, NOW, "reg"));
    s = accept(s, TwinRules.assessment(s, ID, older, NOW, "reg"));
    assertEquals(newer, s.supervision().lastAssessment());
    assertEquals(
        "duplicate",
        ((Decision.Accept<TwinEvent>) TwinRules.assessment(s, ID, older, NOW, "reg")).outcome());
    var future =
        (Decision.Reject<TwinEvent>)
            TwinRules.assessment(
                s,
                ID,
                new SafetyAssessment(
                    "SA-3",
                    "Institute",
                    TODAY.plusDays(1),
                    SafetyAssessment.Conclusion.REPLACE,
                    null),
                NOW,
                "reg");
    assertTrue(future.rejection().message().contains("in the future"));
  }
}
