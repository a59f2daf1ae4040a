package io.liftguard.rescue;

import com.typesafe.config.Config;
import io.liftguard.fleet.ReadSide;
import io.liftguard.kernel.store.StoreHealth;
import io.liftguard.rescue.domain.RescueSettings;
import io.liftguard.twin.TwinSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The 96333 rescue workflow on this node: the sharded rescue cases, the rescue read model (its
 * table migrated into the read database, its projection), the projection that opens a case for
 * every entrapment a twin records, and the watch that escalates cases whose clocks ran out.
 */
public final class Rescue {

  private Rescue() {}

  /** The {@code liftguard.rescue} section of the configuration. */
  public record Settings(RescueSettings clocks, Duration checkInterval) {
    public static Settings fromConfig(Config root) {
      Config c = root.getConfig("liftguard.rescue");
      return new Settings(
          new RescueSettings(
              c.getDuration("acknowledge-within"),
              c.getDuration("arrive-within"),
              c.getDuration("emergency-services-after")),
          c.getDuration("check-interval"));
    }
  }

  public static CompletionStage<RescueDesk> start(
      ActorSystem<?> system,
      Settings settings,
      ReadSide readSide,
      TwinSettings twins,
      StoreHealth storeHealth,
      Clock clock) {
    var queries = ReadSide.queries(system);
    return readSide
        .migrate(system, "rescue")
        .thenApply(
            v -> {
              RescueCaseEntity.init(system, settings.clocks(), clock);
              RescueDesk desk =
                  new RescueDesk(system, new RescueReader(readSide.store(), queries), storeHealth);
              RescueProjection.init(system, readSide.store(), readSide.lags());
              AlarmsProjection.init(system, readSide.store(), twins, desk, readSide.lags());
              RescueWatch.init(system, desk, settings.checkInterval());
              return desk;
            });
  }
}
