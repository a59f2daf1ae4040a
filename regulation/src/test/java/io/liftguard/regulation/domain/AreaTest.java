package io.liftguard.regulation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.twin.domain.access.Principal;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.domain.access.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class AreaTest {
  private static final Principal DISTRICT_REGULATOR =
      new Principal("reg-jj", Role.REGULATOR, new Scope("Jiangjin", null, null, null, List.of()));
  private static final Principal CITY_REGULATOR = new Principal("reg", Role.REGULATOR, Scope.NONE);
  private static final Principal CENTRE = new Principal("centre", Role.RESCUE_CENTRE, Scope.NONE);

  @Test
  void withoutAScopeADistrictRegulatorGetsItsOwnDistrictAndEveryoneElseTheCity() {
    Area own = Area.parse(null, null, Area.of(DISTRICT_REGULATOR));
    assertEquals(new Area(Area.Level.DISTRICT, "Jiangjin", null), own);
    assertTrue(own.readableBy(DISTRICT_REGULATOR));
    assertEquals(Area.Level.CITY, Area.parse(null, null, Area.of(CITY_REGULATOR)).level());
    assertEquals(Area.Level.CITY, Area.parse(null, null, Area.of(CENTRE)).level());
  }

  @Test
  void aScopeNamedIsTakenAsItIsAndChecked() {
    Area city = Area.parse("city", null, Area.of(DISTRICT_REGULATOR));
    assertEquals(Area.Level.CITY, city.level());
    assertFalse(city.readableBy(DISTRICT_REGULATOR));
    Area street = Area.parse("street", "Jiangjin/Jijiang", Area.of(CENTRE));
    assertEquals("Jiangjin/Jijiang", street.id());
    assertTrue(street.readableBy(DISTRICT_REGULATOR));
    assertThrows(
        IllegalArgumentException.class,
        () -> Area.parse(null, "Jiangjin", Area.of(CENTRE)),
        "an id without a scope is ambiguous");
    assertThrows(
        IllegalArgumentException.class, () -> Area.parse("district", null, Area.of(CENTRE)));
  }
}
