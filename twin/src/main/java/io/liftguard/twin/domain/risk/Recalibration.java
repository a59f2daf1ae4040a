package io.liftguard.twin.domain.risk;

import java.util.Locale;

/**
 * A level recalibration of the risk model to the fleet it serves, from that fleet's own experience:
 * for each target the observed count over the count the model predicted, blended with the shipped
 * level by Bühlmann credibility on the predicted count {@code E}: {@code Z = E / (E + K)}, so the
 * factor is {@code (observed + K) / (E + K)} and a small or young fleet keeps the prior ({@code K}
 * = {@value #K} expected events weigh as much as the shipped model). Credibility on the predicted
 * rather than the observed count keeps a handful of events from moving the level far (2 faults
 * where 0.07 were predicted move it by 0.6 %, not 2.3x). Applied as a shift of the logistic
 * intercept by {@code ln(factor)}: every probability moves the same way, so the ranking within a
 * target never changes, only the level.
 *
 * <p>With a model of entrapment causes, equipment entrapments move with faults (they are equipment
 * faults that trap someone, so a fleet whose equipment fails half as often traps half as many that
 * way): they take the fault factor. The entrapment factor is then learned from the rest, misuse and
 * external causes: the entrapments observed beyond the equipment entrapments expected at the fault
 * factor, over those the model predicted for the other causes. The platform does not need to know
 * each entrapment's cause. Without causes, one entrapment factor moves all.
 *
 * <p>Entrapments come in mass events: one grid power cut traps passengers in many cars of a
 * district at once, so a fleet's count of them varies more than a count of independent events, and
 * one city's luck in cuts would move its level. Their credibility is taken on the predicted count
 * in independent events: the predicted count over {@code entrapmentClustering}, the observed
 * entrapments per independent event ({@link MassEvents}: a district's entrapments within the hour
 * are one).
 *
 * @param faultFactor the blended observed/predicted ratio applied to faults (1 = unchanged), and to
 *     equipment entrapments when the model has causes
 * @param predictedEquipmentEntrapments of {@code predictedEntrapments}, those the model puts down
 *     to equipment (0 for a model without causes)
 * @param entrapmentFactor the factor applied to the other entrapments (all of them for a model
 *     without causes)
 * @param entrapmentClustering observed entrapments per independent event (1: none clustered)
 */
public record Recalibration(
    double predictedFaults,
    long observedFaults,
    double faultCredibility,
    double faultFactor,
    double predictedEntrapments,
    double predictedEquipmentEntrapments,
    long observedEntrapments,
    double entrapmentCredibility,
    double entrapmentFactor,
    double entrapmentClustering) {

  /** The predicted events at which the fleet's own level and the shipped one weigh equally. */
  public static final double K = 300;

  /** The longest model version the read models store. */
  public static final int MAX_VERSION = 256;

  /** For a model without causes. */
  public static Recalibration of(
      double predictedFaults,
      long observedFaults,
      double predictedEntrapments,
      long observedEntrapments) {
    return of(predictedFaults, observedFaults, predictedEntrapments, 0, observedEntrapments);
  }

  /** With no entrapments clustered in mass events. */
  public static Recalibration of(
      double predictedFaults,
      long observedFaults,
      double predictedEntrapments,
      double predictedEquipmentEntrapments,
      long observedEntrapments) {
    return of(
        predictedFaults,
        observedFaults,
        predictedEntrapments,
        predictedEquipmentEntrapments,
        observedEntrapments,
        1);
  }

  public static Recalibration of(
      double predictedFaults,
      long observedFaults,
      double predictedEntrapments,
      double predictedEquipmentEntrapments,
      long observedEntrapments,
      double entrapmentClustering) {
    if (!(entrapmentClustering >= 1)) {
      throw new IllegalArgumentException(
          "entrapment clustering is at least 1: " + entrapmentClustering);
    }
    double zf = credibility(predictedFaults);
    double faultFactor = blend(zf, observedFaults, predictedFaults);
    double predictedOther = predictedEntrapments - predictedEquipmentEntrapments;
    double observedOther =
        Math.max(0, observedEntrapments - predictedEquipmentEntrapments * faultFactor);
    double ze = credibility(predictedOther / entrapmentClustering);
    return new Recalibration(
        predictedFaults,
        observedFaults,
        zf,
        faultFactor,
        predictedEntrapments,
        predictedEquipmentEntrapments,
        observedEntrapments,
        ze,
        blend(ze, observedOther, predictedOther),
        entrapmentClustering);
  }

  static double credibility(double predicted) {
    return predicted <= 0 ? 0 : predicted / (predicted + K);
  }

  static double blend(double z, double observed, double predicted) {
    // A floor keeps the intercept finite when nothing at all was observed.
    return predicted <= 0 ? 1 : Math.max(0.01, z * (observed / predicted) + (1 - z));
  }

  /** {@code model} at the recalibrated level, its version naming the factors. */
  public RiskModel apply(RiskModel model, String label) {
    double[] fault = model.fault().clone();
    double[] trap = model.entrapment().clone();
    fault[0] += Math.log(faultFactor);
    trap[0] += Math.log(entrapmentFactor);
    RiskModel.Causes causes =
        model.causes() == null
            ? null
            : model.causes().shifted(Math.log(faultFactor), Math.log(entrapmentFactor));
    String version =
        String.format(
            Locale.ROOT,
            "%s + cal %s (fault x%.3f, entrapment x%.3f)",
            model.version(),
            label,
            faultFactor,
            entrapmentFactor);
    if (version.length() > MAX_VERSION) {
      throw new IllegalArgumentException(
          "a model version is at most " + MAX_VERSION + " characters: " + version);
    }
    return new RiskModel(
        version,
        model.trainedOn() + "; level recalibrated on " + label,
        model.features(),
        fault,
        trap,
        model.means(),
        causes);
  }
}
