package io.liftguard.api;

import io.liftguard.twin.TestNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The maintenance workflow over HTTP on the embedded default store. */
class H2MaintenanceIntegrationTest extends MaintenanceWorkflow {
  @TempDir Path dataDir;

  @Override
  Map<String, Object> store() {
    return TestNode.h2(dataDir.toString());
  }
}
