package io.liftguard.twin.domain.access;

import static io.liftguard.twin.domain.access.AccessPolicy.Outcome.ALLOW;
import static io.liftguard.twin.domain.access.AccessPolicy.Outcome.FORBIDDEN;
import static io.liftguard.twin.domain.access.AccessPolicy.Outcome.HIDDEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
  private static final ElevatorScope MINE =
      new ElevatorScope("E1", "Yuzhong", "PICC", "Yongan", "Unit 1");
  private static final ElevatorScope OTHER =
      new ElevatorScope("E2", "Jiangjin", "PingAn", "Jialing", "Unit 2");

  private static Principal p(Role role, Scope scope) {
    return new Principal("p", role, scope);
  }

  @Test
  void tenantsSeeOnlyElevatorsTheirRegisterDataNames() {
    Principal insurer = p(Role.INSURER, new Scope(null, "PICC", null, null, null));
    assertEquals(ALLOW, AccessPolicy.decide(insurer, Action.READ_TWIN, MINE));
    assertEquals(HIDDEN, AccessPolicy.decide(insurer, Action.READ_TWIN, OTHER));
    assertEquals(FORBIDDEN, AccessPolicy.decide(insurer, Action.WRITE_TELEMETRY, MINE));
    assertEquals(HIDDEN, AccessPolicy.decide(insurer, Action.WRITE_TELEMETRY, OTHER));

    Principal maintainer = p(Role.MAINTAINER, new Scope(null, null, "Yongan", null, null));
    assertEquals(ALLOW, AccessPolicy.decide(maintainer, Action.RECORD_MAINTENANCE, MINE));
    assertEquals(HIDDEN, AccessPolicy.decide(maintainer, Action.RECORD_MAINTENANCE, OTHER));
    assertEquals(FORBIDDEN, AccessPolicy.decide(maintainer, Action.RECORD_INSPECTION, MINE));

    Principal unit = p(Role.USING_UNIT, new Scope(null, null, null, "Unit 1", null));
    assertEquals(ALLOW, AccessPolicy.decide(unit, Action.REPORT_EVENT, MINE));
    assertEquals(HIDDEN, AccessPolicy.decide(unit, Action.READ_TWIN, OTHER));
  }

  @Test
  void gatewaysWriteOnlyForBoundElevatorsByIdOrUsingUnit() {
    Principal byId = p(Role.GATEWAY, new Scope(null, null, null, null, List.of("E2")));
    assertEquals(ALLOW, AccessPolicy.decide(byId, Action.WRITE_TELEMETRY, OTHER));
    assertEquals(HIDDEN, AccessPolicy.decide(byId, Action.WRITE_TELEMETRY, MINE));
    assertEquals(FORBIDDEN, AccessPolicy.decide(byId, Action.READ_TWIN, OTHER));
    Principal byUnit = p(Role.GATEWAY, new Scope(null, null, null, "Unit 1", null));
    assertEquals(ALLOW, AccessPolicy.decide(byUnit, Action.REPORT_EVENT, MINE));
    assertEquals(HIDDEN, AccessPolicy.decide(byUnit, Action.REPORT_EVENT, OTHER));
    assertEquals(FORBIDDEN, AccessPolicy.decide(byUnit, Action.LIST_ELEVATORS));
  }

  @Test
  void regulatorsCoverTheirDistrictOrTheWholeCity() {
    Principal district = p(Role.REGULATOR, new Scope("yuzhong", null, null, null, null));
    assertEquals(ALLOW, AccessPolicy.decide(district, Action.READ_TWIN, MINE));
    assertEquals(HIDDEN, AccessPolicy.decide(district, Action.READ_TWIN, OTHER));
    assertEquals(ALLOW, AccessPolicy.decide(district, Action.REGISTER, MINE));
    assertEquals(FORBIDDEN, AccessPolicy.decide(district, Action.REGISTER, OTHER));
    Principal city = p(Role.REGULATOR, Scope.NONE);
    assertEquals(ALLOW, AccessPolicy.decide(city, Action.RECORD_INSPECTION, OTHER));
    assertEquals(FORBIDDEN, AccessPolicy.decide(city, Action.MINT_CREDENTIALS));
  }

  @Test
  void adminMayEverythingRescueCentreReadsAndReportsCityWide() {
    Principal admin = p(Role.ADMIN, Scope.NONE);
    for (Action a : Action.values()) {
      assertEquals(
          ALLOW,
          a.isOnElevator() ? AccessPolicy.decide(admin, a, OTHER) : AccessPolicy.decide(admin, a));
    }
    Principal rescue = p(Role.RESCUE_CENTRE, Scope.NONE);
    assertEquals(ALLOW, AccessPolicy.decide(rescue, Action.REPORT_EVENT, OTHER));
    assertEquals(FORBIDDEN, AccessPolicy.decide(rescue, Action.RECORD_MAINTENANCE, OTHER));
  }

  @Test
  void scopesMustFitTheRole() {
    assertTrue(p(Role.INSURER, Scope.NONE).problems().contains("an insurer needs scope.insurer"));
    assertTrue(
        p(Role.GATEWAY, Scope.NONE)
            .problems()
            .contains("a gateway needs scope.elevators or scope.usingUnit"));
    assertEquals(List.of(), p(Role.REGULATOR, Scope.NONE).problems());
  }
}
