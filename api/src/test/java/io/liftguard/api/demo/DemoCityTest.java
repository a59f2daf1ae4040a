package io.liftguard.api.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCityTest {
  private static final Instant START = Instant.parse("2026-11-23T04:00:00Z");

  private static List<RegisterData> city(long seed) {
    return DemoCity.register(new DemoCity.Settings(true, 300, Duration.ofSeconds(5), Duration.ofMinutes(2), seed), START);
  }

  @Test
  void sameSeedSameCity() {
    assertEquals(city(42), city(42));
  }

  @Test
  void everyDemoElevatorIsValidAndUnique() {
    List<RegisterData> city = city(7);
    for (RegisterData r : city) {
      assertEquals(List.of(), r.problems(TwinRules.today(START)), r.registrationCode());
    }
    assertEquals(city.size(), city.stream().map(RegisterData::registrationCode).distinct().count());
  }

  @Test
  void spreadsOverDistrictsBuildingTypesAndBrakes() {
    List<RegisterData> city = city(42);
    assertEquals(7, city.stream().map(RegisterData::district).distinct().count());
    Set<BuildingType> types = city.stream().map(RegisterData::buildingType).collect(Collectors.toSet());
    assertTrue(types.size() >= 6, types.toString());
    long drum = city.stream().filter(r -> r.brakeType() == BrakeType.DRUM).count();
    assertTrue(drum > 20 && drum < 100, "drum brakes: " + drum);
  }
}
