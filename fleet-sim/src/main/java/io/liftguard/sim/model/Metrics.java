package io.liftguard.sim.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** How good a risk score is: ROC AUC, precision in the top share, calibration by decile. */
public final class Metrics {
  private Metrics() {}

  /** ROC AUC by the Mann-Whitney rank statistic, ties given half credit. */
  public static double auc(double[] score, boolean[] y) {
    Integer[] order = IntStream.range(0, score.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
    double rankSumPositives = 0;
    long positives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && score[order[j + 1]] == score[order[i]]) {
        j++;
      }
      double meanRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (y[order[k]]) {
          rankSumPositives += meanRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = score.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSumPositives - positives * (positives + 1) / 2.0)
        / ((double) positives * negatives);
  }

  /** Share of positives among the {@code share} highest scores. */
  public static double precisionAtTop(double[] score, boolean[] y, double share) {
    Integer[] order = IntStream.range(0, score.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer k) -> score[k]).reversed());
    int n = Math.max(1, (int) Math.round(score.length * share));
    int hits = 0;
    for (int k = 0; k < n; k++) {
      hits += y[order[k]] ? 1 : 0;
    }
    return (double) hits / n;
  }

  /** Per decile of predicted probability (lowest first): {mean predicted, observed rate, rows}. */
  public static double[][] calibrationByDecile(double[] predicted, boolean[] y) {
    Integer[] order = IntStream.range(0, predicted.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(k -> predicted[k]));
    double[][] out = new double[10][3];
    for (int d = 0; d < 10; d++) {
      int from = (int) ((long) predicted.length * d / 10);
      int to = (int) ((long) predicted.length * (d + 1) / 10);
      double p = 0;
      double o = 0;
      for (int k = from; k < to; k++) {
        p += predicted[order[k]];
        o += y[order[k]] ? 1 : 0;
      }
      int n = Math.max(1, to - from);
      out[d] = new double[] {p / n, o / n, to - from};
    }
    return out;
  }
}
