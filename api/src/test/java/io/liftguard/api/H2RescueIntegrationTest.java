package io.liftguard.api;

import io.liftguard.twin.TestNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The rescue workflow over HTTP on the embedded default store. */
class H2RescueIntegrationTest extends RescueContract {
  @TempDir Path dataDir;

  @Override
  Map<String, Object> store() {
    return TestNode.h2(dataDir.toString());
  }
}
