package io.liftguard.sim.pricing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The Gini index of the ordered Lorenz curve (Frees, Meyers and Cummings 2011, "Summarizing
 * insurance scores using a Gini index"; 2014, "Insurance ratemaking and a Gini index"): policies
 * sorted by relativity (candidate premium over base premium), the curve runs through (cumulative
 * share of base premium, cumulative share of losses); the index is twice the area between the line
 * of equality and the curve. 0: the candidate orders losses no better than the base; higher: it
 * separates cheap risks from dear ones that the base prices alike.
 */
public final class Gini {
  private Gini() {}

  /**
   * The curve, sampled where its premium share first reaches each of {@code samples} even steps,
   * and its index.
   */
  public record Lorenz(double index, List<double[]> points) {}

  public static double ordered(double[] basePremium, double[] candidatePremium, double[] loss) {
    return lorenz(basePremium, candidatePremium, loss, 1).index();
  }

  /**
   * The ordered Lorenz curve of {@code candidatePremium} against {@code basePremium}; the index is
   * computed on every policy, the points kept are (0, 0), the first point at or past each premium
   * share k / {@code samples}, and (1, 1).
   */
  public static Lorenz lorenz(
      double[] basePremium, double[] candidatePremium, double[] loss, int samples) {
    int n = loss.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // Ties (a flat candidate) keep a fixed, loss-blind order: by index.
    Arrays.sort(
        order,
        Comparator.comparingDouble((Integer i) -> candidatePremium[i] / basePremium[i])
            .thenComparingInt(i -> i));
    double totalPremium = 0;
    double totalLoss = 0;
    for (int i = 0; i < n; i++) {
      totalPremium += basePremium[i];
      totalLoss += loss[i];
    }
    List<double[]> points = new ArrayList<>(samples + 2);
    points.add(new double[] {0, 0});
    int step = 1;
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
      if (k < n - 1 && x * samples >= step) {
        points.add(new double[] {x, y});
        step = (int) Math.floor(x * samples) + 1;
      }
    }
    points.add(new double[] {1, 1});
    return new Lorenz(1 - 2 * area, List.copyOf(points));
  }
}
