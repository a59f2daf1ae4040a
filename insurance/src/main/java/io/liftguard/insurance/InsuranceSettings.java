package io.liftguard.insurance;

import com.typesafe.config.Config;
import java.time.Duration;

/** The {@code liftguard.insurance} section of the configuration. */
public record InsuranceSettings(
    Duration ratingPeriod,
    Duration reviewInterval,
    Duration quoteValidity,
    Duration maintenanceRecordsTtl,
    Duration calibrationSettle) {

  /**
   * These settings with policies reviewed at least every {@code review}: a demo city's policies,
   * bound with rating periods of simulated days, end theirs that often. Reviewing more often
   * changes nothing for other policies (a review acts on periods that have ended); their rating
   * period, and the risk model's calibration periods, stay.
   */
  public InsuranceSettings reviewedEvery(Duration review) {
    return new InsuranceSettings(
        ratingPeriod,
        review.compareTo(reviewInterval) < 0 ? review : reviewInterval,
        quoteValidity,
        maintenanceRecordsTtl,
        calibrationSettle);
  }

  public static InsuranceSettings fromConfig(Config root) {
    Config c = root.getConfig("liftguard.insurance");
    InsuranceSettings s =
        new InsuranceSettings(
            c.getDuration("rating-period"),
            c.getDuration("review-interval"),
            c.getDuration("quote-validity"),
            c.getDuration("maintenance-records-ttl"),
            c.getDuration("calibration-settle"));
    if (s.ratingPeriod.isNegative()
        || s.ratingPeriod.isZero()
        || s.reviewInterval.isNegative()
        || s.reviewInterval.isZero()) {
      throw new IllegalArgumentException(
          "liftguard.insurance.rating-period and review-interval must be positive");
    }
    return s;
  }
}
