package io.liftguard.fleet.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetScopeTest {
  private static FleetScope of(Role role, Scope scope) {
    return FleetScope.of(new Principal("p", role, scope));
  }

  @Test
  void eachRoleIsRestrictedToItsOwnRegisterAttribute() {
    assertEquals(FleetScope.ALL, of(Role.ADMIN, Scope.NONE));
    assertEquals(FleetScope.ALL, of(Role.RESCUE_CENTRE, Scope.NONE));
    assertEquals(FleetScope.ALL, of(Role.REGULATOR, Scope.NONE));
    assertEquals(
        "jiangjin",
        of(Role.REGULATOR, new Scope("JiangJin", null, null, null, List.of())).districtKey());
    assertEquals(
        "PICC", of(Role.INSURER, new Scope(null, "PICC", null, null, List.of())).insurer());
    assertEquals(
        "Yongan",
        of(Role.MAINTAINER, new Scope(null, null, "Yongan", null, List.of())).maintainer());
    assertEquals(
        "Estate",
        of(Role.USING_UNIT, new Scope(null, null, null, "Estate", List.of())).usingUnit());
    FleetScope gateway = of(Role.GATEWAY, new Scope(null, null, null, "Estate", List.of("A-1")));
    assertEquals(List.of("A-1"), gateway.elevators());
    assertEquals("Estate", gateway.usingUnit());
  }

  @Test
  void aTenantWithoutItsScopeAttributeSeesNothingRatherThanEverything() {
    assertTrue(of(Role.INSURER, Scope.NONE).nothing());
    assertTrue(of(Role.MAINTAINER, Scope.NONE).nothing());
    assertTrue(of(Role.USING_UNIT, Scope.NONE).nothing());
    assertTrue(of(Role.GATEWAY, Scope.NONE).nothing());
  }
}
