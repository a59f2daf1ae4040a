package io.liftguard.insurance.validation;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The Gini index of the ordered Lorenz curve (Frees, Meyers and Cummings 2011, "Summarizing insurance scores using a
 * Gini index"; 2014, "Insurance ratemaking and a Gini index"): policies sorted by relativity (candidate premium over
 * base premium), the curve runs through (cumulative share of base premium, cumulative share of losses); the index is
 * twice the area between the line of equality and the curve. 0: the candidate orders losses no better than the base;
 * higher: it separates cheap risks from dear ones that the base prices alike.
 */
public final class Gini {
  private Gini() {}

  public static double ordered(double[] basePremium, double[] candidatePremium, double[] loss) {
    int n = loss.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // Ties (a flat candidate) keep a fixed, loss-blind order: by index.
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> candidatePremium[i] / basePremium[i])
        .thenComparingInt(i -> i));
    double totalPremium = 0;
    double totalLoss = 0;
    for (int i = 0; i < n; i++) {
      totalPremium += basePremium[i];
      totalLoss += loss[i];
    }
    double area = 0; // under the curve, by trapezoids
    double x = 0;
    double y = 0;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      double nx = x + basePremium[i] / totalPremium;
      double ny = y + loss[i] / totalLoss;
      area += (nx - x) * (y + ny) / 2;
      x = nx;
      y = ny;
    }
    return 1 - 2 * area;
  }
}
