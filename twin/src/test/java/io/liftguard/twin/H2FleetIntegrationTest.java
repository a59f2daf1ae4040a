package io.liftguard.twin;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The fleet contract on the embedded default store: H2 files under a data directory. */
class H2FleetIntegrationTest extends FleetStoreContract {
  @TempDir Path dataDir;

  @Override
  Map<String, Object> store() {
    return TestNode.h2(dataDir.toString());
  }
}
