package io.liftguard.sim.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * A logistic GLM fitted by iteratively reweighted least squares (Newton-Raphson on the
 * log-likelihood), with a small ridge penalty for stability; the normal equations are solved with
 * EJML's Cholesky solver.
 */
public final class LogisticRegression {
  private LogisticRegression() {}

  /** Coefficients for the columns of {@code x} (the caller includes an intercept column). */
  public static double[] fit(double[][] x, boolean[] y, double ridge, int maxIterations) {
    int p = x[0].length;
    double[] beta = new double[p];
    for (int iter = 0; iter < maxIterations; iter++) {
      DMatrixRMaj hessian = new DMatrixRMaj(p, p);
      DMatrixRMaj gradient = new DMatrixRMaj(p, 1);
      for (int i = 0; i < x.length; i++) {
        double[] row = x[i];
        double mu = sigmoid(dot(beta, row));
        double w = Math.max(mu * (1 - mu), 1e-10);
        double residual = (y[i] ? 1 : 0) - mu;
        for (int a = 0; a < p; a++) {
          gradient.data[a] += row[a] * residual;
          double wa = w * row[a];
          for (int b = a; b < p; b++) {
            hessian.data[a * p + b] += wa * row[b];
          }
        }
      }
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < a; b++) {
          hessian.data[a * p + b] = hessian.data[b * p + a];
        }
        if (a > 0) { // the intercept is not penalised
          hessian.data[a * p + a] += ridge;
          gradient.data[a] -= ridge * beta[a];
        }
      }
      LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(p);
      if (!solver.setA(hessian)) {
        throw new IllegalStateException("IRLS: the weighted normal equations are singular");
      }
      DMatrixRMaj step = new DMatrixRMaj(p, 1);
      solver.solve(gradient, step);
      double change = 0;
      for (int a = 0; a < p; a++) {
        beta[a] += step.data[a];
        change = Math.max(change, Math.abs(step.data[a]));
      }
      if (change < 1e-8) {
        break;
      }
    }
    return beta;
  }

  public static double predict(double[] beta, double[] row) {
    return sigmoid(dot(beta, row));
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
