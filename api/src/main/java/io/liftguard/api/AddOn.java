package io.liftguard.api;

import com.typesafe.config.Config;
import io.liftguard.api.access.AuthSettings;
import io.liftguard.api.access.TokenService;
import io.liftguard.insurance.InsuranceSettings;
import io.liftguard.insurance.PolicyBook;
import io.liftguard.maintenance.MaintenanceDesk;
import io.liftguard.rescue.RescueDesk;
import io.liftguard.twin.ElevatorFleet;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * What a deployable adds to the platform beside its API (the demo city, in the {@code demo}
 * module): asked before the store opens and as the modules start, and started once the API serves.
 * The platform itself knows of no add-on; the deployable ({@code app}) passes them to {@link
 * Main#run}.
 */
public interface AddOn {

  /** The platform's parts an add-on may use once the API serves. */
  record Platform(
      ElevatorFleet fleet,
      PolicyBook policies,
      RescueDesk rescue,
      MaintenanceDesk maintenance,
      TokenService tokens,
      AuthSettings auth,
      Path dataDir,
      Clock clock) {}

  /**
   * The configuration the platform starts with, decided before the store opens (its files would
   * exist by then).
   */
  default Config configure(Config config) {
    return config;
  }

  /** The insurance settings the platform starts with. */
  default InsuranceSettings insurance(Config config, InsuranceSettings settings) {
    return settings;
  }

  /** Starts the add-on, its actors children of the platform's root. */
  void serving(ActorContext<?> ctx, Platform platform);
}
