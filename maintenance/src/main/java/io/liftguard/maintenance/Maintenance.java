package io.liftguard.maintenance;

import io.liftguard.fleet.ReadSide;
import io.liftguard.kernel.store.StoreHealth;
import io.liftguard.twin.ElevatorFleet;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The maintenance companies' half on this node: the sharded contracts and certificates, the
 * maintenance read model (its tables migrated into the read database, its projection) and the desk
 * the API uses.
 */
public final class Maintenance {
  private Maintenance() {}

  public static CompletionStage<MaintenanceDesk> start(
      ActorSystem<?> system,
      ReadSide readSide,
      ElevatorFleet fleet,
      StoreHealth storeHealth,
      Clock clock) {
    var queries = ReadSide.queries(system);
    return readSide
        .migrate(system, "maintenance")
        .thenApply(
            v -> {
              ContractEntity.init(system, clock);
              CertificateEntity.init(system, clock);
              ContractProjection.init(system, readSide.store(), readSide.lags());
              return new MaintenanceDesk(
                  system,
                  new MaintenanceReader(readSide.store(), queries),
                  fleet,
                  storeHealth,
                  clock);
            });
  }
}
