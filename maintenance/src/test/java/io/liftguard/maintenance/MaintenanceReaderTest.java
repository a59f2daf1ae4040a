package io.liftguard.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.liftguard.maintenance.MaintenanceReader.Entry;
import io.liftguard.maintenance.domain.ElevatorCondition;
import io.liftguard.twin.domain.risk.RiskModel;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An elevator's condition as the work list reads it from the fleet history. */
class MaintenanceReaderTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

  private static Entry e(String kind, String phase, String type, String id, int daysAgo) {
    return new Entry(kind, phase, type, id, TODAY.minusDays(daysAgo));
  }

  @Test
  void theLastRoutineVisitAndWhatCameAfterIt() {
    var covered =
        MaintenanceReader.covered(
            "K-1",
            "E1",
            RiskModel.Band.HIGH,
            TODAY.minusDays(100),
            List.of(
                e("FAULT", "RAISED", "DOOR_FAULT", "f1", 95),
                e("MAINTENANCE", null, "ROUTINE", "v1", 40),
                e("FAULT", "RAISED", "DOOR_FAULT", "f2", 30),
                e("FAULT", "CLEARED", "DOOR_FAULT", "f2", 29),
                e("MAINTENANCE", null, "REPAIR", "v2", 20),
                e("WARNING", null, "DOOR_CLOSE_TIME", null, 10),
                e("FAULT", "RAISED", "BRAKE_FAULT", "f3", 3),
                e("ON_SITE", null, "CHECKED_IN", "v3", 0)),
            TODAY);
    ElevatorCondition c = covered.condition();
    assertEquals(TODAY.minusDays(40), c.lastVisit(), "a repair is not a routine visit");
    assertEquals(2, c.faultsSinceVisit());
    assertEquals(2, c.faults90d(), "the fault 95 days ago is out of the 90");
    assertEquals(
        List.of(new ElevatorCondition.DriftWarning("door close time", TODAY.minusDays(10))),
        c.driftWarnings());
    assertEquals(RiskModel.Band.HIGH, c.band());
    assertEquals("v3", covered.onSite());
  }

  @Test
  void withoutAVisitInTheHistoryTheRegistersDayCountsAndACheckOutEndsTheVisit() {
    var covered =
        MaintenanceReader.covered(
            "K-1",
            "E1",
            null,
            TODAY.minusDays(12),
            List.of(
                e("ON_SITE", null, "CHECKED_IN", "v3", 1),
                e("ON_SITE", null, "CHECKED_OUT", "v3", 1)),
            TODAY);
    assertEquals(TODAY.minusDays(12), covered.condition().lastVisit());
    assertNull(covered.onSite());
  }
}
