package io.liftguard.fleet;

import io.liftguard.twin.TwinSettings;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;

/** The fleet read model on this node: its database, its projections and the queries the API asks. */
public record ReadSide(ReadStore store, FleetReader reader, ProjectionLag lag) {

  /**
   * Opens (and migrates) the read database off the actor threads, then starts the fleet projections; the database
   * closes when the system shuts down.
   */
  public static CompletionStage<ReadSide> start(ActorSystem<?> system, TwinSettings twins, Clock clock) {
    ReadSideSettings settings = ReadSideSettings.fromConfig(system.settings().config());
    var blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    return CompletableFuture.supplyAsync(() -> ReadStore.open(settings), blocking).thenApply(store -> {
      CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "close-read-store",
          () -> {
            store.close();
            return CompletableFuture.completedFuture(Done.getInstance());
          });
      ProjectionLag lag = new ProjectionLag(clock);
      FleetProjection.init(system, store, twins, lag);
      var queries = system.dispatchers().lookup(DispatcherSelector.fromConfig("liftguard.read-side.query-dispatcher"));
      return new ReadSide(store, new FleetReader(store, clock, queries), lag);
    });
  }
}
