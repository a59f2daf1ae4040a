package io.liftguard.regulation;

import io.liftguard.fleet.ReadSide;
import io.liftguard.twin.TwinSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * Regulators' side on this node: the live warnings' table (migrated into the read database) and
 * projections.
 */
public final class Regulation {

  private Regulation() {}

  /**
   * Migrates the warnings' tables, starts their projections, and answers the reader of the
   * warnings.
   */
  public static CompletionStage<WarningReader> start(
      ActorSystem<?> system, ReadSide readSide, TwinSettings twins) {
    var blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    var queries =
        system
            .dispatchers()
            .lookup(DispatcherSelector.fromConfig("liftguard.read-side.query-dispatcher"));
    return CompletableFuture.runAsync(() -> readSide.store().migrateModule("regulation"), blocking)
        .thenApply(
            v -> {
              WarningsProjection.init(system, readSide.store(), twins, readSide.lags());
              return new WarningReader(readSide.store(), queries);
            });
  }
}
