package io.liftguard.twin.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecalibrationTest {
  @Test
  void aFullyCredibleFleetTakesItsOwnLevel() {
    // 2,000 faults observed where 4,000 were predicted: Z = 1, factor 0.5.
    Recalibration r = Recalibration.of(4000, 2000, 1000, 500);
    assertEquals(1.0, r.faultCredibility(), 1e-12);
    assertEquals(0.5, r.faultFactor(), 1e-12);
    // 500 entrapments: Z = sqrt(500 / 1082) = 0.6798; factor = 0.6798 x 0.5 + 0.3202 = 0.6601
    assertEquals(0.6798, r.entrapmentCredibility(), 1e-4);
    assertEquals(0.6601, r.entrapmentFactor(), 1e-4);
  }

  @Test
  void aSmallFleetKeepsThePrior() {
    Recalibration r = Recalibration.of(4, 0, 1, 0);
    assertEquals(1.0, r.faultFactor(), 1e-12);
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
    assertEquals(0.5, after / before, 0.01); // small probabilities scale by the factor
    assertTrue(half.assess(high).faultProbability30d() > half.assess(low).faultProbability30d());
    assertTrue(half.version().contains("fault x0.500"), half.version());
  }
}
