package io.liftguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.kernel.store.LiftGuardConfig;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCityTest {
  private static final Instant START = Instant.parse("2026-11-23T04:00:00Z");

  private static List<RegisterData> city(long seed) {
    return DemoCity.register(
        new DemoCity.Settings(true, 300, Duration.ofSeconds(5), Duration.ofMinutes(2), seed),
        START);
  }

  @Test
  void byDefaultTheDemoRunsOnlyOnTheEmbeddedStoreInANewOrItsOwnDataDirectory(@TempDir Path dir)
      throws Exception {
    Path fresh = dir.resolve("new");
    assertTrue(
        DemoCity.decide("auto", LiftGuardConfig.Store.H2, fresh).getKey(),
        "the README's first command");
    DemoCity.mark(fresh);
    Files.createDirectories(fresh.resolve("journal"));
    assertTrue(
        DemoCity.decide("auto", LiftGuardConfig.Store.H2, fresh).getKey(), "and its restart");
    Path used = dir.resolve("used");
    Files.createDirectories(used.resolve("journal"));
    assertFalse(DemoCity.decide("auto", LiftGuardConfig.Store.H2, used).getKey(), "someone's data");
    assertFalse(
        DemoCity.decide("auto", LiftGuardConfig.Store.CASSANDRA, fresh).getKey(),
        "a production store");
    assertTrue(
        DemoCity.decide("true", LiftGuardConfig.Store.CASSANDRA, used).getKey(), "an explicit yes");
    assertFalse(DemoCity.decide("false", LiftGuardConfig.Store.H2, fresh).getKey());
    assertThrows(
        IllegalArgumentException.class,
        () -> DemoCity.decide("maybe", LiftGuardConfig.Store.H2, fresh));
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
    Set<BuildingType> types =
        city.stream().map(RegisterData::buildingType).collect(Collectors.toSet());
    assertTrue(types.size() >= 6, types.toString());
    long drum = city.stream().filter(r -> r.brakeType() == BrakeType.DRUM).count();
    assertTrue(drum > 20 && drum < 100, "drum brakes: " + drum);
  }
}
