package io.liftguard.twin.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liftguard.twin.Fixtures;
import io.liftguard.twin.domain.InspectionResult;
import io.liftguard.twin.domain.MaintenanceVisit;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.TwinState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The record-based risk features, by hand: fortnights without a visit and a failed inspection in
 * the last year.
 */
class TwinRiskFeaturesTest {
  /** 2026-11-23 12:00 in China. */
  private static final Instant NOW = Fixtures.NOW;

  private static final LocalDate TODAY = TwinRules.today(NOW);
  private static final int SKIPPED = RiskModel.FEATURES.indexOf("skipped_visits_3m");
  private static final int FAILED = RiskModel.FEATURES.indexOf("inspection_failed_12m");

  /**
   * Registered {@code daysAgo} days ago; the register's last maintenance date (2026-11-10) is a
   * routine visit.
   */
  private static TwinState registered(int daysAgo) {
    return TwinState.empty()
        .apply(
            new TwinEvent.ElevatorRegistered(
                Fixtures.register("R-1"), NOW.minus(Duration.ofDays(daysAgo)), "t"));
  }

  private static TwinState visited(TwinState s, LocalDate day, MaintenanceVisit.Kind kind) {
    Instant at = day.atTime(10, 0).atZone(TwinRules.CALENDAR).toInstant();
    return s.apply(
        new TwinEvent.MaintenanceRecorded(
            new MaintenanceVisit(
                day + kind.name(), "Yongan", "W", kind, at, at.plus(Duration.ofHours(1)), null),
            at,
            "t"));
  }

  private static TwinState inspected(TwinState s, LocalDate day, boolean passed) {
    return s.apply(
        new TwinEvent.InspectionRecorded(
            new InspectionResult(
                day + "-" + passed, "SEII", day, passed, passed ? day.plusYears(1) : null, null),
            NOW,
            "t"));
  }

  @Test
  void fortnightsWithoutARoutineVisitInTheLastNinetyDays() {
    // Registered 200 days ago: all six windows are known. Windows end today, today-15, ...,
    // today-75.
    TwinState s = registered(200);
    // Only the register's visit (2026-11-10, in the first window (11-08, 11-23]): five fortnights
    // without one.
    assertEquals(5.0, TwinRiskFeatures.of(s, null, NOW)[SKIPPED]);
    s = visited(s, TODAY.minusDays(20), MaintenanceVisit.Kind.ROUTINE); // window 2
    s = visited(s, TODAY.minusDays(50), MaintenanceVisit.Kind.ROUTINE); // window 4
    s =
        visited(
            s,
            TODAY.minusDays(35),
            MaintenanceVisit.Kind.REPAIR); // a repair is not routine maintenance
    s = visited(s, TODAY.minusDays(95), MaintenanceVisit.Kind.ROUTINE); // before the 90 days
    assertEquals(3.0, TwinRiskFeatures.of(s, null, NOW)[SKIPPED]);
    // Three weeks later, no new visit: the windows now end on 12-14, 11-29, ...; 11-03/11-10 and
    // 10-04 fill two.
    assertEquals(4.0, TwinRiskFeatures.of(s, null, NOW.plus(Duration.ofDays(21)))[SKIPPED]);
  }

  @Test
  void windowsBeforeTheTwinCouldKnowAreNotCounted() {
    // Registered 20 days ago: known from 35 days ago, so only the windows ending today and 15 days
    // ago count.
    TwinState s = registered(20);
    assertEquals(1.0, TwinRiskFeatures.of(s, null, NOW)[SKIPPED]);
    assertEquals(
        0.0,
        TwinRiskFeatures.of(
            visited(s, TODAY.minusDays(16), MaintenanceVisit.Kind.ROUTINE), null, NOW)[SKIPPED]);
  }

  @Test
  void aFailedInspectionCountsForAYearEvenAfterAPassingReinspection() {
    TwinState s = registered(400);
    assertEquals(0.0, TwinRiskFeatures.of(s, null, NOW)[FAILED]);
    s = inspected(s, TODAY.minusDays(60), false);
    s = inspected(s, TODAY.minusDays(30), true);
    assertEquals(1.0, TwinRiskFeatures.of(s, null, NOW)[FAILED]);
    assertEquals(1.0, TwinRiskFeatures.of(s, null, NOW.plus(Duration.ofDays(304)))[FAILED]);
    assertEquals(0.0, TwinRiskFeatures.of(s, null, NOW.plus(Duration.ofDays(305)))[FAILED]);
    // An older failure recorded late does not replace the newer one.
    s = inspected(s, TODAY.minusDays(300), false);
    assertEquals(TODAY.minusDays(60), s.lastFailedInspection());
  }
}
