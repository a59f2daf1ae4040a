package io.liftguard.twin.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liftguard.kernel.domain.Decision;
import io.liftguard.twin.Fixtures;
import io.liftguard.twin.domain.BrakeType;
import io.liftguard.twin.domain.EventType;
import io.liftguard.twin.domain.Reading;
import io.liftguard.twin.domain.RegisterData;
import io.liftguard.twin.domain.TwinEvent;
import io.liftguard.twin.domain.TwinRules;
import io.liftguard.twin.domain.TwinState;
import io.liftguard.twin.domain.access.Role;
import io.liftguard.twin.risk.RiskModels;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskModelTest {
  private static final Instant NOW = Fixtures.NOW;
  private final RiskModel model = RiskModels.loadDefault();

  private static TwinState registered(RegisterData data) {
    TwinState s = TwinState.empty();
    for (TwinEvent e :
        ((Decision.Accept<TwinEvent>) TwinRules.register(s, data, NOW, "t")).events()) {
      s = s.apply(e);
    }
    return s;
  }

  private static RegisterData installed(LocalDate date, BrakeType brake) {
    RegisterData d = Fixtures.register("R-1");
    return new RegisterData(
        d.registrationCode(),
        d.district(),
        d.street(),
        d.address(),
        d.buildingType(),
        d.manufacturer(),
        d.model(),
        d.driveType(),
        brake,
        d.ratedLoadKg(),
        d.ratedSpeedMps(),
        d.floorsServed(),
        date,
        d.usingUnit(),
        d.maintenanceCompany(),
        d.insurer(),
        d.hasPropertyManagement(),
        d.hasMaintenanceCompany(),
        d.hasRepairFund(),
        d.nextInspectionDue(),
        d.lastMaintenanceDate());
  }

  @Test
  void theShippedModelLoadsWithItsVersionAndFeatureList() {
    assertEquals(RiskModel.FEATURES, model.features());
    // The building-type inputs stand together in FEATURES, in BuildingType order.
    assertTrue(
        java.util.Collections.indexOfSubList(RiskModel.FEATURES, RiskModel.BUILDING_INPUTS) > 0,
        RiskModel.BUILDING_INPUTS.toString());
    assertTrue(model.version().startsWith("glm-6"), model.version());
  }

  @Test
  void olderDrumBrakedWornElevatorsRiskMore() {
    TwinState young = registered(installed(LocalDate.of(2024, 1, 1), BrakeType.DISC));
    TwinState old = registered(installed(LocalDate.of(1998, 1, 1), BrakeType.DRUM));
    Reading worn = Fixtures.reading("R-1", NOW, 3);
    RiskModel.Assessment a = model.assess(TwinRiskFeatures.of(young, null, NOW));
    RiskModel.Assessment b = model.assess(TwinRiskFeatures.of(old, worn, NOW));
    assertTrue(b.faultProbability30d() > 2 * a.faultProbability30d(), a + " vs " + b);
    assertTrue(b.entrapmentProbability30d() > a.entrapmentProbability30d());
    assertTrue(a.faultProbability30d() > 0 && b.faultProbability30d() < 1);
    assertEquals(3, b.topFactors().size());
    assertEquals("age_decades", b.topFactors().get(0).feature());
    assertEquals(model.version(), b.modelVersion());
  }

  @Test
  void unknownSignalsCountAsTheFleetMean() {
    TwinState s = registered(installed(LocalDate.of(2012, 1, 1), BrakeType.DISC));
    double[] x = TwinRiskFeatures.of(s, null, NOW);
    assertTrue(Double.isNaN(x[RiskModel.FEATURES.indexOf("door_close_s_above_3")]));
    double[] filled = x.clone();
    for (int i = 0; i < filled.length; i++) {
      if (Double.isNaN(filled[i])) {
        filled[i] = model.means()[i];
      }
    }
    assertEquals(
        model.assess(filled).faultProbability30d(), model.assess(x).faultProbability30d(), 1e-12);
  }

  @Test
  void recentFaultsAndConditionTrendsAreKeptInTheTwin() {
    TwinState s = registered(installed(LocalDate.of(2012, 1, 1), BrakeType.DISC));
    for (int d = 100; d >= 0; d -= 20) {
      Reading r =
          new Reading(
              "R-1",
              NOW.minus(Duration.ofDays(d)),
              1,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              10_000L + (100 - d) * 300L,
              null,
              new io.liftguard.twin.domain.ConditionSignals(
                  null, 3.0 + (100 - d) / 100.0, null, null, null, null));
      s = s.apply(new TwinEvent.LiveStateRecorded(r, r.timestamp(), "gw"));
    }
    s =
        s.apply(
            new TwinEvent.FaultRaised(
                null,
                EventType.DOOR_CLOSE_FAILURE,
                NOW.minus(Duration.ofDays(10)),
                null,
                NOW,
                "gw",
                Role.GATEWAY));
    s =
        s.apply(
            new TwinEvent.FaultRaised(
                null,
                EventType.STUCK_BUTTON,
                NOW.minus(Duration.ofDays(200)),
                null,
                NOW,
                "gw",
                Role.GATEWAY));
    // Alarms and entrapments are not faults: the model counts reported faults.
    s =
        s.apply(
            new TwinEvent.FaultRaised(
                null,
                EventType.ENTRAPMENT_AT_LANDING,
                NOW.minus(Duration.ofDays(5)),
                null,
                NOW,
                "gw",
                Role.GATEWAY));
    s =
        s.apply(
            new TwinEvent.FaultRaised(
                null,
                EventType.PASSENGER_ALARM,
                NOW.minus(Duration.ofDays(4)),
                null,
                NOW,
                "gw",
                Role.GATEWAY));
    double[] x = TwinRiskFeatures.of(s, s.live(), NOW);
    assertEquals(1.0, x[RiskModel.FEATURES.indexOf("reported_faults_1m")]);
    assertEquals(Math.log1p(1), x[RiskModel.FEATURES.indexOf("reported_faults_3m")], 1e-12);
    assertEquals(Math.log(300.0 / 400), x[RiskModel.FEATURES.indexOf("log_trips_per_day")], 0.02);
    assertTrue(x[RiskModel.FEATURES.indexOf("door_close_trend_3m")] > 0.5);
    assertTrue(s.samples().size() <= 13);
  }

  @Test
  void aModelWithOtherFeaturesIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RiskModel(
                "x", "y", List.of("intercept"), new double[1], new double[1], new double[1]));
  }
}
