package io.liftguard.twin.domain.risk;

import java.util.Locale;

/**
 * A level recalibration of the risk model to the fleet it serves, from that fleet's own experience: for each target
 * (fault, entrapment) the observed count over the count the model predicted, blended with the shipped level by
 * limited-fluctuation credibility ({@code Z = min(1, sqrt(observed / 1082))}, the classic standard for a frequency
 * within 5 % with 90 % probability), so a small or young fleet keeps the prior. Applied as a shift of the logistic
 * intercept by {@code ln(factor)}: every probability moves the same way, so the ranking never changes, only the level.
 *
 * @param faultFactor the blended observed/predicted ratio applied to faults (1 = unchanged)
 * @param entrapmentFactor the same for entrapments
 */
public record Recalibration(
    double predictedFaults, long observedFaults, double faultCredibility, double faultFactor,
    double predictedEntrapments, long observedEntrapments, double entrapmentCredibility, double entrapmentFactor) {

  /** Observed events for full credibility (90 % probability of being within 5 % of the true frequency). */
  public static final double FULL_CREDIBILITY = 1082;

  public static Recalibration of(double predictedFaults, long observedFaults, double predictedEntrapments,
      long observedEntrapments) {
    double zf = credibility(observedFaults);
    double ze = credibility(observedEntrapments);
    return new Recalibration(predictedFaults, observedFaults, zf, blend(zf, observedFaults, predictedFaults),
        predictedEntrapments, observedEntrapments, ze, blend(ze, observedEntrapments, predictedEntrapments));
  }

  static double credibility(long observed) {
    return Math.min(1, Math.sqrt(observed / FULL_CREDIBILITY));
  }

  private static double blend(double z, long observed, double predicted) {
    return predicted <= 0 ? 1 : z * (observed / predicted) + (1 - z);
  }

  /** {@code model} at the recalibrated level, its version naming the factors. */
  public RiskModel apply(RiskModel model, String label) {
    double[] fault = model.fault().clone();
    double[] trap = model.entrapment().clone();
    fault[0] += Math.log(faultFactor);
    trap[0] += Math.log(entrapmentFactor);
    String version = String.format(Locale.ROOT, "%s + cal %s (fault x%.3f, entrapment x%.3f)", model.version(), label,
        faultFactor, entrapmentFactor);
    return new RiskModel(version, model.trainedOn() + "; level recalibrated on " + label, model.features(), fault, trap,
        model.means());
  }
}
