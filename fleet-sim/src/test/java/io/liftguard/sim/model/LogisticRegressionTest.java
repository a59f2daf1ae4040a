package io.liftguard.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
  @Test
  void recoversKnownCoefficientsFromSimulatedData() {
    double[] truth = {-3.0, 0.8, -0.5};
    SplittableRandom r = new SplittableRandom(5);
    int n = 200_000;
    double[][] x = new double[n][];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {1, r.nextGaussian(), r.nextDouble() < 0.3 ? 1 : 0};
      y[i] = r.nextDouble() < LogisticRegression.predict(truth, x[i]);
    }
    double[] beta = LogisticRegression.fit(x, y, 1e-6, 50);
    for (int k = 0; k < truth.length; k++) {
      assertEquals(truth[k], beta[k], 0.06, "coefficient " + k);
    }
  }

  @Test
  void aucAndPrecisionOnKnownCases() {
    boolean[] y = {false, false, true, true};
    assertEquals(1.0, Metrics.auc(new double[] {0.1, 0.2, 0.3, 0.4}, y));
    assertEquals(0.0, Metrics.auc(new double[] {0.4, 0.3, 0.2, 0.1}, y));
    assertEquals(0.5, Metrics.auc(new double[] {0.5, 0.5, 0.5, 0.5}, y));
    assertEquals(0.75, Metrics.auc(new double[] {0.1, 0.3, 0.2, 0.4}, y));
    assertEquals(1.0, Metrics.precisionAtTop(new double[] {0.1, 0.2, 0.3, 0.4}, y, 0.5));
  }

  @Test
  void calibrationDecilesAreOrderedAndCoverAllRows() {
    double[] p = new double[1000];
    boolean[] y = new boolean[1000];
    for (int i = 0; i < p.length; i++) {
      p[i] = i / 1000.0;
      y[i] = i % 10 == 0;
    }
    double[][] d = Metrics.calibrationByDecile(p, y);
    double rows = 0;
    for (int k = 0; k < 10; k++) {
      rows += d[k][2];
      assertTrue(k == 0 || d[k][0] > d[k - 1][0]);
      assertEquals(0.1, d[k][1], 1e-9);
    }
    assertEquals(1000, rows);
  }
}
