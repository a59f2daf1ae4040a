package io.liftguard.insurance;

import com.typesafe.config.Config;
import java.time.Duration;

/** The {@code liftguard.insurance} section of the configuration. */
public record InsuranceSettings(
    Duration ratingPeriod, Duration reviewInterval, Duration quoteValidity, Duration maintenanceRecordsTtl,
    Duration calibrationSettle) {

  /** These settings with rating periods of {@code period}, reviewed at least every {@code review} (simulated time). */
  public InsuranceSettings inSimulatedTime(Duration period, Duration review) {
    return new InsuranceSettings(period, review.compareTo(reviewInterval) < 0 ? review : reviewInterval, quoteValidity,
        maintenanceRecordsTtl, calibrationSettle.compareTo(review) < 0 ? calibrationSettle : review);
  }

  public static InsuranceSettings fromConfig(Config root) {
    Config c = root.getConfig("liftguard.insurance");
    InsuranceSettings s = new InsuranceSettings(c.getDuration("rating-period"), c.getDuration("review-interval"),
        c.getDuration("quote-validity"), c.getDuration("maintenance-records-ttl"), c.getDuration("calibration-settle"));
    if (s.ratingPeriod.isNegative() || s.ratingPeriod.isZero() || s.reviewInterval.isNegative() || s.reviewInterval.isZero()) {
      throw new IllegalArgumentException("liftguard.insurance.rating-period and review-interval must be positive");
    }
    return s;
  }
}
