package io.liftguard.twin.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;

/** Makes the configured store ready before any twin persists. */
public final class StoreBootstrap {
  private StoreBootstrap() {}

  /**
   * H2: creates the journal, snapshot and durable-state tables if missing (pekko-persistence-jdbc does not do
   * it by itself; the utility lives in its testkit package but ships in the main jar). Cassandra: keyspace and
   * tables are created by the plugin when {@code liftguard.cassandra.autocreate} is on.
   */
  public static CompletionStage<Done> prepare(ActorSystem<?> system) {
    return switch (LiftGuardConfig.Store.of(system.settings().config())) {
      case H2 -> SchemaUtils.createIfNotExists(system);
      case CASSANDRA -> CompletableFuture.completedFuture(Done.getInstance());
    };
  }
}
