package io.liftguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.maintenance.domain.Contract;
import io.liftguard.maintenance.domain.MaintenanceMode;
import io.liftguard.twin.domain.RegisterData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoMaintenanceTest {
  @Test
  void everyElevatorWithACompanyIsUnderOneValidContractOfItsCompanyAndUnit() {
    List<RegisterData> register =
        DemoCity.register(
            new DemoCity.Settings(true, 300, Duration.ofSeconds(5), Duration.ofMinutes(2), 1),
            Instant.parse("2026-12-08T00:00:00Z"));
    LocalDate today = LocalDate.of(2026, 12, 8);
    List<Contract> contracts = DemoMaintenance.contracts(register, today);
    Set<String> covered = new HashSet<>();
    for (Contract k : contracts) {
      assertEquals(List.of(), k.problems(), k.id());
      for (String e : k.elevators()) {
        assertTrue(covered.add(e), e + " under two contracts");
      }
    }
    long withCompany = register.stream().filter(r -> r.maintenanceCompany() != null).count();
    assertEquals(withCompany, covered.size());
    assertTrue(contracts.stream().anyMatch(k -> k.mode() instanceof MaintenanceMode.OnDemand));
    assertTrue(contracts.stream().anyMatch(k -> k.mode() instanceof MaintenanceMode.Fixed));
    assertEquals(
        register.stream()
            .map(RegisterData::maintenanceCompany)
            .filter(c -> c != null)
            .distinct()
            .count(),
        DemoMaintenance.certificates(register, today).size());
  }
}
