package io.liftguard.twin.domain.risk;

import io.liftguard.twin.domain.BuildingType;
import io.liftguard.twin.domain.Shared;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A fitted 30-day risk model: logistic coefficients for a fault and for an entrapment over {@link
 * #FEATURES}, the training means of the features (contributions are measured against them), and the
 * version that every assessment carries. Fitted offline by the fleet simulator's validation
 * command, loaded by the platform.
 *
 * <p>With {@code causes}, an entrapment is three risks, each its own logistic model: equipment
 * (follows the condition the twin sees), misuse (building and use) and external causes (power
 * cuts); the entrapment probability is that of one or more of them, {@code 1 - (1 - p_equipment)(1
 * - p_misuse)(1 - p_external)}, and {@code entrapment} is unused. Without it (models fitted before
 * the simulator had causes), {@code entrapment} gives one probability for all.
 */
public record RiskModel(
    String version,
    String trainedOn,
    List<String> features,
    double[] fault,
    double[] entrapment,
    double[] means,
    Causes causes,
    SegmentLevels segments) {

  /** Logistic coefficients over {@link #FEATURES} for an entrapment of each cause. */
  public record Causes(double[] equipment, double[] misuse, double[] external) {
    Causes shifted(double equipmentShift, double otherShift) {
      double[] eq = equipment.clone();
      double[] mi = misuse.clone();
      double[] ex = external.clone();
      eq[0] += equipmentShift;
      mi[0] += otherShift;
      ex[0] += otherShift;
      return new Causes(eq, mi, ex);
    }
  }

  /** 30-day probabilities of an entrapment of each cause. */
  public record CauseProbabilities(double equipment, double misuse, double external) {
    /** The probability of an entrapment of one cause or more (the causes independent). */
    public double any() {
      return 1 - (1 - equipment) * (1 - misuse) * (1 - external);
    }
  }

  /** A model without causes. */
  public RiskModel(
      String version,
      String trainedOn,
      List<String> features,
      double[] fault,
      double[] entrapment,
      double[] means) {
    this(version, trainedOn, features, fault, entrapment, means, null, null);
  }

  /** A model without segment levels. */
  public RiskModel(
      String version,
      String trainedOn,
      List<String> features,
      double[] fault,
      double[] entrapment,
      double[] means,
      Causes causes) {
    this(version, trainedOn, features, fault, entrapment, means, causes, null);
  }

  /** This model with {@code segments}' levels on top of its own. */
  public RiskModel withSegments(SegmentLevels segments, String version) {
    return new RiskModel(version, trainedOn, features, fault, entrapment, means, causes, segments);
  }

  /**
   * The input that says an elevator serves a building of {@code type}: one per type, homes the
   * reference (null: no input of their own).
   */
  public static String buildingInput(BuildingType type) {
    return type == BuildingType.RESIDENTIAL ? null : type.name().toLowerCase(Locale.ROOT);
  }

  /** The building-type inputs of {@link #FEATURES}, in its order. */
  public static final List<String> BUILDING_INPUTS =
      Arrays.stream(BuildingType.values())
          .map(RiskModel::buildingInput)
          .filter(Objects::nonNull)
          .toList();

  /** The model inputs, in order; the fitting code and the twin compute exactly these. */
  public static final List<String> FEATURES =
      List.of(
          "intercept",
          "age_decades",
          "drum_brake",
          "three_no",
          "office",
          "mall",
          "hospital",
          "school",
          "station",
          "scenic_spot",
          "log_trips_per_day",
          "reported_faults_1m",
          "reported_faults_3m",
          "skipped_visits_3m",
          "days_since_visit_15",
          "inspection_failed_12m",
          "door_close_s_above_3",
          "vibration",
          "brake_temp_above_35_10c",
          "door_close_trend_3m");

  public RiskModel {
    if (!features.equals(FEATURES)
        || fault.length != FEATURES.size()
        || entrapment.length != FEATURES.size()
        || means.length != FEATURES.size()
        || causes != null
            && (causes.equipment().length != FEATURES.size()
                || causes.misuse().length != FEATURES.size()
                || causes.external().length != FEATURES.size())) {
      throw new IllegalArgumentException(
          "risk model " + version + " does not match the feature list " + FEATURES);
    }
  }

  /**
   * One input's part in an assessment: its value and how much it moves the fault log-odds from the
   * fleet mean.
   */
  public record Factor(String feature, double value, double contribution) {
    public Factor {
      feature = Shared.text(feature);
    }
  }

  /**
   * The twin's risk: 30-day probabilities, a band, the model version and the factors that matter
   * most; with a model of causes, the entrapment probability of each (null otherwise, and in
   * assessments recorded before).
   */
  public record Assessment(
      double faultProbability30d,
      double entrapmentProbability30d,
      Band band,
      String modelVersion,
      List<Factor> topFactors,
      CauseProbabilities entrapmentByCause) {
    public Assessment {
      modelVersion = Shared.text(modelVersion);
    }

    public Assessment(
        double faultProbability30d,
        double entrapmentProbability30d,
        Band band,
        String modelVersion,
        List<Factor> topFactors) {
      this(faultProbability30d, entrapmentProbability30d, band, modelVersion, topFactors, null);
    }
  }

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

  /**
   * {@code x} with each unknown (NaN) feature replaced by its training mean, in place; returns
   * {@code x}.
   */
  public static double[] fillUnknown(double[] x, double[] means) {
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(x[i])) {
        x[i] = means[i];
      }
    }
    return x;
  }

  /**
   * The assessment for {@code input} (in {@link #FEATURES} order); a NaN feature (unknown) counts
   * as the training mean.
   */
  public Assessment assess(double[] input) {
    return assess(input, null);
  }

  /**
   * The assessment for {@code input} of an elevator in {@code segment}: its segment's level ({@link
   * SegmentLevels}, when this model has them) shifts the fault log-odds and the equipment
   * entrapments', and shows among the factors as {@value #SEGMENT_LEVEL}.
   */
  public Assessment assess(double[] input, SegmentLevels.Segment segment) {
    double[] x = fillUnknown(input.clone(), means);
    List<Factor> factors = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (i > 0) {
        factors.add(new Factor(features.get(i), x[i], fault[i] * (x[i] - means[i])));
      }
    }
    double level = segments == null ? 1 : segments.factor(segment);
    double shift = Math.log(level);
    if (level != 1) {
      factors.add(new Factor(SEGMENT_LEVEL, level, shift));
    }
    factors.sort(Comparator.comparingDouble((Factor f) -> Math.abs(f.contribution())).reversed());
    double pFault = probability(fault, x, shift);
    List<Factor> top = List.copyOf(factors.subList(0, 3));
    if (causes == null) {
      return new Assessment(pFault, probability(entrapment, x), Band.of(pFault), version, top);
    }
    CauseProbabilities byCause =
        new CauseProbabilities(
            probability(causes.equipment(), x, shift),
            probability(causes.misuse(), x),
            probability(causes.external(), x));
    return new Assessment(pFault, byCause.any(), Band.of(pFault), version, top, byCause);
  }

  /** The factor an elevator's segment level shows as: its value the factor, its part ln(factor). */
  public static final String SEGMENT_LEVEL = "segment_level";

  private static double probability(double[] beta, double[] x) {
    return probability(beta, x, 0);
  }

  private static double probability(double[] beta, double[] x, double shift) {
    double z = shift;
    for (int i = 0; i < x.length; i++) {
      z += beta[i] * x[i];
    }
    return 1 / (1 + Math.exp(-z));
  }
}
