package io.liftguard.fleet.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FleetQueryTest {
  @Test
  void sortsParseByApiNameWithMinusForDescending() {
    assertEquals(
        Optional.of(new FleetSort(FleetSort.Field.FAULT_RISK, true)),
        FleetSort.parse("-faultRisk"));
    assertEquals(
        Optional.of(new FleetSort(FleetSort.Field.INSTALLATION_DATE, false)),
        FleetSort.parse("installationdate"));
    assertEquals(Optional.empty(), FleetSort.parse("colour"));
    assertEquals("-faultRisk", new FleetSort(FleetSort.Field.FAULT_RISK, true).asParam());
  }

  @Test
  void cursorsRoundTripAndForeignTextIsNoCursor() {
    FleetCursor c = new FleetCursor("-faultRisk", "0.0123", "CQ-渝-0001");
    assertEquals(Optional.of(c), FleetCursor.decode(c.encode()));
    FleetCursor noKey = new FleetCursor("elevatorId", null, "A-1");
    assertEquals(Optional.of(noKey), FleetCursor.decode(noKey.encode()));
    assertEquals(Optional.empty(), FleetCursor.decode("not a cursor!"));
    assertEquals(Optional.empty(), FleetCursor.decode("YWJj"));
  }

  @Test
  void filterProblemsNameTheParameters() {
    FleetFilter f =
        new FleetFilter(
            null, null, null, null, null, null, null, null, null, null, null, Set.of(), null, null,
            null, null, null, null, null, 40, 20, 0.5, 1.5);
    List<String> p = f.problems();
    assertTrue(p.contains("minAge 40 is greater than maxAge 20"), p.toString());
    assertTrue(p.contains("maxRisk must be a probability within [0, 1], not 1.5"), p.toString());
    assertTrue(p.contains("riskBand names no band"), p.toString());
    assertEquals(List.of(), FleetFilter.NONE.problems());
  }

  @Test
  void groupsParseByApiName() {
    assertEquals(Optional.of(GroupBy.MAINTENANCE_COMPANY), GroupBy.ofParam("maintenanceCompany"));
    assertEquals(Optional.empty(), GroupBy.ofParam("colour"));
  }
}
