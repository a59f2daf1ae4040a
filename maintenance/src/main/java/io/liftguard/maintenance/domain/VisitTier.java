package io.liftguard.maintenance.domain;

import java.time.Duration;

/**
 * The tiers of routine maintenance TSG T5002 sets out (半月, 季度, 半年, 年度 维护保养): each tier's visit does
 * its own items and those of the tiers below it. The minimum time on site of each tier is an
 * assumption (TSG T5002 lists items, not minutes): a visit shorter than it is flagged as one that
 * cannot have done its items, not refused.
 *
 * @param everyDays how often the tier comes round under a fixed cycle
 * @param minimumOnSite the shortest visit that can have done the tier's items (assumption)
 */
public enum VisitTier {
  HALF_MONTHLY(15, Duration.ofMinutes(30)),
  QUARTERLY(90, Duration.ofMinutes(60)),
  HALF_YEARLY(180, Duration.ofMinutes(90)),
  YEARLY(365, Duration.ofMinutes(120));

  private final int everyDays;
  private final Duration minimumOnSite;

  VisitTier(int everyDays, Duration minimumOnSite) {
    this.everyDays = everyDays;
    this.minimumOnSite = minimumOnSite;
  }

  public int everyDays() {
    return everyDays;
  }

  public Duration minimumOnSite() {
    return minimumOnSite;
  }
}
