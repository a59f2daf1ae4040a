package io.liftguard.api.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.RegisterData;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCityTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  private static List<RegisterData> city(long seed) {
    var settings = new DemoCity.Settings(true, 300, Duration.ofSeconds(5), seed);
    return DemoCity.city(settings, new Random(seed), TODAY).stream().map(c -> c.register).toList();
  }

  @Test
  void sameSeedSameCity() {
    assertEquals(city(42), city(42));
  }

  @Test
  void everyDemoElevatorIsValidAndUnique() {
    List<RegisterData> city = city(7);
    for (RegisterData r : city) {
      assertEquals(List.of(), r.problems(TODAY), r.registrationCode());
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
