package io.liftguard.maintenance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisitRecordTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final String COMPANY = "Yongan Lift Service";
  static final Instant IN = Instant.parse("2027-03-01T01:00:00Z"); // 09:00 in Chongqing
  static final Certificate VALID =
      new Certificate(
          "T-001", "Li Wei", COMPANY, LocalDate.of(2026, 1, 1), LocalDate.of(2029, 12, 31));
  static final Contract CONTRACT =
      new Contract(
          "C-1",
          1,
          "Jiangbei Property Co",
          COMPANY,
          List.of("E1"),
          MaintenanceMode.Fixed.TSG_T5002,
          ContractTest.TARGETS,
          new BigDecimal("4800.00"),
          LocalDate.of(2027, 1, 1),
          LocalDate.of(2027, 12, 31));

  static VisitRecord record(String elevator, Instant in, Instant out, boolean inspectionMode) {
    return new VisitRecord(
        "W-1",
        elevator,
        VisitTier.HALF_MONTHLY,
        "T-001",
        in,
        out,
        Map.of("door lock contacts", "ok"),
        inspectionMode);
  }

  @Test
  void aRecordByACertifiedMaintainerOfTheContractedCompanyIsAccepted() {
    VisitRecord r = record("E1", IN, IN.plusSeconds(45 * 60), true);
    assertEquals(List.of(), r.refusals(VALID, CONTRACT, COMPANY, ZONE));
    assertEquals(List.of(), r.flags());
  }

  @Test
  void anUnknownExpiredOrForeignCertificateAnUncoveredElevatorAndABackwardCheckOutAreRefused() {
    VisitRecord r = record("E1", IN, IN.plusSeconds(45 * 60), true);
    assertEquals(
        List.of("certificate T-001 is not known"), r.refusals(null, CONTRACT, COMPANY, ZONE));
    Certificate expired =
        new Certificate(
            "T-001", "Li Wei", COMPANY, LocalDate.of(2022, 1, 1), LocalDate.of(2026, 12, 31));
    assertEquals(
        List.of("certificate T-001 is not valid on 2027-03-01 (2022-01-01 to 2026-12-31)"),
        r.refusals(expired, CONTRACT, COMPANY, ZONE));
    Certificate foreign =
        new Certificate(
            "T-001",
            "Li Wei",
            "Budget Lift Co",
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2029, 12, 31));
    assertEquals(
        List.of("certificate T-001 is not Yongan Lift Service's"),
        r.refusals(foreign, CONTRACT, COMPANY, ZONE));
    assertEquals(
        List.of("elevator E2 is not under a contract of Yongan Lift Service on 2027-03-01"),
        record("E2", IN, IN.plusSeconds(2700), true).refusals(VALID, CONTRACT, COMPANY, ZONE));
    assertEquals(
        List.of("checkOut (2027-03-01T00:59:00Z) must be after checkIn (2027-03-01T01:00:00Z)"),
        record("E1", IN, IN.minusSeconds(60), true).refusals(VALID, CONTRACT, COMPANY, ZONE));
  }

  @Test
  void aVisitWithoutInspectionModeOrTooShortForItsTierIsFlaggedNotRefused() {
    VisitRecord r = record("E1", IN, IN.plusSeconds(10 * 60), false);
    assertEquals(List.of(), r.refusals(VALID, CONTRACT, COMPANY, ZONE));
    assertEquals(
        List.of(
            "the terminal never reported inspection mode during the visit",
            "on site 10 min, less than the 30 min a HALF_MONTHLY visit takes"),
        r.flags());
    // On site: nothing to flag yet.
    assertEquals(List.of(), record("E1", IN, null, false).flags());
  }
}
