package io.liftguard.twin.domain.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A fitted 30-day risk model: logistic coefficients for a fault and for an entrapment over {@link #FEATURES}, the
 * training means of the features (contributions are measured against them), and the version that every
 * assessment carries. Fitted offline by the fleet simulator's validation command, loaded by the platform.
 */
public record RiskModel(
    String version, String trainedOn, List<String> features, double[] fault, double[] entrapment, double[] means) {

  /** The model inputs, in order; the fitting code and the twin compute exactly these. */
  public static final List<String> FEATURES = List.of(
      "intercept", "age_decades", "drum_brake", "three_no", "public_gathering", "log_trips_per_day",
      "reported_faults_1m", "reported_faults_3m", "skipped_visits_3m", "days_since_visit_15", "inspection_failed_12m",
      "door_close_s_above_3", "vibration", "brake_temp_above_35_10c", "door_close_trend_3m");

  public RiskModel {
    if (!features.equals(FEATURES) || fault.length != FEATURES.size() || entrapment.length != FEATURES.size()
        || means.length != FEATURES.size()) {
      throw new IllegalArgumentException("risk model " + version + " does not match the feature list " + FEATURES);
    }
  }

  /** One input's part in an assessment: its value and how much it moves the fault log-odds from the fleet mean. */
  public record Factor(String feature, double value, double contribution) {}

  /** The twin's risk: 30-day probabilities, a band, the model version and the factors that matter most. */
  public record Assessment(
      double faultProbability30d, double entrapmentProbability30d, Band band, String modelVersion,
      List<Factor> topFactors) {}

  /** Risk bands by 30-day fault probability. */
  public enum Band {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    static Band of(double faultP) {
      return faultP < 0.01 ? LOW : faultP < 0.03 ? MEDIUM : faultP < 0.08 ? HIGH : CRITICAL;
    }
  }

  /** The assessment for {@code input} (in {@link #FEATURES} order); a NaN feature (unknown) counts as the training mean. */
  public Assessment assess(double[] input) {
    double[] x = input.clone();
    double zFault = 0;
    double zTrap = 0;
    List<Factor> factors = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(x[i])) {
        x[i] = means[i];
      }
      zFault += fault[i] * x[i];
      zTrap += entrapment[i] * x[i];
      if (i > 0) {
        factors.add(new Factor(features.get(i), x[i], fault[i] * (x[i] - means[i])));
      }
    }
    factors.sort(Comparator.comparingDouble((Factor f) -> Math.abs(f.contribution())).reversed());
    double pFault = 1 / (1 + Math.exp(-zFault));
    return new Assessment(pFault, 1 / (1 + Math.exp(-zTrap)), Band.of(pFault), version, List.copyOf(factors.subList(0, 3)));
  }
}
