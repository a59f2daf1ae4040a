package io.liftguard.insurance.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyAccessTest {
  static Principal insurer(String name) {
    return new Principal("i-" + name, Role.INSURER, new Scope(null, name, null, null, List.of()));
  }

  @Test
  void anInsurerSeesItsOwnPoliciesAndBookOnly() {
    assertTrue(PolicyAccess.sees(insurer("PICC"), "PICC", "Sunny Estate"));
    assertFalse(PolicyAccess.sees(insurer("PICC"), "Ping An", "Sunny Estate"));
    assertTrue(PolicyAccess.seesBook(insurer("PICC"), "PICC"));
    assertFalse(PolicyAccess.seesBook(insurer("PICC"), "Ping An"));
  }

  @Test
  void aPolicyholderReadsAndReportsButDoesNotSettle() {
    Principal unit =
        new Principal("u", Role.USING_UNIT, new Scope(null, null, null, "Sunny Estate", List.of()));
    assertTrue(PolicyAccess.sees(unit, "PICC", "Sunny Estate"));
    assertFalse(PolicyAccess.sees(unit, "PICC", "Rainy Estate"));
    assertTrue(PolicyAccess.roleMay(Role.USING_UNIT, PolicyAccess.Action.REPORT_CLAIM));
    assertFalse(PolicyAccess.roleMay(Role.USING_UNIT, PolicyAccess.Action.SETTLE_CLAIM));
    assertFalse(PolicyAccess.seesBook(unit, "PICC"));
  }

  @Test
  void otherRolesSeeNoPolicy() {
    for (Role r : List.of(Role.REGULATOR, Role.MAINTAINER, Role.GATEWAY, Role.RESCUE_CENTRE)) {
      Principal p =
          new Principal(
              "x", r, new Scope("Yuzhong", "PICC", "Acme", "Sunny Estate", List.of("E1")));
      assertFalse(PolicyAccess.sees(p, "PICC", "Sunny Estate"), r.toString());
      for (PolicyAccess.Action a : PolicyAccess.Action.values()) {
        assertFalse(PolicyAccess.roleMay(r, a), r + " " + a);
      }
    }
  }
}
