package io.liftguard.api.routes;

import io.liftguard.fleet.ReadSide;
import io.liftguard.kernel.readside.ReadSideSettings;
import io.liftguard.kernel.readside.ReadStore;
import java.time.Duration;

/**
 * An empty read model of every module in an in-memory H2 database, migrated as the platform
 * migrates it (the fleet's, then the twin's calibration, insurance's, rescue's and regulation's own
 * folders): what the readers behind a routes class need to answer without a platform.
 */
final class InMemoryReadModel {
  private InMemoryReadModel() {}

  static ReadStore open(String name) {
    ReadStore store =
        ReadSide.open(
            new ReadSideSettings(
                ReadSideSettings.Database.EMBEDDED,
                "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "sa",
                "",
                2,
                500,
                Duration.ofMillis(100)));
    for (String module : new String[] {"twin", "insurance", "rescue", "regulation"}) {
      store.migrateModule(module);
    }
    return store;
  }
}
