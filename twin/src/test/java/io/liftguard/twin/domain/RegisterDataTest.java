package io.liftguard.twin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.twin.Fixtures;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterDataTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  private static RegisterData with(String street, String address, String insurer) {
    RegisterData r = Fixtures.register("CQ-1");
    return new RegisterData(
        r.registrationCode(),
        r.district(),
        street,
        address,
        r.buildingType(),
        r.manufacturer(),
        r.model(),
        r.driveType(),
        r.brakeType(),
        r.ratedLoadKg(),
        r.ratedSpeedMps(),
        r.floorsServed(),
        r.installationDate(),
        r.usingUnit(),
        r.maintenanceCompany(),
        insurer,
        r.hasPropertyManagement(),
        r.hasMaintenanceCompany(),
        r.hasRepairFund(),
        r.nextInspectionDue(),
        r.lastMaintenanceDate());
  }

  @Test
  void aRegisterFieldIsOneLineWithoutControlCharacters() {
    assertEquals(List.of(), with("Jijiang", "88 Dongmen Road", null).problems(TODAY));
    for (String bad :
        List.of(
            "88 Dongmen\u0000Road",
            "88 Dongmen\u001b[31mRoad",
            "88 Dongmen\nRoad",
            "88\u0085Road")) {
      List<String> problems = with("Jijiang", bad, null).problems(TODAY);
      assertTrue(problems.contains("address must be one line of text"), bad + ": " + problems);
    }
  }

  @Test
  void aBlankOptionalFieldHasNoValue() {
    RegisterData r = with(" ", "88 Dongmen Road", "");
    assertNull(r.street());
    assertNull(r.insurer());
  }
}
