package io.liftguard.twin.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecalibrationTest {
  @Test
  void aLargeFleetMovesMostOfTheWayToItsOwnLevel() {
    // 2,000 faults observed where 4,000 were predicted: Z = 4000 / 4300 = 0.9302; factor (2000 +
    // 300) / 4300 = 0.5349.
    Recalibration r = Recalibration.of(4000, 2000, 1000, 500);
    assertEquals(0.9302, r.faultCredibility(), 1e-4);
    assertEquals(0.5349, r.faultFactor(), 1e-4);
    // 500 entrapments where 1,000 were predicted: Z = 1000 / 1300 = 0.7692; factor 800 / 1300 =
    // 0.6154
    assertEquals(0.7692, r.entrapmentCredibility(), 1e-4);
    assertEquals(0.6154, r.entrapmentFactor(), 1e-4);
  }

  @Test
  void entrapmentsInMassEventsWeighAsTheIndependentEventsTheyAre() {
    // 500 entrapments where 1,000 were predicted, two to a mass event: the 1,000 predicted weigh
    // as 500 independent events, Z = 500 / 800 = 0.625; factor 0.625 x 0.5 + 0.375 = 0.6875.
    Recalibration r = Recalibration.of(4000, 2000, 1000, 0, 500, 2.0);
    assertEquals(0.625, r.entrapmentCredibility(), 1e-12);
    assertEquals(0.6875, r.entrapmentFactor(), 1e-12);
    assertEquals(2.0, r.entrapmentClustering());
    assertEquals(0.9302, r.faultCredibility(), 1e-4, "faults are not clustered");
    assertThrows(
        IllegalArgumentException.class, () -> Recalibration.of(4000, 2000, 1000, 0, 500, 0.5));
  }

  @Test
  void aSmallFleetKeepsThePrior() {
    // 2 faults where 0.07 were predicted: (2 + 300) / (0.07 + 300) = 1.0064, not 2 / 0.07 = 29
    Recalibration r = Recalibration.of(0.07, 2, 0, 0);
    assertEquals(1.0064, r.faultFactor(), 1e-4);
    assertEquals(1.0, r.entrapmentFactor(), 1e-12);
  }

  @Test
  void theLevelMovesAndTheRankingDoesNot() {
    RiskModel model = io.liftguard.twin.risk.RiskModels.loadDefault();
    RiskModel half = Recalibration.of(4000, 2000, 4000, 2000).apply(model, "2026-11");
    double[] low = new double[RiskModel.FEATURES.size()];
    Arrays.fill(low, Double.NaN);
    low[0] = 1;
    low[1] = 0.2;
    double[] high = low.clone();
    high[1] = 2.5;
    double before = model.assess(low).faultProbability30d();
    double after = half.assess(low).faultProbability30d();
    assertEquals(0.5349, after / before, 0.01); // small probabilities scale by the factor
    assertTrue(half.assess(high).faultProbability30d() > half.assess(low).faultProbability30d());
    assertTrue(half.version().contains("fault x0.535"), half.version());
  }

  @Test
  void equipmentEntrapmentsMoveWithFaultsAndTheRestLearnFromWhatIsLeft() {
    // Faults: 4,000 predicted, 2,000 observed: factor 0.5349 (as above). Entrapments: 1,000
    // predicted, 300 of them from equipment; 650 observed. Equipment at the fault factor: 300 x
    // 0.5349 = 160.47 expected; the other causes were 700 predicted and 650 - 160.47 = 489.53
    // observed: Z = 700 / 1000 = 0.7, factor 0.7 x 489.53 / 700 + 0.3 = 0.7895.
    Recalibration r = Recalibration.of(4000, 2000, 1000, 300, 650);
    assertEquals(0.5349, r.faultFactor(), 1e-4);
    assertEquals(0.7, r.entrapmentCredibility(), 1e-9);
    assertEquals(0.7895, r.entrapmentFactor(), 1e-4);
  }

  @Test
  void aModelOfCausesShiftsEquipmentByTheFaultFactorAndTheOthersByTheEntrapmentFactor() {
    double[] zero = new double[RiskModel.FEATURES.size()];
    double[] logit = zero.clone();
    logit[0] = -6; // p = 0.00247
    RiskModel model =
        new RiskModel(
            "m",
            "t",
            RiskModel.FEATURES,
            logit,
            logit,
            zero,
            new RiskModel.Causes(logit, logit, logit));
    RiskModel shifted = new Recalibration(1, 1, 1, 0.5, 1, 1, 1, 1, 2, 1).apply(model, "p");
    double[] x = zero.clone();
    x[0] = 1;
    RiskModel.CauseProbabilities before = model.assess(x).entrapmentByCause();
    RiskModel.CauseProbabilities after = shifted.assess(x).entrapmentByCause();
    assertEquals(0.5, after.equipment() / before.equipment(), 0.01);
    assertEquals(2.0, after.misuse() / before.misuse(), 0.01);
    assertEquals(2.0, after.external() / before.external(), 0.01);
    double p = 1 - (1 - after.equipment()) * (1 - after.misuse()) * (1 - after.external());
    assertEquals(p, shifted.assess(x).entrapmentProbability30d(), 1e-12);
  }
}
