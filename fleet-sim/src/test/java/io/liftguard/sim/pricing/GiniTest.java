package io.liftguard.sim.pricing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GiniTest {
  @Test
  void aScoreThatPutsAllLossesLastHasTheLargestIndex() {
    double[] base = {1, 1, 1, 1};
    double[] loss = {0, 0, 0, 4};
    // Ordered by the score, the curve stays at 0 until the last quarter: area = 0.25 x 1 / 2 =
    // 0.125; Gini = 0.75.
    assertEquals(0.75, Gini.ordered(base, new double[] {1, 2, 3, 4}, loss), 1e-12);
    // Ordered the wrong way round, the loss comes first: area = 0.875; Gini = -0.75.
    assertEquals(-0.75, Gini.ordered(base, new double[] {4, 3, 2, 1}, loss), 1e-12);
  }

  @Test
  void losesProportionalToPremiumGiveZero() {
    double[] base = {1, 1, 1, 1};
    double[] loss = {1, 1, 1, 1};
    assertEquals(0, Gini.ordered(base, new double[] {1, 2, 3, 4}, loss), 1e-12);
  }

  @Test
  void worksOnHandComputedUnevenPremiums() {
    // base 1,3; relativities 2 and 1 -> order: second (rel 1), first (rel 2). Losses 3 then 1 (of
    // 4). Curve: (0,0) -> (0.75, 0.25) -> (1, 1): area = 0.75 x 0.125 + 0.25 x (0.25 + 1) / 2 =
    // 0.25; Gini = 0.5
    assertEquals(
        0.5, Gini.ordered(new double[] {1, 3}, new double[] {2, 3}, new double[] {3, 1}), 1e-12);
  }

  @Test
  void theCurveIsSampledAtEvenPremiumSharesAndEndsAtOneOne() {
    double[] base = {1, 1, 1, 1};
    Gini.Lorenz curve = Gini.lorenz(base, new double[] {1, 2, 3, 4}, new double[] {0, 0, 1, 3}, 2);
    // Shares of premium 0.25 each; steps at 0.5 and 1: (0, 0), (0.5, 0), (1, 1).
    assertEquals(3, curve.points().size());
    assertArrayEquals(new double[] {0.5, 0}, curve.points().get(1), 1e-12);
    assertArrayEquals(new double[] {1, 1}, curve.points().get(2), 1e-12);
    // The index is computed on every policy, not the samples: area 0.25 x 0.25 / 2 + 0.25 x (0.25 +
    // 1) / 2 = 0.1875.
    assertEquals(1 - 2 * 0.1875, curve.index(), 1e-12);
    assertEquals(
        curve.index(),
        Gini.ordered(base, new double[] {1, 2, 3, 4}, new double[] {0, 0, 1, 3}),
        1e-12);
  }

  @Test
  void everyPolicyIsAPointWhenThereAreMoreStepsThanPolicies() {
    Gini.Lorenz curve =
        Gini.lorenz(new double[] {1, 3}, new double[] {2, 3}, new double[] {3, 1}, 100);
    assertEquals(3, curve.points().size());
    assertArrayEquals(new double[] {0.75, 0.25}, curve.points().get(1), 1e-12);
  }
}
