package io.liftguard.regulation;

import io.liftguard.fleet.ReadSide;
import io.liftguard.twin.TwinSettings;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;

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
    var queries = ReadSide.queries(system);
    return readSide
        .migrate(system, "regulation")
        .thenApply(
            v -> {
              WarningsProjection.init(system, readSide.store(), twins, readSide.lags());
              return new WarningReader(readSide.store(), queries);
            });
  }
}
