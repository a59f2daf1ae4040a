package io.liftguard.insurance;

import io.liftguard.fleet.ReadSide;
import io.liftguard.twin.TwinSettings;
import io.liftguard.twin.domain.risk.RiskModel;
import io.liftguard.twin.store.StoreHealth;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * Insurance on this node: the product catalog, the sharded policies, the insurance read model (its tables migrated
 * into the read database, its projection), the projection that turns twin events into claims and re-ratings, and
 * the periodic review.
 */
public final class Insurance {
  /** Where the insurance read model's migrations live, and their history table. */
  static final String MIGRATIONS = "classpath:db/insurance";
  static final String HISTORY_TABLE = "flyway_insurance_history";

  private Insurance() {}

  public static CompletionStage<PolicyBook> start(ActorSystem<?> system, InsuranceSettings settings, ReadSide readSide,
      TwinSettings twins, RiskModel model, StoreHealth storeHealth, Clock clock) {
    ProductCatalog catalog = ProductCatalog.load();
    var blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    var queries = system.dispatchers().lookup(DispatcherSelector.fromConfig("liftguard.read-side.query-dispatcher"));
    return CompletableFuture.runAsync(() -> readSide.store().migrate(MIGRATIONS, HISTORY_TABLE), blocking).thenApply(v -> {
      PolicyEntity.init(system, catalog, settings, clock);
      InsuranceReader reader = new InsuranceReader(readSide.store(), queries);
      Underwriter underwriter = new Underwriter(readSide.reader(), model, clock, settings.maintenanceRecordsTtl());
      PolicyBook book = new PolicyBook(system, catalog, settings, underwriter, reader, storeHealth);
      InsuranceProjection.init(system, readSide.store());
      CoverEventsProjection.init(system, readSide.store(), twins, book, queries);
      PolicyReviewer.init(system, book, underwriter, settings);
      return book;
    });
  }
}
