package io.liftguard.fleet;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The fleet read model's own settings (in {@code liftguard.read-side}, beside the database's).
 *
 * @param offlineAfter an elevator whose newest persisted reading is older than this is offline
 * @param dayCheckInterval how often the aggregates' overdue counts are checked for a new day
 */
public record FleetSettings(Duration offlineAfter, Duration dayCheckInterval) {
  public static FleetSettings fromConfig(Config root) {
    Config c = root.getConfig("liftguard.read-side");
    return new FleetSettings(c.getDuration("offline-after"), c.getDuration("day-check-interval"));
  }
}
