package io.liftguard.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.liftguard.regulation.domain.AssessmentReport;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.DriveType;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.InspectionResult;
import io.liftguard.twin.domain.Rectification;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinState;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's recommendation rules, and the PDF it prints to, read back. */
class AssessmentReportTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

  private static TwinState elevator(int age, BrakeType brake) {
    RegisterData r =
        new RegisterData(
            "SA-1",
            "Dadukou",
            "Chunhui",
            "8 Chunhui Road",
            BuildingType.RESIDENTIAL,
            "Otis",
            "GeN2",
            DriveType.TRACTION,
            brake,
            1000,
            1.75,
            18,
            TODAY.minusYears(age).minusDays(3),
            "Chunhui Property",
            "Yongan Lift Service",
            "PICC Chongqing",
            true,
            true,
            true,
            TODAY.plusMonths(5),
            TODAY.minusDays(4));
    return TwinState.empty()
        .apply(new TwinEvent.ElevatorRegistered(r, NOW.minusSeconds(86_400 * 400L), "admin"));
  }

  private static RiskModel.Assessment risk(RiskModel.Band band, double p) {
    return new RiskModel.Assessment(
        p, p / 10, band, "glm-3", List.of(new RiskModel.Factor("age_years", 18, 0.42)));
  }

  @Test
  void aYoungElevatorInOrderNeedsNothingBeyondItsInspection() {
    AssessmentReport r =
        AssessmentReport.of(
            "SA-1",
            elevator(6, BrakeType.DISC),
            List.of(),
            risk(RiskModel.Band.LOW, 0.004),
            List.of(),
            TODAY);
    assertEquals(AssessmentReport.Priority.ROUTINE, r.recommendation().priority());
    assertEquals(List.of(), r.recommendation().reasons());
    assertFalse(r.recommendation().backsRepairFund());
  }

  @Test
  void anOldElevatorWithADrumBrakeAndFaultsIsUrgentAndBacksARepairFundApplication() {
    TwinState s = elevator(18, BrakeType.DRUM);
    List<TwinEvent> year = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      year.add(
          new TwinEvent.FaultRaised(
              "f" + i,
              EventType.DOOR_CLOSE_FAILURE,
              NOW.minusSeconds(86_400L * (30 + i)),
              "terminal",
              NOW,
              "gw",
              Role.GATEWAY));
    }
    year.add(
        new TwinEvent.InspectionRecorded(
            new InspectionResult(
                "i1", "Institute", TODAY.minusMonths(2), true, TODAY.plusMonths(10), null),
            NOW,
            "reg"));
    for (TwinEvent e : year) {
      s = s.apply(e);
    }
    AssessmentReport r =
        AssessmentReport.of("SA-1", s, year, risk(RiskModel.Band.MEDIUM, 0.03), List.of(), TODAY);
    assertEquals(AssessmentReport.Priority.URGENT, r.recommendation().priority());
    assertEquals(
        List.of(
            "drum brake not rectified",
            "18 years in service (assessment due after 15)",
            "4 faults in twelve months",
            "medium risk band"),
        r.recommendation().reasons());
    assertTrue(r.recommendation().backsRepairFund());
    // Rectified, the drum brake is no longer a reason and the elevator is not urgent any more.
    TwinState rectified =
        s.apply(
            new TwinEvent.RectificationRecorded(
                new Rectification(Rectification.Status.RECTIFIED, TODAY, "replaced"), NOW, "reg"));
    AssessmentReport after =
        AssessmentReport.of(
            "SA-1", rectified, year, risk(RiskModel.Band.MEDIUM, 0.03), List.of(), TODAY);
    assertEquals(AssessmentReport.Priority.ELEVATED, after.recommendation().priority());

    String text = text(AssessmentPdf.render(r));
    assertTrue(text.contains("Elevator safety assessment report"), text);
    assertTrue(text.contains("Recommended action: URGENT"), text);
    assertTrue(text.contains("(18 years in service)"), text);
    assertTrue(text.contains("fault DOOR_CLOSE_FAILURE"), text);
    assertTrue(text.contains("age_years: +0.42"), text);
    assertTrue(text.contains("special repair fund"), text);
  }

  private static String text(byte[] pdf) {
    try {
      PdfReader reader = new PdfReader(pdf);
      StringBuilder all = new StringBuilder();
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        all.append(extractor.getTextFromPage(page)).append('\n');
      }
      return all.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
