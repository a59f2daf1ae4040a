package io.liftguard.insurance;

import io.liftguard.fleet.ReadSide;
import io.liftguard.kernel.store.StoreHealth;
import io.liftguard.twin.TwinSettings;
import io.liftguard.twin.risk.ServingModel;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Insurance on this node: the product catalog, the sharded policies, the insurance read model (its
 * tables migrated into the read database, its projection), the projection that turns twin events
 * into claims and re-ratings, and the periodic review. (The risk model's recalibration to the fleet
 * lives with the model, in twin/risk.)
 */
public final class Insurance {
  private Insurance() {}

  /** What insurance serves on this node. */
  public record Node(PolicyBook policies) {}

  public static CompletionStage<Node> start(
      ActorSystem<?> system,
      InsuranceSettings settings,
      ReadSide readSide,
      TwinSettings twins,
      ServingModel model,
      StoreHealth storeHealth,
      ContractVisits visits,
      Clock clock) {
    ProductCatalog catalog = ProductCatalog.load();
    var queries = ReadSide.queries(system);
    return readSide
        .migrate(system, "insurance")
        .thenApply(
            v -> {
              PolicyEntity.init(system, catalog, settings, clock);
              InsuranceReader reader = new InsuranceReader(readSide.store(), queries);
              // The class risk a tariff is filed against stays at the shipped model's level; twins
              // serve the recalibrated one.
              Underwriter underwriter =
                  new Underwriter(
                      readSide.reader(),
                      model.shipped(),
                      clock,
                      settings.maintenanceRecordsTtl(),
                      visits);
              PolicyBook book =
                  new PolicyBook(system, catalog, settings, underwriter, reader, storeHealth);
              InsuranceProjection.init(system, readSide.store(), readSide.lags());
              CoverEventsProjection.init(
                  system, readSide.store(), twins, book, queries, readSide.lags());
              PolicyReviewer.init(system, book, underwriter, settings);
              return new Node(book);
            });
  }
}
